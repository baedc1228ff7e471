import * as assert from 'node:assert/strict';
import {
  historyLine,
  historyOf,
  lastVerifiedVersion,
  mergeHistories,
  parseHistoryLines,
  rollbackTarget,
  wasVerifiedOn,
  type DeploymentRecord,
} from '../../../src/environments/model';

let clock = Date.parse('2026-05-01T10:00:00Z');
function record(environment: string, from: string | undefined, to: string, result: DeploymentRecord['result'] = 'verified', kind: DeploymentRecord['kind'] = 'deploy'): DeploymentRecord {
  clock += 60_000;
  const at = new Date(clock).toISOString();
  return { id: `${at}-${environment}`, environment, server: 'io.github.acme/weather', kind, from, to, who: 'Ada', at, result };
}

describe('deployment history', () => {
  it('round-trips through JSON lines and skips lines that are not records', () => {
    const a = record('staging', '1.0.0', '1.1.0');
    const b = record('production', '1.0.0', '1.1.0', 'not-verified');
    const text = historyLine(a) + '<<<<<<< HEAD\n' + historyLine(b) + '{"id":1}\n\n';
    assert.deepEqual(parseHistoryLines(text), [a, b]);
  });

  it('merges workspace state and the team file once per record, oldest first', () => {
    const a = record('staging', '1.0.0', '1.1.0');
    const b = record('staging', '1.1.0', '1.2.0');
    const c = record('production', '1.0.0', '1.1.0');
    assert.deepEqual(mergeHistories([c, a], [b, a]), [a, b, c]);
  });

  it('lists one environment newest first', () => {
    const a = record('staging', '1.0.0', '1.1.0');
    const b = record('production', '1.0.0', '1.1.0');
    const c = record('staging', '1.1.0', '1.2.0');
    assert.deepEqual(historyOf([a, b, c], 'staging'), [c, a]);
  });

  it('rolls back to the version live before the last deployment, whatever its result', () => {
    const records = [record('production', '1.0.0', '1.1.0'), record('production', '1.1.0', '1.2.0', 'not-verified')];
    assert.equal(rollbackTarget(records, 'production'), '1.1.0');
    assert.equal(rollbackTarget([...records, record('production', '1.2.0', '1.3.0', 'command-failed')], 'production'), '1.2.0');
  });

  it('ignores cancelled deployments and has nothing to roll back to without history', () => {
    const records = [record('production', '1.0.0', '1.1.0'), record('production', '1.1.0', '1.2.0', 'cancelled')];
    assert.equal(rollbackTarget(records, 'production'), '1.0.0');
    assert.equal(rollbackTarget(records, 'staging'), undefined);
    assert.equal(rollbackTarget([record('staging', undefined, '1.0.0')], 'staging'), undefined);
  });

  it('knows which versions were verified live on an environment', () => {
    const records = [record('staging', '1.0.0', '1.1.0'), record('staging', '1.1.0', '1.2.0', 'not-verified')];
    assert.equal(wasVerifiedOn(records, 'staging', '1.1.0'), true);
    assert.equal(wasVerifiedOn(records, 'staging', '1.2.0'), false);
    assert.equal(wasVerifiedOn(records, 'production', '1.1.0'), false);
    assert.equal(lastVerifiedVersion(records, 'staging'), '1.1.0');
  });
});
