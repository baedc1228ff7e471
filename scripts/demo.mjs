// `npm run demo`: the extension in a real VS Code (code-server) against a local MCP registry seeded with
// the 358 real servers of ../shared, with a sample MCP server workspace open. Prints the URL to open.
// `--check` opens it once in headless Chromium, waits for the extension's views, saves a screenshot
// (test-results/demo.png) and exits: a smoke test of the demo itself. `--port N` (or MCPV_DEMO_PORT) chooses
// the port VS Code listens on (default 8080).
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { startCodeServer, launchBrowser, workbenchUrl } from '../test/harness/launcher.mjs';
import { initSampleRepository, publishSampleHistory } from './demo/history.mjs';
import { DEMO_ENVIRONMENTS, demoSettings } from './demo/settings.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const portAt = process.argv.indexOf('--port');
const port = Number(portAt >= 0 ? process.argv[portAt + 1] : process.env.MCPV_DEMO_PORT ?? 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`npm run demo: "${process.argv[portAt + 1] ?? process.env.MCPV_DEMO_PORT}" is not a port number (1–65535); try npm run demo -- --port 8090`);
  process.exit(2);
}
const sharedDir = resolve(root, '..', 'shared');
const demoDir = process.env.MCPV_DEMO_DIR ?? join(root, '.cache/demo');
const require = createRequire(import.meta.url);
require(join(root, 'test/register.cjs'));
const { startLocalRegistry } = require(join(root, 'tools/local-registry/index.ts'));
const { RegistryClient } = require(join(root, 'src/registry/index.ts'));
const { startDemoEnvironments, DEPLOY_SCRIPT } = require(join(root, 'tools/demo-environments/index.ts'));

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
initSampleRepository({ workspace, git: (args, options) => execFileSync('git', args, { ...options, stdio: 'ignore' }) });
const serverName = JSON.parse(readFileSync(join(workspace, 'server.json'), 'utf8')).name;
await publishSampleHistory({ registry, RegistryClient, serverJsonPath: join(workspace, 'server.json'), log: (l) => console.log(`  ${l}`) });

console.log('▶ starting the staging and production MCP servers');
const envDir = join(demoDir, 'environments');
const environments = await startDemoEnvironments({
  dir: envDir, serverName,
  environments: DEMO_ENVIRONMENTS,
});
for (const [name, url] of Object.entries(environments.endpoints)) console.log(`  ${name}: ${url}`);

mkdirSync(join(workspace, '.vscode'), { recursive: true });
writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify(demoSettings({
  registry: { name: 'Local registry (real data)', url: registry.url }, sharedDir, serverName,
  endpoints: environments.endpoints, deployScript: DEPLOY_SCRIPT, envDir,
}), null, 2));

console.log('▶ starting VS Code (code-server)');
const server = await startCodeServer({
  port: check ? undefined : port,
  runDir: join(demoDir, 'code-server'),
});
const url = workbenchUrl(server, { folder: workspace, developmentPaths: [root] });

async function shutdown(code = 0) {
  server.stop();
  await environments.close();
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
  await page.mouse.move(900, 600); // no hover tooltip over the views in the picture
  // Each view's real content, not a half-loaded picture: servers listed, the workspace's server.json with its
  // state against the registry, both environments with the version they run (none still "checking…").
  const expectations = [
    ['servers of the local registry', (texts) => texts.length > 10],
    ['the sample server in This Workspace, with its state', (texts) => texts.some((t) => t.includes(serverName) && t.includes('1.4.0'))],
    ['staging running 1.3.2', (texts) => texts.some((t) => t.includes('staging') && t.includes('1.3.2'))],
    ['production running 1.3.0', (texts) => texts.some((t) => t.includes('production') && t.includes('1.3.0'))],
    ['no view still checking', (texts) => !texts.some((t) => /checking…|not checked yet|not read yet/.test(t))],
    ['no welcome text left in This Workspace', (_texts, welcome) => !welcome.some((t) => t.includes('Every server.json in this workspace'))],
    ['no view still loading (no progress bar)', (_texts, _welcome, busy) => busy === 0],
  ];
  const deadline = Date.now() + 90_000;
  let missing = [];
  let texts = [];
  while (Date.now() < deadline) {
    texts = await page.locator('.monaco-list-row').allInnerTexts();
    const welcome = await page.locator('.welcome-view-content').allInnerTexts();
    const busy = await page.locator('.sidebar .monaco-progress-container.active').count();
    missing = expectations.filter(([, ok]) => !ok(texts, welcome, busy)).map(([what]) => what);
    if (missing.length === 0) break;
    await page.waitForTimeout(500);
  }
  mkdirSync(join(root, 'test-results'), { recursive: true });
  await page.screenshot({ path: join(root, 'test-results/demo.png') });
  await browser.close();
  if (missing.length > 0) {
    console.log(`demo check failed: the views do not show ${missing.join('; ')} (screenshot test-results/demo.png)`);
    await shutdown(1);
  }
  console.log(`demo check: the views show ${texts.length} rows: ${expectations.map(([what]) => what).join('; ')}; screenshot test-results/demo.png`);
  await shutdown(0);
} else {
  console.log(`\nMCP Versions demo is running. Open this URL in a browser:\n\n  ${url}\n`);
  console.log(`The local registry (real data) is at ${registry.url}. Press Ctrl+C to stop.`);
}
