// Reads what draftServerJson needs from a folder with vscode.workspace.fs (open editors win over disk, so
// marker edits line up with what the user sees), and the git remote from the repository's config file.
import * as vscode from 'vscode';

/** Files beyond this size are not read (hostile input stays bounded). */
const MAX_BYTES = 1_000_000;
const MAX_ANCESTORS = 8;
const ROOT_FILES = ['package.json', 'Cargo.toml', 'pyproject.toml', 'pnpm-workspace.yaml', 'go.work'];
const HERE_FILES = ['package.json', 'pyproject.toml', 'setup.cfg', 'setup.py', 'Cargo.toml', 'manifest.json', 'Dockerfile', '.env.example', '.env.sample'];

export interface ProjectRead {
  files: Record<string, string>;
  gitRemoteUrl?: string;
  /** This folder's path from the repository root, when it is not the root. */
  subfolder?: string;
}

export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString() && !document.isClosed);
  if (open) return open.getText();
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory || stat.size > MAX_BYTES) return undefined;
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(() => true, () => false);
}

async function entries(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
  return Promise.resolve(vscode.workspace.fs.readDirectory(uri)).then((list) => list.slice(0, 2000), () => []);
}

export async function readProject(folder: vscode.Uri): Promise<ProjectRead> {
  const files: Record<string, string> = {};
  const add = async (key: string, uri: vscode.Uri) => {
    const text = await readText(uri);
    if (text !== undefined) files[key] = text;
  };
  const here = await entries(folder);
  const names = new Set(here.map(([name]) => name));
  for (const name of HERE_FILES) if (names.has(name)) await add(name, vscode.Uri.joinPath(folder, name));
  for (const [name, type] of here) {
    if (type !== vscode.FileType.File) continue;
    if (/^readme(\.(md|markdown|rst|txt))?$/i.test(name) || /\.csproj$/i.test(name)) await add(name, vscode.Uri.joinPath(folder, name));
  }
  if (names.has('src')) {
    for (const [name, type] of await entries(vscode.Uri.joinPath(folder, 'src'))) {
      if (type === vscode.FileType.File && /\.csproj$/i.test(name)) await add(`src/${name}`, vscode.Uri.joinPath(folder, 'src', name));
      if (type === vscode.FileType.Directory) {
        for (const [inner, innerType] of await entries(vscode.Uri.joinPath(folder, 'src', name))) {
          if (innerType === vscode.FileType.File && /\.csproj$/i.test(inner)) await add(`src/${name}/${inner}`, vscode.Uri.joinPath(folder, 'src', name, inner));
        }
      }
    }
  }

  const git = await findGit(folder, names.has('.git'));
  const read: ProjectRead = { files };
  if (git) {
    read.gitRemoteUrl = await originUrl(git.gitEntry);
    if (git.depth > 0) {
      read.subfolder = folder.path.slice(git.root.path.length).replace(/^\/+/, '');
      let up = '';
      let dir = folder;
      for (let level = 1; level <= git.depth; level++) {
        up += '../';
        dir = vscode.Uri.joinPath(dir, '..');
        for (const name of ROOT_FILES) await add(`${up}${name}`, vscode.Uri.joinPath(dir, name));
      }
    }
  }
  return read;
}

/** The nearest ancestor holding `.git` (a folder, or a file in worktrees and submodules). */
async function findGit(folder: vscode.Uri, hereHasGit: boolean): Promise<{ root: vscode.Uri; gitEntry: vscode.Uri; depth: number } | undefined> {
  if (hereHasGit) return { root: folder, gitEntry: vscode.Uri.joinPath(folder, '.git'), depth: 0 };
  let dir = folder;
  for (let depth = 1; depth <= MAX_ANCESTORS; depth++) {
    const parent = vscode.Uri.joinPath(dir, '..');
    if (parent.path === dir.path) return undefined;
    dir = parent;
    const entry = vscode.Uri.joinPath(dir, '.git');
    if (await exists(entry)) return { root: dir, gitEntry: entry, depth };
  }
  return undefined;
}

/** `remote "origin"` url (else the first remote's) from the repository's config; follows `gitdir:`/`commondir`. */
async function originUrl(gitEntry: vscode.Uri): Promise<string | undefined> {
  let gitDir = gitEntry;
  const pointer = await readText(gitEntry);
  if (pointer !== undefined) {
    const target = /^gitdir:\s*(.+)$/m.exec(pointer)?.[1]?.trim();
    if (!target) return undefined;
    gitDir = target.startsWith('/') || /^[A-Za-z]:/.test(target) ? gitEntry.with({ path: target.replace(/\\/g, '/').replace(/^([A-Za-z]:)/, '/$1') }) : vscode.Uri.joinPath(gitEntry, '..', target);
    const common = (await readText(vscode.Uri.joinPath(gitDir, 'commondir')))?.trim();
    if (common) gitDir = common.startsWith('/') ? gitDir.with({ path: common }) : vscode.Uri.joinPath(gitDir, common);
  }
  const config = await readText(vscode.Uri.joinPath(gitDir, 'config'));
  return config === undefined ? undefined : remoteFromConfig(config);
}

export function remoteFromConfig(config: string): string | undefined {
  const remotes = new Map<string, string>();
  let section: string | undefined;
  for (const line of config.split(/\r?\n/)) {
    const header = /^\s*\[\s*remote\s+"([^"]+)"\s*\]/.exec(line);
    if (header) { section = header[1]; continue; }
    if (/^\s*\[/.test(line)) { section = undefined; continue; }
    const url = /^\s*url\s*=\s*(.+?)\s*$/.exec(line)?.[1];
    if (section && url && !remotes.has(section)) remotes.set(section, url);
  }
  return remotes.get('origin') ?? remotes.values().next().value;
}
