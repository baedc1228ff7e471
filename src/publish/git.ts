// Git facts for provenance and the optional release tag, through `git` itself (execFile, no shell).
// Pure of `vscode`; every failure becomes "not a git repository" or an error message, never a throw.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import path from 'node:path';

export interface GitInfo {
  /** Top-level folder of the repository. */
  root: string;
  commit: string;
  /** Tags pointing at HEAD. */
  tags: string[];
}

function git(cwd: string, args: string[], timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, timeout: timeoutMs, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout, stderr) => {
      if (error) reject(new Error((stderr || error.message).trim().split('\n')[0]));
      else resolve(stdout.trim());
    });
  });
}

/**
 * The repository holding `folder`, its HEAD commit and tags; undefined outside git (or without git).
 * The repository is found on disk (no process outside git); inside, one `git log` gives the commit and
 * the refs at HEAD (ref names cannot contain ", ", so the list splits safely). Each process costs a fork
 * of the whole extension host, on the path of Publish Version.
 */
export async function gitInfo(folder: string): Promise<GitInfo | undefined> {
  const root = await repositoryRoot(folder);
  if (!root) return undefined;
  try {
    const [commit, refs = ''] = (await git(folder, ['-c', 'log.showSignature=false', 'log', '-1', '--format=%H%n%D', '--decorate=full'])).split('\n');
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    const tags = refs.split(', ').filter((ref) => ref.startsWith('tag: refs/tags/')).map((ref) => ref.slice('tag: refs/tags/'.length));
    return { root, commit, tags };
  } catch {
    return undefined;
  }
}

/** The nearest folder holding a `.git` entry (a folder, or a file in worktrees and submodules). */
async function repositoryRoot(folder: string): Promise<string | undefined> {
  for (let dir = path.resolve(folder); ; dir = path.dirname(dir)) {
    if (await stat(path.join(dir, '.git')).then(() => true, () => false)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** `git tag -a <tag> -m <message>` at HEAD; resolves to an error message instead of throwing. */
export async function createAnnotatedTag(folder: string, tag: string, message: string): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await git(folder, ['tag', '-a', tag, '-m', message]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
