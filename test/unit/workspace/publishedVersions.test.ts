import * as assert from 'node:assert/strict';
import { RegistryError, type ServerResponse } from '../../../src/registry';
import { RegistryStore } from '../../../src/store/store';
import { PublishedVersionsCache, type VersionSource } from '../../../src/workspace/publishedVersions';

function response(version: string, status: 'active' | 'deleted', isLatest: boolean): ServerResponse {
  return {
    server: { name: 'io.github.a/b', description: 'd', version },
    _meta: { 'io.modelcontextprotocol.registry/official': { status, isLatest, publishedAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', statusChangedAt: '2026-01-01T00:00:00Z' } },
  };
}

type FakeSource = VersionSource & { calls: { name: string; includeDeleted?: boolean }[]; store: RegistryStore };

/** A registry answering `answer` to every version list, behind a store (as in the extension). */
function fakeSource(answer: () => Promise<ServerResponse[]>): FakeSource {
  const calls: { name: string; includeDeleted?: boolean }[] = [];
  const client = { getServerVersions: (name: string, options: { includeDeleted?: boolean }) => (calls.push({ name, includeDeleted: options.includeDeleted }), answer()) };
  const store = new RegistryStore({ withClient: (_url, call) => call(client as never) }, { staleMs: () => 60_000 });
  return { baseUrl: 'http://127.0.0.1:1', calls, store };
}

describe('workspace published versions cache', () => {
  it('asks once per server, including deleted versions, and maps the rows', async () => {
    const source = fakeSource(async () => [response('1.1.0', 'active', true), response('1.0.0', 'deleted', false)]);
    const cache = new PublishedVersionsCache(source.store);
    const [first, second] = await Promise.all([cache.lookup(source, 'io.github.a/b'), cache.lookup(source, 'io.github.a/b')]);
    assert.deepEqual(source.calls, [{ name: 'io.github.a/b', includeDeleted: true }]);
    assert.deepEqual(first, second);
    assert.deepEqual(first, { kind: 'found', rows: [
      { version: '1.1.0', status: 'active', publishedAt: '2026-01-01T00:00:00Z', isLatest: true },
      { version: '1.0.0', status: 'deleted', publishedAt: '2026-01-01T00:00:00Z', isLatest: false },
    ] });
    assert.deepEqual(cache.settled(source, 'io.github.a/b'), first);
  });

  it('treats a 404 as a server that is not published', async () => {
    const source = fakeSource(async () => {
      throw new RegistryError({ kind: 'http', method: 'GET', url: 'http://127.0.0.1:1/v0.1/servers/x/versions', status: 404, detail: 'Server not found' });
    });
    assert.deepEqual(await new PublishedVersionsCache(source.store).lookup(source, 'x'), { kind: 'not-found' });
  });

  it('reports an unreachable registry without throwing and logs it', async () => {
    const logged: string[] = [];
    const source = fakeSource(async () => {
      throw new RegistryError({ kind: 'network', method: 'GET', url: 'http://127.0.0.1:1/v0.1/servers/x/versions', detail: 'ECONNREFUSED' });
    });
    const lookup = await new PublishedVersionsCache(source.store, (line) => logged.push(line)).lookup(source, 'x');
    assert.equal(lookup.kind, 'unreachable');
    assert.equal(logged.length, 1);
    assert.match(logged[0]!, /could not read the versions of x/);
  });

  it('asks again after clear() and tells its listeners', async () => {
    const source = fakeSource(async () => [response('1.0.0', 'active', true)]);
    const cache = new PublishedVersionsCache(source.store);
    let cleared = 0;
    cache.onDidClear(() => cleared++);
    await cache.lookup(source, 'a');
    cache.clear();
    assert.equal(cache.settled(source, 'a'), undefined);
    await cache.lookup(source, 'a');
    assert.equal(source.calls.length, 2);
    assert.equal(cleared, 1);
  });
});
