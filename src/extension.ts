import * as vscode from 'vscode';
import { createLog } from './util/log';
import { RegistryClients } from './registries/clients';
import { registerCoreCommands } from './commands/core';
import { registerRegistryTree, type RegistryTreeHandle } from './tree';
import { registerWorkspace, type WorkspaceApi } from './workspace';
import { registerDiagnostics, type DiagnosticsApi } from './diagnostics';
import { registerDiff, type DiffFeature } from './diff';
import { registerEnvironments, type EnvironmentsApi } from './environments';
import { registerAuth, type AuthApi } from './auth';
import { Prompts, registerPublish, type PublishApi } from './publish';
import { registerBump, type BumpApi } from './bump/registerBump';
import { registerInstalledView, type InstalledViewApi } from './installedView';

export interface McpVersionsApi {
  readonly extensionVersion: string;
  readonly registryTree: RegistryTreeHandle;
  readonly workspace: WorkspaceApi;
  readonly diagnostics: DiagnosticsApi;
  readonly diff: DiffFeature;
  readonly environments: EnvironmentsApi;
  readonly publish: PublishApi;
  readonly bump: BumpApi;
  readonly auth: AuthApi;
  readonly installed: InstalledViewApi;
}

export function activate(context: vscode.ExtensionContext): McpVersionsApi {
  const log = createLog();
  context.subscriptions.push(log);
  registerCoreCommands(context, { log });
  const clients = new RegistryClients(log, context.globalState);
  const workspace = registerWorkspace(context, { log, clients });
  const diff = registerDiff(context, { log, clients, workspace: workspace.services });
  const prompts = new Prompts();
  const auth = registerAuth(context, { log, prompts });
  const registryTree = registerRegistryTree(context, { log, identity: auth.identity, diff, clients });
  const clientFor = (url: string) => clients.get(url);
  auth.registerCommands(clientFor);
  const diagnostics = registerDiagnostics(context, { log }, workspace.services);
  const environments = registerEnvironments(context, { log, clients });
  context.subscriptions.push(registryTree.provider.showEnvironments(environments));
  const publish = registerPublish(context, { log, prompts, identity: auth.identity, tree: registryTree, workspace: workspace.services, clientFor, issues: diagnostics.registryIssues });
  const bump = registerBump(context, { log }, workspace.services);
  const installed = registerInstalledView(context, { log, clients, diff, registryTree });
  log.info(`MCP Versions ${context.extension.packageJSON.version} activated in ${vscode.env.appName}`);
  return { extensionVersion: context.extension.packageJSON.version as string, registryTree, workspace: workspace.api, diagnostics, diff, environments, publish, bump, auth: { probeIdentities: () => auth.probeIdentities() }, installed };
}

export function deactivate(): void {}
