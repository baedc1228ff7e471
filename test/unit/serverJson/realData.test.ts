import * as assert from 'node:assert/strict';
import { validateServerJson } from '../../../src/serverJson';
import { applyFix, codes, CURRENT, officialSchemas, only, readSharedJson, validate } from './support';

interface SeedEntry {
  name: string;
  description: string;
  packages?: { registryType: string; version?: string; registryBaseUrl?: string }[];
  _meta?: Record<string, unknown>;
}

/**
 * What the registry would object to in a 2025-09 seed entry re-published today: its `status` field and
 * OCI `registryBaseUrl` are still schema-valid, but OCI packages carried `version` (now forbidden),
 * many descriptions are empty or longer than 100 characters, and `_meta` holds the registry's own block.
 */
function expectedCodes(entry: SeedEntry): string[] {
  const expected: string[] = [];
  const length = [...entry.description].length;
  if (length > 100) expected.push('description-too-long');
  if (length === 0) expected.push('description-empty');
  for (const pkg of entry.packages ?? []) {
    if (pkg.registryType !== 'oci') continue;
    if (pkg.registryBaseUrl !== undefined) expected.push('oci-legacy-registry-base-url');
    if (pkg.version !== undefined) expected.push('oci-version-field');
  }
  for (const key of Object.keys(entry._meta ?? {})) if (key !== 'io.modelcontextprotocol.registry/publisher-provided') expected.push('meta-key-dropped');
  return expected.sort();
}

describe('real server.json documents', () => {
  const seed = readSharedJson('seed-2025-09-21.json') as SeedEntry[];

  it('has the 358 seed servers to check', () => {
    assert.equal(seed.length, 358);
  });

  it('reports the missing $schema on every seed entry (they predate it) and its fix adds the current one', () => {
    for (const entry of seed) {
      const text = JSON.stringify(entry, null, 2);
      const problems = validate(text);
      const missing = only(problems, 'schema-missing');
      assert.equal(JSON.parse(applyFix(text, missing)).$schema, CURRENT, entry.name);
      assert.ok(!codes(problems).some((code) => code === 'json-syntax' || code === 'internal-error'), entry.name);
    }
  });

  it('with the current $schema, reports exactly the rules the registry would apply today', () => {
    for (const entry of seed) {
      const text = JSON.stringify({ $schema: CURRENT, ...entry }, null, 2);
      assert.deepEqual(codes(validate(text)).sort(), expectedCodes(entry), entry.name);
    }
  });

  it('with the 2025-09-16 schema of their era, adds only the deprecation warning', () => {
    const url = 'https://static.modelcontextprotocol.io/schemas/2025-09-16/server.schema.json';
    for (const entry of seed.slice(0, 60)) {
      const text = JSON.stringify({ $schema: url, ...entry }, null, 2);
      assert.deepEqual(codes(validate(text)).sort(), [...expectedCodes(entry), 'schema-version-deprecated'].sort(), entry.name);
    }
  });

  it('raises no error on any seed server that the registry would not raise (published under the 2025-09-16 schema)', () => {
    const url = 'https://static.modelcontextprotocol.io/schemas/2025-09-16/server.schema.json';
    const registryErrors = new Set(['description-empty', 'description-too-long']);
    for (const entry of seed) {
      const errors = validate(JSON.stringify({ $schema: url, ...entry }, null, 2)).filter((problem) => problem.severity === 'error');
      assert.deepEqual(errors.filter((problem) => !registryErrors.has(problem.code)), [], entry.name);
      const length = [...entry.description].length;
      assert.equal(errors.length, length === 0 || length > 100 ? 1 : 0, entry.name);
    }
  });

  it('accepts a server.json assembled from the examples in the current schema', () => {
    const schema = officialSchemas()[CURRENT] as { definitions: Record<string, { properties?: Record<string, { example?: unknown; examples?: unknown[] }> }> };
    const examplesOf = (definition: string) => Object.fromEntries(Object.entries(schema.definitions[definition]!.properties ?? {})
      .map(([key, property]) => [key, property.example ?? property.examples?.[0]])
      .filter(([, value]) => value !== undefined && (typeof value !== 'object' || Array.isArray(value))));
    const server = {
      ...examplesOf('ServerDetail'),
      _meta: { 'io.modelcontextprotocol.registry/publisher-provided': schema.definitions.ServerDetail!.properties!._meta!.example ?? { tool: 'publisher-cli' } },
      repository: examplesOf('Repository'),
      icons: [examplesOf('Icon')],
      packages: [{ ...examplesOf('Package'), fileSha256: undefined, transport: { type: 'stdio' } }],
      remotes: [{ type: 'streamable-http', url: examplesOf('StreamableHttpTransport').url }],
    };
    assert.equal(server.$schema, CURRENT);
    assert.equal(server.name, 'io.github.user/weather');
    const text = JSON.stringify(server, null, 2);
    assert.deepEqual(validateServerJson(text, { schemas: officialSchemas() }), []);
  });
});
