// The Registry view's data: registries → servers (paged, filtered, "mine" first) → versions (one
// request, cached until refreshed or stale) → packages and remotes. Failures become error nodes
// with Retry / Open Settings / Show Log; nothing here shows a modal.
import * as vscode from 'vscode';
import { mayChangeStatus } from '../registry';
import { readRegistries, type RegistryConfig } from '../registries/config';
import { settings } from '../util/settings';
import type { RegistryClients } from '../registries/clients';
import type { IdentityProvider } from '../registries/identity';
import type { RegistryStore, StoreChange } from '../store';
import { provenanceDetails } from './provenanceNodes';
import { versionDetails } from './details';
import * as items from './items';
import type { ActionNode, ErrorNode, RegistryNode, ServerNode, TreeNode, VersionNode } from './nodes';
import { mergeWindowMs, MergedRefresh } from './mergedRefresh';
import { RegistryState, type VersionsEntry } from './registryState';
import { toVersionRows, type VersionRow } from './versionRows';
import { displayUrl } from '../util/displayUrl';

export interface TreeServices {
  readonly log: vscode.LogOutputChannel;
  readonly clients: RegistryClients;
  readonly identity: IdentityProvider;
  readonly store: RegistryStore;
}

export class RegistryTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly mineByServer = new Map<string, Map<string, boolean>>();
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = new vscode.EventEmitter<void>();
  /** Fires when a filter is set or cleared (the view's description follows it). */
  readonly onDidChangeFilter = this.filterChanged.event;
  private nodes: RegistryNode[] = [];
  private readonly orderedRows = new WeakMap<VersionsEntry, VersionRow[]>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  private readonly parents = new WeakMap<TreeNode, TreeNode>();
  private showDeletedValue = false;
  private generation = 0;
  private readonly itemContext: items.ItemContext;
  private readonly listRefresh = new MergedRefresh<RegistryNode | undefined>((node) => this.changed.fire(node));

  constructor(
    private readonly services: TreeServices,
    private readonly readConfigs: () => RegistryConfig[] = readRegistries,
  ) {
    this.itemContext = {
      mine: (registry, serverName) => this.isMine(registry, serverName),
      environmentsRunning: (registryUrl, serverName, version) => this.environmentsRunning(registryUrl, serverName, version),
    };
    this.reloadRegistries();
    this.storeChanges = services.store.onDidChange((change) => this.storeChanged(change));
  }

  private readonly storeChanges: { dispose(): void };

  /**
   * A read or a write of the store: the server's row follows it. A write (publish, status change from
   * any command) re-renders the registry at once, without a request.
   */
  private storeChanged(change: StoreChange): void {
    if (change.cause === 'forget') return;
    for (const registry of this.nodes) {
      if (registry.config.url !== change.registryUrl) continue;
      registry.state.showVersions(change.serverName, this.showDeletedValue);
      if (change.cause === 'write') this.refresh(registry);
    }
  }

  get registries(): readonly RegistryNode[] {
    return this.nodes;
  }

  get showDeleted(): boolean {
    return this.showDeletedValue;
  }

  set showDeleted(value: boolean) {
    if (value === this.showDeletedValue) return;
    this.showDeletedValue = value;
    this.changed.fire(undefined);
  }

  /** Re-reads the settings; registries that stay keep what they loaded. */
  reloadRegistries(): void {
    this.mineByServer.clear();
    const previous = new Map(this.nodes.map((node) => [node.config.url, node]));
    this.nodes = this.readConfigs().map((config) => {
      const known = previous.get(config.url);
      if (known && known.config.name === config.name && known.config.auth === config.auth && known.config.source === config.source) return known;
      const state = known?.state ?? new RegistryState(config.url, (call) => this.services.clients.withClient(config.url, call), { store: this.services.store });
      return { kind: 'registry', id: `r|${config.url}`, config, state, servers: new Map() } satisfies RegistryNode;
    });
    this.changed.fire(undefined);
  }

  get isSingleRegistry(): boolean {
    return this.nodes.length === 1;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    switch (node.kind) {
      case 'registry':
        return items.registryItem(node, this.permissionsFor(node));
      case 'server':
        return items.serverItem(node, node.registry.state.row(node.name), this.itemContext);
      case 'version':
        return items.versionItem(node, this.itemContext);
      case 'package':
      case 'remote':
      case 'detail':
        return items.detailItem(node);
      case 'loadMore':
        return items.loadMoreItem(node);
      case 'filter':
        return items.filterItem(node);
      case 'error':
        return items.errorItem(node);
      case 'action':
        return items.actionItem(node);
      case 'message':
        return items.messageItem(node);
    }
  }

  resolveTreeItem(item: vscode.TreeItem, node: TreeNode): vscode.TreeItem {
    if (node.kind === 'server') {
      const row = node.registry.state.row(node.name);
      if (row) item.tooltip = items.serverTooltip(row);
    } else if (node.kind === 'version') item.tooltip = items.versionTooltip(node);
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (!node) {
      if (this.nodes.length === 1) return this.registryChildren(this.nodes[0]);
      return this.nodes;
    }
    switch (node.kind) {
      case 'registry':
        return this.registryChildren(node);
      case 'server':
        return this.serverChildren(node);
      case 'version':
        return this.withParent(node, [...versionDetails(node.row.response.server, node.id), ...provenanceDetails(node.row.response.server, node.id)]);
      case 'package':
      case 'remote':
      case 'detail':
        return this.withParent(node, node.children ?? []);
      case 'error':
        return this.errorActions(node);
      default:
        return [];
    }
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const top = (registry: RegistryNode) => (this.isSingleRegistry ? undefined : registry);
    switch (node.kind) {
      case 'server':
      case 'loadMore':
      case 'filter':
        return top(node.registry);
      case 'error':
        return node.server ?? top(node.registry);
      case 'version':
        return node.server;
      default:
        return this.parents.get(node);
    }
  }

  private withParent(parent: TreeNode, nodes: TreeNode[]): TreeNode[] {
    for (const node of nodes) this.parents.set(node, parent);
    return nodes;
  }

  /** Re-renders a node (or everything); what it shows comes from the cache unless that was dropped. */
  refresh(node?: TreeNode): void {
    if (node?.kind === 'registry') {
      this.listRefresh.request(this.isSingleRegistry ? undefined : node, mergeWindowMs(node.state.rows.length));
    } else this.changed.fire(node);
  }

  /** Drops what a registry loaded (keeping its filter) and shows it again. */
  reloadRegistry(registry: RegistryNode): void {
    this.mineByServer.clear();
    registry.state.reset();
    registry.servers.clear();
    this.refresh(registry);
  }

  reloadAll(): void {
    this.generation++;
    for (const registry of this.nodes) {
      registry.state.reset();
      registry.servers.clear();
    }
    this.changed.fire(undefined);
  }

  /** Fetches a server's versions again and re-renders it (and its registry, whose latest row may have moved). */
  async reloadServer(server: ServerNode, signal?: AbortSignal): Promise<void> {
    await this.loadVersions(server, signal);
    this.refresh(server);
  }

  setFilter(registry: RegistryNode, search: string | undefined): void {
    registry.state.search = search?.trim() || undefined;
    this.filterChanged.fire();
    this.reloadRegistry(registry);
  }

  async loadMore(registry: RegistryNode, signal?: AbortSignal): Promise<number> {
    return this.once(`more|${registry.id}`, () => registry.state.loadMore(signal));
  }

  /** Incremental refresh of every loaded registry; re-renders what changed. */
  async sync(signal?: AbortSignal): Promise<number> {
    let changed = 0;
    for (const registry of this.nodes) {
      if (!registry.state.loaded) continue;
      try {
        const names = await registry.state.sync(this.showDeletedValue, signal);
        changed += names.length;
        if (names.length > 0) this.refresh(registry);
      } catch (error) {
        this.services.log.warn(`Auto-refresh of ${displayUrl(registry.config.url)} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return changed;
  }

  permissionsFor(registry: RegistryNode) {
    return this.services.identity.permissionsFor(registry.config.url);
  }

  /**
   * Whether the identity may change this server's versions. Asked for every version row, so it is kept per
   * server until the registries or an identity change (reloadRegistries / reloadRegistry).
   */
  isMine(registry: RegistryNode, serverName: string): boolean {
    // Keyed by the registry, then the name itself: no new string for each of 10 000 rows.
    let byName = this.mineByServer.get(registry.config.url);
    if (!byName) this.mineByServer.set(registry.config.url, (byName = new Map()));
    let mine = byName.get(serverName);
    if (mine === undefined) {
      const permissions = this.permissionsFor(registry);
      mine = permissions !== undefined && mayChangeStatus(permissions, serverName);
      byName.set(serverName, mine);
    }
    return mine;
  }

  /** The ordered version rows of a server as currently cached (undefined when not loaded). */
  cachedVersions(server: ServerNode): VersionRow[] | undefined {
    const entry = server.registry.state.versions(server.name, this.showDeletedValue);
    return entry ? this.rowsOf(entry) : undefined;
  }

  /** Ordered versions of a server: the cache when it matches and is fresh, else one request. */
  async versionsFor(server: ServerNode, includeDeleted: boolean, signal?: AbortSignal): Promise<VersionRow[]> {
    const state = server.registry.state;
    const staleMs = settings.staleMs();
    if (includeDeleted !== this.showDeletedValue) return toVersionRows([...(await state.fetchVersions(server.name, includeDeleted, signal, staleMs))]);
    if (!state.isVersionsFresh(server.name, staleMs, includeDeleted)) {
      await this.loadVersions(server, signal);
      this.refresh(server.registry);
    }
    return this.cachedVersions(server) ?? [];
  }

  serverNode(registry: RegistryNode, name: string, pinned = false): ServerNode {
    const key = `${pinned ? 'm' : 's'}|${name}`;
    let node = registry.servers.get(key);
    if (!node) {
      node = { kind: 'server', id: `${key}|${registry.config.url}`, registry, name, pinned };
      registry.servers.set(key, node);
    }
    return node;
  }

  /**
   * Asks every registry for its first page in the background, as soon as the registries are known, so
   * opening the view shows it from memory instead of waiting for VS Code to create the view first.
   * A failure is only logged: the view asks again when it opens and shows the error there.
   */
  warmUp(): void {
    const staleMs = settings.staleMs();
    for (const registry of this.nodes) {
      if (!registry.state.isListStale(staleMs, this.showDeletedValue)) continue;
      const permissions = this.services.identity.permissionsFor(registry.config.url);
      this.once(`list|${registry.id}`, () => registry.state.loadFirstPage(this.showDeletedValue, permissions)).catch((error: unknown) =>
        this.services.log.debug(`${registry.config.name}: first page not prefetched (${error instanceof Error ? error.message : String(error)})`),
      );
    }
  }

  versionNodes(server: ServerNode, rows: readonly VersionRow[]): VersionNode[] {
    return rows.map((row) => ({ kind: 'version', id: `v|${server.id}|${row.version}`, server, row }));
  }

  private async registryChildren(registry: RegistryNode): Promise<TreeNode[]> {
    const state = registry.state;
    const staleMs = settings.staleMs();
    if (state.isListStale(staleMs, this.showDeletedValue)) {
      const permissions = this.services.identity.permissionsFor(registry.config.url);
      try {
        await this.once(`list|${registry.id}`, () => state.loadFirstPage(this.showDeletedValue, permissions));
      } catch (error) {
        this.services.log.error(`${registry.config.name}: ${error instanceof Error ? error.message : String(error)}`);
        return [this.errorNode(registry, error)];
      }
    }
    const children: TreeNode[] = [];
    if (state.search) children.push({ kind: 'filter', id: `f|${registry.id}|${state.search}`, registry, search: state.search });
    const pinned = new Set<string>();
    for (const row of state.mine ?? []) {
      pinned.add(row.name);
      children.push(this.serverNode(registry, row.name, true));
    }
    for (const row of state.rows) if (!pinned.has(row.name)) children.push(this.serverNode(registry, row.name));
    if (state.rows.length === 0 && pinned.size === 0) {
      const label = state.search ? vscode.l10n.t('No servers match “{0}”', state.search) : vscode.l10n.t('No servers in this registry');
      children.push({ kind: 'message', id: `n|${registry.id}`, label, icon: 'info' });
    }
    if (!state.complete) children.push({ kind: 'loadMore', id: `lm|${registry.id}`, registry, loading: false });
    return children;
  }

  private async serverChildren(server: ServerNode): Promise<TreeNode[]> {
    const state = server.registry.state;
    const staleMs = settings.staleMs();
    if (!state.isVersionsFresh(server.name, staleMs, this.showDeletedValue)) {
      try {
        await this.loadVersions(server);
      } catch (error) {
        this.services.log.error(`${server.registry.config.name}: versions of ${server.name} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return [this.errorNode(server.registry, error, server)];
      }
    }
    const entry = state.versions(server.name, this.showDeletedValue);
    const rows = entry ? this.rowsOf(entry) : [];
    if (server.shownCount !== rows.length) {
      server.shownCount = rows.length;
      // The count shows on the server's row: refresh it through its parent. Refreshing the server itself
      // while VS Code takes its children made VS Code drop the version rows it shows, so a context menu
      // on one of them handed its command no node (found by the UI tests).
      setTimeout(() => this.changed.fire(this.isSingleRegistry ? undefined : server.registry), 0);
    }
    if (rows.length === 0) return [{ kind: 'message', id: `n|${server.id}`, label: this.showDeletedValue ? vscode.l10n.t('No versions') : vscode.l10n.t('No versions (deleted versions are hidden)'), icon: 'info' }];
    return this.versionNodes(server, rows);
  }

  private loadVersions(server: ServerNode, signal?: AbortSignal): Promise<unknown> {
    const includeDeleted = this.showDeletedValue;
    return this.once(`versions|${server.registry.id}|${server.name}|${includeDeleted}`, () =>
      server.registry.state.loadVersions(server.name, includeDeleted, signal),
    );
  }

  private rowsOf(entry: VersionsEntry): VersionRow[] {
    let rows = this.orderedRows.get(entry);
    if (!rows) {
      rows = toVersionRows(entry.responses);
      this.orderedRows.set(entry, rows);
    }
    return rows;
  }

  private errorNode(registry: RegistryNode, error: unknown, server?: ServerNode): ErrorNode {
    return { kind: 'error', id: `e|${server?.id ?? registry.id}|${++this.generation}`, registry, server, error };
  }

  private errorActions(node: ErrorNode): ActionNode[] {
    return [
      { kind: 'action', id: `${node.id}|retry`, label: vscode.l10n.t('Retry'), icon: 'refresh', command: { command: 'mcpVersions.registry.retry', title: vscode.l10n.t('Retry'), arguments: [node] } },
      { kind: 'action', id: `${node.id}|settings`, label: vscode.l10n.t('Open Settings'), icon: 'settings-gear', command: { command: 'mcpVersions.openSettings', title: vscode.l10n.t('Open Settings') } },
      { kind: 'action', id: `${node.id}|log`, label: vscode.l10n.t('Show Log'), icon: 'output', command: { command: 'mcpVersions.showLog', title: vscode.l10n.t('Show Log') } },
    ];
  }

  /** One load per key at a time: VS Code may ask for the same children twice while the first request runs. */
  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    const running = this.inflight.get(key) as Promise<T> | undefined;
    if (running) return running;
    const promise = load().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  private environments: { environmentsRunning(registryUrl: string, serverName: string, version: string): string[] } | undefined;

  /**
   * The environments (Environments view) of this registry's server whose endpoint reports this version; none
   * when that view knows of none.
   */
  environmentsRunning(registryUrl: string, serverName: string, version: string): string[] {
    return this.environments?.environmentsRunning(registryUrl, serverName, version) ?? [];
  }

  /** Shows on version nodes which environments run them; `onDidChange` fires when that changes. */
  showEnvironments(source: { environmentsRunning(registryUrl: string, serverName: string, version: string): string[]; onDidChange: vscode.Event<void> }): vscode.Disposable {
    this.environments = source;
    this.changed.fire(undefined);
    return source.onDidChange(() => this.changed.fire(undefined));
  }

  dispose(): void {
    this.listRefresh.dispose();
    this.storeChanges.dispose();
    this.changed.dispose();
    this.filterChanged.dispose();
  }
}
