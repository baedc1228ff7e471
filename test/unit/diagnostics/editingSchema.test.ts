// The schema VS Code's JSON service gets from the extension: completion and hover, no second copy of the
// problems our own checks report.
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { editingSchema } from '../../../src/diagnostics/model/editingSchema';
import { officialSchemas } from '../serverJson/support';

const CURRENT = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
const VALIDATION_ONLY = ['maxLength', 'minLength', 'pattern', 'format', 'required', 'not', 'const', 'oneOf', 'enum'];

function keywordsIn(schema: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => keywordsIn(s, found));
  else if (schema && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (['properties', 'definitions'].includes(key)) {
        found.add(key);
        Object.values(value as object).forEach((s) => keywordsIn(s, found));
      }
      else if (!['default', 'example', 'examples'].includes(key)) {
        found.add(key);
        keywordsIn(value, found);
      }
    }
  }
  return found;
}

describe('the server.json schema as VS Code\'s JSON service gets it', () => {
  for (const [id, schema] of Object.entries(officialSchemas())) {
    it(`keeps what completion and hover use and drops the validation keywords: ${id.split('/schemas/')[1] ?? id}`, () => {
      const editing = editingSchema(schema) as Record<string, unknown>;
      const kept = keywordsIn(editing);
      for (const keyword of VALIDATION_ONLY) assert.ok(!kept.has(keyword), `${keyword} left in`);
      for (const keyword of ['properties', 'description', 'type', '$ref']) assert.ok(kept.has(keyword), `${keyword} kept`);
      assert.deepEqual(Object.keys(editing.definitions as object), Object.keys((schema as { definitions: object }).definitions), 'every definition, by name');
    });
  }

  it('lets through what only our checks report (too long, missing, wrong pattern, a value not in an enum), and still knows types', () => {
    const ajv = new Ajv({ strict: false, validateSchema: false });
    const validate = ajv.compile(editingSchema(officialSchemas()[CURRENT]) as object);
    const base = { $schema: CURRENT, name: 'io.github.acme/weather', description: 'Weather', version: '1.0.0' };
    assert.ok(validate({ ...base, description: 'x'.repeat(500) }), 'over maxLength: ours says it');
    assert.ok(validate({ $schema: CURRENT }), 'missing required properties: ours says it');
    assert.ok(validate({ ...base, name: 'no slash' }), 'name pattern: ours says it');
    assert.ok(validate({ ...base, packages: [{ registryType: 'npm', identifier: 'x', transport: { type: 'websocket' } }] }), 'an unknown transport: ours says it');
    assert.ok(!validate({ ...base, description: 42 }), 'a wrong type is still known');
    const editing = JSON.stringify(editingSchema(officialSchemas()[CURRENT]));
    assert.match(editing, /"examples":\["stdio"/, 'transport types are offered as completions');
  });
});
