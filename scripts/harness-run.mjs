// Runs one set of suites inside the real VS Code (code-server + Chromium) through @vscode/test-electron.
import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const root = new URL('..', import.meta.url).pathname;

/**
 * @param {{ name: string, suiteDir: string, suffix?: string, folder?: string, developmentPath?: string,
 *   extensionFolders?: string[], skipBuiltinExtensions?: string[], env?: Record<string, string>,
 *   beforeLaunch?: (dirs: { userDataDir: string, extensionsDir: string }) => Record<string, string> | void }} run
 * @returns {Promise<boolean>} whether the suites passed
 */
export async function runInVsCode(run) {
  const runDir = join(root, '.cache/harness/tests', `${run.name.replace(/\W+/g, '-')}-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  const userDataDir = join(runDir, 'user-data');
  const extensionsDir = join(runDir, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  // Extension folders installed as they are (VS Code web takes one development path only).
  for (const folder of run.extensionFolders ?? []) {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    cpSync(folder, join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), { recursive: true });
  }
  const extraEnv = run.beforeLaunch?.({ userDataDir, extensionsDir }) ?? {};
  try {
    await runTests({
      vscodeExecutablePath: join(root, 'test/harness/launcher.mjs'),
      extensionDevelopmentPath: run.developmentPath ?? root,
      extensionTestsPath: join(root, 'out/test/integration/index.js'),
      launchArgs: [run.folder ?? join(root, 'test/fixtures/sample-server'), `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`,
        ...(run.skipBuiltinExtensions ?? []).map((id) => `--skip-builtin-extension=${id}`)],
      extensionTestsEnv: { MCPV_SUITE_DIR: run.suiteDir, MCPV_SUITE_SUFFIX: run.suffix ?? '.test.js', ...run.env, ...extraEnv },
    });
    rmSync(runDir, { recursive: true, force: true });
    return true;
  } catch (e) {
    console.log(`${run.name}: ${e instanceof Error ? e.message : e}`);
    return false;
  }
}
