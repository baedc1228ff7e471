// The json.schemas entries that make VS Code's JSON service read the shipped server.json schemas, and the
// build step that ships them.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, mkdirSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BUNDLED_SCHEME, bundledSchemaUri, parseBundledIndex, servesBundled, withBundledSchemas, withoutBundledSchemas } from '../../../src/diagnostics/model/jsonSchemaSettings';
import { officialSchemas, repoRoot, sharedRegistryDir } from '../serverJson/support';

const CURRENT = { url: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json', file: 'server.schema.2025-12-11.json' };
const OLDER = { url: 'https://static.modelcontextprotocol.io/schemas/2025-09-16/server.schema.json', file: 'server.schema.2025-09-16.json' };
const usersOwn = { fileMatch: ['/tsconfig.*.json'], url: 'https://json.schemastore.org/tsconfig' };

describe('json.schemas entries for the shipped server.json schemas', () => {
  it('adds one entry per official URL, a $ref to the extension\'s document, and keeps the user\'s own entries first', () => {
    const change = withBundledSchemas([usersOwn], [CURRENT, OLDER]);
    assert.deepEqual(change.value, [
      usersOwn,
      { url: CURRENT.url, schema: { $ref: `${BUNDLED_SCHEME}://official/${CURRENT.file}` } },
      { url: OLDER.url, schema: { $ref: `${BUNDLED_SCHEME}://official/${OLDER.file}` } },
    ]);
    assert.deepEqual(change.added, [CURRENT.url, OLDER.url]);
    assert.deepEqual(change.keptUsers, []);
  });

  it('is idempotent: running it again replaces its own entries instead of adding more', () => {
    const once = withBundledSchemas(undefined, [CURRENT, OLDER]).value;
    assert.deepEqual(withBundledSchemas(once, [CURRENT, OLDER]).value, once);
    assert.deepEqual(withBundledSchemas(once, [CURRENT]).value, [{ url: CURRENT.url, schema: { $ref: bundledSchemaUri(CURRENT.file) } }]);
  });

  it('leaves an official URL the user already points elsewhere alone, and says so', () => {
    const theirs = { url: CURRENT.url, schema: { $ref: 'file:///home/me/server.schema.json' } };
    const change = withBundledSchemas([theirs], [CURRENT, OLDER]);
    assert.deepEqual(change.value, [theirs, { url: OLDER.url, schema: { $ref: bundledSchemaUri(OLDER.file) } }]);
    assert.deepEqual(change.keptUsers, [CURRENT.url]);
    assert.equal(servesBundled(change.value, CURRENT.url), false);
    assert.equal(servesBundled(change.value, OLDER.url), true);
  });

  it('removes only its own entries, and the setting itself when nothing else is left', () => {
    const both = withBundledSchemas([usersOwn], [CURRENT]).value;
    assert.deepEqual(withoutBundledSchemas(both), [usersOwn]);
    assert.equal(withoutBundledSchemas(withBundledSchemas(undefined, [CURRENT]).value), undefined);
    assert.equal(withoutBundledSchemas(undefined), undefined);
  });

  it('tolerates a json.schemas value that is not a list (hand-edited settings)', () => {
    assert.deepEqual(withBundledSchemas('oops', [CURRENT]).value, [{ url: CURRENT.url, schema: { $ref: bundledSchemaUri(CURRENT.file) } }]);
    assert.equal(servesBundled({ url: CURRENT.url }, CURRENT.url), false);
  });

  it('reads only well-formed index entries: https URLs and plain file names (no path traversal)', () => {
    assert.deepEqual(parseBundledIndex([CURRENT, { url: 'http://x/s.json', file: 'a.json' }, { url: CURRENT.url, file: '../../secret.json' }, { url: CURRENT.url }, null, 'x']), [CURRENT]);
    assert.deepEqual(parseBundledIndex({ not: 'a list' }), []);
  });
});

describe('scripts/build-schemas.mjs', () => {
  it('ships every official schema of ../shared, unchanged, indexed by its $id (npm run build wrote dist/schemas)', () => {
    const dir = path.join(repoRoot, 'dist/schemas/official');
    const index = parseBundledIndex(JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')));
    const shared = officialSchemas();
    assert.deepEqual(index.map((entry) => entry.url).sort(), Object.keys(shared).sort());
    for (const entry of index) assert.deepEqual(JSON.parse(readFileSync(path.join(dir, entry.file), 'utf8')), shared[entry.url], entry.file);
    assert.ok(index.some((entry) => entry.url.includes('/draft/')), 'the draft schema too');
  });

  it('picks up a schema that appears upstream without a code change, and drops files without an https $id', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'mcpv-build-schemas-'));
    try {
      const project = path.join(root, 'project');
      const upstream = path.join(root, 'shared', 'mcp-registry', 'server-json');
      mkdirSync(path.join(project, 'src/serverJson'), { recursive: true });
      cpSync(path.join(repoRoot, 'src/serverJson/schemaVersions.ts'), path.join(project, 'src/serverJson/schemaVersions.ts'));
      mkdirSync(upstream, { recursive: true });
      for (const file of readdirSync(path.join(sharedRegistryDir, 'server-json'))) cpSync(path.join(sharedRegistryDir, 'server-json', file), path.join(upstream, file));
      writeFileSync(path.join(upstream, 'server.schema.2030-01-01.json'), JSON.stringify({ $id: 'https://static.modelcontextprotocol.io/schemas/2030-01-01/server.schema.json', type: 'object' }));
      writeFileSync(path.join(upstream, 'server.schema.local.json'), JSON.stringify({ $id: 'file:///tmp/x.json' }));
      const { buildServerJsonSchemas } = await import(path.join(repoRoot, 'scripts/build-schemas.mjs')) as { buildServerJsonSchemas: (root: string) => void };
      buildServerJsonSchemas(project);
      const index = parseBundledIndex(JSON.parse(readFileSync(path.join(project, 'dist/schemas/official/index.json'), 'utf8')));
      assert.ok(index.some((entry) => entry.url.includes('/2030-01-01/')));
      assert.ok(!index.some((entry) => entry.file === 'server.schema.local.json'));
      assert.ok(existsSync(path.join(project, 'dist/schemas/server.schema.json')), 'the current schema for jsonValidation');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('is served from a scheme the manifest activates on', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { activationEvents: string[] };
    assert.ok(manifest.activationEvents.includes(`onFileSystem:${BUNDLED_SCHEME}`));
  });
});
