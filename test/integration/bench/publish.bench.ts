// Publish → tree updated, with 50 ms of latency on every registry route. The confirmation is answered
// through the extension's injectable prompts. Appends {publish_ratio, publish_requests, publish_ms} to
// MCPV_BENCH_OUT. Minimum round trips the flow needs: 1 pre-flight (validate, existing versions and the
// token exchange run in parallel) + 1 POST /publish = 2 (the tree is updated from the pre-flight list and
// the registry's answer to the POST, without asking again). One round trip is measured as the tree
// benchmark does: the median time of a small GET to the same registry (latency + a trivial answer).
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { api, resetPrompts, ScriptedPrompts, usePrompts, useRegistry, writeFixture } from '../suite/publish/helpers';
import { startRegistryProcess, type RegistryProcess } from './registryProcess';

const LATENCY_MS = 50;
const MIN_ROUND_TRIPS = 2;
const RUNS = 7;
const NAME = 'io.modelcontextprotocol.anonymous/bench-publish';

describe('benchmark: publish', function () {
  this.timeout(180_000);
  let reg: RegistryProcess;

  before(async () => {
    reg = await startRegistryProcess('none', LATENCY_MS);
    await useRegistry({ name: 'Bench', url: reg.url, auth: 'none' });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const prompts = new ScriptedPrompts();
    await usePrompts(prompts);
    // A first version, so each measured publish updates a server the tree already shows.
    await (await api()).publish.run(writeFixture(NAME, '0.1.0').uri);
  });

  after(async () => {
    await resetPrompts();
    reg?.process.kill();
  });

  it('publishes and updates the tree within 1.2 × the minimum round trips', async () => {
    const { publish, registryTree } = await api();
    const times: number[] = [];
    const requests: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const fixture = writeFixture(NAME, `1.0.${i}`);
      const before = registryTree.clients.requestCount;
      const started = performance.now();
      const outcome = await publish.run(fixture.uri);
      times.push(performance.now() - started);
      requests.push(registryTree.clients.requestCount - before);
      assert.equal(outcome.kind, 'published');
      const server = registryTree.provider.registries[0].servers.values().next().value;
      assert.ok(server && registryTree.provider.cachedVersions(server)?.some((r) => r.version === `1.0.${i}` && r.isLatest), 'the tree shows the new latest version');
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = median(times);
    const roundTrips: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      await (await fetch(`${reg.url}/v0.1/servers?limit=1`)).text();
      roundTrips.push(performance.now() - started);
    }
    const rtt = median(roundTrips);
    // The same two round trips made directly with fetch (validate ∥ versions, then the POST): what this
    // registry needs at the least, its own work on each request included.
    const direct: number[] = [];
    const { registry_token: token } = (await (await fetch(`${reg.url}/v0.1/auth/none`, { method: 'POST' })).json()) as { registry_token: string };
    for (let i = 1; i <= RUNS; i++) {
      const document = JSON.parse(writeFixture(NAME, `2.0.${i}`).text) as Record<string, unknown>;
      const json = { 'content-type': 'application/json' };
      const started = performance.now();
      await Promise.all([
        fetch(`${reg.url}/v0.1/validate`, { method: 'POST', headers: json, body: JSON.stringify(document) }).then((r) => r.text()),
        fetch(`${reg.url}/v0.1/servers/${encodeURIComponent(NAME)}/versions?include_deleted=true`).then((r) => r.text()),
      ]);
      const posted = await fetch(`${reg.url}/v0.1/publish`, { method: 'POST', headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify(document) });
      await posted.text();
      direct.push(performance.now() - started);
      assert.equal(posted.status, 200);
    }
    const directMs = median(direct);
    const result = {
      publish_ratio: ms / (MIN_ROUND_TRIPS * rtt),
      publish_requests: median(requests),
      publish_ms: ms,
      publish_rtt_ms: rtt,
      publish_direct_ms: directMs,
      publish_overhead_ratio: ms / directMs,
    };
    console.log(`benchmark: publish ${JSON.stringify(result)} (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`);
    if (process.env.MCPV_BENCH_OUT) appendFileSync(process.env.MCPV_BENCH_OUT, `${JSON.stringify(result)}\n`);
  });
});
