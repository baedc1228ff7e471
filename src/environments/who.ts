// Who deploys: `git config user.name` in the workspace, else the OS user.
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

export function whoAmI(cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    execFile('git', ['config', 'user.name'], { cwd, timeout: 3000 }, (error, stdout) => {
      const name = error ? '' : stdout.trim();
      resolve(name || osUser());
    });
  });
}

function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
