// Bundles the extension (src → dist/extension.js) and the webviews (webview → dist/webview/), and
// transpiles sources and tests file by file into out/ for the test runners.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/** `import()` written as `require` (a CommonJS file loaded as one, with its own `require` for 'vscode'). */
const noDynamicImport = { 'dynamic-import': false };

/** Writes the split ES modules as CommonJS. */
const commonJsOutput = {
  name: 'commonjs-output',
  setup(build) {
    build.onEnd(async (result) => {
      if (result.metafile) writeLoadOrder(result.metafile);
      for (const file of result.outputFiles ?? []) {
        const { code } = await esbuild.transform(file.text, { format: 'cjs', platform: 'node', target: 'node20', supported: noDynamicImport, minify: production, logLevel: 'warning' });
        mkdirSync(dirname(file.path), { recursive: true });
        writeFileSync(file.path, code);
      }
    });
  },
};

/**
 * out/dist-files.json: which files of dist/ activation loads (the entry and the chunks it imports) and which
 * wait for first use; the benchmark's bundle_kb is the size of the first.
 */
function writeLoadOrder(metafile) {
  const outputs = metafile.outputs;
  const eager = new Set();
  const visit = (file) => {
    if (eager.has(file)) return;
    eager.add(file);
    for (const i of outputs[file].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(Object.keys(outputs).find((f) => outputs[f].entryPoint?.endsWith('src/extension.ts')));
  const rel = (f) => relative(root, join(process.cwd(), f));
  const files = { eager: [...eager].map(rel), lazy: Object.keys(outputs).filter((f) => !eager.has(f)).map(rel) };
  mkdirSync(join(root, 'out'), { recursive: true });
  writeFileSync(join(root, 'out/dist-files.json'), `${JSON.stringify(files, null, 2)}\n`);
}

/**
 * The extension: dist/extension.js holds what activation needs; what a dynamic `import()` reaches is split
 * into dist/lazy/ and loaded on first use. esbuild splits only ES modules, and the extension host loads
 * CommonJS, so every file written is then turned into CommonJS (`import()` becomes `require`).
 */
const extension = {
  entryPoints: [join(root, 'src/extension.ts')],
  plugins: [commonJsOutput],
  bundle: true,
  splitting: true,
  outdir: join(root, 'dist'),
  entryNames: '[name]',
  chunkNames: 'lazy/[name]-[hash]',
  write: false,
  external: ['vscode'],
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow; its ESM build bundles.
  mainFields: ['module', 'main'],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: production,
  metafile: true,
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
  supported: noDynamicImport,
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
  // Nothing stale (source maps of a development build, bundles no longer built) may reach the .vsix.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const started = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  buildServerJsonSchemas(root);
  const { eager, lazy: lazyFiles } = JSON.parse(readFileSync(join(root, 'out/dist-files.json'), 'utf8'));
  const kb = (files) => (files.reduce((sum, f) => sum + statSync(join(root, f)).size, 0) / 1024).toFixed(1);
  console.log(`built dist/ and out/ in ${Date.now() - started} ms: activation loads ${kb(eager)} KB (${eager.length} files), ${kb(lazyFiles)} KB wait for first use`);
}
