import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import semver from 'semver';
import {
  compareRegistryVersions,
  isRegistrySemver,
  predictIsLatest,
  recomputeLatest,
  sortVersionsLikeRegistry,
  type PublishedVersion,
  type VersionLike,
} from '../../../src/versioning';

const sign = (n: number): number => Math.sign(n) || 0;
const cmp = (a: VersionLike, b: VersionLike): number => sign(compareRegistryVersions(a, b));

const number = fc.oneof(
  fc.constantFrom('0', '1', '2', '9', '10', '11'),
  fc.bigInt({ min: 0n, max: 10n ** 25n }).map(String),
);
const word = fc.constantFrom('alpha', 'beta', 'rc', 'a', 'b', 'Beta', 'x-1', '0a', '-', 'next');
const identifier = fc.oneof(number, word);
const validSemver = fc
  .record({
    v: fc.boolean(),
    major: number,
    minor: number,
    patch: number,
    prerelease: fc.option(fc.array(identifier, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    build: fc.option(fc.array(fc.constantFrom('1', '001', 'sha', 'b-2'), { minLength: 1, maxLength: 2 }), { nil: undefined }),
  })
  .map(
    ({ v, major, minor, patch, prerelease, build }) =>
      `${v ? 'v' : ''}${major}.${minor}.${patch}${prerelease ? `-${prerelease.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`,
  );
const nonSemver = fc.oneof(
  fc.constantFrom('2021.03.05', '1.0', '1.0.0.0', '01.0.0', '1.0.0-01', ' 1.0.0', 'snapshot', 'v1.2', '2025-06-18', ''),
  fc.string({ maxLength: 12 }),
);
const versionString = fc.oneof(validSemver, validSemver, nonSemver);
const publishedAt = fc.option(
  fc
    .record({ ms: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }), nanos: fc.integer({ min: 0, max: 999_999 }) })
    .map(({ ms, nanos }) => new Date(ms).toISOString().replace('Z', `${String(nanos).padStart(6, '0')}Z`)),
  { nil: undefined },
);
const versionLike = fc.record({ version: versionString, publishedAt });
const row = fc.record({
  version: versionString,
  publishedAt: publishedAt.map((time) => time ?? '2025-01-01T00:00:00Z'),
  status: fc.constantFrom('active', 'deprecated', 'deleted'),
  isLatest: fc.constant(false),
});

describe('compareRegistryVersions properties', () => {
  it('is reflexive', () => {
    fc.assert(fc.property(versionLike, (a) => cmp(a, a) === 0));
  });

  it('is antisymmetric: sign(cmp(a, b)) = -sign(cmp(b, a))', () => {
    fc.assert(fc.property(versionLike, versionLike, (a, b) => cmp(a, b) === (0 - cmp(b, a) || 0)));
  });

  it('is transitive', () => {
    fc.assert(
      fc.property(versionLike, versionLike, versionLike, (a, b, c) => {
        const [x, y, z] = sortVersionsLikeRegistry([a, b, c]);
        return cmp(x, y) >= 0 && cmp(y, z) >= 0 && cmp(x, z) >= 0 && (cmp(x, y) > 0 || cmp(y, z) > 0 ? cmp(x, z) > 0 : cmp(x, z) === 0);
      }),
    );
  });

  it('agrees with npm semver precedence on plain semver within safe integers', () => {
    const small = fc.integer({ min: 0, max: 30 }).map(String);
    const plain = fc
      .tuple(small, small, small, fc.option(fc.array(fc.oneof(small, word), { minLength: 1, maxLength: 3 }), { nil: undefined }))
      .map(([a, b, c, pre]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}`);
    fc.assert(fc.property(plain, plain, (a, b) => cmp({ version: a }, { version: b }) === semver.compare(a, b)));
  });

  it('recognises semver like npm semver (strict) for strings without whitespace or huge numbers', () => {
    const chars = fc.constantFrom('0', '1', '2', '.', '-', '+', 'a', 'v', 'x');
    const candidate = fc.array(chars, { maxLength: 12 }).map((list) => list.join(''));
    fc.assert(
      fc.property(candidate, (text) => isRegistrySemver(text) === (semver.valid(text) !== null)),
      { numRuns: 2000 },
    );
  });
});

describe('sortVersionsLikeRegistry properties', () => {
  it('returns a permutation in descending registry order', () => {
    fc.assert(
      fc.property(fc.array(versionLike, { maxLength: 12 }), (list) => {
        const sorted = sortVersionsLikeRegistry(list);
        assert.equal(sorted.length, list.length);
        assert.deepEqual(new Set(sorted), new Set(list));
        for (let i = 0; i + 1 < sorted.length; i++) assert.ok(cmp(sorted[i], sorted[i + 1]) >= 0, `${sorted[i].version} before ${sorted[i + 1].version}`);
      }),
    );
  });
});

describe('latest properties', () => {
  it('predictIsLatest is "ranks strictly above the flagged latest row"', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), fc.nat(), versionLike, (rows, pick, candidate) => {
        const existing: PublishedVersion[] = rows.map((r, index) => ({ ...r, isLatest: rows.length > 0 && index === pick % rows.length }));
        const flagged = existing.find((r) => r.isLatest);
        const expected = flagged === undefined || compareRegistryVersions(candidate, flagged) > 0;
        return predictIsLatest(existing, candidate) === expected;
      }),
    );
  });

  it('after any sequence of publishes, the latest is a highest version and the first is always latest', () => {
    fc.assert(
      fc.property(fc.uniqueArray(versionString, { minLength: 1, maxLength: 10 }), (sequence) => {
        const rows: PublishedVersion[] = [];
        sequence.forEach((version, index) => {
          const publishedAt = new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
          const isLatest = predictIsLatest(rows, { version, publishedAt });
          if (index === 0) assert.equal(isLatest, true);
          rows.forEach((r, i) => (rows[i] = { ...r, isLatest: isLatest ? false : r.isLatest }));
          rows.push({ version, publishedAt, status: 'active', isLatest });
        });
        const latest = rows.filter((r) => r.isLatest);
        assert.equal(latest.length, 1);
        for (const other of rows) assert.ok(compareRegistryVersions(latest[0], other) >= 0, `${latest[0].version} vs ${other.version}`);
      }),
    );
  });

  it('recomputeLatest picks a highest non-deleted version, or a highest deleted one when all are deleted', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 10 }), (rows) => {
        const winner = recomputeLatest(rows);
        assert.ok(winner);
        const live = rows.filter((r) => r.status !== 'deleted');
        const pool = live.length > 0 ? live : rows;
        assert.ok(pool.includes(winner));
        for (const other of pool) assert.ok(compareRegistryVersions(winner, other) >= 0);
      }),
    );
  });
});
