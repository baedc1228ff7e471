// The Installed view's actions: Update, Pin, Compare with Latest, Open in Registry, Open Config, Refresh.
// Each runs on a row (view menus) or, from the Command Palette, on one the user picks.
import * as vscode from 'vscode';
import type { UserPrompts } from '../commands/prompts';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { registerCommand, UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import type { DiffFeature } from '../diff';
import {
  findRegistryPackage,
  InstalledEditError,
  installedServersFrom,
  registryPackageVersion,
  updateVersionEdits,
  type InstalledEntry,
  type VersionTarget,
} from '../installed';
import type { RegistryTreeHandle } from '../tree';
import { describeRow, whereConfigured } from './items';
import type { InstalledVersion } from './lookup';
import { installedVersionOf, latestOf, updateTargetOf, type InstalledRow } from './model';
import { contextValueOf, type InstalledNode, type InstalledTreeProvider } from './provider';

export { INSTALLED_COMMANDS } from './commandIds';
import { INSTALLED_COMMANDS } from './commandIds';

export interface InstalledCommandDeps {
  ctx: CommandContext;
  provider: InstalledTreeProvider;
  diff: Pick<DiffFeature, 'open'>;
  registryTree: RegistryTreeHandle;
}

export function registerInstalledCommands(deps: InstalledCommandDeps): vscode.Disposable[] {
  const { ctx, provider } = deps;
  const rowFrom = async (node: unknown, capability: string, title: string): Promise<InstalledRow> => {
    const given = node as InstalledNode | undefined;
    if (given?.kind === 'entry') return given.row;
    if (given?.kind === 'detail' && given.parent.kind === 'entry') return given.parent.row;
    return pickRow(ctx.ui, provider, capability, title);
  };
  return [
    registerCommand(ctx, INSTALLED_COMMANDS.refresh, () => provider.refresh({ registries: true })),
    registerCommand(ctx, INSTALLED_COMMANDS.update, async (node?: unknown) => {
      const row = await rowFrom(node, ':update', vscode.l10n.t('Update Installed Server'));
      const target = updateTargetOf(row.state);
      if (!target) throw new UserFacingError(vscode.l10n.t('{0} has no newer version to update to.', row.entry.key));
      return setVersion(row, target);
    }),
    registerCommand(ctx, INSTALLED_COMMANDS.pin, async (node?: unknown) => {
      const row = await rowFrom(node, ':pin', vscode.l10n.t('Pin Installed Server'));
      const target = row.state?.kind === 'unpinned' ? row.state.resolvesTo : undefined;
      if (!target) throw new UserFacingError(vscode.l10n.t('{0} is pinned already, or the version it resolves to is unknown.', row.entry.key));
      return setVersion(row, target);
    }),
    registerCommand(ctx, INSTALLED_COMMANDS.compare, async (node?: unknown) => {
      const row = await rowFrom(node, ':compare', vscode.l10n.t('Compare Installed with Latest'));
      const installed = installedVersionOf(row.state);
      const latest = latestOf(row);
      if (!row.match || !installed || !latest) throw new UserFacingError(vscode.l10n.t('{0}: the installed or the latest version is unknown.', row.entry.key));
      if (installed.version === latest.version) throw new UserFacingError(vscode.l10n.t('{0} {1} is the latest version.', row.entry.key, installed.version));
      const ref = (version: string) => ({ registryUrl: row.match!.server.registryUrl, registryName: row.match!.server.registryName, serverName: row.match!.server.name, version });
      return deps.diff.open(ref(installed.version), ref(latest.version));
    }),
    registerCommand(ctx, INSTALLED_COMMANDS.openInRegistry, async (node?: unknown) => {
      const row = await rowFrom(node, ':registry', vscode.l10n.t('Open in Registry'));
      if (!row.match) throw new UserFacingError(vscode.l10n.t('{0} is not in any configured registry.', row.entry.key));
      return revealInRegistry(deps.registryTree, row.match.server.registryUrl, row.match.server.name);
    }),
    registerCommand(ctx, INSTALLED_COMMANDS.openConfig, async (node?: unknown) => {
      const given = node as InstalledNode | undefined;
      if (given?.kind === 'problem') return openAt(given.file.uri, given.problem.offset);
      const row = await rowFrom(node, '', vscode.l10n.t('Open Config'));
      return openAt(row.file.uri, entryOffset(await documentText(row.file.uri), row.entry));
    }),
  ];
}

async function pickRow(ui: UserPrompts, provider: InstalledTreeProvider, capability: string, title: string): Promise<InstalledRow> {
  const { rows } = await provider.settled().then((s) => (s.rows.length > 0 ? s : provider.refresh()));
  const fitting = rows.filter((row) => contextValueOf(row).includes(capability));
  if (fitting.length === 0) throw new UserFacingError(vscode.l10n.t('No installed MCP server fits “{0}”.', title));
  const picked = await ui.pick(
    fitting.map((row) => ({ label: row.entry.key, description: describeRow(row), detail: whereConfigured(row.file), row })),
    { title, placeHolder: vscode.l10n.t('Installed MCP server'), matchOnDescription: true },
  );
  if (!picked) throw new UserCancelledError();
  return picked.row;
}

/** What an edit writes: the server version into VS Code's `version`, the matching package version into the command. */
function versionTarget(entry: InstalledEntry, target: InstalledVersion): VersionTarget {
  const pkg = entry.package && findRegistryPackage(entry.package, target.packages);
  const packageVersion = pkg ? registryPackageVersion(pkg) : undefined;
  return { serverVersion: target.version, packageVersion: packageVersion ?? target.version };
}

/** Changes the entry's version as one undoable edit of the config document, saves it, and shows it. */
async function setVersion(row: InstalledRow, target: InstalledVersion): Promise<boolean> {
  const document = await vscode.workspace.openTextDocument(row.file.uri);
  const text = document.getText();
  // The entry as the document holds it now (it may have changed since the view read it).
  const entry = installedServersFrom(text, row.file.location.kind).entries.find((candidate) => candidate.key === row.entry.key);
  if (!entry) throw new UserFacingError(vscode.l10n.t('{0} is no longer in {1}.', row.entry.key, whereConfigured(row.file)));
  let edits;
  try {
    edits = updateVersionEdits(text, entry, versionTarget(entry, target));
  } catch (error) {
    if (error instanceof InstalledEditError) throw new UserFacingError(error.message);
    throw error;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const change of edits) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.offset), document.positionAt(change.offset + change.length)), change.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) throw new UserFacingError(vscode.l10n.t('{0} could not be edited.', whereConfigured(row.file)));
  await document.save();
  await openAt(document.uri, entryOffset(document.getText(), entry));
  return true;
}

async function documentText(uri: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(uri)).getText();
}

function entryOffset(text: string, entry: InstalledEntry): number | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const node = root && findNodeAtLocation(root, entry.jsonPath);
  return node?.parent?.offset ?? node?.offset;
}

async function openAt(uri: vscode.Uri, offset: number | undefined): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uri);
  const position = document.positionAt(offset ?? 0);
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position), preview: false });
}

/** Shows the server in the Registry view: its registry filtered to the name, the server selected. */
async function revealInRegistry(tree: RegistryTreeHandle, registryUrl: string, name: string): Promise<void> {
  const provider = tree.provider;
  const registry = provider.registries.find((candidate) => candidate.config.url === registryUrl);
  if (!registry) throw new UserFacingError(vscode.l10n.t('The registry {0} is no longer configured.', registryUrl));
  if (registry.state.search !== name) provider.setFilter(registry, name);
  await vscode.commands.executeCommand('mcpVersions.registry.focus');
  const nodes = await provider.getChildren(provider.isSingleRegistry ? undefined : registry);
  const server = nodes.find((node) => node.kind === 'server' && node.name === name) ?? provider.serverNode(registry, name);
  await tree.view.reveal(server, { select: true, focus: true, expand: true });
}

