import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createAnnotatedTag, gitInfo } from '../../../src/publish/git';
import { releaseContext } from '../../../src/publish/releaseContext';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}

describe('release context of a server.json', () => {
  let repo: string;
  let outside: string;

  before(() => {
    repo = mkdtempSync(path.join(tmpdir(), 'mcpv-release-'));
    outside = mkdtempSync(path.join(tmpdir(), 'mcpv-norepo-'));
    mkdirSync(path.join(repo, 'servers', 'weather'), { recursive: true });
    writeFileSync(path.join(repo, 'CHANGELOG.md'), '# Changelog\n\n## 1.2.0\n- Root notes.\n');
    writeFileSync(path.join(repo, 'servers', 'weather', 'server.json'), '{}');
    git(repo, 'init', '-q');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'init');
    writeFileSync(path.join(outside, 'server.json'), '{}');
    writeFileSync(path.join(outside, 'CHANGELOG.md'), '## 1.2.0\n- Local notes.\n');
  });

  after(() => {
    rmSync(repo, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('finds the commit, the repository-root CHANGELOG section and its link', async () => {
    const head = git(repo, 'rev-parse', 'HEAD');
    const context = await releaseContext(path.join(repo, 'servers', 'weather', 'server.json'), '1.2.0', 'https://github.com/acme/tools', { createTag: false });
    assert.equal(context.input.commit, head);
    assert.equal(context.input.notes, '- Root notes.');
    assert.equal(context.input.notesUrl, `https://github.com/acme/tools/blob/${head}/CHANGELOG.md`);
    assert.equal(context.input.tag, undefined);
    assert.equal(context.tagToCreate, undefined);
  });

  it('names the tag it will create, and creating it twice reports the failure', async () => {
    const serverJson = path.join(repo, 'servers', 'weather', 'server.json');
    const context = await releaseContext(serverJson, '1.2.0', undefined, { createTag: true });
    assert.equal(context.tagToCreate, 'v1.2.0');
    assert.equal(context.input.tag, 'v1.2.0');
    assert.deepEqual(await createAnnotatedTag(context.git!.root, 'v1.2.0', 'published'), { ok: true });
    assert.deepEqual((await gitInfo(repo))?.tags, ['v1.2.0']);
    const again = await createAnnotatedTag(context.git!.root, 'v1.2.0', 'published');
    assert.equal(again.ok, false);
    const next = await releaseContext(serverJson, '1.2.0', undefined, { createTag: true });
    assert.equal(next.tagToCreate, undefined, 'an existing tag is recorded, not created again');
    assert.equal(next.input.tag, 'v1.2.0');
  });

  it('reads the commit and every tag at HEAD, lightweight or annotated, from a sub-folder of the repository', async () => {
    const clone = mkdtempSync(path.join(tmpdir(), 'mcpv-tags-'));
    try {
      git(clone, 'init', '-q');
      mkdirSync(path.join(clone, 'deep', 'er'), { recursive: true });
      git(clone, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'init');
      git(clone, 'tag', 'light,with-comma');
      git(clone, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'tag', '-a', 'v2.0.0', '-m', 'annotated');
      const info = await gitInfo(path.join(clone, 'deep', 'er'));
      assert.equal(info?.root, clone);
      assert.equal(info?.commit, git(clone, 'rev-parse', 'HEAD'));
      assert.deepEqual([...(info?.tags ?? [])].sort(), ['light,with-comma', 'v2.0.0']);
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });

  it('outside git: no commit, notes from the CHANGELOG next to server.json', async () => {
    const context = await releaseContext(path.join(outside, 'server.json'), '1.2.0', 'https://github.com/acme/tools', { createTag: true });
    assert.equal(context.git, undefined);
    assert.equal(context.input.commit, undefined);
    assert.equal(context.tagToCreate, undefined);
    assert.equal(context.input.notes, '- Local notes.');
  });
});
