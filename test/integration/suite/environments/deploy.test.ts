import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import type { EnvironmentsApi } from '../../../../src/environments';
import type { DeploymentRecord } from '../../../../src/environments/model';
import { parseHistoryLines, rollbackTarget } from '../../../../src/environments/model';
import { readDeployedVersion } from '../../../../tools/demo-environments';
import { docsScene, docsScreenshot, evaluate, waitFor } from '../../harness';
import { configure, environmentsApi, expandServerInRegistryTree, resetSettings, ScriptedPrompts, settle, SERVER, startDemo, startRegistry, type Demo } from './fixture';

/** Width of the side bar in the workbench, in CSS pixels. */
async function sidebarWidth(): Promise<number | undefined> {
  const [frame] = await evaluate(`document.querySelector('.part.sidebar')?.getBoundingClientRect().width`);
  return typeof frame?.value === 'number' ? frame.value : undefined;
}

/** Drags the sash right of the side bar so that the side bar is about `width` pixels wide (for screenshots). */
async function dragSidebarTo(width: number): Promise<void> {
  await evaluate(`(() => {
    const bar = document.querySelector('.part.sidebar').getBoundingClientRect();
    const sash = [...document.querySelectorAll('.monaco-sash.vertical')].find((s) => Math.abs(s.getBoundingClientRect().left + 2 - bar.right) < 6);
    if (!sash) return false;
    const y = bar.top + bar.height / 2;
    const at = (x) => ({ clientX: x, clientY: y, bubbles: true, pointerId: 1, button: 0, buttons: 1, pointerType: 'mouse' });
    sash.dispatchEvent(new PointerEvent('pointerdown', at(bar.right)));
    const target = bar.left + ${width};
    for (const x of [bar.right + (target - bar.right) / 2, target]) sash.ownerDocument.dispatchEvent(new PointerEvent('pointermove', at(x)));
    sash.ownerDocument.dispatchEvent(new PointerEvent('pointerup', at(target)));
    return true;
  })()`);
}

// Confirmations and pickers are answered by ScriptedPrompts through `api.setPrompts` (the DeployPrompts the
// extension exposes for tests); production shows the same questions with vscode.window.
describe('environments: deploy, promote, roll back', () => {
  let api: EnvironmentsApi;
  let registry: LocalRegistry;
  let demo: Demo;
  let prompts: ScriptedPrompts;
  let historyDir: string;
  let historyFile: string;
  const live = (name: string) => api.store.liveVersion(name);
  const run = (command: string, ...args: unknown[]) => vscode.commands.executeCommand<DeploymentRecord | undefined>(`mcpVersions.environments.${command}`, ...args);

  before(async () => {
    api = await environmentsApi();
    registry = await startRegistry();
    demo = await startDemo([
      { name: 'staging', initialVersion: '1.0.0' },
      { name: 'production', initialVersion: '1.0.0' },
      { name: 'stuck', initialVersion: '1.0.0' },
    ]);
    // The history file must live inside the workspace folder (a file elsewhere is refused).
    historyDir = mkdtempSync(join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.mcpv-history-'));
    historyFile = join(historyDir, '.mcp', 'deployments.jsonl');
    const env = (name: string, extra: Record<string, unknown> = {}) => ({ name, server: SERVER, endpoint: demo.endpoints[name], deploy: demo.deployCommand(), ...extra });
    await configure(
      registry.url,
      [
        env('staging'),
        env('production', { requires: 'staging' }),
        env('stuck', { deploy: `"${process.execPath}" -e "console.log('pretending to deploy')"`, verifyTimeoutSeconds: 2 }),
        env('broken', { endpoint: demo.endpoints.staging, deploy: 'echo "the cluster is on fire" && exit 3' }),
      ],
      { 'deployments.historyFile': historyFile },
    );
    api.setVerifyIntervalMs(200);
    await settle(api, ['staging', 'production', 'stuck', 'broken']);
  });

  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    api.setPrompts(prompts);
  });

  after(async () => {
    api.setPrompts(undefined);
    api.setVerifyIntervalMs(undefined);
    await resetSettings(['deployments.historyFile']);
    await demo.close();
    await registry.close();
    rmSync(historyDir, { recursive: true, force: true });
  });

  it('deploys a picked version, runs the command as a task and verifies it live', async () => {
    prompts.pickAnswer = () => '1.2.0';
    let duringConfirmation = '';
    prompts.whileConfirming = () => (duringConfirmation = String(api.provider.getTreeItem(api.provider.environmentNode('staging')).description));
    const record = await run('deployVersion', { type: 'environment', name: 'staging' });
    prompts.whileConfirming = undefined;
    assert.match(duringConfirmation, /· 1\.0\.0$/, 'while the dialog asks, the row still shows what runs, not "confirming"');
    assert.deepEqual(prompts.picks[0].slice(0, 4), ['1.4.0', '1.2.0', '1.1.0', '1.0.0'], 'published, non-deleted versions first, highest first');
    assert.equal(prompts.picks[0].at(-1), '1.3.0', 'the deleted version comes last');
    assert.equal(prompts.confirmations[0].message, 'Deploy 1.2.0 to staging, replacing 1.0.0?');
    assert.equal(record?.result, 'verified');
    assert.equal(readDeployedVersion(demo.dir, 'staging'), '1.2.0', 'the deploy script really ran');
    assert.equal(live('staging'), '1.2.0');
    assert.equal(record?.from, '1.0.0');
    assert.ok(record?.who);
  });

  it('blocks a version that is not verified on the required environment unless the user types its name', async () => {
    prompts.inputAnswer = undefined;
    const refused = await run('deployToEnvironment', { serverName: SERVER, version: '1.4.0' }, 'production');
    assert.equal(refused, undefined);
    assert.match(prompts.inputs[0].prompt, /1\.4\.0 has not been verified live on staging.*Type "production"/);
    assert.equal(prompts.confirmations.length, 0);
    assert.equal(live('production'), '1.0.0');
  });

  it('promotes what staging runs once it is verified there, without asking for an override', async () => {
    const record = await run('promote', { type: 'environment', name: 'production' });
    assert.equal(prompts.inputs.length, 0);
    assert.equal(prompts.confirmations[0].message, 'Promote 1.2.0 from staging to production, replacing 1.0.0?');
    assert.equal(record?.result, 'verified');
    assert.equal(record?.kind, 'promote');
    assert.equal(live('production'), '1.2.0');
    assert.deepEqual(api.environmentsRunning(registry.url, SERVER, '1.2.0').sort(), ['broken', 'production', 'staging']);
  });

  it('rolls back to the version live before the last deployment', async () => {
    const record = await run('rollBack', { type: 'environment', name: 'production' });
    assert.equal(prompts.confirmations[0].message, 'Roll back production from 1.2.0 to 1.0.0?');
    assert.equal(record?.result, 'verified');
    assert.equal(live('production'), '1.0.0');
  });

  it('deploys despite requires when the user types the environment name', async () => {
    prompts.inputAnswer = 'production';
    const record = await run('deployToEnvironment', { serverName: SERVER, version: '1.4.0' }, 'production');
    assert.equal(prompts.inputs.length, 1);
    assert.match(prompts.confirmations[0].detail, /Overriding/);
    assert.equal(record?.result, 'verified');
    assert.equal(live('production'), '1.4.0');
  });

  it('asks before deploying a deprecated version and refuses a deleted one', async () => {
    prompts.confirmAnswer = false;
    assert.equal(await run('deployVersion', { type: 'environment', name: 'staging' }, '1.1.0'), undefined);
    assert.match(prompts.confirmations[0].detail, /deprecated.*memory leak/);
    const before = api.history.all().length;
    // The command shows this error in a notification; the API runs the same deployment and rejects with it.
    await assert.rejects(api.deployVersion('staging', '1.3.0'), /1\.3\.0 is deleted in the registry/);
    assert.equal(prompts.confirmations.length, 1, 'a deleted version is refused before any confirmation');
    assert.equal(api.history.all().length, before);
    assert.equal(live('staging'), '1.2.0');
  });

  it('reports a deploy command that fails, on the node and in the history', async () => {
    const record = await run('deployVersion', { type: 'environment', name: 'broken' }, '1.4.0');
    assert.equal(record?.result, 'command-failed');
    assert.equal(record?.detail, 'exit code 3');
    const item = api.provider.getTreeItem(api.provider.environmentNode('broken'));
    assert.match(String(item.description), /^deploy failed · /);
    assert.match((item.tooltip as vscode.MarkdownString).value.replace(/&nbsp;/g, ' ').replace(/\\(.)/g, '$1'), /deploy command failed \(exit code 3\)/);
  });

  it('reports a deployment the endpoint never confirms as not verified and offers a roll back', async () => {
    const record = await run('deployVersion', { type: 'environment', name: 'stuck' }, '1.4.0');
    assert.equal(record?.result, 'not-verified');
    assert.match(record?.detail ?? '', /still reports 1\.0\.0/);
    assert.equal(rollbackTarget(api.history.all(), 'stuck'), '1.0.0');
    assert.match(String(api.provider.getTreeItem(api.provider.environmentNode('stuck')).contextValue), /:rollbackable\b/);
    const notice = prompts.notifications.find((n) => n.severity === 'error');
    assert.match(notice?.message ?? '', /Deploy 1\.4\.0 to stuck: not verified/);
    assert.deepEqual(notice?.actions, ['Roll Back to 1.0.0', 'Show Log']);
  });

  it('rolls back from the failure notification', async () => {
    prompts.notifyAnswer = (actions) => actions.find((a) => a.startsWith('Roll Back'));
    const before = api.history.all().length;
    await run('deployVersion', { type: 'environment', name: 'stuck' }, '1.2.0');
    const rollback = await waitFor('the roll back', () => api.history.all().slice(before).find((r) => r.kind === 'rollback'));
    assert.equal(prompts.confirmations.at(-1)?.message, 'Roll back stuck to 1.0.0, which its endpoint already reports?');
    assert.equal(rollback.to, '1.0.0');
    assert.equal(rollback.result, 'verified');
  });

  it('keeps the history across reloads, in workspace state and in the team file', async () => {
    const recorded = api.history.all().map((r) => r.id);
    assert.ok(recorded.length >= 6);
    const reloaded = await api.reloadHistory();
    assert.deepEqual(reloaded.all().map((r) => r.id), recorded);
    const fromFile = parseHistoryLines(readFileSync(historyFile, 'utf8'));
    assert.deepEqual(fromFile.map((r) => r.id), recorded);
    assert.deepEqual(fromFile.map((r) => `${r.environment}:${r.from}->${r.to}:${r.result}`).slice(0, 4), [
      'staging:1.0.0->1.2.0:verified',
      'production:1.0.0->1.2.0:verified',
      'production:1.2.0->1.0.0:verified',
      'production:1.0.0->1.4.0:verified',
    ]);
    const historyNode = api.provider.getChildren(api.provider.environmentNode('production')).find((n) => n.type === 'history')!;
    const rows = api.provider.getChildren(historyNode).map((n) => String(api.provider.getTreeItem(n).label));
    assert.deepEqual(rows, ['1.0.0 → 1.4.0', '1.2.0 → 1.0.0', '1.0.0 → 1.2.0']);
  });

  docsScene('the Environments view', async () => {
    await vscode.commands.executeCommand('mcpVersions.environments.focus');
    await evaluate(`[...document.querySelectorAll('.pane-header')].filter((h) => /This Workspace|Installed/.test(h.textContent) && h.classList.contains('expanded')).forEach((h) => h.click())`);
    await vscode.commands.executeCommand('workbench.action.closePanel');
    const widthBefore = await sidebarWidth();
    await dragSidebarTo(560);
    await api.store.refreshAll();
    await expandServerInRegistryTree();
    // A status refresh re-renders the tree; a reveal caught in between is simply tried again.
    const reveal = (node: ReturnType<typeof api.provider.historyNode>, focus: boolean) =>
      waitFor('the reveal to land', () => Promise.resolve(api.view.reveal(node, { expand: true, focus, select: focus })).then(() => true, () => undefined));
    await reveal(api.provider.historyNode('production'), false);
    await reveal(api.provider.environmentNode('production'), true);
    await docsScreenshot('environments', { settleMs: 800 });
    await evaluate(`[...document.querySelectorAll('.pane-header')].filter((h) => /This Workspace|Installed/.test(h.textContent) && !h.classList.contains('expanded')).forEach((h) => h.click())`);
    if (widthBefore) await dragSidebarTo(widthBefore);
  });
});
