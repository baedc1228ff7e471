import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { checkVersionString, suggestNextVersions, type SuggestionKind, type SuggestOptions, type VersionImpact } from '../../../src/versioning';
import { generateHistory } from '../../../tools/local-registry/seed';

type Suggestion = ReturnType<typeof suggestNextVersions>[number];
const byKind = (options: SuggestOptions) =>
  Object.fromEntries(suggestNextVersions(options).map((s) => [s.kind, s])) as Partial<Record<SuggestionKind, Suggestion>>;
const versions = (options: SuggestOptions) => Object.fromEntries(suggestNextVersions(options).map((s) => [s.kind, s.version]));
const recommended = (options: SuggestOptions) => suggestNextVersions(options).filter((s) => s.recommended).map((s) => s.version);

describe('suggestNextVersions', () => {
  it('suggests 1.0.0 as the first version when nothing exists', () => {
    const suggestions = suggestNextVersions({ existing: [] });
    assert.deepEqual(suggestions.map((s) => [s.kind, s.version, s.recommended, s.becomesLatest]), [['first', '1.0.0', true, true]]);
  });

  it('offers the workspace version itself first when nothing is published yet', () => {
    const suggestions = byKind({ current: '0.3.0', existing: [], impact: 'additive' });
    assert.equal(suggestions.first?.version, '0.3.0');
    assert.equal(suggestions.first?.recommended, true);
    assert.equal(suggestions.minor?.recommended, false);
  });

  it('bumps patch, minor and major from a published release', () => {
    assert.deepEqual(versions({ current: '1.2.3', existing: ['1.2.3'] }), {
      patch: '1.2.4', minor: '1.3.0', major: '2.0.0', prerelease: '1.3.0-beta.1', 'metadata-fix': '1.2.3-1',
    });
  });

  it('marks the candidate matching the impact as recommended', () => {
    const of = (impact: VersionImpact | undefined) => recommended({ current: '1.2.3', existing: ['1.2.3'], impact });
    assert.deepEqual(of('breaking'), ['2.0.0']);
    assert.deepEqual(of('additive'), ['1.3.0']);
    assert.deepEqual(of('metadata'), ['1.2.3-1']);
    assert.deepEqual(of('none'), []);
    assert.deepEqual(of(undefined), []);
  });

  describe('an unpublished workspace version', () => {
    it('is offered as it is, first and recommended, and bumps count from the latest published (no double bump)', () => {
      const suggestions = suggestNextVersions({ current: '1.4.0', existing: ['1.3.0', '1.3.2'], latest: '1.3.2', impact: 'additive' });
      assert.deepEqual(suggestions[0], { ...suggestions[0], kind: 'as-is', version: '1.4.0', recommended: true, becomesLatest: true });
      assert.deepEqual(suggestions.map((s) => s.version), ['1.4.0', '1.3.3', '1.5.0', '2.0.0', '1.4.0-beta.1']);
      assert.equal(suggestions.filter((s) => s.recommended).length, 1);
    });

    it('offers no registry metadata fix: that exists only for a published version', () => {
      const kinds = suggestNextVersions({ current: '1.4.0', existing: ['1.3.2'], latest: '1.3.2' }).map((s) => s.kind);
      assert.ok(!kinds.includes('metadata-fix'), kinds.join());
    });

    it('is not recommended when its number understates the change; the right step is', () => {
      const suggestions = suggestNextVersions({ current: '1.3.3', existing: ['1.3.2'], latest: '1.3.2', impact: 'breaking' });
      assert.equal(suggestions[0].version, '1.3.3');
      assert.deepEqual(suggestions.filter((s) => s.recommended).map((s) => s.version), ['2.0.0']);
    });

    it('on 0.x, a minor step admits a breaking change', () => {
      assert.deepEqual(recommended({ current: '0.6.0', existing: ['0.5.2'], latest: '0.5.2', impact: 'breaking' }), ['0.6.0']);
    });
  });

  describe('never offers a taken, refused or repeated version', () => {
    it('steps to the next free version of the same kind', () => {
      const suggestions = versions({ current: '1.2.3', existing: ['1.2.3', '1.2.4', '1.3.0'] });
      assert.equal(suggestions.patch, '1.2.5');
      assert.equal(suggestions.minor, '1.4.0');
      assert.equal(suggestions.major, '2.0.0');
    });

    it('recommends 2.0.0 for a breaking change of 0.5.2 when 1.0.0 was published (and deleted) earlier', () => {
      const options: SuggestOptions = { current: '0.5.2', existing: ['0.5.2', '1.0.0'], deleted: ['1.0.0'], latest: '0.5.2', impact: 'breaking' };
      assert.deepEqual(recommended(options), ['2.0.0']);
      assert.match(byKind(options).major?.reason ?? '', /1\.0\.0 .*already taken/);
    });

    it('from 1.0.0-next: one 1.0.0 release, and pre-releases on a channel the registry accepts', () => {
      const suggestions = suggestNextVersions({ current: '1.0.0-next', existing: ['0.9.0'], latest: '0.9.0' });
      const list = suggestions.map((s) => s.version);
      assert.equal(new Set(list).size, list.length, list.join());
      assert.equal(list.filter((v) => v === '1.0.0').length, 1);
      assert.ok(!list.some((v) => v.includes('next')), list.join());
      assert.equal(byKind({ current: '1.0.0-next', existing: ['0.9.0'] }).prerelease?.version, '1.0.0-beta.1');
    });

    it('from a pre-release, the release appears once', () => {
      for (const [current, existing] of [['0.6.0-rc.1', ['0.5.2', '0.6.0-rc.1']], ['1.15.0-beta.0', ['1.14.3', '1.15.0-beta.0']]] as const) {
        const list = suggestNextVersions({ current, existing: [...existing] }).map((s) => s.version);
        assert.equal(new Set(list).size, list.length, list.join());
        assert.equal(list.filter((v) => v === current.replace(/-.*/, '')).length, 1, list.join());
      }
    });

    it('refuses a pre-release identifier the registry would refuse', () => {
      assert.throws(() => suggestNextVersions({ current: '1.0.0', existing: ['1.0.0'], preid: 'be ta' }), /pre-release identifier/);
      assert.throws(() => suggestNextVersions({ current: '1.0.0', existing: ['1.0.0'], preid: '01' }), /pre-release identifier/);
      assert.throws(() => suggestNextVersions({ current: '1.0.0', existing: ['1.0.0'], preid: 'next' }), /wildcard/);
    });
  });

  it('continues an existing pre-release line, and releases it as its own row', () => {
    const suggestions = byKind({ current: '1.3.0-beta.2', existing: ['1.2.0', '1.3.0-beta.1', '1.3.0-beta.2'] });
    assert.equal(suggestions.prerelease?.version, '1.3.0-beta.3');
    assert.equal(suggestions.release?.version, '1.3.0');
    assert.equal(suggestions.minor?.version, '1.4.0');
    assert.equal(suggestions.major?.version, '2.0.0');
    assert.equal(suggestions['metadata-fix'], undefined, 'no X.Y.Z-N fix for a beta');
  });

  it('continues after the highest number in the registry, not just after current', () => {
    assert.equal(byKind({ current: '1.3.0-beta.2', existing: ['1.3.0-beta.2', '1.3.0-beta.7'] }).prerelease?.version, '1.3.0-beta.8');
  });

  it('starts a new pre-release line at .1 by default, on the core implied by the impact', () => {
    assert.equal(byKind({ current: '1.2.0', existing: ['1.2.0'], preid: 'beta' }).prerelease?.version, '1.3.0-beta.1');
    assert.equal(byKind({ current: '1.2.0', existing: ['1.2.0'], preid: 'rc', impact: 'breaking' }).prerelease?.version, '2.0.0-rc.1');
    assert.equal(byKind({ current: '1.2.0', existing: ['1.2.0'], preid: 'alpha', impact: 'metadata' }).prerelease?.version, '1.2.1-alpha.1');
  });

  it('follows the project convention of starting pre-release lines at .0', () => {
    assert.equal(byKind({ current: '1.2.0', existing: ['1.1.0-rc.0', '1.1.0-rc.1', '1.1.0', '1.2.0'], preid: 'beta' }).prerelease?.version, '1.3.0-beta.0');
  });

  it('switches channel on the same core and says when the result ranks lower', () => {
    const up = byKind({ current: '1.3.0-beta.2', existing: ['1.3.0-beta.2'], preid: 'rc' }).prerelease;
    assert.equal(up?.version, '1.3.0-rc.1');
    const down = byKind({ current: '1.3.0-rc.1', existing: ['1.3.0-rc.1'], preid: 'beta' }).prerelease;
    assert.equal(down?.version, '1.3.0-beta.1');
    assert.match(down?.reason ?? '', /ranks below 1\.3\.0-rc\.1/);
  });

  it('numbers registry-only metadata fixes X.Y.Z-N of a published release and says they will not become latest', () => {
    const first = byKind({ current: '1.2.3', existing: ['1.2.3'], latest: '1.2.3' })['metadata-fix'];
    assert.equal(first?.version, '1.2.3-1');
    assert.equal(first?.becomesLatest, false);
    assert.match(first?.reason ?? '', /does not become latest/);
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.3', '1.2.3-1'] })['metadata-fix']?.version, '1.2.3-2');
    assert.equal(byKind({ current: '1.2.3', existing: ['1.2.3', '1.2.3-1', '1.2.3-2'] })['metadata-fix']?.version, '1.2.3-3');
    assert.equal(byKind({ current: '1.2.3', existing: ['1.2.3'], deleted: ['1.2.3'] })['metadata-fix'], undefined, 'not of a deleted release');
  });

  it('treats X.Y.Z-N as a metadata fix when X.Y.Z is published, so patch moves on', () => {
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.3', '1.2.3-1'] }).patch?.version, '1.2.4');
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.2', '1.2.3-1'] }).release?.version, '1.2.3', 'a genuine pre-release of 1.2.3');
  });

  it('predicts whether each candidate becomes latest', () => {
    const suggestions = byKind({ current: '1.4.0', existing: ['1.4.0', '2.0.0'], latest: '2.0.0' });
    assert.equal(suggestions.patch?.becomesLatest, false);
    assert.match(suggestions.patch?.reason ?? '', /would not become latest: 2\.0\.0/);
    assert.equal(suggestions.major?.version, '3.0.0', '2.0.0 is taken');
    assert.equal(suggestions.major?.becomesLatest, true);
    const withoutLatest = byKind({ current: '1.4.0', existing: ['1.4.0', '2.0.0'] });
    assert.equal(withoutLatest.minor?.becomesLatest, false, 'assumes the highest existing version is latest');
  });

  it('keeps the project\'s "v" prefix and notes equal-precedence twins', () => {
    const suggestions = byKind({ current: 'v1.2.3', existing: ['v1.2.3', '1.2.4'] });
    assert.equal(suggestions.patch?.version, 'v1.2.4');
    assert.match(suggestions.patch?.reason ?? '', /1\.2\.4 already exists with the same precedence/);
  });

  it('works beyond Number.MAX_SAFE_INTEGER', () => {
    assert.deepEqual(versions({ current: '1.2.99999999999999999999', existing: ['1.2.99999999999999999999'] }).patch, '1.2.100000000000000000000');
  });

  it('bases suggestions on the latest published semver version when current is missing or not semver', () => {
    assert.equal(byKind({ existing: ['1.0.0', '1.1.0', '2021.03.05'] }).patch?.version, '1.1.1');
    assert.equal(byKind({ current: '2021.03.05', existing: ['1.1.0', '2021.03.05'] }).minor?.version, '1.2.0');
  });

  it('suggests starting semver at 1.0.0 when only non-semver versions exist', () => {
    const suggestions = suggestNextVersions({ current: '2025-06-18', existing: ['2025-06-18'] });
    assert.deepEqual(suggestions.map((s) => [s.kind, s.version, s.becomesLatest, s.recommended]), [['first', '1.0.0', true, true]]);
  });
});

describe('suggestNextVersions on real version histories', () => {
  const seed = JSON.parse(readFileSync(path.resolve(__dirname, '../../../..', 'shared', 'mcp-registry', 'seed-2025-09-21.json'), 'utf8')) as Record<string, unknown>[];
  const impacts: (VersionImpact | undefined)[] = [undefined, 'none', 'metadata', 'additive', 'breaking'];

  function check(label: string, options: SuggestOptions): number {
    const suggestions = suggestNextVersions(options);
    const list = suggestions.map((s) => s.version);
    assert.equal(new Set(list).size, list.length, `${label}: repeated in ${list.join(', ')}`);
    for (const s of suggestions) {
      assert.ok(checkVersionString(s.version).ok, `${label}: ${s.version} is refused by the registry rules`);
      assert.ok(!options.existing.includes(s.version), `${label}: ${s.version} is taken`);
    }
    assert.ok(suggestions.filter((s) => s.recommended).length <= 1, `${label}: more than one recommended`);
    return suggestions.length;
  }

  it('offers nothing refused, taken or repeated, for every version of the real seed and its generated histories', () => {
    assert.equal(seed.length, 358);
    let checked = 0;
    for (const entry of seed) {
      const name = String(entry.name);
      const own = String(entry.version);
      for (const impact of impacts) checked += check(`${name} ${own}`, { current: own, existing: [own], impact });
      const rows = generateHistory(entry);
      const existing = rows.map((row) => row.version);
      const deleted = rows.filter((row) => row.status === 'deleted').map((row) => row.version);
      const latest = rows.find((row) => row.isLatest)?.version;
      for (const current of existing) {
        for (const impact of impacts) checked += check(`${name} at ${current}`, { current, existing, deleted, latest, impact });
        checked += check(`${name} at ${current} (rc)`, { current, existing, deleted, latest, preid: 'rc' });
      }
      // Each pre-release as the unpublished workspace version, with only what came before it published.
      existing.forEach((current, i) => {
        if (!current.includes('-')) return;
        checked += check(`${name} before ${current}`, { current, existing: existing.slice(0, i), impact: 'additive' });
      });
    }
    assert.ok(checked > 10_000, `${checked} suggestions checked`);
  });
});
