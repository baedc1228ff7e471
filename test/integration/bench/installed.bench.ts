// installed_refresh_ms: one refresh of the Installed view with 50 servers configured in the workspace's
// .vscode/mcp.json (VS Code gallery installs, as VS Code writes them) against a registry process with
// 50 ms latency per request: one request per distinct server, in parallel (bounded). Also records
// installed_refresh_requests. Appends a JSON line to MCPV_BENCH_OUT.
import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { extensionApi } from '../harness';
import { startRegistryProcess, type RegistryProcess } from './registryProcess';

const SERVERS = 50;
const LATENCY_MS = 50;

describe('benchmark: installed', function () {
  this.timeout(600_000);
  let registry: RegistryProcess;
  let config: string;

  before(async () => {
    registry = await startRegistryProcess({ servers: SERVERS, versionsPerServer: 5 }, LATENCY_MS);
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', [{ name: 'Bench', url: registry.url }], vscode.ConfigurationTarget.Global);
    const folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    config = join(folder, '.vscode', 'mcp.json');
    const servers: Record<string, unknown> = {};
    for (let i = 0; i < SERVERS; i++) {
      const name = `com.example.scale/server-${String(i).padStart(5, '0')}`;
      servers[name] = { type: 'stdio', command: 'npx', args: [`@scale/server-${i}@1.0.0`], gallery: registry.url, version: '1.0.0' };
    }
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(config, JSON.stringify({ servers, inputs: [] }, null, '\t'));
  });

  after(async () => {
    rmSync(config, { force: true });
    if (readdirSync(dirname(config)).length === 0) rmSync(dirname(config), { recursive: true, force: true });
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Global);
    registry?.process.kill();
  });

  it('refreshes 50 installed servers and records the time and the requests', async () => {
    const { installed } = await extensionApi();
    await installed.refresh();
    const before = installed.lookup.requests;
    const started = performance.now();
    const snapshot = await installed.refresh({ registries: true });
    const ms = performance.now() - started;
    const requests = installed.lookup.requests - before;
    assert.equal(snapshot.rows.length, SERVERS);
    assert.ok(snapshot.rows.every((row) => row.state?.kind === 'update-available'), 'every server has an update');
    assert.equal(requests, SERVERS, 'one request per server');
    const out = process.env.MCPV_BENCH_OUT;
    if (out) appendFileSync(out, `${JSON.stringify({ installed_refresh_ms: ms, installed_refresh_requests: requests })}\n`);
  });
});
