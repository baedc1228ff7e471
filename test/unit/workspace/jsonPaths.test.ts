import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIssuePath, rangeForPath, topLevelStrings } from '../../../src/diagnostics/jsonPaths';
import { LineIndex } from '../../../src/diagnostics/lineIndex';
import { positionOf } from '../../../src/workspace/localServer';

const doc = JSON.stringify({
  $schema: 'https://example.com/s.json',
  name: 'io.github.a/b',
  packages: [{ registryType: 'npm', transport: { type: 'streamable-http', url: 'not a url' }, environmentVariables: [{ name: 'NESTED' }] }],
}, null, 2);

describe('diagnostics json paths', () => {
  it('parses the registry issue paths and JSON pointers', () => {
    assert.deepEqual(parseIssuePath('packages[0].transport.url'), ['packages', 0, 'transport', 'url']);
    assert.deepEqual(parseIssuePath('/packages/0/transport/url'), ['packages', 0, 'transport', 'url']);
    assert.deepEqual(parseIssuePath('body.name'), ['name']);
    assert.deepEqual(parseIssuePath(''), []);
    assert.deepEqual(parseIssuePath('_meta["io.example/x"]'), ['_meta', 'io.example/x']);
  });

  it('finds the range of the value at a path', () => {
    const range = rangeForPath(doc, ['packages', 0, 'transport', 'url']);
    assert.equal(doc.slice(range.start, range.end), '"not a url"');
  });

  it('falls back to the key of the deepest existing parent for a missing property', () => {
    const range = rangeForPath(doc, ['packages', 0, 'transport', 'headers', 0]);
    assert.equal(doc.slice(range.start, range.end), '"transport"');
  });

  it('gives the document start for text that is not JSON at all', () => {
    assert.deepEqual(rangeForPath('', ['name']), { start: 0, end: 0 });
  });

  it('reads top-level strings only, never nested ones', () => {
    assert.deepEqual(topLevelStrings(doc, ['$schema', 'name']), { $schema: 'https://example.com/s.json', name: 'io.github.a/b' });
    assert.deepEqual(topLevelStrings('{"packages":[{"name":"x"}],"env":{"name":"y"}}', ['name']), {});
    assert.deepEqual(topLevelStrings('{"name": "a", "name": "b"', ['name']), { name: 'a' });
  });

  it('LineIndex agrees with a linear scan for any text and offset', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('a', '\n', '\r', 'é', '😀') }), fc.nat(), (text, raw) => {
      const offset = raw % (text.length + 1);
      const expected = positionOf(text, offset);
      const inBetweenCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
      if (!inBetweenCrlf) assert.deepEqual(new LineIndex(text).positionAt(offset), expected);
    }));
  });
});
