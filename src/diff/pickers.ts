// Quick picks for the palette flows: a registry, a server (searched on the registry as you type),
// a version (ordered like the tree), and a local server.json.
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import { officialMeta, type ServerResponse } from '../registry';
import { readRegistries, type RegistryConfig } from '../registries/config';
import { relativeTime } from '../util/relativeTime';
import { sortVersionsLikeRegistry } from '../versioning';
import type { ClientFor } from './sources';

const SEARCH_DEBOUNCE_MS = 250;
const SEARCH_LIMIT = 50;

export function configuredRegistries(): RegistryConfig[] {
  const registries = readRegistries();
  if (registries.length === 0) {
    throw new UserFacingError(vscode.l10n.t('No registry is configured in mcpVersions.registries.'), [
      { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries') },
    ]);
  }
  return registries;
}

export async function pickRegistry(title: string): Promise<RegistryConfig> {
  const registries = configuredRegistries();
  if (registries.length === 1) return registries[0];
  const picked = await vscode.window.showQuickPick(
    registries.map((registry) => ({ label: registry.name, description: registry.url, iconPath: new vscode.ThemeIcon('server-environment'), registry })),
    { title, placeHolder: vscode.l10n.t('Registry') },
  );
  if (!picked) throw new UserCancelledError();
  return picked.registry;
}

interface ServerItem extends vscode.QuickPickItem {
  serverName: string;
}

/** A server of the registry; the list is searched on the registry (`?search=`) as the user types. */
export function pickServer(registry: RegistryConfig, clientFor: ClientFor, title: string): Promise<string> {
  const pick = vscode.window.createQuickPick<ServerItem>();
  pick.title = title;
  pick.placeholder = vscode.l10n.t('Search servers on {0}', registry.name);
  pick.matchOnDescription = true;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;
  const search = (text: string) => {
    const mine = ++generation;
    pick.busy = true;
    clientFor(registry.url)
      .listServers({ search: text.trim() || undefined, limit: SEARCH_LIMIT, version: 'latest' })
      .then(
        (page) => {
          if (mine !== generation) return;
          pick.items = page.servers.map((response) => ({
            label: response.server.name,
            description: response.server.version,
            detail: response.server.description,
            serverName: response.server.name,
          }));
          if (page.servers.length === 0) pick.items = [];
        },
        (error: unknown) => {
          if (mine !== generation) return;
          pick.items = [];
          pick.placeholder = vscode.l10n.t('Search failed: {0}', error instanceof Error ? error.message : String(error));
        },
      )
      .finally(() => {
        if (mine === generation) pick.busy = false;
      });
  };
  return new Promise<string>((resolve, reject) => {
    pick.onDidChangeValue((text) => {
      clearTimeout(timer);
      timer = setTimeout(() => search(text), SEARCH_DEBOUNCE_MS);
    });
    pick.onDidAccept(() => {
      const chosen = pick.selectedItems[0];
      if (!chosen) return;
      resolve(chosen.serverName);
      pick.hide();
    });
    pick.onDidHide(() => {
      clearTimeout(timer);
      pick.dispose();
      reject(new UserCancelledError());
    });
    search('');
    pick.show();
  });
}

export function versionItemDescription(response: ServerResponse): string {
  const meta = officialMeta(response) as ReturnType<typeof officialMeta> | undefined;
  const parts = [meta?.isLatest ? 'latest' : '', meta && meta.status !== 'active' ? meta.status : '', relativeTime(meta?.publishedAt)];
  return parts.filter(Boolean).join(' · ');
}

/** Versions highest first, as the tree shows them. */
export function orderedVersions(responses: readonly ServerResponse[]): ServerResponse[] {
  return sortVersionsLikeRegistry(
    responses.map((response) => ({ response, version: response.server.version, publishedAt: (officialMeta(response) as ReturnType<typeof officialMeta> | undefined)?.publishedAt })),
  ).map((entry) => entry.response);
}

export async function pickVersion(
  responses: readonly ServerResponse[],
  options: { title: string; placeHolder: string; exclude?: string; first?: { label: string; version: string } },
): Promise<string> {
  const items: (vscode.QuickPickItem & { version?: string })[] = [];
  if (options.first) items.push({ label: options.first.label, version: options.first.version, iconPath: new vscode.ThemeIcon('star-full') }, { label: '', kind: vscode.QuickPickItemKind.Separator });
  for (const response of orderedVersions(responses)) {
    if (response.server.version === options.exclude) continue;
    items.push({ label: response.server.version, description: versionItemDescription(response), version: response.server.version });
  }
  if (items.length === 0) throw new UserFacingError(vscode.l10n.t('There is no other version to compare with.'));
  const picked = await vscode.window.showQuickPick(items, { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true });
  if (!picked?.version) throw new UserCancelledError();
  return picked.version;
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

export async function pickLocalFile(files: readonly LocalServerFile[], title: string): Promise<LocalServerFile> {
  if (files.length === 1) return files[0];
  const picked = await vscode.window.showQuickPick(
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
