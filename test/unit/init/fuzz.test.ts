import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { draftServerJson, type DraftResult } from '../../../src/init';
import type { Json } from './support';

const FILE_NAMES = ['package.json', 'pyproject.toml', 'setup.cfg', 'Cargo.toml', '../Cargo.toml', 'src/App/App.csproj', 'manifest.json', 'Dockerfile', 'README.md', '.env.example', '../package.json'];

/** Whatever the files say, a draft comes back whole: the required fields are strings and every edit reproduces its newText. */
function assertWhole(result: DraftResult): void {
  const server: Json = result.serverJson;
  for (const key of ['$schema', 'name', 'description', 'version']) assert.equal(typeof server[key], 'string', key);
  assert.ok([...server.description].length <= 100);
  for (const note of result.notes) assert.equal(typeof note.message, 'string');
  for (const edit of result.markerEdits) assert.equal(typeof edit.newText, 'string');
  JSON.stringify(result);
}

describe('Create server.json: hostile and random projects', () => {
  it('random text in every manifest never throws', () => {
    const files = fc.dictionary(fc.constantFrom(...FILE_NAMES), fc.string({ maxLength: 300 }), { maxKeys: FILE_NAMES.length });
    fc.assert(fc.property(files, fc.option(fc.string({ maxLength: 100 })), (map, remote) => {
      assertWhole(draftServerJson({ files: map, gitRemoteUrl: remote ?? undefined }));
    }), { numRuns: 300 });
  });

  it('random JSON as package.json and manifest.json never throws', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), (pkg, manifest) => {
      assertWhole(draftServerJson({ files: { 'package.json': JSON.stringify(pkg), 'manifest.json': JSON.stringify(manifest) } }));
    }), { numRuns: 200 });
  });

  it('megabyte-long lines in every file are read in bounded time (the suite timeout would catch a quadratic pattern)', () => {
    const big = 1_000_000;
    const cases: Record<string, string>[] = [
      { Dockerfile: `FROM node:22\nLABEL ${'a'.repeat(big)}\n` },
      { Dockerfile: `FROM ${'--a '.repeat(big / 4)}\n` },
      { 'src/App/App.csproj': '<None '.repeat(big / 6) },
      { '.env.example': `API_KEY=${' #'.repeat(big / 2)}x\n` },
      { 'README.md': `## Configuration\n${'| `A_B` '.repeat(big / 8)}\n` },
      { 'README.md': 'mcp-name: '.repeat(big / 10) },
      { 'setup.cfg': `[metadata]\nname ${' '.repeat(big)}\n` },
    ];
    for (const files of cases) assertWhole(draftServerJson({ files }));
  });
});
