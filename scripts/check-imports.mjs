// The import graph of src/: fails on any cycle (between files, and between feature folders) and on a
// feature importing a layer above it, and on a `vscode` import in a pure module (src/registry, versioning, serverJson, changes, store/model and every
// model/ folder). Run by `npm run lint`. Type-only imports count too: a cycle of types is still a cycle
// in the design.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// Layers, bottom first: a folder may import its own layer and those below, never one above.
const LAYERS = [
  ['util', 'versioning', 'registry', 'changes', 'serverJson'],
  ['commands', 'trust', 'registries', 'init', 'installed'],
  ['store', 'auth'],
  ['workspace'],
  ['diagnostics', 'diff', 'environments', 'bump'],
  ['publish'],
  ['tree'],
  ['start', 'installedView'],
  ['app', 'activation'],
  ['extension'],
];
const PURE = [/^registry\//, /^versioning\//, /^serverJson\//, /^changes\//, /(^|\/)model\//, /^store\/store.ts$/];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.ts') ? [path] : [];
  });
}

function resolveImport(from, spec) {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return undefined;
}

const files = walk(src);
const rel = (path) => relative(src, path).split('\\').join('/');
const edges = new Map();
const problems = [];
const importPattern = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g;

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const targets = new Set();
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec === 'vscode' && PURE.some((pattern) => pattern.test(rel(file)))) problems.push(`${rel(file)}: imports vscode, but it is a pure module`);
    if (!spec.startsWith('.')) continue;
    const target = resolveImport(file, spec);
    if (target) targets.add(rel(target));
  }
  edges.set(rel(file), targets);
}

function cycles(graph) {
  const found = [];
  const state = new Map();
  const stack = [];
  const visit = (node) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

const feature = (file) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, ''));
const features = new Map();
for (const [file, targets] of edges) {
  const from = feature(file);
  if (!features.has(from)) features.set(from, new Set());
  for (const target of targets) if (feature(target) !== from) features.get(from).add(feature(target));
}

const layerOf = (name) => LAYERS.findIndex((layer) => layer.includes(name));
for (const [from, targets] of features) {
  if (layerOf(from) < 0) problems.push(`${from}: not in a layer of scripts/check-imports.mjs`);
  for (const target of targets) if (layerOf(target) > layerOf(from)) problems.push(`upward import: ${from} imports ${target} (a layer above it)`);
}
for (const cycle of cycles(edges)) problems.push(`file cycle: ${cycle.join(' → ')}`);
for (const cycle of cycles(features)) problems.push(`feature cycle: ${cycle.join(' → ')}`);

if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}
console.log(`check-imports: ${files.length} files, ${features.size} features, no cycle, no vscode in pure modules`);
