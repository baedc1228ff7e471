import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkVersionString, nearestValidVersions } from '../../../src/versioning';
import { generateHistory } from '../../../tools/local-registry/seed';

describe('nearestValidVersions (quick fixes for a version the registry refuses)', () => {
  const cases: [string, string[]][] = [
    ['^1.2.0', ['1.2.0']],
    ['~1.2', ['1.2.0']],
    ['>= 2.0.0', ['2.0.0']],
    ['=1.0.0', ['1.0.0']],
    ['^v1.2.3', ['v1.2.3']],
    ['1.0.0 - 2.0.0', ['1.0.0', '2.0.0']],
    ['1.0.0 || 1.1.0', ['1.0.0', '1.1.0']],
    ['1.x', ['1.0.0']],
    ['1.2.*', ['1.2.0']],
    ['x.x.x', ['0.0.0']],
    ['1.0.0-next', ['1.0.0-beta.1', '1.0.0-rc.1']],
    ['1.0.0-next.2', ['1.0.0-beta.2', '1.0.0-rc.2']],
    ['2.0.0-alpha.x', ['2.0.0-alpha.1']],
    ['^1.0.0-rc.1', ['1.0.0-rc.1']],
  ];
  for (const [refused, expected] of cases) {
    it(`${refused} → ${expected.join(', ')}`, () => {
      assert.equal(checkVersionString(refused).ok, false, `${refused} is refused`);
      assert.deepEqual(nearestValidVersions(refused), expected);
    });
  }

  it('moves a taken version on to the next free one of its kind', () => {
    assert.deepEqual(nearestValidVersions('^1.2.0', { taken: ['1.2.0', '1.2.1'] }), ['1.2.2']);
    assert.deepEqual(nearestValidVersions('1.0.0-next', { taken: ['1.0.0-beta.1', '1.0.0-rc.1', '1.0.0-rc.2'] }), ['1.0.0-beta.2', '1.0.0-rc.3']);
  });

  it('never repeats a version, and stops at the limit', () => {
    assert.deepEqual(nearestValidVersions('1.0.0 || ^1.0.0 || ~1.0.0'), ['1.0.0']);
    assert.deepEqual(nearestValidVersions('1.0.0 || 1.1.0 || 1.2.0 || 1.3.0', { limit: 2 }), ['1.0.0', '1.1.0']);
  });

  it('offers nothing when there is no version to go on', () => {
    for (const refused of ['', '   ', 'latest']) assert.deepEqual(nearestValidVersions(refused), [], JSON.stringify(refused));
  });

  it('on real histories: no suggestion is refused, taken, repeated or the refused string itself', () => {
    const seed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../..', 'shared', 'mcp-registry', 'seed-2025-09-21.json'), 'utf8')) as Record<string, unknown>[];
    const spoil = (version: string) => [`^${version}`, `~${version}`, `>=${version}`, `${version} - ${version}`, `${version} || ${version}`,
      version.replace(/^(\d+)\.\d+/, '$1.x'), version.includes('-') ? version.replace(/-/, '-next') : `${version}-next`];
    let checked = 0;
    for (const entry of seed) {
      const taken = generateHistory(entry).map((row) => row.version);
      for (const version of taken) {
        for (const refused of spoil(version)) {
          if (checkVersionString(refused).ok) continue;
          const offered = nearestValidVersions(refused, { taken });
          assert.equal(new Set(offered).size, offered.length, `${refused}: ${offered.join(', ')}`);
          for (const candidate of offered) {
            assert.ok(checkVersionString(candidate).ok, `${refused} → ${candidate} is refused`);
            assert.ok(!taken.includes(candidate), `${refused} → ${candidate} is taken`);
            assert.notEqual(candidate, refused);
          }
          checked += offered.length;
        }
      }
    }
    assert.ok(checked > 5_000, `${checked} suggestions checked`);
  });
});
