// Start New Version from This: a published version's server.json, without the registry's _meta and with
// the next free version, written into a folder of the workspace (after a diff preview when one exists).
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import { PROVENANCE_KEY } from '../changes';
import { OFFICIAL_META_KEY, PUBLISHER_META_KEY } from '../registry';
import type { RegistryTreeProvider } from '../tree/provider';
import { versionTarget } from '../tree/targets';
import { suggestNextVersions } from '../versioning';
import type { StartDeps } from './createServerJson';
import { exists, readText } from './readProject';

export { PREVIEW_SCHEME, PreviewDocuments } from './previews';
import type { PreviewDocuments } from './previews';

export interface NewVersionOutcome {
  readonly uri: vscode.Uri;
  readonly from: string;
  readonly version: string;
  readonly text: string;
}

/** A published server.json as a draft: registry-owned `_meta` and our provenance removed. */
export function withoutRegistryMeta(server: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(server)) as Record<string, unknown>;
  const meta = copy._meta as Record<string, unknown> | undefined;
  if (meta && typeof meta === 'object') {
    delete meta[OFFICIAL_META_KEY];
    const publisher = meta[PUBLISHER_META_KEY] as Record<string, unknown> | undefined;
    if (publisher && typeof publisher === 'object') {
      delete publisher[PROVENANCE_KEY];
      if (Object.keys(publisher).length === 0) delete meta[PUBLISHER_META_KEY];
    }
    if (Object.keys(meta).length === 0) delete copy._meta;
  }
  return copy;
}

async function chooseFolder(deps: StartDeps, title: string): Promise<vscode.Uri> {
  const prompts = deps.prompts();
  const found = await vscode.workspace.findFiles('**/server.json', '**/node_modules/**', 50);
  type Item = vscode.QuickPickItem & { uri?: vscode.Uri };
  const items: Item[] = [];
  const seen = new Set<string>();
  const add = (uri: vscode.Uri, description: string) => {
    if (seen.has(uri.toString())) return;
    seen.add(uri.toString());
    items.push({ label: vscode.workspace.asRelativePath(uri, true) || uri.fsPath, description, uri });
  };
  for (const file of found) add(vscode.Uri.joinPath(file, '..'), vscode.l10n.t('has a server.json: compare first'));
  for (const folder of vscode.workspace.workspaceFolders ?? []) add(folder.uri, vscode.l10n.t('workspace folder'));
  items.push({ label: vscode.l10n.t('Choose a Folder…') });
  const picked = await prompts.pick(items, { title, placeHolder: vscode.l10n.t('Where should the new version\'s server.json go?') });
  if (!picked) throw new UserCancelledError();
  const folder = picked.uri ?? (await prompts.pickFolder(title));
  if (!folder) throw new UserCancelledError();
  return folder;
}

export async function runStartNewVersion(deps: StartDeps, provider: RegistryTreeProvider, previews: PreviewDocuments, arg: unknown): Promise<NewVersionOutcome> {
  const title = vscode.l10n.t('Start New Version from This');
  const { server, row } = await versionTarget(deps.ui, provider, arg, { title, includeDeleted: true });
  const rows = await provider.versionsFor(server, true);
  const existing = [...new Set([...rows.map((r) => r.version), row.version])];
  const deleted = rows.filter((r) => r.status === 'deleted').map((r) => r.version);
  const latest = rows.find((r) => r.isLatest)?.version;
  const suggestions = suggestNextVersions({ current: row.version, existing, deleted, ...(latest ? { latest } : {}) });
  const next = suggestions.find((s) => s.recommended) ?? suggestions[0];
  if (!next) throw new UserFacingError(vscode.l10n.t('No free version follows {0}@{1}.', server.name, row.version));

  const draft = withoutRegistryMeta(row.response.server as unknown as Record<string, unknown>);
  draft.version = next.version;
  const text = `${JSON.stringify(draft, null, 2)}\n`;
  const folder = await chooseFolder(deps, title);
  const target = vscode.Uri.joinPath(folder, 'server.json');
  const edit = new vscode.WorkspaceEdit();
  const label = vscode.l10n.t('{0}@{1} from {2}', server.name, next.version, row.version);
  if (await exists(target)) {
    const proposed = previews.add(text, 'server.json');
    await vscode.commands.executeCommand('vscode.diff', target, proposed, vscode.l10n.t('{0} ↔ {1}@{2} (new version)', vscode.workspace.asRelativePath(target), server.name, next.version), { preview: true });
    const replace = vscode.l10n.t('Replace');
    const choice = await deps.prompts().message('warning', vscode.l10n.t('Replace {0} with {1}@{2}, started from {3}?', vscode.workspace.asRelativePath(target), server.name, next.version, row.version), { modal: true, detail: vscode.l10n.t('The diff shows the change. Undo restores the file.') }, replace);
    if (choice !== replace) throw new UserCancelledError();
    const document = await vscode.workspace.openTextDocument(target);
    edit.replace(target, new vscode.Range(new vscode.Position(0, 0), document.positionAt(document.getText().length)), text, { label, needsConfirmation: false });
  } else {
    edit.createFile(target, { overwrite: false, contents: new TextEncoder().encode(text) }, { label, needsConfirmation: false });
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new UserFacingError(vscode.l10n.t('server.json could not be written in {0}.', vscode.workspace.asRelativePath(folder)));
  const document = await vscode.workspace.openTextDocument(target);
  if (document.isDirty) await document.save();
  await vscode.window.showTextDocument(document, { preview: false });
  deps.log.info(`Start New Version: ${server.name}@${next.version} from ${row.version} in ${vscode.workspace.asRelativePath(target)} (${next.reason})`);
  const publish = vscode.l10n.t('Publish Version');
  void Promise.resolve(deps.prompts().message('information', vscode.l10n.t('{0} is now {1}@{2}, started from {3}: {4} Edit it, then publish.', vscode.workspace.asRelativePath(target), server.name, next.version, row.version, next.reason), {}, publish))
    .then((choice) => (choice === publish ? vscode.commands.executeCommand('mcpVersions.publishVersion', target) : undefined));
  return { uri: target, from: row.version, version: next.version, text: (await readText(target)) ?? text };
}
