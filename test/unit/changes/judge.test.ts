import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { actualBump, canonicalJson, classifyChangeImpact, diffServerJson, judgeBump } from '../../../src/changes';
import { clone, pkg, weatherServer, type Doc } from './fixtures';

function diffWith(edit: (doc: Doc) => void) {
  const before = weatherServer();
  const after = clone(before);
  edit(after);
  return diffServerJson(before, after);
}

const removesApiKey = diffWith((doc) => (pkg(doc, 0).environmentVariables as Doc[]).shift());
const addsOption = diffWith((doc) => (pkg(doc, 0).environmentVariables as Doc[]).push({ name: 'LANG' }));
const metadataOnly = diffWith((doc) => (doc.description = 'Better words'));
const nothing = diffServerJson(weatherServer(), weatherServer());

describe('changes: judgeBump', () => {
  it('flags a patch that removes a required environment variable', () => {
    const judgement = judgeBump('1.4.0', '1.4.1', removesApiKey);
    assert.equal(judgement.actual, 'patch');
    assert.equal(judgement.implied, 'major');
    assert.equal(judgement.understated, true);
    assert.match(judgement.message, /^1\.4\.0 → 1\.4\.1 is a patch, but removes the required environment variable API_KEY .*: breaking$/);
  });

  it('flags a patch for additive changes, accepts a minor', () => {
    assert.equal(judgeBump('1.4.0', '1.4.1', addsOption).understated, true);
    assert.match(judgeBump('1.4.0', '1.4.1', addsOption).message, /: additive$/);
    const minor = judgeBump('1.4.0', '1.5.0', addsOption);
    assert.equal(minor.understated, false);
    assert.match(minor.message, /is a minor bump, matching the additive changes/);
  });

  it('says when a bump is larger than needed, without flagging it', () => {
    const judgement = judgeBump('1.4.0', '2.0.0', metadataOnly);
    assert.equal(judgement.actual, 'major');
    assert.equal(judgement.understated, false);
    assert.match(judgement.message, /only need a patch/);
  });

  it('0.y.z: a minor bump may break (said, not flagged); a patch still is flagged', () => {
    const minor = judgeBump('0.4.2', '0.5.0', removesApiKey);
    assert.equal(minor.understated, false);
    assert.match(minor.message, /0\.y\.z/);
    assert.match(minor.message, /API_KEY/);
    const patch = judgeBump('0.4.2', '0.4.3', removesApiKey);
    assert.equal(patch.understated, true);
    assert.match(patch.message, /minor bump would be enough/);
  });

  it('same version with changes is understated; without changes it is fine', () => {
    assert.equal(judgeBump('1.4.0', '1.4.0', metadataOnly).understated, true);
    assert.match(judgeBump('1.4.0', 'v1.4.0', metadataOnly).message, /keeps the same version, but changes the description: metadata/);
    assert.equal(judgeBump('1.4.0', '1.4.0', nothing).understated, false);
  });

  it('names downgrades, pre-release steps and non-semver versions', () => {
    assert.equal(judgeBump('2.0.0', '1.9.9', nothing).actual, 'downgrade');
    assert.match(judgeBump('1.2.3', '1.2.3-1', metadataOnly).message, /will not mark it latest/);
    assert.equal(judgeBump('1.5.0-rc.1', '1.5.0-rc.2', removesApiKey).actual, 'prerelease');
    assert.equal(judgeBump('1.5.0-rc.1', '1.5.0', removesApiKey).actual, 'prerelease');
    const calendar = judgeBump('2025.06.18', '2025.07.01', addsOption);
    assert.equal(calendar.actual, 'not-semver');
    assert.match(calendar.message, /need a minor bump/);
  });

  it('actualBump follows semver precedence', () => {
    assert.equal(actualBump('1.4.0', '1.4.1'), 'patch');
    assert.equal(actualBump('1.4.9', '1.5.0'), 'minor');
    assert.equal(actualBump('1.4.0', '2.0.0-rc.1'), 'major');
    assert.equal(actualBump('1.0.0-alpha.10', '1.0.0-alpha.9'), 'downgrade');
    assert.equal(actualBump('1.0.0+a', '1.0.0+b'), 'none');
    assert.equal(actualBump('1.0', '1.0.1'), 'not-semver');
  });
});

describe('changes: classifyChangeImpact', () => {
  it('returns the bump and the reasons, most severe first', () => {
    const before = weatherServer();
    const after = clone(before);
    after.description = 'New';
    (pkg(after, 0).environmentVariables as Doc[]).shift();
    const { bump, reasons } = classifyChangeImpact(before, after);
    assert.equal(bump, 'major');
    assert.match(reasons[0], /removes the required environment variable API_KEY/);
    assert.equal(reasons[1], 'changes the description');
    assert.equal(reasons.length, 2);
  });
});

describe('changes: canonicalJson', () => {
  it('sorts keys at every depth with a 2-space indent', () => {
    assert.equal(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }), '{\n  "a": {\n    "c": null,\n    "d": [\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}');
  });

  it('does not depend on key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (object) => {
        const reversed = Object.fromEntries(Object.entries(object).reverse());
        assert.equal(canonicalJson(reversed), canonicalJson(object));
        assert.deepEqual(JSON.parse(canonicalJson(object)), JSON.parse(JSON.stringify(object)));
      }),
    );
  });

  it('never throws', () => {
    const cyclic: Doc = { a: 1 };
    cyclic.self = cyclic;
    assert.match(canonicalJson(cyclic), /\[Circular\]/);
    assert.equal(canonicalJson(undefined), 'null');
    assert.equal(canonicalJson(10n), '"10"');
  });
});
