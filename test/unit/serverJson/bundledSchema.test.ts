// VS Code's own JSON validation of server.json uses the schema shipped in the extension, so it works offline.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { editingSchema } from '../../../src/diagnostics/model/editingSchema';
import { CURRENT_SCHEMA_URL } from '../../../src/serverJson';
import { officialSchemas, repoRoot } from './support';

describe('server.json schema shipped for VS Code', () => {
  it('jsonValidation points server.json at a built copy of the current official schema for editing (no validation keywords), not at a URL', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
    const entry = manifest.contributes.jsonValidation.find((candidate) => candidate.fileMatch === 'server.json');
    assert.ok(entry);
    assert.ok(entry.url.startsWith('./dist/'), entry.url);
    const built = path.join(repoRoot, entry.url);
    assert.ok(existsSync(built), `${built} is written by npm run build`);
    assert.deepEqual(JSON.parse(readFileSync(built, 'utf8')), editingSchema(officialSchemas()[CURRENT_SCHEMA_URL]));
  });

  it('is packaged into the .vsix', () => {
    const ignore = readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!dist/schemas/**'));
  });
});
