// The Environments feature: live deployment status, deploy / promote / roll back, history.
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import type { CommandContext } from '../commands/registerCommand';
import { settings } from '../util/settings';
import { RegistryClients } from '../registries/clients';
import { AuditTrail, RegistryStore } from '../store';
import { lazyCommands } from '../commands/lazyCommands';
import { COMMANDS } from './commandIds';
import { deploy } from './deploy';
import { DEFAULT_VERIFY_INTERVAL_MS, type DeploymentRecord } from './model';
import { DeploymentHistory } from './historyStore';
import { deployPromptsOn, type DeployPrompts } from './prompts';
import { RegistryVersionsCache } from './registryLookup';
import { HeaderSecrets } from './secrets';
import { onDidGrantTrust, restrictedViewMessage } from '../trust';
import { affectsEnvironments, historyFileUri, HISTORY_FILE_SETTING, pollSeconds, POLL_SETTING, readEnvironmentSettings } from './settings';
import { EnvironmentStatusStore } from './statusStore';
import { EnvironmentsTreeProvider } from './tree';
import { whoAmI } from './who';

export type { DeployPrompts, PickItem } from './prompts';
export type { EnvironmentStatus } from './statusStore';

export const VIEW_ID = 'mcpVersions.environments';

export interface EnvironmentsServices extends CommandContext {
  /** The registry tree's clients, so API versions and logging are shared. */
  clients?: RegistryClients;
  /** The extension's registry data store (versions of each environment's server). */
  store?: RegistryStore;
  /** The extension's audit trail, where deployments are recorded. */
  audit?: AuditTrail;
  /** Where the view registered at activation is. */
  host: ActivationHost;
}

/** What other features (the registry tree's badges) and the integration tests use. */
export interface EnvironmentsApi {
  /** Names of the environments of this server on this registry whose endpoint reports this version. */
  environmentsRunning(registryUrl: string, serverName: string, version: string): string[];
  /** Fires when what runs where changed (not on every status check). */
  readonly onDidChange: vscode.Event<void>;
  readonly store: EnvironmentStatusStore;
  readonly history: DeploymentHistory;
  readonly provider: EnvironmentsTreeProvider;
  readonly view: vscode.TreeView<unknown>;
  /** Replaces the confirmations and pickers (tests); undefined restores the interaction layer's (ctx.ui). */
  setPrompts(prompts: DeployPrompts | undefined): void;
  /** Shortens the wait between verification probes (tests, benchmarks); undefined restores the default. */
  setVerifyIntervalMs(ms: number | undefined): void;
  /** What "Deploy Version…" runs after its pickers; rejects with the reason a guard refused. */
  deployVersion(environment: string, version: string): Promise<DeploymentRecord>;
  /** A store and history re-created from workspaceState and the history file, as after a reload. */
  reloadHistory(): Promise<DeploymentHistory>;
  /** Where the extension's log files are written (tests check no secret reaches them). */
  readonly logFolder: vscode.Uri;
}


export function registerEnvironments(context: vscode.ExtensionContext, services: EnvironmentsServices): EnvironmentsApi {
  const clients = services.clients ?? new RegistryClients(services.log, context.globalState);
  const asked = deployPromptsOn(services.ui);
  let prompts: DeployPrompts = asked;
  let verifyIntervalMs = DEFAULT_VERIFY_INTERVAL_MS;
  const secrets = new HeaderSecrets(context.secrets);
  const trail = services.audit ?? new AuditTrail(context.workspaceState, historyFileUri, services.log);
  const history = new DeploymentHistory(trail);
  const registryStore = services.store ?? new RegistryStore(clients, { staleMs: settings.staleMs });
  const registry = new RegistryVersionsCache(registryStore, () => pollSeconds() * 1000);
  const store = new EnvironmentStatusStore({ environments: readEnvironmentSettings, pollSeconds, secrets, registry, history, log: services.log });
  const provider = new EnvironmentsTreeProvider(store, history);
  const view = services.host.treeView(VIEW_ID, provider);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const deployServices = {
    store,
    history,
    registry,
    prompts: () => prompts,
    log: services.log,
    who: () => whoAmI(cwd),
    verifyIntervalMs: () => verifyIntervalMs,
  };
  const updateMessage = () => {
    const count = store.list().length;
    const down = store.list().filter((s) => s.probe && !s.probe.ok).length;
    view.description = count === 0 ? undefined : down > 0 ? vscode.l10n.t('{0} of {1} unreachable', down, count) : undefined;
    if (count > 0 !== anyEnvironment) {
      anyEnvironment = count > 0;
      void vscode.commands.executeCommand('setContext', 'mcpVersions.environments.any', anyEnvironment);
    }
  };
  let anyEnvironment = false;

  const running = new vscode.EventEmitter<void>();
  let runningKey = '';
  const updateRunning = () => {
    const key = JSON.stringify(store.list().map((s) => [s.config.name, s.config.server, s.probe?.ok ? s.probe.version : null]));
    if (key === runningKey) return;
    runningKey = key;
    running.fire();
  };

  void history.reload();
  updateMessage();
  view.message = restrictedViewMessage(vscode.l10n.t('environments from your user settings only, and no deploy, promote or roll back until you trust this workspace.'));
  store.setVisible(view.visible);
  context.subscriptions.push(
    store,
    ...(services.audit ? [] : [trail]),
    provider,
    view,
    view.onDidChangeVisibility((e) => store.setVisible(e.visible)),
    running,
    store.onDidChange(updateMessage),
    store.onDidChange(updateRunning),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEnvironments(event)) store.reloadConfig();
      if (event.affectsConfiguration(HISTORY_FILE_SETTING)) void history.reload();
      if (event.affectsConfiguration(POLL_SETTING) && view.visible) void store.refreshAll();
    }),
    // Trusting the workspace brings its environments and history file in: read the settings again.
    onDidGrantTrust(() => {
      view.message = undefined;
      store.reloadConfig();
      void history.reload();
    }),
    lazyCommands(Object.values(COMMANDS), () => import('./commands'), (commands) => commands.registerEnvironmentCommands(services, deployServices, secrets)),
  );

  return {
    environmentsRunning: (registryUrl, serverName, version) => store.environmentsRunning(serverName, version).filter((name) => registry.concerns(store.get(name)!.config, registryUrl, serverName)),
    onDidChange: running.event,
    store,
    history,
    provider,
    view: view as vscode.TreeView<unknown>,
    setPrompts: (next) => {
      prompts = next ?? asked;
    },
    setVerifyIntervalMs: (ms) => {
      verifyIntervalMs = ms ?? DEFAULT_VERIFY_INTERVAL_MS;
    },
    logFolder: context.logUri,
    deployVersion: async (environment, version) => {
      const config = store.get(environment)?.config;
      if (!config) throw new Error(vscode.l10n.t('no environment named {0}', environment));
      return deploy(deployServices, { environment: config, version, kind: 'deploy' });
    },
    reloadHistory: async () => {
      const freshTrail = new AuditTrail(context.workspaceState, historyFileUri, services.log);
      await freshTrail.reload();
      freshTrail.dispose();
      return new DeploymentHistory(freshTrail);
    },
  };
}
