import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ServerNode, TreeNode, VersionNode } from '../../../../src/tree/nodes';
import { sortVersionsLikeRegistry } from '../../../../src/versioning';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { queryDom, screenshot, waitFor } from '../../harness';
import { api, badgeOf, children, fetchJson, item, labelOf, labels, meta, publish, resetRegistries, startRegistry, useRegistries, type Row } from './helpers';

const MINE = 'io.modelcontextprotocol.anonymous/tree-test';

describe('registry tree', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;
  let firstPage: Row[];

  before(async () => {
    reg = await startRegistry({ seed: 'real' });
    await publish(reg, MINE, '1.0.0');
    await publish(reg, MINE, '1.1.0');
    await publish(reg, MINE, '2.0.0');
    await useRegistries([{ name: 'Local', url: reg.url, auth: 'none' }]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    firstPage = (await fetchJson<{ servers: Row[] }>(`${reg.url}/v0.1/servers?version=latest&limit=50`)).servers;
  });

  after(async () => {
    await vscode.commands.executeCommand('mcpVersions.registry.hideDeleted');
    await resetRegistries();
    await reg?.close();
  });

  it('lists the first page in registry order, my servers pinned first, then Load more', async () => {
    const top = await children();
    const names = await labels(top);
    assert.equal(names[0], MINE, 'the anonymous namespace is mine on an auth "none" registry');
    assert.match((await item(top[0])).description as string, /^yours · 2\.0\.0/);
    const listed = top.filter((n) => n.kind === 'server' && !n.pinned);
    assert.deepEqual(await labels(listed), firstPage.map((r) => r.server.name).filter((n) => n !== MINE));
    assert.equal(top.at(-1)?.kind, 'loadMore');
    assert.equal(labelOf(await item(top.at(-1)!)), 'Load more…');
    await waitFor(`${firstPage[0].server.name} on screen`, async () =>
      (await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row')).some((text) => text.includes(firstPage[0].server.name)) || undefined,
    );
  });

  it('shows versions in registry order with latest and channel badges, deleted hidden', async () => {
    const { server, all } = await serverWith((rows) => rows.some((r) => meta(r).status === 'deleted') && rows.some((r) => /-(beta|rc)/.test(r.server.version)));
    const node = await serverNode(server);
    const versions = (await children(node)) as VersionNode[];
    const visible = all.filter((r) => meta(r).status !== 'deleted');
    const expected = sortVersionsLikeRegistry(visible.map((r) => ({ version: r.server.version, publishedAt: meta(r).publishedAt }))).map((v) => v.version);
    assert.deepEqual(await labels(versions), expected);
    const latest = all.find((r) => meta(r).isLatest)!;
    const latestItem = await item(versions.find((v) => v.row.version === latest.server.version)!);
    assert.equal(badgeOf(latestItem), 'L');
    assert.match(latestItem.description as string, /^latest/);
    assert.match(latestItem.contextValue!, /^mcpv:version:latest\b/);
    const badges = await Promise.all(versions.map(async (v) => badgeOf(await item(v))));
    assert.ok(badges.some((b) => b === 'β' || b === 'RC'), `a channel badge among ${badges.join(',')}`);
    assert.match((await item(node)).description as string, new RegExp(`${visible.length} versions`));
  });

  it('shows deleted versions with their status once toggled', async () => {
    const { server, all } = await serverWith((rows) => rows.some((r) => meta(r).status === 'deleted'));
    await vscode.commands.executeCommand('mcpVersions.registry.showDeleted');
    try {
      const versions = (await children(await serverNode(server))) as VersionNode[];
      assert.equal(versions.length, all.length);
      const deleted = all.find((r) => meta(r).status === 'deleted')!;
      const deletedItem = await item(versions.find((v) => v.row.version === deleted.server.version)!);
      assert.equal(badgeOf(deletedItem), '✕');
      assert.match(deletedItem.description as string, /deleted: /);
      assert.match(deletedItem.contextValue!, /:deleted\b/);
    } finally {
      await vscode.commands.executeCommand('mcpVersions.registry.hideDeleted');
    }
  });

  it('does not ask the registry again when a server is expanded a second time', async () => {
    const { registryTree } = await api();
    const node = (await children()).find((n): n is ServerNode => n.kind === 'server' && n.name === firstPage[3].server.name)!;
    await registryTree.view.reveal(node, { expand: true });
    await waitFor('the versions to load', () => node.registry.state.hasVersions(node.name) || undefined);
    await vscode.commands.executeCommand('workbench.actions.treeView.mcpVersions.registry.collapseAll');
    const versionReads = () => reg.requests().filter((r) => r.method === 'GET' && r.path.includes(encodeURIComponent(node.name))).length;
    const before = versionReads();
    assert.ok(before > 0, 'the first expansion read the versions');
    await registryTree.view.reveal(node, { expand: true });
    const again = await children(node);
    assert.ok(again.length > 0, 'the versions are shown again');
    assert.equal(versionReads(), before, 'the second expansion did not read the versions again');
  });

  it('copies name@version and the mcp.json install config', async () => {
    const versions = (await children(await serverNode(MINE))) as VersionNode[];
    const v110 = versions.find((v) => v.row.version === '1.1.0')!;
    await vscode.commands.executeCommand('mcpVersions.version.copyNameVersion', v110);
    assert.equal(await vscode.env.clipboard.readText(), `${MINE}@1.1.0`);
    await vscode.commands.executeCommand('mcpVersions.version.copyInstallConfig', v110);
    const config = JSON.parse(await vscode.env.clipboard.readText());
    assert.deepEqual(config.servers[MINE], {
      type: 'stdio',
      command: 'npx',
      args: ['-y', '@tree-test/server@1.1.0'],
      env: { API_KEY: '${input:API_KEY}' },
      gallery: reg.url,
      version: '1.1.0',
    });
    assert.deepEqual(config.inputs, [{ type: 'promptString', id: 'API_KEY', description: 'Your key', password: true }]);
  });

  it('opens the raw JSON of a version as a read-only JSON document', async () => {
    const versions = (await children(await serverNode(MINE))) as VersionNode[];
    await vscode.commands.executeCommand('mcpVersions.version.openRawJson', versions.find((v) => v.row.version === '1.0.0'));
    const editor = await waitFor('the JSON editor', () => (vscode.window.activeTextEditor?.document.uri.scheme === 'mcp-versions-json' ? vscode.window.activeTextEditor : undefined));
    assert.equal(editor.document.languageId, 'json');
    const json = JSON.parse(editor.document.getText());
    assert.equal(json.server.name, MINE);
    assert.equal(json.server.version, '1.0.0');
    assert.equal(json._meta['io.modelcontextprotocol.registry/official'].isLatest, false);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('compares a version with the previous one', async () => {
    const versions = (await children(await serverNode(MINE))) as VersionNode[];
    await vscode.commands.executeCommand('mcpVersions.version.compareWithPrevious', versions.find((v) => v.row.version === '2.0.0'));
    const tab = await waitFor(
      'the compare tab',
      () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('mcpVersions.diff')),
      30_000,
    );
    assert.match(tab.label, /1\.1\.0.*2\.0\.0/, `the tab names both versions: ${tab.label}`);
    await vscode.window.tabGroups.close(tab);
  });

  it('deletes the latest version from its node and the latest badge moves as the registry says', async () => {
    let versions = (await children(await serverNode(MINE))) as VersionNode[];
    const v2 = versions.find((v) => v.row.version === '2.0.0')!;
    assert.match((await item(v2)).contextValue!, /:mine\b/);
    await vscode.commands.executeCommand('mcpVersions.version.delete', v2, { statusMessage: 'Published by mistake', confirm: false });
    const registryLatest = (await fetchJson<Row>(`${reg.url}/v0.1/servers/${encodeURIComponent(MINE)}/versions/latest`)).server.version;
    assert.equal(registryLatest, '1.1.0');
    versions = (await children(await serverNode(MINE))) as VersionNode[];
    assert.deepEqual(await labels(versions), ['1.1.0', '1.0.0']);
    assert.equal(badgeOf(await item(versions[0])), 'L');
    assert.match((await item(await serverNode(MINE))).description as string, /^yours · 1\.1\.0/);
    await vscode.commands.executeCommand('mcpVersions.registry.showDeleted');
    try {
      const all = (await children(await serverNode(MINE))) as VersionNode[];
      const deleted = all.find((v) => v.row.version === '2.0.0')!;
      await vscode.commands.executeCommand('mcpVersions.version.restore', deleted, { confirm: false });
      const after = (await children(await serverNode(MINE))) as VersionNode[];
      assert.equal(badgeOf(await item(after.find((v) => v.row.version === '2.0.0')!)), 'L');
    } finally {
      await vscode.commands.executeCommand('mcpVersions.registry.hideDeleted');
    }
  });

  it('pages through every server with Load more', async () => {
    let total = 0;
    for (let cursor: string | undefined, page = 0; page < 10; page++) {
      const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const body = await fetchJson<{ servers: Row[]; metadata: { nextCursor?: string } }>(`${reg.url}/v0.1/servers?version=latest&limit=100${query}`);
      total += body.servers.length;
      cursor = body.metadata.nextCursor;
      if (!cursor) break;
    }
    let top = await children();
    for (let i = 0; i < 20 && top.at(-1)?.kind === 'loadMore'; i++) {
      await vscode.commands.executeCommand('mcpVersions.registry.loadMore', top.at(-1));
      top = await children();
    }
    assert.notEqual(top.at(-1)?.kind, 'loadMore');
    const servers = top.filter((n) => n.kind === 'server');
    assert.equal(servers.length, total);
    assert.ok(total > 300, `${total} servers`);
    assert.equal(new Set(servers.map((n) => (n as ServerNode).name)).size, servers.length, 'no server twice');
  });

  it('filters servers with the registry search and clears the filter', async () => {
    const { registryTree } = await api();
    const registry = registryTree.provider.registries[0];
    registryTree.provider.setFilter(registry, 'weather');
    const expected = (await fetchJson<{ servers: Row[] }>(`${reg.url}/v0.1/servers?version=latest&limit=50&search=weather`)).servers.map((r) => r.server.name);
    assert.ok(expected.length > 0);
    const top = await children();
    assert.equal(top[0].kind, 'filter');
    assert.deepEqual(await labels(top.filter((n) => n.kind === 'server')), expected);
    assert.equal(registryTree.view.description, 'Filtered: “weather”');
    await waitFor('the filter node on screen', async () =>
      (await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row')).some((text) => text.includes('Filtered: “weather”')) || undefined,
    );
    await screenshot('tree-filtered');
    await vscode.commands.executeCommand('mcpVersions.registry.clearFilter', top[0]);
    assert.equal(registryTree.view.description, undefined);
    assert.notEqual((await children())[0].kind, 'filter');
  });

  async function serverWith(test: (rows: Row[]) => boolean): Promise<{ server: string; all: Row[] }> {
    for (const row of firstPage) {
      const all = (await fetchJson<{ servers: Row[] }>(`${reg.url}/v0.1/servers/${encodeURIComponent(row.server.name)}/versions?include_deleted=true`)).servers;
      if (test(all)) return { server: row.server.name, all };
    }
    throw new Error('no server in the first page fits');
  }
});

async function serverNode(name: string): Promise<ServerNode> {
  const top: TreeNode[] = await children();
  const found = top.find((n): n is ServerNode => n.kind === 'server' && n.name === name);
  assert.ok(found, `${name} is in the tree`);
  return found;
}
