import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import type { VersionNode } from '../../../../src/tree/nodes';
import { queryDom, screenshot, waitFor } from '../../harness';
import { RegistryClient } from '../../../../src/registry';
import { ALL_DOCUMENTS, HOSTILE_DOCUMENTS, LABS, SECRET, WEATHER, WORKSPACE_FILE, weather } from './fixtures';
import { api, click, closePanels, inPanel, openAndRender, panelText, ref, REGISTRY_NAME, startRegistryWith } from './helpers';

describe('version diff panel: entry points and panel', function () {
  this.timeout(60_000);
  let reg: LocalRegistry;

  async function versionNode(serverName: string, version: string): Promise<VersionNode> {
    const { registryTree } = await api();
    const registry = await waitFor('the tree to use the test registry', () => registryTree.provider.registries.find((r) => r.config.url === reg.url));
    const server = registryTree.provider.serverNode(registry, serverName);
    const rows = await registryTree.provider.versionsFor(server, false);
    const node = registryTree.provider.versionNodes(server, rows).find((n) => n.row.version === version);
    assert.ok(node, `${serverName}@${version} is not in the tree`);
    return node;
  }

  async function publishMore(document: Record<string, unknown>): Promise<void> {
    await new RegistryClient(reg.url, { maxAttempts: 1 }).publish(document, reg.mintToken([{ action: 'publish', resource: 'io.github.acme/*' }]));
  }

  function versions(panel: { refs: { left: unknown; right: unknown } }): string[] {
    const name = (r: unknown) => ((r as { workspaceFile?: string }).workspaceFile ? 'workspace' : (r as { version: string }).version);
    return [name(panel.refs.left), name(panel.refs.right)];
  }

  before(async () => {
    reg = await startRegistryWith(ALL_DOCUMENTS, HOSTILE_DOCUMENTS);
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', [{ name: REGISTRY_NAME, url: reg.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
  });

  afterEach(closePanels);

  after(async () => {
    await closePanels();
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Global);
    await reg?.close();
  });

  it('"Compare with Previous" on a tree version shows it against the one below, with the summary, sections and the understated patch flagged', async () => {
    const node = await versionNode(WEATHER, '1.0.1');
    const panel = await openAndRender(() => vscode.commands.executeCommand('mcpVersions.version.compareWithPrevious', node));
    assert.deepEqual(versions(panel), ['1.0.0', '1.0.1']);
    assert.equal(panel.panel.title, `${WEATHER}: 1.0.0 ↔ 1.0.1`);
    const summary = (await panelText('.summary')).join('\n');
    assert.match(summary, /1\s*breaking/);
    assert.match(summary, /understates these changes/);
    assert.match(summary, /1\.0\.0 → 1\.0\.1 is a patch, but removes the remote sse https:\/\/weather\.acme\.example\/sse/);
    const headings = await inPanel<string[]>(`[...document.querySelectorAll('vscode-collapsible')].map((e) => e.heading)`);
    assert.deepEqual(headings[0], ['Identity & metadata', 'Packages', 'Remotes', 'Publisher metadata (_meta)']);
    const rows = (await panelText('.row')).join('\n');
    assert.match(rows, /REGION.*default/);
    assert.match(rows, /eu\s*→\s*us/);
    assert.match(rows, /Release 1\.0\.1/);
    const leaked = await inPanel<boolean>(`document.documentElement.outerHTML.includes(${JSON.stringify(SECRET)}) || document.body.innerText.includes(${JSON.stringify(SECRET)})`);
    assert.ok(leaked.length > 0 && leaked.every((v) => v === false), 'a secret value reached the webview');
    await screenshot('diff-previous');
  });

  it('"Compare with Latest" shows a version against the latest one, without a flag for a matching minor bump', async () => {
    const node = await versionNode(WEATHER, '1.0.0');
    const panel = await openAndRender(() => vscode.commands.executeCommand('mcpVersions.version.compareWithLatest', node));
    assert.deepEqual(versions(panel), ['1.0.0', '1.1.0']);
    assert.deepEqual(await panelText('.understated-flag'), []);
    assert.match((await panelText('.summary')).join('\n'), /matching the additive changes/);
    assert.match((await panelText('.group-title')).join('\n'), /oci\s*ghcr\.io\/acme\/weather\s*added/);
  });

  it('"Select for Compare" then "Compare with Selected" compares two versions of different servers', async () => {
    await vscode.commands.executeCommand('mcpVersions.version.selectForCompare', await versionNode(WEATHER, '1.1.0'));
    const other = await versionNode(LABS, '1.4.0');
    const panel = await openAndRender(() => vscode.commands.executeCommand('mcpVersions.version.compareWithSelected', other));
    assert.deepEqual(versions(panel), ['1.1.0', '1.4.0']);
    assert.equal(panel.panel.title, `${WEATHER} ↔ ${LABS}: 1.1.0 ↔ 1.4.0`);
    assert.match((await panelText('.row')).join('\n'), /changes the server name/);
  });

  it('"Compare with Workspace" shows a published version against the local server.json of the same name', async () => {
    const panel = await openAndRender(async () => vscode.commands.executeCommand('mcpVersions.version.compareWithWorkspace', await versionNode(LABS, '1.3.0')));
    assert.deepEqual(versions(panel), ['1.3.0', 'workspace']);
    assert.equal((panel.refs.right as { workspaceFile: string }).workspaceFile, vscode.Uri.file(WORKSPACE_FILE).toString());
    assert.equal(panel.panel.title, `${LABS}: 1.3.0 ↔ 1.4.0 (workspace)`);
    assert.match((await panelText('.side .origin')).join('|'), /Diff test registry\|Workspace/);
    assert.match((await panelText('.group-title')).join('\n'), /oci\s*ghcr\.io\/acme-labs\/weather-mcp\s*added/);
  });

  it('"Compare with Published" on a server.json takes a given version, or the latest from its picker', async () => {
    const uri = vscode.Uri.file(WORKSPACE_FILE);
    let panel = await openAndRender(() => vscode.commands.executeCommand('mcpVersions.workspace.compareWithPublished', uri, '1.3.0'));
    assert.deepEqual(versions(panel), ['1.3.0', 'workspace']);
    await closePanels();
    panel = await openAndRender(async () => {
      const running = vscode.commands.executeCommand('mcpVersions.workspace.compareWithPublished', { uri });
      await waitFor('the version picker', async () => ((await queryDom('.quick-input-widget .monaco-list-row')).some((t) => t.includes('Latest (1.4.0)')) ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await running;
    });
    assert.deepEqual(versions(panel), ['1.4.0', 'workspace']);
    assert.match((await panelText('.summary')).join('\n'), /keeps the version and nothing changed/);
  });

  it('"Compare Versions…" from the palette picks a server and two versions, ordered like the tree', async () => {
    const panel = await openAndRender(async () => {
      const running = vscode.commands.executeCommand('mcpVersions.compareVersions');
      const rows = () => queryDom('.quick-input-widget .monaco-list-row');
      await waitFor('the server picker', async () => ((await rows()).some((t) => t.includes(WEATHER)) ? true : undefined));
      const servers = await rows();
      for (let i = 0; i < servers.findIndex((t) => t.includes(`${WEATHER}`) && !t.includes('acme-labs')); i++) await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the base version picker', async () => ((await rows())[0]?.includes('1.1.0') ? true : undefined));
      assert.deepEqual((await rows()).map((t) => /^\d+\.\d+\.\d+/.exec(t)?.[0]), ['1.1.0', '1.0.1', '1.0.0']);
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await waitFor('the other version picker', async () => ((await rows())[0]?.startsWith('1.0.1') ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await running;
    });
    assert.deepEqual(versions(panel), ['1.1.0', '1.0.1']);
  });

  it('swaps sides, shows unchanged fields on demand, opens the JSON diff and copies the summary', async () => {
    const { diff } = await api();
    const panel = await openAndRender(() => diff.open(ref(reg, WEATHER, '1.0.0'), ref(reg, WEATHER, '1.0.1')));
    assert.deepEqual(await panelText('.row.kind-unchanged'), []);
    await click('show-unchanged');
    await waitFor('unchanged rows', async () => ((await panelText('.row.kind-unchanged')).length > 0 ? true : undefined));
    assert.ok((await panelText('.row.kind-unchanged')).some((t) => t.includes('$schema')));

    await click('swap');
    await waitFor('the swapped header', async () => ((await panelText('.side .version')).join(' ') === '1.0.1 1.0.0' ? true : undefined));
    assert.deepEqual(versions(panel), ['1.0.1', '1.0.0']);
    assert.equal(panel.panel.title, `${WEATHER}: 1.0.1 ↔ 1.0.0`);
    assert.match((await panelText('.summary')).join('\n'), /goes backwards/);

    await click('json-diff');
    const input = await waitFor('the JSON diff editor', () => {
      const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return tab instanceof vscode.TabInputTextDiff && tab.original.scheme === 'mcp-versions-diff' ? tab : undefined;
    });
    const left = (await vscode.workspace.openTextDocument(input.original)).getText();
    const right = (await vscode.workspace.openTextDocument(input.modified)).getText();
    assert.match(left, /"version": "1\.0\.1"/);
    assert.match(right, /"version": "1\.0\.0"/);
    assert.ok(left.indexOf('"$schema"') < left.indexOf('"description"') && left.indexOf('"description"') < left.indexOf('"name"'), 'keys are not in canonical order');
    assert.ok(!left.includes(SECRET) && !right.includes(SECRET), 'a secret value is in the JSON diff');
    assert.match(right, /<secret: hidden>/);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

    panel.panel.reveal();
    // A hidden webview is torn down (no retainContextWhenHidden): it comes back rendered from the host's data.
    await waitFor('the panel to render again', async () => ((await panelText('#copy-markdown')).length > 0 ? true : undefined));
    await vscode.env.clipboard.writeText('');
    await click('copy-markdown');
    const markdown = await waitFor('the summary on the clipboard', async () => {
      const text = await vscode.env.clipboard.readText();
      return text.startsWith('###') ? text : undefined;
    });
    assert.match(markdown, /^### io\.github\.acme\/weather: `1\.0\.1` \(Diff test registry\) → `1\.0\.0` \(Diff test registry\)$/m);
    assert.match(markdown, /#### Additive\n\n- adds the remote sse https:\/\/weather\.acme\.example\/sse/);
  });

  it('explains in the panel when a version cannot be loaded, and loads it on Retry once it exists', async () => {
    const { diff } = await api();
    const { panel, rendered } = await (async () => {
      const painted = new Promise<void>((resolve) => {
        const listener = diff.onDidRender(() => {
          listener.dispose();
          resolve();
        });
      });
      const opened = await diff.open(ref(reg, WEATHER, '1.0.0'), ref(reg, WEATHER, '1.2.0'));
      return { panel: opened, rendered: painted };
    })();
    await rendered;
    const message = await waitFor('the error in the panel', async () => (await panelText('.error-message'))[0]);
    assert.equal(message, `${WEATHER} 1.2.0 is not in the registry ${REGISTRY_NAME}`);
    assert.equal(panel.view, undefined);
    await publishMore(weather('1.2.0', 'minor'));
    await click('retry');
    await waitFor('the comparison after Retry', () => (panel.view ? true : undefined));
    assert.equal(panel.panel.title, `${WEATHER}: 1.0.0 ↔ 1.2.0`);
  });

  it('restores a panel from the state it saved (what the serializer does after a reload)', async () => {
    const { diff } = await api();
    const first = await openAndRender(() => diff.open(ref(reg, WEATHER, '1.0.0'), ref(reg, WEATHER, '1.1.0')));
    const saved = JSON.parse(JSON.stringify(first.refs)) as unknown;
    first.dispose();
    assert.equal(diff.restore({ left: { version: '1.0.0' } }), undefined, 'restored a panel from a broken state');
    const restored = await openAndRender(async () => diff.restore(saved));
    assert.equal(restored.panel.title, `${WEATHER}: 1.0.0 ↔ 1.1.0`);
    assert.deepEqual(restored.refs, saved);
    assert.match((await panelText('.summary')).join('\n'), /1\.0\.0 → 1\.1\.0/);
  });
});
