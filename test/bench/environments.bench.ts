// Environments benchmarks (plain Node): status probes of 10 local MCP servers, each 50 ms away, refreshed
// concurrently; and the time from "deploy command finished" to "verified" with the verification poll
// interval. The servers run in a child process (as real servers would), so their work does not queue
// behind the client's on one event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_VERIFY_INTERVAL_MS, probeEndpoint, verifyLiveVersion } from '../../src/environments/model';
import { writeDeployedVersion } from '../../tools/demo-environments';

const SERVERS = 10;
const LATENCY_MS = 50;
const RUNS = 9;
const LAUNCHER = resolve(__dirname, '..', '..', 'tools', 'demo-environments', 'launch.mjs');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function launch(dir: string, names: string[]): Promise<{ child: ChildProcess; endpoints: Record<string, string> }> {
  const child = spawn(process.execPath, [LAUNCHER, '--dir', dir, '--latency-ms', String(LATENCY_MS), ...names.map((n) => `${n}:0=1.0.0`)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoints: Record<string, string> = {};
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error('the demo environments did not start within 30 s')), 30_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (const line of buffered.split('\n')) {
        const match = /^([\w.-]+): (http:\/\/\S+)$/.exec(line.trim());
        if (match) endpoints[match[1]] = match[2];
        if (line.trim() === 'ready') {
          clearTimeout(timer);
          resolveReady();
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`the demo environments exited with ${code}`)));
  });
  return { child, endpoints };
}

export async function runEnvironmentsBenchmarks(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mcpv-env-bench-'));
  const names = Array.from({ length: SERVERS }, (_, i) => `env${i}`);
  const { child, endpoints } = await launch(dir, names);
  try {
    const urls = names.map((n) => endpoints[n]);
    const probe = async (url: string) => {
      const result = await probeEndpoint(url, { transport: 'streamable-http' });
      if (!result.ok) throw new Error(`probe of ${url} failed: ${result.error}`);
      return result;
    };
    await Promise.all(urls.map(probe)); // warm-up
    const single: number[] = [];
    const all: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      single.push(await timed(() => probe(urls[run % urls.length])));
      all.push(await timed(() => Promise.all(urls.map(probe))));
    }

    // The deploy command writes the new version and exits; verification starts right after.
    const immediate: number[] = [];
    // A rollout that completes 300 ms after the command exited: the next poll sees it.
    const late: number[] = [];
    for (let run = 0; run < 3; run++) {
      const version = `2.0.${run}`;
      writeDeployedVersion(dir, 'env0', version);
      immediate.push(await timed(() => verifyLiveVersion(() => probe(urls[0]), version, { timeoutMs: 10_000, intervalMs: DEFAULT_VERIFY_INTERVAL_MS })));
      const lateVersion = `3.0.${run}`;
      const rollout = setTimeout(() => writeDeployedVersion(dir, 'env1', lateVersion), 300);
      late.push(await timed(() => verifyLiveVersion(() => probe(urls[1]), lateVersion, { timeoutMs: 10_000, intervalMs: DEFAULT_VERIFY_INTERVAL_MS })));
      clearTimeout(rollout);
    }
    return {
      environments_refresh_ratio: median(all) / median(single),
      environments_refresh_all_ms: median(all),
      environments_probe_ms: median(single),
      deploy_verify_ms: median(immediate),
      deploy_verify_late_rollout_ms: median(late),
      deploy_verify_interval_ms: DEFAULT_VERIFY_INTERVAL_MS,
    };
  } finally {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}
