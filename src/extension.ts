import * as vscode from 'vscode';
import { createLog } from './util/log';
import { RegistryClients } from './registries/clients';
import { registerCoreCommands } from './commands/core';
import { registerRegistryTree, type RegistryTreeHandle } from './tree';
import { registerWorkspace, type WorkspaceApi } from './workspace';
import { registerDiagnostics, type DiagnosticsApi } from './diagnostics';
import { registerBundledSchemas } from './diagnostics/bundledSchemas';
import { registerDiff, type DiffFeature } from './diff';
import { registerEnvironments, type EnvironmentsApi } from './environments';
import { registerAuth, type AuthApi } from './auth';
import { registerPublish, type PublishApi } from './publish';
import { Prompts } from './commands/prompts';
import { settings } from './util/settings';
import { historyFileUri } from './environments/settings';
import { AuditTrail, RegistryStore } from './store';
import { whoOnRegistry } from './store/who';
import { registerBump, type BumpApi } from './bump/registerBump';
import { ciTagAction } from './start/ciSetup';
import { registerStart, type StartApi } from './start';
import { registerInstalledView, type InstalledViewApi } from './installedView';

/** What another extension gets from `activate()` in production: the version, nothing else. */
export interface McpVersionsPublicApi {
  readonly extensionVersion: string;
}

/**
 * The extension's internals (stores, prompts, state), handed out only when VS Code runs the extension for
 * tests (`ExtensionMode.Test`): the integration tests and benchmarks read and script them.
 */
export interface McpVersionsApi extends McpVersionsPublicApi {
  readonly registryTree: RegistryTreeHandle;
  readonly workspace: WorkspaceApi;
  readonly diagnostics: DiagnosticsApi;
  readonly diff: DiffFeature;
  readonly environments: EnvironmentsApi;
  readonly publish: PublishApi;
  readonly bump: BumpApi;
  readonly auth: AuthApi;
  /** The registry data store (tests count its reads and writes through the local registry). */
  readonly store: RegistryStore;
  readonly audit: AuditTrail;
  readonly start: StartApi;
  readonly installed: InstalledViewApi;
}

export function activate(context: vscode.ExtensionContext): McpVersionsApi | McpVersionsPublicApi {
  const log = createLog();
  context.subscriptions.push(log);
  registerCoreCommands(context, { log });
  const clients = new RegistryClients(log, context.globalState);
  const prompts = new Prompts();
  const auth = registerAuth(context, { log, prompts });
  const audit = new AuditTrail(context.workspaceState, historyFileUri, log);
  context.subscriptions.push(audit);
  const store = new RegistryStore(clients, {
    staleMs: settings.staleMs,
    who: (url) => whoOnRegistry(auth.identity, url),
    audit: (record) => audit.add(record),
  });
  const workspace = registerWorkspace(context, { log, clients, store });
  const diff = registerDiff(context, { log, clients, store, workspace: workspace.services });
  const registryTree = registerRegistryTree(context, { log, identity: auth.identity, diff, clients, store, prompts, forgetRegistry: (url) => auth.forgetRegistry(url) });
  const clientFor = (url: string) => clients.get(url);
  auth.registerCommands(clientFor);
  const diagnostics = registerDiagnostics(context, { log }, workspace.services);
  registerBundledSchemas(context, { log });
  const environments = registerEnvironments(context, { log, clients, store, audit });
  context.subscriptions.push(registryTree.provider.showEnvironments(environments));
  const publish = registerPublish(context, {
    log,
    prompts,
    identity: auth.identity,
    store,
    revealVersion: (url, name, version) => registryTree.revealVersion(url, name, version),
    workspace: workspace.services,
    clientFor,
    issues: diagnostics.registryIssues,
  });
  const bump = registerBump(context, { log }, workspace.services);
  const start = registerStart(context, { log, tree: registryTree });
  bump.addSuccessAction((uri, version) => ciTagAction(uri, version, log));
  const installed = registerInstalledView(context, { log, clients, diff, registryTree, store });
  log.info(`MCP Versions ${context.extension.packageJSON.version} activated in ${vscode.env.appName}`);
  const extensionVersion = context.extension.packageJSON.version as string;
  if (context.extensionMode !== vscode.ExtensionMode.Test) return { extensionVersion };
  return { extensionVersion, registryTree, workspace: workspace.api, diagnostics, diff, environments, publish, bump, auth: { probeIdentities: () => auth.probeIdentities(), approvedOrigins: () => auth.approvedOrigins() }, store, audit, start, installed };
}

export function deactivate(): void {}
