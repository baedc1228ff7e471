// Shows one version in the Registry view and selects it (after a publish). The store has already
// updated the tree's data; this only finds the node and reveals it.
import type * as vscode from 'vscode';
import type { VersionNode } from './nodes';
import type { RegistryTreeProvider } from './provider';
import { normalizeRegistryUrl } from '../registries/config';

export async function revealVersion(
  provider: RegistryTreeProvider,
  view: vscode.TreeView<unknown>,
  log: vscode.LogOutputChannel,
  registryUrl: string,
  name: string,
  version: string,
): Promise<VersionNode | undefined> {
  const registry = provider.registries.find((r) => r.config.url === normalizeRegistryUrl(registryUrl));
  if (!registry) return undefined;
  try {
    const pinned = registry.state.mine?.some((row) => row.name === name) ?? false;
    const server = provider.serverNode(registry, name, pinned);
    const node = provider.versionNodes(server, provider.cachedVersions(server) ?? []).find((n) => n.row.version === version);
    // Selecting the node in the view runs on its own.
    if (node) void revealWhenRendered(view, node, () => `${name}@${version}`, log);
    return node;
  } catch (error) {
    log.warn(`The Registry view could not show ${name}@${version}: ${error instanceof Error ? error.message : String(error)}`);
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
      if (attempt === 4) log.warn(`Could not reveal ${label()}: ${error instanceof Error ? error.message : String(error)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300 * attempt));
  }
}
