import * as assert from 'node:assert/strict';
import { suggestNextVersions, type SuggestionKind, type SuggestOptions } from '../../../src/versioning';

const byKind = (options: SuggestOptions) =>
  Object.fromEntries(suggestNextVersions(options).map((s) => [s.kind, s])) as Partial<Record<SuggestionKind, ReturnType<typeof suggestNextVersions>[number]>>;
const versions = (options: SuggestOptions) => Object.fromEntries(suggestNextVersions(options).map((s) => [s.kind, s.version]));

describe('suggestNextVersions', () => {
  it('suggests 1.0.0 as the first version when nothing exists', () => {
    const suggestions = suggestNextVersions({ existing: [] });
    assert.deepEqual(suggestions.map((s) => [s.kind, s.version, s.recommended, s.taken, s.becomesLatest]), [['first', '1.0.0', true, false, true]]);
  });

  it('offers the workspace version itself first when nothing is published yet', () => {
    const suggestions = byKind({ current: '0.3.0', existing: [], impact: 'additive' });
    assert.equal(suggestions.first?.version, '0.3.0');
    assert.equal(suggestions.first?.recommended, true);
    assert.equal(suggestions.minor?.recommended, false);
  });

  it('bumps patch, minor and major from a release', () => {
    assert.deepEqual(versions({ current: '1.2.3', existing: ['1.2.3'] }), {
      patch: '1.2.4', minor: '1.3.0', major: '2.0.0', prerelease: '1.3.0-beta.1', 'metadata-fix': '1.2.3-1',
    });
  });

  it('marks the candidate matching the impact as recommended', () => {
    const recommended = (impact: SuggestOptions['impact']) =>
      suggestNextVersions({ current: '1.2.3', existing: ['1.2.3'], impact }).filter((s) => s.recommended).map((s) => s.kind);
    assert.deepEqual(recommended('breaking'), ['major']);
    assert.deepEqual(recommended('additive'), ['minor']);
    assert.deepEqual(recommended('metadata'), ['metadata-fix']);
    assert.deepEqual(recommended('none'), []);
    assert.deepEqual(recommended(undefined), []);
  });

  it('marks versions already used (deleted ones included) as taken, with the reason', () => {
    const suggestions = byKind({ current: '1.2.3', existing: ['1.2.3', '1.2.4', '1.3.0'] });
    assert.equal(suggestions.patch?.taken, true);
    assert.match(suggestions.patch?.takenReason ?? '', /already exists/);
    assert.equal(suggestions.minor?.taken, true);
    assert.equal(suggestions.major?.taken, false);
    assert.equal(suggestions.major?.takenReason, undefined);
  });

  it('continues an existing pre-release line', () => {
    const suggestions = byKind({ current: '1.3.0-beta.2', existing: ['1.2.0', '1.3.0-beta.1', '1.3.0-beta.2'] });
    assert.equal(suggestions.prerelease?.version, '1.3.0-beta.3');
    assert.equal(suggestions.patch?.version, '1.3.0', 'patch of a pre-release releases it');
    assert.equal(suggestions.minor?.version, '1.3.0');
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

  it('numbers registry-only metadata fixes X.Y.Z-N and says they will not become latest', () => {
    const first = byKind({ current: '1.2.3', existing: ['1.2.3'], latest: '1.2.3' })['metadata-fix'];
    assert.equal(first?.version, '1.2.3-1');
    assert.equal(first?.becomesLatest, false);
    assert.match(first?.reason ?? '', /does not become latest/);
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.3', '1.2.3-1'] })['metadata-fix']?.version, '1.2.3-2');
    assert.equal(byKind({ current: '1.2.3', existing: ['1.2.3', '1.2.3-1', '1.2.3-2'] })['metadata-fix']?.version, '1.2.3-3');
  });

  it('treats X.Y.Z-N as a metadata fix when X.Y.Z is published, so patch moves on', () => {
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.3', '1.2.3-1'] }).patch?.version, '1.2.4');
    assert.equal(byKind({ current: '1.2.3-1', existing: ['1.2.2', '1.2.3-1'] }).patch?.version, '1.2.3', 'a genuine pre-release of 1.2.3');
  });

  it('predicts whether each candidate becomes latest', () => {
    const suggestions = byKind({ current: '1.4.0', existing: ['1.4.0', '2.0.0'], latest: '2.0.0' });
    assert.equal(suggestions.patch?.becomesLatest, false);
    assert.match(suggestions.patch?.reason ?? '', /would not become latest: 2\.0\.0/);
    assert.equal(suggestions.major?.version, '2.0.0');
    assert.equal(suggestions.major?.taken, true);
    const withoutLatest = byKind({ current: '1.4.0', existing: ['1.4.0', '2.0.0'] });
    assert.equal(withoutLatest.minor?.becomesLatest, false, 'assumes the highest existing version is latest');
  });

  it('keeps the project\'s "v" prefix and notes equal-precedence twins', () => {
    const suggestions = byKind({ current: 'v1.2.3', existing: ['v1.2.3', '1.2.4'] });
    assert.equal(suggestions.patch?.version, 'v1.2.4');
    assert.equal(suggestions.patch?.taken, false);
    assert.match(suggestions.patch?.reason ?? '', /1\.2\.4 already exists with the same precedence/);
  });

  it('works beyond Number.MAX_SAFE_INTEGER', () => {
    assert.deepEqual(versions({ current: '1.2.99999999999999999999', existing: ['1.2.99999999999999999999'] }).patch, '1.2.100000000000000000000');
  });

  it('bases suggestions on the highest semver version when current is missing or not semver', () => {
    assert.equal(byKind({ existing: ['1.0.0', '1.1.0', '2021.03.05'] }).patch?.version, '1.1.1');
    const fromDate = byKind({ current: '2021.03.05', existing: ['1.1.0', '2021.03.05'] }).minor;
    assert.equal(fromDate?.version, '1.2.0');
    assert.match(fromDate?.reason ?? '', /"2021\.03\.05" is not semver/);
  });

  it('suggests starting semver at 1.0.0 when only non-semver versions exist', () => {
    const suggestions = suggestNextVersions({ current: '2025-06-18', existing: ['2025-06-18'] });
    assert.deepEqual(suggestions.map((s) => [s.kind, s.version, s.becomesLatest, s.recommended]), [['first', '1.0.0', true, true]]);
  });

  it('refuses an invalid pre-release identifier', () => {
    assert.throws(() => suggestNextVersions({ current: '1.0.0', existing: ['1.0.0'], preid: 'be ta' }), /pre-release identifier/);
    assert.throws(() => suggestNextVersions({ current: '1.0.0', existing: ['1.0.0'], preid: '01' }), /pre-release identifier/);
  });
});
