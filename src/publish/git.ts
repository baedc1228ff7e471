// Git facts for provenance and the optional release tag, through `git` itself (execFile, no shell).
// Pure of `vscode`; every failure becomes "not a git repository" or an error message, never a throw.
import { execFile } from 'node:child_process';

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

/** The repository holding `folder`, its HEAD commit and tags; undefined outside git (or without git). */
export async function gitInfo(folder: string): Promise<GitInfo | undefined> {
  try {
    const [head, tags] = await Promise.all([
      git(folder, ['rev-parse', '--show-toplevel', 'HEAD']),
      git(folder, ['tag', '--points-at', 'HEAD']).then((out) => out.split('\n').filter(Boolean), () => []),
    ]);
    const [root, commit] = head.split('\n');
    if (!root || !commit) return undefined;
    return { root, commit, tags };
  } catch {
    return undefined;
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
