// The environments settings: `mcpVersions.environments` (resource scope, shared through the workspace),
// `mcpVersions.environmentsPollSeconds` (a key below the array setting, `environments.pollSeconds`, would
// not survive VS Code's configuration tree) and `mcpVersions.deployments.historyFile`.
import * as vscode from 'vscode';
import { DEFAULTS, SETTING, settings } from '../util/settings';
import { readEnvironments, type EnvironmentsReadResult } from './model';

export const ENVIRONMENTS_SETTING = SETTING.environments;
export const POLL_SETTING = SETTING.environmentsPollSeconds;
export const HISTORY_FILE_SETTING = SETTING.historyFile;
export const DEFAULT_POLL_SECONDS = DEFAULTS.environmentsPollSeconds;

function scope(): vscode.ConfigurationScope | undefined {
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

export function readEnvironmentSettings(): EnvironmentsReadResult {
  return readEnvironments(settings.environments(scope()));
}

export function pollSeconds(): number {
  return settings.environmentsPollSeconds(scope());
}

/** The history file as an absolute URI (relative paths resolve against the first workspace folder). */
export function historyFileUri(): vscode.Uri | undefined {
  const value = settings.historyFile(scope());
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const trimmed = value.trim();
  if (/^(\/|[A-Za-z]:[\\/])/.test(trimmed)) return vscode.Uri.file(trimmed);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, trimmed) : undefined;
}

export function affectsEnvironments(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(ENVIRONMENTS_SETTING) || event.affectsConfiguration(SETTING.registries);
}
