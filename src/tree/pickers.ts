// Palette flows for node commands: pick registry → server (searched by the registry as you type) → version.
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import { officialMeta, type ServerResponse } from '../registry';
import { relativeTime } from '../util/relativeTime';
import type { RegistryNode, ServerNode } from './nodes';
import type { RegistryTreeProvider } from './provider';
import type { VersionRow } from './versionRows';

export async function pickRegistry(provider: RegistryTreeProvider, title: string): Promise<RegistryNode> {
  const registries = provider.registries;
  if (registries.length === 0) {
    throw new UserFacingError(vscode.l10n.t('No MCP registry is configured (setting mcpVersions.registries).'), [
      { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('mcpVersions.openSettings') },
    ]);
  }
  if (registries.length === 1) return registries[0];
  const picked = await vscode.window.showQuickPick(
    registries.map((registry) => ({ label: registry.config.name, description: registry.config.url, registry })),
    { title, placeHolder: vscode.l10n.t('Registry') },
  );
  if (!picked) throw new UserCancelledError();
  return picked.registry;
}

interface ServerPick extends vscode.QuickPickItem {
  name: string;
}

function serverPick(row: ServerResponse): ServerPick {
  return { label: row.server.name, description: row.server.version, detail: row.server.description, name: row.server.name };
}

/** A server of the registry: the loaded ones first, then whatever the registry finds for the typed text. */
export async function pickServer(provider: RegistryTreeProvider, registry: RegistryNode, title: string): Promise<ServerNode> {
  const quickPick = vscode.window.createQuickPick<ServerPick>();
  quickPick.title = title;
  quickPick.placeholder = vscode.l10n.t('Server name in {0} (searched as you type)', registry.config.name);
  quickPick.matchOnDescription = true;
  const loaded = [...(registry.state.mine ?? []), ...registry.state.rows];
  quickPick.items = loaded.slice(0, 200).map(serverPick);
  let timer: NodeJS.Timeout | undefined;
  let controller: AbortController | undefined;
  const search = (text: string) => {
    controller?.abort();
    const current = (controller = new AbortController());
    quickPick.busy = true;
    registry.state
      .searchServers(text, current.signal)
      .then((rows) => {
        if (current.signal.aborted) return;
        quickPick.items = rows.map(serverPick);
      })
      .catch((error: unknown) => {
        if (current.signal.aborted) return;
        quickPick.items = [{ label: vscode.l10n.t('$(error) Search failed'), detail: error instanceof Error ? error.message : String(error), name: '', alwaysShow: true }];
      })
      .finally(() => {
        if (controller === current) quickPick.busy = false;
      });
  };
  if (loaded.length === 0) search('');
  quickPick.onDidChangeValue((text) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => search(text.trim()), 250);
  });
  try {
    const name = await new Promise<string | undefined>((resolve) => {
      quickPick.onDidAccept(() => {
        const picked = quickPick.selectedItems[0];
        if (picked?.name) resolve(picked.name);
      });
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    if (!name) throw new UserCancelledError();
    return provider.serverNode(registry, name, registry.state.mine?.some((row) => row.server.name === name) ?? false);
  } finally {
    if (timer) clearTimeout(timer);
    controller?.abort();
    quickPick.dispose();
  }
}

export const ALL_VERSIONS = Symbol('all versions');

/** A version of the server (with `allowAll`, also "all versions"). Loads the versions once (cached for the tree too). */
export async function pickVersion(
  provider: RegistryTreeProvider,
  server: ServerNode,
  options: { title: string; includeDeleted?: boolean; allowAll?: boolean; filter?: (row: VersionRow) => boolean },
): Promise<VersionRow | typeof ALL_VERSIONS> {
  const rows = await provider.versionsFor(server, options.includeDeleted ?? provider.showDeleted);
  const candidates = options.filter ? rows.filter(options.filter) : rows;
  type Item = vscode.QuickPickItem & { row?: VersionRow; all?: true };
  const picks: Item[] = candidates.map((row) => ({
    label: row.version,
    description: [row.isLatest ? 'latest' : undefined, row.channelHead, row.status !== 'active' ? row.status : undefined, relativeTime(officialMeta(row.response).publishedAt)]
      .filter(Boolean)
      .join(' · '),
    detail: row.statusMessage,
    row,
  }));
  if (options.allowAll) picks.unshift({ label: vscode.l10n.t('$(layers) All versions of {0}', server.name), all: true });
  if (picks.length === 0) throw new UserFacingError(vscode.l10n.t('{0} has no version this command applies to.', server.name));
  const picked = await vscode.window.showQuickPick(picks, { title: options.title, placeHolder: vscode.l10n.t('Version of {0}', server.name) });
  if (!picked) throw new UserCancelledError();
  return picked.all ? ALL_VERSIONS : picked.row!;
}
