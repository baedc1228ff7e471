import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareVersions, isSemanticVersion, looksLikeVersionRange, pickLatest } from '../../../tools/local-registry/versioning';

const at = (version: string, ms = 0) => ({ version, publishedAt: new Date(ms) });

describe('local registry versioning rules', () => {
  it('recognises semver the way Go x/mod/semver does (optional v, exactly three parts)', () => {
    for (const v of ['1.0.0', 'v1.2.3', '1.0.0-beta.1', '1.0.0+build.5', '0.0.1-seed']) assert.equal(isSemanticVersion(v), true, v);
    for (const v of ['1.0', '1.0.0.0', '2021.03.05', 'snapshot', '01.2.3', '1.2.3-01', '1.2.3-', '2025-06-18']) assert.equal(isSemanticVersion(v), false, v);
  });

  it('orders semver by precedence, prereleases below releases, build metadata ignored', () => {
    assert.ok(compareVersions(at('2.0.0'), at('1.10.0')) > 0);
    assert.ok(compareVersions(at('1.10.0'), at('1.9.0')) > 0);
    assert.ok(compareVersions(at('1.0.0'), at('1.0.0-rc.1')) > 0);
    assert.ok(compareVersions(at('1.0.0-rc.10'), at('1.0.0-rc.2')) > 0);
    assert.ok(compareVersions(at('1.0.0-beta'), at('1.0.0-1')) > 0);
    assert.equal(compareVersions(at('1.0.0+a'), at('1.0.0+b')), 0);
  });

  it('prefers semver over non-semver, and the later publish among non-semver', () => {
    assert.ok(compareVersions(at('0.0.1', 0), at('2025.06.18', 10)) > 0);
    assert.ok(compareVersions(at('2025.01.01', 20), at('2025.06.18', 10)) > 0);
  });

  it('picks the highest non-deleted version as latest, falling back to deleted ones', () => {
    const rows = [
      { ...at('1.0.0'), status: 'active' },
      { ...at('2.0.0'), status: 'deleted' },
      { ...at('1.5.0'), status: 'deprecated' },
    ];
    assert.equal(pickLatest(rows)?.version, '1.5.0');
    assert.equal(pickLatest(rows.map((r) => ({ ...r, status: 'deleted' })))?.version, '2.0.0');
  });

  it('rejects range-like versions and accepts specific ones', () => {
    for (const v of ['^1.2.3', '~1.2.3', '>=1.0.0', '<=1.0.0', '>1', '<2', '=1.0.0', '1.2.3 - 2.0.0', '1.2 || 1.3', '1.x', '1.2.*', '1.X', 'x.x.x', '1.0.0-next.1', ' ^1.2.3 ']) {
      assert.equal(looksLikeVersionRange(v), true, v);
    }
    for (const v of ['1.0.0', '2.1.3-alpha', '1.0.0-beta.1', '2025.11.25', '2025-06-18', 'v1.0', '*', '1.0.0-beta', '\uFEFF^1.2.3']) assert.equal(looksLikeVersionRange(v), false, v);
  });

  it('is antisymmetric on random semver pairs', () => {
    const part = fc.integer({ min: 0, max: 30 });
    const semver = fc.tuple(part, part, part, fc.option(fc.constantFrom('alpha', 'beta.1', 'rc.2', '1'), { nil: undefined }))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre}` : ''}`);
    fc.assert(fc.property(semver, semver, (x, y) => Math.sign(compareVersions(at(x), at(y))) === -Math.sign(compareVersions(at(y), at(x)))));
  });
});
