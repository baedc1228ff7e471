import * as assert from 'node:assert/strict';
import { positionOf, readLocalServer } from '../../../src/workspace/localServer';

describe('workspace reading of a local server.json', () => {
  it('reads name, version and the version fields', () => {
    const text = JSON.stringify({ name: 'io.github.a/b', version: '1.2.0', packages: [{ registryType: 'npm', identifier: 'b', version: '1.2.0' }] }, null, 2);
    const local = readLocalServer(text);
    assert.equal(local.name, 'io.github.a/b');
    assert.equal(local.version, '1.2.0');
    assert.equal(local.problem, undefined);
    assert.deepEqual(local.versionFields.map((field) => field.path), ['version', 'packages[0].version']);
  });

  it('turns a syntax error into a problem with its line and column', () => {
    const local = readLocalServer('{\n  "name": "x",\n  "version": "1.0.0"\n  "title": "t"\n}');
    assert.ok(local.problem);
    assert.match(local.problem.message, /^Invalid JSON: comma expected \(line 4, column 3\)$/);
    assert.equal(local.name, undefined);
  });

  it('refuses comments and trailing commas like the registry does', () => {
    assert.match(readLocalServer('{"name": "x", "version": "1.0.0",}').problem?.message ?? '', /Invalid JSON/);
    assert.match(readLocalServer('// c\n{"name": "x", "version": "1.0.0"}').problem?.message ?? '', /Invalid JSON/);
  });

  it('reports an empty file, a non-object, and a missing name or version', () => {
    assert.match(readLocalServer('').problem?.message ?? '', /Invalid JSON/);
    assert.equal(readLocalServer('[1]').problem?.message, 'server.json must contain a JSON object');
    assert.equal(readLocalServer('{"version": "1.0.0"}').problem?.message, 'server.json has no "name"');
    assert.equal(readLocalServer('{"name": "a/b"}').problem?.message, 'server.json has no "version"');
  });

  it('counts lines the way the editor does (\\n, \\r\\n and \\r)', () => {
    const text = 'a\r\nb\nc\rd';
    assert.deepEqual(positionOf(text, text.indexOf('b')), { line: 1, character: 0 });
    assert.deepEqual(positionOf(text, text.indexOf('d')), { line: 3, character: 0 });
    assert.deepEqual(positionOf(text, 1000), { line: 3, character: 1 });
  });
});
