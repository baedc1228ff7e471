// bump_50_files_ms: Bump Version on 50 server.json files (each with its npm package.json) in the real
// extension host — reading and planning every edit, then one applyEdit without the interactive preview
// (and saving the files, which were not dirty). Appends a JSON line to MCPV_BENCH_OUT.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extensionApi } from '../harness';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '../../../..');
const FILES = 50;

describe('benchmark: bump', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcpv-bump-bench-'));
  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    rmSync(root, { recursive: true, force: true });
  });

  it('bumps 50 server.json files in one edit and records the time', async () => {
    const api = await extensionApi();
    const serverJson = readFileSync(join(repoRoot, 'test/fixtures/sample-server/server.json'), 'utf8');
    const packageJson = readFileSync(join(repoRoot, 'test/fixtures/sample-server/package.json'), 'utf8');
    const uris: vscode.Uri[] = [];
    for (let i = 0; i < FILES; i++) {
      const folder = join(root, `server-${String(i).padStart(2, '0')}`);
      mkdirSync(folder);
      writeFileSync(join(folder, 'server.json'), serverJson.replace('acme-labs/weather"', `acme-labs/weather-${i}"`));
      writeFileSync(join(folder, 'package.json'), packageJson);
      uris.push(vscode.Uri.file(join(folder, 'server.json')));
    }

    const started = performance.now();
    const prepared = await Promise.all(uris.map((uri) => api.bump.prepare(uri, '1.5.0')));
    const applied = await api.bump.apply(prepared, { preview: false });
    const ms = performance.now() - started;

    assert.equal(prepared.reduce((sum, bump) => sum + bump.plan.files.length, 0), FILES * 2, 'every server.json and its package.json are planned');
    assert.equal(applied?.length, FILES);
    assert.equal(applied.reduce((sum, bump) => sum + bump.changed.length, 0), FILES * 2);
    assert.equal(JSON.parse(readFileSync(join(root, 'server-49', 'server.json'), 'utf8')).version, '1.5.0');
    const out = process.env.MCPV_BENCH_OUT;
    if (out) appendFileSync(out, `${JSON.stringify({ bump_50_files_ms: ms })}\n`);
  });
});
