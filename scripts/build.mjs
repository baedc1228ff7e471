// Bundles the extension (src → dist/extension.js) and the webviews (webview → dist/webview/), and
// transpiles sources and tests file by file into out/ for the test runners.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildServerJsonSchemas } from './build-schemas.mjs';

const root = new URL('..', import.meta.url).pathname;
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

function listTs(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (name !== 'fixtures') out.push(...listTs(path)); }
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

const extension = {
  entryPoints: [join(root, 'src/extension.ts')],
  bundle: true,
  outfile: join(root, 'dist/extension.js'),
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const webviewEntries = existsSync(join(root, 'webview'))
  ? readdirSync(join(root, 'webview')).filter((n) => existsSync(join(root, 'webview', n, 'main.ts')))
  : [];
const webview = {
  entryPoints: webviewEntries.map((n) => ({ in: join(root, 'webview', n, 'main.ts'), out: n })),
  bundle: true,
  outdir: join(root, 'dist/webview'),
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: true,
  logLevel: 'warning',
};

const tests = {
  entryPoints: [...listTs(join(root, 'src')), ...listTs(join(root, 'test')), ...listTs(join(root, 'tools'))],
  outdir: join(root, 'out'),
  outbase: root,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'inline',
  logLevel: 'warning',
};

const configs = [extension, tests];
if (webviewEntries.length > 0) configs.push(webview);

if (watch) {
  buildServerJsonSchemas(root);
  for (const config of configs) (await esbuild.context(config)).watch();
  console.log('watching src/, webview/, test/ …');
} else {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  const started = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  buildServerJsonSchemas(root);
  console.log(`built dist/ and out/ in ${Date.now() - started} ms (${relative(root, extension.outfile)})`);
}
