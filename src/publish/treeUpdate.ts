// After a publish: the Registry tree shows the server's versions as they are now (latest may have moved)
// and reveals the new version, through the tree's public handle.
import type * as vscode from 'vscode';
import { officialMeta, type ServerResponse } from '../registry';
import { normalizeRegistryUrl } from '../registries/config';
import type { RegistryTreeHandle } from '../tree';
import type { VersionNode } from '../tree/nodes';

/**
 * `versions`: every version (deleted ones included) as the registry now holds them, when the caller
 * knows them (pre-flight list + the POST answer); otherwise the tree asks the registry again.
 */
export async function refreshAndReveal(
  tree: RegistryTreeHandle,
  registryUrl: string,
  name: string,
  version: string,
  log: vscode.LogOutputChannel,
  versions?: readonly ServerResponse[],
): Promise<VersionNode | undefined> {
  const provider = tree.provider;
  const registry = provider.registries.find((r) => r.config.url === normalizeRegistryUrl(registryUrl));
  if (!registry) return undefined;
  try {
    const state = registry.state;
    const known = state.row(name) !== undefined || (state.mine?.some((row) => row.server.name === name) ?? false);
    if (!known) {
      // A server new to this registry: the list itself changes (and "my servers" may gain it).
      provider.reloadRegistry(registry);
      await provider.getChildren(provider.isSingleRegistry ? undefined : registry);
    }
    const pinned = state.mine?.some((row) => row.server.name === name) ?? false;
    const server = provider.serverNode(registry, name, pinned);
    if (versions) {
      const shown = provider.showDeleted ? [...versions] : versions.filter((row) => officialMeta(row).status !== 'deleted');
      state.applyVersions(name, shown, provider.showDeleted);
      provider.refresh(server);
    } else {
      await provider.reloadServer(server);
    }
    provider.refresh(registry);
    const node = provider.versionNodes(server, provider.cachedVersions(server) ?? []).find((n) => n.row.version === version);
    // The tree is up to date here; selecting the node in the view runs on its own.
    if (node) void revealWhenRendered(tree.view, node, () => `${name}@${version}`, log);
    return node;
  } catch (error) {
    log.warn(`Publish: the Registry view could not show ${name}@${version}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/**
 * Reveals and selects `node`. A refresh of the view that lands meanwhile (a settings change, environment
 * status) can make VS Code drop the reveal; it is tried again a few times.
 */
async function revealWhenRendered(view: vscode.TreeView<unknown>, node: VersionNode, label: () => string, log: vscode.LogOutputChannel): Promise<void> {
  for (let attempt = 1; attempt <= 4; attempt++) {
    try {
      await view.reveal(node, { select: true, focus: false, expand: false });
      await new Promise((resolve) => setTimeout(resolve, 250));
      if (view.selection.some((selected) => (selected as { id?: string }).id === node.id)) return;
    } catch (error) {
      if (attempt === 4) log.warn(`Publish: could not reveal ${label()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
  }
}
