// `npm run registry` as a developer runs it on a fresh clone: the data folder's parents may not exist, and a
// start-up failure is one line, not a stack trace.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../../scripts/registry.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the script until it prints "ready at" (then stops it with SIGTERM) or exits; at most 30 s. */
function runRegistry(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOCAL_REGISTRY_SECRET: '' } });
    let stdout = '';
    let stderr = '';
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/ready at/.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('local registry: npm run registry', function () {
  this.timeout(40_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'mcpv-registry-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a data folder whose parents do not exist, and prints the control secret', async () => {
    const data = path.join(dir, 'fresh', 'clone', '.cache', 'local-registry');
    const run = await runRegistry(['--port', '0', '--seed', 'none', '--data', data]);
    assert.match(run.stdout, /MCP registry ready at http:\/\/127\.0\.0\.1:\d+/, run.stderr);
    assert.match(run.stdout, /control secret \(header x-local-registry-secret, for \/_local\/\*\): [0-9a-f]{48}/);
    assert.ok(existsSync(data));
  });

  it('reports a port in use in one line, without a stack trace', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = await runRegistry(['--port', String(port), '--seed', 'none', '--data', path.join(dir, 'busy')]);
      assert.equal(run.code, 1);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, new RegExp(`port ${port} is already in use`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
