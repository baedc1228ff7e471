// The tree's node commands run from the Command Palette, without a node: VS Code's real quick picks, typed
// at the keyboard (registry → server → version).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { evaluate, keyboard, queryDom, screenshot, waitFor } from '../../harness';
import { fetchJson, meta, publish, resetRegistries, setStatus, startRegistry, useRegistries, type Row } from './helpers';

const NAME = 'io.modelcontextprotocol.anonymous/palette';
const OTHER = 'io.modelcontextprotocol.anonymous/palette-other';

interface QuickInput {
  title: string;
  placeholder: string;
  rows: string[];
}

/** What VS Code's quick input shows now (undefined when it is closed). */
async function quickInput(): Promise<QuickInput | undefined> {
  const [frame] = await evaluate(`(() => {
    const widget = document.querySelector('.quick-input-widget');
    if (!widget || !widget.checkVisibility()) return null;
    return {
      title: widget.querySelector('.quick-input-title')?.innerText ?? '',
      placeholder: widget.querySelector('.quick-input-box input')?.placeholder ?? '',
      rows: [...widget.querySelectorAll('.quick-input-list .monaco-list-row')].map((row) =>
        [row.querySelector('.label-name'), row.querySelector('.label-description')].map((part) => part?.innerText.trim() ?? '').filter(Boolean).join(' ')),
    };
  })()`);
  return (frame?.value as QuickInput | null) ?? undefined;
}

async function waitForQuickInput(what: string, test: (input: QuickInput) => boolean): Promise<QuickInput> {
  return waitFor(what, async () => {
    const input = await quickInput();
    return input && test(input) ? input : undefined;
  }, 30_000);
}

describe('registry tree: palette pickers', function () {
  this.timeout(180_000);
  const registries: LocalRegistry[] = [];

  before(async () => {
    registries.push(await startRegistry({ seed: 'none' }), await startRegistry({ seed: 'none' }));
    const [alpha, beta] = registries;
    await publish(alpha, OTHER, '0.1.0');
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) await publish(beta, NAME, version);
    await publish(beta, OTHER, '3.0.0');
    await setStatus(beta, NAME, '1.0.0', 'deprecated', 'Too old');
    await useRegistries([
      { name: 'Alpha', url: alpha.url, auth: 'none' },
      { name: 'Beta', url: beta.url, auth: 'none' },
    ]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    // Escape must reach the quick input, not a notification centre an earlier suite left open.
    await vscode.commands.executeCommand('notifications.hideList');
  });

  afterEach(async () => {
    if (await quickInput()) await keyboard(undefined, ['Escape']);
  });

  after(async () => {
    await resetRegistries();
    await Promise.all(registries.map((r) => r.close()));
  });

  async function versionsOnRegistry(): Promise<Row[]> {
    return (await fetchJson<{ servers: Row[] }>(`${registries[1].url}/v0.1/servers/${encodeURIComponent(NAME)}/versions`)).servers;
  }

  /** Types into the open quick pick and accepts once the first row is the one wanted. */
  async function pick(typed: string, firstRow: (row: string) => boolean, what: string): Promise<void> {
    await keyboard(typed);
    await waitForQuickInput(what, (input) => input.rows.length > 0 && firstRow(input.rows[0]));
    await keyboard(undefined, ['Enter']);
  }

  it('Copy name@version: picks the registry, the server and the version, and copies name@version', async () => {
    await vscode.env.clipboard.writeText('');
    const running = vscode.commands.executeCommand('mcpVersions.version.copyNameVersion');

    const registryPick = await waitForQuickInput('the registry picker', (input) => input.title === 'Copy name@version' && input.placeholder === 'Registry');
    assert.deepEqual(registryPick.rows.map((row) => row.split(' ')[0]), ['Alpha', 'Beta']);
    await pick('Beta', (row) => row.startsWith('Beta'), 'Beta first');

    const serverPick = await waitForQuickInput('the server picker', (input) => input.placeholder.startsWith('Server name in Beta'));
    assert.equal(serverPick.title, 'Copy name@version');
    assert.ok(serverPick.rows.some((row) => row.startsWith(NAME)), `Beta's servers are offered: ${serverPick.rows.join(' | ')}`);
    assert.ok(!serverPick.rows.some((row) => row.startsWith(`${OTHER} 0.1.0`)), 'not Alpha’s');
    await pick('palette', (row) => row.startsWith(`${NAME} 2.0.0`), `${NAME} first`);

    const versionPick = await waitForQuickInput('the version picker', (input) => input.placeholder === `Version of ${NAME}`);
    assert.deepEqual(versionPick.rows.map((row) => row.split(' ')[0]), ['2.0.0', '1.1.0', '1.0.0'], 'every visible version, in registry order');
    assert.match(versionPick.rows[0], /latest/);
    await screenshot('tree-palette-version-picker');
    await pick('1.1.0', (row) => row.startsWith('1.1.0'), '1.1.0 first');

    await running;
    assert.equal(await vscode.env.clipboard.readText(), `${NAME}@1.1.0`);
    await waitFor('the pickers to close', async () => ((await quickInput()) ? undefined : true));
  });

  async function pickBetaAndServer(title: string): Promise<QuickInput> {
    await waitForQuickInput('the registry picker', (input) => input.title === title && input.placeholder === 'Registry');
    await pick('Beta', (row) => row.startsWith('Beta'), 'Beta first');
    await waitForQuickInput('the server picker', (input) => input.title === title && input.placeholder.startsWith('Server name in Beta'));
    await pick('palette', (row) => row.startsWith(`${NAME} 2.0.0`), `${NAME} first`);
    return waitForQuickInput('the version picker', (input) => input.title === title && input.placeholder === `Version of ${NAME}`);
  }

  const statuses = async () => (await versionsOnRegistry()).map((row) => `${row.server.version} ${meta(row).status}`);
  const UNCHANGED = ['2.0.0 active', '1.1.0 active', '1.0.0 deprecated'];

  it('Deprecate: offers all versions or the active ones, asks for a message naming the version; Escape changes nothing', async () => {
    const running = vscode.commands.executeCommand('mcpVersions.version.deprecate');
    const versionPick = await pickBetaAndServer('Deprecate Version');
    assert.deepEqual(versionPick.rows.map((row) => row.split(' ')[0]), ['All', '2.0.0', '1.1.0'], `the deprecated 1.0.0 is not offered: ${versionPick.rows.join(' | ')}`);
    assert.equal(versionPick.rows[0], `All versions of ${NAME}`);
    await pick('1.1.0', (row) => row.startsWith('1.1.0'), '1.1.0 first');

    const messageBox = await waitForQuickInput('the status message box', (input) => input.title === `Deprecate ${NAME}@1.1.0`);
    assert.equal(messageBox.placeholder, 'e.g. Use 2.x; 1.x gets no fixes');
    await screenshot('tree-palette-deprecate-message');
    await keyboard(undefined, ['Escape']);
    await running;
    assert.deepEqual(await statuses(), UNCHANGED);
  });

  it('Un-deprecate: offers the deprecated versions only; Escape at the version picker changes nothing', async () => {
    const running = vscode.commands.executeCommand('mcpVersions.version.undeprecate');
    const versionPick = await pickBetaAndServer('Un-deprecate Version');
    assert.deepEqual(versionPick.rows, [`All versions of ${NAME}`, versionPick.rows[1]]);
    assert.match(versionPick.rows[1], /^1\.0\.0 deprecated\b/);
    await keyboard(undefined, ['Escape']);
    await running;
    assert.deepEqual(await statuses(), UNCHANGED);
  });

  it('Deprecate changes nothing without the modal confirmation (which the test host refuses)', async () => {
    // Earlier suites' notifications would crowd the centre where the refusal is read.
    await vscode.commands.executeCommand('notifications.clearAll');
    const running = vscode.commands.executeCommand('mcpVersions.version.deprecate');
    await pickBetaAndServer('Deprecate Version');
    await pick('1.1.0', (row) => row.startsWith('1.1.0'), '1.1.0 first');
    await waitForQuickInput('the status message box', (input) => input.title === `Deprecate ${NAME}@1.1.0`);
    await keyboard('Use 2.0.0', ['Enter']);
    // VS Code answers the modal with an error in extension tests; the command shows it as its error message.
    await vscode.commands.executeCommand('notifications.showList');
    const refusal = await waitFor('the refused confirmation', async () =>
      // In the centre or still as a toast: a busy run can show it in either.
      (await queryDom('.notification-list-item-message')).find((text) => text.includes(`Deprecate ${NAME}@1.1.0?`)),
    30_000);
    assert.match(refusal, /refused to show dialog/);
    assert.deepEqual(await statuses(), UNCHANGED);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
    await running;
  });
});
