// Commands of the Registry view itself: refresh, search/filter, load more, retry, show/hide deleted.
import * as vscode from 'vscode';
import { registerCommand, UserCancelledError, type CommandContext } from '../commands/registerCommand';
import type { RegistryNode } from './nodes';
import type { RegistryTreeProvider } from './provider';
import { isTreeNode, registryTarget } from './targets';

export const VIEW_ID = 'mcpVersions.registry';
export const SHOWING_DELETED_KEY = 'mcpVersions.registry.showingDeleted';
export const FILTERED_KEY = 'mcpVersions.registry.filtered';

export function registerViewCommands(ctx: CommandContext, provider: RegistryTreeProvider): vscode.Disposable[] {
  const inView = <T>(task: () => Promise<T>) => ctx.ui.progress({ location: { viewId: VIEW_ID } }, task);
  return [
    registerCommand(ctx, 'mcpVersions.registry.refresh', async (arg?: unknown) => {
      if (!isTreeNode(arg)) return provider.reloadAll();
      if (arg.kind === 'registry') return provider.reloadRegistry(arg);
      if (arg.kind === 'server') return inView(() => provider.reloadServer(arg).then(() => provider.refresh(arg.registry)));
      return provider.reloadAll();
    }),
    registerCommand(ctx, 'mcpVersions.registry.search', async (arg?: unknown) => {
      const registry = await registryTarget(ctx.ui, provider, arg, vscode.l10n.t('Search Servers'));
      const search = await ctx.ui.input({
        title: vscode.l10n.t('Search {0}', registry.config.name),
        prompt: vscode.l10n.t('Servers whose name contains this text (the registry searches; empty clears the filter)'),
        value: registry.state.search ?? '',
        placeHolder: vscode.l10n.t('e.g. weather, io.github.alice/'),
      });
      if (search === undefined) throw new UserCancelledError();
      provider.setFilter(registry, search);
    }),
    registerCommand(ctx, 'mcpVersions.registry.clearFilter', (arg?: unknown) => {
      const registries: readonly RegistryNode[] = isTreeNode(arg) && (arg.kind === 'filter' || arg.kind === 'registry') ? [arg.kind === 'filter' ? arg.registry : arg] : provider.registries;
      for (const registry of registries) if (registry.state.search) provider.setFilter(registry, undefined);
    }),
    registerCommand(ctx, 'mcpVersions.registry.loadMore', async (arg?: unknown) => {
      const registry = await registryTarget(ctx.ui, provider, arg, vscode.l10n.t('Load More Servers'));
      const node = isTreeNode(arg) && arg.kind === 'loadMore' ? arg : undefined;
      if (node) {
        node.loading = true;
        provider.refresh(node);
      }
      try {
        await inView(() => provider.loadMore(registry));
      } finally {
        if (node) node.loading = false;
        provider.refresh(registry);
      }
    }),
    registerCommand(ctx, 'mcpVersions.registry.retry', (arg?: unknown) => {
      if (isTreeNode(arg) && arg.kind === 'error') {
        if (arg.server) provider.refresh(arg.server);
        else provider.reloadRegistry(arg.registry);
      } else provider.reloadAll();
    }),
    registerCommand(ctx, 'mcpVersions.registry.showDeleted', () => setShowDeleted(provider, true)),
    registerCommand(ctx, 'mcpVersions.registry.hideDeleted', () => setShowDeleted(provider, false)),
  ];
}

async function setShowDeleted(provider: RegistryTreeProvider, value: boolean): Promise<void> {
  provider.showDeleted = value;
  await vscode.commands.executeCommand('setContext', SHOWING_DELETED_KEY, value);
}
