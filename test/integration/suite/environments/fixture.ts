// Shared setup of the environments suites: a local registry holding io.github.acme/weather 1.0.0–1.4.0
// (1.1.0 deprecated, 1.3.0 deleted, 1.4.0 latest), demo MCP environments, and scripted answers to the
// confirmations (modal dialogs cannot be clicked from a test, so the extension's API lets a test
// replace its DeployPrompts; production asks through the extension's interaction layer).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { CURRENT_SCHEMA_URL, RegistryClient } from '../../../../src/registry';
import type { DeployPrompts, EnvironmentsApi, PickItem } from '../../../../src/environments';
import { startLocalRegistry, type LocalRegistry } from '../../../../tools/local-registry';
import { DEPLOY_SCRIPT, startDemoEnvironments, type DemoEnvironmentOptions, type DemoEnvironments } from '../../../../tools/demo-environments';
import { extensionApi, waitFor } from '../../harness';

export const SERVER = 'io.github.acme/weather';
export const REPO_ROOT = resolve(__dirname, '../../../../..');

/** The registry tree's provider, loosely typed: only what the badge checks need. */
export interface RegistryTreeLike {
  getChildren(node?: unknown): unknown[] | Promise<unknown[]> | undefined | null;
  getTreeItem(node: unknown): vscode.TreeItem | Promise<vscode.TreeItem>;
}

/** SERVER's nodes in the registry tree (its root lists servers directly when there is one registry). */
async function serverNodes(tree: RegistryTreeLike): Promise<unknown[]> {
  const kind = (n: unknown) => (n as { kind?: string }).kind;
  const isServer = (n: unknown) => kind(n) === 'server' && (n as { name?: string }).name === SERVER;
  const out: unknown[] = [];
  for (const node of (await tree.getChildren()) ?? []) {
    if (isServer(node)) out.push(node);
    else if (kind(node) === 'registry') out.push(...((await tree.getChildren(node)) ?? []).filter(isServer));
  }
  return out;
}

/** The description of `version` of SERVER in the registry tree (where environment badges show). */
export async function versionDescription(version: string): Promise<string> {
  const tree: RegistryTreeLike = (await extensionApi()).registryTree.provider;
  const registries = (await tree.getChildren()) ?? [];
  for (const server of await serverNodes(tree)) {
    const versions = (await tree.getChildren(server)) ?? [];
    const node = versions.find((n) => (n as { row?: { version?: string } }).row?.version === version);
    if (node) return String((await tree.getTreeItem(node)).description ?? '');
    return `(no ${version} among ${versions.length} children of the server)`;
  }
  return `(no ${SERVER} among ${registries.length} root nodes)`;
}

/** Expands SERVER in the registry tree (for screenshots); false when it could not. */
export async function expandServerInRegistryTree(): Promise<boolean> {
  const { provider, view } = (await extensionApi()).registryTree;
  for (const server of await serverNodes(provider)) {
    try {
      await view.reveal(server, { expand: true, focus: false, select: false });
      return true;
    } catch {
      return false;
    }
  }
  return false;
}

export async function environmentsApi(): Promise<EnvironmentsApi> {
  await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
  return (await extensionApi()).environments;
}

export async function startRegistry(): Promise<LocalRegistry> {
  const registry = await startLocalRegistry({ seed: 'none' });
  const token = registry.mintToken([
    { action: 'publish', resource: 'io.github.acme/*' },
    { action: 'edit', resource: 'io.github.acme/*' },
  ]);
  const client = new RegistryClient(registry.url);
  for (const version of ['1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0']) {
    await client.publish({ $schema: CURRENT_SCHEMA_URL, name: SERVER, description: 'Weather forecasts', version, remotes: [{ type: 'streamable-http', url: 'https://acme.example/mcp' }] }, token);
  }
  await client.setVersionStatus(SERVER, '1.1.0', { status: 'deprecated', statusMessage: 'memory leak' }, token);
  await client.setVersionStatus(SERVER, '1.3.0', { status: 'deleted' }, token);
  return registry;
}

export interface Demo extends DemoEnvironments {
  readonly dir: string;
  /** A deploy command that runs the real deploy script against this demo's state folder. */
  deployCommand(delayMs?: number): string;
}

export async function startDemo(environments: DemoEnvironmentOptions[]): Promise<Demo> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpv-envs-'));
  const demo = await startDemoEnvironments({ dir, serverName: SERVER, environments });
  return {
    ...demo,
    dir,
    deployCommand: (delayMs = 200) => `"${process.execPath}" "${DEPLOY_SCRIPT}" \${environment} \${version} --dir "${dir}" --delay-ms ${delayMs}`,
    close: async () => {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function configure(registryUrl: string, environments: unknown[], extra: Record<string, unknown> = {}): Promise<void> {
  const config = vscode.workspace.getConfiguration('mcpVersions');
  await config.update('registries', [{ name: 'Environments test registry', url: registryUrl, auth: 'none' }], vscode.ConfigurationTarget.Global);
  for (const [key, value] of Object.entries(extra)) await config.update(key, value, vscode.ConfigurationTarget.Global);
  await config.update('environments', environments, vscode.ConfigurationTarget.Global);
}

export async function resetSettings(keys: string[] = []): Promise<void> {
  const config = vscode.workspace.getConfiguration('mcpVersions');
  for (const key of ['environments', 'registries', ...keys]) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
}

/** Waits until the store holds exactly these environments, then refreshes all of them. */
export async function settle(api: EnvironmentsApi, names: string[]): Promise<void> {
  await waitFor(`environments ${names.join(', ')}`, () => api.store.list().map((s) => s.config.name).join() === names.join());
  await api.store.refreshAll({ freshRegistry: true });
}

/** Scripted answers to the deployment's questions, recording what was asked. */
export class ScriptedPrompts implements DeployPrompts {
  readonly confirmations: { message: string; detail: string; action: string }[] = [];
  readonly inputs: { title: string; prompt: string }[] = [];
  readonly picks: string[][] = [];
  confirmAnswer = true;
  inputAnswer: string | undefined = undefined;
  pickAnswer: ((labels: string[]) => string | undefined) | undefined;
  readonly notifications: { severity: string; message: string; actions: readonly string[] }[] = [];
  notifyAnswer: ((actions: readonly string[]) => string | undefined) | undefined;
  /** Runs while the confirmation is showing (what the views show meanwhile). */
  whileConfirming: (() => void) | undefined;

  async confirm(message: string, detail: string, action: string): Promise<boolean> {
    this.confirmations.push({ message, detail, action });
    this.whileConfirming?.();
    return this.confirmAnswer;
  }

  async input(options: { title: string; prompt: string }): Promise<string | undefined> {
    this.inputs.push({ title: options.title, prompt: options.prompt });
    return this.inputAnswer;
  }

  async notify(severity: 'info' | 'error', message: string, actions: readonly string[]): Promise<string | undefined> {
    this.notifications.push({ severity, message, actions });
    return this.notifyAnswer?.(actions);
  }

  async pick<T>(items: readonly PickItem<T>[]): Promise<T | undefined> {
    const labels = items.map((i) => i.label);
    this.picks.push(labels);
    const chosen = this.pickAnswer?.(labels);
    return items.find((i) => i.label === chosen)?.value;
  }
}
