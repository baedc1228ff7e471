import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import type { EnvironmentsApi } from '../../../../src/environments';
import { queryDom, waitFor } from '../../harness';
import { configure, environmentsApi, resetSettings, settle, SERVER, startDemo, startRegistry, versionDescription, type Demo } from './fixture';

describe('environments: live status and drift', () => {
  let api: EnvironmentsApi;
  let registry: LocalRegistry;
  let demo: Demo;
  let garbage: Server;
  let hanging: Server;

  before(async () => {
    api = await environmentsApi();
    registry = await startRegistry();
    demo = await startDemo([
      { name: 'development', initialVersion: '1.4.0' },
      { name: 'staging', initialVersion: '1.1.0' },
      { name: 'production', initialVersion: '1.3.0' },
      { name: 'preview', initialVersion: '2.0.0-local' },
      { name: 'far', initialVersion: '1.4.0', latencyMs: 1500 },
    ]);
    garbage = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Welcome to nginx!</body></html>'));
    hanging = createServer(() => undefined);
    await Promise.all([garbage, hanging].map((s) => new Promise<void>((r) => s.listen(0, '127.0.0.1', r))));
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const port = (s: Server) => (s.address() as AddressInfo).port;
    const env = (name: string, endpoint = demo.endpoints[name]) => ({ name, server: SERVER, endpoint });
    await configure(registry.url, [
      env('development'),
      env('staging'),
      env('production'),
      env('preview'),
      env('far'),
      env('down', `http://127.0.0.1:${closedPort}/mcp`),
      env('garbage', `http://127.0.0.1:${port(garbage)}/mcp`),
      { ...env('hanging', `http://127.0.0.1:${port(hanging)}/mcp`) },
    ]);
  });

  after(async () => {
    await resetSettings();
    for (const s of [garbage, hanging]) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    await demo.close();
    await registry.close();
  });

  it('reads each live version from the initialize handshake, all environments at once', async () => {
    await settle(api, ['development', 'staging', 'production', 'preview', 'far', 'down', 'garbage', 'hanging']);
    const live = Object.fromEntries(api.store.list().map((s) => [s.config.name, s.probe?.ok ? s.probe.version : undefined]));
    assert.deepEqual(live, { development: '1.4.0', staging: '1.1.0', production: '1.3.0', preview: '2.0.0-local', far: '1.4.0', down: undefined, garbage: undefined, hanging: undefined });
    const far = api.store.get('far')!.probe!;
    assert.ok(far.latencyMs >= 1500, `latency ${far.latencyMs}`);
    const errors = Object.fromEntries(['down', 'garbage', 'hanging'].map((n) => [n, api.store.get(n)!.probe]));
    assert.ok(Object.values(errors).every((p) => p && !p.ok && p.error.length > 0), JSON.stringify(errors));
    assert.deepEqual(api.environmentsRunning(registry.url, SERVER, '1.4.0'), ['development', 'far']);
    // A server of the same name on another registry is not what these environments run.
    assert.deepEqual(api.environmentsRunning('https://another-registry.example.com', SERVER, '1.4.0'), []);
  });

  it('badges registry version nodes with the environments that run them', async () => {
    let seen = '';
    const latest = await waitFor('the 1.4.0 badge', async () => {
      seen = await versionDescription('1.4.0');
      return seen.startsWith('● ') ? seen : undefined;
    }).catch((error: Error) => {
      throw new Error(`${error.message}; the registry tree shows ${JSON.stringify(seen)}`);
    });
    assert.match(latest, /^● development, far · latest/);
    assert.match(await versionDescription('1.1.0'), /^● staging · /);
    assert.doesNotMatch(await versionDescription('1.0.0'), /●/);
  });

  it('shows drift against the registry and the environment before', () => {
    const drift = (name: string) => api.store.get(name)!.drift.map((d) => d.kind);
    assert.deepEqual(drift('development'), []);
    assert.deepEqual(drift('staging'), ['deprecated', 'behind-latest', 'differs-from-previous']);
    assert.deepEqual(drift('production'), ['deleted', 'behind-latest', 'differs-from-previous']);
    assert.deepEqual(drift('preview'), ['not-published', 'differs-from-previous']);
  });

  it('shows every environment in the view, failing ones with their error', async () => {
    await vscode.commands.executeCommand('mcpVersions.environments.focus');
    const rows = await waitFor('environment rows', async () => {
      const texts = await queryDom('[id="workbench.view.extension.mcpVersions"] .monaco-list-row');
      return texts.some((t) => t.includes('hanging')) ? texts : undefined;
    });
    const row = (name: string) => rows.find((r) => r.startsWith(name)) ?? '';
    // Each row leads with its state in one or two words, then the live version; details are in the tooltip and child rows.
    assert.match(row('staging'), /^staging\s*deprecated · 1\.1\.0$/);
    assert.match(row('production'), /^production\s*deleted · 1\.3\.0$/);
    assert.match(row('preview'), /unpublished · /);
    assert.match(row('down'), /unreachable · not running \(connection refused\)/);
    assert.match(row('garbage'), /unreachable · not an MCP endpoint \(unexpected answer\)/);
    assert.match(row('hanging'), /unreachable · no answer in time/);
    const tooltip = (api.provider.getTreeItem(api.provider.environmentNode('garbage')).tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1');
    assert.match(tooltip, /Unexpected content type: text\/html/, 'the raw answer stays in the tooltip');
  });

  it('lists the endpoint, the registry status of the live version and the history under an environment', async () => {
    const children = api.provider.getChildren({ type: 'environment', name: 'staging' }).map((n) => api.provider.getTreeItem(n));
    const labels = children.map((c) => String(c.label));
    assert.equal(labels[0], demo.endpoints.staging);
    assert.ok(labels.includes('1.1.0: deprecated'), labels.join(' | '));
    assert.equal(labels.at(-1), 'History');
  });

  it('keeps a down endpoint on a backoff schedule while the others poll normally', async () => {
    await vscode.commands.executeCommand('mcpVersions.environments.focus');
    await waitFor('the view to be visible', () => api.view.visible);
    await Promise.all([api.store.refresh('down'), api.store.refresh('development')]);
    const down = api.store.get('down')!;
    const ok = api.store.get('development')!;
    assert.ok(down.consecutiveFailures >= 2);
    assert.ok(down.nextCheckAt !== undefined && ok.nextCheckAt !== undefined, 'both are scheduled while the view is visible');
    assert.ok(down.nextCheckAt - ok.nextCheckAt > 60_000, 'the failing endpoint is checked less often');
  });

  it('polls at the interval of mcpVersions.environmentsPollSeconds', async () => {
    await vscode.workspace.getConfiguration('mcpVersions').update('environmentsPollSeconds', 7, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('mcpVersions.environments.focus');
      await waitFor('the view to be visible', () => api.view.visible);
      await api.store.refresh('development');
      const next = api.store.get('development')!.nextCheckAt!;
      assert.ok(next - Date.now() <= 7_000, `next check in ${next - Date.now()} ms`);
      assert.equal(api.store.list().length, 8, 'the environments setting is still read');
    } finally {
      await vscode.workspace.getConfiguration('mcpVersions').update('environmentsPollSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('polls only while the Environments view is visible', async () => {
    const config = vscode.workspace.getConfiguration('mcpVersions');
    await config.update('environmentsPollSeconds', 1, vscode.ConfigurationTarget.Global);
    try {
      await vscode.commands.executeCommand('mcpVersions.environments.focus');
      await waitFor('the view to be visible', () => api.view.visible);
      let before = demo.requestCount('development');
      await waitFor('a poll of development while visible', () => demo.requestCount('development') > before || undefined, 5_000);

      await vscode.commands.executeCommand('workbench.view.explorer');
      await waitFor('the view to be hidden', () => !api.view.visible || undefined);
      // A probe already under way may still land; once none is, no check is scheduled, so none can follow.
      await waitFor('the probes under way to finish', () => api.store.list().every((s) => !s.checking) || undefined);
      assert.deepEqual(api.store.list().filter((s) => s.nextCheckAt !== undefined).map((s) => s.config.name), [], 'no check scheduled while hidden');

      before = demo.requestCount('development');
      await vscode.commands.executeCommand('mcpVersions.environments.focus');
      await waitFor('the view to be visible', () => api.view.visible);
      await waitFor('polling to resume once visible', () => demo.requestCount('development') > before || undefined, 5_000);
      await waitFor('the next check scheduled again', () => api.store.get('development')!.nextCheckAt !== undefined || undefined);
    } finally {
      await config.update('environmentsPollSeconds', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
