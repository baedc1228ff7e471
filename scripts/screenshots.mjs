// `npm run screenshots`: regenerates the README's images (docs/images/) from the live workbench. It is the
// only run that takes them: with MCPV_UPDATE_DOCS_IMAGES set, the integration suites register their README
// scenes (docsScene in test/integration/harness.ts, after the tests that set up the state they show) and
// docsScreenshot captures; a test run registers no scene and captures nothing. Then the UI layer's publish
// suite (test/ui/, where modal dialogs show) for publish-confirm.png. `--grep X` regenerates only some.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runInVsCode } from './harness-run.mjs';

const root = new URL('..', import.meta.url).pathname;
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt >= 0 ? process.argv[grepAt + 1] : undefined; // regenerate only some images
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const ok = await runInVsCode({
  name: 'screenshots', suiteDir: join(root, 'out/test/integration/suite'),
  // As in `npm test`: the simulated GitHub sign-in stands in for the built-in one (its suites run here too).
  extensionFolders: [join(root, 'test/fixtures/github-auth-simulator')],
  skipBuiltinExtensions: ['vscode.github-authentication'],
  env: { MCPV_UPDATE_DOCS_IMAGES: '1', ...(grep ? { MCPV_GREP: grep } : {}) },
});
// Modal dialogs show only outside the test extension host: the UI layer captures the publish confirmation.
const ui = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.ui.json', '--grep', grep ?? 'UI: Publish Version confirmation'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, MCPV_UPDATE_DOCS_IMAGES: '1' },
});
// Screenshots are a few flat UI colours: 256-colour palettes keep them looking the same at about a third of
// the bytes the .vsix carries (pngquant, from the OS packages; skipped with a note when it is not installed).
const quantized = spawnSync('sh', ['-c', 'command -v pngquant >/dev/null && pngquant --quality 85-98 --speed 1 --strip --force --ext .png docs/images/*.png'], { cwd: root, stdio: 'inherit' });
if (quantized.status !== 0) console.log('note: pngquant not found or failed; docs/images/ left at full size (apt-get install pngquant)');
const allOk = ok && ui.status === 0;
console.log(allOk ? `screenshots written to ${join(root, 'docs/images')}` : 'the suites failed: some images may not be current');
process.exit(allOk ? 0 : 1);
