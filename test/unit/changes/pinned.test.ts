/**
 * Pins the change model's whole output (every change, in order, with its values, impact and reason; the
 * counts; the bump judgement) on the benchmark's documents and on real data, as one hash per case.
 * The hashes in pinned-diffs.json were written by the implementation before its speed-up (issue #19):
 * a faster diff must say exactly the same. Rewrite them only for an intended change of behaviour:
 * MCPV_WRITE_PINS=1 npm run test:unit -- --grep "pinned output"
 */
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { diffServerJson, judgeBump } from '../../../src/changes';
import { buildBenchmarkDocuments } from '../../bench/changes.bench';
import { clone, random, snakeCase, weatherServer, type Doc } from './fixtures';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const seedFile = path.resolve(repoRoot, '..', 'shared', 'mcp-registry', 'seed-2025-09-21.json');
const pinFile = path.join(__dirname, 'pinned-diffs.json');
const servers = JSON.parse(readFileSync(seedFile, 'utf8')) as Doc[];

type Pins = Record<string, string>;


/** Everything the diff says about a pair, as text (JSON.stringify: key order and array order count). */
function outputOf(before: unknown, after: unknown): string {
  const diff = diffServerJson(before, after);
  const version = (doc: unknown) => String((doc as Doc | undefined)?.version ?? '');
  return JSON.stringify({ diff, judgement: judgeBump(version(before), version(after), diff) });
}

function hash(texts: string[]): string {
  const digest = createHash('sha256');
  for (const text of texts) digest.update(text).update('\n');
  return digest.digest('hex').slice(0, 16);
}

const list = (value: unknown): Doc[] | undefined => (Array.isArray(value) ? (value as Doc[]) : undefined);


/** Edits of one input (env var, argument, header, variable), each with some probability. */
function editInput(input: Doc, chance: () => boolean, n: number): void {
  if (chance()) input.isRequired = input.isRequired !== true;
  if (chance()) input.isSecret = input.isSecret !== true;
  if (chance()) input.default = `default-${n}`;
  if (chance()) delete input.default;
  if (chance()) input.value = `fixed-${n}`;
  if (chance()) delete input.value;
  if (chance()) input.description = `${String(input.description ?? '')} (edited)`;
  if (chance()) input.format = ['string', 'number', 'boolean', 'filepath'][n % 4];
  if (chance()) input.choices = n % 2 ? ['a', 'b'] : ['b', 'c', 'd'];
  if (chance()) input.isRepeated = n % 2 === 0;
  if (chance()) input.placeholder = `placeholder ${n}`;
  if (chance()) input.type = input.type === 'positional' ? 'named' : 'positional';
  if (chance()) input.valueHint = `hint_${n}`;
  if (chance()) input.variables = { [`var_${n}`]: { isRequired: n % 2 === 0, isSecret: n % 3 === 0, default: n % 4 ? undefined : 'x' } };
  if (chance()) input.custom = { n };
  if (chance() && Array.isArray(input.choices)) input.choices = [...(input.choices as string[]), 'z'];
  if (chance()) Object.assign(input, { isRequired: true, default: undefined, value: undefined });
}

function editInputs(owner: Doc, key: string, chance: () => boolean, n: number, make: (i: number) => Doc): void {
  const inputs = list(owner[key]);
  if (!inputs) {
    if (chance()) owner[key] = [make(n), make(n + 1)];
    return;
  }
  inputs.forEach((input, i) => chance() && editInput(input, chance, n + i));
  if (chance()) inputs.reverse();
  const positional = inputs.flatMap((input, i) => (input.type === 'positional' ? [i] : []));
  if (chance() && positional.length > 1) [inputs[positional[0]], inputs[positional[1]]] = [inputs[positional[1]], inputs[positional[0]]];
  if (chance()) inputs.shift();
  if (chance()) inputs.push(make(n));
  if (chance() && inputs.length > 0) inputs.push(clone(inputs[0]));
  if (chance()) owner[key] = inputs.filter((_, i) => i % 2 === 0);
}

const envVar = (i: number): Doc => ({ name: `PIN_VAR_${i}`, isRequired: i % 2 === 0, ...(i % 3 ? { default: 'on' } : {}) });
const argument = (i: number): Doc => (i % 2 ? { type: 'named', name: `--pin-${i}` } : { type: 'positional', valueHint: `pin_${i}`, isRequired: i % 4 === 0 });
const header = (i: number): Doc => ({ name: `X-Pin-${i}`, isRequired: true, isSecret: i % 2 === 0 });

function editPackage(pkg: Doc, chance: () => boolean, n: number): void {
  if (chance()) pkg.version = `${String(pkg.version ?? '0.0.0')}-next`;
  if (chance()) delete pkg.version;
  if (chance()) pkg.registryType = ['npm', 'pypi', 'oci', 'nuget', 'mcpb'][n % 5];
  if (chance()) pkg.identifier = `${String(pkg.identifier ?? 'x')}${['', ':2.0.0', '@sha256:abc', '_Pin'][n % 4]}`;
  if (chance()) pkg.registryBaseUrl = ['https://registry.npmjs.org/', 'https://mirror.example', undefined][n % 3];
  if (chance()) pkg.runtimeHint = ['npx', 'uvx', 'docker'][n % 3];
  if (chance()) pkg.fileSha256 = `${n}`.padStart(64, 'a');
  if (chance()) pkg.transport = n % 2 ? 'stdio' : { type: 'streamable-http', url: `http://localhost:${8000 + n}/mcp`, headers: [header(n)] };
  if (chance()) delete pkg.transport;
  if (chance()) pkg.extra = [n];
  if (chance()) pkg.identifier = String(pkg.identifier).toUpperCase();
  if (chance() && typeof pkg.transport === 'object') pkg.transport = { ...(pkg.transport as Doc), custom: n };
  editInputs(pkg, 'environmentVariables', chance, n, envVar);
  editInputs(pkg, 'packageArguments', chance, n, argument);
  editInputs(pkg, 'runtimeArguments', chance, n, argument);
}

/** A plausible next version: a deterministic spread of edits (probability `rate` each). */
function nextVersion(doc: Doc, seed: number, rate: number): unknown {
  const next = random(seed);
  const chance = () => next() < rate;
  const after = clone(doc);
  if (chance()) after.version = `${String(after.version)}.1`;
  if (chance()) after.description = `${String(after.description)} (new)`;
  if (chance()) after.title = 'Pinned';
  if (chance()) after.name = `${String(after.name)}-renamed`;
  if (chance()) after.$schema = 'https://static.modelcontextprotocol.io/schemas/2025-09-29/server.schema.json';
  if (chance()) after.websiteUrl = 'https://pin.example';
  if (chance()) after.icons = [{ src: 'https://pin.example/icon.png', sizes: ['48x48'] }];
  if (chance()) delete after.status;
  if (chance()) after.repository = { ...(after.repository as Doc), id: `${seed}`, subfolder: 'pkg' };
  if (chance()) after._meta = { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: `notes ${seed}`, build: { n: seed } } };
  const packages = list(after.packages);
  packages?.forEach((pkg, i) => chance() && editPackage(pkg, chance, seed + i));
  if (packages && chance()) packages.reverse();
  if (packages && chance()) packages.pop();
  if (packages && chance() && packages.length > 0) packages.push({ ...clone(packages[0]), identifier: `pin-${seed}` });
  if (packages && chance() && packages.length > 0) packages.push(clone(packages[0]));
  if (chance()) {
    const remotes = list(after.remotes) ?? (after.remotes = []);
    (remotes as Doc[]).push({ type: seed % 2 ? 'sse' : 'streamable-http', url: `https://{tenant}.pin.example/${seed % 3}`, headers: [header(seed)], variables: { tenant: { isRequired: true } } });
  }
  list(after.remotes)?.forEach((remote, i) => {
    if (chance()) remote.type = remote.type === 'sse' ? 'streamable-http' : 'sse';
    if (chance()) remote.url = `${String(remote.url)}/v2`;
    editInputs(remote, 'headers', chance, seed + i, header);
    if (chance()) remote.variables = { tenant: { isRequired: false, default: 'acme' }, region: { isSecret: true, value: 'eu' } };
  });
  if (chance()) return snakeCase(after);
  if (chance()) return { server: after, _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active' } } };
  return after;
}

/** Edits the random ones rarely reach: choices added, positionals reordered, a fixed value dropped, a required input with a default. */
function targetedPairs(): Array<[unknown, unknown]> {
  const base = weatherServer();
  const [npm, oci] = base.packages as Doc[];
  (npm.packageArguments as Doc[]).push({ type: 'positional', valueHint: 'data_dir' }, { type: 'positional', description: 'no hint' });
  const after = clone(base);
  const [npmAfter, ociAfter] = after.packages as Doc[];
  const args = npmAfter.packageArguments as Doc[];
  [args[1], args[2]] = [args[2], args[1]];
  const units = (npmAfter.environmentVariables as Doc[])[1];
  units.choices = ['metric', 'imperial', 'kelvin', 'rankine'];
  units.isRequired = true;
  const runtime = (ociAfter.runtimeArguments as Doc[])[0];
  delete runtime.value;
  runtime.isRequired = true;
  oci.registryBaseUrl = 'https://ghcr.io';
  return [[base, after], [after, base]];
}

/** The cases, each a list of [before, after] pairs: the benchmark's, then per seed server, then edits of a rich document. */
function cases(): Map<string, Array<[unknown, unknown]>> {
  const out = new Map<string, Array<[unknown, unknown]>>();
  const { before, after } = buildBenchmarkDocuments();
  out.set('bench', [[before, after]]);
  out.set('bench reversed', [[after, before]]);
  out.set('targeted', targetedPairs());
  servers.forEach((server, i) => {
    const neighbour = servers[(i + 1) % servers.length];
    const pairs: Array<[unknown, unknown]> = [[server, neighbour]];
    for (const [k, rate] of [0.1, 0.3, 0.6].entries()) {
      const edited = nextVersion(server, i * 10 + k, rate);
      pairs.push([server, edited], [edited, server]);
    }
    out.set(`seed ${i}`, pairs);
  });
  for (let i = 0; i < 100; i++) {
    const base = weatherServer();
    const edited = nextVersion(base, 100_000 + i, 0.15 + (i % 5) / 10);
    out.set(`weather ${i}`, [[base, edited], [edited, nextVersion(base, 200_000 + i, 0.3)]]);
  }
  return out;
}

describe('changes: pinned output on the benchmark documents and the registry seed', () => {
  const actual: Pins = {};
  let pinned: Pins = {};

  before(() => {
    for (const [name, pairs] of cases()) actual[name] = hash(pairs.map(([before, after]) => outputOf(before, after)));
    if (process.env.MCPV_WRITE_PINS === '1') writeFileSync(pinFile, `${JSON.stringify(actual, null, 1)}\n`);
    pinned = existsSync(pinFile) ? (JSON.parse(readFileSync(pinFile, 'utf8')) as Pins) : {};
  });

  it('has a pin for every case, and the cases change something', () => {
    assert.deepEqual(Object.keys(pinned).sort(), Object.keys(actual).sort());
    assert.ok(Object.keys(actual).length > 450);
    const { before, after } = buildBenchmarkDocuments();
    const { counts } = diffServerJson(before, after);
    assert.ok(counts.breaking > 0 && counts.additive > 0 && counts.metadata > 0, JSON.stringify(counts));
  });

  it('says exactly what the implementation before the speed-up said, case by case', () => {
    const differing = Object.keys(actual).filter((name) => actual[name] !== pinned[name]);
    assert.deepEqual(differing, []);
  });
});
