// Drives the real workbench like a user: code-server opened in headless Chromium in extension development
// mode only (no tests path), where VS Code shows modal dialogs. Mouse, keyboard and what is on screen.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';

export const repoRoot = resolve(__dirname, '../..');
const resultsDir = join(repoRoot, 'test-results/ui');

interface CodeServer { url: string; port: number; stop(): void }
interface Launcher {
  startCodeServer(options: { runDir: string }): Promise<CodeServer>;
  launchBrowser(): Promise<Browser>;
  workbenchUrl(server: CodeServer, options: { folder: string; developmentPaths: string[] }): string;
}

export interface Workbench {
  readonly page: Page;
  /** Kept when a test failed (the workbench's user data and logs); removed by close({ keep: false }). */
  readonly runDir: string;
  close(options: { keep: boolean }): Promise<void>;
}

/** Starts code-server and Chromium on `folder` with this repository as the extension under development. */
export async function openWorkbench(folder: string): Promise<Workbench> {
  if (!existsSync(join(repoRoot, 'dist/extension.js'))) throw new Error('dist/extension.js is missing: run node scripts/build.mjs first');
  const launcher = (await import(pathToFileURL(join(repoRoot, 'test/harness/launcher.mjs')).href)) as Launcher;
  mkdirSync(join(repoRoot, '.cache/harness'), { recursive: true });
  const runDir = mkdtempSync(join(repoRoot, '.cache/harness/ui-'));
  const server = await launcher.startCodeServer({ runDir });
  let browser: Browser | undefined;
  const close = async ({ keep }: { keep: boolean }) => {
    await browser?.close().catch(() => undefined);
    server.stop();
    if (keep) console.log(`    the workbench's user data and logs are kept in ${runDir}`);
    else rmSync(runDir, { recursive: true, force: true });
  };
  try {
    browser = await launcher.launchBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(launcher.workbenchUrl(server, { folder, developmentPaths: [repoRoot] }));
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.locator('.activitybar [aria-label^="MCP Versions"]').first().click();
    return { page, runDir, close };
  } catch (error) {
    await close({ keep: true });
    throw error;
  }
}

/** Polls `probe` until it returns a value (not undefined), up to `timeoutMs`; the error names `what`. */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 45_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${last})` : ''}`);
}

/** The rows of one view of the MCP Versions container ("Registry", "This Workspace", "Environments"). */
export function viewRows(page: Page, view: string): Locator {
  return page.locator('.pane', { has: page.locator(`.pane-header[aria-label^="${view}"]`) }).locator('.monaco-list-row');
}

export interface TreeRow {
  readonly label: string;
  readonly description: string;
}

/** What a view's rows show (label and description) once they satisfy `ready`. */
export async function rowsWhen(page: Page, view: string, what: string, ready: (rows: TreeRow[]) => boolean, timeoutMs = 45_000): Promise<TreeRow[]> {
  let rows: TreeRow[] = [];
  try {
    return await eventually(`${view}: ${what}`, async () => {
      rows = await viewRows(page, view).evaluateAll((elements) => elements.map((e) => ({
        label: e.querySelector('.label-name')?.textContent?.trim() ?? e.textContent?.trim() ?? '',
        description: e.querySelector('.label-description')?.textContent?.trim() ?? '',
      })));
      return ready(rows) ? rows : undefined;
    }, timeoutMs);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}; the rows: ${rows.map((r) => `${r.label} (${r.description})`).join(' | ')}`, { cause: error });
  }
}

/** The row of `view` whose label (first line of the row) is `label`, waited for. */
export async function row(page: Page, view: string, label: string): Promise<Locator> {
  const rows = viewRows(page, view).filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) });
  await rows.first().waitFor({ timeout: 45_000 });
  return rows.first();
}

/** Expands a tree row (a no-op when it is expanded already). */
export async function expand(rowLocator: Locator): Promise<void> {
  if ((await rowLocator.getAttribute('aria-expanded')) === 'false') await rowLocator.locator('.monaco-tl-twistie').click();
  await eventually('the row to expand', async () => ((await rowLocator.getAttribute('aria-expanded')) === 'true' ? true : undefined));
}

/**
 * Right-clicks a row and chooses `item` from its context menu: the pointer on the item (which focuses it),
 * then Enter — a click that lands right after the menu opened is taken for the end of the right-click.
 */
export async function contextMenu(page: Page, rowLocator: Locator, item: string): Promise<void> {
  await rowLocator.click({ button: 'right' });
  const menu = page.locator('.context-view .monaco-menu');
  const entry = menu.locator('.action-item', { has: page.locator(`.action-label[aria-label="${item}"]`) });
  await entry.waitFor({ timeout: 10_000 });
  await entry.hover();
  await eventually(`the menu item ${item} to take the focus`, async () => ((await entry.getAttribute('class'))?.includes('focused') ? true : undefined), 10_000);
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'detached', timeout: 10_000 });
}

/**
 * F1, the command's title, Enter — once the palette's focused entry is exactly that command. The palette lists
 * the commands enabled when it opened (a command enabled only in a trusted workspace is missing while a new
 * window still settles its trust), so a palette that does not offer it is closed and opened again.
 */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  // The row's first label is the command's (a row's detail, when it has one, is a label of its own).
  const focused = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused .label-name').first();
  const attempts = 3;
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ timeout: 10_000 });
    await page.keyboard.type(title.replace(/…$/, ''), { delay: 5 });
    try {
      await eventually(`the palette to offer ${title}`, async () => ((await focused.innerText()).trim() === title ? true : undefined), 5_000);
      break;
    } catch (error) {
      if (attempt === attempts) throw error;
      await page.keyboard.press('Escape');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    }
  }
  await page.keyboard.press('Enter');
}

export interface ShownDialog {
  readonly message: string;
  readonly detail: string;
  readonly buttons: string[];
  press(button: string): Promise<void>;
}

/** The modal dialog on screen, waited for (publish checks the registry first). */
export async function modalDialog(page: Page): Promise<ShownDialog> {
  const box = page.locator('.monaco-dialog-box');
  await box.waitFor({ timeout: 45_000 });
  const buttons = box.locator('.dialog-buttons .monaco-button');
  return {
    message: (await box.locator('.dialog-message-text').innerText()).trim(),
    detail: (await box.locator('.dialog-message-detail').innerText()).trim(),
    buttons: (await buttons.allInnerTexts()).map((t) => t.trim()),
    press: async (button) => {
      await buttons.getByText(button, { exact: true }).click();
      await box.waitFor({ state: 'detached', timeout: 10_000 });
    },
  };
}

/** The title of the quick input (input box or pick) that is open, waited for. */
export function quickInputTitle(page: Page): Promise<string> {
  const title = page.locator('.quick-input-widget .quick-input-title');
  return eventually('a quick input to open', async () => ((await title.isVisible()) ? (await title.innerText()).trim() || undefined : undefined), 15_000);
}

/** Types into the open quick input and presses Enter. */
export async function answerQuickInput(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** A PNG of the whole window in test-results/ui/, copied to docs/images/ when MCPV_UPDATE_DOCS_IMAGES is set. */
export async function screenshot(page: Page, name: string, options: { docs?: boolean } = {}): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${name}.png`);
  const forDocs = options.docs && process.env.MCPV_UPDATE_DOCS_IMAGES;
  if (forDocs) await page.waitForTimeout(300); // entrance animations finish, for the README's picture only
  await page.screenshot({ path: file });
  if (forDocs) {
    mkdirSync(join(repoRoot, 'docs/images'), { recursive: true });
    copyFileSync(file, join(repoRoot, 'docs/images', `${name}.png`));
  }
  return file;
}

/**
 * For a suite's `describe`: after a failed test, a screenshot of what the window showed and Escape for
 * whatever the failure left open. Returns whether any test failed (the workbench is then kept for its logs).
 */
export function keepFailures(workbench: () => Workbench | undefined): () => boolean {
  let failed = false;
  afterEach(async function () {
    const current = workbench();
    if (this.currentTest?.state !== 'failed' || !current) return;
    failed = true;
    await screenshot(current.page, `failed-${this.currentTest.title.slice(0, 40).replace(/\W+/g, '-')}`).catch(() => undefined);
    await current.page.keyboard.press('Escape');
  });
  return () => failed;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface PickerRow {
  readonly label: string;
  readonly description: string;
  readonly detail: string;
}

/** The rows of the open quick pick (label without its icon, description, detail), once there are some. */
export function pickerRows(page: Page): Promise<PickerRow[]> {
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  return eventually('the picker to list its items', async () => {
    const shown = await rows.evaluateAll((elements) => elements.map((e) => ({
      label: e.querySelector('.quick-input-list-rows .label-name')?.textContent?.trim() ?? '', // the first: the detail has one too
      description: e.querySelector('.quick-input-list-rows .label-description')?.textContent?.trim() ?? '',
      detail: e.querySelector('.quick-input-list-label-meta')?.textContent?.trim() ?? '',
    })));
    return shown.length > 0 ? shown : undefined;
  }, 15_000);
}

/** Types `filter` into the open quick pick, moves down to the row labelled `label` and presses Enter. */
export async function pickItem(page: Page, filter: string, label: string): Promise<void> {
  await page.keyboard.type(filter, { delay: 5 });
  const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
  const focused = rows.and(page.locator('.focused')).locator('.quick-input-list-rows .label-name').first();
  const labels = () => rows.evaluateAll((elements) => elements.map((e) => e.querySelector('.quick-input-list-rows .label-name')?.textContent?.trim()));
  await eventually(`${label} among the rows the filter “${filter}” leaves`, async () => ((await labels()).includes(label) ? true : undefined), 15_000);
  for (let step = 0; step < 20; step++) {
    if ((await focused.innerText()).trim() === label) {
      await page.keyboard.press('Enter');
      return;
    }
    const before = (await focused.innerText()).trim();
    await page.keyboard.press('ArrowDown');
    await eventually('the focus to move down', async () => ((await focused.innerText()).trim() !== before ? true : undefined), 5_000);
  }
  throw new Error(`${label} could not be focused in the picker (rows: ${(await labels()).join(', ')})`);
}

/** The Problems panel's rows (files and their problems, as the panel's accessible labels read them), opened with Ctrl+Shift+M. */
export async function problems(page: Page, what: string, ready: (rows: string[]) => boolean): Promise<string[]> {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
  await panel.waitFor({ timeout: 15_000 });
  let rows: string[] = [];
  try {
    return await eventually(`Problems: ${what}`, async () => {
      rows = (await panel.locator('.monaco-list-row').evaluateAll((elements) => elements.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? ''))).map((t) => t.trim());
      return ready(rows) ? rows : undefined;
    });
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : error}; the rows: ${rows.join(' | ')}`, { cause: error });
  }
}
