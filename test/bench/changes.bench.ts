/**
 * Benchmark of the change model: two deterministic ~100 KB server.json documents.
 * Run directly: node -r ./test/register.cjs test/bench/changes.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { diffServerJson } from '../../src/changes';
import { normalizeServer } from '../../src/changes/normalize';

type Doc = Record<string, unknown>;

const RUNS = 20;

/** Deterministic pseudo-random numbers (mulberry32), so every run diffs the same documents. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

function time(work: () => unknown): number {
  for (let i = 0; i < 5; i++) work(); // warm-up: let the JIT settle
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

export async function runChangesBenchmarks(): Promise<Record<string, number>> {
  const { before, after, bytes } = buildBenchmarkDocuments();
  const total = time(() => diffServerJson(before, after));
  // What ours does that the peer (a plain structural delta) does not, part by part: normalizing both documents
  // (legacy snake_case keys, schema defaults, transports), then matching packages, remotes and inputs by
  // identity (not by position) and judging each change's impact, unchanged fields included (the panel lists them).
  const normalize = time(() => [normalizeServer(before), normalizeServer(after)]);
  const results: Record<string, number> = {
    diff_100kb_ms: total,
    diff_100kb_normalize_ms: normalize,
    diff_100kb_match_judge_ms: total - normalize,
    diff_100kb_peer_ms: Number.NaN,
    diff_100kb_before_bytes: bytes[0],
    diff_100kb_after_bytes: bytes[1],
    diff_100kb_changes: diffServerJson(before, after).changes.length,
  };
  const peer = await loadPeerDiff();
  if (peer) results.diff_100kb_peer_ms = time(() => peer(before, after));
  return results;
}

if (process.argv[1]?.endsWith('changes.bench.ts')) {
  runChangesBenchmarks().then((results) => console.log(JSON.stringify(results, null, 2)));
}
