// "Add Registry…" driven through VS Code's real input boxes and quick pick, typed at the keyboard.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RegistryNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { keyboard, queryDom, requireVsCode, waitFor } from '../../harness';
import { children, labels, publish, resetRegistries, startRegistry, useRegistries } from './helpers';

describe('registry tree: Add Registry', function () {
  this.timeout(120_000);
  const registries: LocalRegistry[] = [];

  after(async () => {
    await resetRegistries();
    await Promise.all(registries.map((r) => r.close()));
  });

  async function quickInputTitle(text: string): Promise<void> {
    await waitFor(`the input titled “${text}”`, async () => ((await queryDom('.quick-input-widget .quick-input-title')).some((t) => t.includes(text)) ? true : undefined));
  }

  it('probes the typed URL, asks for a name and a sign-in method, and adds the registry to the tree', async function () {
    requireVsCode(this, '1.139', 'on VS Code 1.93 the second step of the keyboard-driven Add Registry input is not seen by the test (not yet investigated: the test or the extension)');
    registries.push(await startRegistry({ seed: 'none' }), await startRegistry({ seed: 'none' }));
    const [existing, added] = registries;
    await publish(added, 'io.modelcontextprotocol.anonymous/added-server', '1.0.0');
    await useRegistries([{ name: 'Existing', url: existing.url, auth: 'none' }]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');

    const running = vscode.commands.executeCommand('mcpVersions.registry.add');
    await quickInputTitle('Add MCP Registry (1/3)');
    await keyboard(added.url, ['Enter']);
    await quickInputTitle('Add MCP Registry (2/3)');
    await keyboard(undefined, ['Control+A']);
    await keyboard('Team sandbox', ['Enter']);
    await quickInputTitle('Add MCP Registry (3/3)');
    const picks = await queryDom('.quick-input-list .monaco-list-row');
    assert.match(picks[0], /^Anonymous/, 'a local registry offers anonymous sign-in first');
    await keyboard(undefined, ['Enter']);
    await running;

    const configured = vscode.workspace.getConfiguration('mcpVersions').get<{ name: string; url: string; auth?: string }[]>('registries');
    assert.deepEqual(configured?.at(-1), { name: 'Team sandbox', url: added.url, auth: 'none' });
    const top = await waitFor('both registries in the tree', async () => {
      const nodes = (await children()) as RegistryNode[];
      return nodes.length === 2 ? nodes : undefined;
    });
    assert.deepEqual(await labels(top), ['Existing', 'Team sandbox']);
    assert.deepEqual(await labels(await children(top[1])), ['io.modelcontextprotocol.anonymous/added-server']);
  });
});
