import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../../tools/local-registry';
import { RegistryClient, jwtPermissions, officialMeta, type ServerResponse } from '../../../src/registry';
import { ANON, countingFetch, rejection, serverJson, sharedRegistry } from './fixtures';

describe('RegistryClient against the local registry', function () {
  let reg: LocalRegistry;
  let client: RegistryClient;
  let token: string;

  before(async () => {
    reg = await sharedRegistry();
    client = new RegistryClient(reg.url);
    token = (await client.exchangeAnonymous()).token;
  });

  it('probes /v0.1 once and answers health, ping and version', async () => {
    const counted = countingFetch();
    const fresh = new RegistryClient(reg.url, { fetch: counted.fetch });
    assert.equal(await fresh.apiVersion(), 'v0.1');
    assert.equal((await fresh.health()).status, 'ok');
    assert.equal(await fresh.ping(), true);
    assert.equal(typeof (await fresh.serverVersion()).version, 'string');
    assert.deepEqual(
      counted.calls.map((c) => c.path),
      ['/v0.1/servers?limit=1', '/v0.1/health', '/v0.1/ping', '/v0.1/version'],
    );
  });

  it('anonymous sign-in grants publish and edit on the anonymous namespace until expiresAt', async () => {
    const anonymous = await client.exchangeAnonymous();
    assert.deepEqual(jwtPermissions(anonymous.token), [
      { action: 'publish', resource: `${ANON}/*` },
      { action: 'edit', resource: `${ANON}/*` },
    ]);
    assert.ok(anonymous.expiresAt.getTime() > Date.now());
  });

  it('publishes, then reads the version, the latest and the version list', async () => {
    const published = await client.publish(serverJson('weather', '1.0.0'), token);
    assert.equal(published.server.version, '1.0.0');
    assert.equal(officialMeta(published).status, 'active');
    assert.equal(officialMeta(published).isLatest, true);
    await client.publish(serverJson('weather', '1.1.0', { description: 'Now with rain' }), token);

    const latest = await client.getServerVersion(`${ANON}/weather`, 'latest');
    assert.equal(latest.server.version, '1.1.0');
    assert.equal(latest.server.description, 'Now with rain');
    const old = await client.getServerVersion(`${ANON}/weather`, '1.0.0');
    assert.equal(officialMeta(old).isLatest, false);
    const versions = await client.getServerVersions(`${ANON}/weather`);
    assert.deepEqual(versions.map((v) => v.server.version).sort(), ['1.0.0', '1.1.0']);
  });

  it('URL-encodes names and versions with "+" and unicode', async () => {
    const counted = countingFetch();
    const encoded = new RegistryClient(reg.url, { fetch: counted.fetch, apiVersion: 'v0.1' });
    await encoded.publish(serverJson('enc', '1.0.0+build.7'), token);
    await encoded.publish(serverJson('enc', '2.0.0-grüße'), token);
    assert.equal((await encoded.getServerVersion(`${ANON}/enc`, '1.0.0+build.7')).server.version, '1.0.0+build.7');
    assert.equal((await encoded.getServerVersion(`${ANON}/enc`, '2.0.0-grüße')).server.version, '2.0.0-grüße');
    const paths = counted.calls.filter((c) => c.method === 'GET').map((c) => c.path);
    assert.deepEqual(paths, [
      '/v0.1/servers/io.modelcontextprotocol.anonymous%2Fenc/versions/1.0.0%2Bbuild.7',
      '/v0.1/servers/io.modelcontextprotocol.anonymous%2Fenc/versions/2.0.0-gr%C3%BC%C3%9Fe',
    ]);
  });

  it('deprecates one version with a message and restores it', async () => {
    await client.publish(serverJson('status-one', '1.0.0'), token);
    const deprecated = await client.setVersionStatus(`${ANON}/status-one`, '1.0.0', { status: 'deprecated', statusMessage: 'Use 2.x' }, token);
    assert.equal(officialMeta(deprecated).status, 'deprecated');
    assert.equal(officialMeta(deprecated).statusMessage, 'Use 2.x');
    const restored = await client.setVersionStatus(`${ANON}/status-one`, '1.0.0', { status: 'active' }, token);
    assert.equal(officialMeta(restored).status, 'active');
    assert.equal(officialMeta(restored).statusMessage, undefined);
  });

  it('deletes all versions at once; deleted versions are hidden unless includeDeleted', async () => {
    await client.publish(serverJson('status-all', '1.0.0'), token);
    await client.publish(serverJson('status-all', '1.0.1'), token);
    const result = await client.setAllVersionsStatus(`${ANON}/status-all`, { status: 'deleted', statusMessage: 'spam' }, token);
    assert.equal(result.updatedCount, 2);
    assert.deepEqual(result.servers.map((s) => officialMeta(s).status), ['deleted', 'deleted']);

    const hidden = await rejection(client.getServerVersion(`${ANON}/status-all`, '1.0.0'));
    assert.equal(hidden.status, 404);
    const shown = await client.getServerVersion(`${ANON}/status-all`, '1.0.0', { includeDeleted: true });
    assert.equal(officialMeta(shown).status, 'deleted');
    assert.equal((await client.getServerVersions(`${ANON}/status-all`, { includeDeleted: true })).length, 2);
    const listed = await client.listServers({ search: 'status-all', includeDeleted: true });
    assert.equal(listed.servers.length, 2);
    assert.equal((await client.listServers({ search: 'status-all' })).servers.length, 0);
  });

  it('lists with search, version=latest and updatedSince', async () => {
    const before = new Date(Date.now() - 1000);
    await client.publish(serverJson('list-a', '1.0.0'), token);
    await client.publish(serverJson('list-a', '2.0.0'), token);
    const latestOnly = await client.listServers({ search: 'list-a', version: 'latest' });
    assert.deepEqual(latestOnly.servers.map((s) => s.server.version), ['2.0.0']);
    const all = await client.listServers({ search: 'list-a' });
    assert.equal(all.servers.length, 2);
    const since = await client.listServers({ search: 'list-a', updatedSince: before });
    assert.equal(since.servers.length, 2);
    const future = await client.listServers({ search: 'list-a', updatedSince: new Date(Date.now() + 60_000) });
    assert.equal(future.servers.length, 0);
  });

  it('validates: a valid document, a semantic problem, and a body the registry refuses with 422', async () => {
    assert.deepEqual(await client.validate(serverJson('valid', '1.0.0')), { valid: true, issues: [] });
    const reserved = await client.validate(serverJson('valid', 'latest'));
    assert.equal(reserved.valid, false);
    assert.ok(reserved.issues.some((i) => i.severity === 'error' && /latest/i.test(i.message + (i.reference ?? ''))), JSON.stringify(reserved));
    const tooLong = await client.validate(serverJson('valid', '1.0.0', { description: 'x'.repeat(101) }));
    assert.equal(tooLong.valid, false);
    assert.ok(tooLong.issues.some((i) => i.path.includes('description')), JSON.stringify(tooLong));
  });

  describe('pages through many servers', () => {
    before(async () => {
      for (let i = 0; i < 12; i++) await client.publish(serverJson(`page-${String(i).padStart(2, '0')}`, '1.0.0'), token);
    });

    it('follows nextCursor to the end, including the empty page after a full last page', async () => {
      const counted = countingFetch();
      const paging = new RegistryClient(reg.url, { fetch: counted.fetch, apiVersion: 'v0.1' });
      const names: string[] = [];
      const pageSizes: number[] = [];
      for await (const page of paging.iterateServerPages({ search: 'page-', limit: 4 })) {
        pageSizes.push(page.servers.length);
        names.push(...page.servers.map((s) => s.server.name));
      }
      assert.deepEqual(pageSizes, [4, 4, 4]);
      assert.deepEqual(names, Array.from({ length: 12 }, (_, i) => `${ANON}/page-${String(i).padStart(2, '0')}`));
      assert.equal(counted.calls.length, 4, 'three full pages and the empty one that ends the list');
    });

    it('iterateServers yields every server once when the last page is partial', async () => {
      const seen: ServerResponse[] = [];
      for await (const server of client.iterateServers({ search: 'page-', limit: 5 })) seen.push(server);
      assert.equal(seen.length, 12);
      assert.equal(new Set(seen.map((s) => s.server.name)).size, 12);
    });
  });
});
