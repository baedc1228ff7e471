// Registry client benchmark (plain Node): memory growth of this process while the client refuses an endless
// list body at its byte cap (10 MB by default). The hostile server runs in a child process, so only the
// client's own buffers count.
import { spawn } from 'node:child_process';
import { RegistryClient, RegistryError } from '../../src/registry';

const SERVER = `
const http = require('node:http');
const chunk = Buffer.alloc(64 * 1024, 0x20);
const server = http.createServer((req, res) => {
  if (req.url.includes('search=small')) return res.end('{"servers":[],"metadata":{"count":0}}');
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"servers":[');
  let sent = 0, closed = false;
  res.on('close', () => (closed = true));
  const pump = () => {
    while (!closed && sent < 1024 * 1024 * 1024) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    res.end();
  };
  pump();
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
setTimeout(() => process.exit(0), 120000).unref();
`;

const RUNS = 1;

export async function runClientBenchmarks(): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the hostile server did not start')), 10_000);
      child.stdout!.once('data', (b: Buffer) => {
        clearTimeout(timer);
        resolve(Number(b.toString().trim()));
      });
    });
    const client = new RegistryClient(`http://127.0.0.1:${port}`, { apiVersion: 'v0.1', maxAttempts: 1, timeoutMs: 60_000 });
    const growths: number[] = [];
    // A small answer first loads fetch (undici) and compiles the path. Then the first refusal is measured:
    // later ones reuse the heap the first one grew, and would show nothing.
    await client.listServers({ search: 'small' });
    for (let run = 0; run < RUNS; run++) {
      (globalThis as { gc?: () => void }).gc?.();
      const baseline = process.memoryUsage().rss;
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
      try {
        await client.listServers();
        throw new Error('the endless body was accepted');
      } catch (error) {
        if (!(error instanceof RegistryError && error.kind === 'too-large')) throw error;
      } finally {
        clearInterval(sampler);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      growths.push((peak - baseline) / (1024 * 1024));
      if (process.env.MCPV_BENCH_VERBOSE) console.log(`run ${run}: +${((peak - baseline) / (1024 * 1024)).toFixed(1)} MB`);
    }
    return { client_refuse_endless_body_mb: Math.max(...growths) };
  } finally {
    child.kill();
  }
}
