// What a test running inside the extension host can ask of the harness that drives the workbench.
import * as vscode from 'vscode';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { McpVersionsApi, McpVersionsPublicApi, McpVersionsTestApi } from '../../src/extension';

const MARKER = '__MCPV_HARNESS__ ';
const repoRoot = resolve(__dirname, '../../..');

async function request<T>(body: Record<string, unknown>, file: string, read: (f: string) => T, timeoutMs = 15_000): Promise<T> {
  rmSync(file, { force: true });
  console.log(MARKER + JSON.stringify(body));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) return read(file);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the harness did not answer ${JSON.stringify(body)} within ${timeoutMs} ms`);
}

/**
 * The running extension's internals (activating it and starting its features when needed): what tests read the
 * extension's state through.
 */
export async function extensionApi(): Promise<McpVersionsApi> {
  const extension = vscode.extensions.getExtension<McpVersionsPublicApi | McpVersionsTestApi>('mcp-versions.mcp-versions');
  if (!extension) throw new Error('extension not installed');
  const api = extension.isActive ? extension.exports : await extension.activate();
  // The internals are handed out only in VS Code's test mode (src/extension.ts).
  if (!('features' in api)) throw new Error('the extension is not running in test mode: activate() returned only its public API');
  return (api as McpVersionsTestApi).features();
}

/** Captures the live workbench to `<dir>/<name>.png` (default dir: test-results/screenshots). */
export async function screenshot(name: string, dir = process.env.MCPV_SCREENSHOT_DIR ?? join(repoRoot, 'test-results/screenshots')): Promise<string> {
  const path = join(dir, `${name}.png`);
  return request({ screenshot: path }, path, () => path);
}

/** Text of every element matching `selector` in the workbench (or in webview frames when `inWebviews`). */
export async function queryDom(selector: string, options: { inWebviews?: boolean } = {}): Promise<string[]> {
  const out = join(repoRoot, 'test-results', `dom-${process.pid}-${Date.now()}.json`);
  return request({ dom: { selector, out, inWebviews: options.inWebviews ?? false } }, out, (f) => {
    const value = JSON.parse(readFileSync(f, 'utf8')) as string[];
    rmSync(f, { force: true });
    return value;
  });
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/**
 * Evaluates a JavaScript expression in the workbench page, or in every webview frame when `inWebviews`
 * (webviews are nested iframes), and returns one entry per frame.
 */
export async function evaluate(expression: string, options: { inWebviews?: boolean } = {}): Promise<{ url: string; value?: unknown; error?: string }[]> {
  const out = join(repoRoot, 'test-results', `eval-${process.pid}-${Date.now()}.json`);
  return request({ evaluate: { expression, out, inWebviews: options.inWebviews ?? false } }, out, (f) => {
    const value = JSON.parse(readFileSync(f, 'utf8')) as { url: string; value?: unknown; error?: string }[];
    rmSync(f, { force: true });
    return value;
  });
}

const DOCS_RUN = Boolean(process.env.MCPV_UPDATE_DOCS_IMAGES);

/**
 * A README picture, not a test: registered only when `npm run screenshots` runs the suites
 * (MCPV_UPDATE_DOCS_IMAGES), after the tests of its suite have set up the state it shows.
 */
export function docsScene(title: string, scene: () => Promise<void>): void {
  if (DOCS_RUN) it(`README picture: ${title}`, scene);
}

/**
 * A screenshot the README shows, copied to docs/images/<name>.png; only when `npm run screenshots` regenerates
 * the README's pictures (a test run takes none). `settleMs` lets animations finish, for the picture only.
 */
export async function docsScreenshot(name: string, options: { notifications?: boolean; settleMs?: number } = {}): Promise<string | undefined> {
  if (!DOCS_RUN) return undefined;
  if (!options.notifications) {
    // Notifications left by earlier suites are not part of the picture.
    await vscode.commands.executeCommand('notifications.hideList');
    await vscode.commands.executeCommand('notifications.hideToasts');
  }
  await new Promise((r) => setTimeout(r, options.settleMs ?? 300));
  const shot = await screenshot(name);
  mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
  copyFileSync(shot, join(repoRoot, 'docs/images', `${name}.png`));
  return shot;
}

/** Types `text` and then presses `press` (e.g. ['Enter']) in the workbench, as a user at the keyboard would. */
export async function keyboard(text: string | undefined, press: string[] = []): Promise<void> {
  const out = join(repoRoot, 'test-results', `keys-${process.pid}-${Date.now()}.json`);
  await request({ keyboard: { type: text, press, out } }, out, (f) => rmSync(f, { force: true }));
}

/**
 * Skips the current suite or test on a VS Code older than `minimum` (e.g. '1.139'), printing why, for behaviour
 * only the newer VS Code has. The oldest supported VS Code runs the rest.
 */
export function requireVsCode(context: Mocha.Context, minimum: string, reason: string): void {
  const [major, minor] = vscode.version.split('.').map(Number);
  const [wantMajor, wantMinor] = minimum.split('.').map(Number);
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return;
  console.log(`__MCPV_OUT__ skipped on VS Code ${vscode.version} (needs ${minimum}): ${reason}`);
  context.skip();
}
