#!/usr/bin/env node
// A "VS Code executable" for @vscode/test-electron: it takes the arguments test-electron passes
// (--extensionDevelopmentPath, --extensionTestsPath, --user-data-dir, --extensions-dir, a folder), runs
// them in a real VS Code — code-server's workbench opened in headless Debian Chromium — relays the
// extension host's output, serves screenshot requests, and exits with the test result.
import { spawn, execFileSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, mkdtempSync, writeFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const RUN_TIMEOUT_MS = Number(process.env.MCPV_HARNESS_TIMEOUT_MS ?? 15 * 60_000);
const MARKER = '__MCPV_HARNESS__ ';
const OUT_MARKER = '__MCPV_OUT__ ';
// A quiet, deterministic workbench: no chat side bar, welcome page, tips or update checks.
const WORKBENCH_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'chat.commandCenter.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'window.commandCenter': false,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
};
// MCPV_WORKSPACE_TRUST=restricted: workspace trust on and the folder left untrusted (Restricted Mode), with no
// start-up prompt; the Restricted Mode suites run this way.
const RESTRICTED = process.env.MCPV_WORKSPACE_TRUST === 'restricted';
const TRUST_SETTINGS = RESTRICTED
  ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.untrustedFiles': 'open' }
  : {};

function parseArgs(argv) {
  const opts = { developmentPaths: [], skipBuiltinExtensions: [], folder: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) {
      if (m[1] === 'extensionDevelopmentPath') opts.developmentPaths.push(resolve(m[2]));
      else if (m[1] === 'extensionTestsPath') opts.testsPath = resolve(m[2]);
      else if (m[1] === 'user-data-dir') opts.userDataDir = resolve(m[2]);
      else if (m[1] === 'extensions-dir') opts.extensionsDir = resolve(m[2]);
      else if (m[1] === 'skip-builtin-extension') opts.skipBuiltinExtensions.push(m[2]);
    } else if (!arg.startsWith('-')) opts.folder = resolve(arg);
  }
  return opts;
}

// MCPV_VSCODE=1.93: the oldest supported VS Code (code-server 4.93.1 on the machine's Node 20) instead of the newest.
export const OLDEST = process.env.MCPV_VSCODE === '1.93';

export function harnessPaths() {
  const out = execFileSync('bash', [join(here, OLDEST ? 'setup-1.93.sh' : 'setup.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const paths = Object.fromEntries(out.trim().split('\n').map((l) => l.split('=', 2)));
  // The Node code-server runs on (NODE24 kept for callers that read it).
  paths.NODE ??= paths.NODE24;
  if (OLDEST) paths.NODE24 = paths.NODE;
  return paths;
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

async function waitForHttp(url, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (r.status < 500) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Starts code-server; returns { url, port, stop }. Used by the test launcher, the demo and screenshots.
 * `skipBuiltinExtensions`: ids of built-in extensions the VS Code server leaves out (VSCODE_SKIP_BUILTIN_EXTENSIONS),
 * e.g. one a test extension stands in for.
 */
export async function startCodeServer({ userDataDir, extensionsDir, port, env = {}, quiet = true, runDir, skipBuiltinExtensions = [] } = {}) {
  const paths = harnessPaths();
  runDir ??= mkdtempSync(join(root, '.cache/harness/run-'));
  mkdirSync(runDir, { recursive: true });
  userDataDir ??= join(runDir, 'user-data');
  extensionsDir ??= join(runDir, 'extensions');
  for (const d of [userDataDir, extensionsDir, join(runDir, 'tmp'), join(runDir, 'xdg')]) mkdirSync(d, { recursive: true });
  const config = join(runDir, 'config.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  const userSettings = join(userDataDir, 'User', 'settings.json');
  if (!existsSync(userSettings)) {
    mkdirSync(dirname(userSettings), { recursive: true });
    writeFileSync(userSettings, JSON.stringify({ ...WORKBENCH_SETTINGS, ...TRUST_SETTINGS }, null, 2));
  }
  port ??= await freePort();
  const args = [
    paths.CODE_SERVER_ENTRY, '--config', config, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry',
    '--disable-update-check', ...(RESTRICTED ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    // 1.139 ignores the URL payload without the smoke-test driver; 1.93 has no such gate.
    ...(OLDEST ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
  ];
  const child = spawn(paths.NODE, args, {
    env: { ...process.env, ...env, ...(skipBuiltinExtensions.length ? { VSCODE_SKIP_BUILTIN_EXTENSIONS: skipBuiltinExtensions.join(',') } : {}), TMPDIR: join(runDir, 'tmp'), XDG_CONFIG_HOME: join(runDir, 'xdg'), XDG_DATA_HOME: join(runDir, 'xdg'), XDG_CACHE_HOME: join(runDir, 'xdg') },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const serverLog = [];
  const keep = (d) => { serverLog.push(String(d)); if (!quiet) process.stderr.write(d); };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${url}/healthz`, 60_000);
  } catch (e) {
    process.stderr.write(serverLog.join(''));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    throw e;
  }
  const stop = () => { try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ } };
  return { url, port, stop, serverLog, paths, userDataDir, extensionsDir, runDir };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.MCPV_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function workbenchUrl(server, { folder, developmentPaths = [], testsPath }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [...developmentPaths.map((p) => ['extensionDevelopmentPath', remote(p)]), ['skipWelcome', 'true']];
  if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
  const q = new URLSearchParams();
  if (folder) q.set('folder', folder);
  q.set('payload', JSON.stringify(payload));
  return `${server.url}/?${q}`;
}

/** Serves requests a test logs as `__MCPV_HARNESS__ {"screenshot": "<path>"}` (written atomically). */
async function handleHarnessRequest(page, request) {
  if (request.screenshot) {
    const tmp = `${request.screenshot}.partial.png`;
    mkdirSync(dirname(request.screenshot), { recursive: true });
    await page.screenshot({ path: tmp, ...(request.clip ? { clip: request.clip } : {}) });
    renameSync(tmp, request.screenshot);
  }
  if (request.keyboard) {
    // Types into whatever has focus in the workbench (a quick input, an editor), like a user would.
    const { type, press = [], out } = request.keyboard;
    if (type) await page.keyboard.type(type, { delay: 10 });
    for (const key of press) await page.keyboard.press(key);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, '{}');
  }
  if (request.evaluate) {
    const { expression, out, inWebviews } = request.evaluate;
    const frames = inWebviews ? page.frames().filter((f) => f !== page.mainFrame()) : [page.mainFrame()];
    const values = [];
    for (const frame of frames) {
      try {
        values.push({ url: frame.url(), value: await frame.evaluate(expression) });
      } catch (e) {
        values.push({ url: frame.url(), error: String(e) });
      }
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.partial`, JSON.stringify(values));
    renameSync(`${out}.partial`, out);
  }
  if (request.dom) {
    const { selector, out, inWebviews } = request.dom;
    const frames = inWebviews ? page.frames().filter((f) => f !== page.mainFrame()) : [page.mainFrame()];
    const texts = [];
    for (const frame of frames) {
      try {
        texts.push(...(await frame.$$eval(selector, (els) => els.map((e) => e.innerText ?? e.textContent ?? ''))));
      } catch { /* a frame that navigated away or is not ready */ }
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(`${out}.partial`, JSON.stringify(texts));
    renameSync(`${out}.partial`, out);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (!opts.testsPath) throw new Error('launcher: --extensionTestsPath is required');
  const runDir = mkdtempSync(join(root, '.cache/harness/run-'));
  const server = await startCodeServer({ userDataDir: opts.userDataDir, extensionsDir: opts.extensionsDir, runDir, skipBuiltinExtensions: opts.skipBuiltinExtensions });
  const browser = await launchBrowser();
  const workbenchLogPath = join(runDir, 'workbench.log');
  const workbenchLog = createWriteStream(workbenchLogPath);
  let finish;
  const result = new Promise((r) => { finish = r; });
  const timer = setTimeout(() => { console.error(`launcher: no result within ${RUN_TIMEOUT_MS} ms`); finish(1); }, RUN_TIMEOUT_MS);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = (Array.isArray(args) ? args : [args]).map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      const at = text.indexOf(MARKER);
      if (at >= 0) {
        handleHarnessRequest(page, JSON.parse(text.slice(at + MARKER.length))).catch((e) => console.error(`launcher: ${e}`));
        return;
      }
      // The suite's own output is marked; the rest is the workbench's console, kept in a log file.
      const out = text.indexOf(OUT_MARKER);
      if (out >= 0) process.stdout.write(`${text.slice(out + OUT_MARKER.length)}\n`);
      else workbenchLog.write(`[${type}] ${text}\n`);
    });
    await page.goto(workbenchUrl(server, opts));
    const code = await result;
    if (code !== 0) console.error(`launcher: the workbench's console is in ${workbenchLogPath}`);
    process.exitCode = code;
  } finally {
    clearTimeout(timer);
    workbenchLog.end();
    await browser.close().catch(() => {});
    server.stop();
    if (process.exitCode === 0) rmSync(runDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
