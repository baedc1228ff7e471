import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_SHARED_DIR, startLocalRegistry } from '../../../tools/local-registry/index';
import { generateHistory } from '../../../tools/local-registry/seed';
import { ANON, anonymousToken, call, enc, official, serverJson, type Entry } from './helpers';

describe('local registry: real seed and persistence across restarts', () => {
  let dataDir: string;
  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'local-registry-'));
  });
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the 358 real servers with generated histories, keeps data after a restart, and does not re-seed', async function () {
    this.timeout(120_000); // two PGlite starts and a 2 342-row seed; slow only on a loaded machine
    const realNames = (JSON.parse(readFileSync(path.join(DEFAULT_SHARED_DIR, 'mcp-registry', 'seed-2025-09-21.json'), 'utf8')) as { name: string }[]).map((s) => s.name);
    const first = await startLocalRegistry({ dataDir, seed: 'real' });
    let totalRows: number;
    try {
      const names: string[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < 10 && (i === 0 || cursor); i++) {
        const page = (await call(first.url, 'GET', `/v0.1/servers?version=latest&limit=100${cursor ? `&cursor=${enc(cursor)}` : ''}`)).json as { servers: Entry[]; metadata: { nextCursor?: string } };
        names.push(...page.servers.map((s) => s.server.name));
        cursor = page.metadata.nextCursor;
      }
      assert.deepEqual(names, [...new Set(realNames)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      const all = (await call(first.url, 'GET', '/v0.1/servers?updated_since=2000-01-01T00:00:00Z&limit=100')).json as { servers: Entry[] };
      const statuses = new Set(all.servers.map((s) => official(s).status));
      assert.ok(statuses.has('active'));
      const history = (await call(first.url, 'GET', `/v0.1/servers/${enc(realNames[0])}/versions?include_deleted=true`)).json as { servers: Entry[] };
      assert.ok(history.servers.length >= 2, 'a generated history');
      totalRows = await countRows(first.url);
      const token = await anonymousToken(first.url);
      assert.equal((await call(first.url, 'POST', '/v0.1/publish', { body: serverJson(`${ANON}/kept`, '1.0.0'), token })).status, 200);
    } finally {
      await first.close();
    }
    const second = await startLocalRegistry({ dataDir, seed: 'real', anonymousAuth: false });
    try {
      assert.equal((await call(second.url, 'POST', '/v0.1/auth/none')).status, 404, 'anonymous auth can be switched off');
      assert.equal((await call(second.url, 'GET', `/v0.1/servers/${enc(`${ANON}/kept`)}/versions/latest`)).status, 200);
      assert.equal(await countRows(second.url), totalRows + 1, 'not seeded twice');
    } finally {
      await second.close();
    }
  });

  it('generates deterministic histories with prereleases, deprecated/deleted versions and non-semver versions', () => {
    const seed = JSON.parse(readFileSync(path.join(DEFAULT_SHARED_DIR, 'mcp-registry', 'seed-2025-09-21.json'), 'utf8')) as Record<string, unknown>[];
    const rows = seed.flatMap((e) => generateHistory(e));
    assert.deepEqual(seed.flatMap((e) => generateHistory(e)), rows, 'same input, same history');
    assert.ok(rows.some((r) => /-(beta|rc)\.\d+$/.test(r.version)));
    assert.ok(rows.some((r) => /^\d{4}[.-]\d{2}[.-]\d{2}$/.test(r.version)));
    assert.ok(rows.some((r) => r.status === 'deprecated' && r.statusMessage));
    assert.ok(rows.some((r) => r.status === 'deleted'));
    for (const name of new Set(rows.map((r) => r.name))) {
      assert.equal(rows.filter((r) => r.name === name && r.isLatest).length, 1, name);
    }
    assert.ok(rows.every((r) => !('status' in r.value) && !JSON.stringify(r.value).includes('io.modelcontextprotocol.registry/official')));
  });
});

async function countRows(url: string): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  for (let i = 0; i < 100 && (i === 0 || cursor); i++) {
    const page = (await call(url, 'GET', `/v0.1/servers?include_deleted=true&limit=100${cursor ? `&cursor=${enc(cursor)}` : ''}`)).json as { servers: unknown[]; metadata: { nextCursor?: string } };
    count += page.servers.length;
    cursor = page.metadata.nextCursor;
  }
  return count;
}
