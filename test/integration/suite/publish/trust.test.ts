// Credentials go only to origins the user chose. A cloned repository's .vscode/settings.json can name
// registries: they are browsed, but receive nothing secret until the user approves their origin (Sign In
// asks first, naming the host), and approving one origin approves no other. Requests are counted on the
// registries themselves (a sentinel fault on POST /auth/github-at stays unused while none was made).
import * as assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SignInResult } from '../../../../src/auth';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { waitFor } from '../../harness';
import { api, loopbackServer, postSentinel, resetPrompts, ScriptedPrompts, startRegistry, usePrompts } from './helpers';

const TOKEN = 'ghp_trustTestToken0123456789abcdefABCDEF';
const ASK = 'Send your credentials to';

describe('credentials only to approved origins', function () {
  this.timeout(120_000);
  let regA: LocalRegistry;
  let regB: LocalRegistry;
  let github: Awaited<ReturnType<typeof loopbackServer>>;
  let prompts: ScriptedPrompts;
  let allow = false;
  const githubCalls: string[] = [];
  const hostOf = (reg: LocalRegistry) => new URL(reg.url).host;
  // Writing a workspace setting creates the fixture's .vscode folder; it is removed again afterwards.
  const settingsDir = join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode');
  const settingsDirExisted = existsSync(settingsDir);
  const asked = (reg: LocalRegistry) => prompts.calls.filter((c) => c.kind === 'warning' && c.modal && c.message === `${ASK} ${hostOf(reg)}?`);

  before(async () => {
    github = await loopbackServer((req, res) => {
      githubCalls.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== `Bearer ${TOKEN}`) {
        res.statusCode = 401;
        return res.end('{"message":"Bad credentials"}');
      }
      if (req.url === '/user') return res.end(JSON.stringify({ login: 'octo-trust' }));
      res.end('[]');
    });
    regA = await startRegistry({ seed: 'none', githubApiUrl: github.url });
    regB = await startRegistry({ seed: 'none', githubApiUrl: github.url });
    // The workspace names both registries, as a cloned repository's settings would.
    await vscode.workspace.getConfiguration('mcpVersions').update(
      'registries',
      [{ name: 'Registry A', url: regA.url, auth: 'github' }, { name: 'Registry B', url: regB.url, auth: 'github' }],
      vscode.ConfigurationTarget.Workspace,
    );
    const { registryTree } = await api();
    await waitFor('the tree to use the workspace registries', () => (registryTree.provider.registries.map((r) => r.config.url).join(' ') === `${regA.url} ${regB.url}` ? true : undefined));
  });

  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    prompts.onWarning = (call) => (call.message.startsWith(ASK) ? (allow ? 'Allow' : undefined) : call.actions?.[0]);
    prompts.onPick = (labels) => labels.findIndex((l) => l.includes('Paste a GitHub token'));
    prompts.onInput = (options) => (options.password ? TOKEN : undefined);
    await usePrompts(prompts);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Workspace);
    if (!settingsDirExisted) rmSync(settingsDir, { recursive: true, force: true });
    await resetPrompts();
    await regA?.close();
    await regB?.close();
    await github?.close();
  });

  it('asks before signing in to a registry the workspace defines, naming its host; declined, nothing is sent', async () => {
    const sentinel = postSentinel(regB, '/auth/github-at$');
    allow = false;
    await (await api()).auth.probeIdentities();
    const result = await vscode.commands.executeCommand<SignInResult | undefined>('mcpVersions.signIn', regB.url);
    assert.equal(result, undefined);
    const [question] = asked(regB);
    assert.ok(question, prompts.calls.map((c) => c.message).join('\n'));
    assert.match(question.detail ?? '', /defined in this workspace’s settings, not by you/);
    assert.match(question.detail ?? '', /GitHub token/);
    assert.ok(!prompts.calls.some((c) => c.kind === 'input'), 'no token was even asked for');
    assert.ok(sentinel.unused(), 'registry B received no POST /auth/github-at');
    assert.deepEqual(githubCalls, [], 'no GitHub token was checked');
    assert.deepEqual((await api()).auth.approvedOrigins().filter((o) => o === new URL(regB.url).origin), []);
    sentinel.remove();
  });

  it('approving one origin approves no other: registry B still gets nothing, in the background or on Sign In', async () => {
    allow = true;
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', regA.url);
    assert.equal(result.subject, 'octo-trust');
    assert.equal(asked(regA).length, 1, 'asked once for A');
    assert.ok((await api()).auth.approvedOrigins().includes(new URL(regA.url).origin));

    const sentinel = postSentinel(regB, '/auth/github-at$');
    await (await api()).auth.probeIdentities();
    assert.ok(sentinel.unused(), 'the background sign-in left registry B alone');
    allow = false;
    await vscode.commands.executeCommand('mcpVersions.signIn', regB.url);
    assert.equal(asked(regB).length, 1, 'B is asked about on its own');
    assert.ok(sentinel.unused(), 'and, declined, receives nothing');
    sentinel.remove();

    // A second Sign In on A does not ask again: the approval is remembered for its origin.
    allow = false;
    const again = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', regA.url);
    assert.equal(again.subject, 'octo-trust');
    assert.equal(asked(regA).length, 1, 'still the one question');
  });

  it('Sign Out forgets the approval: the next sign-in asks again', async () => {
    await vscode.commands.executeCommand('mcpVersions.signOut', regA.url);
    assert.ok(!(await api()).auth.approvedOrigins().includes(new URL(regA.url).origin));
    const sentinel = postSentinel(regA, '/auth/github-at$');
    await (await api()).auth.probeIdentities();
    assert.ok(sentinel.unused(), 'nothing in the background after Sign Out');
    allow = false;
    await vscode.commands.executeCommand('mcpVersions.signIn', regA.url);
    assert.equal(asked(regA).length, 1);
    assert.ok(sentinel.unused());
    sentinel.remove();
  });
});
