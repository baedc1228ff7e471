import * as assert from 'node:assert/strict';
import { buildVersionPicker, checkTypedVersion, suggestionsFor, type RegistryKnowledge } from '../../../src/bump/model';

const found: RegistryKnowledge = {
  kind: 'found',
  registryName: 'Official',
  versions: [
    { version: '1.1.0', status: 'active', isLatest: true },
    { version: '1.2.0', status: 'deleted' },
    { version: '1.0.0', status: 'deprecated' },
  ],
  latest: '1.1.0',
  impact: { bump: 'minor', reasons: ['adds the tool get_alerts', 'adds the optional environment variable UNITS'] },
};

function picker(knowledge: RegistryKnowledge, current = '1.1.0') {
  return buildVersionPicker('io.github.a/b', current, knowledge, suggestionsFor(current, knowledge));
}

describe('bump picker', () => {
  it('recommends the bump the changes call for and says why, in words', () => {
    const view = picker({ ...found, versions: found.versions.filter((v) => v.version !== '1.2.0') });
    const minor = view.items.find((item) => item.id.startsWith('minor:'))!;
    assert.equal(minor.label, '1.2.0');
    assert.equal(minor.recommended, true);
    assert.equal(minor.icon, 'star-full');
    assert.match(minor.description, /recommended · becomes latest/);
    assert.match(minor.detail, /^Since 1\.1\.0 \(latest\): minor change — adds the tool get_alerts; adds the optional environment variable UNITS\./);
    // The placeholder stays short (it is cut at the picker's width); the reasons are in the recommended item's details.
    assert.equal(view.placeholder, 'Since 1.1.0 (latest): minor change, 2 reasons in the details');
  });

  it('never offers a version taken by a deleted one: the next free version of that kind instead, and says why', () => {
    const items = picker(found).items;
    const minor = items.find((item) => item.id.startsWith('minor:'))!;
    assert.equal(minor.label, '1.3.0');
    assert.equal(minor.recommended, true);
    assert.match(minor.detail, /1\.2\.0 .*already taken/);
    assert.ok(items.every((item) => !item.refusal && item.label !== '1.2.0'), items.map((item) => item.label).join());
  });

  it('offers an unpublished workspace version as it is, first and recommended', () => {
    const view = picker(found, '1.2.5');
    assert.equal(view.items[0].label, '1.2.5');
    assert.match(view.items[0].description, /^publish as it is · recommended · becomes latest$/);
    assert.deepEqual(view.items.filter((item) => item.recommended).map((item) => item.label), ['1.2.5']);
    assert.ok(!view.items.some((item) => item.id.startsWith('metadata-fix:')), 'no metadata fix of an unpublished version');
  });

  it('says when the registry cannot be reached, and still offers the suggestions', () => {
    const view = picker({ kind: 'unreachable', registryName: 'Official', message: 'connection refused' });
    assert.match(view.title, /Official unreachable, taken versions unknown/);
    assert.match(view.placeholder, /connection refused/);
    assert.deepEqual(view.items.map((item) => item.label), ['1.1.1', '1.2.0', '2.0.0', '1.2.0-beta.1', 'Pre-release…', 'Custom…']);
    assert.ok(view.items.every((item) => !item.refusal));
  });

  it('checks a typed version as the registry would, and against taken versions', () => {
    assert.equal(checkTypedVersion('1.2.0', '1.1.0', found)?.severity, 'error');
    assert.match(checkTypedVersion('1.0.0', '1.1.0', found)!.message, /is published \(deprecated\)/);
    assert.match(checkTypedVersion('latest', '1.1.0', found)!.message, /reserved/);
    assert.match(checkTypedVersion('^1.3.0', '1.1.0', found)!.message, /not a range/);
    assert.match(checkTypedVersion('1.1.0', '1.1.0', found)!.message, /current version/);
    assert.equal(checkTypedVersion('v1.3.0', '1.1.0', found)?.severity, 'warning');
    assert.equal(checkTypedVersion('1.3.0', '1.1.0', found), undefined);
    assert.equal(checkTypedVersion('1.3.0', '1.1.0', { kind: 'no-registry' })?.severity, 'warning');
  });

  it('continues the pre-release line of the current version', () => {
    const knowledge: RegistryKnowledge = { kind: 'found', registryName: 'R', versions: ['1.3.0-beta.1', '1.3.0-beta.2', '1.2.0'].map((version) => ({ version, status: 'active' })), latest: '1.2.0' };
    assert.equal(suggestionsFor('1.3.0-beta.2', knowledge, 'beta').find((s) => s.kind === 'prerelease')?.version, '1.3.0-beta.3');
    assert.equal(suggestionsFor('1.3.0-beta.2', knowledge, 'rc').find((s) => s.kind === 'prerelease')?.version, '1.3.0-rc.1');
  });
});
