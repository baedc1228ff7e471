// `npm run demo`: the extension in a real VS Code (code-server) against a local MCP registry seeded with
// the 358 real servers of ../shared, with a sample MCP server workspace open. Prints the URL to open.
// `--check` opens it once in headless Chromium, waits for the extension's views, saves a screenshot
// (test-results/demo.png) and exits: a smoke test of the demo itself.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { startCodeServer, launchBrowser, workbenchUrl } from '../test/harness/launcher.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const sharedDir = resolve(root, '..', 'shared');
const demoDir = join(root, '.cache/demo');
const require = createRequire(import.meta.url);
require(join(root, 'test/register.cjs'));
const { startLocalRegistry } = require(join(root, 'tools/local-registry/index.ts'));

console.log('▶ building the extension');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });

mkdirSync(demoDir, { recursive: true });
console.log('▶ starting the local registry (real data from ../shared; first run seeds it)');
const registry = await startLocalRegistry({
  seed: existsSync(sharedDir) ? 'real' : 'none',
  dataDir: join(demoDir, 'registry'),
  sandboxNamespaces: ['io.github.acme-labs/*'], // the sample workspace's namespace: the demo can publish it
  log: (l) => console.log(`  registry: ${l}`),
});
console.log(`  MCP registry ready at ${registry.url}`);

console.log('▶ preparing the demo workspace');
const workspace = join(demoDir, 'workspace');
rmSync(workspace, { recursive: true, force: true });
cpSync(join(root, 'test/fixtures/sample-server'), workspace, { recursive: true });
mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({
  'mcpVersions.registries': [{ name: 'Local registry (real data)', url: registry.url, auth: 'none' }],
  'mcpVersions.schemaDirectory': join(sharedDir, 'mcp-registry/server-json'),
}, null, 2));

console.log('▶ starting VS Code (code-server)');
const server = await startCodeServer({
  port: check ? undefined : Number(process.env.MCPV_DEMO_PORT ?? 8080),
  runDir: join(demoDir, 'code-server'),
});
const url = workbenchUrl(server, { folder: workspace, developmentPaths: [root] });

async function shutdown(code = 0) {
  server.stop();
  await registry.close();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));

if (check) {
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  await page.keyboard.press('Escape');
  await page.locator('[aria-label^="MCP Versions"]').first().click();
  await page.waitForSelector('.pane-header[aria-label*="Registry"]', { timeout: 30_000 });
  await page.waitForTimeout(3000);
  mkdirSync(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results/demo.png') });
  console.log(`demo check: the workbench opened with the MCP Versions views; screenshot test-results/demo.png`);
  await browser.close();
  await shutdown(0);
} else {
  console.log(`\nMCP Versions demo is running. Open this URL in a browser:\n\n  ${url}\n`);
  console.log(`The local registry (real data) is at ${registry.url}. Press Ctrl+C to stop.`);
}
