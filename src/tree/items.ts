// TreeItems for the Registry tree: labels, descriptions, Markdown tooltips (registry strings escaped,
// untrusted), codicons, status decorations (via resourceUri) and composed contextValues.
import * as vscode from 'vscode';
import { RegistryError, officialMeta, publishableNamespaces, type Permission, type ServerStatus } from '../registry';
import { exactUtc, relativeTime } from '../util/relativeTime';
import { composeContextValue } from './contextValue';
import type { ActionNode, DetailNode, ErrorNode, FilterNode, LoadMoreNode, MessageNode, RegistryNode, ServerNode, VersionNode } from './nodes';
import { DELIVERY_ICONS, DELIVERY_LABELS, type DeliveryKind } from './packageKind';
import type { ServerRow } from './serverRow';
import { encodeStatusQuery } from './statusBadge';

export const STATUS_SCHEME = 'mcp-versions-status';
const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
const Expanded = vscode.TreeItemCollapsibleState.Expanded;
const None = vscode.TreeItemCollapsibleState.None;

export interface ItemContext {
  /** Whether the identity may change this server's versions. */
  mine(registry: RegistryNode, serverName: string): boolean;
  /** Environments whose endpoint reports this version (a badge in the description). */
  environmentsRunning?(registryUrl: string, serverName: string, version: string): readonly string[];
}

export function registryItem(node: RegistryNode, permissions?: readonly Permission[]): vscode.TreeItem {
  const item = new vscode.TreeItem(node.config.name, Expanded);
  item.id = node.id;
  const state = node.state;
  const parts = [node.config.url];
  const namespaces = permissions && publishableNamespaces(permissions);
  if (node.config.source === 'gallery') parts.push(vscode.l10n.t('from chat.mcp.gallery.serviceUrl'));
  if (state.search) parts.push(vscode.l10n.t('filtered: {0}', state.search));
  if (namespaces?.length) parts.push(vscode.l10n.t('publishes to {0}', namespaces.join(', ')));
  item.description = parts.join(' · ');
  item.iconPath = new vscode.ThemeIcon(state.listError ? 'error' : node.config.source === 'gallery' ? 'extensions' : 'database');
  const tooltip = untrusted();
  tooltip.appendMarkdown('**').appendText(node.config.name).appendMarkdown('**\n\n');
  tooltip.appendText(node.config.url);
  if (node.config.source === 'gallery') tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('From chat.mcp.gallery.serviceUrl (the registry VS Code’s MCP gallery uses)'));
  if (node.config.auth) tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Sign-in: {0}', node.config.auth));
  if (namespaces) tooltip.appendMarkdown('\n\n').appendText(namespaces.length ? vscode.l10n.t('You may publish to: {0}', namespaces.join(', ')) : vscode.l10n.t('Signed in, but this identity may not publish to any namespace'));
  else tooltip.appendMarkdown('\n\n').appendText(vscode.l10n.t('Not signed in'));
  item.tooltip = tooltip;
  const method = node.config.auth ?? 'github';
  item.contextValue = composeContextValue('registry', [
    node.config.source === 'settings' ? 'removable' : 'gallery',
    method === 'none' && 'anonymous',
    (method === 'dns' || method === 'http') && 'keyProof',
    method !== 'none' && permissions !== undefined && 'signedIn',
  ]);
  return item;
}

export function serverItem(node: ServerNode, row: ServerRow | undefined, context: ItemContext): vscode.TreeItem {
  const item = new vscode.TreeItem(node.name, Collapsed);
  item.id = node.id;
  if (!row) {
    item.description = vscode.l10n.t('not in the list any more');
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = composeContextValue('server', [context.mine(node.registry, node.name) && 'mine']);
    return item;
  }
  const description: string[] = [];
  if (node.pinned) description.push('yours');
  description.push(row.version);
  if (row.title && row.title.length <= 30) description.push(row.title);
  if (node.shownCount !== undefined) description.push(node.shownCount === 1 ? vscode.l10n.t('1 version') : vscode.l10n.t('{0} versions', node.shownCount));
  item.description = description.join(' · ');
  item.iconPath = deliveryIcon(row.kind);
  item.resourceUri = statusUri('server', { status: row.status });
  item.contextValue = composeContextValue('server', [
    row.status === 'deprecated' && 'deprecated',
    row.status === 'deleted' && 'deleted',
    context.mine(node.registry, node.name) && 'mine',
  ]);
  return item;
}

// One icon per delivery kind, shared by every server row (a list may hold 10 000).
const deliveryIcons = new Map<DeliveryKind, vscode.ThemeIcon>();

function deliveryIcon(kind: DeliveryKind): vscode.ThemeIcon {
  let icon = deliveryIcons.get(kind);
  if (!icon) deliveryIcons.set(kind, (icon = new vscode.ThemeIcon(DELIVERY_ICONS[kind])));
  return icon;
}

// Shared by every version row (a server may have 10 000 of them).
const VERSION_ICONS = {
  deleted: new vscode.ThemeIcon('trash', new vscode.ThemeColor('list.errorForeground')),
  deprecated: new vscode.ThemeIcon('warning'),
  latest: new vscode.ThemeIcon('star-full', new vscode.ThemeColor('charts.green')),
  other: new vscode.ThemeIcon('tag'),
};

export function versionItem(node: VersionNode, context: ItemContext): vscode.TreeItem {
  const row = node.row;
  const item = new vscode.TreeItem(row.version, Collapsed);
  item.id = node.id;
  // Built as one string (no list per row): a server may have 10 000 versions.
  let description = relativeTime(row.publishedAt);
  if (row.status !== 'active') description = `${row.statusMessage ? `${row.status}: ${row.statusMessage}` : row.status} · ${description}`;
  if (row.channelHead) description = `${row.channelHead} · ${description}`;
  if (row.isLatest) description = `latest · ${description}`;
  const liveOn = context.environmentsRunning?.(node.server.registry.config.url, node.server.name, row.version);
  if (liveOn && liveOn.length > 0) description = `● ${liveOn.join(', ')} · ${description}`;
  item.description = description;
  item.iconPath = VERSION_ICONS[row.status === 'deleted' ? 'deleted' : row.status === 'deprecated' ? 'deprecated' : row.isLatest ? 'latest' : 'other'];
  const serverName = node.server.name;
  item.resourceUri = statusUri('version', { status: row.status, latest: row.isLatest, channel: row.channelHead });
  item.contextValue = composeContextValue('version', [
    row.isLatest && 'latest',
    row.version.includes('-') && 'prerelease',
    row.status === 'active' && 'active',
    row.status === 'deprecated' && 'deprecated',
    row.status === 'deleted' && 'deleted',
    context.mine(node.server.registry, serverName) && 'mine',
    row.previous !== undefined && 'hasPrevious',
  ]);
  return item;
}

/** Server tooltips are built on hover (resolveTreeItem): a page of servers costs no Markdown until then. */
export function serverTooltip(row: ServerRow): vscode.MarkdownString {
  const tooltip = untrusted();
  tooltip.appendMarkdown('**').appendText(row.title ?? row.name).appendMarkdown('**');
  if (row.title) tooltip.appendMarkdown('  \n').appendText(row.name);
  tooltip.appendMarkdown('\n\n').appendText(row.description);
  tooltip.appendMarkdown('\n\n---\n\n');
  tooltip.appendText(`Latest: ${row.version}${row.status !== 'active' ? ` (${row.status})` : ''}`).appendMarkdown('  \n');
  tooltip.appendText(vscode.l10n.t('Published: {0} ({1})', relativeTime(row.publishedAt), exactUtc(row.publishedAt))).appendMarkdown('  \n');
  tooltip.appendText(vscode.l10n.t('Delivered as: {0}', DELIVERY_LABELS[row.kind]));
  if (row.repositoryUrl) tooltip.appendMarkdown(vscode.l10n.t('  \nRepository: ')).appendMarkdown(link(row.repositoryUrl));
  if (row.websiteUrl) tooltip.appendMarkdown(vscode.l10n.t('  \nWebsite: ')).appendMarkdown(link(row.websiteUrl));
  return tooltip;
}

/** Version tooltips are built on hover too: a server can have 10 000 versions. */
export function versionTooltip(node: VersionNode): vscode.MarkdownString {
  const row = node.row;
  const serverName = node.server.name;
  const tooltip = untrusted();
  tooltip.appendMarkdown('**').appendText(`${serverName}@${row.version}`).appendMarkdown('**\n\n');
  const flags = [row.isLatest ? 'latest' : undefined, row.channelHead ? vscode.l10n.t('newest {0}', row.channelHead) : undefined, row.status].filter(Boolean);
  tooltip.appendText(flags.join(' · '));
  if (row.statusMessage) tooltip.appendMarkdown('  \n').appendText(vscode.l10n.t('Status message: {0}', row.statusMessage));
  tooltip.appendMarkdown('  \n').appendText(vscode.l10n.t('Published {0} — {1}', relativeTime(row.publishedAt), exactUtc(row.publishedAt)));
  const meta = officialMeta(row.response);
  if (meta.status !== 'active') tooltip.appendMarkdown('  \n').appendText(vscode.l10n.t('Status changed {0}', exactUtc(meta.statusChangedAt)));
  return tooltip;
}

export function detailItem(node: DetailNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, node.children?.length ? (node.kind === 'detail' ? Collapsed : Expanded) : None);
  item.id = node.id;
  item.description = node.description;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  if (node.tooltip) item.tooltip = untrusted().appendText(node.tooltip);
  item.contextValue = composeContextValue(node.kind);
  return item;
}

export function loadMoreItem(node: LoadMoreNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.loading ? vscode.l10n.t('Loading…') : vscode.l10n.t('Load more…'), None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.loading ? 'loading~spin' : 'more');
  item.description = vscode.l10n.t('{0} loaded', node.registry.state.rows.length);
  item.tooltip = vscode.l10n.t('Load the next page of servers');
  item.command = { command: 'mcpVersions.registry.loadMore', title: vscode.l10n.t('Load More'), arguments: [node] };
  item.contextValue = composeContextValue('loadMore');
  return item;
}

export function filterItem(node: FilterNode): vscode.TreeItem {
  const item = new vscode.TreeItem(vscode.l10n.t('Filtered: “{0}”', node.search), None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon('filter');
  item.description = vscode.l10n.t('click to clear');
  item.tooltip = untrusted().appendText(vscode.l10n.t('Servers whose name contains “{0}” (searched by the registry). Click to clear the filter.', node.search));
  item.command = { command: 'mcpVersions.registry.clearFilter', title: vscode.l10n.t('Clear Filter'), arguments: [node] };
  item.contextValue = composeContextValue('filter');
  return item;
}

export function errorItem(node: ErrorNode): vscode.TreeItem {
  const error = node.error;
  const message = error instanceof Error ? error.message : String(error);
  const hint = error instanceof RegistryError ? error.hint : undefined;
  const label = node.server ? vscode.l10n.t('Could not load the versions of {0}: {1}', node.server.name, message) : `${node.registry.config.name}: ${message}`;
  const item = new vscode.TreeItem(label, Expanded);
  item.id = node.id;
  item.description = hint;
  item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  const tooltip = untrusted().appendText(message);
  if (hint) tooltip.appendMarkdown('\n\n').appendText(hint);
  item.tooltip = tooltip;
  item.contextValue = composeContextValue('error');
  return item;
}

export function actionItem(node: ActionNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.command = node.command;
  item.contextValue = composeContextValue('action');
  return item;
}

export function messageItem(node: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(node.label, None);
  item.id = node.id;
  item.iconPath = new vscode.ThemeIcon(node.icon);
  item.contextValue = composeContextValue('message');
  return item;
}

// The decoration depends on the state alone, so rows in the same state share one URI: a list of 10 000
// versions has a handful of states ("active" mostly), each URI is built once.
const statusUris = new Map<string, vscode.Uri>();
// The keys of the states without a channel, made once (not a new string for every row).
const stateKeys = (latest: string) => ({
  server: { active: `server|active|${latest}|`, deprecated: `server|deprecated|${latest}|`, deleted: `server|deleted|${latest}|` },
  version: { active: `version|active|${latest}|`, deprecated: `version|deprecated|${latest}|`, deleted: `version|deleted|${latest}|` },
});
const PLAIN_KEYS = stateKeys('');
const LATEST_KEYS = stateKeys('true');

function statusUri(kind: 'server' | 'version', state: Parameters<typeof encodeStatusQuery>[0]): vscode.Uri {
  const known = state.channel === undefined ? (state.latest ? LATEST_KEYS : PLAIN_KEYS)[kind][state.status as ServerStatus] : undefined;
  const key = known ?? `${kind}|${state.status}|${state.latest ? 'true' : ''}|${state.channel ?? ''}`;
  let uri = statusUris.get(key);
  if (uri === undefined) statusUris.set(key, (uri = vscode.Uri.from({ scheme: STATUS_SCHEME, path: `/${kind}`, query: encodeStatusQuery(state) })));
  return uri;
}

function untrusted(): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/** A Markdown link to an http(s) URL from the registry, or the escaped text when it is anything else. */
function link(url: string): string {
  const text = new vscode.MarkdownString().appendText(url).value;
  if (!/^https?:\/\//i.test(url)) return text;
  try {
    const safe = new URL(url).toString().replace(/[()<>\s]/g, (c) => encodeURIComponent(c));
    return `[${text}](${safe})`;
  } catch {
    return text;
  }
}
