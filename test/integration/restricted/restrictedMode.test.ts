// Runs in its own VS Code with workspace trust on and an untrusted folder (scripts/test.mjs, run
// "integration (Restricted Mode)"; the launcher reads MCPV_WORKSPACE_TRUST=restricted). The workspace's
// .vscode/settings.json names its own registry and environment, as a cloned repository could.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { CURRENT_SCHEMA_URL, RegistryClient } from '../../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry';
import { extensionApi, queryDom, waitFor } from '../harness';

const SERVER = 'io.github.acme/weather';

async function seeded(): Promise<LocalRegistry> {
  const registry = await startLocalRegistry({ seed: 'none' });
  const token = registry.mintToken([{ action: 'publish', resource: 'io.github.acme/*' }]);
  await new RegistryClient(registry.url).publish({ $schema: CURRENT_SCHEMA_URL, name: SERVER, description: 'Weather forecasts', version: '1.0.0' }, token);
  return registry;
}

describe('Restricted Mode: browses user registries read-only, runs no task', () => {
  let userRegistry: LocalRegistry;
  let workspaceRegistry: LocalRegistry;
  /** Requests the workspace registry had before the workspace named it (the test's own publish). */
  let workspaceBaseline = 0;
  let folder: string;
  let marker: string;
  let tasksStarted = 0;
  let taskListener: vscode.Disposable;

  before(async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the harness did not open the folder in Restricted Mode');
    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    marker = join(folder, 'deployed.txt');
    userRegistry = await seeded();
    workspaceRegistry = await seeded();
    workspaceBaseline = workspaceRegistry.requestCount();
    taskListener = vscode.tasks.onDidStartTask(() => tasksStarted++);
    const deploy = `"${process.execPath}" -e "require('fs').writeFileSync(process.argv[1], 'ran')" "${marker}"`;
    const config = vscode.workspace.getConfiguration('mcpVersions');
    await config.update('registries', [{ name: 'User registry', url: userRegistry.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
    await config.update('environments', [{ name: 'user-staging', server: SERVER, endpoint: 'http://127.0.0.1:9/mcp', deploy }], vscode.ConfigurationTarget.Global);
    // What a cloned repository could carry; cache.staleSeconds (not restricted) shows when VS Code has read the file.
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(
      join(folder, '.vscode', 'settings.json'),
      JSON.stringify({
        'mcpVersions.cache.staleSeconds': 301,
        'mcpVersions.registries': [{ name: 'Workspace registry', url: workspaceRegistry.url }],
        'mcpVersions.environments': [{ name: 'workspace-prod', server: SERVER, endpoint: `${workspaceRegistry.url}/mcp`, deploy }],
        'mcpVersions.deployments.historyFile': '../outside.jsonl',
      }),
    );
    await waitFor('VS Code to read the workspace settings', () => vscode.workspace.getConfiguration('mcpVersions').get('cache.staleSeconds') === 301);
  });

  after(async () => {
    taskListener.dispose();
    const config = vscode.workspace.getConfiguration('mcpVersions');
    await config.update('registries', undefined, vscode.ConfigurationTarget.Global);
    await config.update('environments', undefined, vscode.ConfigurationTarget.Global);
    rmSync(join(folder, '.vscode'), { recursive: true, force: true });
    await userRegistry.close();
    await workspaceRegistry.close();
  });

  it('lists the servers of the user registry only, and never contacts the workspace registry', async () => {
    const api = await extensionApi();
    const tree = api.registryTree.provider;
    await waitFor('the registries of the user settings', () => tree.registries.map((r) => r.config.url).join() === userRegistry.url);
    const roots = await tree.getChildren();
    const names = await Promise.all(roots.map(async (n) => String((await tree.getTreeItem(n)).label)));
    assert.ok(names.some((n) => n.includes('weather')), names.join());
    await waitFor('the user registry to be read', () => userRegistry.requestCount() > 0);
    assert.equal(workspaceRegistry.requestCount(), workspaceBaseline, 'the workspace registry (or the endpoint of its environment) was contacted');
  });

  it('says why in the views', async () => {
    const api = await extensionApi();
    assert.match(String(api.registryTree.view.message), /Restricted Mode: only the registries in your user settings, read-only/);
    assert.match(String(api.environments.view.message), /Restricted Mode: environments from your user settings only/);
    // What the user reads at the top of the three views.
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const messages = await waitFor('the Restricted Mode messages in the views', async () => {
      const texts = (await queryDom('.tree-explorer-viewlet-tree-view .message')).filter((t) => t.startsWith('Restricted Mode'));
      return texts.length >= 3 ? texts : undefined;
    });
    assert.ok(messages.some((t) => /Publish needs a trusted workspace/.test(t)), messages.join('\n'));
  });

  it('uses no environment the workspace defines', async () => {
    const api = await extensionApi();
    await waitFor('the user environment', () => api.environments.store.list().length > 0);
    assert.deepEqual(api.environments.store.list().map((s) => s.config.name), ['user-staging']);
    await api.environments.store.refreshAll({ freshRegistry: true });
    assert.equal(workspaceRegistry.requestCount(), workspaceBaseline, 'the workspace environment was probed');
  });

  it('runs no deploy task, not even for an environment of the user settings, and says how to trust', async () => {
    const api = await extensionApi();
    await assert.rejects(api.environments.deployVersion('user-staging', '1.0.0'), /Deploy is not available in Restricted Mode/);
    assert.equal(tasksStarted, 0);
    assert.equal(existsSync(marker), false);
  });
});
