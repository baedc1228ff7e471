// Under faults, what the extension says is true: a status change whose answer is lost is looked up and
// reported as it is (made → success everywhere; not made → an error naming the action, with Retry), the
// confirmation warns about the environments that run the version, an answer cut off says so (and GETs
// retry it), every failed attempt is logged as failed, and the Environments view words its problems.
// Faults come from the local registry's fault injection; nothing is mocked.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ErrorNode, ServerNode, VersionNode } from '../../../../src/tree/nodes';
import type { StatusChangeError } from '../../../../src/tree/statusCommands';
import { startStoreScene, type StoreScene } from './fixture';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { queryDom, waitFor } from '../../harness';
import { ScriptedPrompts } from '../publish/helpers';
import { api, children, item, labelOf } from '../tree/helpers';

const NAME = 'io.modelcontextprotocol.anonymous/faults-test';
const REGISTRY_NAME = 'Faults registry';
const STATUS_PATH = '/status$';

describe('status changes and reads under faults', function () {
  this.timeout(180_000);
  let scene: StoreScene | undefined;
  let reg: LocalRegistry;
  const prompts = new ScriptedPrompts();

  before(async () => {
    scene = await startStoreScene(NAME, REGISTRY_NAME);
    reg = scene.reg;
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const extension = await api();
    await waitFor('the tree to use the registry', () => (extension.registryTree.provider.registries.map((r) => r.config.url).join() === reg.url ? true : undefined));
    extension.publish.prompts.use(prompts);
    await extension.environments.store.refreshAll({ freshRegistry: true });
    await waitFor('production to report 2.0.0', () => (extension.environments.environmentsRunning(reg.url, NAME, '2.0.0').includes('production') ? true : undefined));
  });

  beforeEach(() => {
    reg.faults.clear();
    prompts.calls.length = 0;
    prompts.onWarning = (call) => call.actions?.[0];
  });

  after(async () => {
    reg?.faults.clear();
    (await api()).publish.prompts.reset();
    await vscode.commands.executeCommand('notifications.clearAll');
    await scene?.close();
  });

  async function serverNode(): Promise<ServerNode> {
    const server = (await children()).find((n): n is ServerNode => n.kind === 'server' && n.name === NAME);
    assert.ok(server, `${NAME} in the tree`);
    return server;
  }

  async function versionNode(version: string): Promise<VersionNode> {
    const node = ((await children(await serverNode())) as VersionNode[]).find((v) => v.kind === 'version' && v.row.version === version);
    assert.ok(node, `${version} under ${NAME}`);
    return node;
  }

  const official = async (version: string) => {
    const response = await fetch(`${reg.url}/v0.1/servers/${encodeURIComponent(NAME)}/versions/${version}?include_deleted=true`);
    return ((await response.json()) as { _meta: Record<string, { status: string; isLatest: boolean }> })._meta['io.modelcontextprotocol.registry/official'];
  };
  const patches = () => reg.requests().filter((r) => r.method === 'PATCH').length;

  async function statusFails(command: string, node: unknown, statusMessage = ''): Promise<StatusChangeError> {
    try {
      await (await api()).registryTree.changeStatus(command, node, { statusMessage, confirm: false });
    } catch (error) {
      return error as StatusChangeError;
    }
    throw new Error(`${command} was expected to fail`);
  }

  it('the confirmation of a deprecation or deletion of the deployed latest names the environments and the latest afterwards', async () => {
    prompts.onWarning = () => undefined; // Cancel: nothing is sent.
    const before = patches();
    await vscode.commands.executeCommand('mcpVersions.version.deprecate', await versionNode('2.0.0'), { statusMessage: 'Use 3.x' });
    await vscode.commands.executeCommand('mcpVersions.version.delete', await versionNode('2.0.0'), { statusMessage: '' });
    const [deprecate, remove] = prompts.calls.filter((c) => c.kind === 'warning' && c.modal);
    assert.equal(deprecate?.message, `Deprecate ${NAME}@2.0.0?`);
    assert.deepEqual(deprecate?.detail?.split('\n'), [
      'Latest stays 2.0.0.',
      'A deprecated version stays latest until a higher version is published (deleting 2.0.0 instead would make 1.1.0 latest).',
      '2.0.0 runs in production (Environments view): they keep running it, but clients and installers are told it is deprecated; deploy another version there.',
    ]);
    assert.equal(remove?.message, `Delete ${NAME}@2.0.0?`);
    assert.match(remove?.detail ?? '', /^1\.1\.0 becomes latest \(instead of 2\.0\.0\)\.\n2\.0\.0 runs in production \(Environments view\): .*leaves the registry’s listings/);
    assert.equal(patches(), before, 'cancelled: nothing sent');
    assert.equal((await official('2.0.0')).status, 'active');
  });

  it('deprecate whose answer is lost after the registry stored it: reported as done, every view shows it, one PATCH', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'reset', afterHandling: true, method: 'PATCH', path: STATUS_PATH, times: 1 });
    const before = patches();
    const outcome = await extension.registryTree.changeStatus('mcpVersions.version.deprecate', await versionNode('2.0.0'), { statusMessage: 'Use 3.x', confirm: false });
    assert.equal(outcome.recovered, true);
    assert.equal(patches() - before, 1, 'looked up, never sent again');
    assert.equal((await official('2.0.0')).status, 'deprecated');
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message === `Deprecated ${NAME}@2.0.0 on ${REGISTRY_NAME}: the connection was lost after sending, but the registry made the change.`));
    assert.match((await item(await versionNode('2.0.0'))).contextValue ?? '', /:deprecated\b/, 'the tree shows it at once');
    const rows = () => extension.environments.provider.getChildren({ type: 'environment', name: 'production' }).map((n) => String(extension.environments.provider.getTreeItem(n).label));
    await waitFor('the Environments view to show 2.0.0 deprecated', () => (rows().includes('2.0.0: deprecated · latest') ? true : undefined));
    type Written = { kind: string; version?: string; to: string; result: string; detail?: string };
    const record = await waitFor('the audit trail to record the write', () => [...(extension.audit.all() as readonly Written[])].reverse().find((r) => r.kind === 'status' && r.version === '2.0.0' && r.to === 'deprecated'));
    assert.deepEqual([record?.to, record?.result], ['deprecated', 'ok']);
    assert.match(record?.detail ?? '', /recovered/);
  });

  it('delete whose answer is lost before the registry stored it: an error naming the action and what the registry shows, with Retry; Retry deletes', async () => {
    reg.faults.add({ kind: 'reset', method: 'PATCH', path: STATUS_PATH, times: 1 });
    const before = patches();
    const error = await statusFails('mcpVersions.version.delete', await versionNode('1.0.0'), 'Published by mistake');
    assert.equal(error.outcome, 'not-made');
    assert.match(error.message, new RegExp(`^Could not delete ${NAME.replace(/[.]/g, '\\.')}@1\\.0\\.0 on ${REGISTRY_NAME}: The registry's answer was cut off .* The registry was asked afterwards: it still shows active\\. Retrying is safe\\.$`));
    assert.deepEqual(error.actions.map((a) => a.title), ['Retry']);
    assert.equal((await official('1.0.0')).status, 'active');
    assert.doesNotMatch((await item(await versionNode('1.0.0'))).contextValue ?? '', /:deleted\b/);
    await error.actions[0]!.run();
    assert.equal(patches() - before, 2, 'the lost PATCH, then the one Retry sent');
    assert.equal((await official('1.0.0')).status, 'deleted');
  });

  it('restore: a truncated answer to a change the registry did not make is not made; a reset after it made it is done', async () => {
    reg.faults.add({ kind: 'malformed', method: 'PATCH', path: STATUS_PATH, times: 1 });
    const node = { kind: 'version', id: 'restore-1.0.0', server: await serverNode(), row: { version: '1.0.0', status: 'deleted' } };
    const outcome = await (await api()).registryTree.changeStatus('mcpVersions.version.restore', node, { confirm: false }).catch((e: unknown) => e as StatusChangeError);
    // A truncated answer to a PATCH the registry did not run (the fault answers for it): not made.
    assert.equal((outcome as StatusChangeError).outcome, 'not-made');
    assert.equal((await official('1.0.0')).status, 'deleted');
    reg.faults.add({ kind: 'reset', afterHandling: true, method: 'PATCH', path: STATUS_PATH, times: 1 });
    const restored = await (await api()).registryTree.changeStatus('mcpVersions.version.restore', node, { confirm: false });
    assert.equal(restored.recovered, true);
    assert.equal((await official('1.0.0')).status, 'active');
  });

  it('un-deprecate whose answer is lost and the registry cannot be asked: says so and offers Retry', async () => {
    reg.faults.add({ kind: 'reset', method: 'PATCH', path: STATUS_PATH, times: 1 });
    reg.faults.add({ kind: 'status', status: 503, method: 'GET', path: '/versions/2\\.0\\.0$' });
    const error = await statusFails('mcpVersions.version.undeprecate', await versionNode('2.0.0'));
    assert.equal(error.outcome, 'unknown');
    assert.match(error.message, /^Could not un-deprecate .*@2\.0\.0 on Faults registry: .* The registry could not be asked afterwards whether it made the change\. Retrying is safe/);
    assert.deepEqual(error.actions.map((a) => a.title), ['Retry']);
    reg.faults.clear();
    await error.actions[0]!.run();
    assert.equal((await official('2.0.0')).status, 'active');
  });

  it('in the workbench: the error notification names the action and offers Retry and Show Log', async () => {
    await vscode.commands.executeCommand('notifications.clearAll');
    reg.faults.add({ kind: 'reset', method: 'PATCH', path: STATUS_PATH, times: 1 });
    const running = vscode.commands.executeCommand('mcpVersions.version.deprecate', await versionNode('1.1.0'), { statusMessage: 'Old', confirm: false });
    await vscode.commands.executeCommand('notifications.showList');
    const message = await waitFor('the error notification', async () =>
      (await queryDom('.notifications-center .notification-list-item-message')).find((text) => text.startsWith(`Could not deprecate ${NAME}@1.1.0`)),
    30_000);
    assert.match(message, /it still shows active\. Retrying is safe\./);
    const buttons = await queryDom('.notifications-center .notification-list-item-buttons-container .monaco-button');
    assert.ok(buttons.includes('Retry') && buttons.includes('Show Log'), `buttons: ${buttons.join(', ')}`);
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('notifications.hideList');
    await running;
    assert.equal((await official('1.1.0')).status, 'active');
  });

  it('expanding a server: a reset mid-body and a truncated body are retried, and each failed attempt is logged as failed with its reason', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'reset', method: 'GET', path: 'faults-test/versions$', times: 1 });
    reg.faults.add({ kind: 'malformed', method: 'GET', path: 'faults-test/versions$', times: 1 });
    extension.store.forget(reg.url, NAME);
    const versions = await children(await serverNode());
    assert.ok(versions.some((n) => n.kind === 'version'), 'the third attempt answered');
    const log = await waitFor('two failed attempts in the log', () => {
      const lines = logText().split('\n').filter((line) => line.includes('faults-test/versions') && line.includes('failed ('));
      return lines.length >= 2 ? lines : undefined;
    });
    assert.ok(log.some((line) => /failed \(the answer was cut off: the connection dropped/.test(line)), log.join('\n'));
    assert.ok(log.some((line) => /failed \(the answer was cut off: it stops after \d+ bytes/.test(line)), log.join('\n'));
    assert.ok(!log.some((line) => / 200 \d+ ms/.test(line)), 'not logged as 200');
  });

  it('expanding a server whose answers keep being cut off: an error node that says so (not "check the URL"), and an error line in the log', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'malformed', method: 'GET', path: 'faults-test/versions$' });
    extension.store.forget(reg.url, NAME);
    const [node] = (await children(await serverNode())) as ErrorNode[];
    assert.equal(node?.kind, 'error');
    const label = labelOf(await item(node!));
    const description = String((await item(node!)).description ?? '');
    assert.match(label, /answer was cut off/);
    assert.doesNotMatch(`${label} ${description}`, /without \/v0\.1|Could not reach/);
    await waitFor('an error line for the expansion', () => (logText().includes(`versions of ${NAME} could not be read: The registry's answer was cut off`) ? true : undefined));
  });

  it('expanding a server whose connection keeps dropping mid-answer: says so, not "could not reach … proxy"', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'reset', method: 'GET', path: 'faults-test/versions$' });
    extension.store.forget(reg.url, NAME);
    const [node] = (await children(await serverNode())) as ErrorNode[];
    assert.equal(node?.kind, 'error');
    const shown = await item(node!);
    assert.match(labelOf(shown), /answer was cut off .*the connection dropped/);
    assert.doesNotMatch(`${labelOf(shown)} ${String(shown.description ?? '')}`, /Could not reach|proxy settings/);
  });

  it('the diff panel writes an error line when it cannot load a side', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'status', status: 503, method: 'GET', path: 'faults-test/versions$' });
    extension.store.forget(reg.url, NAME);
    const ref = (version: string) => ({ registryUrl: reg.url, registryName: REGISTRY_NAME, serverName: NAME, version });
    const panel = await extension.diff.open(ref('1.1.0'), ref('2.0.0'));
    try {
      await waitFor('an error line for the comparison', () => (logText().split('\n').some((line) => /\bdiff: .*Registry returned 503/.test(line)) ? true : undefined));
    } finally {
      panel.dispose();
    }
  });

  it('the Environments view words a registry that cannot be read; the registry’s own text is in the tooltip', async () => {
    const extension = await api();
    reg.faults.add({ kind: 'status', status: 503, method: 'GET', path: 'faults-test/versions$' });
    await extension.environments.store.refreshAll({ freshRegistry: true });
    const provider = extension.environments.provider;
    const registryRow = await waitFor('the registry row to show the problem', () =>
      provider.getChildren({ type: 'environment', name: 'production' }).map((n) => provider.getTreeItem(n)).find((i) => String(i.label).startsWith(`Registry ${REGISTRY_NAME}:`)),
    );
    assert.equal(registryRow.label, `Registry ${REGISTRY_NAME}: server error (HTTP 503)`);
    assert.match(String(registryRow.tooltip), /Registry returned 503/);
  });

  function logText(): string {
    return filesUnder(logFolder).map((f) => readFileSync(f, 'utf8')).join('\n');
  }
  let logFolder = '';
  before(async () => {
    logFolder = (await api()).publish.logUri.fsPath;
  });
});

function filesUnder(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    out = statSync(path).isDirectory() ? out.concat(filesUnder(path)) : out.concat(path);
  }
  return out;
}
