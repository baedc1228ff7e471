// Publish → tree updated, with 50 ms of latency on every registry route. The confirmation is answered
// through the extension's injectable prompts. Appends {publish_ratio, publish_requests, publish_ms} to
// MCPV_BENCH_OUT. Minimum round trips the flow needs: 1 pre-flight (validate, existing versions and the
// token exchange run in parallel) + 1 POST /publish = 2 (the tree is updated from the pre-flight list and
// the registry's answer to the POST, without asking again).
import * as assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../tools/local-registry';
import { api, resetPrompts, ScriptedPrompts, startRegistry, usePrompts, useRegistry, writeFixture } from '../suite/publish/helpers';

const LATENCY_MS = 50;
const MIN_ROUND_TRIPS = 2;
const RUNS = 7;
const NAME = 'io.modelcontextprotocol.anonymous/bench-publish';

describe('benchmark: publish', function () {
  this.timeout(180_000);
  let reg: LocalRegistry;

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    await useRegistry({ name: 'Bench', url: reg.url, auth: 'none' });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const prompts = new ScriptedPrompts();
    await usePrompts(prompts);
    // A first version, so each measured publish updates a server the tree already shows.
    await (await api()).publish.run(writeFixture(NAME, '0.1.0').uri);
  });

  after(async () => {
    await resetPrompts();
    await reg?.close();
  });

  it('publishes and updates the tree within 1.2 × the minimum round trips', async () => {
    const { publish, registryTree } = await api();
    reg.faults.add({ kind: 'latency', ms: LATENCY_MS });
    const times: number[] = [];
    const requests: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const fixture = writeFixture(NAME, `1.0.${i}`);
      const before = reg.requestCount();
      const started = performance.now();
      const outcome = await publish.run(fixture.uri);
      times.push(performance.now() - started);
      requests.push(reg.requestCount() - before);
      assert.equal(outcome.kind, 'published');
      const server = registryTree.provider.registries[0].servers.values().next().value;
      assert.ok(server && registryTree.provider.cachedVersions(server)?.some((r) => r.version === `1.0.${i}` && r.isLatest), 'the tree shows the new latest version');
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const ms = median(times);
    const result = { publish_ratio: ms / (MIN_ROUND_TRIPS * LATENCY_MS), publish_requests: median(requests), publish_ms: ms };
    console.log(`benchmark: publish ${JSON.stringify(result)} (runs: ${times.map((t) => Math.round(t)).join(', ')} ms)`);
    if (process.env.MCPV_BENCH_OUT) appendFileSync(process.env.MCPV_BENCH_OUT, `${JSON.stringify(result)}\n`);
  });
});
