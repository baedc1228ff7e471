// The Environments view: each environment with the version its endpoint reports, reachability, latency
// and drift; children are the endpoint, the registry status of the live version, and the history.
import * as vscode from 'vscode';
import { exactUtc, relativeTime } from '../util/relativeTime';
import { driftWord, historyOf, latestVersion, previousEnvironment, probeProblemInWords, rollbackTarget, type DeploymentRecord } from './model';
import type { DeploymentHistory } from './historyStore';
import { DRIFT_ICON, environmentContextValue, type DetailRow, type EnvironmentsNode } from './nodes';
import type { EnvironmentStatus, EnvironmentStatusStore } from './statusStore';
import { contextValue } from '../util/contextValue';

const HISTORY_SHOWN = 20;

export class EnvironmentsTreeProvider implements vscode.TreeDataProvider<EnvironmentsNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<EnvironmentsNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: EnvironmentStatusStore, private readonly history: DeploymentHistory) {
    this.subscriptions = [store.onDidChange(() => this.emitter.fire(undefined)), history.onDidChange(() => this.emitter.fire(undefined))];
  }

  private readonly environmentNodes = new Map<string, EnvironmentsNode>();

  /** The node of an environment (the same object every time, so `TreeView.reveal` finds it). */
  environmentNode(name: string): EnvironmentsNode {
    let node = this.environmentNodes.get(name);
    if (!node) {
      node = { type: 'environment', name };
      this.environmentNodes.set(name, node);
    }
    return node;
  }

  private readonly historyNodes = new Map<string, EnvironmentsNode>();

  /** The History folder of an environment (stable, like environmentNode). */
  historyNode(environment: string): EnvironmentsNode {
    let node = this.historyNodes.get(environment);
    if (!node) {
      node = { type: 'history', environment };
      this.historyNodes.set(environment, node);
    }
    return node;
  }

  getParent(node: EnvironmentsNode): EnvironmentsNode | undefined {
    if (node.type === 'detail' || node.type === 'history') return this.environmentNode(node.environment);
    if (node.type === 'record') return this.historyNode(node.environment);
    return undefined;
  }

  getChildren(node?: EnvironmentsNode): EnvironmentsNode[] {
    if (!node) {
      const problems = this.store.problems.map((message, index): EnvironmentsNode => ({ type: 'problem', message, index }));
      const environments = this.store.list().map((s) => this.environmentNode(s.config.name));
      return environments.length === 0 && problems.length === 0 ? [] : [...environments, ...problems];
    }
    if (node.type === 'environment') {
      const status = this.store.get(node.name);
      if (!status) return [];
      const rows = detailRows(status, this.store);
      const nodes: EnvironmentsNode[] = rows.map(([key, row]) => ({ type: 'detail', environment: node.name, key, row }));
      nodes.push(this.historyNode(node.name));
      return nodes;
    }
    if (node.type === 'history') {
      return historyOf(this.history.all(), node.environment)
        .slice(0, HISTORY_SHOWN)
        .map((record) => ({ type: 'record', environment: node.environment, record }));
    }
    return [];
  }

  getTreeItem(node: EnvironmentsNode): vscode.TreeItem {
    switch (node.type) {
      case 'environment':
        return this.environmentItem(node.name);
      case 'detail':
        return detailItem(node);
      case 'history': {
        const count = historyOf(this.history.all(), node.environment).length;
        const item = new vscode.TreeItem(vscode.l10n.t('History'), count > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        item.id = `env:${node.environment}:history`;
        item.description = count === 0 ? vscode.l10n.t('no deployments yet') : vscode.l10n.t('{0} deployment{1}', count, count === 1 ? '' : 's');
        item.iconPath = new vscode.ThemeIcon('history');
        item.contextValue = contextValue('environmentHistory');
        return item;
      }
      case 'record':
        return recordItem(node.record);
      case 'problem': {
        const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
        item.id = `env-problem:${node.index}`;
        item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('editorWarning.foreground'));
        item.tooltip = node.message;
        item.command = { command: 'mcpVersions.environments.configure', title: vscode.l10n.t('Configure Environments') };
        item.contextValue = contextValue('environmentProblem');
        return item;
      }
    }
  }

  private environmentItem(name: string): vscode.TreeItem {
    const status = this.store.get(name);
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `env:${name}`;
    if (!status) return item;
    const look = environmentLook(status);
    item.description = look.description;
    item.iconPath = new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
    item.tooltip = environmentTooltip(status, this.store);
    const all = this.store.list().map((s) => s.config);
    const previous = previousEnvironment(all, name);
    item.contextValue = environmentContextValue({
      deployable: !!status.config.deploy,
      promotable: !!status.config.deploy && !!previous && previous.server === status.config.server,
      rollbackable: !!status.config.deploy && rollbackTarget(this.history.all(), name) !== undefined,
      secrets: status.config.headers.some((h) => h.secret),
    });
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.emitter.dispose();
  }
}

interface Look {
  description: string;
  icon: string;
  color?: string;
}

/** The row leads with the state in one or two words, then the live version; the rest is in the tooltip and child rows. */
export function environmentLook(status: EnvironmentStatus): Look {
  const activity = status.activity;
  // While the confirmation is still asking nothing has happened yet: the row keeps showing what runs.
  if (activity && activity.phase !== 'confirming') {
    return { description: activity.phase === 'verifying' ? vscode.l10n.t('verifying {0}…', activity.version) : vscode.l10n.t('deploying {0}…', activity.version), icon: 'loading~spin' };
  }
  const probe = status.probe;
  if (!probe) return { description: status.checking ? vscode.l10n.t('checking…') : vscode.l10n.t('not checked yet'), icon: status.checking ? 'loading~spin' : 'circle-outline' };
  const failed = status.lastOutcome && !status.lastOutcome.ok ? status.lastOutcome : undefined;
  if (!probe.ok) return { description: vscode.l10n.t('unreachable · {0}', probeProblemInWords(probe.error)), icon: 'debug-disconnect', color: 'errorForeground' };
  if (failed) return { description: vscode.l10n.t('deploy failed · {0}', probe.version), icon: 'warning', color: 'editorWarning.foreground' };
  const worst = status.drift.find((d) => d.severity === 'error') ?? status.drift.find((d) => d.severity === 'warning');
  const word = status.drift.length > 0 ? driftWord(status.drift) : status.registry?.versions ? vscode.l10n.t('latest') : vscode.l10n.t('live');
  const description = `${word} · ${probe.version}`;
  if (worst) return { description, ...DRIFT_ICON[worst.severity] };
  return { description, icon: 'pass', color: 'testing.iconPassed' };
}

function md(): vscode.MarkdownString {
  const m = new vscode.MarkdownString('', true);
  m.isTrusted = false;
  m.supportHtml = false;
  return m;
}

function environmentTooltip(status: EnvironmentStatus, store: EnvironmentStatusStore): vscode.MarkdownString {
  const m = md();
  m.appendMarkdown(`**`).appendText(status.config.name).appendMarkdown(`** — `).appendText(status.config.server).appendMarkdown('\n\n');
  const probe = status.probe;
  if (probe?.ok) m.appendText(vscode.l10n.t('Live version {0} (reported by {1} over {2}, {3} ms)', probe.version, probe.serverName, probe.transport, probe.latencyMs));
  else if (probe) m.appendText(vscode.l10n.t('Endpoint not reachable: {0}. The answer was: {1}', probeProblemInWords(probe.error), probe.error));
  else m.appendText(vscode.l10n.t('Not checked yet'));
  m.appendMarkdown('\n\n');
  for (const d of status.drift) m.appendMarkdown(`$(${DRIFT_ICON[d.severity].icon}) `).appendText(d.message).appendMarkdown('\n\n');
  if (status.lastOutcome) m.appendText(vscode.l10n.t('Last deployment: {0}', status.lastOutcome.message)).appendMarkdown('\n\n');
  if (status.checkedAt) m.appendText(vscode.l10n.t('Checked {0}', relativeTime(new Date(status.checkedAt).toISOString())));
  if (store.liveVersion(status.config.name) && !probe?.ok) m.appendMarkdown('\n\n').appendText(vscode.l10n.t('Last verified deployment: {0}', store.liveVersion(status.config.name) ?? ''));
  return m;
}

function detailRows(status: EnvironmentStatus, store: EnvironmentStatusStore): [string, DetailRow][] {
  const rows: [string, DetailRow][] = [];
  const probe = status.probe;
  rows.push([
    'endpoint',
    {
      label: status.config.endpoint,
      description: probe ? (probe.ok ? vscode.l10n.t('{0} · {1} ms', probe.transport, probe.latencyMs) : vscode.l10n.t('unreachable')) : undefined,
      tooltip: probe && !probe.ok ? vscode.l10n.t('Error: {0}', probe.error) : vscode.l10n.t('MCP endpoint of {0}', status.config.name),
      icon: probe && !probe.ok ? 'debug-disconnect' : 'plug',
      color: probe && !probe.ok ? 'errorForeground' : undefined,
      contextValue: contextValue('environmentEndpoint'),
    },
  ]);
  if (probe && !probe.ok) rows.push(['error', { label: probeProblemInWords(probe.error), icon: 'error', color: 'errorForeground', tooltip: probe.error }]);
  if (status.missingSecrets.length > 0) {
    rows.push([
      'secrets',
      {
        label: vscode.l10n.t('Secret header {0} not set', status.missingSecrets.join(', ')),
        icon: 'key',
        color: 'editorWarning.foreground',
        command: { command: 'mcpVersions.environments.setHeaderSecret', title: vscode.l10n.t('Set Header Secret…'), arguments: [{ type: 'environment', name: status.config.name }] },
      },
    ]);
  }
  rows.push(['registry', registryRow(status, store)]);
  for (const d of status.drift) {
    if (d.kind === 'not-published' || d.kind === 'deleted' || d.kind === 'deprecated') continue;
    rows.push([`drift:${d.kind}`, { label: d.message, icon: DRIFT_ICON[d.severity].icon, color: DRIFT_ICON[d.severity].color }]);
  }
  if (status.lastOutcome) {
    rows.push([
      'outcome',
      {
        label: status.lastOutcome.message,
        tooltip: status.lastOutcome.detail,
        icon: status.lastOutcome.ok ? 'pass' : 'error',
        color: status.lastOutcome.ok ? 'testing.iconPassed' : 'errorForeground',
      },
    ]);
  }
  return rows;
}

function registryRow(status: EnvironmentStatus, store: EnvironmentStatusStore): DetailRow {
  const registry = status.registry;
  const live = status.probe?.ok ? status.probe.version : store.liveVersion(status.config.name);
  if (!registry) return { label: vscode.l10n.t('Registry: not read yet'), icon: 'database' };
  if (!registry.versions) return { label: vscode.l10n.t('Registry {0}: {1}', registry.name, registry.problem ?? registry.error ?? 'unavailable'), icon: 'error', color: 'errorForeground', tooltip: registry.error };
  const latest = latestVersion(registry.versions);
  const latestText = latest ? vscode.l10n.t('latest {0}', latest.version) : vscode.l10n.t('no published version');
  if (!live) return { label: vscode.l10n.t('Registry: {0}', latestText), description: registry.name, icon: 'database' };
  const entry = registry.versions.find((v) => v.version === live);
  if (!entry) return { label: vscode.l10n.t('{0} is not published', live), description: `${registry.name} · ${latestText}`, icon: 'error', color: 'errorForeground' };
  const look = entry.status === 'deleted' ? DRIFT_ICON.error : entry.status === 'deprecated' ? DRIFT_ICON.warning : { icon: 'database', color: undefined };
  const published = entry.publishedAt ? vscode.l10n.t('published {0}', relativeTime(entry.publishedAt)) : '';
  return {
    label: `${live}: ${entry.status}${entry.version === latest?.version ? ' · latest' : ''}`,
    description: [registry.name, published, entry.version === latest?.version ? '' : latestText].filter(Boolean).join(' · '),
    tooltip: [entry.statusMessage, entry.publishedAt ? vscode.l10n.t('Published {0}', exactUtc(entry.publishedAt)) : undefined].filter(Boolean).join('\n') || undefined,
    icon: look.icon,
    color: look.color,
  };
}

function detailItem(node: Extract<EnvironmentsNode, { type: 'detail' }>): vscode.TreeItem {
  const { row } = node;
  const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
  item.id = `env:${node.environment}:${node.key}`;
  item.description = row.description;
  item.tooltip = row.tooltip;
  item.iconPath = new vscode.ThemeIcon(row.icon, row.color ? new vscode.ThemeColor(row.color) : undefined);
  item.command = row.command;
  item.contextValue = row.contextValue ?? contextValue('environmentDetail');
  return item;
}

const RESULT_LOOK: Record<DeploymentRecord['result'], { icon: string; color: string; word: string }> = {
  verified: { icon: 'pass', color: 'testing.iconPassed', word: vscode.l10n.t('verified') },
  'command-failed': { icon: 'error', color: 'errorForeground', word: vscode.l10n.t('command failed') },
  'not-verified': { icon: 'warning', color: 'editorWarning.foreground', word: vscode.l10n.t('not verified') },
  cancelled: { icon: 'circle-slash', color: 'disabledForeground', word: vscode.l10n.t('cancelled') },
};

function recordItem(record: DeploymentRecord): vscode.TreeItem {
  const look = RESULT_LOOK[record.result];
  const verb = record.kind === 'rollback' ? vscode.l10n.t('Rolled back') : record.kind === 'promote' ? vscode.l10n.t('Promoted') : vscode.l10n.t('Deployed');
  const item = new vscode.TreeItem(`${record.from ?? '?'} → ${record.to}`, vscode.TreeItemCollapsibleState.None);
  item.id = `env:${record.environment}:record:${record.id}`;
  item.description = `${look.word} · ${record.who} · ${relativeTime(record.at)}`;
  const tip = md();
  tip.appendText(vscode.l10n.t('{0} {1} on {2} (from {3})', verb, record.to, record.environment, record.from ?? 'unknown')).appendMarkdown('\n\n');
  tip.appendText(`Result: ${look.word}${record.detail ? ` — ${record.detail}` : ''}`).appendMarkdown('\n\n');
  tip.appendText(vscode.l10n.t('By {0}, {1}', record.who, exactUtc(record.at)));
  item.tooltip = tip;
  item.iconPath = new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color));
  item.contextValue = contextValue('deployment', [record.result]);
  return item;
}
