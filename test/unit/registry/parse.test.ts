import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  OFFICIAL_META_KEY,
  RegistryError,
  officialMeta,
  parseServerList,
  parseServerResponse,
  parseTokenResponse,
  parseValidationResult,
} from '../../../src/registry';

const sharedDir = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'mcp-registry');

const officialBlock = {
  status: 'deprecated',
  statusChangedAt: '2026-04-01T10:00:00Z',
  statusMessage: 'Use 2.x',
  publishedAt: '2026-03-01T10:00:00Z',
  updatedAt: '2026-04-01T10:00:00Z',
  isLatest: false,
};

function assertParseError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (error: unknown) => {
    assert.ok(error instanceof RegistryError);
    assert.equal(error.kind, 'parse');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('registry parsing', () => {
  it('reads a current ServerResponse, keeping sub-registry _meta keys and unknown server fields', () => {
    const response = parseServerResponse({
      server: {
        $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
        name: 'io.github.alice/weather',
        description: 'Weather',
        version: '1.2.0',
        futureField: { kept: true },
        remotes: [{ type: 'streamable-http', url: 'https://{tenant}.example.com/mcp', variables: { tenant: { isRequired: true } } }],
      },
      _meta: { [OFFICIAL_META_KEY]: officialBlock, 'com.example.subregistry/custom': { stars: 3 } },
    });
    assert.equal(response.server.name, 'io.github.alice/weather');
    assert.deepEqual(officialMeta(response), officialBlock);
    assert.deepEqual(response._meta['com.example.subregistry/custom'], { stars: 3 });
    assert.deepEqual((response.server as unknown as Record<string, unknown>).futureField, { kept: true });
    assert.deepEqual(response.server.remotes?.[0].variables, { tenant: { isRequired: true } });
  });

  it('normalises the 2025-07-09 snake_case generation to camelCase without renaming user keys', () => {
    const response = parseServerResponse({
      server: {
        name: 'io.github.bob/files',
        description: 'Files',
        version: '0.3.0',
        website_url: 'https://example.com',
        packages: [
          {
            registry_type: 'npm',
            registry_base_url: 'https://registry.npmjs.org',
            identifier: '@bob/files',
            version: '0.3.0',
            runtime_hint: 'npx',
            transport: { type: 'stdio' },
            runtime_arguments: [{ type: 'named', name: '--root', is_required: true, format: 'file_path' }],
            package_arguments: [{ type: 'positional', value_hint: 'dir', is_repeated: true }],
            environment_variables: [
              { name: 'TOKEN', is_secret: true, value: '{token_value}', variables: { token_value: { is_required: true } } },
            ],
          },
        ],
        _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { build_id: 'x' } },
      },
      _meta: { [OFFICIAL_META_KEY]: { ...officialBlock, status: 'active' } },
    });
    const server = response.server;
    assert.equal(server.websiteUrl, 'https://example.com');
    const pkg = server.packages![0];
    assert.equal(pkg.registryType, 'npm');
    assert.equal(pkg.registryBaseUrl, 'https://registry.npmjs.org');
    assert.equal(pkg.runtimeHint, 'npx');
    assert.deepEqual(pkg.runtimeArguments, [{ type: 'named', name: '--root', isRequired: true, format: 'filepath' }]);
    assert.deepEqual(pkg.packageArguments, [{ type: 'positional', valueHint: 'dir', isRepeated: true }]);
    assert.deepEqual(pkg.environmentVariables, [
      { name: 'TOKEN', isSecret: true, value: '{token_value}', variables: { token_value: { isRequired: true } } },
    ]);
    assert.deepEqual(server._meta, { 'io.modelcontextprotocol.registry/publisher-provided': { build_id: 'x' } });
  });

  it('reads list items of the era when the official block and status sat inside the server', () => {
    const list = parseServerList({
      servers: [
        {
          name: 'io.github.carol/old',
          description: 'Old',
          version: '0.1.0',
          status: 'deprecated',
          _meta: { [OFFICIAL_META_KEY]: { id: 'x', published_at: '2025-08-01T00:00:00Z', updated_at: '2025-08-02T00:00:00Z', is_latest: true } },
        },
      ],
      metadata: { next_cursor: 'io.github.carol/old:0.1.0' },
    });
    const [item] = list.servers;
    assert.equal(item.server.name, 'io.github.carol/old');
    assert.deepEqual(officialMeta(item), {
      status: 'deprecated',
      statusChangedAt: '2025-08-02T00:00:00Z',
      publishedAt: '2025-08-01T00:00:00Z',
      updatedAt: '2025-08-02T00:00:00Z',
      isLatest: true,
    });
    assert.equal('status' in item.server, false, 'legacy status is hoisted out of the server');
    assert.equal(item.server._meta, undefined, 'the official block is not left inside the server');
    assert.deepEqual(list.metadata, { nextCursor: 'io.github.carol/old:0.1.0', count: 1 });
  });

  it('reads a wrapped response whose official block still sits inside server._meta', () => {
    const response = parseServerResponse({
      server: { name: 'io.github.dan/mid', description: 'Mid', version: '1.0.0', _meta: { [OFFICIAL_META_KEY]: officialBlock } },
    });
    assert.deepEqual(officialMeta(response), officialBlock);
    assert.equal(response.server._meta, undefined);
  });

  it('reads all 358 servers of the real 2025-09-21 seed as legacy list items', () => {
    const seed: unknown[] = JSON.parse(readFileSync(path.join(sharedDir, 'seed-2025-09-21.json'), 'utf8'));
    const list = parseServerList({ servers: seed });
    assert.equal(list.servers.length, 358);
    for (const item of list.servers) {
      assert.equal(officialMeta(item).status, 'active');
      assert.equal(officialMeta(item).isLatest, true);
      for (const pkg of item.server.packages ?? []) assert.equal(typeof pkg.registryType, 'string');
    }
  });

  it('omits nextCursor when the page is the last one', () => {
    const list = parseServerList({ servers: [], metadata: { count: 0 } });
    assert.deepEqual(list.metadata, { count: 0 });
  });

  it('refuses responses without what the extension relies on, naming what is missing', () => {
    const server = { name: 'io.github.a/b', description: 'd', version: '1.0.0' };
    assertParseError(() => parseServerResponse({ server: { ...server, name: undefined }, _meta: { [OFFICIAL_META_KEY]: officialBlock } }), /name is missing/);
    assertParseError(() => parseServerResponse({ server: { ...server, version: 3 }, _meta: { [OFFICIAL_META_KEY]: officialBlock } }), /version is missing/);
    assertParseError(() => parseServerResponse({ server }), /registry metadata .* is missing/);
    assertParseError(
      () => parseServerResponse({ server, _meta: { [OFFICIAL_META_KEY]: { ...officialBlock, isLatest: 'yes' } } }),
      /isLatest is not a boolean/,
    );
    assertParseError(
      () => parseServerResponse({ server, _meta: { [OFFICIAL_META_KEY]: { ...officialBlock, status: 'gone' } } }),
      /unknown status "gone"/,
    );
    assertParseError(() => parseServerList({ items: [] }), /no "servers" array/);
    assertParseError(() => parseServerList({ servers: [42] }), /servers\[0\] is not an object/);
  });

  it('reads token responses with Unix-second expiry', () => {
    const token = parseTokenResponse({ registry_token: 'a.b.c', expires_at: 1_800_000_000 });
    assert.equal(token.token, 'a.b.c');
    assert.equal(token.expiresAt.toISOString(), new Date(1_800_000_000_000).toISOString());
    assertParseError(() => parseTokenResponse({ registry_token: 'a.b.c' }), /expires_at/);
  });

  it('reads validation results, defaulting unknown severities to error', () => {
    const result = parseValidationResult({
      valid: false,
      issues: [
        { type: 'semantic', path: 'version', message: 'reserved', severity: 'error', reference: 'reserved-version-string' },
        { type: 'schema', path: '$schema', message: 'old schema', severity: 'warning' },
        { path: 'x', message: 'odd', severity: 'fatal' },
      ],
    });
    assert.equal(result.valid, false);
    assert.deepEqual(
      result.issues.map((i) => [i.path, i.severity]),
      [['version', 'error'], ['$schema', 'warning'], ['x', 'error']],
    );
    assert.equal(result.issues[0].reference, 'reserved-version-string');
  });
});
