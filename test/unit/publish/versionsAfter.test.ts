import * as assert from 'node:assert/strict';
import type { ServerResponse } from '../../../src/registry';
import { versionsAfterPublish } from '../../../src/publish/versionsAfter';

const KEY = 'io.modelcontextprotocol.registry/official';

function row(version: string, isLatest: boolean, status: 'active' | 'deprecated' | 'deleted' = 'active'): ServerResponse {
  const at = '2026-01-01T00:00:00Z';
  return {
    server: { $schema: 's', name: 'io.example/x', description: 'd', version } as ServerResponse['server'],
    _meta: { [KEY]: { status, publishedAt: at, updatedAt: at, statusChangedAt: at, isLatest } },
  } as ServerResponse;
}

const latestOf = (rows: ServerResponse[]) => rows.filter((r) => r._meta[KEY].isLatest).map((r) => r.server.version);

describe('versions after a publish', () => {
  it('moves latest to the new version when the registry says it became latest', () => {
    const before = [row('1.1.0', true), row('1.0.0', false), row('2.0.0-beta.1', false, 'deleted')];
    const after = versionsAfterPublish(before, row('1.2.0', true));
    assert.deepEqual(after.map((r) => r.server.version), ['1.2.0', '1.1.0', '1.0.0', '2.0.0-beta.1']);
    assert.deepEqual(latestOf(after), ['1.2.0']);
    assert.equal(before[0]._meta[KEY].isLatest, true, 'the pre-flight rows are not modified');
  });

  it('keeps latest where it was for a lower version', () => {
    const after = versionsAfterPublish([row('2.0.0', true)], row('1.5.0', false));
    assert.deepEqual(latestOf(after), ['2.0.0']);
  });

  it('replaces a row of the same version (a publish recovered after a lost answer)', () => {
    const after = versionsAfterPublish([row('1.0.0', true), row('1.1.0', false)], row('1.1.0', true));
    assert.deepEqual(after.map((r) => `${r.server.version}:${r._meta[KEY].isLatest}`), ['1.1.0:true', '1.0.0:false']);
  });
});
