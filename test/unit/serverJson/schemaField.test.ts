import * as assert from 'node:assert/strict';
import { CURRENT_SCHEMA_URL, KNOWN_SCHEMA_VERSIONS, validateServerJson } from '../../../src/serverJson';
import { applyFix, codes, covered, CURRENT, officialSchemas, only, serverJson, validate } from './support';

describe('server.json $schema', () => {
  it('exports the current schema URL and the known versions the registry accepts', () => {
    assert.equal(CURRENT_SCHEMA_URL, CURRENT);
    assert.ok(Object.keys(officialSchemas()).includes(CURRENT_SCHEMA_URL));
    assert.deepEqual([...KNOWN_SCHEMA_VERSIONS], ['2025-07-09', '2025-09-16', '2025-09-29', '2025-10-11', '2025-10-17', '2025-12-11']);
  });

  it('reports a missing $schema as an error at the name key, with a fix that adds the current URL first', () => {
    const text = serverJson({ $schema: undefined });
    const problem = only(validate(text), 'schema-missing');
    assert.equal(problem.severity, 'error');
    assert.equal(covered(text, problem), '"name"');
    const fixed = applyFix(text, problem);
    assert.equal(Object.keys(JSON.parse(fixed))[0], '$schema');
    assert.equal(JSON.parse(fixed).$schema, CURRENT);
    assert.deepEqual(validate(fixed), []);
  });

  for (const version of ['2025-07-09', '2025-09-16', '2025-09-29', '2025-10-11', '2025-10-17']) {
    it(`warns that ${version} is deprecated and fixes it to the current URL`, () => {
      const url = `https://static.modelcontextprotocol.io/schemas/${version}/server.schema.json`;
      const text = serverJson({ $schema: url });
      const problem = only(validate(text), 'schema-version-deprecated');
      assert.equal(problem.severity, 'warning');
      assert.equal(covered(text, problem), JSON.stringify(url));
      const fixed = applyFix(text, problem);
      assert.equal(JSON.parse(fixed).$schema, CURRENT);
      assert.ok(!codes(validate(fixed)).includes('schema-version-deprecated'));
    });
  }

  it('reports an unknown schema version as an error with a fix', () => {
    const url = 'https://static.modelcontextprotocol.io/schemas/2024-01-01/server.schema.json';
    const text = serverJson({ $schema: url });
    const problem = only(validate(text), 'schema-unknown');
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /2024-01-01/);
    assert.equal(covered(text, problem), JSON.stringify(url));
    assert.equal(JSON.parse(applyFix(text, problem)).$schema, CURRENT);
  });

  it('treats the unreleased draft schema and non-URL values as unknown', () => {
    const draft = 'https://raw.githubusercontent.com/modelcontextprotocol/registry/main/docs/reference/server-json/draft/server.schema.json';
    assert.equal(only(validate(serverJson({ $schema: draft })), 'schema-unknown').severity, 'error');
    const numeric = serverJson({ $schema: 42 });
    assert.equal(covered(numeric, only(validate(numeric), 'schema-unknown')), '42');
  });

  it('says the schema could not be loaded when no document is given for the URL, and still runs registry rules', () => {
    const text = serverJson({ description: 'x'.repeat(101), packages: [{ registryType: 'npm', identifier: 'a' }] });
    const problems = validateServerJson(text, {});
    const info = only(problems, 'schema-unavailable');
    assert.equal(info.severity, 'info');
    assert.equal(covered(text, info), JSON.stringify(CURRENT));
    assert.ok(!codes(problems).includes('schema'), 'no schema validation without the schema');
    assert.ok(codes(problems).includes('description-too-long'));
  });

  it('finds the schema by version even when the URL differs in form', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: 'a', version: '1.0.0' }] });
    const schemas = { 'http://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json': officialSchemas()[CURRENT]! };
    assert.ok(codes(validateServerJson(text, { schemas })).includes('schema'));
  });

  it('reports a schema that cannot be compiled as unavailable instead of throwing', () => {
    const text = serverJson();
    const problems = validateServerJson(text, { schemas: { [CURRENT]: { type: 'not-a-json-type' } } });
    assert.deepEqual(codes(problems), ['schema-unavailable']);
    assert.match(problems[0]!.message, /could not be compiled/);
  });
});
