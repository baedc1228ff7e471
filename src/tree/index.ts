// The Registry view: wiring of the tree provider, its commands, decorations, raw JSON documents,
// settings changes and auto-refresh while the view is visible.
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import type { CommandContext } from '../commands/registerCommand';
import { RegistryClients } from '../registries/clients';
import { registerRegistryCommands } from '../registries/commands';
import { onDidGrantTrust, restrictedViewMessage } from '../trust';
import { affectsRegistries, normalizeRegistryUrl, readRegistries } from '../registries/config';
import { VisibleAutoRefresh } from '../util/visibleAutoRefresh';
import { AnonymousIdentityProvider, type IdentityProvider } from '../registries/identity';
import { forgetRegistryToken } from '../auth/tokens';
import { StatusDecorationProvider } from './decorations';
import { RegistryTreeProvider } from './provider';
import type { VersionNode } from './nodes';
import { revealVersion } from './reveal';
import type { RegistryStore } from '../store';
import { JSON_SCHEME, RawJsonProvider } from './rawJson';
import { registerStatusCommands, statusCommandRunner, type StatusCommandRunner } from './statusCommands';
import { registerVersionCommands } from './versionCommands';
import type { DiffFeature } from '../diff';
import { FILTERED_KEY, registerViewCommands, VIEW_ID } from './viewCommands';

export interface RegistryTreeServices extends CommandContext {
  /** Defaults to the anonymous-only provider; the publish feature passes its own. */
  identity?: IdentityProvider;
  /** Opens the semantic diff for the compare commands. */
  diff?: DiffFeature;
  /** The extension's one client per registry. */
  clients: RegistryClients;
  /** The registry data store the tree reads versions from and follows. */
  store: RegistryStore;
  /** After Remove Registry: forget what sign-in kept for it (tokens, the origin's approval). */
  forgetRegistry?: (url: string) => Promise<void>;
  /** Where the view registered at activation is. */
  host: ActivationHost;
}

export interface RegistryTreeHandle {
  readonly provider: RegistryTreeProvider;
  readonly view: vscode.TreeView<unknown>;
  readonly clients: RegistryClients;
  /** One incremental refresh now (what the auto-refresh timer runs). */
  sync(): Promise<number>;
  /** Whether the auto-refresh timer runs (never while the view is hidden). */
  readonly autoRefreshScheduled: boolean;
  /** Reveals and selects a version (after a publish); undefined when the view does not show it. */
  revealVersion(registryUrl: string, name: string, version: string): Promise<VersionNode | undefined>;
  /** A status command without the command wrapper (tests): resolves with the outcome, rejects with a StatusChangeError. */
  changeStatus: StatusCommandRunner;
}

export function registerRegistryTree(context: vscode.ExtensionContext, services: RegistryTreeServices): RegistryTreeHandle {
  const clients = services.clients;
  const anonymous = new AnonymousIdentityProvider(readRegistries);
  const identity = services.identity ?? anonymous;
  const provider = new RegistryTreeProvider({ log: services.log, clients, identity, store: services.store });
  const view = services.host.treeView(VIEW_ID, provider);
  const rawJson = new RawJsonProvider(clients, (url, name, version) => {
    const registry = provider.registries.find((r) => r.config.url === url);
    return registry?.state.versions(name, true)?.responses.find((response) => response.server.version === version);
  });

  const updateDescription = () => {
    const filtered = provider.registries.filter((r) => r.state.search);
    view.description = filtered.length === 0 ? undefined : vscode.l10n.t('Filtered: {0}', filtered.map((r) => `“${r.state.search}”`).join(', '));
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, filtered.length > 0);
  };

  // Which sign-in commands the view's title menu and the palette offer.
  const updateSignInContext = () => {
    const configs = provider.registries.map((r) => r.config);
    const signed = configs.filter((c) => c.auth !== 'none' && identity.permissionsFor(c.url) !== undefined);
    void vscode.commands.executeCommand('setContext', 'mcpVersions.registry.canSignIn', configs.some((c) => c.auth !== 'none'));
    void vscode.commands.executeCommand('setContext', 'mcpVersions.registry.signedIn', signed.length > 0);
    void vscode.commands.executeCommand('setContext', 'mcpVersions.registry.keyProof', configs.some((c) => c.auth === 'dns' || c.auth === 'http'));
  };
  updateSignInContext();
  const registriesChanged = () => {
    const before = provider.registries.map((r) => r.config.url);
    provider.reloadRegistries();
    provider.warmUp();
    const after = new Set(provider.registries.map((r) => r.config.url));
    for (const url of before) if (!after.has(url)) forgetRegistryToken(url);
    anonymous.registriesChanged(provider.registries.map((r) => r.config.url));
    updateDescription();
    updateSignInContext();
  };
  view.message = restrictedViewMessage(vscode.l10n.t('only the registries in your user settings, read-only. Publish and status changes need a trusted workspace.'));
  provider.warmUp();

  const autoRefresh = new VisibleAutoRefresh(view, () => provider.sync());
  context.subscriptions.push(
    provider,
    view,
    anonymous,
    autoRefresh,
    vscode.window.registerFileDecorationProvider(new StatusDecorationProvider()),
    vscode.workspace.registerTextDocumentContentProvider(JSON_SCHEME, rawJson),
    provider.onDidChangeFilter(updateDescription),
    identity.onDidChangePermissions((url) => {
      const registry = provider.registries.find((r) => r.config.url === normalizeRegistryUrl(url));
      if (registry) provider.reloadRegistry(registry);
      updateSignInContext();
      provider.warmUp();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsRegistries(event)) registriesChanged();
    }),
    // Trusting the workspace brings its registries in: read the settings again.
    onDidGrantTrust(() => {
      view.message = undefined;
      registriesChanged();
    }),
    ...registerViewCommands(services, provider),
    ...registerVersionCommands(services, provider),
    ...registerStatusCommands(services, provider, clients),
    ...registerRegistryCommands(services, clients, services.forgetRegistry),
  );
  const treeView = view as vscode.TreeView<unknown>;
  return {
    provider,
    view: treeView,
    clients,
    sync: () => provider.sync(),
    get autoRefreshScheduled() {
      return autoRefresh.scheduled;
    },
    revealVersion: (registryUrl, name, version) => revealVersion(provider, treeView, services.log, registryUrl, name, version),
    changeStatus: statusCommandRunner(provider, clients, services.ui),
  };
}
