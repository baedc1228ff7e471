import * as assert from 'node:assert/strict';
import { RegistryError, type RegistryClient, type ServerResponse, type StatusChange } from '../../../src/registry';
import { RegistryStore, StatusWriteError, type StoreChange } from '../../../src/store/store';
import type { RegistryWriteRecord } from '../../../src/store/model';

const KEY = 'io.modelcontextprotocol.registry/official';
const URL_ = 'http://127.0.0.1:9';

function row(version: string, isLatest: boolean, status: 'active' | 'deprecated' | 'deleted' = 'active'): ServerResponse {
  const at = '2026-01-01T00:00:00Z';
  return { server: { name: 'io.example/x', description: 'd', version }, _meta: { [KEY]: { status, publishedAt: at, updatedAt: at, statusChangedAt: at, isLatest } } } as ServerResponse;
}

/** A registry in memory: counts reads and writes, answers like the real one. */
function fakeRegistry(rows: ServerResponse[]) {
  const calls: string[] = [];
  let release: (() => void) | undefined;
  const client = {
    async getServerVersions(name: string) {
      calls.push(`GET ${name}`);
      if (release) await new Promise<void>((resolve) => (release = resolve));
      return rows.map((r) => structuredClone(r));
    },
    async setVersionStatus(_name: string, version: string, change: StatusChange, token: string) {
      calls.push(`PATCH ${version} ${change.status} ${token}`);
      const found = rows.find((r) => r.server.version === version)!;
      return { ...found, _meta: { [KEY]: { ...found._meta[KEY], status: change.status } } } as ServerResponse;
    },
    async publish(body: Record<string, unknown>, token: string) {
      calls.push(`POST ${String(body.version)} ${token}`);
      return row(String(body.version), true);
    },
  };
  return { calls, client: client as unknown as RegistryClient, hold: () => (release = () => undefined), go: () => release?.() };
}

function newStore(registry: ReturnType<typeof fakeRegistry>, now = () => 1000) {
  const audit: RegistryWriteRecord[] = [];
  const changes: StoreChange[] = [];
  const store = new RegistryStore({ withClient: (_url, call) => call(registry.client) }, { staleMs: () => 60_000, now, who: () => 'github:ada', audit: (r) => audit.push(r) });
  store.onDidChange((change) => changes.push(change));
  return { store, audit, changes };
}

const authorize = <T>(send: (token: string) => Promise<T>) => send('jwt');

describe('registry data store', () => {
  it('answers from memory while fresh and shares one request between callers', async () => {
    const registry = fakeRegistry([row('1.0.0', true)]);
    let now = 1000;
    const { store } = newStore(registry, () => now);
    const [a, b] = await Promise.all([store.versions(URL_, 'io.example/x'), store.versions(URL_ + '/', 'io.example/x')]);
    assert.deepEqual(a, b);
    await store.versions(URL_, 'io.example/x');
    assert.deepEqual(registry.calls, ['GET io.example/x']);
    now += 60_001;
    await store.versions(URL_, 'io.example/x');
    await store.versions(URL_, 'io.example/x', { fresh: true });
    assert.equal(registry.calls.length, 3, 'stale, then forced fresh');
  });

  it('a status change updates the known versions from the answer, tells listeners and records who did what, without a read', async () => {
    const registry = fakeRegistry([row('2.0.0', true), row('1.0.0', false)]);
    const { store, audit, changes } = newStore(registry);
    await store.versions(URL_, 'io.example/x');
    changes.length = 0;
    await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated', statusMessage: 'use 3' }, authorize);
    assert.deepEqual(registry.calls, ['GET io.example/x', 'PATCH 2.0.0 deprecated jwt']);
    const answer = store.peek(URL_, 'io.example/x');
    assert.equal(answer?.kind, 'found');
    const after = answer?.kind === 'found' ? answer.responses : [];
    assert.equal(after.find((r) => r.server.version === '2.0.0')?._meta[KEY].status, 'deprecated');
    assert.deepEqual(changes, [{ registryUrl: URL_, serverName: 'io.example/x', cause: 'write' }]);
    assert.equal(audit.length, 1);
    assert.deepEqual({ ...audit[0], id: undefined, at: undefined }, { id: undefined, at: undefined, kind: 'status', registry: URL_, server: 'io.example/x', version: '2.0.0', from: 'active', to: 'deprecated', who: 'github:ada', result: 'ok', detail: 'use 3' });
  });

  it('a publish joins the known versions and moves latest; a failed write is recorded and rethrown', async () => {
    const registry = fakeRegistry([row('1.0.0', true)]);
    const { store, audit } = newStore(registry);
    await store.versions(URL_, 'io.example/x');
    await store.publish(URL_, { name: 'io.example/x', version: '1.1.0' }, authorize);
    const answer = store.peek(URL_, 'io.example/x');
    const rows = answer?.kind === 'found' ? answer.responses : [];
    assert.deepEqual(rows.map((r) => `${r.server.version}:${r._meta[KEY].isLatest}`), ['1.1.0:true', '1.0.0:false']);
    assert.equal(audit[0]?.from, '1.0.0');
    await assert.rejects(store.publish(URL_, { name: 'io.example/x', version: '1.2.0' }, () => Promise.reject(new Error('401 Unauthorized'))), /401/);
    assert.deepEqual(audit.map((r) => `${r.kind} ${r.version} ${r.result}`), ['publish 1.1.0 ok', 'publish 1.2.0 failed']);
  });

  it('a read that started before a write does not overwrite what the write said', async () => {
    const registry = fakeRegistry([row('2.0.0', true)]);
    const { store } = newStore(registry);
    await store.versions(URL_, 'io.example/x');
    registry.hold();
    const stale = store.versions(URL_, 'io.example/x', { fresh: true });
    await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deleted' }, authorize);
    registry.go();
    await stale;
    const answer = store.peek(URL_, 'io.example/x');
    assert.equal(answer?.kind === 'found' ? answer.responses[0]?._meta[KEY].status : undefined, 'deleted');
  });

  describe('a status change whose answer is lost', () => {
    const lost = () => new RegistryError({ kind: 'cut-off', method: 'PATCH', url: `${URL_}/v0.1/servers/x/versions/2.0.0/status`, status: 200, detail: 'the connection dropped' });

    /** A registry that makes (or not) the change, then loses the answer; the look-up answers `lookUp`. */
    function losing(rows: ServerResponse[], made: boolean, lookUp: 'answers' | 'fails' = 'answers') {
      const registry = fakeRegistry(rows);
      const client = registry.client as unknown as Record<string, unknown>;
      client.setVersionStatus = async (_name: string, version: string, change: StatusChange) => {
        registry.calls.push(`PATCH ${version} ${change.status}`);
        if (made) {
          const found = rows.find((r) => r.server.version === version)!;
          found._meta[KEY] = { ...found._meta[KEY], status: change.status };
        }
        throw lost();
      };
      client.getServerVersion = async (_name: string, version: string) => {
        registry.calls.push(`GET ${version}`);
        if (lookUp === 'fails') throw new RegistryError({ kind: 'http', method: 'GET', url: URL_, status: 503 });
        return structuredClone(rows.find((r) => r.server.version === version)!);
      };
      return registry;
    }

    it('made by the registry: a success found by one look-up, in the store and the audit trail, never a second PATCH', async () => {
      const registry = losing([row('2.0.0', true), row('1.0.0', false)], true);
      const { store, audit, changes } = newStore(registry);
      await store.versions(URL_, 'io.example/x');
      changes.length = 0;
      const written = await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated' }, authorize);
      assert.equal(written.recovered, true);
      assert.deepEqual(registry.calls, ['GET io.example/x', 'PATCH 2.0.0 deprecated', 'GET 2.0.0']);
      const answer = store.peek(URL_, 'io.example/x');
      assert.equal(answer?.kind === 'found' ? answer.responses.find((r) => r.server.version === '2.0.0')?._meta[KEY].status : undefined, 'deprecated');
      assert.deepEqual(changes.map((c) => c.cause), ['write']);
      assert.equal(audit[0]?.result, 'ok');
      assert.match(audit[0]?.detail ?? '', /recovered/);
    });

    it('all versions, made by the registry: the look-up reads every version once', async () => {
      const rows = [row('2.0.0', true), row('1.0.0', false)];
      const registry = fakeRegistry(rows);
      (registry.client as unknown as Record<string, unknown>).setAllVersionsStatus = async (_name: string, change: StatusChange) => {
        registry.calls.push(`PATCH all ${change.status}`);
        for (const r of rows) r._meta[KEY] = { ...r._meta[KEY], status: change.status };
        throw lost();
      };
      const { store } = newStore(registry);
      const written = await store.setStatus(URL_, 'io.example/x', undefined, { status: 'deprecated' }, authorize);
      assert.equal(written.recovered, true);
      assert.deepEqual(registry.calls, ['PATCH all deprecated', 'GET io.example/x']);
      assert.deepEqual(written.rows.map((r) => r._meta[KEY].status), ['deprecated', 'deprecated']);
    });

    it('not made: fails as not-made with the status the registry still shows', async () => {
      const registry = losing([row('2.0.0', true), row('1.0.0', false)], false);
      const { store, audit } = newStore(registry);
      await store.versions(URL_, 'io.example/x');
      const error = await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deleted' }, authorize).then(
        () => assert.fail('expected a failure'),
        (e: unknown) => e as StatusWriteError,
      );
      assert.ok(error instanceof StatusWriteError);
      assert.equal(error.outcome, 'not-made');
      assert.equal(error.current?._meta[KEY].status, 'active');
      assert.equal(audit[0]?.result, 'failed');
      assert.match(audit[0]?.detail ?? '', /did not make the change/);
    });

    it('the look-up fails too: unknown, recorded as failed with that said', async () => {
      const registry = losing([row('2.0.0', true)], true, 'fails');
      const { store, audit } = newStore(registry);
      const error = await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated' }, authorize).then(() => assert.fail("expected a failure"), (e: unknown) => e as StatusWriteError);
      assert.equal(error.outcome, 'unknown');
      assert.match(audit[0]?.detail ?? '', /not known/);
    });

    it('"No changes to apply" with the status already set: a success that says so, not a recovery', async () => {
      const registry = losing([row('2.0.0', true, 'deprecated')], false);
      (registry.client as unknown as Record<string, unknown>).setVersionStatus = async () => {
        throw new RegistryError({ kind: 'http', method: 'PATCH', url: URL_, status: 400, detail: 'No changes to apply: status is already deprecated' });
      };
      const { store, audit } = newStore(registry);
      const written = await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated' }, authorize);
      assert.deepEqual([written.recovered, written.already], [false, true]);
      assert.match(audit[0]?.detail ?? '', /already had this status/);
    });

    it('a refusal (403) is not looked up', async () => {
      const registry = fakeRegistry([row('2.0.0', true)]);
      const refusing = (() => Promise.reject(new RegistryError({ kind: 'http', method: 'PATCH', url: URL_, status: 403, detail: 'You do not have publish or edit permissions for this server' }))) as typeof authorize;
      const { store } = newStore(registry);
      const error = await store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated' }, refusing).then(() => assert.fail("expected a failure"), (e: unknown) => e as StatusWriteError);
      assert.equal(error.outcome, 'refused');
      assert.deepEqual(registry.calls, []);
      const cancelled = new Error('Cancelled');
      await assert.rejects(store.setStatus(URL_, 'io.example/x', '2.0.0', { status: 'deprecated' }, () => Promise.reject(cancelled)), (e: unknown) => e === cancelled, 'a sign-in that was cancelled is not a registry failure');
    });
  });
});
