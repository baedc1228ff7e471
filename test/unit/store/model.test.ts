import * as assert from 'node:assert/strict';
import { RegistryError, type ServerResponse } from '../../../src/registry';
import {
  answerOf,
  auditLine,
  isFresh,
  mergeAudit,
  mergePublished,
  mergeStatusChange,
  parseAuditLines,
  UNREACHABLE_RETRY_MS,
  type AuditRecord,
} from '../../../src/store/model';
import { parseHistoryLines, type DeploymentRecord } from '../../../src/environments/model';

const KEY = 'io.modelcontextprotocol.registry/official';

function row(version: string, isLatest: boolean, status: 'active' | 'deprecated' | 'deleted' = 'active', publishedAt = '2026-01-01T00:00:00Z'): ServerResponse {
  return {
    server: { $schema: 's', name: 'io.example/x', description: 'd', version } as ServerResponse['server'],
    _meta: { [KEY]: { status, publishedAt, updatedAt: publishedAt, statusChangedAt: publishedAt, isLatest } },
  } as ServerResponse;
}

const latestOf = (rows: readonly ServerResponse[]) => rows.filter((r) => r._meta[KEY].isLatest).map((r) => r.server.version);
const statusOf = (rows: readonly ServerResponse[], version: string) => rows.find((r) => r.server.version === version)?._meta[KEY].status;

describe('store model: a publish merged into the known versions', () => {
  it('moves latest to the new version when the registry says it became latest', () => {
    const before = [row('1.1.0', true), row('1.0.0', false), row('2.0.0-beta.1', false, 'deleted')];
    const after = mergePublished(before, row('1.2.0', true));
    assert.deepEqual(after.map((r) => r.server.version), ['1.2.0', '1.1.0', '1.0.0', '2.0.0-beta.1']);
    assert.deepEqual(latestOf(after), ['1.2.0']);
    assert.equal(before[0]._meta[KEY].isLatest, true, 'the rows known before are not modified');
  });

  it('keeps latest where it was for a lower version', () => {
    assert.deepEqual(latestOf(mergePublished([row('2.0.0', true)], row('1.5.0', false))), ['2.0.0']);
  });

  it('replaces a row of the same version (a publish recovered after a lost answer)', () => {
    const after = mergePublished([row('1.0.0', true), row('1.1.0', false)], row('1.1.0', true));
    assert.deepEqual(after.map((r) => `${r.server.version}:${r._meta[KEY].isLatest}`), ['1.1.0:true', '1.0.0:false']);
  });
});

describe('store model: a status change merged into the known versions', () => {
  it('deprecating the latest keeps it latest (the registry only skips deleted versions)', () => {
    const after = mergeStatusChange([row('2.0.0', true), row('1.0.0', false)], [row('2.0.0', true, 'deprecated')]);
    assert.equal(statusOf(after, '2.0.0'), 'deprecated');
    assert.deepEqual(latestOf(after), ['2.0.0']);
  });

  it('deleting the latest moves latest to the highest version left, whatever the answer said about other rows', () => {
    const after = mergeStatusChange([row('2.0.0', true), row('1.0.0', false), row('1.5.0', false)], [row('2.0.0', false, 'deleted')]);
    assert.equal(statusOf(after, '2.0.0'), 'deleted');
    assert.deepEqual(latestOf(after), ['1.5.0']);
  });

  it('restoring a higher version takes latest back; a change of all versions replaces each row', () => {
    const restored = mergeStatusChange([row('2.0.0', false, 'deleted'), row('1.0.0', true)], [row('2.0.0', false, 'active')]);
    assert.deepEqual(latestOf(restored), ['2.0.0']);
    const all = mergeStatusChange([row('2.0.0', true), row('1.0.0', false)], [row('2.0.0', true, 'deprecated'), row('1.0.0', false, 'deprecated')]);
    assert.deepEqual(all.map((r) => r._meta[KEY].status), ['deprecated', 'deprecated']);
  });
});

describe('store model: answers and freshness', () => {
  it('an empty list or a 404 is "not published"; another failure is "unreachable" with the message', () => {
    assert.deepEqual(answerOf({ responses: [] }), { kind: 'not-found' });
    const notFound = new RegistryError({ kind: 'http', method: 'GET', url: 'http://127.0.0.1:1/v0.1/servers/x/versions', status: 404, detail: 'Server not found' });
    assert.deepEqual(answerOf({ error: notFound }), { kind: 'not-found' });
    const down = answerOf({ error: new RegistryError({ kind: 'network', method: 'GET', url: 'http://127.0.0.1:1/v0.1/servers', detail: 'ECONNREFUSED' }) });
    assert.equal(down.kind, 'unreachable');
  });

  it('serves reads within the max age; a failure at most for the retry delay', () => {
    const found = { value: answerOf({ responses: [row('1.0.0', true)] }), fetchedAt: 1000 };
    assert.ok(isFresh(found, 1000 + 300_000, 300_000));
    assert.ok(!isFresh(found, 1001 + 300_000, 300_000));
    assert.ok(!isFresh(undefined, 0, 1));
    const failed = { value: answerOf({ error: new Error('down') }), fetchedAt: 1000 };
    assert.ok(isFresh(failed, 1000 + UNREACHABLE_RETRY_MS, 300_000));
    assert.ok(!isFresh(failed, 1001 + UNREACHABLE_RETRY_MS, 300_000));
  });
});

describe('store model: audit trail lines', () => {
  const deployment: DeploymentRecord = { id: 'd1', environment: 'staging', server: 'io.example/x', kind: 'deploy', to: '1.0.0', who: 'ada', at: '2026-01-01T00:00:00Z', result: 'verified' };
  const status: AuditRecord = { id: 's1', kind: 'status', registry: 'http://127.0.0.1:1', server: 'io.example/x', version: '1.0.0', from: 'active', to: 'deprecated', who: 'anonymous', at: '2026-01-02T00:00:00Z', result: 'ok', detail: 'use 2.x' };
  const publish: AuditRecord = { id: 'p1', kind: 'publish', registry: 'http://127.0.0.1:1', server: 'io.example/x', version: '2.0.0', to: '2.0.0', who: 'github:ada', at: '2026-01-03T00:00:00Z', result: 'failed', detail: '422' };

  it('reads deployments, publishes and status changes back from one file, skipping lines it does not know', () => {
    const text = auditLine(deployment) + auditLine(status) + '{"kind":"future","id":"f"}\n' + auditLine(publish);
    assert.deepEqual(parseAuditLines(text), [deployment, status, publish]);
  });

  it('keeps the deployment lines readable by the deployment history as before', () => {
    const text = auditLine(deployment) + auditLine(status) + auditLine(publish);
    assert.deepEqual(parseHistoryLines(text), [deployment]);
  });

  it('merges by id, oldest first', () => {
    assert.deepEqual(mergeAudit([publish, deployment], [status, deployment]).map((r) => r.id), ['d1', 's1', 'p1']);
  });
});
