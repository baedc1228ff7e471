// Every `mcpVersions.*` setting the extension reads: its key, its default (the same as package.json's),
// and how it is read. Settings a workspace could turn against the user (package.json's
// restrictedConfigurations) are read from the user's settings only while the workspace is untrusted.
import * as vscode from 'vscode';

export const SECTION = 'mcpVersions';

/** Full keys, for `affectsConfiguration` and for opening the Settings editor at one of them. */
export const SETTING = {
  registries: 'mcpVersions.registries',
  environments: 'mcpVersions.environments',
  environmentsPollSeconds: 'mcpVersions.environmentsPollSeconds',
  historyFile: 'mcpVersions.deployments.historyFile',
  staleSeconds: 'mcpVersions.cache.staleSeconds',
  autoRefreshSeconds: 'mcpVersions.autoRefreshSeconds',
  publishGitTag: 'mcpVersions.publish.gitTag',
  schemaDirectory: 'mcpVersions.schemaDirectory',
  bumpPreview: 'mcpVersions.bump.preview',
  bumpExtraFiles: 'mcpVersions.bump.extraFiles',
  installedNotifyDeleted: 'mcpVersions.installed.notifyDeleted',
  gallery: 'chat.mcp.gallery.serviceUrl',
  /** VS Code's JSON language service: where a document's `$schema` is read from (src/diagnostics/bundledSchemas). */
  jsonSchemas: 'json.schemas',
} as const;

export const DEFAULTS = {
  staleSeconds: 300,
  autoRefreshSeconds: 120,
  environmentsPollSeconds: 30,
  publishGitTag: false,
  bumpPreview: true,
  installedNotifyDeleted: true,
} as const;

type Key = (typeof SETTING)[keyof typeof SETTING];

function split(key: Key): [section: string, name: string] {
  const dot = key.startsWith(`${SECTION}.`) ? SECTION.length : key.lastIndexOf('.');
  return [key.slice(0, dot), key.slice(dot + 1)];
}

/** A setting's value; while the workspace is untrusted, as the user (not the workspace) sets it. */
export function trustedSetting<T>(section: string, key: string, scope?: vscode.ConfigurationScope): T | undefined {
  const config = vscode.workspace.getConfiguration(section, scope);
  if (vscode.workspace.isTrusted) return config.get<T>(key);
  const inspected = config.inspect<T>(key);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

function restricted<T>(key: Key, scope?: vscode.ConfigurationScope): T | undefined {
  return trustedSetting<T>(...split(key), scope);
}

function plain<T>(key: Key, scope?: vscode.ConfigurationScope): T | undefined {
  const [section, name] = split(key);
  return vscode.workspace.getConfiguration(section, scope).get<T>(name);
}

function seconds(key: Key, fallback: number, scope?: vscode.ConfigurationScope, min = 0): number {
  const value = plain<number>(key, scope);
  return typeof value === 'number' && Number.isFinite(value) && value >= min ? value : fallback;
}

export const settings = {
  registries: (): unknown[] => restricted<unknown[]>(SETTING.registries) ?? [],
  inspectRegistries: () => vscode.workspace.getConfiguration(SECTION).inspect<unknown[]>('registries'),
  galleryUrl: (): unknown => restricted<unknown>(SETTING.gallery),
  environments: (scope?: vscode.ConfigurationScope): unknown => restricted<unknown>(SETTING.environments, scope),
  historyFile: (scope?: vscode.ConfigurationScope): unknown => restricted<unknown>(SETTING.historyFile, scope),
  schemaDirectory: (): unknown => restricted<unknown>(SETTING.schemaDirectory),
  bumpExtraFiles: (scope?: vscode.ConfigurationScope): unknown => restricted<unknown>(SETTING.bumpExtraFiles, scope),
  /** Greater than 0: a poll every 0 seconds would never rest. */
  environmentsPollSeconds: (scope?: vscode.ConfigurationScope): number =>
    seconds(SETTING.environmentsPollSeconds, DEFAULTS.environmentsPollSeconds, scope, Number.MIN_VALUE),
  staleMs: (): number => seconds(SETTING.staleSeconds, DEFAULTS.staleSeconds) * 1000,
  autoRefreshSeconds: (): number => seconds(SETTING.autoRefreshSeconds, DEFAULTS.autoRefreshSeconds),
  publishGitTag: (): boolean => (plain<boolean>(SETTING.publishGitTag) ?? DEFAULTS.publishGitTag) === true,
  bumpPreview: (scope?: vscode.ConfigurationScope): boolean => plain<boolean>(SETTING.bumpPreview, scope) ?? DEFAULTS.bumpPreview,
  installedNotifyDeleted: (): boolean => plain<boolean>(SETTING.installedNotifyDeleted) ?? DEFAULTS.installedNotifyDeleted,
};
