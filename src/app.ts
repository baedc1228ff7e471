// The extension's features, started on first use (src/extension.ts registers stand-ins at activation and
// loads this module when one of them is used).
import * as vscode from 'vscode';
import * as pureL10n from '@vscode/l10n';
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
import { ciTagAction, registerStart, type StartApi } from './start';
import { registerInstalledView, type InstalledViewApi } from './installedView';
import { phases } from './util/phases';
import type { ActivationHost } from './util/activationHost';

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
  /** Where every command asks the user: tests answer with `ui.use(fake)` and put the window back with `ui.reset()`. */
  readonly ui: Prompts;
  /** Milliseconds each part of activate() took (the activation benchmark's `activation_breakdown`). */
  readonly activation: Readonly<Record<string, number>>;
  /** Milliseconds each part of starting the features took (on first use, after activation). */
  readonly startup: Readonly<Record<string, number>>;
}

/** Starts every feature; each takes its view, serializer or scheme from `host` (registered at activation). */
export function startFeatures(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, host: ActivationHost): Omit<McpVersionsApi, 'activation'> {
  const phase = phases();
  // Pure modules (no vscode) say their sentences through @vscode/l10n: they get VS Code's translations too.
  if (vscode.l10n.bundle) pureL10n.config({ contents: vscode.l10n.bundle });
  // The one interaction layer every command asks the user through (tests script it: api.ui).
  const ui = new Prompts();
  const ctx = { log, ui };
  registerCoreCommands(context, ctx);
  phase('log_core');
  const clients = new RegistryClients(log, context.globalState);
  phase('clients');
  const auth = registerAuth(context, ctx);
  phase('auth');
  const audit = new AuditTrail(context.workspaceState, historyFileUri, log);
  context.subscriptions.push(audit);
  const store = new RegistryStore(clients, {
    staleMs: settings.staleMs,
    who: (url) => whoOnRegistry(auth.identity, url),
    audit: (record) => audit.add(record),
  });
  phase('store');
  const workspace = registerWorkspace(context, { ...ctx, clients, store, host });
  phase('workspace');
  const diff = registerDiff(context, { ...ctx, clients, store, workspace: workspace.services, host });
  phase('diff');
  const registryTree = registerRegistryTree(context, { ...ctx, host, identity: auth.identity, diff, clients, store, forgetRegistry: (url) => auth.forgetRegistry(url) });
  const clientFor = (url: string) => clients.get(url);
  auth.registerCommands(clientFor);
  phase('tree');
  const diagnostics = registerDiagnostics(context, ctx, workspace.services);
  registerBundledSchemas(context, ctx, host);
  phase('diagnostics');
  const environments = registerEnvironments(context, { ...ctx, clients, store, audit, host });
  context.subscriptions.push(registryTree.provider.showEnvironments(environments));
  phase('environments');
  const publish = registerPublish(context, {
    ...ctx,
    prompts: ui,
    identity: auth.identity,
    store,
    revealVersion: (url, name, version) => registryTree.revealVersion(url, name, version),
    workspace: workspace.services,
    clientFor,
    issues: diagnostics.registryIssues,
  });
  phase('publish');
  const bump = registerBump(context, ctx, workspace.services);
  phase('bump');
  const start = registerStart(context, { ...ctx, tree: registryTree });
  bump.addSuccessAction((uri, version) => ciTagAction(uri, version, ctx));
  phase('start');
  const installed = registerInstalledView(context, { ...ctx, clients, diff, registryTree, store, host });
  phase('installed');
  log.info(`MCP Versions ${context.extension.packageJSON.version} started in ${vscode.env.appName}`);
  const extensionVersion = context.extension.packageJSON.version as string;
  phase('log_started');
  return { extensionVersion, registryTree, workspace: workspace.api, diagnostics, diff, environments, publish, bump, auth: { probeIdentities: () => auth.probeIdentities(), approvedOrigins: () => auth.approvedOrigins() }, store, audit, start, installed, ui, startup: phase.ms };
}
