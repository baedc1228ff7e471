// The Registry view's side of the shared palette picker (src/commands/registryPicker.ts): its registries,
// the servers it has loaded, and its version rows.
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';
import { pickRegistry as pickOne, pickServer as pickServerName, pickVersion as pickOneVersion } from '../commands/registryPicker';
import type { RegistryNode, ServerNode } from './nodes';
import type { RegistryTreeProvider } from './provider';
import type { VersionRow } from './versionRows';

export function pickRegistry(ui: Prompts, provider: RegistryTreeProvider, title: string): Promise<RegistryNode> {
  return pickOne(ui, provider.registries, (registry) => registry.config, title);
}

/** A server of the registry: the loaded ones first, then whatever the registry finds for the typed text. */
export async function pickServer(ui: Prompts, provider: RegistryTreeProvider, registry: RegistryNode, title: string): Promise<ServerNode> {
  const name = await pickServerName(ui, {
    registryName: registry.config.name,
    loaded: [...(registry.state.mine ?? []), ...registry.state.rows],
    search: async (text, signal) => (await registry.state.searchServers(text, signal)).map((response) => response.server),
  }, title);
  return provider.serverNode(registry, name, registry.state.mine?.some((row) => row.name === name) ?? false);
}

export const ALL_VERSIONS = Symbol('all versions');

/** A version of the server (with `allowAll`, also "all versions"). Loads the versions once (cached for the tree too). */
export async function pickVersion(
  ui: Prompts,
  provider: RegistryTreeProvider,
  server: ServerNode,
  options: { title: string; includeDeleted?: boolean; allowAll?: boolean; filter?: (row: VersionRow) => boolean },
): Promise<VersionRow | typeof ALL_VERSIONS> {
  const rows = await provider.versionsFor(server, options.includeDeleted ?? provider.showDeleted);
  const candidates = options.filter ? rows.filter(options.filter) : rows;
  return pickOneVersion<VersionRow | typeof ALL_VERSIONS>(ui, candidates.map((row) => ({ ...row, value: row })), {
    title: options.title,
    serverName: server.name,
    first: options.allowAll ? { label: vscode.l10n.t('$(layers) All versions of {0}', server.name), value: ALL_VERSIONS } : undefined,
  });
}
