import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { checkVersionString, looksLikeVersionRange } from '../../../src/versioning';

const codes = (version: string): string[] => checkVersionString(version).problems.map((problem) => problem.code);
const warnings = (version: string): string[] => checkVersionString(version).warnings.map((warning) => warning.code);

describe('checkVersionString (registry validateVersion + length)', () => {
  const accepted = [
    '1.0.0', 'v1.0.0', '1.0', '1.0.0.0', '01.0.0', '1.0.0-01', '1.0.0-beta..1', '1.0.0+build', '2021.03.05',
    '2025.11.25', '2025-06-18', '2.1.3-alpha', '1.0.0-beta.1', ' 1.0.0', 'LATEST', 'Latest', 'latest-1', 'snapshot',
    '>=1.0.0 <2.0.0', '*', 'x', '1.2.3.4-x', '1.0.0-rc.1+next', ' ', 'a'.repeat(255), 'é'.repeat(255), '😀'.repeat(255),
  ];
  for (const version of accepted) {
    it(`accepts ${JSON.stringify(version.length > 30 ? `${version.slice(0, 12)}…(${version.length})` : version)}`, () => {
      const result = checkVersionString(version);
      assert.deepEqual(result.problems, []);
      assert.equal(result.ok, true);
    });
  }

  const rejected: [string, string][] = [
    ['latest', 'reserved-version-string'],
    ['=1.0.0', 'version-looks-like-range'],
    ['^1', 'version-looks-like-range'],
    ['^1.2.3', 'version-looks-like-range'],
    ['~1.2', 'version-looks-like-range'],
    ['>=1.0.0', 'version-looks-like-range'],
    ['< 2', 'version-looks-like-range'],
    ['^v1.2.3.4', 'version-looks-like-range'],
    ['1.2.3 - 2.0.0', 'version-looks-like-range'],
    ['1 - 2', 'version-looks-like-range'],
    ['1.2 || 1.3', 'version-looks-like-range'],
    ['1||2', 'version-looks-like-range'],
    ['1.x', 'version-looks-like-range'],
    ['1.2.*', 'version-looks-like-range'],
    ['1.X', 'version-looks-like-range'],
    ['x.x.x', 'version-looks-like-range'],
    ['1.0.0-next.1', 'version-looks-like-range'],
    ['1.0.0-linux', 'version-looks-like-range'],
    ['  ^1.2.3  ', 'version-looks-like-range'],
    ['\u00a0^1.2.3', 'version-looks-like-range'],
    ['\u0085~1.0', 'version-looks-like-range'],
    ['', 'version-empty'],
    ['a'.repeat(256), 'version-too-long'],
    ['😀'.repeat(256), 'version-too-long'],
  ];
  for (const [version, code] of rejected) {
    it(`rejects ${JSON.stringify(version.length > 30 ? `${version.slice(0, 12)}…` : version)} with ${code}`, () => {
      const result = checkVersionString(version);
      assert.deepEqual(codes(version), [code]);
      assert.equal(result.ok, false);
      assert.ok(result.problems[0].message.length > 20, 'has a human message');
    });
  }

  it('explains the wildcard rule in words and names a version the registry accepts instead', () => {
    assert.equal(
      checkVersionString('1.0.0-next').problems[0].message,
      'The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "1.0.0-next" as a range (the "x" of a pre-release word such as "next" counts too); use 1.0.0-beta.1 instead.',
    );
    assert.match(checkVersionString('1.0.0-next.2').problems[0].message, /; use 1\.0\.0-beta\.2 instead\.$/, 'the number is kept, as the quick fix keeps it');
    assert.match(checkVersionString('1.x').problems[0].message, /wildcard.*use a specific version such as 1\.0\.0\./);
    assert.match(checkVersionString('^1.2.3').problems[0].message, /not a range: "\^1\.2\.3"\. Remove range operators/);
  });

  it('uses Go regexp whitespace inside ranges (no NBSP or vertical tab), unlike JavaScript \\s', () => {
    assert.equal(looksLikeVersionRange('1.2.3\u00a0-\u00a02.0.0'), false);
    assert.equal(looksLikeVersionRange('1.2.3\v- 2.0.0'), false);
    assert.equal(looksLikeVersionRange('1.2.3\t-\t2.0.0'), true);
  });

  it('does not strip a byte-order mark the way JavaScript trim() would (Go TrimSpace keeps it)', () => {
    assert.equal(looksLikeVersionRange('\ufeff^1.2.3'), false);
  });

  it('reports both the length and the range problem for a long range', () => {
    assert.deepEqual(codes(`^1.0.0-${'a'.repeat(260)}`), ['version-too-long', 'version-looks-like-range']);
  });

  it('warns about accepted strings that behave surprisingly', () => {
    assert.deepEqual(warnings('v1.0.0'), ['version-v-prefix']);
    assert.deepEqual(warnings('1.0.0+build'), ['version-build-metadata']);
    assert.deepEqual(warnings('2021.03.05'), ['version-not-semver']);
    assert.deepEqual(warnings(' 1.0.0'), ['version-has-whitespace', 'version-not-semver']);
    assert.deepEqual(warnings('LATEST'), ['version-resembles-latest', 'version-not-semver']);
    assert.deepEqual(warnings('1.2.3'), []);
  });

  it('accepts every package version published in the registry seed data', () => {
    const seedPath = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'mcp-registry', 'seed-2025-09-21.json');
    const seed = JSON.parse(readFileSync(seedPath, 'utf8')) as { packages?: { version?: string }[] }[];
    const versions = seed.flatMap((server) => (server.packages ?? []).map((pkg) => pkg.version)).filter((v) => v !== undefined);
    assert.ok(versions.length > 300, `seed has package versions (${versions.length})`);
    assert.deepEqual(versions.filter((version) => !checkVersionString(version).ok), []);
  });
});

describe('version string problems in the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('come from VS Code\'s translations once the extension shares them, whole sentences with the version as a value', () => {
    l10n.config({ contents: {
      'The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "{0}" as a range; use a specific version such as 1.0.0.':
        'Die Registry liest x, X oder * in einer Version als Platzhalter und lehnt "{0}" als Bereich ab; verwende eine bestimmte Version wie 1.0.0.',
    } });
    assert.deepEqual(checkVersionString('1.x').problems.map((problem) => problem.message), [
      'Die Registry liest x, X oder * in einer Version als Platzhalter und lehnt "1.x" als Bereich ab; verwende eine bestimmte Version wie 1.0.0.',
    ]);
  });
});
