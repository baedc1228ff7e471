#!/usr/bin/env node
// Runs the embedded local MCP registry: npm run registry -- --port <n> --data <folder> --seed <real|scale|none> [--seed-from <url>]
// LOCAL_REGISTRY_SECRET (16+ characters) fixes the /_local/* control secret; otherwise it is random per run.
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
require(path.join(repoRoot, 'test', 'register.cjs')); // loads TypeScript through esbuild (a devDependency)
const { startLocalRegistry } = require(path.join(repoRoot, 'tools', 'local-registry', 'index.ts'));

function usage(message) {
  if (message) console.error(message);
  console.error('usage: npm run registry -- [--port <n>] [--data <folder>] [--seed real|scale|none] [--seed-from <url>] [--no-anonymous] [--sandbox-namespace <pattern>]… [--jwt-seed <64 hex>]');
  process.exit(message ? 2 : 0);
}

function parseArgs(argv) {
  const opts = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`missing value for ${flag}`);
    switch (flag) {
      case '--port': opts.port = Number(value()); break;
      case '--data': opts.data = value(); break;
      case '--seed': opts.seed = value(); break;
      case '--seed-from': opts.seedFrom = value(); break;
      case '--jwt-seed': opts.jwtSeedHex = value(); break;
      case '--no-anonymous': opts.anonymousAuth = false; break;
      case '--sandbox-namespace': (opts.sandboxNamespaces ??= []).push(value()); break;
      case '--help': case '-h': usage(); break;
      default: usage(`unknown argument ${arg}`);
    }
  }
  if (opts.port !== undefined && (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535)) usage('--port must be 0-65535');
  if (opts.seed !== undefined && !['real', 'scale', 'none'].includes(opts.seed)) usage('--seed must be real, scale or none');
  return opts;
}

function portIsFree(port) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A start-up failure as one line a person can act on (the stack helps nobody here). */
function startFailure(err, port, dataDir) {
  const code = err?.code;
  if (code === 'EADDRINUSE') return `port ${port} is already in use; pick another with --port <n> (or --port 0 for any free port)`;
  if (code === 'EACCES' || code === 'EPERM') return `not allowed: ${err.message} (data folder ${dataDir}, port ${port})`;
  if (code === 'ENOENT') return `not found: ${err.path ?? err.message}`;
  return String(err?.message ?? err).split('\n')[0];
}

const opts = parseArgs(process.argv.slice(2));
const seed = opts.seed ?? 'real';
const port = opts.port ?? ((await portIsFree(8787)) ? 8787 : 0);
const dataDir = path.resolve(opts.data ?? path.join(repoRoot, '.cache', 'local-registry', opts.seedFrom ? 'imported' : seed));
function fail(message) {
  console.error(`local registry: could not start: ${message}`);
  process.exit(1);
}
// Before opening the database (seconds), so a taken port is reported at once.
if (port !== 0 && !(await portIsFree(port))) fail(startFailure({ code: 'EADDRINUSE' }, port, dataDir));
let registry;
try {
  registry = await startLocalRegistry({
    port,
    dataDir,
    seed,
    seedFrom: opts.seedFrom,
    jwtSeedHex: opts.jwtSeedHex,
    anonymousAuth: opts.anonymousAuth,
    sandboxNamespaces: opts.sandboxNamespaces,
    controlSecret: process.env.LOCAL_REGISTRY_SECRET || undefined,
    log: (line) => console.log(line),
  });
} catch (err) {
  fail(startFailure(err, port, dataDir));
}
console.log(`data folder: ${dataDir}`);
console.log(`control secret (header x-local-registry-secret, for /_local/*): ${registry.controlSecret}`);
console.log(`MCP registry ready at ${registry.url}`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping`);
  await registry.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
