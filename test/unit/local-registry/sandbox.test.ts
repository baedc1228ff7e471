// Hostile requests against the local registry: it runs on developers' machines (demo, `npm run registry`),
// so a web page or a crafted request must not make it fetch URLs, answer other host names or take control commands.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { call, serverJson } from './helpers';

/** A raw request with a chosen Host header (fetch does not let the caller set Host). */
function rawRequest(url: string, opts: { method?: string; host: string; headers?: Record<string, string> }): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: opts.method ?? 'GET', headers: { ...opts.headers, host: opts.host }, timeout: 10_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

function nested(depth: number): string {
  return `{"$schema":"x","name":"a/b","description":"d","version":"1.0.0","deep":${'['.repeat(depth)}${']'.repeat(depth)}}`;
}

describe('local registry: hostile requests', () => {
  let reg: LocalRegistry;
  let schemaHost: Server;
  let schemaHostUrl: string;
  let schemaHostRequests = 0;

  before(async () => {
    reg = await startLocalRegistry({ seed: 'none' });
    schemaHost = createServer((_req, res) => {
      schemaHostRequests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object' }));
    });
    await new Promise<void>((resolve) => schemaHost.listen(0, '127.0.0.1', resolve));
    schemaHostUrl = `http://127.0.0.1:${(schemaHost.address() as AddressInfo).port}`;
  });
  after(async () => {
    await reg.close();
    await new Promise((resolve) => schemaHost.close(resolve));
  });

  describe('$schema', () => {
    it('never fetches a schema URL named in a request; an unknown version is an error', async () => {
      const doc = serverJson('io.modelcontextprotocol.anonymous/ssrf', '1.0.0', { $schema: `${schemaHostUrl}/schemas/2099-01-01/server.schema.json` });
      const res = await call(reg.url, 'POST', '/v0.1/validate', { body: doc });
      assert.equal(res.status, 200);
      const issues = (res.json as { valid: boolean; issues: { path: string; severity: string }[] }).issues;
      assert.ok(issues.some((i) => i.path === '$schema' && i.severity === 'error'), JSON.stringify(issues));
      assert.equal(schemaHostRequests, 0, 'the registry fetched the URL');
    });

    it('is not poisoned by a request: a known version named at another host still uses the shipped schema', async () => {
      // A hostile host would serve a permissive schema; the shipped 2025-12-11 one requires a description.
      const doc = serverJson('io.modelcontextprotocol.anonymous/poison', '1.0.0', { $schema: `${schemaHostUrl}/schemas/2099-02-02/server.schema.json` });
      await call(reg.url, 'POST', '/v0.1/validate', { body: doc });
      const again = serverJson('io.modelcontextprotocol.anonymous/poison', '1.0.0', { $schema: 'https://static.modelcontextprotocol.io/schemas/2099-02-02/server.schema.json' });
      const res = await call(reg.url, 'POST', '/v0.1/validate', { body: again });
      assert.equal((res.json as { valid: boolean }).valid, false);
      assert.equal(schemaHostRequests, 0);
    });
  });

  describe('Host header (DNS rebinding)', () => {
    for (const host of ['127.0.0.1', '127.0.0.1:8787', 'localhost', 'LOCALHOST:1234', '[::1]', '[::1]:80']) {
      it(`answers Host ${host}`, async () => {
        assert.equal((await rawRequest(`${reg.url}/v0.1/ping`, { host })).status, 200);
      });
    }
    for (const host of ['attacker.example', 'attacker.example:8787', '127.0.0.1.nip.io', 'localhost.attacker.example', '0.0.0.0']) {
      it(`refuses Host ${host} with problem+json`, async () => {
        const res = await rawRequest(`${reg.url}/v0.1/servers`, { host });
        assert.ok(res.status === 421 || res.status === 403, String(res.status));
        assert.match(res.type, /application\/problem\+json/);
      });
    }
    it('refuses another Host on the control routes too', async () => {
      const res = await rawRequest(`${reg.url}/_local/faults`, { host: 'attacker.example', headers: { 'x-local-registry-secret': reg.controlSecret } });
      assert.ok(res.status === 421 || res.status === 403, String(res.status));
    });
  });

  describe('/_local control routes', () => {
    it('refuses a request without the per-run secret', async () => {
      const res = await call(reg.url, 'POST', '/_local/faults', { body: { kind: 'status', status: 502, path: 'ping' } });
      assert.equal(res.status, 403);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal((await call(reg.url, 'GET', '/v0.1/ping')).status, 200, 'the rule was not installed');
    });

    it('refuses a wrong secret', async () => {
      const res = await call(reg.url, 'GET', '/_local/faults', { headers: { 'x-local-registry-secret': 'guess' } });
      assert.equal(res.status, 403);
    });

    it('refuses a bodiless cross-origin browser request (a form post or image)', async () => {
      const res = await call(reg.url, 'DELETE', '/_local/faults', { headers: { origin: 'https://attacker.example' } });
      assert.equal(res.status, 403);
      const form = await call(reg.url, 'POST', '/_local/faults', { rawBody: '', headers: { origin: 'null', 'content-type': 'text/plain' } });
      assert.equal(form.status, 403);
    });

    it('has a random secret per run', async () => {
      const other = await startLocalRegistry({ seed: 'none' });
      try {
        assert.match(reg.controlSecret, /^[0-9a-f]{32,}$/);
        assert.notEqual(other.controlSecret, reg.controlSecret);
      } finally {
        await other.close();
      }
    });
  });

  describe('CORS', () => {
    it('never allows every origin', async () => {
      const res = await call(reg.url, 'GET', '/v0.1/servers', { headers: { origin: 'https://attacker.example' } });
      assert.equal(res.headers.get('access-control-allow-origin'), null);
      const preflight = await call(reg.url, 'OPTIONS', '/v0.1/publish', { headers: { origin: 'https://attacker.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' } });
      assert.equal(preflight.headers.get('access-control-allow-origin'), null);
    });

    it('allows a loopback origin, and only that origin', async () => {
      const res = await call(reg.url, 'GET', '/v0.1/servers', { headers: { origin: 'http://localhost:5173' } });
      assert.equal(res.headers.get('access-control-allow-origin'), 'http://localhost:5173');
      assert.match(res.headers.get('vary') ?? '', /origin/i);
    });
  });

  describe('bodies', () => {
    it('answers deeply nested JSON with 400 problem+json', async () => {
      const res = await call(reg.url, 'POST', '/v0.1/validate', { rawBody: nested(100_000), headers: { 'content-type': 'application/json' } });
      assert.equal(res.status, 400);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.match(res.text, /nest/);
    });

    it('still accepts ordinary nesting, and brackets inside strings do not count', async () => {
      const doc = serverJson('io.modelcontextprotocol.anonymous/nesting', '1.0.0', { description: '[[[[{{{{'.repeat(20) });
      const res = await call(reg.url, 'POST', '/v0.1/validate', { rawBody: JSON.stringify(doc), headers: { 'content-type': 'application/json' } });
      assert.equal(res.status, 200);
    });

    it('refuses a body over the size limit with 413', async () => {
      const small = await startLocalRegistry({ seed: 'none', maxBodyBytes: 1024 });
      try {
        const res = await call(small.url, 'POST', '/v0.1/validate', { rawBody: JSON.stringify({ pad: 'x'.repeat(4096) }), headers: { 'content-type': 'application/json' } });
        assert.equal(res.status, 413);
      } finally {
        await small.close();
      }
    });
  });
});
