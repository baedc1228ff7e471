// Commands run from the Command Palette (no tree node) with every question answered by a script through the
// one interaction layer (api.ui): the shared registry → server → version picker, input boxes, confirmations.
// What each command then does is checked where a user would notice it: the registry, the clipboard, the
// settings, the views.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchPickOptions, UserPrompts } from '../../../../src/commands/prompts';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoEnvironments } from '../../../../tools/demo-environments';
import { waitFor } from '../../harness';
import { api, publish, resetRegistries, startRegistry, useRegistries } from '../tree/helpers';

const NAME = 'io.modelcontextprotocol.anonymous/scripted';
const OTHER = 'io.modelcontextprotocol.anonymous/scripted-other';

type Answer =
  | { readonly kind: 'pick'; readonly choose: string | undefined }
  | { readonly kind: 'search'; readonly type: string; readonly choose: string | undefined }
  | { readonly kind: 'input'; readonly value: string | undefined }
  | { readonly kind: 'warning'; readonly choose: string | undefined };

interface Asked {
  readonly kind: Answer['kind'] | 'info';
  readonly title: string;
  readonly options?: string[];
}

/** Answers the questions in the order scripted; a question of another kind, or one too many, fails the test. */
class ScriptedUi implements UserPrompts {
  readonly asked: Asked[] = [];
  readonly problems: string[] = [];
  private answers: Answer[] = [];

  script(...answers: Answer[]): this {
    this.answers = answers;
    return this;
  }

  get unanswered(): number {
    return this.answers.length;
  }

  private next<K extends Answer['kind']>(kind: K, title: string): Extract<Answer, { kind: K }> | undefined {
    const answer = this.answers.shift();
    if (answer?.kind === kind) return answer as Extract<Answer, { kind: K }>;
    this.problems.push(`asked ${kind} “${title}”, the script had ${answer ? answer.kind : 'nothing left'}`);
    return undefined;
  }

  warning(message: string, _options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined> {
    this.asked.push({ kind: 'warning', title: message, options: actions });
    return Promise.resolve(this.next('warning', message)?.choose);
  }

  info(message: string): Thenable<string | undefined> {
    this.asked.push({ kind: 'info', title: message });
    return Promise.resolve(undefined);
  }

  /** A command that failed: its message fails the test (dismissed at once, so the command ends). */
  error(message: string): Thenable<string | undefined> {
    this.problems.push(`error shown: ${message}`);
    return Promise.resolve(undefined);
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    const title = options.title ?? options.prompt ?? '';
    this.asked.push({ kind: 'input', title });
    return Promise.resolve(this.next('input', title)?.value);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    const title = options.title ?? '';
    const labels = items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator).map((item) => item.label);
    this.asked.push({ kind: 'pick', title, options: labels });
    const answer = this.next('pick', title);
    return Promise.resolve(answer?.choose === undefined ? undefined : items.find((item) => item.label === answer.choose));
  }

  async search<T>(options: SearchPickOptions<T>): Promise<T | undefined> {
    const answer = this.next('search', options.title);
    // The user types; the registry answers what it finds for the text.
    const found = answer ? await options.search(answer.type, new AbortController().signal) : [];
    this.asked.push({ kind: 'search', title: options.title, options: found.map((item) => item.label) });
    return answer?.choose === undefined ? undefined : found.find((item) => item.label === answer.choose)?.value;
  }
}

describe('commands under scripted answers', function () {
  this.timeout(120_000);
  let alpha: LocalRegistry;
  let beta: LocalRegistry;
  let ui: ScriptedUi;

  // Status changes are PATCHes (the anonymous sign-in before one is a POST to /auth/none, not a write).
  const writes = (registry: LocalRegistry) => registry.requests().filter((r) => r.method === 'PATCH' || (r.method === 'POST' && r.path.endsWith('/publish')));

  before(async () => {
    [alpha, beta] = await Promise.all([startRegistry({ seed: 'none' }), startRegistry({ seed: 'none' })]);
    await publish(alpha, OTHER, '0.1.0');
    for (const version of ['1.0.0', '1.1.0', '2.0.0']) await publish(beta, NAME, version);
    await useRegistries([
      { name: 'Alpha', url: alpha.url, auth: 'none' },
      { name: 'Beta', url: beta.url, auth: 'none' },
    ]);
  });

  beforeEach(async () => {
    ui = new ScriptedUi();
    (await api()).ui.use(ui);
  });

  afterEach(async () => {
    (await api()).ui.reset();
  });

  /** Runs the command from the palette (no node) and checks the script was followed to its end. */
  const run = async (command: string) => {
    await vscode.commands.executeCommand(command);
    assert.deepEqual(ui.problems, [], 'every question was the one scripted');
    assert.equal(ui.unanswered, 0, 'every scripted answer was asked for');
  };

  after(async () => {
    await resetRegistries();
    await Promise.all([alpha?.close(), beta?.close()]);
  });

  it('Copy name@version: registry, server searched on the registry, version; the clipboard has it', async () => {
    await vscode.env.clipboard.writeText('');
    ui.script({ kind: 'pick', choose: 'Beta' }, { kind: 'search', type: 'scripted', choose: NAME }, { kind: 'pick', choose: '1.1.0' });
    await run('mcpVersions.version.copyNameVersion');
    assert.equal(await vscode.env.clipboard.readText(), `${NAME}@1.1.0`);
    assert.deepEqual(ui.asked[0].options, ['Alpha', 'Beta'], 'the registries offered');
    assert.deepEqual(ui.asked[1].options, [NAME], 'what the registry found for the typed text');
    assert.deepEqual(ui.asked[2].options, ['2.0.0', '1.1.0', '1.0.0'], 'the versions, highest first');
  });

  it('Deprecate Version…: the message and the modal are asked; the registry sees one write', async () => {
    const before = writes(beta).length;
    ui.script(
      { kind: 'pick', choose: 'Beta' },
      { kind: 'search', type: NAME, choose: NAME },
      { kind: 'pick', choose: '1.0.0' },
      { kind: 'input', value: 'Use 2.x' },
      { kind: 'warning', choose: 'Deprecate' },
    );
    await run('mcpVersions.version.deprecate');
    assert.equal(ui.asked[4].title, `Deprecate ${NAME}@1.0.0?`);
    const sent = writes(beta).slice(before);
    assert.equal(sent.length, 1, 'exactly one status write');
    assert.equal(sent[0].method, 'PATCH');
    assert.match(decodeURIComponent(sent[0].path), new RegExp(`/servers/${NAME.replace(/\./g, '\\.')}/versions/1\\.0\\.0/status$`));
    const row = (await (await fetch(`${beta.url}/v0.1/servers/${encodeURIComponent(NAME)}/versions/1.0.0`)).json()) as { _meta: Record<string, { status: string; statusMessage?: string }> };
    const official = row._meta['io.modelcontextprotocol.registry/official'];
    assert.equal(official.status, 'deprecated');
    assert.equal(official.statusMessage, 'Use 2.x');
  });

  it('cancelling the version step of Delete Version… ends the command quietly: no modal, no write', async () => {
    const before = writes(beta).length;
    ui.script({ kind: 'pick', choose: 'Beta' }, { kind: 'search', type: NAME, choose: NAME }, { kind: 'pick', choose: undefined });
    await run('mcpVersions.version.delete');
    assert.deepEqual(ui.asked.map((a) => a.kind), ['pick', 'search', 'pick'], 'nothing is asked after the cancel');
    assert.equal(writes(beta).length, before);
  });

  it('Compare Versions: both versions picked; the diff panel opens on them', async () => {
    const { diff } = await api();
    const before = diff.panels().length;
    ui.script({ kind: 'pick', choose: 'Beta' }, { kind: 'search', type: '', choose: NAME }, { kind: 'pick', choose: '1.0.0' }, { kind: 'pick', choose: '2.0.0' });
    await run('mcpVersions.compareVersions');
    assert.ok(!ui.asked[3].options!.includes('1.0.0'), 'the base version is not offered again');
    const panel = await waitFor('the diff panel', () => diff.panels().length > before || undefined);
    assert.ok(panel);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('Search Servers…: the registry picked and the text typed; the view filters on it', async () => {
    const { registryTree } = await api();
    ui.script({ kind: 'pick', choose: 'Alpha' }, { kind: 'input', value: 'other' });
    await run('mcpVersions.registry.search');
    const alphaNode = registryTree.provider.registries.find((r) => r.config.name === 'Alpha')!;
    assert.equal(alphaNode.state.search, 'other');
    assert.match(registryTree.view.description ?? '', /other/);
    await vscode.commands.executeCommand('mcpVersions.registry.clearFilter');
    assert.equal(alphaNode.state.search, undefined);
  });

  it('Select Target Registry: the workspace compares its server.json with the registry picked', async () => {
    ui.script({ kind: 'pick', choose: 'Beta' });
    await run('mcpVersions.selectTargetRegistry');
    assert.deepEqual(ui.asked[0].options, ['Alpha', 'Beta']);
    const { workspace } = await api();
    const fixture = vscode.workspace.workspaceFolders![0].uri.with({ path: `${vscode.workspace.workspaceFolders![0].uri.path}/server.json` });
    await waitFor('Beta as the target registry under server.json', async () => ((await workspace.children(fixture)).some((row) => row.label === 'Beta') ? true : undefined));
    ui.script({ kind: 'pick', choose: 'Alpha' });
    await run('mcpVersions.selectTargetRegistry');
  });

  it('Add Registry… then Remove Registry from the palette: the user setting gains it, then loses it', async () => {
    const gamma = await startRegistry({ seed: 'none' });
    try {
      const configured = () => (vscode.workspace.getConfiguration('mcpVersions').get<{ name: string; url: string }[]>('registries') ?? []).map((r) => r.name);
      ui.script({ kind: 'input', value: gamma.url }, { kind: 'input', value: 'Gamma' }, { kind: 'pick', choose: 'Anonymous' });
      await run('mcpVersions.registry.add');
      await waitFor('Gamma in the setting', () => configured().includes('Gamma') || undefined);
      assert.equal(ui.asked[2].options![0], 'Anonymous', 'a loopback registry offers anonymous sign-in first');

      ui.script({ kind: 'pick', choose: 'Gamma' }, { kind: 'warning', choose: 'Remove' });
      await run('mcpVersions.registry.remove');
      await waitFor('Gamma out of the setting', () => (!configured().includes('Gamma') ? true : undefined));
      assert.deepEqual(configured(), ['Alpha', 'Beta']);
    } finally {
      await gamma.close();
    }
  });

  it('Refresh Environments, Refresh Installed and Configure Environments from the palette ask nothing and do their work', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpv-scripted-env-'));
    const demo = await startDemoEnvironments({ dir, serverName: NAME, environments: [{ name: 'staging', initialVersion: '1.1.0' }] });
    const settingsKey = 'environments';
    try {
      const { environments, installed } = await api();
      await vscode.workspace.getConfiguration('mcpVersions').update(settingsKey, [{ name: 'staging', server: NAME, registry: beta.url, endpoint: demo.endpoints.staging }], vscode.ConfigurationTarget.Global);
      await waitFor('staging in the Environments view', () => (environments.store.get('staging') ? true : undefined));
      const probes = demo.requestCount('staging');
      await run('mcpVersions.environments.refresh');
      await waitFor('staging probed', () => (demo.requestCount('staging') > probes ? true : undefined), 30_000);
      await waitFor('1.1.0 live on staging', () => (environments.store.liveVersion('staging') === '1.1.0' ? true : undefined));

      const before = installed.provider.snapshot;
      await run('mcpVersions.installed.refresh');
      assert.notEqual(installed.provider.snapshot, before, 'Installed read its configs again');

      await run('mcpVersions.environments.configure');
      await waitFor('the Settings editor', () => (vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'Settings' ? true : undefined));
      assert.deepEqual(ui.asked, [], 'nothing was asked');
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      await vscode.workspace.getConfiguration('mcpVersions').update(settingsKey, undefined, vscode.ConfigurationTarget.Global);
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
