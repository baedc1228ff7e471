import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { join } from 'node:path';
import { docsScene, docsScreenshot, queryDom, waitFor } from '../../harness';
import { api, nodeState, repoRoot, revertAll, serverText, setText, stageWorkspaceView, startTargetRegistry, stopTargetRegistry, VariantsFolder, type TestRegistry } from './helpers';

const NS = 'io.github.acme-labs';
const WEATHER = `${NS}/weather`;

describe('workspace: this workspace view', function () {
  this.timeout(120_000);
  let registry: TestRegistry;
  let folder: VariantsFolder;
  const fixture = vscode.Uri.file(join(repoRoot, 'test/fixtures/sample-server/server.json'));

  before(async () => {
    registry = await startTargetRegistry();
    await registry.publish(WEATHER, '1.3.2');
    for (const version of ['1.0.0', '1.1.0']) await registry.publish(`${NS}/equal-case`, version);
    for (const version of ['1.0.0', '2.0.0']) await registry.publish(`${NS}/behind-case`, version);
    await registry.publish(`${NS}/ahead-case`, '1.0.0');
    for (const version of ['1.0.0', '1.1.0']) await registry.publish(`${NS}/published-case`, version);
    for (const version of ['1.0.0', '2.0.0']) await registry.publish(`${NS}/deleted-case`, version);
    await registry.remove(`${NS}/deleted-case`, '2.0.0');
    folder = await VariantsFolder.create('view', {
      'unpublished/server.json': serverText(`${NS}/unpublished-case`, '0.1.0'),
      'equal/server.json': serverText(`${NS}/equal-case`, '1.1.0'),
      'behind/server.json': serverText(`${NS}/behind-case`, '1.5.0'),
      'ahead/server.json': serverText(`${NS}/ahead-case`, '1.1.0'),
      'published/server.json': serverText(`${NS}/published-case`, '1.0.0'),
      'deleted/server.json': serverText(`${NS}/deleted-case`, '2.0.0'),
      'broken/server.json': '{\n  "name": "io.github.acme-labs/broken",\n  "version": "1.0.0"\n  "description": "missing comma"\n}\n',
      'node_modules/dep/server.json': serverText(`${NS}/in-node-modules`, '1.0.0'),
    });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    // Versions were published behind the extension's back (an earlier suite may have looked weather up): Refresh.
    await vscode.commands.executeCommand('mcpVersions.workspace.refresh');
    await (await api()).workspace.idle();
  });

  after(async () => {
    await revertAll();
    await folder?.remove();
    await stopTargetRegistry();
  });

  it('lists every server.json of every folder (not node_modules) with its standing against the target registry', async () => {
    const expected: [string, string, RegExp][] = [
      ['unpublished', 'unpublished', /^unpublished · 0\.1\.0/],
      ['equal', 'equal', /^published · 1\.1\.0/],
      ['behind', 'behind', /^behind · 1\.5\.0/],
      ['ahead', 'ahead', /^ready · 1\.1\.0/],
      ['published', 'published', /^bump due · 1\.0\.0/],
      ['deleted', 'published', /^bump due · 2\.0\.0/],
    ];
    for (const [dir, state] of expected) await nodeState(folder.fileUri(`${dir}/server.json`), state);
    await nodeState(fixture, 'ahead');
    const nodes = (await api()).workspace.nodes();
    for (const [dir, , description] of expected) {
      const node = nodes.find((candidate) => candidate.uri === folder.fileUri(`${dir}/server.json`).toString());
      assert.match(node?.description ?? '', description, dir);
    }
    assert.equal(nodes.some((node) => node.uri.includes('node_modules')), false, 'server.json under node_modules is ignored');
    const all = await waitFor('the other suites\' scratch files to be gone', async () => {
      const current = (await api()).workspace.nodes();
      return current.length === 8 ? current : undefined;
    });
    assert.equal(all.length, 8);
    // Each row revealed first: what else the side bar shows (the views above) may push it out of sight.
    for (const [uri, name, state] of [[fixture, WEATHER, 'ready'], [folder.fileUri('behind/server.json'), `${NS}/behind-case`, 'behind']] as const) {
      let rows: string[] = [];
      await waitFor(`the view to show ${name} as ${state}`, async () => {
        await vscode.commands.executeCommand('mcpVersions.workspace.reveal', uri);
        rows = await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row');
        return rows.some((text) => text.includes(name) && text.includes(state)) ? true : undefined;
      }).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${rows.join(' | ')}`, { cause: error });
      });
    }
  });

  it('shows the version fields, problems and target registry under a server.json', async () => {
    const children = await (await api()).workspace.children(fixture);
    assert.deepEqual(children.slice(0, 3), [
      { label: 'version', description: '1.4.0 · server version' },
      { label: 'packages[0].version', description: '1.4.0 · package version' },
      { label: 'packages[1].identifier', description: '1.4.0 · OCI image tag' },
    ]);
    assert.equal(children[3]?.label, 'No problems');
    assert.deepEqual(children[4], { label: 'Local Test Registry', description: 'latest 1.3.2 · 1 version' });
  });

  it('shows invalid JSON as a problem on its node, never as an error toast', async () => {
    const broken = folder.fileUri('broken/server.json');
    await nodeState(broken, 'problem');
    const node = (await api()).workspace.nodes().find((candidate) => candidate.uri === broken.toString());
    assert.match(node?.description ?? '', /^Invalid JSON: comma expected \(line 4, column 3\)$/);
    const children = await (await api()).workspace.children(broken);
    assert.match(children[0]?.label ?? '', /^Invalid JSON: comma expected/);
  });

  it('updates live while the file is edited, before it is saved', async () => {
    const uri = folder.fileUri('ahead/server.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await setText(document, serverText(`${NS}/ahead-case`, '1.0.0'));
    await nodeState(uri, 'equal');
    await setText(document, '{ "name": ');
    await nodeState(uri, 'problem');
    await setText(document, serverText(`${NS}/ahead-case`, '3.0.0'));
    await nodeState(uri, 'ahead');
    assert.match((await api()).workspace.nodes().find((node) => node.uri === uri.toString())?.description ?? '', /^ready · 3\.0\.0/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await nodeState(uri, 'ahead');
  });

  it('picks up a server.json created on disk and drops a deleted one', async () => {
    await folder.write('late/server.json', serverText(`${NS}/equal-case`, '1.0.0'));
    const late = folder.fileUri('late/server.json');
    await nodeState(late, 'published');
    await folder.delete('late');
    await waitFor('the deleted server.json to leave the view', async () =>
      (await api()).workspace.nodes().some((node) => node.uri === late.toString()) ? undefined : true);
  });

  it('shows the active server.json in the status bar; clicking it reveals its node', async () => {
    const uri = folder.fileUri('published/server.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const text = await waitFor('the status bar item', async () => {
      const current = (await api()).workspace.statusBarText();
      return current?.includes('bump due') ? current : undefined;
    });
    assert.equal(text, `$(package) ${NS}/published-case@1.0.0 · bump due`);
    await vscode.commands.executeCommand('mcpVersions.workspace.reveal', uri);
    await waitFor('the node to be selected', async () => ((await api()).workspace.selectedNodeUri() === uri.toString() ? true : undefined));
    const statusTexts = await queryDom('#workbench\\.parts\\.statusbar .statusbar-item');
    assert.ok(statusTexts.some((entry) => entry.includes(`${NS}/published-case@1.0.0`)), statusTexts.join(' | '));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the status bar item to hide', async () => ((await api()).workspace.statusBarText() === undefined ? true : undefined));
  });

  it('follows the target registry: an unreachable one marks nodes, not toasts', async () => {
    const config = vscode.workspace.getConfiguration('mcpVersions');
    const previous = config.get('registries');
    await config.update('registries', [{ name: 'Gone', url: 'http://127.0.0.1:9', auth: 'none' }], vscode.ConfigurationTarget.Global);
    try {
      await nodeState(fixture, 'unreachable');
    } finally {
      await config.update('registries', previous, vscode.ConfigurationTarget.Global);
    }
    await nodeState(fixture, 'ahead');
  });

  docsScene('the This Workspace view', async () => {
    const restore = await stageWorkspaceView({ widen: true });
    try {
      await vscode.commands.executeCommand('workbench.action.closePanel');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixture), { preview: false });
      await vscode.commands.executeCommand('mcpVersions.workspace.reveal', fixture);
      await waitFor('the revealed row selected', async () => ((await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row.selected')).length > 0 ? true : undefined));
      await docsScreenshot('workspace', { settleMs: 1000 });
    } finally {
      await restore();
    }
  });
});
