/** Where each client keeps its MCP config, for a given machine and workspace (pure: paths only, no file access). */
import * as path from 'node:path';
import type { ConfigKind } from './types';

export interface ConfigLocation {
  readonly kind: ConfigKind;
  readonly scope: 'user' | 'workspace';
  readonly path: string;
  /** The workspace folder a workspace config belongs to. */
  readonly folder?: string;
}

export interface LocationOptions {
  readonly platform: NodeJS.Platform;
  readonly home: string;
  /** %APPDATA% on Windows. */
  readonly appData?: string;
  /** $XDG_CONFIG_HOME on Linux. */
  readonly xdgConfigHome?: string;
  readonly workspaceFolders: readonly string[];
  /** VS Code's user mcp.json of the current profile, which only VS Code can tell. */
  readonly vscodeUserMcpJson?: string;
}

/** Candidate config files, user ones first; whether each exists is for the caller to find out. */
export function configLocations(options: LocationOptions): ConfigLocation[] {
  const paths = options.platform === 'win32' ? path.win32 : path.posix;
  const locations: ConfigLocation[] = [];
  if (options.vscodeUserMcpJson) locations.push({ kind: 'vscode', scope: 'user', path: options.vscodeUserMcpJson });
  locations.push({ kind: 'cursor', scope: 'user', path: paths.join(options.home, '.cursor', 'mcp.json') });
  const desktop = claudeDesktopConfig(options, paths);
  if (desktop) locations.push({ kind: 'claude-desktop', scope: 'user', path: desktop });
  for (const folder of options.workspaceFolders) {
    locations.push({ kind: 'vscode', scope: 'workspace', folder, path: paths.join(folder, '.vscode', 'mcp.json') });
    locations.push({ kind: 'cursor', scope: 'workspace', folder, path: paths.join(folder, '.cursor', 'mcp.json') });
    locations.push({ kind: 'claude-code', scope: 'workspace', folder, path: paths.join(folder, '.mcp.json') });
  }
  return locations;
}

function claudeDesktopConfig(options: LocationOptions, paths: typeof path.posix): string | undefined {
  switch (options.platform) {
    case 'darwin': return paths.join(options.home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
    case 'win32': return options.appData ? paths.join(options.appData, 'Claude', 'claude_desktop_config.json') : undefined;
    default: return paths.join(options.xdgConfigHome || paths.join(options.home, '.config'), 'Claude', 'claude_desktop_config.json');
  }
}
