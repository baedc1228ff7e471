// Shared steps of the Registry tree suites: the running extension's tree, a local registry, settings.
import * as vscode from 'vscode';
import { resolve } from 'node:path';
import type { McpVersionsApi } from '../../../../src/extension';
import type { TreeNode } from '../../../../src/tree/nodes';
import { startLocalRegistry, type LocalRegistry, type LocalRegistryOptions } from '../../../../tools/local-registry';
import { waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export async function api(): Promise<McpVersionsApi> {
  const extension = vscode.extensions.getExtension<McpVersionsApi>('mcp-versions.mcp-versions');
  if (!extension) throw new Error('extension not installed');
  return extension.isActive ? extension.exports : extension.activate();
}

export function startRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  return startLocalRegistry({ sharedDir, ...options });
}

/** Points the extension at these registries (user setting) and waits until the tree uses them. */
export async function useRegistries(registries: { name: string; url: string; auth?: string }[]): Promise<void> {
  await vscode.workspace.getConfiguration('mcpVersions').update('registries', registries, vscode.ConfigurationTarget.Global);
  const { registryTree } = await api();
  await waitFor('the tree to use the new registries', () =>
    registryTree.provider.registries.map((r) => r.config.url).join(' ') === registries.map((r) => r.url).join(' ') ? true : undefined,
  );
}

/** Back to the default registries (the official one), as a suite found them. */
export async function resetRegistries(): Promise<void> {
  await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Global);
}

export async function children(node?: TreeNode): Promise<TreeNode[]> {
  return (await api()).registryTree.provider.getChildren(node);
}

export async function item(node: TreeNode): Promise<vscode.TreeItem> {
  return (await api()).registryTree.provider.getTreeItem(node);
}

export function labelOf(treeItem: vscode.TreeItem): string {
  const label = treeItem.label;
  return typeof label === 'string' ? label : (label?.label ?? '');
}

export async function labels(nodes: TreeNode[]): Promise<string[]> {
  return Promise.all(nodes.map(async (n) => labelOf(await item(n))));
}

/** Server list rows straight from the registry, for expectations. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

export interface Row {
  server: { name: string; version: string; [key: string]: unknown };
  _meta: { 'io.modelcontextprotocol.registry/official': { status: string; isLatest: boolean; publishedAt: string; statusMessage?: string } };
}

export const meta = (row: Row) => row._meta['io.modelcontextprotocol.registry/official'];

export async function publish(reg: LocalRegistry, name: string, version: string): Promise<void> {
  const { registry_token: token } = await (await fetch(`${reg.url}/v0.1/auth/none`, { method: 'POST' })).json() as { registry_token: string };
  const body = {
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name,
    description: 'A server the tree tests publish',
    version,
    packages: [{ registryType: 'npm', identifier: '@tree-test/server', version, transport: { type: 'stdio' }, environmentVariables: [{ name: 'API_KEY', isSecret: true, isRequired: true, description: 'Your key' }] }],
  };
  const response = await fetch(`${reg.url}/v0.1/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`publish ${name}@${version}: ${response.status} ${await response.text()}`);
}
