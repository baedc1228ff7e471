// Shared steps of the diff suites: the running extension's diff feature, a local registry with crafted
// versions, and reading the rendered panel (it lives in a webview frame).
import * as vscode from 'vscode';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DiffPanel, VersionRef } from '../../../../src/diff';
import { RegistryClient } from '../../../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../../../../tools/local-registry';
import { evaluate, extensionApi, waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const REGISTRY_NAME = 'Diff test registry';
export const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

export const api = extensionApi;

/**
 * A local registry holding `documents` (published through the API, so the registry's rules apply) and
 * `imported` ones it would refuse to publish — hostile data as another registry might serve it, brought in
 * through the seed import, which (like upstream's importer) does not validate.
 */
export async function startRegistryWith(documents: Record<string, unknown>[], imported: Record<string, unknown>[] = []): Promise<LocalRegistry> {
  let seedFrom: string | undefined;
  if (imported.length > 0) {
    seedFrom = join(mkdtempSync(join(tmpdir(), 'mcpv-diff-')), 'imported.json');
    writeFileSync(seedFrom, JSON.stringify(imported));
  }
  const reg = await startLocalRegistry({ seed: 'none', seedFrom, sharedDir });
  try {
    const token = reg.mintToken([
      { action: 'publish', resource: 'io.github.acme/*' },
      { action: 'publish', resource: 'io.github.acme-labs/*' },
    ]);
    const client = new RegistryClient(reg.url, { maxAttempts: 1 });
    for (const document of documents) await client.publish(document, token);
    return reg;
  } catch (error) {
    await reg.close();
    throw error;
  }
}

export function ref(reg: LocalRegistry, serverName: string, version: string): VersionRef {
  return { registryUrl: reg.url, registryName: REGISTRY_NAME, serverName, version };
}

/** Values of `expression` in the frames where it is defined (the diff panel's own frame). */
export async function inPanel<T>(expression: string): Promise<T[]> {
  const frames = await evaluate(`document.getElementById('app') ? (${expression}) : undefined`, { inWebviews: true });
  return frames.filter((frame) => frame.error === undefined && frame.value !== undefined && frame.value !== null).map((frame) => frame.value as T);
}

/** The rendered panel as text, one entry per selector match, read from the webview's DOM. */
export async function panelText(selector: string): Promise<string[]> {
  const values = await inPanel<string[]>(`(() => { const found = [...document.querySelectorAll(${JSON.stringify(selector)})]; return found.length ? found.map((e) => e.textContent) : undefined; })()`);
  return values.flat();
}

export async function click(id: string): Promise<void> {
  // A checkbox takes clicks on the label inside its shadow root, where a mouse click lands.
  const done = await inPanel<boolean>(
    `(() => { const e = document.getElementById(${JSON.stringify(id)}); if (!e) return undefined; (e.shadowRoot?.querySelector('label') ?? e).click(); return true; })()`,
  );
  if (done.length === 0) throw new Error(`no #${id} in any webview frame`);
}

export async function openAndRender(open: () => Thenable<unknown>): Promise<DiffPanel> {
  const { diff } = await api();
  const before = new Set(diff.panels());
  await open();
  const panel = await waitFor('a diff panel', () => diff.panels().find((p) => !before.has(p)) ?? diff.panels().find((p) => p.panel.active));
  await waitFor('the panel to render', () => (panel.view ? true : undefined));
  await waitFor('the rendered summary in the webview', async () => ((await panelText('.summary')).length > 0 ? true : undefined));
  return panel;
}

export async function closePanels(): Promise<void> {
  const { diff } = await api();
  for (const panel of diff.panels()) panel.dispose();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

