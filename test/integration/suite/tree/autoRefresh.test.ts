// Auto-refresh (mcpVersions.autoRefreshSeconds): while the Registry view is visible the tree follows what
// happens on the registry behind its back, with no command run; while it is hidden it asks nothing.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerNode, VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { queryDom, screenshot, waitFor } from '../../harness';
import { api, badgeOf, children, fetchJson, item, labels, meta, publish, resetRegistries, setStatus, startRegistry, topServer, useRegistries, type Row } from './helpers';

const NAME = 'io.modelcontextprotocol.anonymous/auto-refresh';
const SIDEBAR_ROWS = '#workbench\\.parts\\.sidebar .monaco-list-row';

async function rowOnScreen(test: (text: string) => boolean, what: string): Promise<string> {
  return waitFor(what, async () => (await queryDom(SIDEBAR_ROWS)).find(test), 30_000);
}

describe('registry tree: auto-refresh', function () {
  this.timeout(180_000);
  let reg: LocalRegistry;
  let server: ServerNode;

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    await publish(reg, NAME, '1.0.0');
    await publish(reg, NAME, '1.1.0');
    await useRegistries([{ name: 'Local', url: reg.url, auth: 'none' }]);
    await vscode.workspace.getConfiguration('mcpVersions').update('autoRefreshSeconds', 1, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const { registryTree } = await api();
    server = await waitFor(`${NAME} in the tree`, () => topServer(NAME), 30_000);
    // Expanded once its row is on screen (a reveal sent while the view still loads its rows is dropped).
    await rowOnScreen((text) => text.startsWith(NAME), `${NAME} on screen`);
    await registryTree.view.reveal(server, { expand: true });
    await rowOnScreen((text) => text.startsWith('1.1.0') && text.includes('latest'), 'its versions on screen');
    assert.deepEqual(await labels(await children(server)), ['1.1.0', '1.0.0']);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('mcpVersions').update('autoRefreshSeconds', undefined, vscode.ConfigurationTarget.Global);
    await resetRegistries();
    await reg?.close();
  });

  async function versionItems(): Promise<Map<string, vscode.TreeItem>> {
    const nodes = (await children(server)) as VersionNode[];
    const entries = await Promise.all(nodes.map(async (node) => [node.row.version, await item(node)] as const));
    return new Map(entries);
  }

  async function registryLatest(): Promise<string> {
    const rows = (await fetchJson<{ servers: Row[] }>(`${reg.url}/v0.1/servers/${encodeURIComponent(NAME)}/versions`)).servers;
    return rows.find((row) => meta(row).isLatest)!.server.version;
  }

  function latestIn(items: Map<string, vscode.TreeItem>): string[] {
    return [...items].filter(([, treeItem]) => badgeOf(treeItem) === 'L').map(([version]) => version);
  }

  it('shows a version published behind its back, with the latest badge moved to it, with no command run', async () => {
    await publish(reg, NAME, '2.0.0');
    await rowOnScreen((text) => text.startsWith('2.0.0') && text.includes('latest'), '2.0.0 on screen as latest');
    const items = await versionItems();
    assert.deepEqual([...items.keys()], ['2.0.0', '1.1.0', '1.0.0']);
    assert.deepEqual(latestIn(items), ['2.0.0']);
    assert.doesNotMatch(items.get('1.1.0')!.description as string, /latest/);
    assert.match((await item((await topServer(NAME))!)).description as string, /^yours · 2\.0\.0/);
  });

  it('follows a deprecation and then a deletion done behind its back, the latest badge where the registry says', async () => {
    await setStatus(reg, NAME, '2.0.0', 'deprecated', 'Use 1.1.0: 2.0.0 breaks the config format');
    await rowOnScreen((text) => text.startsWith('2.0.0') && text.includes('deprecated: Use 1.1.0'), 'the deprecation of 2.0.0 on screen');
    await screenshot('tree-auto-refresh-deprecated');
    let items = await versionItems();
    assert.deepEqual(latestIn(items), [await registryLatest()], 'a deprecated version still counts for latest, as on the registry');
    assert.match(items.get('2.0.0')!.contextValue!, /:deprecated\b/);

    await setStatus(reg, NAME, '2.0.0', 'deleted');
    await rowOnScreen((text) => text.startsWith('1.1.0') && text.includes('latest'), '1.1.0 on screen as latest');
    items = await versionItems();
    assert.equal(await registryLatest(), '1.1.0');
    assert.deepEqual([...items.keys()], ['1.1.0', '1.0.0'], 'the deleted version is hidden');
    assert.deepEqual(latestIn(items), ['1.1.0']);
    assert.match((await item((await topServer(NAME))!)).description as string, /^yours · 1\.1\.0/);
  });

  it('asks the registry nothing while the view is hidden, and catches up once it is shown again', async () => {
    const { registryTree } = await api();
    await vscode.commands.executeCommand('workbench.view.explorer');
    await waitFor('the Registry view to be hidden', () => (registryTree.view.visible ? undefined : true));
    // No timer while hidden: no tick can ask the registry anything until the view is shown again.
    assert.equal(registryTree.autoRefreshScheduled, false, 'no auto-refresh scheduled while hidden');
    const reads = () => reg.requests().filter((r) => r.method === 'GET').length;
    const before = reads();
    await publish(reg, NAME, '3.0.0');
    assert.ok(!(await versionItems()).has('3.0.0'), 'the hidden tree has not seen 3.0.0');

    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await rowOnScreen((text) => text.startsWith('3.0.0') && text.includes('latest'), '3.0.0 on screen once the view is back');
    assert.equal(registryTree.autoRefreshScheduled, true, 'the auto-refresh runs again while visible');
    assert.ok(reads() > before, 'the view asked again once shown');
    assert.deepEqual(latestIn(await versionItems()), ['3.0.0']);
  });
});
