// After the first server.json: Start New Version from This (a published version back into the workspace),
// Set Up Publishing in CI (a workflow GitHub's own parser accepts), Bump Version's Create Tag, and the
// Getting Started walkthrough wired to real commands.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { buildSync } from 'esbuild';
import { RegistryClient } from '../../../../src/registry';
import type { VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScreenshot, evaluate, queryDom, waitFor } from '../../harness';
import { ScriptedPrompts as BumpScriptedPrompts, pickKind } from '../bump/helpers';
import { api, repoRoot, startRegistry, useRegistry } from '../publish/helpers';
import { ScriptedStartPrompts, writeProject } from './helpers';

const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
const PUBLISHER = 'io.modelcontextprotocol.registry/publisher-provided';
const PROVENANCE = 'dev.mcp-versions/provenance';

interface WorkflowParser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  NoOperationTraceWriter: new () => unknown;
}

/** GitHub's workflow parser (ESM importing JSON without an attribute), bundled into CommonJS in memory. */
function workflowErrors(yaml: string): string[] {
  const bundle = buildSync({
    stdin: { contents: "export { parseWorkflow, NoOperationTraceWriter } from '@actions/workflow-parser';", resolveDir: repoRoot, loader: 'js' },
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'silent',
  });
  const module = { exports: {} as WorkflowParser };
  new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, require);
  const parser = module.exports;
  return parser.parseWorkflow({ name: '.github/workflows/publish-mcp.yml', content: yaml }, new parser.NoOperationTraceWriter()).context.errors.getErrors().map((e) => e.message);
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd, encoding: 'utf8' }).trim();
}

describe('start new version, publishing from CI, getting started', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;
  let prompts: ScriptedStartPrompts;
  const name = `io.modelcontextprotocol.anonymous/branch-${Date.now().toString(36)}`;

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    await useRegistry({ name: 'Local', url: reg.url, auth: 'none' });
    const client = new RegistryClient(reg.url);
    const token = reg.mintToken([{ action: 'publish', resource: 'io.modelcontextprotocol.anonymous/*' }]);
    for (const version of ['1.0.0', '1.1.0']) {
      await client.publish({
        $schema: SCHEMA, name, description: 'A server to branch from', version,
        remotes: [{ type: 'streamable-http', url: `https://mcp.example.com/${name.split('/')[1]}/${version}` }],
        _meta: { [PUBLISHER]: { [PROVENANCE]: { commit: 'a'.repeat(40) }, 'com.example/build': { id: version } } },
      }, token);
    }
  });

  beforeEach(async () => {
    prompts = new ScriptedStartPrompts();
    (await api()).start.setPrompts(prompts);
  });

  after(async () => {
    (await api()).start.setPrompts(undefined);
    (await api()).bump.setPrompts(undefined);
    await vscode.workspace.getConfiguration('mcpVersions').update('bump.preview', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reg?.close();
  });

  async function versionNode(version: string): Promise<VersionNode> {
    const { registryTree } = await api();
    const registry = registryTree.provider.registries[0];
    const server = registryTree.provider.serverNode(registry, name);
    const rows = await registryTree.provider.versionsFor(server, true);
    return registryTree.provider.versionNodes(server, rows).find((node) => node.row.version === version)!;
  }

  it('Start New Version from This writes the published server.json without the registry\'s _meta, at the next free version', async () => {
    const project = writeProject({ 'README.md': '# Branch\n' });
    prompts.picks = [[/Start New Version/, /^Choose a Folder/]];
    prompts.folder = project.uri;
    const outcome = await (await api()).start.startNewVersion(await versionNode('1.0.0'));
    const written = JSON.parse(project.read('server.json'));
    assert.equal(outcome.from, '1.0.0');
    assert.ok(!['1.0.0', '1.1.0'].includes(written.version), `${written.version} is not a version the registry already has`);
    assert.equal(written.version, outcome.version);
    assert.equal(written.name, name);
    assert.deepEqual(written.remotes, [{ type: 'streamable-http', url: `https://mcp.example.com/${name.split('/')[1]}/1.0.0` }]);
    assert.deepEqual(written._meta, { [PUBLISHER]: { 'com.example/build': { id: '1.0.0' } } }, 'the registry\'s block and our provenance are gone; the publisher\'s own data stays');
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, join(project.dir, 'server.json'));
  });

  it('beside an existing server.json it shows the diff first and replaces only when confirmed', async () => {
    const existing = `${JSON.stringify({ $schema: SCHEMA, name, description: 'Mine', version: '0.9.0' }, null, 2)}\n`;
    const project = writeProject({ 'server.json': existing });
    prompts.picks = [[/Start New Version/, /^Choose a Folder/]];
    prompts.folder = project.uri;
    await assert.rejects((await api()).start.startNewVersion(await versionNode('1.1.0')), /Cancelled/);
    const confirm = prompts.last('message')!;
    assert.match(confirm.title, /^Replace .*server\.json with .*@\d+\.\d+\.\d+, started from 1\.1\.0\?$/);
    assert.deepEqual(confirm.actions, ['Replace']);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
    assert.ok(tab instanceof vscode.TabInputTextDiff, 'the diff preview was shown');
    assert.equal(tab.original.fsPath, join(project.dir, 'server.json'));
    assert.equal(project.read('server.json'), existing, 'nothing is written without the confirmation');

    prompts.messages = [[/^Replace/, 'Replace']];
    const outcome = await (await api()).start.startNewVersion(await versionNode('1.1.0'));
    assert.equal(JSON.parse(project.read('server.json')).version, outcome.version);
    assert.equal(JSON.parse(project.read('server.json')).description, 'A server to branch from');
  });

  it('Set Up Publishing in CI writes a workflow GitHub\'s parser accepts, and never replaces one without asking', async () => {
    const project = writeProject({
      'server.json': `${JSON.stringify({ $schema: SCHEMA, name: 'io.github.acme/ci', description: 'CI', version: '1.0.0', packages: [{ registryType: 'npm', identifier: 'ci-mcp', version: '1.0.0', transport: { type: 'stdio' } }] }, null, 2)}\n`,
      'package.json': JSON.stringify({ name: 'ci-mcp', version: '1.0.0' }),
    });
    prompts.pickManys = [[/CI/, [/^npm$/]]];
    const outcome = await (await api()).start.setUpCiPublishing(project.file('server.json'));
    assert.deepEqual(prompts.last('pickMany')!.items, ['npm']);
    const path = join(project.dir, '.github/workflows/publish-mcp.yml');
    const yaml = readFileSync(path, 'utf8');
    assert.equal(yaml, outcome.yaml);
    assert.deepEqual(workflowErrors(yaml), []);
    assert.match(yaml, /id-token: write/);
    assert.match(yaml, /npm publish/);
    assert.match(yaml, /mcp-publisher login github-oidc/);
    assert.deepEqual(outcome.secrets, ['NPM_TOKEN']);
    assert.match(prompts.last('message')!.title, /NPM_TOKEN/);
    await docsScreenshot('ci-workflow');

    // The user rewrites the workflow in the editor it was opened in, and saves it.
    const open = await vscode.workspace.openTextDocument(vscode.Uri.file(path));
    const rewrite = new vscode.WorkspaceEdit();
    rewrite.replace(open.uri, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), '# my own workflow\n');
    assert.ok(await vscode.workspace.applyEdit(rewrite));
    assert.ok(await open.save(), 'the rewritten workflow is saved');
    assert.equal(readFileSync(path, 'utf8'), '# my own workflow\n');
    await assert.rejects((await api()).start.setUpCiPublishing(project.file('server.json')), /Cancelled/);
    assert.deepEqual(prompts.last('message')!.actions, ['Compare', 'Replace']);
    assert.equal(readFileSync(path, 'utf8'), '# my own workflow\n', 'an existing workflow is kept unless the user replaces it');
    prompts.messages = [[/already exists/, 'Replace']];
    await (await api()).start.setUpCiPublishing(project.file('server.json'));
    assert.equal(readFileSync(path, 'utf8'), yaml);
  });

  it('Bump Version offers "Create Tag v<version>" once the publish workflow exists, and creates the annotated tag', async () => {
    const project = writeProject({
      'server.json': `${JSON.stringify({ $schema: SCHEMA, name: 'io.github.acme/tagged', description: 'Tagged', version: '1.0.0' }, null, 2)}\n`,
      '.github/workflows/publish-mcp.yml': 'name: Publish MCP server\n',
    });
    git(project.dir, 'init', '-q');
    git(project.dir, 'add', '.');
    git(project.dir, 'commit', '-qm', 'first');
    await vscode.workspace.getConfiguration('mcpVersions').update('bump.preview', false, vscode.ConfigurationTarget.Global);
    // The notification is answered once the bump is committed: the tag must name the commit that has the version.
    let answer!: (action: string) => void;
    const answered = new Promise<string>((resolve) => (answer = resolve));
    const bumpPrompts = new BumpScriptedPrompts([pickKind('patch')]);
    bumpPrompts.notify = async (message, actions) => {
      bumpPrompts.notifications.push({ message, actions });
      return answered;
    };
    (await api()).bump.setPrompts(bumpPrompts);
    await vscode.commands.executeCommand('mcpVersions.bumpVersion', project.file('server.json'));
    assert.deepEqual(bumpPrompts.notifications[0].actions, ['Create Tag v1.0.1', 'Undo', 'Show Log']);
    assert.equal(JSON.parse(readFileSync(join(project.dir, 'server.json'), 'utf8')).version, '1.0.1');
    git(project.dir, 'commit', '-qam', 'Release 1.0.1');
    // What the tag step then says goes through the interaction layer, like every other message.
    const told: string[] = [];
    const refuse = () => Promise.reject(new Error('the tag step asked a question'));
    (await api()).ui.use({ info: async (message) => (told.push(message), undefined), warning: async (message) => (told.push(message), undefined), input: refuse, pick: refuse });
    try {
      answer('Create Tag v1.0.1');
      const tag = await waitFor('the tag', () => git(project.dir, 'tag', '-l', 'v1.0.1') || undefined);
      assert.equal(tag, 'v1.0.1');
      assert.equal(git(project.dir, 'cat-file', '-t', 'v1.0.1'), 'tag', 'an annotated tag');
      assert.equal(git(project.dir, 'rev-parse', 'v1.0.1^{commit}'), git(project.dir, 'rev-parse', 'HEAD'), 'on the commit of the bump');
      await waitFor('the message', () => told.length > 0 || undefined);
      assert.deepEqual(told, ['Created the tag v1.0.1 on the commit of the bump. Pushing it (git push origin v1.0.1) starts the publish workflow.']);
    } finally {
      (await api()).ui.reset();
    }
  });

  it('the walkthrough\'s steps complete on commands that exist, show pictures that exist, and it opens', async () => {
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions')!;
    const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8'));
    // The manifest names its texts (%key%); package.nls.json holds them.
    const nls = JSON.parse(readFileSync(join(extension.extensionPath, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const text = (value: string) => nls[value.replace(/^%(.*)%$/, '$1')] ?? value;
    const [walkthrough] = manifest.contributes.walkthroughs;
    const registered = new Set(await vscode.commands.getCommands(true));
    const steps = walkthrough.steps as { id: string; completionEvents: string[]; media: { image?: string }; description: string }[];
    assert.deepEqual(steps.map((s) => s.id), ['createServerJson', 'signIn', 'checkProblems', 'bump', 'publish', 'setUpCi', 'environments']);
    for (const step of steps) {
      const commands = step.completionEvents.map((event) => event.replace(/^onCommand:/, ''));
      assert.deepEqual(commands.filter((id) => !registered.has(id)), [], `${step.id}: every completion command is registered`);
      assert.ok(existsSync(join(extension.extensionPath, step.media.image!)), `${step.id}: ${step.media.image} exists`);
      for (const [, id] of text(step.description).matchAll(/\(command:([\w.]+)/g)) assert.ok(registered.has(id), `${step.id}: the link's command ${id} is registered`);
    }

    const welcome = text(manifest.contributes.viewsWelcome.find((w: { view: string }) => w.view === 'mcpVersions.workspace').contents as string);
    assert.match(welcome, /\[Create server\.json\]\(command:mcpVersions\.createServerJson\)/);
    assert.ok(welcome.includes(`openWalkthrough?${encodeURIComponent(JSON.stringify(`mcp-versions.mcp-versions#${walkthrough.id}`))}`), 'This Workspace\'s welcome opens this walkthrough');

    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `mcp-versions.mcp-versions#${walkthrough.id}`, false);
    await waitFor('the walkthrough', async () => ((await queryDom('.getting-started-category .category-title, .gettingStartedSlideDetails h2')).some((t) => t.includes('Publish an MCP server')) ? true : undefined));
    // Running a step's command from the walkthrough (its link, clicked like a user) completes it. The workspace
    // folder already has a server.json, so Create server.json only offers to open it.
    const clicked = await evaluate(`(() => {
      const link = [...document.querySelectorAll('.getting-started-step.expanded a, .getting-started-step.expanded button')].find((b) => (b.textContent || '').trim() === 'Create server.json');
      if (link) link.click();
      return !!link;
    })()`);
    assert.ok(clicked.some((frame) => frame.value === true), 'the step has its Create server.json button');
    await waitFor('the command to run', () => prompts.calls.some((call) => call.title.includes('already has a server.json')));
    const checked = async () => (await evaluate(`[...document.querySelectorAll('.getting-started-step')]
      .filter((step) => step.querySelector('.codicon-getting-started-step-checked'))
      .map((step) => step.querySelector('.step-title')?.textContent)`)).flatMap((frame) => (frame.value as string[] | undefined) ?? []);
    const done = await waitFor('the first step to be checked', async () => ((await checked()).includes('Create server.json') ? checked() : undefined));
    assert.ok(!done.includes('Choose a registry and sign in'), 'a step whose command did not run stays unchecked');
  });
});
