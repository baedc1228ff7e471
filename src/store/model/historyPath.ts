// Where `mcpVersions.deployments.historyFile` may point: inside the workspace folder once symbolic links are
// followed, so a workspace setting cannot make a deploy append to (or read) a file elsewhere on the disk.
import * as l10n from '@vscode/l10n';
import path from 'node:path';

export interface PathFs {
  realpath(p: string): Promise<string>;
  readlink(p: string): Promise<string>;
}

const MAX_LINK_HOPS = 40;

export type HistoryPathResult = { ok: true; path: string } | { ok: false; message: string };

/** Whether `candidate` is `root` or below it (both absolute and already resolved). */
export function isInsideFolder(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!/^\.\.([/\\]|$)/.test(relative) && !path.isAbsolute(relative));
}

function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/**
 * The real path of a file that may not exist yet: its nearest existing ancestor resolved, the rest appended.
 * A dangling link is followed to where it points (writing to it would create its target).
 */
async function realPathOfMaybeMissing(file: string, fs: PathFs): Promise<string> {
  const missing: string[] = [];
  let at = file;
  for (let hops = 0; ; ) {
    try {
      return path.join(await fs.realpath(at), ...missing.reverse());
    } catch (error) {
      if (code(error) !== 'ENOENT' && code(error) !== 'ENOTDIR') throw error;
      const target = await fs.readlink(at).catch(() => undefined);
      if (target !== undefined) {
        if (++hops > MAX_LINK_HOPS) throw new Error(l10n.t('too many symbolic links'), { cause: error });
        at = path.resolve(path.dirname(at), target);
        continue;
      }
      const parent = path.dirname(at);
      if (parent === at) return file;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/** Resolves the history file against the folder (relative paths are relative to it) and checks it stays inside. */
export async function resolveHistoryFile(folder: string, setting: string, fs: PathFs): Promise<HistoryPathResult> {
  const file = path.resolve(folder, setting);
  let realFolder: string;
  let realFile: string;
  try {
    realFolder = await fs.realpath(folder);
    realFile = await realPathOfMaybeMissing(file, fs);
  } catch (error) {
    return { ok: false, message: l10n.t('{0} "{1}" cannot be resolved: {2}', 'mcpVersions.deployments.historyFile', setting, error instanceof Error ? error.message : String(error)) };
  }
  if (!isInsideFolder(realFolder, realFile) || realFile === realFolder) {
    return { ok: false, message: l10n.t('{0} "{1}" resolves to {2}, outside the workspace folder {3}; the deployment history is kept only inside the workspace.', 'mcpVersions.deployments.historyFile', setting, realFile, realFolder) };
  }
  return { ok: true, path: realFile };
}
