// What the Installed view shows: every config file that exists, its entries, and for each entry the
// registry server it matched and its state. One refresh reads the files and asks the lookup.
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  configLocations,
  installedServersFrom,
  installedState,
  matchInstalledEntry,
  type ConfigLocation,
  type ConfigProblem,
  type InstalledEntry,
  type InstalledState,
  type ServerMatch,
} from '../installed';
import type { FoundServer, InstalledLookup, InstalledVersion } from './lookup';

export interface ConfigFile {
  readonly location: ConfigLocation;
  readonly uri: vscode.Uri;
  readonly entries: InstalledEntry[];
  readonly problems: ConfigProblem[];
}

export interface InstalledRow {
  readonly id: string;
  readonly file: ConfigFile;
  readonly entry: InstalledEntry;
  readonly match?: ServerMatch<FoundServer>;
  readonly versions: readonly InstalledVersion[];
  /** Undefined while the registries could not be asked (see `errors`). */
  readonly state?: InstalledState<InstalledVersion>;
  readonly errors: readonly string[];
}

export interface InstalledSnapshot {
  readonly files: readonly ConfigFile[];
  readonly rows: readonly InstalledRow[];
}

/** The candidate config files of this machine and workspace (user ones first). */
export function installedLocations(globalStorageUri: vscode.Uri): ConfigLocation[] {
  // globalStorageUri is …/User/globalStorage/<extension>: the profile's mcp.json sits in …/User.
  const userDir = vscode.Uri.joinPath(globalStorageUri, '..', '..');
  return configLocations({
    platform: process.platform,
    home: os.homedir(),
    appData: process.env.APPDATA,
    xdgConfigHome: process.env.XDG_CONFIG_HOME,
    workspaceFolders: (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath),
    ...(userDir.scheme === 'file' ? { vscodeUserMcpJson: vscode.Uri.joinPath(userDir, 'mcp.json').fsPath } : {}),
  });
}

/** The text of a config: an open editor's (possibly unsaved) text, else the file; undefined when it does not exist. */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

export async function readConfigFiles(locations: readonly ConfigLocation[]): Promise<ConfigFile[]> {
  const read = await Promise.all(locations.map(async (location): Promise<ConfigFile | undefined> => {
    const uri = vscode.Uri.file(location.path);
    const text = await readText(uri);
    if (text === undefined) return undefined;
    const { entries, problems } = installedServersFrom(text, location.kind);
    return { location, uri, entries, problems };
  }));
  return read.filter((file): file is ConfigFile => file !== undefined);
}

/** Matches every entry to a registry server and judges its version; the lookup dedupes the requests. */
export async function resolveRows(files: readonly ConfigFile[], lookup: InstalledLookup): Promise<InstalledRow[]> {
  const pending: Promise<InstalledRow>[] = [];
  for (const file of files) {
    for (const entry of file.entries) pending.push(resolveRow(file, entry, lookup));
  }
  return Promise.all(pending);
}

async function resolveRow(file: ConfigFile, entry: InstalledEntry, lookup: InstalledLookup): Promise<InstalledRow> {
  const id = `${file.uri.toString()}#${entry.key}`;
  const base = { id, file, entry };
  if (entry.local || (!entry.package && !entry.remoteUrl && entry.gallery === undefined)) {
    return { ...base, versions: [], state: { kind: 'not-in-registry' }, errors: [] };
  }
  const { servers, errors } = await lookup.findServers(entry);
  const match = matchInstalledEntry(entry, servers);
  if (!match) return { ...base, versions: [], errors, ...(errors.length === 0 ? { state: { kind: 'not-in-registry' } as const } : {}) };
  try {
    const versions = await lookup.versions(match.server.registryUrl, match.server.name);
    return { ...base, match, versions, state: installedState(entry, match, versions), errors };
  } catch (error) {
    return { ...base, match, versions: [], errors: [...errors, `${match.server.registryName}: ${error instanceof Error ? error.message : String(error)}`] };
  }
}

/** The registry version the entry runs, when there is one. */
export function installedVersionOf(state: InstalledState<InstalledVersion> | undefined): InstalledVersion | undefined {
  if (!state) return undefined;
  switch (state.kind) {
    case 'up-to-date':
    case 'update-available':
    case 'deprecated':
    case 'deleted':
      return state.installed;
    case 'unpinned':
      return state.resolvesTo;
    default:
      return undefined;
  }
}

/** The version an Update moves to. */
export function updateTargetOf(state: InstalledState<InstalledVersion> | undefined): InstalledVersion | undefined {
  if (!state) return undefined;
  switch (state.kind) {
    case 'update-available':
      return state.update;
    case 'deprecated':
    case 'deleted':
      return state.update;
    case 'unknown-version':
      return state.latest;
    default:
      return undefined;
  }
}

/** The newest active version of the matched server. */
export function latestOf(row: InstalledRow): InstalledVersion | undefined {
  return row.versions.find((version) => version.isLatest) ?? undefined;
}

/** Installed versions that are deleted or deprecated (what the view's badge counts). */
export function needsAttention(rows: readonly InstalledRow[]): InstalledRow[] {
  return rows.filter((row) => row.state?.kind === 'deleted' || row.state?.kind === 'deprecated');
}
