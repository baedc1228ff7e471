import * as assert from 'node:assert/strict';
import { compareRegistryVersions, isRegistrySemver, parseRegistrySemver } from '../../../src/versioning';

const cmp = (a: string, b: string): number => Math.sign(compareRegistryVersions({ version: a }, { version: b }));

describe('isRegistrySemver (registry IsSemanticVersion)', () => {
  const accepted: [string, string][] = [
    ['1.0.0', 'plain release'],
    ['0.0.0', 'all zeros'],
    ['v1.0.0', 'leading v is tolerated'],
    ['1.0.0+build', 'build metadata'],
    ['1.0.0+001', 'build identifiers may have leading zeros'],
    ['1.0.0-beta.1', 'pre-release'],
    ['1.0.0-pre-release', 'hyphen inside a pre-release identifier'],
    ['1.0.0-0', 'numeric zero pre-release'],
    ['1.0.0-rc.1+exp.sha.5114f85', 'pre-release and build'],
    ['2025.11.25', 'date without leading zeros is valid semver'],
    ['1.0.99999999999999999999', 'numbers beyond 2^64'],
  ];
  const rejected: [string, string][] = [
    ['', 'empty'],
    ['v', 'just v'],
    ['1', 'x/mod shorthand v1 is not enough for the registry'],
    ['1.0', 'x/mod shorthand v1.0 is not enough for the registry'],
    ['v1.2', 'shorthand with v'],
    ['1.0.0.0', 'four parts'],
    ['01.0.0', 'leading zero in major'],
    ['1.01.0', 'leading zero in minor'],
    ['2021.03.05', 'date with leading zeros'],
    ['1.0.0-01', 'leading zero in numeric pre-release identifier'],
    ['1.0.0-beta..1', 'empty pre-release identifier'],
    ['1.0.0-', 'empty pre-release'],
    ['1.0.0+', 'empty build'],
    ['1.0.0+a+b', 'two plus signs'],
    ['1.0.0-alpha@1', 'invalid character'],
    [' 1.0.0', 'leading space (registry prefixes "v" to it verbatim)'],
    ['1.0.0 ', 'trailing space'],
    ['=1.0.0', 'comparator'],
    ['V1.0.0', 'capital V'],
    ['vv1.0.0', 'double v'],
    ['1.x', 'wildcard'],
    ['latest', 'latest'],
    ['snapshot', 'word'],
    ['１.0.0', 'full-width digit'],
  ];
  for (const [version, why] of accepted) {
    it(`accepts ${JSON.stringify(version)} (${why})`, () => assert.equal(isRegistrySemver(version), true));
  }
  for (const [version, why] of rejected) {
    it(`rejects ${JSON.stringify(version)} (${why})`, () => assert.equal(isRegistrySemver(version), false));
  }

  it('keeps the parts of a parsed version as written', () => {
    const parsed = parseRegistrySemver('v10.20.30-rc.1+build.7');
    assert.deepEqual(
      parsed && { v: parsed.vPrefix, major: parsed.major, minor: parsed.minor, patch: parsed.patch, pre: parsed.prerelease, build: parsed.build },
      { v: true, major: '10', minor: '20', patch: '30', pre: ['rc', '1'], build: ['build', '7'] },
    );
  });
});

describe('semver precedence as the registry compares', () => {
  it('orders the semver.org pre-release chain', () => {
    const chain = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0'];
    for (let i = 0; i < chain.length; i++) {
      for (let j = 0; j < chain.length; j++) {
        assert.equal(cmp(chain[i], chain[j]), Math.sign(i - j), `${chain[i]} vs ${chain[j]}`);
      }
    }
  });

  const table: [string, string, number, string][] = [
    ['1.0.0', '2.0.0', -1, 'major'],
    ['1.10.0', '1.9.0', 1, 'minor numerically, not as text'],
    ['1.0.10', '1.0.9', 1, 'patch numerically'],
    ['1.0.0+a', '1.0.0+b', 0, 'build metadata ignored'],
    ['1.0.0+build', '1.0.0', 0, 'build metadata ignored against none'],
    ['v1.0.0', '1.0.0', 0, 'v prefix ignored'],
    ['1.0.0-rc.1+a', '1.0.0-rc.1', 0, 'build ignored on pre-release'],
    ['1.0.99999999999999999999', '1.0.99999999999999999998', 1, 'huge patch, same length'],
    ['1.0.99999999999999999999', '1.0.100000000000000000000', -1, 'huge patch, longer is bigger'],
    ['18446744073709551616.0.0', '18446744073709551615.0.0', 1, 'beyond uint64 major'],
    ['1.0.0-2', '1.0.0-10', -1, 'numeric pre-release identifiers numerically'],
    ['1.0.0-99999999999999999999', '1.0.0-100000000000000000000', -1, 'huge numeric pre-release'],
    ['1.0.0-1', '1.0.0-a', -1, 'numeric identifiers below alphanumeric'],
    ['1.0.0-Beta', '1.0.0-alpha', -1, 'ASCII order: uppercase before lowercase'],
    ['1.0.0-alpha-2', '1.0.0-alpha-10', 1, 'hyphenated identifiers compare as text'],
    ['1.2.3-1', '1.2.3', -1, 'metadata-fix suffix is a pre-release'],
    ['2.0.0-rc.1', '1.9.0', 1, 'pre-release of a higher core wins'],
    ['2025.11.25', '2025.9.30', 1, 'calendar versions without leading zeros'],
  ];
  for (const [a, b, expected, why] of table) {
    it(`${a} vs ${b} → ${expected} (${why})`, () => {
      assert.equal(cmp(a, b), expected);
      assert.equal(cmp(b, a), 0 - expected || 0);
    });
  }
});
