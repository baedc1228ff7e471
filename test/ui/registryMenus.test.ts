// The Registry view's context menus that end in a modal confirmation, driven with the mouse in the real
// workbench: Deprecate Version… on a version, Remove Registry on a registry; and Deprecate Version… from the Command Palette.
import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../tools/local-registry';
import { createWorkspace, publishHistory, registryVersion, sampleServer, startRegistry, type Workspace } from './fixtures';
import { answerQuickInput, contextMenu, eventually, expand, keepFailures, modalDialog, openWorkbench, quickInputTitle, row, rowsWhen, runFromPalette, screenshot, type Workbench } from './workbench';

// The anonymous namespace: what `auth: none` may change, so the status commands are offered without a sign-in.
const SERVER = 'io.modelcontextprotocol.anonymous/weather';
const LOCAL = 'Local registry';
const TEAM = 'Team registry';
const SPARE = 'Spare registry';

describe('UI: Registry context menus with a confirmation', function () {
  let local: LocalRegistry;
  let team: LocalRegistry;
  let spare: LocalRegistry;
  let workspace: Workspace;
  let workbench: Workbench;

  before(async function () {
    [local, team, spare] = await Promise.all([startRegistry(), startRegistry(), startRegistry()]);
    await publishHistory(local, SERVER, ['1.0.0', '1.1.0', '2.0.0']);
    workspace = createWorkspace(sampleServer(SERVER, '2.1.0'), [
      { name: LOCAL, url: local.url, auth: 'none' },
      { name: TEAM, url: team.url, auth: 'none' },
      { name: SPARE, url: spare.url, auth: 'none' },
    ]);
    workbench = await openWorkbench(workspace.dir);
    await rowsWhen(workbench.page, 'Registry', 'the registries and the server', (rows) => [LOCAL, TEAM, SPARE, SERVER].every((label) => rows.some((r) => r.label === label)));
  });

  const failed = keepFailures(() => workbench);

  after(async () => {
    await workbench?.close({ keep: failed() });
    await Promise.all([local?.close(), team?.close(), spare?.close()]);
    workspace?.remove();
  });

  it('Deprecate… on the latest version: the modal names server, version and the latest afterwards; the tree shows it deprecated', async () => {
    const { page } = workbench;
    await expand(await row(page, 'Registry', SERVER));
    await contextMenu(page, await row(page, 'Registry', '2.0.0'), 'Deprecate Version…');
    // The status message prompt names the row's version; a "Deprecate Version" picker would mean the
    // command did not receive the row it was chosen on.
    assert.equal(await quickInputTitle(page), `Deprecate ${SERVER}@2.0.0`, 'the context menu hands the version row to the command');
    await answerQuickInput(page, 'Use 2.1 once it ships');

    const dialog = await modalDialog(page);
    assert.equal(dialog.message, `Deprecate ${SERVER}@2.0.0?`);
    // The registry counts deprecated versions when it picks the latest; the detail says how another becomes latest.
    assert.equal(dialog.detail, 'Latest stays 2.0.0.\nA deprecated version stays latest until a higher version is published (deleting 2.0.0 instead would make 1.1.0 latest).');
    assert.deepEqual([...dialog.buttons].sort(), ['Cancel', 'Deprecate']);
    await screenshot(page, 'deprecate-confirm');
    await dialog.press('Deprecate');

    const stored = await eventually('the registry to hold 2.0.0 as deprecated', async () => {
      const found = await registryVersion(local.url, SERVER, '2.0.0');
      return found.official?.status === 'deprecated' ? found.official : undefined;
    });
    assert.equal(stored.statusMessage, 'Use 2.1 once it ships');
    assert.equal(stored.isLatest, true);
    const rows = await rowsWhen(page, 'Registry', '2.0.0 shown as deprecated', (shown) => shown.some((r) => r.label === '2.0.0' && r.description.includes('deprecated')));
    assert.deepEqual(rows.filter((r) => r.description.includes('latest')).map((r) => r.label), ['2.0.0'], 'the latest badge stays where the registry has it');
    assert.equal((await registryVersion(local.url, SERVER, '1.1.0')).official?.status, 'active');
  });

  it('Remove Registry on a registry: the modal names it; Cancel keeps it, Remove takes it out of the tree and the workspace setting', async () => {
    const { page } = workbench;
    /** Removes `name` through its context menu and waits for the workspace setting to be written without it. */
    const remove = async (name: string) => {
      await contextMenu(page, await row(page, 'Registry', name), 'Remove Registry');
      const confirm = await modalDialog(page);
      assert.equal(confirm.message, `Remove the registry “${name}”?`);
      await confirm.press('Remove');
      return eventually(`the workspace setting to lose ${name}`, async () => {
        const registries = workspace.registriesSetting();
        return registries.some((r) => r.name === name) ? undefined : registries;
      });
    };
    await contextMenu(page, await row(page, 'Registry', TEAM), 'Remove Registry');
    const dialog = await modalDialog(page);
    assert.equal(dialog.message, `Remove the registry “${TEAM}”?`);
    assert.equal(dialog.detail, `${team.url} is removed from the setting mcpVersions.registries, and the tokens and the permission to send credentials kept for it are forgotten. Nothing changes on the registry.`);
    await screenshot(page, 'remove-registry-confirm');
    await dialog.press('Cancel');
    // The next removal is written after anything the Cancel could have written: the Team registry is still there.
    assert.deepEqual((await remove(SPARE)).map((r) => r.name), [LOCAL, TEAM], 'Cancel kept the Team registry');
    await rowsWhen(page, 'Registry', 'the Spare registry gone, the Team registry kept', (shown) => !shown.some((r) => r.label === SPARE) && shown.some((r) => r.label === TEAM));

    const setting = await remove(TEAM);
    assert.deepEqual(setting.map((r) => [r.name, r.url]), [[LOCAL, local.url]]);
    // With one registry left the view lists its servers at the top level, without registry rows.
    const rows = await rowsWhen(page, 'Registry', 'no registry rows', (shown) => !shown.some((r) => r.label === TEAM || r.label === LOCAL));
    assert.ok(rows.some((r) => r.label === SERVER), `${SERVER} is still listed`);
    await screenshot(page, 'remove-registry-done');
  });

  it('Deprecate… from the Command Palette: server and version pickers, the message, the modal; the registry agrees', async () => {
    const { page } = workbench;
    const focusedRow = page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused');
    const input = page.locator('.quick-input-widget .quick-input-box input');
    /** Waits for the picker titled `title`, types `filter`, and picks once the focused row starts with `expected`. */
    const pick = async (title: string, filter: string, expected: string) => {
      await eventually(`the picker “${title}”`, async () => ((await quickInputTitle(page)) === title ? true : undefined), 15_000);
      await page.keyboard.type(filter, { delay: 5 });
      // Consecutive pickers share the title (and VS Code's one input box): keys typed while one replaces the
      // other land partly in each, so the filter is typed again whenever the box does not hold it.
      await eventually(`${expected} focused in “${title}”`, async () => {
        if ((await input.inputValue()) !== filter) {
          await page.keyboard.press('Control+A');
          await page.keyboard.type(filter, { delay: 5 });
          return undefined;
        }
        return (await focusedRow.innerText()).trim().startsWith(expected) ? true : undefined;
      }, 15_000);
      await page.keyboard.press('Enter');
    };
    await runFromPalette(page, 'MCP Versions: Deprecate Version…');
    // With more than one registry the first picker asks which (run alone, the previous test has not removed them).
    await eventually('the first picker', async () => ((await quickInputTitle(page)) === 'Deprecate Version' ? true : undefined), 15_000);
    if ((await input.getAttribute('placeholder')) === 'Registry') await pick('Deprecate Version', 'Local', LOCAL);
    await pick('Deprecate Version', 'weather', SERVER);
    await pick('Deprecate Version', '1.1.0', '1.1.0');
    await eventually('the status message box for 1.1.0', async () => ((await quickInputTitle(page)) === `Deprecate ${SERVER}@1.1.0` ? true : undefined), 15_000);
    await answerQuickInput(page, 'Moved to 2.x');

    const dialog = await modalDialog(page);
    assert.equal(dialog.message, `Deprecate ${SERVER}@1.1.0?`);
    await dialog.press('Deprecate');
    const stored = await eventually('the registry to hold 1.1.0 as deprecated', async () => {
      const found = await registryVersion(local.url, SERVER, '1.1.0');
      return found.official?.status === 'deprecated' ? found.official : undefined;
    });
    assert.equal(stored.statusMessage, 'Moved to 2.x');
    assert.equal((await registryVersion(local.url, SERVER, '1.0.0')).official?.status, 'active', 'only the picked version changed');
    await expand(await row(page, 'Registry', SERVER));
    await rowsWhen(page, 'Registry', '1.1.0 shown as deprecated', (shown) => shown.some((r) => r.label === '1.1.0' && r.description.includes('deprecated')));
  });
});
