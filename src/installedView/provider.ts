// The Installed view's tree: one row per configured server, a clear row per config it cannot read,
// details underneath. A refresh reads the configs again and asks the registries through the lookup.
import * as vscode from 'vscode';
import type { ConfigLocation, ConfigProblem } from '../installed';
import { describeRow, detailLines, iconOf, tooltipOf, whereConfigured } from './items';
import type { InstalledLookup } from './lookup';
import { readConfigFiles, resolveRows, type ConfigFile, type InstalledRow, type InstalledSnapshot } from './model';

export type InstalledNode =
  | { readonly kind: 'entry'; readonly id: string; readonly row: InstalledRow }
  | { readonly kind: 'problem'; readonly id: string; readonly file: ConfigFile; readonly problem: ConfigProblem }
  | { readonly kind: 'detail'; readonly id: string; readonly parent: InstalledNode; readonly label: string; readonly description?: string; readonly icon?: string };

export class InstalledTreeProvider implements vscode.TreeDataProvider<InstalledNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<InstalledNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<InstalledSnapshot>();
  /** Fires after each refresh with what the view now shows. */
  readonly onDidRefresh = this.refreshed.event;
  private current: InstalledSnapshot = { files: [], rows: [] };
  private loading: Promise<InstalledSnapshot> | undefined;
  private again = false;
  private loaded = false;

  constructor(
    private readonly locations: () => ConfigLocation[],
    readonly lookup: InstalledLookup,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get snapshot(): InstalledSnapshot {
    return this.current;
  }

  /** Reads the configs and the registries again; `registries: true` also forgets what the registries said. */
  refresh(options: { registries?: boolean } = {}): Promise<InstalledSnapshot> {
    if (options.registries) this.lookup.clear();
    if (this.loading) {
      // A refresh asked for while one runs runs once more after it, so the last change is never missed.
      this.again = true;
      return this.loading;
    }
    this.loading = this.load().finally(() => {
      this.loading = undefined;
      if (this.again) {
        this.again = false;
        void this.refresh();
      }
    });
    return this.loading;
  }

  /** Resolves once no refresh is running (for tests and commands that need the current rows). */
  async settled(): Promise<InstalledSnapshot> {
    while (this.loading || this.again) await (this.loading ?? Promise.resolve());
    return this.current;
  }

  private async load(): Promise<InstalledSnapshot> {
    const started = Date.now();
    const files = await readConfigFiles(this.locations());
    const rows = await resolveRows(files, this.lookup);
    this.current = { files, rows };
    this.loaded = true;
    this.log.info(`Installed: ${rows.length} servers in ${files.length} config files, ${Date.now() - started} ms`);
    this.changed.fire(undefined);
    this.refreshed.fire(this.current);
    return this.current;
  }

  getTreeItem(node: InstalledNode): vscode.TreeItem {
    switch (node.kind) {
      case 'entry': {
        const item = new vscode.TreeItem(node.row.entry.key, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = node.id;
        item.description = describeRow(node.row);
        item.tooltip = tooltipOf(node.row);
        item.iconPath = iconOf(node.row.state);
        item.contextValue = contextValueOf(node.row);
        return item;
      }
      case 'problem': {
        const item = new vscode.TreeItem(whereConfigured(node.file), vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.problem.message;
        item.tooltip = node.problem.message;
        item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
        item.contextValue = 'mcpv:installedProblem';
        item.command = { command: 'mcpVersions.installed.openConfig', title: vscode.l10n.t('Open Config'), arguments: [node] };
        return item;
      }
      case 'detail': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        item.id = node.id;
        item.description = node.description;
        item.tooltip = node.description ? `${node.label}: ${node.description}` : node.label;
        if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon);
        item.contextValue = 'mcpv:installedDetail';
        return item;
      }
    }
  }

  async getChildren(node?: InstalledNode): Promise<InstalledNode[]> {
    if (!node) {
      if (!this.loaded) await (this.loading ?? this.refresh());
      const { files, rows } = this.current;
      const problems: InstalledNode[] = files.flatMap((file) => file.problems.filter((problem) => problem.key === undefined)
        .map((problem, index) => ({ kind: 'problem' as const, id: `problem|${file.uri.toString()}|${index}`, file, problem })));
      return [...problems, ...rows.map((row) => ({ kind: 'entry' as const, id: `entry|${row.id}`, row }))];
    }
    if (node.kind !== 'entry') return [];
    const problems = node.row.file.problems.filter((problem) => problem.key === node.row.entry.key);
    return detailLines(node.row, problems).map((line, index) => ({ kind: 'detail' as const, id: `${node.id}|${index}`, parent: node, ...line }));
  }

  getParent(node: InstalledNode): InstalledNode | undefined {
    return node.kind === 'detail' ? node.parent : undefined;
  }

  /** The entry node of a row, for reveal. */
  nodeFor(row: InstalledRow): InstalledNode {
    return { kind: 'entry', id: `entry|${row.id}`, row };
  }

  dispose(): void {
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

/** `mcpv:installed state:<kind>` plus what the row can do: `:update`, `:pin`, `:compare`, `:registry`. */
export function contextValueOf(row: InstalledRow): string {
  const flags = [`mcpv:installed state:${row.state?.kind ?? 'unreachable'}`];
  const state = row.state;
  const editable = row.entry.package?.versionSite !== undefined || row.entry.galleryVersion !== undefined;
  if (editable && state && ((state.kind === 'update-available') || ((state.kind === 'deprecated' || state.kind === 'deleted') && state.update) || (state.kind === 'unknown-version' && state.latest))) flags.push(':update');
  if (editable && state?.kind === 'unpinned' && state.resolvesTo) flags.push(':pin');
  if (state && (state.kind === 'update-available' || state.kind === 'deprecated' || state.kind === 'deleted')) flags.push(':compare');
  if (row.match) flags.push(':registry');
  return flags.join('');
}
