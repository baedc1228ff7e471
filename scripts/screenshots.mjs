// `npm run screenshots`: regenerates the README's images (docs/images/) from the live workbench.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runInVsCode } from './harness-run.mjs';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
const ok = await runInVsCode({
  name: 'screenshots', suiteDir: join(root, 'out/test/integration/screenshots'), suffix: '.shot.js',
  env: { MCPV_SCREENSHOT_DIR: join(root, 'docs/images') },
});
console.log(ok ? `screenshots written to ${join(root, 'docs/images')}` : 'screenshots failed');
process.exit(ok ? 0 : 1);
