import * as assert from 'node:assert/strict';
import { RegistryClient, type RequestLogEntry } from '../../../src/registry';
import { rejection } from './fixtures';
import { reply, startLoopback, type Loopback } from './loopback';

const emptyList = JSON.stringify({ servers: [], metadata: { count: 0 } });

describe('RegistryClient against a bare loopback server', () => {
  let server: Loopback | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('falls back to /v0 when /v0.1 answers 404, and remembers it', async () => {
    server = await startLoopback((req, res) => {
      if (req.url?.startsWith('/v0/servers')) reply(res, 200, 'application/json', emptyList);
      else reply(res, 404, 'application/problem+json', '{"title":"Not Found","status":404,"detail":"Endpoint not found"}');
    });
    const client = new RegistryClient(server.url);
    assert.equal(await client.apiVersion(), 'v0');
    await client.listServers({ version: 'latest' });
    await client.listServers({ search: 'x' });
    assert.deepEqual(
      server.requests.map((r) => r.url),
      ['/v0.1/servers?limit=1', '/v0/servers?limit=1', '/v0/servers?version=latest', '/v0/servers?search=x'],
    );
  });

  it('reports a registry that serves neither API version as not found', async () => {
    server = await startLoopback((_req, res) => reply(res, 404, 'text/plain', 'nothing here'));
    const error = await rejection(new RegistryClient(server.url).listServers());
    assert.equal(error.status, 404);
    assert.equal(error.detail, 'nothing here');
  });

  it('takes a base URL that already ends in /v0.1 without probing', async () => {
    server = await startLoopback((_req, res) => reply(res, 200, 'application/json', emptyList));
    const client = new RegistryClient(`${server.url}/v0.1/`);
    assert.equal(client.baseUrl, server.url);
    await client.listServers();
    assert.deepEqual(server.requests.map((r) => r.url), ['/v0.1/servers']);
  });

  it('turns an HTML gateway page into a one-line message with a retry-later hint', async () => {
    server = await startLoopback((_req, res) =>
      reply(res, 502, 'text/html', '<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'),
    );
    const client = new RegistryClient(server.url, { apiVersion: 'v0.1', maxAttempts: 2, retryBaseDelayMs: 1 });
    const error = await rejection(client.ping());
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 502);
    assert.equal(error.detail, '502 Bad Gateway');
    assert.match(error.hint!, /retry later/);
    assert.equal(server.requests.length, 2, 'a GET is retried on 5xx');
  });

  it('reads a plain-text error body', async () => {
    server = await startLoopback((_req, res) => reply(res, 400, 'text/plain; charset=utf-8', 'bad request: cursor is garbage\nmore'));
    const error = await rejection(new RegistryClient(server.url, { apiVersion: 'v0.1' }).listServers({ cursor: 'x' }));
    assert.equal(error.status, 400);
    assert.equal(error.detail, 'bad request: cursor is garbage');
    assert.match(error.message, /cursor is garbage/);
  });

  it('a 200 that is not an MCP registry answer is a parse error, not an undefined later', async () => {
    server = await startLoopback((_req, res) => reply(res, 200, 'text/html', '<!doctype html><h1>Welcome</h1>'));
    const error = await rejection(new RegistryClient(server.url, { apiVersion: 'v0.1' }).listServers());
    assert.equal(error.kind, 'parse');
    assert.match(error.hint!, /MCP Registry/);
  });

  it('stops paging when a broken registry repeats its cursor', async () => {
    server = await startLoopback((_req, res) =>
      reply(
        res,
        200,
        'application/json',
        JSON.stringify({
          servers: [
            {
              server: { name: 'a/b', description: 'd', version: '1.0.0' },
              _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', statusChangedAt: '2026-01-01T00:00:00Z', isLatest: true } },
            },
          ],
          metadata: { nextCursor: 'a/b:1.0.0', count: 1 },
        }),
      ),
    );
    const client = new RegistryClient(server.url, { apiVersion: 'v0.1' });
    let pages = 0;
    const error = await rejection(
      (async () => {
        for await (const _page of client.iterateServerPages({ limit: 1 })) pages++;
      })(),
    );
    assert.equal(error.kind, 'parse');
    assert.equal(pages, 2);
  });

  it('logs each attempt without tokens or headers', async () => {
    server = await startLoopback((_req, res) => reply(res, 401, 'application/problem+json', '{"detail":"Invalid or expired Registry JWT token"}'));
    const entries: RequestLogEntry[] = [];
    const client = new RegistryClient(server.url, { apiVersion: 'v0.1', onRequest: (e) => entries.push(e) });
    const error = await rejection(client.publish({ name: 'a/b', description: 'd', version: '1.0.0' }, 'secret-token-value'));
    assert.equal(error.status, 401);
    assert.match(error.hint!, /Sign in again/);
    assert.equal(server.requests[0].authorization, 'Bearer secret-token-value');
    assert.equal(entries.length, 1);
    assert.deepEqual(Object.keys(entries[0]).sort(), ['attempt', 'error', 'method', 'ms', 'path', 'status']);
    assert.equal(entries[0].path, '/v0.1/publish');
    assert.ok(!JSON.stringify(entries).includes('secret-token-value'));
    assert.ok(!error.message.includes('secret-token-value'));
  });
});
