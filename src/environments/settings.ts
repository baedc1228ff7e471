// The environments settings: `mcpVersions.environments` (resource scope, shared through the workspace),
// `mcpVersions.environmentsPollSeconds` (a key below the array setting, `environments.pollSeconds`, would
// not survive VS Code's configuration tree) and `mcpVersions.deployments.historyFile`.
import * as vscode from 'vscode';
import { trustedSetting } from '../trust';
import { readEnvironments, type EnvironmentsReadResult } from './model';

export const ENVIRONMENTS_SETTING = 'mcpVersions.environments';
export const POLL_SETTING = 'mcpVersions.environmentsPollSeconds';
export const HISTORY_FILE_SETTING = 'mcpVersions.deployments.historyFile';
export const DEFAULT_POLL_SECONDS = 30;

function scope(): vscode.ConfigurationScope | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function readEnvironmentSettings(): EnvironmentsReadResult {
  return readEnvironments(trustedSetting<unknown>('mcpVersions', 'environments', scope()));
}

export function pollSeconds(): number {
  const value = vscode.workspace.getConfiguration('mcpVersions', scope()).get<number>('environmentsPollSeconds');
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_POLL_SECONDS;
}

/** The history file as an absolute URI (relative paths resolve against the first workspace folder). */
export function historyFileUri(): vscode.Uri | undefined {
  const value = trustedSetting<string>('mcpVersions', 'deployments.historyFile', scope());
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const trimmed = value.trim();
  if (/^(\/|[A-Za-z]:[\\/])/.test(trimmed)) return vscode.Uri.file(trimmed);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, trimmed) : undefined;
}

export function affectsEnvironments(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(ENVIRONMENTS_SETTING) || event.affectsConfiguration('mcpVersions.registries');
}
