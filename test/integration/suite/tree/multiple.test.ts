import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RegistryNode, ServerNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { children, item, labelOf, labels, publish, resetRegistries, startRegistry, useRegistries } from './helpers';

describe('registry tree: several registries', function () {
  this.timeout(120_000);
  const registries: LocalRegistry[] = [];

  after(async () => {
    await resetRegistries();
    await Promise.all(registries.map((r) => r.close()));
  });

  it('shows one node per registry, each with its own servers and refresh', async () => {
    registries.push(await startRegistry({ seed: 'none' }), await startRegistry({ seed: 'none' }));
    const [staging, production] = registries;
    await publish(staging, 'io.modelcontextprotocol.anonymous/weather', '1.1.0-beta.1');
    await publish(production, 'io.modelcontextprotocol.anonymous/weather', '1.0.0');
    await publish(production, 'io.modelcontextprotocol.anonymous/maps', '2.0.0');
    await useRegistries([
      { name: 'Staging', url: staging.url, auth: 'none' },
      { name: 'Production', url: production.url },
    ]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');

    const top = (await children()) as RegistryNode[];
    assert.deepEqual(await labels(top), ['Staging', 'Production']);
    const stagingItem = await item(top[0]);
    assert.ok(String(stagingItem.description).startsWith(staging.url), String(stagingItem.description));
    assert.match(stagingItem.contextValue!, /^mcpv:registry\b.*:removable\b/);

    const stagingServers = (await children(top[0])) as ServerNode[];
    assert.deepEqual(await labels(stagingServers), ['io.modelcontextprotocol.anonymous/weather']);
    assert.match((await item(stagingServers[0])).description as string, /^yours · 1\.1\.0-beta\.1/, 'anonymous auth: the namespace is mine');
    const productionServers = (await children(top[1])) as ServerNode[];
    assert.deepEqual(await labels(productionServers), ['io.modelcontextprotocol.anonymous/maps', 'io.modelcontextprotocol.anonymous/weather']);
    assert.doesNotMatch((await item(productionServers[1])).contextValue!, /:mine\b/, 'no sign-in known for Production: nothing is mine');

    await publish(production, 'io.modelcontextprotocol.anonymous/weather', '1.0.1');
    assert.match((await item(productionServers[1])).description as string, /^1\.0\.0/, 'cached until refreshed');
    await vscode.commands.executeCommand('mcpVersions.registry.refresh', top[1]);
    const refreshed = (await children(top[1])) as ServerNode[];
    assert.match((await item(refreshed[1])).description as string, /^1\.0\.1/);
    assert.equal(labelOf(await item((await children(top[0]))[0])), 'io.modelcontextprotocol.anonymous/weather');
  });
});
