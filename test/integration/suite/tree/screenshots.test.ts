import * as vscode from 'vscode';
import type { ServerNode, VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScene, docsScreenshot, evaluate } from '../../harness';
import { api, children, fetchJson, meta, resetRegistries, startRegistry, useRegistries, type Row } from './helpers';

// The README's pictures of the Registry view: taken by `npm run screenshots` only (docsScene).
describe('registry tree: screenshots', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;

  before(async () => {
    reg = await startRegistry({ seed: 'real' });
    await useRegistries([{ name: 'Local registry', url: reg.url, auth: 'none' }]);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('mcpVersions.registry.hideDeleted');
    await resetRegistries();
    await reg.close();
  });

  docsScene('the tree in the light and dark themes', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await vscode.commands.executeCommand('mcpVersions.registry.showDeleted');
    const { registryTree } = await api();
    const top = await children();
    // A server whose history shows every state: latest, a channel head, deprecated and deleted versions.
    let chosen: ServerNode | undefined;
    for (const node of top.slice(0, 40)) {
      if (node.kind !== 'server') continue;
      const rows = (await fetchJson<{ servers: Row[] }>(`${reg.url}/v0.1/servers/${encodeURIComponent(node.name)}/versions?include_deleted=true`)).servers;
      const statuses = new Set(rows.map((r) => meta(r).status));
      if (statuses.has('deleted') && statuses.has('deprecated') && rows.some((r) => /-(beta|rc)/.test(r.server.version))) {
        chosen = node;
        break;
      }
    }
    chosen ??= top.find((n): n is ServerNode => n.kind === 'server');
    const showExample = async () => {
      await registryTree.view.reveal(chosen!, { expand: true, select: false, focus: false });
      const versions = (await children(chosen)) as VersionNode[];
      const latest = versions.find((v) => v.row.isLatest) ?? versions[0];
      await registryTree.view.reveal(latest, { select: true, focus: true });
    };
    await showExample();
    await vscode.commands.executeCommand('mcpVersions.registry.focus');
    // The Registry view alone: collapse the other sections of the side bar while capturing.
    const toggleOthers = (expanded: boolean) => evaluate(`[...document.querySelectorAll('.pane-header')]
      .filter((h) => /This Workspace|Installed|Environments/.test(h.textContent) && h.classList.contains('expanded') === ${expanded})
      .forEach((h) => h.click())`);
    await toggleOthers(true);
    for (let i = 0; i < 5; i++) await vscode.commands.executeCommand('workbench.action.increaseViewSize');
    for (const [theme, name] of [['Default Light Modern', 'tree-light'], ['Default Dark Modern', 'tree-dark']]) {
      await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
      await showExample();
      await docsScreenshot(name, { settleMs: 1500 }); // the theme's repaint
    }
    await toggleOthers(false);
  });
});
