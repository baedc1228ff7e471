// Registry tree figures inside the real extension host, against local registries in child processes
// (so the registry's memory is not counted) with 50 ms of latency on every request:
// tree_first_page_ratio (page prefetched when the registry became known, as the extension does) and
// tree_first_page_cold_ratio (page dropped, fetched when VS Code asks), tree_requests_{open,expand,reexpand,refresh}, tree_versions_10k_ms (ordering + tree items, no network), tree_versions_10k_e2e_ms (expand → on screen), tree_memory_mb (the
// host's RSS) and tree_memory_delta_mb (its heap after a GC with the 10 000 servers paged in, minus before).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { appendFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { McpVersionsApi } from '../../../src/extension';
import type { ServerNode } from '../../../src/tree/nodes';
import { toVersionRows } from '../../../src/tree/versionRows';
import { extensionApi, queryDom, waitFor } from '../harness';
import { startRegistryProcess, type RegistryProcess } from './registryProcess';

const LATENCY_MS = 50;

async function roundTripMs(url: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const response = await fetch(`${url}/v0.1/servers?version=latest&limit=50`);
    await response.text();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

/** Polls every 5 ms (waitFor's 100 ms would dominate the figures). */
async function until(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!probe()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** The extension host's heap in MB after a full garbage collection (gc exposed for this measurement). */
async function heapAfterGcMb(): Promise<number> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

function record(figures: Record<string, number>): void {
  const out = process.env.MCPV_BENCH_OUT;
  if (out) appendFileSync(out, `${JSON.stringify(figures)}\n`);
  console.log(`__MCPV_OUT__ ${JSON.stringify(figures)}`);
}

describe('benchmark: registry tree', function () {
  this.timeout(1_200_000);
  let scale: RegistryProcess | undefined;
  let deep: RegistryProcess | undefined;
  let api: McpVersionsApi;

  before(async () => {
    [scale, deep] = await Promise.all([
      startRegistryProcess({ servers: 10_000, versionsPerServer: 20 }, LATENCY_MS),
      startRegistryProcess({ servers: 1, versionsPerServer: 10_000 }, LATENCY_MS),
    ]);
    api = await extensionApi();
  });

  after(() => {
    scale?.process.kill();
    deep?.process.kill();
  });

  async function useRegistry(url: string): Promise<void> {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', [{ name: 'Bench', url }], vscode.ConfigurationTarget.Global);
    await waitFor('the tree to use the registry', () => api.registryTree.provider.registries[0]?.config.url === url || undefined);
  }

  it('measures opening, expanding, re-expanding, refreshing, 10 000 versions and paging memory', async () => {
    const { provider, view, clients } = api.registryTree;
    // Server-list requests to show a newly configured registry: the prefetch, and none more when the view
    // opens (the This Workspace view asks the same registry about its own files meanwhile: not counted).
    // The heap before the 10 000 servers: the extension (and the test runner) with its default registry.
    const heapBeforeMb = await heapAfterGcMb();
    const scaleClient = clients.get(scale!.url);
    const listServers = scaleClient.listServers.bind(scaleClient);
    let listRequests = 0;
    scaleClient.listServers = (...args) => {
      listRequests++;
      return listServers(...args);
    };
    await useRegistry(scale!.url);
    const rtt = await roundTripMs(scale!.url);
    const state = () => provider.registries[0].state;
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await waitFor('the first server on screen', async () => ((await queryDom('.monaco-list-row')).some((t) => t.includes('server-00000')) ? true : undefined));
    const open = listRequests;
    scaleClient.listServers = listServers;

    // "View opened" → the first page handed to VS Code (it renders in the same frame): the root getChildren.
    const firstPageMs = async (prepare: () => Promise<void>): Promise<number> => {
      await vscode.commands.executeCommand('workbench.view.explorer');
      await new Promise((r) => setTimeout(r, 300)); // a user does not open it again within milliseconds
      await prepare();
      let resolvedAt: number | undefined;
      const original = provider.getChildren.bind(provider);
      provider.getChildren = async (node) => {
        const children = await original(node);
        if (!node && children.some((c) => c.kind === 'server')) resolvedAt ??= performance.now();
        return children;
      };
      try {
        const opened = performance.now();
        await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
        await until('the first page', () => resolvedAt !== undefined);
        return resolvedAt! - opened;
      } finally {
        provider.getChildren = original;
      }
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const warm: number[] = [];
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      // Warm: what the extension does when the registries become known (activation, settings change).
      warm.push(await firstPageMs(async () => {
        provider.reloadRegistry(provider.registries[0]);
        provider.warmUp();
        await until('the prefetched page', () => state().rows.length > 0);
      }));
      // Cold: the page dropped (as after a refresh with the view hidden): fetched when VS Code asks.
      cold.push(await firstPageMs(async () => provider.reloadRegistry(provider.registries[0])));
    }
    await waitFor('the first server on screen again', async () => ((await queryDom('.monaco-list-row')).some((t) => t.includes('server-00000')) ? true : undefined));

    const server = (await provider.getChildren()).find((n): n is ServerNode => n.kind === 'server')!;
    let before = clients.requestCount;
    await view.reveal(server, { expand: true });
    await waitFor('the versions', () => (server.shownCount === 20 ? true : undefined), 60_000);
    const expand = clients.requestCount - before;

    await vscode.commands.executeCommand('workbench.actions.treeView.mcpVersions.registry.collapseAll');
    before = clients.requestCount;
    await view.reveal(server, { expand: true });
    await provider.getChildren(server);
    await new Promise((r) => setTimeout(r, 500));
    const reexpand = clients.requestCount - before;

    await vscode.commands.executeCommand('workbench.actions.treeView.mcpVersions.registry.collapseAll');
    before = clients.requestCount;
    await vscode.commands.executeCommand('mcpVersions.registry.refresh');
    await waitFor('the reloaded first page', () => (state().rows.length > 0 ? true : undefined), 60_000);
    await new Promise((r) => setTimeout(r, 500));
    const refresh = clients.requestCount - before;

    for (let i = 0; i < 400 && !state().complete; i++) {
      await vscode.commands.executeCommand('mcpVersions.registry.loadMore', provider.registries[0]);
    }
    assert.equal(state().rows.length, 10_000);
    await provider.getChildren();
    // Measured once VS Code has rendered the last page (no tree item asked for 1 s), not in the middle of it.
    let itemsAsked = 0;
    const getTreeItem = provider.getTreeItem.bind(provider);
    provider.getTreeItem = (node) => (itemsAsked++, getTreeItem(node));
    try {
      for (let seen = -1, i = 0; seen !== itemsAsked && i < 30; i++) {
        seen = itemsAsked;
        await new Promise((r) => setTimeout(r, 1000));
      }
    } finally {
      provider.getTreeItem = getTreeItem;
    }
    const memoryMb = process.memoryUsage().rss / 2 ** 20;
    const memoryDeltaMb = (await heapAfterGcMb()) - heapBeforeMb;

    await useRegistry(deep!.url);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await waitFor('the deep server', () => (state().rows.length > 0 ? true : undefined), 60_000);
    const deepServer = (await provider.getChildren()).find((n): n is ServerNode => n.kind === 'server')!;
    await view.reveal(deepServer, { select: true, focus: true });
    await new Promise((r) => setTimeout(r, 500));
    const expanded = performance.now();
    await vscode.commands.executeCommand('list.expand');
    await until('10 000 versions ordered', () => deepServer.shownCount === 10_000, 120_000);
    console.log(`__MCPV_OUT__ 10 000 versions fetched and ordered after ${Math.round(performance.now() - expanded)} ms`);
    await waitFor('the highest version on screen', async () => ((await queryDom('.monaco-list-row')).some((t) => t.includes('1000.9.0')) ? true : undefined), 60_000);
    const versionsMs = performance.now() - expanded;

    // The extension's own work for those 10 000 versions, without the network: order them as the registry
    // does (with channels and badges), then build every node and its TreeItem.
    const responses = await clients.get(deep!.url).getServerVersions(deepServer.name);
    const orderAndRender: number[] = [];
    for (let i = 0; i < 7; i++) {
      const started = performance.now();
      const nodes = provider.versionNodes(deepServer, toVersionRows(responses));
      for (const node of nodes) provider.getTreeItem(node);
      orderAndRender.push(performance.now() - started);
    }
    orderAndRender.sort((a, b) => a - b);

    record({
      tree_first_page_ratio: median(warm) / rtt,
      tree_first_page_cold_ratio: median(cold) / rtt,
      tree_requests_open: open,
      tree_requests_expand: expand,
      tree_requests_reexpand: reexpand,
      tree_requests_refresh: refresh,
      tree_versions_10k_ms: orderAndRender[3],
      tree_versions_10k_e2e_ms: versionsMs,
      tree_memory_mb: memoryMb,
      tree_memory_delta_mb: memoryDeltaMb,
    });
    assert.equal(expand, 1, 'one request to expand a server');
    assert.equal(reexpand, 0, 'no request to expand it again');
  });
});
