import assert from 'node:assert/strict';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { call, enc, official, type Entry } from './helpers';

interface ListBody {
  servers: Entry[];
  metadata: { count: number; nextCursor?: string };
}

describe('local registry: listing, paging and routing', () => {
  let reg: LocalRegistry;
  const list = async (query: string) => {
    const res = await call(reg.url, 'GET', `/v0.1/servers${query}`);
    assert.equal(res.status, 200, res.text);
    return res.json as ListBody;
  };

  before(async () => {
    // 4 servers × 3 versions: com.example.scale/server-0000{0..3}, versions 1.0.0, 1.1.0, 1.2.0
    reg = await startLocalRegistry({ seed: { servers: 4, versionsPerServer: 3 } });
    const admin = reg.mintToken([{ action: 'edit', resource: 'com.example.scale/*' }]);
    const del = await call(reg.url, 'PATCH', `/v0.1/servers/${enc('com.example.scale/server-00001')}/versions/1.2.0/status`, { body: { status: 'deleted' }, token: admin });
    assert.equal(del.status, 200);
  });
  after(async () => reg?.close());

  it('walks every row with the cursor, ordered by name then version string, ending with an empty page after a full one', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    const pages: number[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await list(`?limit=4${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      pages.push(page.metadata.count);
      seen.push(...page.servers.map((s) => `${s.server.name}:${s.server.version}`));
      cursor = page.metadata.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(pages, [4, 4, 3]);
    assert.equal(seen.length, 11, 'the deleted version is hidden');
    assert.deepEqual([...seen].sort(), seen);
    const withDeleted: string[] = [];
    cursor = undefined;
    const fullPages: number[] = [];
    for (let i = 0; i < 10; i++) {
      const page = await list(`?limit=4&include_deleted=true${cursor ? `&cursor=${enc(cursor)}` : ''}`);
      fullPages.push(page.metadata.count);
      withDeleted.push(...page.servers.map((s) => s.server.version));
      cursor = page.metadata.nextCursor;
      if (!cursor) break;
    }
    assert.deepEqual(fullPages, [4, 4, 4, 0]);
  });

  it('filters by version=latest, an exact version, and a case-insensitive name search', async () => {
    const latest = await list('?version=latest');
    assert.equal(latest.servers.length, 4);
    assert.ok(latest.servers.every((s) => official(s).isLatest));
    assert.deepEqual(latest.servers.map((s) => s.server.version), ['1.2.0', '1.1.0', '1.2.0', '1.2.0']);
    assert.equal((await list('?version=1.0.0')).servers.length, 4);
    const found = await list('?search=SERVER-00002');
    assert.deepEqual([...new Set(found.servers.map((s) => s.server.name))], ['com.example.scale/server-00002']);
    assert.equal((await list('?search=nothing-like-this')).servers.length, 0);
  });

  it('checks limit and updated_since like the official registry', async () => {
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers?limit=0')).status, 422);
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers?limit=101')).status, 422);
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers?updated_since=yesterday')).status, 400);
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers?updated_since=2025-01-01T00:00:00Z&include_deleted=false')).status, 400);
    const recent = await list(`?updated_since=${enc(new Date(Date.now() - 3_600_000).toISOString())}`);
    assert.deepEqual(recent.servers.map((s) => `${s.server.name}:${s.server.version}:${official(s).status}`), ['com.example.scale/server-00001:1.2.0:deleted']);
  });

  it('lists versions newest first and serves single versions, latest and 404s (also under /v0)', async () => {
    const name = enc('com.example.scale/server-00000');
    const versions = (await call(reg.url, 'GET', `/v0/servers/${name}/versions`)).json as ListBody;
    assert.deepEqual(versions.servers.map((s) => s.server.version), ['1.2.0', '1.1.0', '1.0.0']);
    assert.equal((await call(reg.url, 'GET', `/v0.1/servers/${enc('com.example.scale/server-00001')}/versions/1.2.0`)).status, 404);
    assert.equal((await call(reg.url, 'GET', `/v0.1/servers/${enc('com.example.scale/server-00001')}/versions/1.2.0?include_deleted=true`)).status, 200);
    const missing = await call(reg.url, 'GET', `/v0.1/servers/${enc('com.example/none')}/versions`);
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, { title: 'Not Found', status: 404, detail: 'Server not found' });
  });

  it('redirects trailing slashes, rejects %00, and hints at /v0.1 for unknown paths', async () => {
    const redirect = await call(reg.url, 'GET', '/v0.1/servers/?limit=1');
    assert.equal(redirect.status, 308);
    assert.equal(redirect.headers.get('location'), '/v0.1/servers?limit=1');
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers?search=%00')).status, 400);
    const unknown = await call(reg.url, 'GET', '/servers');
    assert.equal(unknown.status, 404);
    assert.equal(unknown.headers.get('content-type'), 'application/problem+json');
    assert.match((unknown.json as { detail: string }).detail, /\/v0\.1\/servers/);
    assert.deepEqual((await call(reg.url, 'GET', '/v0.1/ping')).json, { pong: true });
    const preflight = await call(reg.url, 'OPTIONS', '/v0.1/servers/x/status');
    assert.equal(preflight.status, 204);
    assert.doesNotMatch(preflight.headers.get('access-control-allow-methods') ?? '', /PATCH/, 'browser PATCH fails preflight, as upstream');
    assert.equal(((await call(reg.url, 'GET', '/v0/health')).json as { status: string }).status, 'ok');
  });

  it('imports another registry page by page with --seed-from, keeping statuses and latest versions', async () => {
    const copy = await startLocalRegistry({ seedFrom: `${reg.url}/v0.1/servers?include_deleted=true` });
    try {
      const original = await list('?version=latest&include_deleted=true');
      const res = await call(copy.url, 'GET', '/v0.1/servers?version=latest&include_deleted=true');
      const imported = res.json as ListBody;
      assert.deepEqual(imported.servers.map((s) => s.server), original.servers.map((s) => s.server));
      const deleted = await call(copy.url, 'GET', `/v0.1/servers/${enc('com.example.scale/server-00001')}/versions/1.2.0?include_deleted=true`);
      assert.equal(official(deleted.json).status, 'deleted');
    } finally {
      await copy.close();
    }
  });

  it('counts the requests it serves', async () => {
    const before = reg.requestCount();
    await call(reg.url, 'GET', '/v0.1/ping');
    await call(reg.url, 'GET', '/v0.1/ping');
    assert.equal(reg.requestCount() - before, 2);
  });
});
