import * as assert from 'node:assert/strict';
import { computeDrift, deployCandidates, latestVersion, type RegistryVersionInfo } from '../../../src/environments/model';

const v = (version: string, status: RegistryVersionInfo['status'] = 'active', extra: Partial<RegistryVersionInfo> = {}): RegistryVersionInfo => ({
  version,
  status,
  isLatest: false,
  publishedAt: '2026-01-01T00:00:00Z',
  ...extra,
});
const registry = [v('1.0.0'), v('1.1.0', 'deprecated', { statusMessage: 'memory leak' }), v('1.2.0', 'deleted'), v('1.3.0', 'active', { isLatest: true }), v('2.0.0-rc.1')];
const kinds = (live: string, previous?: { name: string; liveVersion?: string }) => computeDrift({ liveVersion: live, registryVersions: registry, previous }).map((d) => d.kind);

describe('drift between an environment and the registry', () => {
  it('reports nothing when the live version is the latest published one', () => {
    assert.deepEqual(kinds('1.3.0'), []);
  });

  it('reports a live version the registry never published', () => {
    assert.deepEqual(kinds('1.3.1-hotfix'), ['not-published']);
    assert.deepEqual(kinds('0.9.0'), ['not-published', 'behind-latest']);
  });

  it('reports deleted and deprecated live versions with the registry status message', () => {
    assert.deepEqual(kinds('1.2.0'), ['deleted', 'behind-latest']);
    const deprecated = computeDrift({ liveVersion: '1.1.0', registryVersions: registry });
    assert.equal(deprecated[0].kind, 'deprecated');
    assert.match(deprecated[0].message, /memory leak/);
  });

  it('reports an older version as behind the latest, but not a newer pre-release', () => {
    assert.deepEqual(kinds('1.0.0'), ['behind-latest']);
    assert.deepEqual(kinds('2.0.0-rc.1'), []);
  });

  it('reports a difference from the environment before it', () => {
    const drift = computeDrift({ liveVersion: '1.0.0', registryVersions: registry, previous: { name: 'staging', liveVersion: '1.3.0' } });
    assert.deepEqual(drift.map((d) => d.kind), ['behind-latest', 'differs-from-previous']);
    assert.equal(drift[1].message, 'staging runs 1.3.0');
    assert.deepEqual(kinds('1.3.0', { name: 'staging', liveVersion: '1.3.0' }), []);
    assert.deepEqual(kinds('1.3.0', { name: 'staging' }), [], 'an unreachable previous environment is not drift');
  });

  it('says nothing about the registry when it could not be read', () => {
    assert.deepEqual(computeDrift({ liveVersion: '0.0.1', registryVersions: undefined }), []);
  });

  it('takes the latest from isLatest, else the highest non-deleted version', () => {
    assert.equal(latestVersion(registry)?.version, '1.3.0');
    assert.equal(latestVersion([v('1.0.0'), v('3.0.0', 'deleted'), v('2.0.0')])?.version, '2.0.0');
  });

  it('offers published, non-deleted versions first, ordered like the registry', () => {
    assert.deepEqual(deployCandidates(registry).map((c) => c.version), ['2.0.0-rc.1', '1.3.0', '1.1.0', '1.0.0', '1.2.0']);
  });
});
