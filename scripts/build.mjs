// Bundles the extension (src → dist/extension.js) and the webviews (webview → dist/webview/), and
// transpiles sources and tests file by file into out/ for the test runners.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, rmSync, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';

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

/**
 * Parts only one feature uses, each bundled on its own under dist/lazy/ and required on first use, so the main
 * bundle holds only what activation needs. `source` is the module our code imports lazily (require or import()).
 */
const lazyEntries = [
  { source: 'src/serverJson/ajvBundle.ts', out: 'lazy/ajv' },
  { source: 'src/environments/model/mcpSdk.ts', out: 'lazy/mcp-sdk' },
];

/** In the main bundle, an import of a lazy entry's source becomes a require of its file under dist/. */
const lazyBoundaries = {
  name: 'lazy-boundaries',
  setup(build) {
    const bySource = new Map(lazyEntries.map((e) => [join(root, e.source).replace(/\.ts$/, ''), `./${e.out}.js`]));
    build.onResolve({ filter: /^\./ }, (args) => {
      const target = bySource.get(join(args.resolveDir, args.path).replace(/\.(ts|js)$/, ''));
      return target ? { path: target, external: true } : undefined;
    });
  },
};

const extension = {
  entryPoints: [join(root, 'src/extension.ts')],
  plugins: [lazyBoundaries],
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

const lazy = {
  ...extension,
  entryPoints: lazyEntries.map((e) => ({ in: join(root, e.source), out: e.out })),
  plugins: [],
  outfile: undefined,
  outdir: join(root, 'dist'),
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

/**
 * The current official server.json schema for VS Code's own JSON validation (package.json jsonValidation),
 * copied from the upstream files beside the project (../shared) at every build, never committed.
 */
function buildServerJsonSchema() {
  const version = /CURRENT_SCHEMA_VERSION = '([^']+)'/.exec(readFileSync(join(root, 'src/serverJson/schemaVersions.ts'), 'utf8'))?.[1];
  const source = join(root, '..', 'shared', 'mcp-registry', 'server-json', `server.schema.${version}.json`);
  if (!version || !existsSync(source)) {
    console.warn(`warning: ${source} not found; dist/schemas/server.schema.json not written (VS Code will fetch the schema online)`);
    return;
  }
  const schema = JSON.parse(readFileSync(source, 'utf8'));
  mkdirSync(join(root, 'dist/schemas'), { recursive: true });
  writeFileSync(join(root, 'dist/schemas/server.schema.json'), `${JSON.stringify(schema)}\n`);
}

const configs = [extension, lazy, tests];
if (webviewEntries.length > 0) configs.push(webview);

if (watch) {
  buildServerJsonSchema();
  for (const config of configs) (await esbuild.context(config)).watch();
  console.log('watching src/, webview/, test/ …');
} else {
  rmSync(join(root, 'out'), { recursive: true, force: true });
  // Nothing stale (source maps of a development build, bundles no longer built) may reach the .vsix.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const started = Date.now();
  await Promise.all(configs.map((c) => esbuild.build(c)));
  buildServerJsonSchema();
  console.log(`built dist/ and out/ in ${Date.now() - started} ms (${relative(root, extension.outfile)})`);
}
