// Quick picks for the palette flows: a registry, a server (searched on the registry as you type),
// a version (ordered like the tree), and a local server.json.
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';
import { noRegistryError, pickRegistry as pickOne, pickServer as pickServerName, pickVersion as pickOneVersion } from '../commands/registryPicker';
import { UserCancelledError } from '../commands/registerCommand';
import { officialMeta, type ServerResponse } from '../registry';
import { readRegistries, type RegistryConfig } from '../registries/config';
import { sortVersionsLikeRegistry } from '../versioning';
import type { ClientFor } from './sources';

const SEARCH_LIMIT = 50;

export function configuredRegistries(): RegistryConfig[] {
  const registries = readRegistries();
  if (registries.length === 0) throw noRegistryError();
  return registries;
}

export function pickRegistry(ui: Prompts, title: string): Promise<RegistryConfig> {
  return pickOne(ui, configuredRegistries(), (registry) => registry, title);
}

/** A server of the registry; the list is searched on the registry (`?search=`) as the user types. */
export function pickServer(ui: Prompts, registry: RegistryConfig, clientFor: ClientFor, title: string): Promise<string> {
  return pickServerName(ui, {
    registryName: registry.name,
    loaded: [],
    search: async (text, signal) => (await clientFor(registry.url).listServers({ search: text || undefined, limit: SEARCH_LIMIT, version: 'latest' }, { signal })).servers.map((response) => response.server),
  }, title);
}

/** Versions highest first, as the tree shows them. */
export function orderedVersions(responses: readonly ServerResponse[]): ServerResponse[] {
  return sortVersionsLikeRegistry(
    responses.map((response) => ({ response, version: response.server.version, publishedAt: (officialMeta(response) as ReturnType<typeof officialMeta> | undefined)?.publishedAt })),
  ).map((entry) => entry.response);
}

export async function pickVersion(
  ui: Prompts,
  responses: readonly ServerResponse[],
  options: { title: string; placeHolder: string; exclude?: string; first?: { label: string; version: string } },
): Promise<string> {
  const choices = orderedVersions(responses)
    .filter((response) => response.server.version !== options.exclude)
    .map((response) => {
      const meta = officialMeta(response) as ReturnType<typeof officialMeta> | undefined;
      return { version: response.server.version, isLatest: meta?.isLatest ?? false, status: meta?.status ?? 'active', publishedAt: meta?.publishedAt, value: response.server.version };
    });
  const first = options.first && { label: options.first.label, value: options.first.version, icon: 'star-full', separated: true };
  const serverName = responses[0]?.server.name ?? '';
  return pickOneVersion(ui, choices, { title: options.title, serverName, placeHolder: options.placeHolder, first, emptyMessage: vscode.l10n.t('There is no other version to compare with.') });
}

export interface LocalServerFile {
  uri: vscode.Uri;
  name?: string;
  version?: string;
}

/** Every server.json of the workspace with its name and version (unreadable files have neither). */
export async function workspaceServerFiles(read: (uri: vscode.Uri) => Promise<Record<string, unknown> | undefined>): Promise<LocalServerFile[]> {
  const uris = await vscode.workspace.findFiles('**/server.json', '**/node_modules/**', 200);
  const files = await Promise.all(
    uris.map(async (uri) => {
      const json = await read(uri).catch(() => undefined);
      return {
        uri,
        name: typeof json?.name === 'string' ? json.name : undefined,
        version: typeof json?.version === 'string' ? json.version : undefined,
      };
    }),
  );
  return files.sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
}

export async function pickLocalFile(ui: Prompts, files: readonly LocalServerFile[], title: string): Promise<LocalServerFile> {
  if (files.length === 1) return files[0];
  const picked = await ui.pick(
    files.map((file) => ({
      label: vscode.workspace.asRelativePath(file.uri),
      description: [file.name, file.version].filter(Boolean).join(' '),
      iconPath: new vscode.ThemeIcon('json'),
      file,
    })),
    { title, placeHolder: vscode.l10n.t('server.json') },
  );
  if (!picked) throw new UserCancelledError();
  return picked.file;
}
