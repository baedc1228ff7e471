// A local registry in its own Node process (so neither its work nor its memory is counted as the
// extension's), seeded as asked, with a latency fault on every request.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');

export interface RegistryProcess {
  url: string;
  process: ChildProcess;
}

export function startRegistryProcess(seed: 'none' | { servers: number; versionsPerServer: number }, latencyMs: number): Promise<RegistryProcess> {
  const script = `
    const { startLocalRegistry } = require(${JSON.stringify(resolve(repoRoot, 'out/tools/local-registry/index.js'))});
    startLocalRegistry({ seed: ${JSON.stringify(seed)}, sharedDir: ${JSON.stringify(resolve(repoRoot, '..', 'shared'))} }).then((r) => {
      r.faults.add({ kind: 'latency', ms: ${latencyMs} });
      console.log('URL ' + r.url);
    }, (e) => { console.error(e); process.exit(1); });`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('the registry process did not start in 10 minutes')), 600_000);
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = /URL (\S+)/.exec(buffer);
      if (match) {
        clearTimeout(timer);
        resolvePromise({ url: match[1], process: child });
      }
    });
    child.once('exit', (code) => reject(new Error(`the registry process (${process.execPath}) exited with ${code}: ${stderr}`)));
  });
}
