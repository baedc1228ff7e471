// Registry benchmarks: a `scale` registry (10 000 servers × 20 versions, persisted under .cache/bench-registry
// so later runs reuse it), measured over HTTP from a second Node process.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, startLocalRegistry } from './index';

function runClient(url: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(REPO_ROOT, 'tools', 'local-registry', 'bench-client.mjs'), url], { timeout: 150_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`bench client failed: ${err.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as Record<string, number>);
    });
  });
}

export async function runRegistryBenchmarks(): Promise<Record<string, number>> {
  const dataDir = path.join(REPO_ROOT, '.cache', 'bench-registry');
  const results: Record<string, number> = {};
  const seedStart = Date.now();
  const first = await startLocalRegistry({ dataDir, seed: 'scale' });
  results.registry_first_start_ms = Date.now() - seedStart;
  await first.close();

  const start = Date.now();
  const registry = await startLocalRegistry({ dataDir, seed: 'scale' });
  results.registry_startup_ms = Date.now() - start;
  try {
    Object.assign(results, await runClient(registry.url));
  } finally {
    await registry.close();
  }
  return results;
}

if (require.main === module) {
  runRegistryBenchmarks().then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
