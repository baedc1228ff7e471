import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActionNode, ErrorNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { queryDom, waitFor } from '../../harness';
import { children, item, labelOf, labels, resetRegistries, startRegistry, useRegistries } from './helpers';

describe('registry tree: unreachable registry', function () {
  this.timeout(120_000);
  let reg: LocalRegistry | undefined;

  after(async () => {
    await resetRegistries();
    await reg?.close();
  });

  it('shows an error node with Retry, Open Settings and Show Log, and recovers on Retry', async () => {
    const probe = await startRegistry({ seed: 'none' });
    const url = probe.url;
    const port = Number(new URL(url).port);
    await probe.close();
    await useRegistries([{ name: 'Down', url, auth: 'none' }]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');

    const top = await children();
    assert.equal(top.length, 1);
    const error = top[0] as ErrorNode;
    assert.equal(error.kind, 'error');
    const errorItem = await item(error);
    assert.match(labelOf(errorItem), /^Down: Could not reach the registry/, 'the message names the registry and what failed');
    assert.ok(errorItem.description, 'the hint says what to do');
    const actions = (await children(error)) as ActionNode[];
    assert.deepEqual(await labels(actions), ['Retry', 'Open Settings', 'Show Log']);
    assert.deepEqual(actions.map((a) => a.command.command), ['mcpVersions.registry.retry', 'mcpVersions.openSettings', 'mcpVersions.showLog']);

    reg = await startRegistry({ seed: 'real', port });
    await vscode.commands.executeCommand('mcpVersions.registry.retry', error);
    const recovered = await children();
    assert.ok(recovered.filter((n) => n.kind === 'server').length >= 50, 'the first page of servers after Retry');
  });

  it('shows the welcome content when no registry is configured', async () => {
    await useRegistries([]);
    assert.deepEqual(await children(), []);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const welcome = await waitFor('the welcome content', async () => {
      const texts = await queryDom('.welcome-view-content');
      return texts.some((t) => t.includes('mcpVersions.registries')) ? texts : undefined;
    });
    assert.ok(welcome.some((t) => /servers and versions published to your MCP registries/.test(t)));
  });
});

describe('registry tree: versions that answer 404', function () {
  this.timeout(120_000);
  let reg: LocalRegistry | undefined;

  after(async () => {
    await resetRegistries();
    await reg?.close();
  });

  it('shows an error node with Retry (never "No versions"), keeps the server, and Retry loads the versions', async () => {
    reg = await startRegistry({ seed: 'real' });
    await useRegistries([{ name: 'Flaky', url: reg.url, auth: 'none' }]);
    const server = (await children()).find((n) => n.kind === 'server');
    assert.ok(server, 'a server row');
    reg.faults.add({ kind: 'status', status: 404, method: 'GET', path: '/versions', times: 1 });
    const expanded = await children(server);
    assert.equal(expanded.length, 1);
    assert.equal(expanded[0]?.kind, 'error', 'an error node, not an empty answer');
    assert.doesNotMatch(labelOf(await item(expanded[0]!)), /No versions/);
    assert.deepEqual(await labels(await children(expanded[0])), ['Retry', 'Open Settings', 'Show Log']);
    assert.ok((await children()).some((n) => n.kind === 'server' && n.name === (server as { name: string }).name), 'the server stays in the list');
    await vscode.commands.executeCommand('mcpVersions.registry.retry', expanded[0]);
    const retried = await children(server);
    assert.ok(retried.some((n) => n.kind === 'version'), 'Retry asks again rather than answering from a cache');
  });
});
