// What the user sees after publishing: the success notification, the new version revealed as latest in
// the Registry tree, with its release notes and verified provenance. Read from the rendered workbench and
// captured as test-results/screenshots/publish-tree.png. (VS Code refuses modal dialogs in extension-test
// mode, so the confirmation itself is asserted through the scripted prompts in publish.test.ts; this
// harness shows notifications in the notification centre rather than as toasts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeNode, VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScreenshot, queryDom, waitFor } from '../../harness';
import { api, resetPrompts, ScriptedPrompts, startRegistry, usePrompts, useRegistry, writeFixture } from './helpers';

const NAME = 'io.modelcontextprotocol.anonymous/weather-alerts';

/** Scripted answers for questions, VS Code's real notifications for results. */
class AcceptingPrompts extends ScriptedPrompts {
  override info(message: string, ...actions: string[]): Thenable<string | undefined> {
    void super.info(message, ...actions);
    return vscode.window.showInformationMessage(message, ...actions);
  }
}

describe('publish result in the workbench', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;

  before(async () => {
    reg = await startRegistry({ seed: 'real' });
    await useRegistry({ name: 'Local Registry', url: reg.url, auth: 'none' });
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await usePrompts(new ScriptedPrompts());
    await (await api()).publish.run(writeFixture(NAME, '1.3.0', { git: true }).uri);
  });

  after(async () => {
    await resetPrompts();
    await reg?.close();
  });

  it('shows the published version as latest with its release notes and verified provenance', async () => {
    const { publish, registryTree } = await api();
    const prompts = new AcceptingPrompts();
    publish.prompts.use(prompts);
    const changelog = '# Changelog\n\n## 1.4.0\n- Severe-weather alerts for any location.\n- Imperial units through WEATHER_UNITS.\n';
    await vscode.commands.executeCommand('notifications.clearAll'); // only this publish's notification in the picture
    const outcome = await publish.run(writeFixture(NAME, '1.4.0', { git: true, changelog }).uri);
    assert.equal(outcome.kind, 'published');
    assert.match(prompts.confirmations()[0].detail!, /It will become the latest version \(instead of 1\.3\.0\)\./);

    await vscode.commands.executeCommand('notifications.showList');
    const toast = await waitFor('the success notification', async () => (await queryDom('.notification-list-item')).find((t) => t.includes('Published')));
    assert.match(toast, new RegExp(`Published ${NAME.replace(/\./g, '\\.')}@1\\.4\\.0 to Local Registry — it is now the latest version\\.`));
    assert.match(toast, /Compare with Previous/);

    const server = (await registryTree.provider.getChildren()).find((n) => n.kind === 'server' && n.name === NAME)!;
    const versions = (await registryTree.provider.getChildren(server)) as VersionNode[];
    assert.deepEqual(versions.map((v) => [v.row.version, v.row.isLatest]), [['1.4.0', true], ['1.3.0', false]]);
    // Rows outside the viewport are not rendered: reveal the provenance node and its last row. A refresh of
    // the view landing in between (auto-refresh, another view's change) drops a reveal, so each try starts over.
    const revealProvenance = async () => {
      const details = await registryTree.provider.getChildren(versions[0]);
      const provenance = details.find((d): d is TreeNode & { kind: 'detail' } => d.kind === 'detail' && d.label === 'Provenance')!;
      await registryTree.view.reveal(provenance, { expand: true, select: true, focus: true });
      const lastRow = (await registryTree.provider.getChildren(provenance)).at(-1)!;
      await registryTree.view.reveal(lastRow, { select: false, focus: false });
    };
    const rows = await waitFor('the provenance rows', async () => {
      await revealProvenance().catch(() => undefined);
      const text = await queryDom('#workbench\\.parts\\.sidebar .monaco-list-row');
      return text.some((t) => t.includes('Release notes')) ? text : undefined;
    });
    assert.ok(rows.some((t) => t.startsWith('1.4.0') && t.includes('latest')), rows.join(' | '));
    assert.ok(rows.some((t) => t.includes('Release notes') && t.includes('Severe-weather alerts for any location.')), rows.join(' | '));
    assert.ok(rows.some((t) => t.includes('Checksum') && t.includes('matches the published document')), rows.join(' | '));
    await docsScreenshot('publish', { notifications: true, settleMs: 500 });
  });
});
