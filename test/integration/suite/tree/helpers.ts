// Shared steps of the Registry tree suites: the running extension's tree, a local registry, settings.
import * as vscode from 'vscode';
import { resolve } from 'node:path';
import { applyEdits, modify } from 'jsonc-parser';
import type { ServerNode, TreeNode } from '../../../../src/tree/nodes';
import { decodeStatusQuery, statusLook } from '../../../../src/tree/statusBadge';
import { startLocalRegistry, type LocalRegistry, type LocalRegistryOptions } from '../../../../tools/local-registry';
import { extensionApi, waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');

export const api = extensionApi;

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

/** The badge VS Code draws beside a row (L for latest, β, ✕ …), from the item's status decoration. */
export function badgeOf(treeItem: vscode.TreeItem): string | undefined {
  return treeItem.resourceUri ? statusLook(decodeStatusQuery(treeItem.resourceUri.query))?.badge : undefined;
}

/** A server node at the top of the tree (a single registry's servers are the top level). */
export async function topServer(name: string): Promise<ServerNode | undefined> {
  return (await children()).find((n): n is ServerNode => n.kind === 'server' && n.name === name);
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

export async function anonymousToken(reg: LocalRegistry): Promise<string> {
  const { registry_token: token } = await (await fetch(`${reg.url}/v0.1/auth/none`, { method: 'POST' })).json() as { registry_token: string };
  return token;
}

/** Changes a version's status straight on the registry (behind the extension's back), as mcp-publisher status does. */
export async function setStatus(reg: LocalRegistry, name: string, version: string, status: 'active' | 'deprecated' | 'deleted', statusMessage?: string): Promise<void> {
  const token = await anonymousToken(reg);
  const url = `${reg.url}/v0.1/servers/${encodeURIComponent(name)}/versions/${encodeURIComponent(version)}/status`;
  const response = await fetch(url, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ status, statusMessage }) });
  if (!response.ok) throw new Error(`status ${name}@${version} → ${status}: ${response.status} ${await response.text()}`);
}

export async function publish(reg: LocalRegistry, name: string, version: string): Promise<void> {
  const token = await anonymousToken(reg);
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

/**
 * Sets a user setting the way a user does in “Preferences: Open User Settings (JSON)”: edit, save, close.
 * For settings VS Code registers for policies only (e.g. chat.mcp.gallery.serviceUrl, `included: false`)
 * `WorkspaceConfiguration.update` refuses ("not a registered configuration"), but VS Code still reads them
 * from settings.json. `undefined` removes the key. Resolves once the extension host sees the new value.
 */
export async function editUserSettingsJson(key: string, value: string | undefined): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettingsJson');
  const editor = await waitFor('the user settings.json editor', () => {
    const active = vscode.window.activeTextEditor;
    return active?.document.uri.path.endsWith('/User/settings.json') ? active : undefined;
  });
  const document = editor.document;
  const text = document.getText();
  const base = text.trim() ? text : '{}';
  const edits = modify(base, [key], value, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  if (edits.length > 0) {
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(text.length));
    if (!(await editor.edit((builder) => builder.replace(whole, applyEdits(base, edits))))) throw new Error('settings.json could not be edited');
    // The workbench's Save (what Ctrl+S runs): TextDocument.save() answers false for the user settings file here.
    await vscode.commands.executeCommand('workbench.action.files.save');
  }
  await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  await waitFor(`${key} = ${value ?? '(unset)'} in the extension host`, () => {
    const seen = vscode.workspace.getConfiguration().get<string>(key);
    return (value === undefined ? !seen : seen === value) ? true : undefined;
  });
}
