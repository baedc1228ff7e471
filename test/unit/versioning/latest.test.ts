import * as assert from 'node:assert/strict';
import {
  latestAfterStatusChange,
  predictIsLatest,
  recomputeLatest,
  type PublishedVersion,
  type VersionStatus,
} from '../../../src/versioning';

/** A minimal model of the registry's rows driven only by the functions under test. */
class RegistryModel {
  rows: { version: string; publishedAt: string; status: VersionStatus; isLatest: boolean }[] = [];
  private clock = Date.parse('2026-01-01T00:00:00Z');

  publish(version: string): boolean {
    const isLatest = predictIsLatest(this.rows, { version });
    if (isLatest) for (const row of this.rows) row.isLatest = false;
    this.clock += 60_000;
    this.rows.push({ version, publishedAt: new Date(this.clock).toISOString(), status: 'active', isLatest });
    return isLatest;
  }

  setStatus(version: string, status: VersionStatus): void {
    const row = this.rows.find((r) => r.version === version);
    assert.ok(row, version);
    row.status = status;
    const winner = recomputeLatest(this.rows);
    for (const r of this.rows) r.isLatest = r === winner;
  }

  get latest(): string | undefined {
    return this.rows.find((row) => row.isLatest)?.version;
  }
}

describe('isLatest on publish (predictIsLatest)', () => {
  it('publishing 1.0.0, 2.0.0, 1.5.0 leaves 2.0.0 latest', () => {
    const registry = new RegistryModel();
    assert.equal(registry.publish('1.0.0'), true, 'first version is always latest');
    assert.equal(registry.publish('2.0.0'), true);
    assert.equal(registry.publish('1.5.0'), false);
    assert.equal(registry.latest, '2.0.0');
  });

  it('a backport 1.4.1 after 2.0.0 is not latest', () => {
    const registry = new RegistryModel();
    registry.publish('1.4.0');
    registry.publish('2.0.0');
    assert.equal(registry.publish('1.4.1'), false);
  });

  it('a metadata fix 1.2.3-1 after 1.2.3 is not latest', () => {
    const registry = new RegistryModel();
    registry.publish('1.2.3');
    assert.equal(registry.publish('1.2.3-1'), false);
    assert.equal(registry.latest, '1.2.3');
  });

  it('a release candidate 2.0.0-rc.1 after 1.9.0 is latest (no stable channel)', () => {
    const registry = new RegistryModel();
    registry.publish('1.9.0');
    assert.equal(registry.publish('2.0.0-rc.1'), true);
  });

  it('a non-semver version after a semver one is not latest', () => {
    const registry = new RegistryModel();
    registry.publish('1.0.0');
    assert.equal(registry.publish('2025.06.18'), false);
    assert.equal(registry.publish('2021.03.05'), false);
  });

  it('a non-semver version after a non-semver one is latest (later publish wins)', () => {
    const registry = new RegistryModel();
    registry.publish('2025-06-18');
    assert.equal(registry.publish('2025-01-01'), true);
  });

  it('a version equal in precedence to latest (build metadata only) is not latest', () => {
    const registry = new RegistryModel();
    registry.publish('1.0.0+a');
    assert.equal(registry.publish('1.0.0+b'), false);
  });

  it('compares with the flagged row even when it is deprecated or deleted', () => {
    const existing: PublishedVersion[] = [
      { version: '3.0.0', publishedAt: '2026-01-02T00:00:00Z', status: 'deleted', isLatest: true },
      { version: '1.0.0', publishedAt: '2026-01-01T00:00:00Z', status: 'active', isLatest: false },
    ];
    assert.equal(predictIsLatest(existing, { version: '2.0.0' }), false);
    assert.equal(predictIsLatest(existing, { version: '3.0.1' }), true);
  });

  it('falls back to the computed latest when no row is flagged', () => {
    const existing: PublishedVersion[] = [
      { version: '2.0.0', publishedAt: '2026-01-01T00:00:00Z', status: 'active' },
      { version: '1.0.0', publishedAt: '2026-01-02T00:00:00Z', status: 'active' },
    ];
    assert.equal(predictIsLatest(existing, { version: '1.5.0' }), false);
    assert.equal(predictIsLatest([], { version: '0.0.1-alpha' }), true);
  });
});

describe('isLatest after status changes (recomputeLatest)', () => {
  it('deleting 2.0.0 makes 1.5.0 latest; restoring it makes 2.0.0 latest again', () => {
    const registry = new RegistryModel();
    for (const version of ['1.0.0', '2.0.0', '1.5.0']) registry.publish(version);
    registry.setStatus('2.0.0', 'deleted');
    assert.equal(registry.latest, '1.5.0');
    registry.setStatus('2.0.0', 'active');
    assert.equal(registry.latest, '2.0.0');
  });

  it('deprecated versions still count as latest', () => {
    const registry = new RegistryModel();
    for (const version of ['1.0.0', '2.0.0']) registry.publish(version);
    registry.setStatus('2.0.0', 'deprecated');
    assert.equal(registry.latest, '2.0.0');
  });

  it('falls back to the highest deleted version when every version is deleted', () => {
    const registry = new RegistryModel();
    for (const version of ['1.0.0', '3.0.0', '2.0.0']) registry.publish(version);
    for (const version of ['1.0.0', '2.0.0', '3.0.0']) registry.setStatus(version, 'deleted');
    assert.equal(registry.latest, '3.0.0');
  });

  it('keeps the most recently published of versions with equal precedence', () => {
    const rows = [
      { version: '1.0.0+a', publishedAt: '2026-01-01T00:00:00Z', status: 'active' },
      { version: '1.0.0+b', publishedAt: '2026-01-03T00:00:00Z', status: 'active' },
      { version: '1.0.0+c', publishedAt: '2026-01-02T00:00:00Z', status: 'active' },
    ];
    assert.equal(recomputeLatest(rows)?.version, '1.0.0+b');
  });

  it('returns undefined for no versions', () => {
    assert.equal(recomputeLatest([]), undefined);
  });

  it('tells which version becomes latest before a delete or restore', () => {
    const rows: PublishedVersion[] = [
      { version: '2.0.0', publishedAt: '2026-01-03T00:00:00Z', status: 'active', isLatest: true },
      { version: '1.5.0', publishedAt: '2026-01-02T00:00:00Z', status: 'active' },
      { version: '3.0.0', publishedAt: '2026-01-04T00:00:00Z', status: 'deleted' },
    ];
    assert.equal(latestAfterStatusChange(rows, '2.0.0', 'deleted'), rows[1]);
    assert.equal(latestAfterStatusChange(rows, '2.0.0', 'deprecated'), rows[0]);
    assert.equal(latestAfterStatusChange(rows, '3.0.0', 'active'), rows[2]);
    assert.equal(rows[0].status, 'active', 'input untouched');
  });
});
