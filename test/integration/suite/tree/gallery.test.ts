// The registry VS Code's MCP gallery uses (chat.mcp.gallery.serviceUrl) as its own node in the tree.
// VS Code 1.139 registers that setting for policies only (`included: false`), so
// WorkspaceConfiguration.update refuses it ("not a registered configuration"); VS Code still reads it from
// the user's settings.json, which is where the test writes it, as a user would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RegistryNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { evaluate, keyboard, queryDom, screenshot, waitFor } from '../../harness';
import { api, children, editUserSettingsJson, item, labels, publish, resetRegistries, startRegistry, useRegistries } from './helpers';

const GALLERY_SETTING = 'chat.mcp.gallery.serviceUrl';

describe('registry tree: MCP gallery registry', function () {
  this.timeout(120_000);
  const registries: LocalRegistry[] = [];

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await editUserSettingsJson(GALLERY_SETTING, undefined);
    await resetRegistries();
    await Promise.all(registries.map((r) => r.close()));
  });

  /** The context menu VS Code shows for a tree node, opened from the keyboard on the selected row. */
  async function contextMenuOf(node: RegistryNode): Promise<string[]> {
    const { registryTree } = await api();
    await vscode.commands.executeCommand('notifications.hideList');
    await registryTree.view.reveal(node, { select: true, focus: true });
    await keyboard(undefined, ['Shift+F10']);
    const entries = await waitFor('the context menu', async () => {
      const found = await queryDom('.monaco-menu .action-label');
      return found.length > 0 ? found : undefined;
    });
    await keyboard(undefined, ['Escape']);
    return entries;
  }

  let configured: LocalRegistry;
  let gallery: LocalRegistry;
  let top: RegistryNode[];

  before(async () => {
    registries.push(await startRegistry({ seed: 'none' }), await startRegistry({ seed: 'none' }));
    [configured, gallery] = registries;
    await publish(configured, 'io.modelcontextprotocol.anonymous/team-server', '1.0.0');
    await publish(gallery, 'io.modelcontextprotocol.anonymous/gallery-server', '2.1.0');
    await useRegistries([{ name: 'Team', url: configured.url, auth: 'none' }]);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
  });

  it('shows the gallery registry beside the configured one, with its servers, and no Remove Registry in its menu', async () => {
    await editUserSettingsJson(GALLERY_SETTING, gallery.url);
    top = await waitFor('the gallery registry in the tree', async () => {
      const nodes = (await children()) as RegistryNode[];
      return nodes.length === 2 && nodes.every((n) => n.kind === 'registry') ? nodes : undefined;
    });
    const galleryHost = new URL(gallery.url).host;
    assert.deepEqual(await labels(top), ['Team', `MCP gallery (${galleryHost})`]);

    const galleryItem = await item(top[1]);
    assert.equal(galleryItem.description, `${gallery.url} · from ${GALLERY_SETTING}`);
    assert.equal((galleryItem.iconPath as vscode.ThemeIcon).id, 'extensions');
    assert.match(galleryItem.contextValue!, /^mcpv:registry\b.*:gallery\b/);
    assert.doesNotMatch(galleryItem.contextValue!, /:removable\b/);
    assert.match((await item(top[0])).contextValue!, /:removable\b/, 'the configured registry stays removable');

    assert.deepEqual(await labels(await children(top[1])), ['io.modelcontextprotocol.anonymous/gallery-server']);
    assert.deepEqual(await labels(await children(top[0])), ['io.modelcontextprotocol.anonymous/team-server']);
    await waitFor('the gallery registry on screen', async () =>
      (await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row')).some((text) => text.includes(galleryHost) && text.includes(GALLERY_SETTING)) || undefined,
    );
    await screenshot('tree-gallery');

    assert.ok((await contextMenuOf(top[0])).includes('Remove Registry'), 'the configured registry offers Remove Registry');
    const galleryMenu = await contextMenuOf(top[1]);
    assert.ok(galleryMenu.includes('Refresh Registry'), `the gallery registry has a context menu: ${galleryMenu.join(', ')}`);
    assert.ok(!galleryMenu.includes('Remove Registry'), `no Remove Registry for the gallery registry: ${galleryMenu.join(', ')}`);
  });

  it('Remove Registry on it (palette, keybinding) explains where it is set and opens that settings.json', async () => {
    const removing = vscode.commands.executeCommand('mcpVersions.registry.remove', top[1]);
    await vscode.commands.executeCommand('notifications.showList');
    const message = await waitFor('the explanation', async () =>
      (await queryDom('.notifications-center .notification-list-item-message')).find((text) => text.startsWith(gallery.url)),
    );
    assert.equal(message, `${gallery.url} comes from ${GALLERY_SETTING} in your user settings.json (VS Code’s MCP gallery); remove it there.`);
    await evaluate(`[...document.querySelectorAll('.notifications-center .monaco-button')].find((b) => b.textContent === 'Open User Settings (JSON)').click()`);
    await removing;
    const settingsJson = await waitFor('the user settings.json', () => {
      const document = vscode.window.activeTextEditor?.document;
      return document?.uri.path.endsWith('/User/settings.json') ? document : undefined;
    });
    assert.ok(settingsJson.getText().includes(`"${GALLERY_SETTING}": "${gallery.url}"`), 'the file that holds the setting');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('notifications.hideList');
    const { registryTree } = await api();
    assert.equal(registryTree.provider.registries.length, 2, 'nothing removed');
  });

  it('drops the gallery registry once the setting is unset', async () => {
    const { registryTree } = await api();
    await editUserSettingsJson(GALLERY_SETTING, undefined);
    await waitFor('the gallery registry to leave the tree', () => (registryTree.provider.registries.length === 1 ? true : undefined));
    assert.deepEqual(await labels(await children()), ['io.modelcontextprotocol.anonymous/team-server'], 'one registry left: its servers at the top');
  });
});
