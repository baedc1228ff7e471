import * as assert from 'node:assert/strict';
import { channelOf, compareRegistryVersions, newestPerChannel, sortVersionsLikeRegistry } from '../../../src/versioning';

const at = (version: string, publishedAt?: string) => ({ version, publishedAt });
const sign = (n: number) => Math.sign(n) || 0;

describe('compareRegistryVersions (registry CompareVersions)', () => {
  it('ranks a semver version above a non-semver one regardless of publish time', () => {
    assert.equal(sign(compareRegistryVersions(at('0.0.1', '2020-01-01T00:00:00Z'), at('2025-06-18', '2026-01-01T00:00:00Z'))), 1);
    assert.equal(sign(compareRegistryVersions(at('snapshot', '2026-01-01T00:00:00Z'), at('1.0.0-alpha', '2020-01-01T00:00:00Z'))), -1);
    assert.equal(sign(compareRegistryVersions(at('v1.0'), at('1.0.0'))), -1);
  });

  it('orders non-semver versions by publish time, later wins', () => {
    assert.equal(sign(compareRegistryVersions(at('2021.03.05', '2026-03-01T00:00:00Z'), at('2021.03.04', '2026-03-02T00:00:00Z'))), -1);
    assert.equal(sign(compareRegistryVersions(at('zzz', '2026-03-02T00:00:00Z'), at('aaa', '2026-03-01T00:00:00Z'))), 1);
    assert.equal(sign(compareRegistryVersions(at('a', '2026-03-01T00:00:00Z'), at('b', '2026-03-01T00:00:00Z'))), 0);
  });

  it('compares publish times with sub-millisecond precision and time zones', () => {
    assert.equal(sign(compareRegistryVersions(at('a', '2026-03-01T00:00:00.0000001Z'), at('b', '2026-03-01T00:00:00.0000002Z'))), -1);
    assert.equal(sign(compareRegistryVersions(at('a', '2026-03-01T01:00:00+01:00'), at('b', '2026-03-01T00:00:00Z'))), 0);
    assert.equal(sign(compareRegistryVersions(at('a', '2026-03-01T00:30:00+01:00'), at('b', '2026-03-01T00:00:00Z'))), -1);
  });

  it('treats a missing publish time as "now": newer than any recorded time', () => {
    assert.equal(sign(compareRegistryVersions(at('candidate'), at('old', '2999-01-01T00:00:00Z'))), 1);
    assert.equal(sign(compareRegistryVersions(at('old', '2020-01-01T00:00:00Z'), at('candidate'))), -1);
    assert.equal(sign(compareRegistryVersions(at('a'), at('b'))), 0);
  });

  it('ignores publish time when both are semver', () => {
    assert.equal(sign(compareRegistryVersions(at('1.0.0', '2030-01-01T00:00:00Z'), at('2.0.0', '2020-01-01T00:00:00Z'))), -1);
  });
});

describe('sortVersionsLikeRegistry', () => {
  it('sorts highest first: semver by precedence, then non-semver newest first', () => {
    const versions = [
      at('1.0.0', '2025-01-01T00:00:00Z'),
      at('2025.06.18', '2025-06-18T00:00:00Z'),
      at('2.0.0-rc.1', '2025-02-01T00:00:00Z'),
      at('1.10.0', '2025-03-01T00:00:00Z'),
      at('snapshot', '2025-07-01T00:00:00Z'),
      at('1.9.0', '2025-04-01T00:00:00Z'),
    ];
    assert.deepEqual(sortVersionsLikeRegistry(versions).map((v) => v.version), ['2.0.0-rc.1', '1.10.0', '1.9.0', '1.0.0', 'snapshot', '2025.06.18']);
  });

  it('puts the newest-published first among versions of equal precedence', () => {
    const versions = [at('1.0.0+a', '2025-01-01T00:00:00Z'), at('1.0.0+b', '2025-02-01T00:00:00Z'), at('v1.0.0', '2025-01-15T00:00:00Z')];
    assert.deepEqual(sortVersionsLikeRegistry(versions).map((v) => v.version), ['1.0.0+b', 'v1.0.0', '1.0.0+a']);
  });

  it('does not modify its input', () => {
    const versions = [at('1.0.0'), at('2.0.0')];
    sortVersionsLikeRegistry(versions);
    assert.deepEqual(versions.map((v) => v.version), ['1.0.0', '2.0.0']);
  });
});

describe('channelOf', () => {
  const table: [string, string | undefined][] = [
    ['1.2.0-beta.3', 'beta'],
    ['2.0.0-rc.1', 'rc'],
    ['1.0.0-alpha', 'alpha'],
    ['1.0.0-beta3', 'beta'],
    ['1.0.0-rc-1', 'rc'],
    ['v3.0.0-preview.2+build', 'preview'],
    ['1.2.0', undefined],
    ['1.2.3+build', undefined],
    ['1.2.3-1', undefined],
    ['2021.03.05', undefined],
    ['1.0', undefined],
  ];
  for (const [version, channel] of table) {
    it(`${version} → ${String(channel)}`, () => assert.equal(channelOf(version), channel));
  }
});

describe('newestPerChannel', () => {
  it('gives the highest version of each channel, highest first', () => {
    const versions = ['1.2.0', '1.3.0-beta.1', '1.3.0-beta.2', '1.1.0', '2.0.0-rc.1', '1.3.0-alpha.5', '1.2.1'].map((v) => at(v));
    assert.deepEqual(
      newestPerChannel(versions).map((head) => [head.channel, head.newest.version]),
      [['rc', '2.0.0-rc.1'], ['beta', '1.3.0-beta.2'], ['alpha', '1.3.0-alpha.5'], [undefined, '1.2.1']],
    );
  });
});
