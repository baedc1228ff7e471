import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { probeEndpoint } from '../../../src/environments/model';
import { startDemoEnvironments, writeDeployedVersion, type DemoEnvironments } from '../../../tools/demo-environments';

describe('probing an MCP endpoint for its live version', () => {
  let dir: string;
  let demo: DemoEnvironments;
  const raw: Server[] = [];

  async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
    const server = createServer(handler);
    raw.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mcpv-probe-'));
    demo = await startDemoEnvironments({
      dir,
      environments: [
        { name: 'staging', initialVersion: '1.2.0' },
        { name: 'secured', initialVersion: '2.0.0', requiredHeaders: { authorization: 'Bearer s3cret-token' } },
      ],
    });
  });

  after(async () => {
    await demo.close();
    for (const s of raw) {
      s.closeAllConnections();
      await new Promise((r) => s.close(r));
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads serverInfo.version from the initialize handshake', async () => {
    const result = await probeEndpoint(demo.endpoints.staging);
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.version, '1.2.0');
    assert.equal(result.serverName, 'io.github.example/weather');
    assert.equal(result.transport, 'streamable-http');
  });

  it('sees a new version once the deploy wrote it', async () => {
    writeDeployedVersion(dir, 'staging', '1.3.0');
    const result = await probeEndpoint(demo.endpoints.staging);
    assert.equal(result.ok && result.version, '1.3.0');
  });

  it('sends the configured headers and never echoes their values in errors', async () => {
    const denied = await probeEndpoint(demo.endpoints.secured, { headers: { Authorization: 'Bearer wrong-value' } });
    assert.equal(denied.ok, false);
    assert.ok(!JSON.stringify(denied).includes('wrong-value'));
    const allowed = await probeEndpoint(demo.endpoints.secured, { headers: { Authorization: 'Bearer s3cret-token' } });
    assert.equal(allowed.ok && allowed.version, '2.0.0');
  });

  it('reports an endpoint that refuses connections as unreachable', async () => {
    const url = await rawServer(() => undefined);
    const server = raw.pop()!;
    await new Promise((r) => server.close(r));
    const result = await probeEndpoint(url, { timeoutMs: 3000 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /ECONNREFUSED/);
  });

  it('gives up on an endpoint that never answers within the timeout', async () => {
    const url = await rawServer(() => undefined);
    const result = await probeEndpoint(url, { timeoutMs: 300 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /300 ms/);
  });

  it('reports garbage answers as a short error instead of throwing', async () => {
    const url = await rawServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"this is": not json' + 'x'.repeat(5000)));
    const result = await probeEndpoint(url, { timeoutMs: 2000 });
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.length <= 200);
  });

  it('falls back to the legacy SSE transport when the POST is refused with 4xx', async () => {
    const url = await rawServer((req, res) => {
      if (req.method === 'POST' && !req.url?.includes('session')) return void res.writeHead(405).end();
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.write(`event: endpoint\ndata: /mcp?session=1\n\n`);
        legacyStream = res;
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        res.writeHead(202).end();
        const message = JSON.parse(body) as { id?: number; method: string };
        if (message.method === 'initialize') {
          const answer = { jsonrpc: '2.0', id: message.id, result: { protocolVersion: '2024-11-05', capabilities: {}, serverInfo: { name: 'legacy', version: '0.5.1' } } };
          legacyStream?.write(`event: message\ndata: ${JSON.stringify(answer)}\n\n`);
        }
      });
    });
    let legacyStream: import('node:http').ServerResponse | undefined;
    const result = await probeEndpoint(url, { timeoutMs: 3000 });
    legacyStream?.end();
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.transport, 'sse');
    assert.equal(result.version, '0.5.1');
  });

  it('cuts off an endpoint that answers the handshake with an endless body', async () => {
    let sent = 0;
    let closed = false;
    const endpoint = await rawServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => (closed = true));
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (!closed && sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const result = await probeEndpoint(endpoint, { timeoutMs: 10_000, transport: 'streamable-http' });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', /more than 1024 KB/);
    assert.ok(sent < 64 * 1024 * 1024, `stopped after ${sent} bytes`);
  });

  it('does not follow a redirect to another origin with the secret headers', async () => {
    const seen: (string | undefined)[] = [];
    const other = await rawServer((req, res) => {
      seen.push(req.headers['x-api-key'] as string | undefined);
      res.writeHead(404);
      res.end();
    });
    const endpoint = await rawServer((_req, res) => {
      res.writeHead(307, { location: other });
      res.end();
    });
    const result = await probeEndpoint(endpoint, { headers: { 'X-Api-Key': 'k3y-never-elsewhere' }, timeoutMs: 5_000 });
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.error : '', new RegExp(`redirected to ${new URL(other).origin}`));
    assert.deepEqual(seen, [], 'the other origin received nothing');
  });
});
