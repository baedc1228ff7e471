// One fact, one place: a deprecation from the Registry view reaches the Registry view, This Workspace,
// the status bar, the Environments view and an open diff panel at once, with no refresh, and the
// registry sees exactly one request: the write.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerNode, VersionNode } from '../../../../src/tree/nodes';
import { startStoreScene, type StoreScene } from './fixture';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { waitFor } from '../../harness';
import { ScriptedPrompts } from '../publish/helpers';
import { api, children, item, setStatus } from '../tree/helpers';
import { serverText, VariantsFolder } from '../workspace/helpers';

const NAME = 'io.modelcontextprotocol.anonymous/store-test';
const REGISTRY_NAME = 'Store test registry';

describe('registry data store: one write, every view', function () {
  this.timeout(120_000);
  let scene: StoreScene | undefined;
  let reg: LocalRegistry;
  let folder: VariantsFolder;
  const prompts = new ScriptedPrompts();

  before(async () => {
    scene = await startStoreScene(NAME, REGISTRY_NAME);
    reg = scene.reg;
    folder = await VariantsFolder.create('store', { 'server.json': serverText(NAME, '2.0.0') });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const extension = await api();
    await waitFor('the tree to use the registry', () => (extension.registryTree.provider.registries.map((r) => r.config.url).join() === reg.url ? true : undefined));
    extension.publish.prompts.use(prompts);
    prompts.onInput = () => 'Use 3.x';
  });

  after(async () => {
    (await api()).publish.prompts.reset();
    for (const panel of (await api()).diff.panels()) panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await folder?.remove();
    await scene?.close();
  });

  async function versionNode(version: string): Promise<VersionNode> {
    const server = (await children()).find((n): n is ServerNode => n.kind === 'server' && n.name === NAME);
    assert.ok(server, `${NAME} in the tree`);
    const node = ((await children(server)) as VersionNode[]).find((v) => v.row.version === version);
    assert.ok(node, `${version} under ${NAME}`);
    return node;
  }

  function environmentRows(environments: Awaited<ReturnType<typeof api>>['environments']): string[] {
    return environments.provider.getChildren({ type: 'environment', name: 'production' }).map((n) => String(environments.provider.getTreeItem(n).label));
  }

  it('deprecating the latest version from its node shows everywhere at once, after one request', async () => {
    const extension = await api();
    const fileUri = folder.fileUri('server.json');
    // Every view shows 2.0.0 as the active latest first.
    await vscode.window.showTextDocument(fileUri);
    await extension.environments.store.refreshAll({ freshRegistry: true });
    const ref = (version: string) => ({ registryUrl: reg.url, registryName: REGISTRY_NAME, serverName: NAME, version });
    const panel = await extension.diff.open(ref('1.1.0'), ref('2.0.0'));
    await waitFor('the diff panel to show 2.0.0', () => (panel.view?.right.status === 'active' ? true : undefined));
    await vscode.window.showTextDocument(fileUri, { preview: false, viewColumn: vscode.ViewColumn.One });
    await waitFor('the workspace view to compare the file', async () => {
      await extension.workspace.idle();
      return extension.workspace.nodes().find((n) => n.uri === fileUri.toString())?.description === 'published · 2.0.0' ? true : undefined;
    });
    await waitFor('the status bar', () => (extension.workspace.statusBarText()?.endsWith('· published') ? true : undefined));
    await waitFor('the Environments view to show 2.0.0 active and latest', () => (environmentRows(extension.environments).includes('2.0.0: active · latest') ? true : undefined));
    const shown = (await item(await versionNode('2.0.0'))).description as string;
    assert.match(shown, /^● production · latest/);
    assert.doesNotMatch(shown, /deprecated/);

    // The anonymous token is obtained by a first write (not counted); then one deprecation is counted.
    await vscode.commands.executeCommand('mcpVersions.version.deprecate', await versionNode('1.0.0'));
    await waitFor('1.0.0 deprecated in the tree', async () => ((await item(await versionNode('1.0.0'))).contextValue?.includes(':deprecated') ? true : undefined));
    prompts.calls.length = 0;
    const before = reg.requestCount();

    await vscode.commands.executeCommand('mcpVersions.version.deprecate', await versionNode('2.0.0'));

    const asked = prompts.calls.filter((c) => c.kind === 'warning' && c.modal);
    assert.equal(asked.length, 1, 'one confirmation');
    assert.equal(asked[0]!.message, `Deprecate ${NAME}@2.0.0?`);
    assert.match(asked[0]!.detail ?? '', /Latest stays 2\.0\.0/);
    // No refresh from here on: each view follows the store.
    const v2 = await item(await versionNode('2.0.0'));
    assert.match(v2.description as string, /^● production · latest · (.+ · )?deprecated: Use 3\.x · /);
    assert.match(v2.contextValue ?? '', /:deprecated\b/);
    const file = await waitFor('This Workspace to say the version is deprecated', () => {
      const node = extension.workspace.nodes().find((n) => n.uri === fileUri.toString());
      return node?.description === 'deprecated · 2.0.0' ? node : undefined;
    });
    assert.equal(file.state, 'equal');
    await waitFor('the status bar to say it too', () => (extension.workspace.statusBarText()?.endsWith('· deprecated') ? true : undefined));
    await waitFor('the Environments view to show 2.0.0 deprecated', () => (environmentRows(extension.environments).includes('2.0.0: deprecated · latest') ? true : undefined));
    await waitFor('the open diff panel to show 2.0.0 deprecated', () => (panel.view?.right.status === 'deprecated' ? true : undefined));
    assert.equal(panel.view?.right.statusMessage, 'Use 3.x');
    assert.equal(panel.view?.right.isLatest, true);

    assert.equal(reg.requestCount() - before, 1, 'the registry saw the PATCH and nothing else');
    type Written = { kind: string; server?: string; version?: string; to: string; result: string; registry?: string; detail?: string };
    const record = await waitFor('the audit trail to record the write', () =>
      (extension.audit.all() as readonly Written[]).find((r) => r.kind === 'status' && r.server === NAME && r.version === '2.0.0'),
    );
    assert.deepEqual([record.to, record.result, record.registry, record.detail], ['deprecated', 'ok', reg.url, 'Use 3.x']);
  });

  it('a change read by the Registry view’s incremental refresh reaches This Workspace, the status bar and the Environments view', async () => {
    const extension = await api();
    const fileUri = folder.fileUri('server.json');
    await vscode.window.showTextDocument(fileUri, { preview: false, viewColumn: vscode.ViewColumn.One });
    await waitFor('the status bar to show the deprecation', () => (extension.workspace.statusBarText()?.endsWith('· deprecated') ? true : undefined));
    // Behind the extension's back, as mcp-publisher would.
    await setStatus(reg, NAME, '2.0.0', 'active');
    const before = reg.requestCount();
    assert.ok((await extension.registryTree.sync()) >= 1, 'the refresh found the change');
    assert.equal(reg.requestCount() - before, 2, 'the changed rows, then the versions of the one server that changed');
    await waitFor('This Workspace to follow what the tree read', () =>
      extension.workspace.nodes().find((n) => n.uri === fileUri.toString())?.description === 'published · 2.0.0' ? true : undefined,
    );
    await waitFor('the status bar too', () => (extension.workspace.statusBarText()?.endsWith('· published') ? true : undefined));
    await waitFor('the Environments view too', () => (environmentRows(extension.environments).includes('2.0.0: active · latest') ? true : undefined));
    assert.equal(reg.requestCount() - before, 2, 'no view asked again');
  });
});
