// `npm test`: build + typecheck + lint, then the unit layer (plain mocha under Node), the integration
// layer (mocha inside a real VS Code extension host: code-server + headless Chromium, through
// @vscode/test-electron with our launcher) and the UI layer (plain mocha driving that workbench with
// playwright, without a tests path, so modal dialogs show). Sets up everything it needs. Last line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInVsCode } from './harness-run.mjs';
import { packageVsix } from './package.mjs';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const onlyUnit = args.includes('--unit');
const onlyIntegration = args.includes('--integration');
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
const resultsDir = join(root, 'test-results');
mkdirSync(resultsDir, { recursive: true });

const totals = { passes: 0, failures: 0, layers: [] };

function restrictedModeRun() {
  const folder = join(root, '.cache/harness/untrusted-workspace');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  cpSync(join(root, 'test/fixtures/sample-server'), folder, { recursive: true });
  return { name: 'integration (Restricted Mode)', folder, suiteDir: join(root, 'out/test/integration/restricted'), env: { MCPV_WORKSPACE_TRUST: 'restricted' } };
}
function step(title, command, commandArgs, env = {}) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function addSummary(layer, file, ok) {
  const s = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
  if (!s) {
    console.log(`${layer}: no result (the run crashed before mocha finished)`);
    totals.failures += 1;
    totals.layers.push(`${layer}: crashed`);
    return;
  }
  totals.passes += s.passes;
  totals.failures += s.failures + (ok || s.failures > 0 ? 0 : 1);
  totals.layers.push(`${layer}: ${s.passes} passed, ${s.failures} failed`);
}

let checksOk = step('build', process.execPath, ['scripts/build.mjs']);
checksOk = step('typecheck (tsc --noEmit)', process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', '.']) && checksOk;
checksOk = step('lint (eslint)', process.execPath, ['node_modules/eslint/bin/eslint.js', '.']) && checksOk;

if (!onlyIntegration) {
  const file = join(resultsDir, `unit-${process.pid}-summary.json`);
  rmSync(file, { force: true });
  const mochaArgs = ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.unit.json', '--reporter', './test/mocha-summary-reporter.cjs'];
  if (grep) mochaArgs.push('--grep', grep);
  const ok = step('unit tests (mocha under Node)', process.execPath, mochaArgs, { MCPV_SUMMARY_FILE: file });
  addSummary('unit', file, ok);
}

// What the oldest VS Code runs (folders/files of out/test/integration/suite): activation, trees, problems, Bump,
// Compare, Publish; the remaining suites (environments, store) run on the newest only.
const OLDEST_SUITES = ['01-activation.test.js', 'tree', 'workspace', 'bump', 'diff', 'publish'];

if (!onlyUnit) {
  console.log('\n▶ real VS Code harness (code-server + Chromium)');
  const setup = spawnSync('bash', [join(root, 'test/harness/setup.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
  if (setup.status !== 0) {
    console.log('the harness could not be set up (see above)');
    totals.failures += 1;
  } else {
    const base = { folder: join(root, 'test/fixtures/sample-server') };
    // The dev-folder run also installs a simulated GitHub sign-in (GitHub's servers cannot exist here) in place
    // of the built-in one: two authentication providers with the id `github` cannot coexist.
    const githubSimulator = {
      extensionFolders: [join(root, 'test/fixtures/github-auth-simulator')],
      skipBuiltinExtensions: ['vscode.github-authentication'],
    };
    const runs = [{ ...base, ...githubSimulator, name: 'integration', suiteDir: join(root, 'out/test/integration/suite') }];
    // Restricted Mode needs its own VS Code: workspace trust on, and a folder nobody trusted (made fresh each run).
    if (!grep || /restricted/i.test(grep)) runs.push(restrictedModeRun());
    let vsixRun;
    if (!grep) {
      console.log('\n▶ package the .vsix');
      const vsix = packageVsix();
      vsixRun = {
        ...base, name: 'integration (.vsix)', suiteDir: join(root, 'out/test/integration/vsix'),
        developmentPath: join(root, 'test/vsix-host'), vsix: vsix.path,
      };
      runs.push(vsixRun);
    }
    // The oldest supported VS Code (engines.vscode): the suites that matter most, and the packaged .vsix.
    if (!grep && process.env.MCPV_VSCODE !== '1.93') {
      const oldest = { MCPV_VSCODE: '1.93' };
      runs.push({ ...runs[0], name: 'integration (VS Code 1.93)', env: { ...oldest, MCPV_SUITE_ONLY: OLDEST_SUITES.join(',') } });
      if (vsixRun) runs.push({ ...vsixRun, name: 'integration (.vsix, VS Code 1.93)', env: oldest });
    }
    const paths = Object.fromEntries(setup.stdout.toString().trim().split('\n').map((l) => l.split('=', 2)));
    const oldestSetup = () => spawnSync('bash', [join(root, 'test/harness/setup-1.93.sh')], { stdio: ['ignore', 'pipe', 'inherit'] });
    for (const run of runs) {
      const runPaths = run.env?.MCPV_VSCODE === '1.93' ? Object.fromEntries(oldestSetup().stdout.toString().trim().split('\n').map((l) => l.split('=', 2))) : paths;
      const file = join(resultsDir, `${run.name.replace(/\W+/g, '-')}-${process.pid}-summary.json`);
      rmSync(file, { force: true });
      let installed = true;
      console.log(`\n▶ ${run.name} tests (inside the real VS Code extension host)`);
      const ok = await runInVsCode({
        ...run,
        env: { MCPV_SUMMARY_FILE: file, ...(grep ? { MCPV_GREP: grep } : {}), ...run.env },
        beforeLaunch: ({ userDataDir, extensionsDir }) => {
          if (!run.vsix) return {};
          const inst = spawnSync(runPaths.NODE ?? runPaths.NODE24, [runPaths.CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir,
            '--user-data-dir', userDataDir, '--install-extension', run.vsix], { stdio: 'inherit' });
          installed = inst.status === 0;
          return { MCPV_EXPECT_EXTENSIONS_DIR: extensionsDir };
        },
      });
      if (!installed) { totals.failures += 1; totals.layers.push(`${run.name}: the .vsix did not install`); continue; }
      addSummary(run.name, file, ok);
    }
    // The UI layer: plain mocha driving the real workbench like a user, where modal dialogs show.
    const uiFile = join(resultsDir, `ui-${process.pid}-summary.json`);
    rmSync(uiFile, { force: true });
    const uiArgs = ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.ui.json', '--reporter', './test/mocha-summary-reporter.cjs'];
    if (grep) uiArgs.push('--grep', grep);
    const uiOk = step('UI tests (the workbench driven with mouse and keyboard: modal dialogs)', process.execPath, uiArgs, { MCPV_SUMMARY_FILE: uiFile });
    addSummary('ui', uiFile, uiOk);
  }
}

if (!onlyUnit && !grep) {
  // The README's first command: the demo must keep working, so its headless check is part of the run.
  const ok = step('demo check (npm run demo -- --check)', process.execPath, ['scripts/demo.mjs', '--check'], { MCPV_DEMO_DIR: join(root, '.cache/demo-check') });
  totals[ok ? 'passes' : 'failures'] += 1;
  totals.layers.push(`demo check: ${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}`);
}

if (!checksOk) totals.failures += 1;
console.log(`\n${totals.layers.join('\n')}${checksOk ? '' : '\nbuild/typecheck/lint: failed (counted as one failure)'}`);
console.log(`${totals.passes} passed, ${totals.failures} failed`);
process.exit(totals.failures > 0 ? 1 : 0);
