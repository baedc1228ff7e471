import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { readlink, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isInsideFolder, resolveHistoryFile } from '../../../src/environments/model';

const fs = { realpath, readlink };

describe('deployment history file location', () => {
  let root: string;
  let folder: string;
  let outside: string;
  before(() => {
    root = mkdtempSync(path.join(tmpdir(), 'mcpv-history-'));
    folder = path.join(root, 'workspace');
    outside = path.join(root, 'elsewhere');
    mkdirSync(path.join(folder, '.mcp'), { recursive: true });
    mkdirSync(outside);
    symlinkSync(outside, path.join(folder, 'link-out'));
    symlinkSync(path.join(outside, 'audit.jsonl'), path.join(folder, 'file-link.jsonl'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('resolves a relative path inside the folder, even when it does not exist yet', async () => {
    const result = await resolveHistoryFile(folder, '.mcp/new/deployments.jsonl', fs);
    assert.deepEqual(result, { ok: true, path: path.join(await realpath(folder), '.mcp', 'new', 'deployments.jsonl') });
  });

  it('accepts an absolute path inside the folder', async () => {
    assert.equal((await resolveHistoryFile(folder, path.join(folder, 'deployments.jsonl'), fs)).ok, true);
  });

  for (const [label, setting] of [
    ['a .. path', '../elsewhere/audit.jsonl'],
    ['an absolute path elsewhere', '/tmp/audit.jsonl'],
    ['a folder link that leads out', 'link-out/audit.jsonl'],
    ['a file link that leads out (target missing)', 'file-link.jsonl'],
    ['the folder itself', '.'],
  ]) {
    it(`refuses ${label}, naming where it leads`, async () => {
      const result = await resolveHistoryFile(folder, setting, fs);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.message, /outside the workspace folder/);
    });
  }

  it('tells inside from outside by path segments, not by string prefix', () => {
    assert.equal(isInsideFolder('/w/app', '/w/app/x'), true);
    assert.equal(isInsideFolder('/w/app', '/w/app-evil/x'), false);
    assert.equal(isInsideFolder('/w/app', '/w/app/..x'), true);
    assert.equal(isInsideFolder('/w/app', '/w'), false);
  });
});
