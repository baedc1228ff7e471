/**
 * Benchmark of the change model: two deterministic ~100 KB server.json documents.
 * Run directly: node -r ./test/register.cjs test/bench/changes.bench.ts
 */
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { random } from '../unit/changes/fixtures';

type Doc = Record<string, unknown>;
type Parts = typeof import('./changesParts');

const RUNS = 20;
/** Warm-up runs of the first measurement; too few for the JIT to settle on a busy machine. */
const EARLY_WARM_UP = 5;
/** Warm-up runs after which both diffs run optimised code (ours settles after about 40 runs, jsondiffpatch after about 15). */
const SETTLED_WARM_UP = 100;


function buildServer(version: string, packages: number): Doc {
  const next = random(42);
  return {
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name: 'io.github.bench/large-server',
    description: 'A large server.json used to measure the change model',
    version,
    packages: Array.from({ length: packages }, (_, p) => ({
      registryType: p % 3 === 0 ? 'oci' : 'npm',
      identifier: p % 3 === 0 ? `ghcr.io/bench/image-${p}:${version}` : `@bench/package-${p}`,
      ...(p % 3 === 0 ? {} : { version }),
      runtimeHint: p % 3 === 0 ? 'docker' : 'npx',
      transport: { type: 'stdio' },
      environmentVariables: Array.from({ length: 12 }, (_, e) => ({
        name: `BENCH_${p}_VAR_${e}`,
        description: `Environment variable ${e} of package ${p}, with a long enough description to weigh something`,
        isRequired: next() < 0.3,
        isSecret: next() < 0.2,
        ...(next() < 0.5 ? { default: `default-${Math.floor(next() * 1000)}` } : {}),
      })),
      packageArguments: Array.from({ length: 6 }, (_, a) =>
        a % 2 === 0
          ? { type: 'named', name: `--option-${a}`, description: `Option ${a}`, format: 'string' }
          : { type: 'positional', valueHint: `value_${a}`, description: `Positional ${a}` },
      ),
    })),
    remotes: Array.from({ length: 10 }, (_, r) => ({
      type: 'streamable-http',
      url: `https://{tenant}.bench.example/mcp/${r}`,
      headers: [{ name: 'Authorization', value: 'Bearer {token}', isSecret: true, isRequired: true }],
      variables: { tenant: { description: 'Tenant', isRequired: true } },
    })),
  };
}

/** The "after" document: same server, reordered, with a spread of real changes. */
function buildNextVersion(before: Doc): Doc {
  const after = structuredClone(before);
  after.version = '2.0.0';
  const packages = after.packages as Doc[];
  packages.reverse();
  packages.forEach((pkg, index) => {
    const env = pkg.environmentVariables as Doc[];
    if (index % 5 === 0) env.shift();
    if (index % 7 === 0) env.push({ name: `NEW_${index}`, description: 'Added' });
    if (index % 4 === 0) env.reverse();
    if (pkg.version) pkg.version = '2.0.0';
    else pkg.identifier = String(pkg.identifier).replace(/:[^:]+$/, ':2.0.0');
  });
  packages.pop();
  return after;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function time(work: () => unknown, warmUp: number): number {
  for (let i = 0; i < warmUp; i++) work(); // warm-up: let the JIT settle
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

type DiffFunction = (a: unknown, b: unknown) => unknown;

/** A well-known JSON diff library for comparison: jsondiffpatch (a devDependency for this benchmark), else microdiff. */
async function loadPeerDiff(): Promise<DiffFunction | undefined> {
  for (const name of ['jsondiffpatch', 'microdiff']) {
    try {
      const loaded = (await import(name)) as Record<string, unknown>;
      const fallback = loaded.default as Record<string, unknown> | DiffFunction | undefined;
      const candidate = loaded.diff ?? (typeof fallback === 'function' ? fallback : fallback?.diff);
      if (typeof candidate === 'function') return candidate as DiffFunction;
    } catch {
      // not installed: try the next one
    }
  }
  return undefined;
}

/** Generates documents of about 100 KB each (keeps adding packages until they are big enough). */
export function buildBenchmarkDocuments(targetBytes = 100_000): { before: Doc; after: Doc; bytes: [number, number] } {
  let packages = 10;
  let before = buildServer('1.0.0', packages);
  while (JSON.stringify(before).length < targetBytes) before = buildServer('1.0.0', (packages += 5));
  const after = buildNextVersion(before);
  return { before, after, bytes: [JSON.stringify(before).length, JSON.stringify(after).length] };
}

const PARTS_BUNDLE = path.resolve(__dirname, '..', '..', 'out', 'bench', 'changes-parts.js');

/**
 * Ours as the extension runs it: bundled by esbuild (the test loader's per-file modules put two getters in
 * front of every call across files, which the extension's bundle does not have).
 */
function bundleParts(): void {
  mkdirSync(path.dirname(PARTS_BUNDLE), { recursive: true });
  buildSync({ entryPoints: [path.join(__dirname, 'changesParts.ts')], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: PARTS_BUNDLE, logLevel: 'warning' });
}

/** One side's figures, measured in this process: `ours` or `peer`. */
async function measure(side: string): Promise<Record<string, number>> {
  const { before, after } = buildBenchmarkDocuments();
  if (side === 'peer') {
    const peer = await loadPeerDiff();
    if (!peer) return {};
    return { early: time(() => peer(before, after), EARLY_WARM_UP), settled: time(() => peer(before, after), SETTLED_WARM_UP) };
  }
  const { diffServerJson, normalizeServer, matchOnly } = (await import(pathToFileURL(PARTS_BUNDLE).href)) as Parts;
  const early = time(() => diffServerJson(before, after), EARLY_WARM_UP);
  const settled = time(() => diffServerJson(before, after), SETTLED_WARM_UP);
  const normalize = time(() => [normalizeServer(before), normalizeServer(after)], SETTLED_WARM_UP);
  const normalized: [Doc, Doc] = [normalizeServer(before), normalizeServer(after)];
  const match = time(() => matchOnly(...normalized), SETTLED_WARM_UP);
  return { early, settled, normalize, match, changes: diffServerJson(before, after).changes.length };
}

/** Each side in a fresh Node process of its own, so that neither measures the other's garbage or JIT state. */
function measureApart(side: string): Record<string, number> {
  const register = path.resolve(__dirname, '..', 'register.cjs');
  const output = execFileSync(process.execPath, ['-r', register, __filename, '--measure', side], { encoding: 'utf8' });
  return JSON.parse(output) as Record<string, number>;
}

export async function runChangesBenchmarks(): Promise<Record<string, number>> {
  const { bytes } = buildBenchmarkDocuments();
  bundleParts();
  const ours = measureApart('ours');
  const peer = measureApart('peer');
  // What ours does that the peer (a plain structural delta) does not, part by part: normalizing both documents
  // (legacy snake_case keys, schema defaults, transports); matching packages, remotes and inputs by identity
  // (not by position); judging each change's impact in words and listing every field, unchanged ones
  // included (the panel shows them); that last part shares its walk of the documents with the comparison.
  return {
    diff_100kb_ms: ours.settled,
    diff_100kb_normalize_ms: ours.normalize,
    diff_100kb_match_ms: ours.match,
    diff_100kb_compare_judge_list_ms: ours.settled - ours.normalize - ours.match,
    diff_100kb_peer_ms: peer.settled ?? Number.NaN,
    diff_100kb_early_ms: ours.early,
    diff_100kb_peer_early_ms: peer.early ?? Number.NaN,
    diff_100kb_before_bytes: bytes[0],
    diff_100kb_after_bytes: bytes[1],
    diff_100kb_changes: ours.changes,
  };
}

const measureAt = process.argv.indexOf('--measure');
if (measureAt >= 0) measure(process.argv[measureAt + 1]).then((figures) => process.stdout.write(JSON.stringify(figures)));
else if (process.argv[1]?.endsWith('changes.bench.ts')) {
  runChangesBenchmarks().then((results) => console.log(JSON.stringify(results, null, 2)));
}
