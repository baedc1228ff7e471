import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type Node } from 'jsonc-parser';
import { strictJsonTree } from '../../../src/serverJson/strictJsonTree';

interface Shape {
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  colonOffset?: number;
  children?: Shape[];
}

function shapeOf(node: Node): Shape {
  const shape: Shape = { type: node.type, offset: node.offset, length: node.length };
  if (node.type !== 'object' && node.type !== 'array' && node.type !== 'property') shape.value = node.value;
  if (node.type === 'property') shape.colonOffset = node.colonOffset;
  if (node.children) shape.children = node.children.map(shapeOf);
  return shape;
}

describe('fast tree for strict JSON (used for problem ranges)', () => {
  it('gives the same node offsets, lengths and values as jsonc-parser', () => {
    const layout = fc.constantFrom<(string | number | undefined)>(undefined, 0, 1, 2, 4, '\t', ' \r\n ');
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), layout, (value, indent) => {
      const text = `${typeof indent === 'string' && indent.includes('\n') ? ' \n' : ''}${JSON.stringify(value, null, typeof indent === 'string' ? indent.replace(/\r/g, '') : indent)}`;
      const fast = strictJsonTree(text);
      const reference = parseTree(text);
      assert.ok(fast && reference);
      assert.deepEqual(shapeOf(fast), shapeOf(reference));
    }), { numRuns: 300 });
  });

  it('decodes escaped strings and keeps parents linked', () => {
    const text = '{"a\\u0041": ["\\"q\\"", -1.5e3, true, null]}';
    const root = strictJsonTree(text)!;
    const property = root.children![0]!;
    assert.equal(property.children![0]!.value, 'aA');
    const array = property.children![1]!;
    assert.deepEqual(array.children!.map((child) => child.value), ['"q"', -1500, true, null]);
    assert.equal(array.children![0]!.parent, array);
    assert.equal(array.parent, property);
  });

  it('returns undefined rather than a wrong tree for text that is not JSON', () => {
    for (const text of ['{', '{"a":1,}', '[1 2]', '"unterminated', '{} {}', 'nul']) assert.equal(strictJsonTree(text), undefined, text);
  });
});
