// `npm run screenshots`: regenerates the README's images (docs/images/) from the live workbench. The
// integration suites capture them where the state they show is set up (docsScreenshot in
// test/integration/harness.ts); this runs those suites with MCPV_UPDATE_DOCS_IMAGES set, then the UI layer's
// publish suite (test/ui/, where modal dialogs show) for publish-confirm.png.
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runInVsCode } from './harness-run.mjs';

const root = new URL('..', import.meta.url).pathname;
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt >= 0 ? process.argv[grepAt + 1] : undefined; // regenerate only some images
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const ok = await runInVsCode({
  name: 'screenshots', suiteDir: join(root, 'out/test/integration/suite'),
  env: { MCPV_UPDATE_DOCS_IMAGES: '1', ...(grep ? { MCPV_GREP: grep } : {}) },
});
// Modal dialogs show only outside the test extension host: the UI layer captures the publish confirmation.
const ui = spawnSync(process.execPath, ['node_modules/mocha/bin/mocha.js', '--config', '.mocharc.ui.json', '--grep', grep ?? 'UI: Publish Version confirmation'], {
  cwd: root, stdio: 'inherit', env: { ...process.env, MCPV_UPDATE_DOCS_IMAGES: '1' },
});
const allOk = ok && ui.status === 0;
console.log(allOk ? `screenshots written to ${join(root, 'docs/images')}` : 'the suites failed: some images may not be current');
process.exit(allOk ? 0 : 1);
