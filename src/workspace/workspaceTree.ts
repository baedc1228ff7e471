// The "This Workspace" view: one node per server.json with its local version and standing, and under
// it the version fields, the problems count and the target registry.
import * as vscode from 'vscode';
import type { VersionField } from '../serverJson';
import { positionOf } from './localServer';
import type { ServerJsonFile, ServerJsonFiles } from './serverJsonFiles';
import { describeStanding, explainStanding, type StandingState } from './standing';
import type { StandingInfo, Standings } from './standings';
import { contextValue } from '../util/contextValue';

/** Ours, the registry's, and VS Code's JSON syntax errors (ours step aside for those while the file is shown). */
export const DIAGNOSTIC_SOURCES = new Set(['MCP Versions', 'MCP Registry', 'json']);

export interface FileNode {
  readonly kind: 'file';
  readonly uri: vscode.Uri;
}

export interface DetailNode {
  readonly kind: 'detail';
  readonly parent: FileNode;
  readonly item: vscode.TreeItem;
}

export type WorkspaceNode = FileNode | DetailNode;

const STATE_ICONS: Record<StandingState, [string, string | undefined]> = {
  unpublished: ['cloud-upload', 'charts.blue'],
  equal: ['pass', 'charts.green'],
  behind: ['arrow-down', 'charts.yellow'],
  ahead: ['rocket', 'charts.green'],
  published: ['history', 'charts.orange'],
  invalid: ['error', 'errorForeground'],
};

const FIELD_KINDS: Record<VersionField['kind'], [string, string]> = {
  server: [vscode.l10n.t('server version'), 'tag'],
  package: [vscode.l10n.t('package version'), 'package'],
  'oci-tag': [vscode.l10n.t('OCI image tag'), 'symbol-constant'],
  'mcpb-url': [vscode.l10n.t('in the MCPB download URL'), 'link'],
};

export class WorkspaceTreeProvider implements vscode.TreeDataProvider<WorkspaceNode>, vscode.Disposable {
  private readonly nodes = new Map<string, FileNode>();
  private readonly changed = new vscode.EventEmitter<WorkspaceNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly files: ServerJsonFiles, private readonly standings: Standings) {
    this.disposables = [
      standings.onDidChange((uri) => this.refresh(uri)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) if (this.files.get(uri)) this.refresh(uri);
      }),
      this.changed,
    ];
  }

  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  /** Coalesces bursts of changes (a scan, many registry answers) into one refresh of the whole (small) tree. */
  private refresh(_uri?: vscode.Uri): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      for (const key of [...this.nodes.keys()]) if (!this.files.get(vscode.Uri.parse(key))) this.nodes.delete(key);
      this.changed.fire(undefined);
    }, 50);
  }

  fileNode(uri: vscode.Uri): FileNode | undefined {
    if (!this.files.get(uri)) return undefined;
    let node = this.nodes.get(uri.toString());
    if (!node) {
      node = { kind: 'file', uri };
      this.nodes.set(uri.toString(), node);
    }
    return node;
  }

  async getChildren(element?: WorkspaceNode): Promise<WorkspaceNode[]> {
    if (!element) {
      await this.files.ready();
      return this.files.all().map((file) => this.fileNode(file.uri)!);
    }
    if (element.kind === 'detail') return [];
    const file = this.files.get(element.uri);
    return file ? detailItems(file, this.standings.get(file.uri)).map((item) => ({ kind: 'detail', parent: element, item })) : [];
  }

  getParent(element: WorkspaceNode): WorkspaceNode | undefined {
    return element.kind === 'detail' ? element.parent : undefined;
  }

  getTreeItem(element: WorkspaceNode): vscode.TreeItem {
    if (element.kind === 'detail') return element.item;
    const file = this.files.get(element.uri);
    if (!file) return new vscode.TreeItem(element.uri.path.split('/').pop() ?? 'server.json');
    return fileItem(file, this.standings.get(file.uri));
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Label, description and state of a file node: what the view shows (also used by the API and status bar). */
export function summarize(file: ServerJsonFile, info: StandingInfo | undefined): { label: string; version?: string; state: string; description: string } {
  const { name, version, problem } = file.local;
  const label = name ?? relativePath(file.uri);
  if (problem) return { label, version, state: 'problem', description: problem.message };
  if (!version) return { label, state: 'problem', description: vscode.l10n.t('no version') };
  let state: string;
  switch (info?.status) {
    case 'known':
      state = describeStanding(info.standing);
      break;
    case 'unreachable':
      state = vscode.l10n.t('unreachable');
      break;
    case 'no-registry':
      state = vscode.l10n.t('no registry');
      break;
    default:
      state = vscode.l10n.t('checking…');
  }
  return { label, version, state, description: `${state} · ${version}` };
}

function fileItem(file: ServerJsonFile, info: StandingInfo | undefined): vscode.TreeItem {
  const summary = summarize(file, info);
  const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.Collapsed);
  item.id = file.uri.toString();
  item.resourceUri = file.uri;
  const folder = relativeFolder(file.uri);
  item.description = folder ? `${summary.description} · ${folder}` : summary.description;
  item.iconPath = fileIcon(file, info);
  item.contextValue = contextValue('serverJson', [info?.status === 'known' ? info.standing.state : file.local.problem ? 'problem' : info?.status ?? 'checking']);
  item.command = { title: vscode.l10n.t('Open server.json'), command: 'vscode.open', arguments: [file.uri] };
  item.tooltip = fileTooltip(file, info);
  item.accessibilityInformation = { label: `${summary.label}, ${summary.description}` };
  return item;
}

function fileIcon(file: ServerJsonFile, info: StandingInfo | undefined): vscode.ThemeIcon {
  if (file.local.problem) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  switch (info?.status) {
    case 'known': {
      const [icon, color] = STATE_ICONS[info.standing.state];
      return new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
    }
    case 'unreachable':
      return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    case 'no-registry':
      return new vscode.ThemeIcon('package');
    default:
      return new vscode.ThemeIcon('loading~spin');
  }
}

function fileTooltip(file: ServerJsonFile, info: StandingInfo | undefined): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = false;
  const { name, version, problem } = file.local;
  tooltip.appendMarkdown('$(package) **');
  tooltip.appendText(name ?? 'server.json');
  tooltip.appendMarkdown('**');
  if (version) {
    tooltip.appendMarkdown(' `');
    tooltip.appendText(version);
    tooltip.appendMarkdown('`');
  }
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(vscode.workspace.asRelativePath(file.uri, true));
  tooltip.appendMarkdown('\n\n');
  if (problem) {
    tooltip.appendMarkdown('$(warning) ');
    tooltip.appendText(problem.message);
  } else if (info?.status === 'known' && version) {
    tooltip.appendText(explainStanding(info.standing, version, info.registry));
  } else if (info?.status === 'unreachable') {
    tooltip.appendMarkdown('$(debug-disconnect) ');
    tooltip.appendText(vscode.l10n.t('{0} could not be reached: {1}', info.registry, info.message));
  } else if (info?.status === 'no-registry') {
    tooltip.appendText(vscode.l10n.t('No registry is configured in mcpVersions.registries.'));
  }
  return tooltip;
}

function detailItems(file: ServerJsonFile, info: StandingInfo | undefined): vscode.TreeItem[] {
  const items: vscode.TreeItem[] = [];
  const key = file.uri.toString();
  if (file.local.problem) {
    const item = new vscode.TreeItem(file.local.problem.message);
    item.id = `${key}#problem`;
    item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
    item.command = openAt(file, file.local.problem.offset, file.local.problem.offset);
    item.contextValue = contextValue('serverJsonProblem');
    items.push(item);
  }
  file.local.versionFields.forEach((field, index) => {
    const [what, icon] = FIELD_KINDS[field.kind];
    const item = new vscode.TreeItem(field.path);
    item.id = `${key}#field${index}`;
    item.description = `${field.value} · ${what}`;
    item.iconPath = new vscode.ThemeIcon(icon);
    item.tooltip = vscode.l10n.t('{0}: {1} ({2}); moves with the server version on a bump', field.path, field.value, what);
    item.command = openAt(file, field.offset, field.offset + field.length);
    item.contextValue = contextValue('serverJsonVersionField');
    items.push(item);
  });
  items.push(problemsItem(file));
  if (info && info.status !== 'local-problem' && info.status !== 'no-registry') items.push(registryItem(key, info));
  return items;
}

function problemsItem(file: ServerJsonFile): vscode.TreeItem {
  const diagnostics = vscode.languages.getDiagnostics(file.uri).filter((d) => d.source !== undefined && DIAGNOSTIC_SOURCES.has(d.source));
  const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  const others = diagnostics.length - errors - warnings;
  const item = new vscode.TreeItem(diagnostics.length === 0 ? vscode.l10n.t('No problems') : vscode.l10n.t('Problems'));
  item.id = `${file.uri.toString()}#problems`;
  const parts = [plural(errors, 'error'), plural(warnings, 'warning'), plural(others, 'info')].filter((part) => part !== '');
  item.description = parts.join(', ');
  item.iconPath = errors > 0
    ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
    : warnings > 0 ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')) : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  item.command = { title: vscode.l10n.t('Show Problems'), command: 'workbench.actions.view.problems' };
  item.contextValue = contextValue('serverJsonProblems');
  return item;
}

function registryItem(key: string, info: Exclude<StandingInfo, { status: 'local-problem' | 'no-registry' }>): vscode.TreeItem {
  const item = new vscode.TreeItem(info.registry);
  item.id = `${key}#registry`;
  item.iconPath = new vscode.ThemeIcon('server');
  if (info.status === 'known') {
    const live = info.rows.filter((row) => row.status !== 'deleted').length;
    item.description = info.rows.length === 0 ? vscode.l10n.t('not published yet') : vscode.l10n.t('latest {0} · {1}', info.standing.latest ?? '—', plural(live, 'version') || vscode.l10n.t('every version deleted'));
  } else {
    item.description = info.status === 'checking' ? vscode.l10n.t('checking…') : vscode.l10n.t('unreachable');
    if (info.status === 'unreachable') item.tooltip = info.message;
  }
  item.command = { title: vscode.l10n.t('Select Target Registry'), command: 'mcpVersions.selectTargetRegistry' };
  item.contextValue = contextValue('serverJsonTargetRegistry');
  return item;
}

function openAt(file: ServerJsonFile, start: number, end: number): vscode.Command {
  const from = positionOf(file.text, start);
  const to = positionOf(file.text, end);
  const selection = new vscode.Range(from.line, from.character, to.line, to.character);
  return { title: vscode.l10n.t('Open server.json'), command: 'vscode.open', arguments: [file.uri, { selection }] };
}

function plural(count: number, word: string): string {
  if (count === 0) return '';
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
}

/** The folder part of the path shown after the description when the file is not at a folder's root. */
function relativeFolder(uri: vscode.Uri): string | undefined {
  const path = relativePath(uri);
  const slash = path.lastIndexOf('/');
  return slash === -1 ? undefined : path.slice(0, slash);
}
