#!/usr/bin/env node
// Starts demo environments until Ctrl+C:
//   node tools/demo-environments/launch.mjs [--dir <state folder>] [--latency-ms <n>] staging:4101 production:4102
// Each argument is <name>[:<port>][=<initial version>]. Prints "<name>: <endpoint>" per environment, then "ready".
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
require(path.join(repoRoot, 'test', 'register.cjs'));
const { startDemoEnvironments, DEPLOY_SCRIPT } = require(path.join(repoRoot, 'tools', 'demo-environments', 'index.ts'));

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const dir = path.resolve(dirAt >= 0 ? args.splice(dirAt, 2)[1] : '.mcp/demo-environments');
const latencyAt = args.indexOf('--latency-ms');
const latencyMs = latencyAt >= 0 ? Number(args.splice(latencyAt, 2)[1]) : 0;
const specs = (args.length > 0 ? args : ['staging:4101=1.0.0', 'production:4102=1.0.0']).map((arg) => {
  const match = /^([A-Za-z0-9._-]+)(?::(\d+))?(?:=(.+))?$/.exec(arg);
  if (!match) {
    console.error(`not an environment spec: ${arg} (expected name[:port][=version])`);
    process.exit(2);
  }
  return { name: match[1], port: match[2] ? Number(match[2]) : 0, initialVersion: match[3], latencyMs };
});

const demo = await startDemoEnvironments({ dir, environments: specs });
for (const [name, url] of Object.entries(demo.endpoints)) console.log(`${name}: ${url}`);
console.log(`deploy with: node ${DEPLOY_SCRIPT} <environment> <version> --dir ${dir}`);
console.log('ready');
const stop = async () => {
  await demo.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
