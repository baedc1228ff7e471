// The Installed view: MCP servers configured in VS Code, Cursor, Claude Code and Claude Desktop, and what
// their registries say about the version each runs. Wiring of the tree, commands, badge, notifications,
// file watchers and auto-refresh while visible.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import type { CommandContext } from '../commands/registerCommand';
import type { ConfigLocation } from '../installed';
import type { DiffFeature } from '../diff';
import { affectsRegistries, readRegistries } from '../registries/config';
import { settings } from '../util/settings';
import { VisibleAutoRefresh } from '../util/visibleAutoRefresh';
import type { RegistryClients } from '../registries/clients';
import type { RegistryTreeHandle } from '../tree';
import { lazyCommands } from '../commands/lazyCommands';
import { INSTALLED_COMMANDS } from './commandIds';
import { whereConfigured } from './items';
import { RegistryClientsLookup, type InstalledLookup } from './lookup';
import type { RegistryStore } from '../store/store';
import { installedLocations, needsAttention, updateTargetOf, type InstalledRow, type InstalledSnapshot } from './model';
import { InstalledTreeProvider, type InstalledNode } from './provider';

export const INSTALLED_VIEW_ID = 'mcpVersions.installed';
const NOTIFIED_KEY = 'mcpVersions.installed.notifiedDeleted';
const MAX_NOTIFIED = 500;

export interface InstalledServices extends CommandContext {
  clients: RegistryClients;
  diff: Pick<DiffFeature, 'open'>;
  registryTree: RegistryTreeHandle;
  /** The registry data store: versions are read through it, and a write made elsewhere shows here at once. */
  store: RegistryStore;
  /** Where the view registered at activation is. */
  host: ActivationHost;
}

/** What tests read the view through. */
export interface InstalledViewApi {
  readonly provider: InstalledTreeProvider;
  readonly view: vscode.TreeView<InstalledNode>;
  readonly lookup: InstalledLookup;
  /** Reads configs and registries again (registries: forget what they said first). */
  refresh(options?: { registries?: boolean }): Promise<InstalledSnapshot>;
  /** The config files the view reads (whether they exist or not). */
  locations(): ConfigLocation[];
  /** Versions the deleted-version notification was shown for (`registryUrl|name|version`). */
  notified(): readonly string[];
}

export function registerInstalledView(context: vscode.ExtensionContext, services: InstalledServices): InstalledViewApi {
  const lookup = new RegistryClientsLookup(services.clients, () => readRegistries().map((registry) => ({ url: registry.url, name: registry.name })), services.store);
  const provider = new InstalledTreeProvider(() => installedLocations(context.globalStorageUri), lookup, services.log);
  const view = services.host.treeView(INSTALLED_VIEW_ID, provider);
  const notified = () => context.globalState.get<string[]>(NOTIFIED_KEY) ?? [];

  const onRefreshed = (snapshot: InstalledSnapshot) => {
    const attention = needsAttention(snapshot.rows);
    view.badge = attention.length === 0 ? undefined : {
      value: attention.length,
      tooltip: vscode.l10n.t('{0} installed MCP servers run a deleted or deprecated version', attention.length),
    };
    void notifyDeleted(snapshot.rows);
  };

  const notifyDeleted = async (rows: readonly InstalledRow[]) => {
    if (!settings.installedNotifyDeleted()) return;
    const seen = new Set(notified());
    const fresh = rows.filter((row) => row.state?.kind === 'deleted' && row.match && !seen.has(notifiedKey(row)));
    if (fresh.length === 0) return;
    for (const row of fresh) seen.add(notifiedKey(row));
    await context.globalState.update(NOTIFIED_KEY, [...seen].slice(-MAX_NOTIFIED));
    for (const row of fresh) void showDeleted(row);
  };

  const showDeleted = async (row: InstalledRow) => {
    const state = row.state?.kind === 'deleted' ? row.state : undefined;
    if (!state) return;
    const target = updateTargetOf(row.state);
    const base = vscode.l10n.t('{0} {1}, installed in {2}, was deleted from {3} by its publisher.', row.entry.key, state.installed.version, whereConfigured(row.file), row.match!.server.registryName);
    const message = state.message ? `${base} ${vscode.l10n.t('“{0}”', state.message)}` : base;
    const update = target ? vscode.l10n.t('Update to {0}', target.version) : undefined;
    const show = vscode.l10n.t('Show');
    const picked = await services.ui.warning(message, {}, ...(update ? [update] : []), show);
    const node = provider.nodeFor(row);
    if (picked === update) await vscode.commands.executeCommand(INSTALLED_COMMANDS.update, node);
    else if (picked === show) await view.reveal(node, { select: true, focus: true });
  };

  const watchers = configWatchers(context.globalStorageUri, () => void provider.refresh());
  const autoRefresh = new VisibleAutoRefresh(view, () => provider.refresh({ registries: true }));
  let editTimer: NodeJS.Timeout | undefined;
  const isConfig = (uri: vscode.Uri) => provider.snapshot.files.some((file) => file.uri.toString() === uri.toString())
    || installedLocations(context.globalStorageUri).some((location) => location.path === uri.fsPath);

  context.subscriptions.push(
    // A deprecation or deletion the extension made (Registry view, Publish) shows here without asking again.
    services.store.onDidChange((change) => {
      if (change.cause !== 'write') return;
      lookup.forgetVersions(change.registryUrl, change.serverName);
      void provider.refresh();
    }),
    provider,
    view,
    autoRefresh,
    ...watchers,
    provider.onDidRefresh(onRefreshed),
    // Unsaved edits (an Update's undo) show as soon as the text changes.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length === 0 || !isConfig(event.document.uri)) return;
      if (editTimer) clearTimeout(editTimer);
      editTimer = setTimeout(() => void provider.refresh(), 300);
    }),
    { dispose: () => editTimer && clearTimeout(editTimer) },
    vscode.workspace.onDidChangeWorkspaceFolders(() => void provider.refresh()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsRegistries(event)) void provider.refresh({ registries: true });
    }),
    lazyCommands(Object.values(INSTALLED_COMMANDS), () => import('./commands'), (commands) =>
      commands.registerInstalledCommands({ ctx: services, provider, diff: services.diff, registryTree: services.registryTree })),
  );
  void provider.refresh().catch((error: unknown) => services.log.warn(`Installed: ${error instanceof Error ? error.message : String(error)}`));
  return { provider, view, lookup, refresh: (options) => provider.refresh(options), locations: () => installedLocations(context.globalStorageUri), notified };
}

function notifiedKey(row: InstalledRow): string {
  const version = row.state?.kind === 'deleted' ? row.state.installed.version : '';
  return `${row.match?.server.registryUrl}|${row.match?.server.name}|${version}`;
}

/** Watches the config files: the workspace ones by glob, each user-level one in its own folder. */
function configWatchers(globalStorageUri: vscode.Uri, changed: () => void): vscode.Disposable[] {
  const watchers: vscode.FileSystemWatcher[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    watchers.push(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '{.vscode/mcp.json,.cursor/mcp.json,.mcp.json}')));
  }
  for (const location of installedLocations(globalStorageUri).filter((candidate) => candidate.scope === 'user')) {
    const dir = vscode.Uri.file(path.dirname(location.path));
    watchers.push(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, path.basename(location.path))));
  }
  const subscriptions = watchers.flatMap((watcher) => [watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed)]);
  return [...watchers, ...subscriptions];
}
