// Hostile registries: what the client does when a server redirects credentials elsewhere, never stops
// sending, drips, sends a huge HTML page, invalid UTF-8 or deeply nested JSON. Every server is on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { createTimestampSigner, generateKeyProofKeyPair, htmlToText, parseErrorBody, RegistryClient } from '../../../src/registry';
import { rejection } from './fixtures';
import { reply, startLoopback, type Loopback } from './loopback';

const emptyList = JSON.stringify({ servers: [], metadata: { count: 0 } });
const SECRET = 'ghp_badInputSecret0123456789';
const official = { status: 'active', publishedAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', isLatest: true };

describe('registry client against hostile servers', function () {
  this.timeout(20_000);
  const servers: Loopback[] = [];
  const start = async (handler: Parameters<typeof startLoopback>[0]) => {
    const server = await startLoopback(handler);
    servers.push(server);
    return server;
  };
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });

  describe('a redirect of a request that carries a credential is an error naming the other host', () => {
    const signer = createTimestampSigner('ed25519', generateKeyProofKeyPair('ed25519').privateKeyHex);
    const calls: [string, (c: RegistryClient) => Promise<unknown>][] = [
      ['POST /auth/github-at', (c) => c.exchangeGithubAccessToken(SECRET)],
      ['POST /auth/github-oidc', (c) => c.exchangeGithubOidc(SECRET)],
      ['POST /auth/dns', (c) => c.exchangeDns('example.com', signer)],
      ['POST /auth/http', (c) => c.exchangeHttp('example.com', signer)],
      ['POST /publish', (c) => c.publish({ name: 'io.github.a/b', version: '1.0.0' }, SECRET)],
      ['PATCH a version status', (c) => c.setVersionStatus('io.github.a/b', '1.0.0', { status: 'deprecated' }, SECRET)],
      ['PATCH all versions status', (c) => c.setAllVersionsStatus('io.github.a/b', { status: 'deprecated' }, SECRET)],
    ];
    for (const status of [307, 308]) {
      for (const [what, call] of calls) {
        it(`${what} answered ${status}: nothing reaches the other origin`, async () => {
          const bodies: string[] = [];
          const other = await start((req, res) => {
            let body = '';
            req.on('data', (c: Buffer) => (body += c.toString()));
            req.on('end', () => {
              bodies.push(body);
              reply(res, 200, 'application/json', JSON.stringify({ registry_token: 'x', expires_at: 1 }));
            });
          });
          const hostile = await start((_req, res) => {
            res.writeHead(status, { location: `${other.url}/steal` });
            res.end();
          });
          const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1' });
          const error = await rejection(call(client));
          assert.equal(error.kind, 'redirect');
          assert.ok(error.message.includes(new URL(other.url).host), error.message);
          assert.equal(other.requests.length, 0, 'the other origin received no request');
          assert.deepEqual(bodies, []);
          assert.equal(hostile.requests.length, 1, 'not retried');
        });
      }
    }

    it('a redirect of a plain GET within https is followed, but never from https to http', async () => {
      const seen: string[] = [];
      const fetch = async (url: string) => {
        seen.push(url);
        if (url.startsWith('https://reg.example/v0.1/servers')) return new Response(null, { status: 302, headers: { location: 'http://reg.example/v0.1/servers' } });
        return new Response(emptyList, { status: 200 });
      };
      const client = new RegistryClient('https://reg.example', { apiVersion: 'v0.1', fetch, maxAttempts: 1 });
      const error = await rejection(client.listServers());
      assert.equal(error.kind, 'redirect');
      assert.match(error.message, /from https to http:\/\/reg\.example/);
      assert.deepEqual(seen, ['https://reg.example/v0.1/servers']);
    });

    it('a credential is never sent over plain http to another computer', async () => {
      let fetched = 0;
      const fetch = async () => {
        fetched++;
        return new Response('{}', { status: 200 });
      };
      const client = new RegistryClient('http://registry.example.com', { apiVersion: 'v0.1', fetch });
      const error = await rejection(client.exchangeGithubAccessToken(SECRET));
      assert.equal(error.kind, 'insecure');
      assert.match(error.message, /registry\.example\.com uses http/);
      await rejection(client.publish({ name: 'a/b', version: '1' }, SECRET));
      assert.equal(fetched, 0);
    });
  });

  it('refuses an endless body at the byte cap and closes the connection', async () => {
    let sent = 0;
    let closed = false;
    const hostile = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"servers":[');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // Bounded: 256 MB at most, whatever the client does.
        while (!closed && sent < 256 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (closed = true));
      pump();
    });
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxBodyBytes: 1024 * 1024, maxAttempts: 1 });
    const error = await rejection(client.listServers());
    assert.equal(error.kind, 'too-large');
    assert.match(error.message, /larger than 1 MB/);
    await new Promise<void>((resolve) => (closed ? resolve() : setImmediate(function wait() { if (closed) resolve(); else setTimeout(wait, 10); })));
    assert.ok(sent < 64 * 1024 * 1024, `the server stopped after ${sent} bytes`);
  });

  it('refuses a declared Content-Length over the cap without reading it', async () => {
    const hostile = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(200 * 1024 * 1024) });
      res.write('{');
    });
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxBodyBytes: 1024 * 1024, maxAttempts: 1 });
    assert.equal((await rejection(client.listServers())).kind, 'too-large');
  });

  it('a slow drip ends with the timeout', async () => {
    let timer: NodeJS.Timeout | undefined;
    const hostile = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let drops = 0;
      timer = setInterval(() => (drops++ < 200 ? res.write(' ') : res.end('{}')), 20);
      res.on('close', () => clearInterval(timer));
    });
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', timeoutMs: 300, maxAttempts: 1 });
    const error = await rejection(client.listServers());
    clearInterval(timer);
    assert.equal(error.kind, 'timeout');
  });

  it('a huge HTML error page becomes its first line, cut at the error-body cap', async () => {
    const page = `<!doctype html><html><body><h1>502 Bad Gateway</h1>${'<p>filler</p>'.repeat(100_000)}</body></html>`;
    const hostile = await start((_req, res) => reply(res, 502, 'text/html', page));
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxAttempts: 1 });
    const error = await rejection(client.listServers());
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 502);
    assert.equal(error.detail, '502 Bad Gateway');
  });

  it('strips a 1 MB hostile HTML page in one pass', () => {
    // Each of these made the former regular expressions rescan the rest of the page for every '<'.
    for (const page of ['<html>' + '<a'.repeat(500_000), '<html>' + '<script>'.repeat(125_000), '<html>x' + '<'.repeat(1_000_000)]) {
      const started = performance.now();
      htmlToText(page);
      parseErrorBody('text/html', page);
      const ms = performance.now() - started;
      assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
    }
    assert.equal(htmlToText('<p>a<script>if (a < b) x()</script>b</p><style>p{}</style>c &amp; d'), '\na\nb\n\nc & d');
  });

  it('invalid UTF-8 in data is a parse error, not silently replaced', async () => {
    const body = Buffer.concat([Buffer.from('{"servers":[],"metadata":{"count":0,"nextCursor":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]);
    const hostile = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
      res.end(body);
    });
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxAttempts: 1 });
    const error = await rejection(client.listServers());
    assert.equal(error.kind, 'parse');
    assert.match(error.message, /not valid UTF-8/);
  });

  it('deeply nested JSON is refused before it is parsed', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const server = { name: 'io.github.a/b', version: '1.0.0', _meta: { x: JSON.parse(`${'['.repeat(80)}${']'.repeat(80)}`) as unknown } };
    const body = JSON.stringify({ servers: [{ server, _meta: { 'io.modelcontextprotocol.registry/official': official } }], metadata: { count: 1 } });
    const hostile = await start((req, res) => reply(res, req.url?.includes('search=deep') ? 200 : 400, 'application/json', req.url?.includes('search=deep') ? body : deep));
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxAttempts: 1 });
    const error = await rejection(client.listServers({ search: 'deep' }));
    assert.equal(error.kind, 'parse');
    assert.match(error.message, /deeper than 64 levels/);
    const refused = await rejection(client.listServers({ search: 'x' }));
    assert.equal(refused.status, 400, 'a deeply nested error body is still the HTTP error');
  });

  it('a string that looks like nesting does not count', async () => {
    const hostile = await start((_req, res) => reply(res, 200, 'application/json', JSON.stringify({ servers: [], metadata: { count: 0, nextCursor: '['.repeat(1000) + '\\"' } })));
    const client = new RegistryClient(hostile.url, { apiVersion: 'v0.1', maxAttempts: 1 });
    assert.equal((await client.listServers()).metadata.nextCursor, '['.repeat(1000) + '\\"');
  });
});
