// `npm run screenshots`: regenerates the README's images (docs/images/) from the live workbench. The
// integration suites capture them where the state they show is set up (docsScreenshot in
// test/integration/harness.ts); this runs those suites with MCPV_UPDATE_DOCS_IMAGES set.
import { execFileSync } from 'node:child_process';
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
console.log(ok ? `screenshots written to ${join(root, 'docs/images')}` : 'the suites failed: some images may not be current');
process.exit(ok ? 0 : 1);
