import * as assert from 'node:assert/strict';
import type { ServerResponse } from '../../../src/registry';
import { publishConfirmation, type ConfirmationInput } from '../../../src/publish/model/confirmation';

const KEY = 'io.modelcontextprotocol.registry/official';

function row(version: string, isLatest: boolean, status: 'active' | 'deprecated' | 'deleted' = 'active'): ServerResponse {
  const at = '2026-01-01T00:00:00Z';
  return { server: { name: 'io.example/x', description: 'd', version }, _meta: { [KEY]: { status, publishedAt: at, updatedAt: at, statusChangedAt: at, isLatest } } } as ServerResponse;
}

const base: ConfirmationInput = {
  registry: { name: 'Local', url: 'http://127.0.0.1:1' },
  serverName: 'io.example/x',
  version: '1.2.0',
  existing: [],
  ownership: [],
  now: '2026-02-01T00:00:00Z',
};

describe('publish confirmation (pure planning of what the modal says)', () => {
  it('names the server, version and registry, and says a first version becomes latest', () => {
    const c = publishConfirmation(base);
    assert.equal(c.message, 'Publish io.example/x@1.2.0 to Local?');
    assert.equal(c.action, 'Publish');
    assert.ok(c.becomesLatest);
    assert.match(c.detail, /^Registry: Local \(http:\/\/127\.0\.0\.1:1\)\nIt will become the latest version\.\n/);
    assert.match(c.detail, /This cannot be undone/);
  });

  it('says which version it replaces as latest, or which one stays latest (deprecated rows count)', () => {
    assert.match(publishConfirmation({ ...base, existing: [row('1.1.0', true)] }).detail, /It will become the latest version \(instead of 1\.1\.0\)\./);
    const below = publishConfirmation({ ...base, existing: [row('2.0.0', true, 'deprecated')] });
    assert.equal(below.becomesLatest, false);
    assert.match(below.detail, /It will not be the latest version: 2\.0\.0 stays latest\./);
  });

  it('lists the package checks and the provenance attached', () => {
    const c = publishConfirmation({
      ...base,
      ownership: [{ registryType: 'npm', identifier: '@x/y', version: '1.2.0', status: 'ok', message: '@x/y@1.2.0 names this server' }],
      provenance: { commit: '0123456789abcdef0123', tag: 'v1.2.0', checksum: 'sha256:00' } as never,
    });
    assert.match(c.detail, /✓ @x\/y@1\.2\.0 names this server/);
    assert.match(c.detail, /Provenance attached: commit 0123456789ab, tag v1\.2\.0, checksum\./);
  });
});
