import type { RegistryClient } from '../registry';
import type { RegistryStore } from '../store';
// "This Workspace": every server.json of the workspace in a view, against the target registry, and a
// status bar item for the active server.json editor.
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import { registerCommand, UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { PublishedVersionsCache } from './publishedVersions';
import { WorkspaceRegistry } from './registryForWorkspace';
import { isServerJson, ServerJsonFiles } from './serverJsonFiles';
import { ServerJsonStatusBar, REVEAL_COMMAND } from './statusBar';
import { Standings } from './standings';
import { onDidGrantTrust, restrictedViewMessage } from '../trust';
import { summarize, WorkspaceTreeProvider, type WorkspaceNode } from './workspaceTree';

export type { ServerJsonFile } from './serverJsonFiles';
export { isServerJson } from './serverJsonFiles';

export interface WorkspaceServices {
  readonly files: ServerJsonFiles;
  readonly registry: WorkspaceRegistry;
  readonly publishedVersions: PublishedVersionsCache;
  /** The file a command was invoked on: a view node, a uri, the active server.json editor, or a pick. */
  resolveServerJson(arg: unknown, purpose: string): Promise<vscode.Uri>;
}

export interface WorkspaceNodeSnapshot {
  readonly uri: string;
  readonly label: string;
  readonly description: string;
  /** `unpublished` | `equal` | `behind` | `ahead` | `published` | `invalid` | `problem` | `checking` | `unreachable` | `no-registry`. */
  readonly state: string;
}

/** What the integration tests read through the extension's API. */
export interface WorkspaceApi {
  /** Resolves when files are scanned and no registry lookup is running. */
  idle(): Promise<void>;
  nodes(): WorkspaceNodeSnapshot[];
  children(uri: vscode.Uri): Promise<{ label: string; description: string }[]>;
  statusBarText(): string | undefined;
  selectedNodeUri(): string | undefined;
}

export function registerWorkspace(
  context: vscode.ExtensionContext,
  ctx: CommandContext & { clients: { get(url: string): RegistryClient }; store: RegistryStore; host: ActivationHost },
): { services: WorkspaceServices; api: WorkspaceApi } {
  const log = ctx.log;
  const files = new ServerJsonFiles(log);
  const registry = new WorkspaceRegistry(context.workspaceState, ctx.clients, ctx.ui);
  const publishedVersions = new PublishedVersionsCache(ctx.store, (message) => log.warn(message));
  const standings = new Standings(files, registry, publishedVersions);
  const tree = new WorkspaceTreeProvider(files, standings);
  const treeView = ctx.host.treeView<WorkspaceNode>('mcpVersions.workspace', tree);
  const statusBar = new ServerJsonStatusBar(files, standings);
  treeView.message = restrictedViewMessage(vscode.l10n.t('compared with the registries in your user settings; Publish needs a trusted workspace.'));
  context.subscriptions.push(files, registry, standings, tree, treeView, statusBar, onDidGrantTrust(() => (treeView.message = undefined)));
  void files.ready();

  const showTarget = () => {
    treeView.description = registry.target()?.name;
  };
  showTarget();
  context.subscriptions.push(registry.onDidChange(showTarget));

  const resolveServerJson = async (arg: unknown, purpose: string): Promise<vscode.Uri> => {
    if (arg instanceof vscode.Uri && isServerJson(arg)) return arg;
    if (arg && typeof arg === 'object' && (arg as WorkspaceNode).kind === 'file') return (arg as { uri: vscode.Uri }).uri;
    const active = vscode.window.activeTextEditor?.document.uri;
    if (active && isServerJson(active)) return active;
    await files.ready();
    const all = files.all();
    if (all.length === 1) return all[0]!.uri;
    if (all.length === 0) throw new UserFacingError(vscode.l10n.t('There is no server.json in this workspace.'));
    const picked = await ctx.ui.pick(
      all.map((file) => ({ label: file.local.name ?? 'server.json', description: file.local.version, detail: vscode.workspace.asRelativePath(file.uri, true), uri: file.uri })),
      { title: purpose, placeHolder: vscode.l10n.t('Pick a server.json') },
    );
    if (!picked) throw new UserCancelledError();
    return picked.uri;
  };

  context.subscriptions.push(
    registerCommand(ctx, 'mcpVersions.workspace.refresh', async () => {
      // What the store knows of the target registry is read again; other registries keep theirs.
      const target = registry.target();
      if (target) publishedVersions.clear(target.client.baseUrl);
      await files.rescan();
    }),
    registerCommand(ctx, 'mcpVersions.selectTargetRegistry', () => registry.select()),
    registerCommand(ctx, REVEAL_COMMAND, async (arg?: unknown) => {
      const uri = await resolveServerJson(arg, vscode.l10n.t('Reveal in This Workspace'));
      await files.ready();
      const node = tree.fileNode(uri);
      if (!node) throw new UserFacingError(vscode.l10n.t('{0} is not part of this workspace.', vscode.workspace.asRelativePath(uri)));
      // From the status bar the sidebar may show another container, or This Workspace may be collapsed.
      if (!treeView.visible) await vscode.commands.executeCommand('mcpVersions.workspace.focus');
      await treeView.reveal(node, { select: true, focus: true, expand: true });
    }),
  );

  const api: WorkspaceApi = {
    async idle() {
      await files.idle();
      await standings.idle();
    },
    nodes: () => files.all().map((file) => {
      const info = standings.get(file.uri);
      const summary = summarize(file, info);
      const state = summary.state === 'problem' ? 'problem' : info?.status === 'known' ? info.standing.state : info?.status ?? 'checking';
      return { uri: file.uri.toString(), label: summary.label, description: summary.description, state };
    }),
    async children(uri) {
      const node = tree.fileNode(uri);
      if (!node) return [];
      const children = await tree.getChildren(node);
      return children.map((child) => {
        const item = tree.getTreeItem(child);
        const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
        return { label, description: typeof item.description === 'string' ? item.description : '' };
      });
    },
    statusBarText: () => statusBar.text,
    selectedNodeUri: () => {
      const selected = treeView.selection[0];
      return selected?.kind === 'file' ? selected.uri.toString() : undefined;
    },
  };
  return { services: { files, registry, publishedVersions, resolveServerJson }, api };
}
