import * as assert from 'node:assert/strict';
import path from 'node:path';
import { officialMeta, RegistryClient, type ServerJSON } from '../../../src/registry';
import { RegistryState } from '../../../src/tree/registryState';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry';

const sharedDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared');
const ANON = 'io.modelcontextprotocol.anonymous';
const MINE = [{ action: 'publish', resource: `${ANON}/*` }];
const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

function serverJson(name: string, version: string): ServerJSON {
  return { $schema: SCHEMA, name, description: 'A test server', version };
}

describe('registry state of the tree (against the local registry)', function () {
  this.timeout(60_000);
  let reg: LocalRegistry;
  let client: RegistryClient;
  let requests: string[];
  let token: string;

  before(async () => {
    reg = await startLocalRegistry({ seed: { servers: 120, versionsPerServer: 2 }, sharedDir });
    requests = [];
    client = new RegistryClient(reg.url, { onRequest: (entry) => requests.push(`${entry.method} ${entry.path}`) });
    token = (await client.exchangeAnonymous()).token;
    for (const version of ['1.0.0', '1.1.0']) await client.publish(serverJson(`${ANON}/alpha`, version), token);
  });

  after(async () => {
    await reg?.close();
  });

  const newState = () => new RegistryState(reg.url, (call) => call(client), { pageSize: 50 });

  it('loads one page of latest rows, then appends pages until the registry has no more', async () => {
    const state = newState();
    await state.loadFirstPage(false, undefined);
    assert.equal(state.rows.length, 50);
    assert.ok(!state.complete);
    while (!state.complete) await state.loadMore();
    const names = state.rows.map((r) => r.name);
    assert.equal(names.length, 121, '120 synthetic servers and the anonymous one');
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(names, [...names].sort(), 'registry (name) order');
    for (const row of [state.rows[0], state.rows[60], state.rows.at(-1)!]) {
      const latest = (await client.getServerVersions(row.name)).find((r) => officialMeta(r).isLatest);
      assert.equal(row.version, latest?.server.version, `${row.name}: its latest version`);
    }
  });

  it('keeps of each listed server what its row, tooltip and picker show, not its whole server.json', async () => {
    const state = newState();
    await state.loadFirstPage(false, MINE);
    const latest = (await client.getServerVersions(`${ANON}/alpha`)).find((r) => officialMeta(r).isLatest)!;
    assert.deepEqual(state.mine![0], {
      name: `${ANON}/alpha`,
      version: latest.server.version,
      title: undefined,
      description: 'A test server',
      status: 'active',
      publishedAt: officialMeta(latest).publishedAt,
      kind: 'unknown',
      repositoryUrl: undefined,
      websiteUrl: undefined,
    });
  });

  it('finds "my" servers with a server-side search of the namespace the identity may publish to', async () => {
    const state = newState();
    requests.length = 0;
    await state.loadFirstPage(false, MINE);
    assert.deepEqual(state.mine?.map((r) => r.name), [`${ANON}/alpha`]);
    assert.ok(requests.some((r) => r.includes(`search=${encodeURIComponent(`${ANON}/`)}`)), requests.join('\n'));
    await state.loadFirstPage(false, undefined);
    assert.equal(state.mine, undefined, 'unknown identity: nothing pinned');
  });

  it('searches server-side and keeps the filter for further pages', async () => {
    const state = newState();
    state.search = 'server-0001';
    await state.loadFirstPage(false, undefined);
    assert.deepEqual(state.rows.map((r) => r.name), Array.from({ length: 10 }, (_, i) => `com.example.scale/server-0001${i}`));
    assert.ok(state.complete);
  });

  it('loads all versions of a server with one request and keeps them until asked again', async () => {
    const state = newState();
    await state.loadFirstPage(false, MINE);
    requests.length = 0;
    const versions = await state.loadVersions(`${ANON}/alpha`, false);
    assert.deepEqual(versions.map((v) => v.server.version).sort(), ['1.0.0', '1.1.0']);
    assert.equal(requests.length, 1);
    assert.ok(state.isVersionsFresh(`${ANON}/alpha`, 60_000, false));
    assert.ok(state.isVersionsFresh(`${ANON}/alpha`, 60_000, true), 'the store holds deleted versions too: showing them needs no request');
  });

  it('merges changes on sync: new versions, latest moved by a status change, new servers inside the loaded range', async () => {
    const state = newState();
    await state.loadFirstPage(false, MINE);
    await state.loadVersions(`${ANON}/alpha`, false);
    await client.publish(serverJson(`${ANON}/alpha`, '2.0.0'), token);
    await client.publish(serverJson(`${ANON}/beta`, '0.1.0'), token);
    let changed = await state.sync(false);
    assert.deepEqual(changed.sort(), [`${ANON}/alpha`, `${ANON}/beta`]);
    assert.equal(state.row(`${ANON}/alpha`)?.version, '2.0.0');
    assert.deepEqual(state.mine?.map((r) => r.name), [`${ANON}/alpha`, `${ANON}/beta`], 'a new server of mine is pinned too');

    await client.setVersionStatus(`${ANON}/alpha`, '2.0.0', { status: 'deleted', statusMessage: 'oops' }, token);
    requests.length = 0;
    changed = await state.sync(false);
    assert.deepEqual(changed, [`${ANON}/alpha`]);
    assert.equal(state.row(`${ANON}/alpha`)?.version, '1.1.0', 'latest moves back as the registry recomputes it');
    assert.deepEqual(state.versions(`${ANON}/alpha`, false)?.responses.map((r) => r.server.version).sort(), ['1.0.0', '1.1.0']);
    assert.equal(requests.filter((r) => r.includes('/versions')).length, 1, 'one /versions request per touched server');

    changed = await state.sync(false);
    assert.deepEqual(changed, [], 'nothing changed since');
  });

  it('adds a server published inside the loaded range of the list', async () => {
    const state = newState();
    await state.loadFirstPage(false, undefined);
    const name = 'com.example.scale/server-00010a';
    await client.publish(serverJson(name, '1.0.0'), reg.mintToken([{ action: 'publish', resource: '*' }]));
    assert.deepEqual(await state.sync(false), [name]);
    const names = state.rows.map((r) => r.name);
    assert.equal(names.indexOf(name), names.indexOf('com.example.scale/server-00010') + 1);
    const outside = 'com.example.scale/server-99999';
    await client.publish(serverJson(outside, '1.0.0'), reg.mintToken([{ action: 'publish', resource: '*' }]));
    assert.deepEqual(await state.sync(false), [], 'beyond the last loaded row: it arrives with Load more');
  });

  it('drops a server from the list when all its versions are deleted', async () => {
    await client.publish(serverJson(`${ANON}/gamma`, '1.0.0'), token);
    const state = newState();
    await state.loadFirstPage(false, MINE);
    assert.ok(state.row(`${ANON}/gamma`));
    await client.setAllVersionsStatus(`${ANON}/gamma`, { status: 'deleted' }, token);
    await state.loadVersions(`${ANON}/gamma`, false);
    assert.equal(state.row(`${ANON}/gamma`), undefined);
  });
});
