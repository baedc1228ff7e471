// MCP Versions: Create server.json — drafts server.json from the project (src/init), lets the user confirm
// the name, packages and endpoint, and writes it with the ownership markers the registry needs, in one edit.
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import { draftServerJson, type DetectedPackage, type DraftInput, type DraftResult, type PackageKind, type RemoteTransportType } from '../init';
import { validateServerJson } from '../serverJson';
import type { StartPrompts } from './prompts';
import { exists, readProject, readText } from './readProject';

export interface StartDeps {
  readonly log: vscode.LogOutputChannel;
  /** The interaction layer (the registry → server → version picker asks through it). */
  readonly ui: Prompts;
  readonly prompts: () => StartPrompts;
}

export type CreateOutcome =
  | { kind: 'exists'; uri: vscode.Uri }
  | {
    kind: 'created';
    uri: vscode.Uri;
    text: string;
    /** Files the marker edits changed or created. */
    markerFiles: vscode.Uri[];
    /** Problems the registry would refuse the draft for (it is written anyway). */
    errors: string[];
    todos: string[];
    /** Removes server.json and restores every marker file: the whole creation, as one step. */
    undo(): Promise<boolean>;
  };

const REMOTE_ITEM = 'remote';

/** A folder `Uri`, a workspace view node with a `uri`, or (palette) the workspace folder. */
async function chooseFolder(deps: StartDeps, arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) throw new UserFacingError(vscode.l10n.t('Open the folder of your MCP server first: server.json is created in it.'));
  if (folders.length === 1) return folders[0].uri;
  const picked = await deps.prompts().pick(folders.map((folder) => ({ label: folder.name, description: folder.uri.fsPath, folder })), { title: vscode.l10n.t('Create server.json'), placeHolder: vscode.l10n.t('Which folder holds the server?') });
  if (!picked) throw new UserCancelledError();
  return picked.folder.uri;
}

export async function runCreateServerJson(deps: StartDeps, arg: unknown): Promise<CreateOutcome> {
  const prompts = deps.prompts();
  const folder = await chooseFolder(deps, arg);
  const target = vscode.Uri.joinPath(folder, 'server.json');
  if (await exists(target)) {
    const open = vscode.l10n.t('Open server.json');
    void Promise.resolve(prompts.message('information', vscode.l10n.t('{0} already has a server.json; it was left as it is.', vscode.workspace.asRelativePath(folder)), {}, open))
      .then((choice) => (choice === open ? vscode.window.showTextDocument(target) : undefined));
    return { kind: 'exists', uri: target };
  }

  const project = await readProject(folder);
  const base: DraftInput = { files: project.files, gitRemoteUrl: project.gitRemoteUrl, subfolder: project.subfolder };
  let draft = draftServerJson(base);
  const input: DraftInput = { ...base, ...(await choosePackages(prompts, draft.detected)) };
  draft = draftServerJson(input);
  const name = await confirmName(prompts, draft);
  draft = draftServerJson({ ...input, name });

  const text = `${JSON.stringify(draft.serverJson, null, 2)}\n`;
  const errors = validateServerJson(text).filter((problem) => problem.severity === 'error').map((problem) => `${problem.path ? `${problem.path}: ` : ''}${problem.message}`);
  const written = await writeDraft(folder, target, text, draft);
  const todos = draft.notes.filter((note) => note.kind === 'todo').map((note) => note.message);
  deps.log.info(`Create server.json: wrote ${vscode.workspace.asRelativePath(target)}${written.markerFiles.length > 0 ? ` and ${written.markerFiles.map((uri) => vscode.workspace.asRelativePath(uri)).join(', ')}` : ''}`);
  for (const note of draft.notes) deps.log.info(`Create server.json: ${note.kind}: ${note.message}`);
  for (const error of errors) deps.log.warn(`Create server.json: the registry would refuse it: ${error}`);

  await vscode.window.showTextDocument(target, { preview: false });
  offerNextStep(deps, prompts, target, draft, todos, errors, written.undo);
  return { kind: 'created', uri: target, text, markerFiles: written.markerFiles, errors, todos, undo: written.undo };
}

async function choosePackages(prompts: StartPrompts, detected: readonly DetectedPackage[]): Promise<Pick<DraftInput, 'include' | 'remote'>> {
  // Nothing the registry could list (no package, or only one it would not accept): a hosted endpoint instead.
  let remoteChosen = detected.length <= 1 && !detected.some((pkg) => pkg.included);
  let include: PackageKind[] | undefined;
  if (detected.length > 1) {
    type Item = vscode.QuickPickItem & { choice: PackageKind | typeof REMOTE_ITEM };
    const items: Item[] = [
      ...detected.map((pkg) => ({ label: `${pkg.kind}: ${pkg.identifier}`, description: [pkg.version, pkg.file].filter(Boolean).join(' · '), picked: pkg.included, choice: pkg.kind })),
      { label: vscode.l10n.t('Remote server (a hosted https endpoint)'), choice: REMOTE_ITEM },
    ];
    const picked = await prompts.pickMany(items, { title: vscode.l10n.t('Create server.json: packages'), placeHolder: vscode.l10n.t('Which packages does server.json list?') });
    if (!picked) throw new UserCancelledError();
    include = picked.filter((item) => item.choice !== REMOTE_ITEM).map((item) => item.choice as PackageKind);
    remoteChosen = picked.some((item) => item.choice === REMOTE_ITEM);
  }
  if (!remoteChosen) return include ? { include } : {};
  return { include: include ?? [], remote: await askRemote(prompts) };
}

async function askRemote(prompts: StartPrompts): Promise<{ url: string; type: RemoteTransportType }> {
  const url = await prompts.input({
    title: vscode.l10n.t('Create server.json: remote endpoint'),
    prompt: vscode.l10n.t('The https URL clients connect to (the project has no package the registry could list)'),
    placeHolder: 'https://mcp.example.com/mcp',
    validateInput: (value) => {
      try {
        return new URL(value.trim()).protocol === 'https:' ? undefined : vscode.l10n.t('Clients reach a published server over https.');
      } catch {
        return vscode.l10n.t('Enter a URL such as https://mcp.example.com/mcp');
      }
    },
  });
  if (url === undefined) throw new UserCancelledError();
  const transports: (vscode.QuickPickItem & { type: RemoteTransportType })[] = [
    { label: 'streamable-http', description: vscode.l10n.t('Streamable HTTP (current)'), type: 'streamable-http' },
    { label: 'sse', description: vscode.l10n.t('Server-Sent Events (older servers)'), type: 'sse' },
  ];
  const transport = await prompts.pick(transports, { title: vscode.l10n.t('Create server.json: transport'), placeHolder: vscode.l10n.t('How do clients talk to {0}?', url.trim()) });
  if (!transport) throw new UserCancelledError();
  return { url: url.trim(), type: transport.type };
}

/** The name, confirmed by the user and checked with the editor's rules (an error refuses it). */
async function confirmName(prompts: StartPrompts, draft: DraftResult): Promise<string> {
  const nameError = (value: string) => validateServerJson(JSON.stringify({ ...draft.serverJson, name: value.trim() })).find((problem) => problem.path === 'name' && problem.severity === 'error')?.message;
  const name = await prompts.input({
    title: vscode.l10n.t('Create server.json: name'),
    prompt: vscode.l10n.t('The server name: reverse-DNS namespace you can publish under, then "/" and the server, e.g. io.github.<user>/<server>'),
    value: String(draft.serverJson.name ?? ''),
    validateInput: (value) => nameError(value),
  });
  if (name === undefined) throw new UserCancelledError();
  const error = nameError(name);
  if (error) throw new UserFacingError(vscode.l10n.t('Nothing was created: {0}', error));
  return name.trim();
}

/** server.json and every marker edit in one WorkspaceEdit; edited files are saved. */
async function writeDraft(folder: vscode.Uri, target: vscode.Uri, text: string, draft: DraftResult): Promise<{ markerFiles: vscode.Uri[]; undo: () => Promise<boolean> }> {
  const edit = new vscode.WorkspaceEdit();
  const label = vscode.l10n.t('Create server.json');
  edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) }, { label, needsConfirmation: false });
  const before = new Map<string, { uri: vscode.Uri; text?: string }>();
  for (const marker of draft.markerEdits) {
    const uri = vscode.Uri.joinPath(folder, marker.file);
    if (marker.createsFile) {
      edit.createFile(uri, { overwrite: false, contents: new TextEncoder().encode(marker.newText) }, { label, needsConfirmation: false });
      before.set(uri.toString(), { uri });
      continue;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const original = document.getText();
    if (original !== (await readText(uri))) throw new UserFacingError(vscode.l10n.t('Nothing was created: {0} changed while server.json was drafted. Run Create server.json again.', marker.file));
    before.set(uri.toString(), { uri, text: original });
    for (const change of marker.edits) {
      edit.replace(uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.content, { label: marker.description, needsConfirmation: false });
    }
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new UserFacingError(vscode.l10n.t('server.json could not be created in {0}.', vscode.workspace.asRelativePath(folder)));
  for (const { uri, text: original } of before.values()) {
    if (original === undefined) continue;
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty) await document.save();
  }
  const markerFiles = [...before.values()].map((entry) => entry.uri);
  const undo = async () => {
    const revert = new vscode.WorkspaceEdit();
    revert.deleteFile(target, { ignoreIfNotExists: true }, { label: vscode.l10n.t('Undo Create server.json'), needsConfirmation: false });
    for (const { uri, text: original } of before.values()) {
      if (original === undefined) {
        revert.deleteFile(uri, { ignoreIfNotExists: true });
        continue;
      }
      const document = await vscode.workspace.openTextDocument(uri);
      revert.replace(uri, new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length)), original);
    }
    if (!(await vscode.workspace.applyEdit(revert))) return false;
    for (const { uri, text: original } of before.values()) {
      if (original === undefined) continue;
      const document = await vscode.workspace.openTextDocument(uri);
      if (document.isDirty) await document.save();
      if (document.getText() !== original) return false;
    }
    return !(await exists(target));
  };
  return { markerFiles, undo };
}

function offerNextStep(deps: StartDeps, prompts: StartPrompts, target: vscode.Uri, draft: DraftResult, todos: readonly string[], errors: readonly string[], undo: () => Promise<boolean>): void {
  const signIn = vscode.l10n.t('Sign In…');
  const publish = vscode.l10n.t('Publish Version');
  const undoAction = vscode.l10n.t('Undo');
  const showLog = vscode.l10n.t('Show Log');
  const name = String(draft.serverJson.name);
  const parts = [vscode.l10n.t('Created server.json for {0}.', name)];
  if (draft.markerEdits.length > 0) parts.push(draft.markerEdits.map((marker) => marker.description).join('; ') + '.');
  if (errors.length > 0) parts.push(vscode.l10n.t('The registry would refuse it as it is: {0}', errors.join('; ')));
  if (todos.length > 0) parts.push(vscode.l10n.t('{0} thing(s) to check (see the log): {1}', todos.length, todos[0]));
  parts.push(vscode.l10n.t('Next: sign in to a registry, then Publish Version.'));
  void Promise.resolve(prompts.message(errors.length > 0 ? 'warning' : 'information', parts.join(' '), {}, signIn, publish, undoAction, showLog)).then(async (choice) => {
    if (choice === signIn) await vscode.commands.executeCommand('mcpVersions.signIn');
    if (choice === publish) await vscode.commands.executeCommand('mcpVersions.publishVersion', target);
    if (choice === showLog) deps.log.show(true);
    if (choice === undoAction) deps.log.info(`Create server.json: undo ${(await undo()) ? 'restored every file' : 'did not restore every file'}`);
  });
}
