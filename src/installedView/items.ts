// How an installed server, its details and a config's problems look in the Installed view.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConfigProblem, InstalledState } from '../installed';
import type { InstalledVersion } from './lookup';
import { installedVersionOf, latestOf, updateTargetOf, type ConfigFile, type InstalledRow } from './model';

const CLIENT_NAMES: Record<string, string> = { vscode: 'VS Code', cursor: 'Cursor', 'claude-code': 'Claude Code', 'claude-desktop': 'Claude Desktop' };

/** The state in one or two words, as the row's description starts. */
export function stateWords(row: InstalledRow): string {
  const state = row.state;
  if (!state) return vscode.l10n.t('registry unreachable');
  switch (state.kind) {
    case 'up-to-date': return vscode.l10n.t('up to date');
    case 'update-available': return vscode.l10n.t('update {0}', state.update.version);
    case 'deprecated': return vscode.l10n.t('deprecated');
    case 'deleted': return vscode.l10n.t('deleted');
    case 'unknown-version': return vscode.l10n.t('unknown version');
    case 'unpinned': return state.resolvesTo ? vscode.l10n.t('unpinned → {0}', state.resolvesTo.version) : vscode.l10n.t('unpinned');
    case 'not-in-registry': return row.entry.local ? vscode.l10n.t('local command') : vscode.l10n.t('not in registry');
  }
}

/** The version the config names: VS Code's `version`, the package pin or spec, or the remote's registry version. */
export function configuredVersion(row: InstalledRow): string | undefined {
  const { entry } = row;
  if (entry.galleryVersion) return entry.galleryVersion;
  if (entry.package) return entry.package.version ?? entry.package.versionSpec ?? (entry.package.digest ? entry.package.digest.slice(0, 19) : undefined);
  if (row.state?.kind === 'up-to-date' || row.state?.kind === 'update-available') return row.state.installed.version;
  return undefined;
}

export function describeRow(row: InstalledRow): string {
  const version = configuredVersion(row);
  const parts = [stateWords(row), ...(version ? [version] : [])];
  if (row.entry.disabled) parts.push(vscode.l10n.t('disabled'));
  return parts.join(' · ');
}

export function iconOf(state: InstalledState<InstalledVersion> | undefined): vscode.ThemeIcon {
  switch (state?.kind) {
    case 'up-to-date': return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'update-available': return new vscode.ThemeIcon('arrow-circle-up', new vscode.ThemeColor('charts.blue'));
    case 'deprecated': return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.warningForeground'));
    case 'deleted': return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    case 'unknown-version': return new vscode.ThemeIcon('question');
    case 'unpinned': return new vscode.ThemeIcon('pin');
    case 'not-in-registry': return new vscode.ThemeIcon('circle-outline');
    default: return new vscode.ThemeIcon('cloud-offline', new vscode.ThemeColor('list.errorForeground'));
  }
}

/** Where a config file is, in words: "VS Code · .vscode/mcp.json" or "Cursor (user) · ~/.cursor/mcp.json". */
export function whereConfigured(file: ConfigFile): string {
  const client = CLIENT_NAMES[file.location.kind] ?? file.location.kind;
  const shown = file.location.scope === 'workspace' ? vscode.workspace.asRelativePath(file.uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1) : tildePath(file.location.path);
  return file.location.scope === 'user' ? vscode.l10n.t('{0} (user) · {1}', client, shown) : `${client} · ${shown}`;
}

function tildePath(file: string): string {
  const home = process.env.HOME ?? process.env.USERPROFILE;
  return home && file.startsWith(home + path.sep) ? `~${file.slice(home.length)}` : file;
}

/** The publisher's status message of the installed version, when it has one. */
export function statusMessageOf(row: InstalledRow): string | undefined {
  const state = row.state;
  return state && (state.kind === 'deprecated' || state.kind === 'deleted') ? state.message : undefined;
}

export function tooltipOf(row: InstalledRow): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.supportHtml = false;
  md.isTrusted = false;
  md.appendMarkdown(`**${escape(row.entry.key)}** — ${escape(stateWords(row))}\n\n`);
  md.appendMarkdown(`${escape(vscode.l10n.t('Configured in {0}', whereConfigured(row.file)))}\n\n`);
  if (row.match) md.appendMarkdown(`${escape(vscode.l10n.t('Registry: {0} ({1})', row.match.server.registryName, row.match.server.name))}\n\n`);
  const message = statusMessageOf(row);
  if (message) md.appendMarkdown(`${escape(vscode.l10n.t('Publisher says: “{0}”', message))}\n\n`);
  for (const error of row.errors) md.appendMarkdown(`$(error) ${escape(error)}\n\n`);
  return md;
}

export interface DetailLine {
  readonly label: string;
  readonly description?: string;
  readonly icon?: string;
}

export function detailLines(row: InstalledRow, problems: readonly ConfigProblem[]): DetailLine[] {
  const lines: DetailLine[] = [{ label: vscode.l10n.t('Configured in'), description: whereConfigured(row.file), icon: 'file' }];
  const { entry } = row;
  if (entry.package) {
    const pin = entry.package.version ?? entry.package.versionSpec ?? vscode.l10n.t('no version');
    lines.push({ label: vscode.l10n.t('Package'), description: `${entry.package.registryType} ${entry.package.identifier} · ${pin} (${entry.package.runner})`, icon: 'package' });
  }
  if (entry.remoteUrl) lines.push({ label: vscode.l10n.t('Remote'), description: entry.remoteUrl, icon: 'globe' });
  if (row.match) {
    lines.push({ label: vscode.l10n.t('Registry'), description: `${row.match.server.registryName} · ${row.match.server.name}`, icon: 'database' });
    lines.push({ label: vscode.l10n.t('Matched by'), description: matchedBy(row), icon: 'link' });
  }
  const installed = installedVersionOf(row.state);
  if (installed) lines.push({ label: vscode.l10n.t('Installed version'), description: `${installed.version} · ${installed.status ?? 'active'}`, icon: 'versions' });
  const message = statusMessageOf(row);
  if (message) lines.push({ label: vscode.l10n.t('Publisher says'), description: message, icon: 'comment' });
  const update = updateTargetOf(row.state);
  if (update) lines.push({ label: vscode.l10n.t('Update available'), description: update.version, icon: 'arrow-circle-up' });
  const latest = latestOf(row);
  if (latest) lines.push({ label: vscode.l10n.t('Latest'), description: latest.version, icon: 'star-empty' });
  for (const error of row.errors) lines.push({ label: vscode.l10n.t('Error'), description: error, icon: 'error' });
  for (const problem of problems) lines.push({ label: vscode.l10n.t('Problem'), description: problem.message, icon: 'warning' });
  return lines;
}

function matchedBy(row: InstalledRow): string {
  switch (row.match?.by) {
    case 'gallery': return vscode.l10n.t('VS Code gallery name');
    case 'package': return vscode.l10n.t('package identifier');
    case 'remote': return vscode.l10n.t('remote URL');
    default: return '';
  }
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
