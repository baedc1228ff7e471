#!/usr/bin/env node
// "Deploys" a version to a demo environment: waits a moment (like a rollout), then writes the state file
// the demo MCP server reads at each initialize.
//   node deploy.mjs <environment> <version> [--dir <state folder>] [--delay-ms <n>]
// The folder defaults to $MCP_DEMO_ENV_DIR, else .mcp/demo-environments under the current folder.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const at = args.indexOf(flag);
  if (at < 0) return fallback;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const dir = path.resolve(option('--dir', process.env.MCP_DEMO_ENV_DIR ?? '.mcp/demo-environments'));
const delayMs = Number(option('--delay-ms', process.env.MCP_DEMO_DEPLOY_DELAY_MS ?? '1500'));
const [environment = process.env.MCP_ENVIRONMENT, version = process.env.MCP_VERSION] = args;

if (!environment || !version || !/^[A-Za-z0-9._-]+$/.test(environment)) {
  console.error('usage: deploy.mjs <environment> <version> [--dir <folder>] [--delay-ms <n>]');
  process.exit(2);
}

console.log(`Rolling out ${version} to ${environment} (${dir}) …`);
await new Promise((resolve) => setTimeout(resolve, Number.isFinite(delayMs) ? delayMs : 1500));
mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${environment}.json`);
writeFileSync(`${file}.tmp`, JSON.stringify({ version, deployedAt: new Date().toISOString() }) + '\n');
renameSync(`${file}.tmp`, file);
console.log(`${environment} now runs ${version}.`);
