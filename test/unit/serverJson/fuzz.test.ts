import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { findServerJsonVersionFields, validateServerJson, type Problem } from '../../../src/serverJson';
import { officialSchemas, serverJson } from './support';

const VALID = serverJson({
  packages: [
    { registryType: 'npm', identifier: '@alice/weather', version: '1.2.0', transport: { type: 'stdio' }, environmentVariables: [{ name: 'API_KEY', isSecret: true }] },
    { registryType: 'oci', identifier: 'ghcr.io/alice/weather:1.2.0', transport: { type: 'streamable-http', url: 'http://localhost:{PORT}/mcp' } },
    { registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.0/w.mcpb', fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } },
  ],
  remotes: [{ type: 'sse', url: 'https://mcp.example.com/sse' }],
  _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { tool: 'ci' }, 'com.example/x': 1 },
});

const PACKAGE_JSON = { path: '/ws/package.json', text: '{ "name": "@alice/weather", "version": "1.3.0" }' };
const PYPROJECT = { path: '/ws/pyproject.toml', text: '[project]\nname = "weather"\nversion = "1.0.0"\n' };

/** Problems must be usable by the editor whatever the input: ranges and fix edits inside the text, no crashes. */
function assertWellFormed(text: string, problems: Problem[]): void {
  for (const problem of problems) {
    assert.notEqual(problem.code, 'internal-error', problem.message);
    assert.ok(['error', 'warning', 'info'].includes(problem.severity));
    assert.ok(problem.range.start >= 0 && problem.range.start <= problem.range.end && problem.range.end <= text.length, JSON.stringify(problem.range));
    if (problem.fix && problem.fix.file === undefined) {
      for (const edit of problem.fix.edits) assert.ok(edit.offset >= 0 && edit.length >= 0 && edit.offset + edit.length <= text.length);
    }
  }
}

function check(text: string): void {
  const problems = validateServerJson(text, { schemas: officialSchemas(), context: { packageJson: PACKAGE_JSON, pyprojectToml: PYPROJECT, publishedVersions: ['1.2.0'] } });
  assertWellFormed(text, problems);
  for (const field of findServerJsonVersionFields(text)) {
    assert.ok(field.offset >= 0 && field.offset + field.length <= text.length);
    const written = text.slice(field.offset, field.offset + field.length);
    if (!written.includes('\\')) assert.equal(written, field.value);
  }
}

type Mutation =
  | { kind: 'insert'; at: number; chars: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'replace'; at: number; chars: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), chars: fc.string({ minLength: 1, maxLength: 4, unit: fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '/', '*', ' ', '\n', 'a', '1', '-', '.') }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), chars: fc.string({ minLength: 1, maxLength: 3 }) }),
);

function mutate(text: string, mutations: Mutation[]): string {
  let result = text;
  for (const step of mutations) {
    const at = result.length === 0 ? 0 : step.at % result.length;
    if (step.kind === 'insert') result = result.slice(0, at) + step.chars + result.slice(at);
    else if (step.kind === 'delete') result = result.slice(0, at) + result.slice(at + step.count);
    else result = result.slice(0, at) + step.chars + result.slice(at + step.chars.length);
  }
  return result;
}

describe('server.json validation never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), check), { numRuns: 300 });
  });

  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => check(JSON.stringify(value, null, 1))), { numRuns: 200 });
  });

  it('on mutated valid documents', () => {
    fc.assert(fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => check(mutate(VALID, mutations))), { numRuns: 400 });
  });

  it('on valid documents with fields replaced by arbitrary values', () => {
    const paths = ['$schema', 'name', 'description', 'version', 'packages', 'remotes', '_meta', 'repository', 'icons', 'websiteUrl'];
    fc.assert(fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (key, value) => {
      const document = JSON.parse(VALID) as Record<string, unknown>;
      document[key] = value;
      check(JSON.stringify(document, null, 2));
    }), { numRuns: 300 });
  });

  it('on hostile inputs: non-string text, odd options, prototype keys', () => {
    const hostile = validateServerJson as unknown as (text: unknown, options?: unknown) => Problem[];
    assert.doesNotThrow(() => hostile(undefined));
    assert.doesNotThrow(() => hostile(42, { schemas: null, context: { publishedVersions: 'nope', packageJson: { text: 5 } } }));
    const proto = '{"__proto__": {"polluted": true}, "constructor": 1, "name": "a.b/c", "description": "d", "version": "1.0.0", "$schema": "' +
      'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json"}';
    check(proto);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    check('{"version": "1.0.0", "packages": [{"registryType": "oci", "identifier": "x:1.0.0"}, null, 3, []]}');
    check(`{"description": "${'é'.repeat(5000)}", "_meta": {"io.modelcontextprotocol.registry/publisher-provided": ${JSON.stringify(Array(2000).fill('<&>'))}}}`);
  });
});
