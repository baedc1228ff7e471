// `npm run bench`: measures the figures named in the issues and writes bench/results.json (one flat
// object, keys `<what>_<unit>`) plus a readable table. `--only a,b` runs some groups and keeps the rest;
// `--grep <suite title>` runs only the matching VS Code suites of the vscode group.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageVsix } from './package.mjs';
import { runInVsCode } from './harness-run.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const resultsFile = join(root, 'bench/results.json');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set(process.argv[onlyAt + 1].split(',')) : undefined;
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt >= 0 ? process.argv[grepAt + 1] : undefined;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => (typeof x === 'object' ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, round(v)])) : Math.round(x * 100) / 100);

/** Node-side benchmark modules written in TypeScript, each exporting `run…Benchmarks()`. */
async function tsBenchmark(file, exportName) {
  require(join(root, 'test/register.cjs'));
  if (!existsSync(join(root, file))) return {};
  return require(join(root, file))[exportName]();
}

/** Runs the `.bench.js` suites in the real VS Code; returns the JSON objects they appended. */
async function benchInVsCode(name, env, extensionFolders = []) {
  const out = join(root, `test-results/bench-${name}-${process.pid}.jsonl`);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  rmSync(out, { force: true });
  const ok = await runInVsCode({ name: `bench-${name}`, suiteDir: join(root, 'out/test/integration/bench'),
    suffix: '.bench.js', env: { MCPV_BENCH_OUT: out, ...env }, extensionFolders });
  if (!ok) throw new Error(`the ${name} benchmarks failed in VS Code`);
  return existsSync(out) ? readFileSync(out, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : [];
}

/**
 * environments_sdk_load_ms: what the first live probe pays to load the MCP SDK (its chunk, dist/lazy/mcpSdk-*.js)
 * in a fresh Node, median of 5: the figure behind keeping the SDK for the initialize handshake, loaded lazily.
 */
function sdkLoad() {
  const chunk = readdirSync(join(root, 'dist/lazy')).find((name) => name.startsWith('mcpSdk-'));
  const script = `const t = performance.now(); require(${JSON.stringify(join(root, 'dist/lazy', chunk))}); console.log(performance.now() - t);`;
  const runs = Array.from({ length: 5 }, () => Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return { environments_sdk_load_ms: median(runs) };
}

/**
 * Two copies of test/fixtures/empty-extension (an extension that does nothing), named `mcp-versions-bench.<name>`:
 * the activation benchmark activates `first` before ours (the first activation in a host pays VS Code's own
 * warm-up) and `empty` after it, in the same conditions as ours.
 */
function emptyExtensions(names) {
  return names.map((name) => {
    const dir = join(root, 'test-results/bench-extensions', name);
    mkdirSync(dir, { recursive: true });
    const fixture = join(root, 'test/fixtures/empty-extension');
    const manifest = { ...JSON.parse(readFileSync(join(fixture, 'package.json'), 'utf8')), name };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    writeFileSync(join(dir, 'extension.js'), readFileSync(join(fixture, 'extension.js')));
    return dir;
  });
}

const groups = {
  async size() {
    const vsix = packageVsix();
    // What activation loads: dist/extension.js and the chunks it imports (the build lists them).
    const { eager } = JSON.parse(readFileSync(join(root, 'out/dist-files.json'), 'utf8'));
    const bundle = eager.reduce((sum, file) => sum + statSync(join(root, file)).size, 0);
    return { bundle_kb: bundle / 1024, vsix_kb: vsix.kb, ...sdkLoad() };
  },
  async activation() {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { stdio: 'inherit' });
    const runs = [];
    for (let i = 0; i < 5; i++) {
      const lines = await benchInVsCode(`activation-${i}`, { MCPV_GREP: 'benchmark: activation' }, emptyExtensions(['first', 'empty']));
      runs.push(...lines.filter((l) => typeof l.activation_ms === 'number'));
    }
    // The median run, with its breakdown (its parts add up to its activation_ms).
    return [...runs].sort((a, b) => a.activation_ms - b.activation_ms)[Math.floor(runs.length / 2)];
  },
  /** Every other benchmark suite in test/integration/bench, each appending JSON lines of figures. */
  async vscode() {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
    const lines = await benchInVsCode('vscode', grep ? { MCPV_GREP: grep } : { MCPV_GREP: 'benchmark: activation', MCPV_GREP_INVERT: '1' });
    const webview = join(root, 'dist/webview/diff.js');
    return Object.assign({}, ...lines, existsSync(webview) ? { webview_bundle_kb: statSync(webview).size / 1024 } : {});
  },
  changes: () => tsBenchmark('test/bench/changes.bench.ts', 'runChangesBenchmarks'),
  serverJson: () => tsBenchmark('test/bench/serverJson.bench.ts', 'runServerJsonBenchmarks'),
  registry: () => tsBenchmark('tools/local-registry/bench.ts', 'runRegistryBenchmarks'),
  environments: () => tsBenchmark('test/bench/environments.bench.ts', 'runEnvironmentsBenchmarks'),
  client: () => tsBenchmark('test/bench/client.bench.ts', 'runClientBenchmarks'),
};

const results = only && existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
for (const [name, run] of Object.entries(groups)) {
  if (only && !only.has(name)) continue;
  console.log(`\n▶ benchmark group: ${name}`);
  for (const [key, value] of Object.entries(await run())) results[key] = round(value);
}
mkdirSync(join(root, 'bench'), { recursive: true });
const sorted = Object.fromEntries(Object.entries(results).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(resultsFile, `${JSON.stringify(sorted, null, 2)}\n`);
console.log('\nfigure'.padEnd(34) + 'value');
for (const [key, value] of Object.entries(sorted)) {
  if (typeof value !== 'object') console.log(`${key.padEnd(33)}${value}`);
  else for (const [part, v] of Object.entries(value)) console.log(`${`${key}.${part}`.padEnd(33)}${v}`);
}
console.log(`\nwritten to ${resultsFile}`);
