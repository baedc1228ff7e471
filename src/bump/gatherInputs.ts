// Everything a bump reads from the workspace, before anything is changed: server.json, the package
// manifests from its folder up to the workspace root, the configured extra files and new MCPB files.
import * as vscode from 'vscode';
import { settings } from '../util/settings';
import { createHash } from 'node:crypto';
import { BumpPlanError, checkExtraFileRule, mcpbRenames, type BumpInputs, type BumpSource, type ExtraFileInput, type ExtraFileRule } from './model';

export interface GatheredFiles {
  readonly inputs: BumpInputs;
  /** Every file read, by id (its URI string). */
  readonly files: ReadonlyMap<string, { uri: vscode.Uri; text: string }>;
  /** Configured places left alone, with the reason. */
  readonly notes: readonly string[];
}

function isInside(uri: vscode.Uri, folder: vscode.Uri): boolean {
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.scheme === folder.scheme && uri.authority === folder.authority && uri.path.startsWith(prefix);
}

const EXCLUDE = '**/node_modules/**';

/** The editor's text when the file is open (it may be unsaved), else the file on disk; undefined when it is missing. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open && !open.isClosed) return open.getText();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    if (error instanceof TypeError) throw new BumpPlanError([vscode.l10n.t('{0} is not UTF-8 text', vscode.workspace.asRelativePath(uri))]);
    throw new BumpPlanError([vscode.l10n.t('{0} cannot be read ({1})', vscode.workspace.asRelativePath(uri), (error as Error).message)]);
  }
}

/** The folders from the server.json's folder up to (and including) its workspace folder. */
function foldersUpToRoot(uri: vscode.Uri): vscode.Uri[] {
  const root = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  const folders: vscode.Uri[] = [];
  let current = vscode.Uri.joinPath(uri, '..');
  for (let depth = 0; depth < 64; depth++) {
    folders.push(current);
    if (!root || current.path === root.path || current.path.length <= root.path.length) break;
    current = vscode.Uri.joinPath(current, '..');
  }
  return folders;
}

function globEscape(name: string): string {
  return name.replace(/[*?[\]{}!]/g, (c) => `[${c}]`);
}

export async function gatherBumpInputs(serverJsonUri: vscode.Uri, newVersion: string): Promise<GatheredFiles> {
  const files = new Map<string, { uri: vscode.Uri; text: string }>();
  const problems: string[] = [];
  const read = async (uri: vscode.Uri): Promise<BumpSource | undefined> => {
    const id = uri.toString();
    const known = files.get(id);
    if (known) return { id, text: known.text };
    const text = await readText(uri);
    if (text === undefined) return undefined;
    files.set(id, { uri, text });
    return { id, text };
  };

  const serverJson = await read(serverJsonUri);
  if (!serverJson) throw new BumpPlanError([vscode.l10n.t('{0} does not exist', vscode.workspace.asRelativePath(serverJsonUri))]);

  const packageJsons: BumpSource[] = [];
  const pyprojects: BumpSource[] = [];
  for (const folder of foldersUpToRoot(serverJsonUri)) {
    const packageJson = await read(vscode.Uri.joinPath(folder, 'package.json'));
    if (packageJson) packageJsons.push(packageJson);
    const pyproject = await read(vscode.Uri.joinPath(folder, 'pyproject.toml'));
    if (pyproject) pyprojects.push(pyproject);
  }

  // Extra files are named relative to the workspace folder, but only those under the server.json's own
  // folder move with it: in a repository with several servers, each bump touches its own files.
  const extraFiles: ExtraFileInput[] = [];
  const notes: string[] = [];
  const serverFolder = vscode.Uri.joinPath(serverJsonUri, '..');
  const configured = (settings.bumpExtraFiles(serverJsonUri) ?? []) as ExtraFileRule[];
  // A server.json outside every workspace folder takes the paths relative to its own folder.
  const base = vscode.workspace.getWorkspaceFolder(serverJsonUri)?.uri ?? serverFolder;
  for (const rule of Array.isArray(configured) ? configured : []) {
    const problem = checkExtraFileRule(rule);
    if (problem) {
      problems.push(problem);
      continue;
    }
    if (/[*?[\]{}]/.test(rule.path)) {
      const matches = await vscode.workspace.findFiles(new vscode.RelativePattern(base, rule.path), EXCLUDE);
      for (const uri of matches.filter((match) => isInside(match, serverFolder))) {
        const source = await read(uri);
        if (source) extraFiles.push({ source, rule });
      }
    } else {
      const uri = vscode.Uri.joinPath(base, rule.path);
      if (!isInside(uri, serverFolder)) {
        notes.push(`mcpVersions.bump.extraFiles: ${rule.path} is outside the folder of this server.json, left alone`);
        continue;
      }
      const source = await read(uri);
      if (source) extraFiles.push({ source, rule });
      else problems.push(`mcpVersions.bump.extraFiles: ${rule.path} does not exist in the workspace folder ${vscode.workspace.getWorkspaceFolder(base)?.name ?? base.fsPath}`);
    }
  }
  if (problems.length > 0) throw new BumpPlanError(problems);

  const mcpbHashes: Record<number, { sha256: string; foundAt: string }> = {};
  for (const rename of mcpbRenames(serverJson.text, newVersion)) {
    if (!rename.fileName) continue;
    const [found] = await vscode.workspace.findFiles(`**/${globEscape(rename.fileName)}`, EXCLUDE, 1);
    if (!found) continue;
    const bytes = await vscode.workspace.fs.readFile(found);
    mcpbHashes[rename.packageIndex] = { sha256: createHash('sha256').update(bytes).digest('hex'), foundAt: vscode.workspace.asRelativePath(found) };
  }

  return { inputs: { serverJson, newVersion, packageJsons, pyprojects, extraFiles, mcpbHashes }, files, notes };
}
