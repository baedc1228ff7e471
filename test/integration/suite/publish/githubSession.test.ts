// VS Code's own GitHub session as the GitHub identity, for real: getSession, VS Code's consent dialog,
// onDidChangeSessions. GitHub's servers cannot exist in this harness, so two stand-ins take their place:
// the `github` authentication provider of test/fixtures/github-auth-simulator (installed in place of the
// built-in GitHub sign-in by scripts/test.mjs) hands out sessions whose tokens the simulated GitHub API
// below accepts, and the local registry exchanges them at /auth/github-at through `githubApiUrl`.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SignInResult } from '../../../../src/auth';
import type { ServerNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { queryDom, requireVsCode, screenshot, waitFor } from '../../harness';
import { api, loopbackServer, resetPrompts, SCHEMA, ScriptedPrompts, startRegistry, usePrompts, writeFixture } from './helpers';

const LOGIN = 'octo-session';
const SESSION_TOKEN = 'gho_simulatedSessionToken0123456789abcdef';
const PASTED_TOKEN = 'ghp_pastedTokenLaterRevoked0123456789abcdef';
const NAMESPACES = [`io.github.${LOGIN}/*`, `io.github.${LOGIN}-org/*`];

interface SimulatedGithub {
  readonly requests: { kind: 'getSessions' | 'createSession' | 'removeSession'; scopes: string[] }[];
  setNextAccount(account: { login: string; accessToken: string }): void;
  signIn(account: { login: string; accessToken: string }): unknown;
  signOut(): void;
  clearRequests(): void;
}

/** What VS Code asked of the provider on our behalf (VS Code's own account menu asks with no scopes). */
function ourRequests(sim: SimulatedGithub) {
  return sim.requests.filter((r) => r.scopes.includes('read:org'));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}

/** The extension's log (the "MCP Versions" output channel) as written so far. */
async function logText(): Promise<string> {
  const { publish } = await api();
  return filesUnder(publish.logUri.fsPath).map((f) => readFileSync(f, 'utf8')).join('\n');
}

/**
 * Entries VS Code's Accounts menu holds for MCP Versions: a `getSession` that is neither silent nor
 * createIfNone leaves one ("Sign in with … to use MCP Versions", "Grant access to … for MCP Versions").
 */
async function accountsMenuRequests(): Promise<string[]> {
  return (await vscode.commands.getCommands(true)).filter((c) => /^github:?mcp-versions\.mcp-versions/i.test(c));
}

async function useRegistries(registries: { name: string; url: string; auth: string }[]): Promise<void> {
  await vscode.workspace.getConfiguration('mcpVersions').update('registries', registries, vscode.ConfigurationTarget.Global);
  const { registryTree } = await api();
  const urls = registries.map((r) => r.url).join(' ');
  await waitFor('the tree to use the registries', () => (registryTree.provider.registries.map((r) => r.config.url).join(' ') === urls ? true : undefined));
}

async function permissionsOf(url: string): Promise<string[] | undefined> {
  const { registryTree } = await api();
  const registry = registryTree.provider.registries.find((r) => r.config.url === url);
  return registry && registryTree.provider.permissionsFor(registry)?.filter((p) => p.action === 'publish').map((p) => p.resource);
}

/** Publishes a server straight to the registry (as someone else did earlier), so it is there to be pinned. */
async function publishDirectly(reg: LocalRegistry, name: string, version: string): Promise<void> {
  const token = reg.mintToken([{ action: 'publish', resource: `${name.split('/')[0]}/*` }]);
  const body = {
    $schema: SCHEMA,
    name,
    description: 'Published before the test signs in',
    version,
    repository: { url: 'https://github.com/octo-session/weather', source: 'github' },
    packages: [{ registryType: 'oci', identifier: `ghcr.io/octo-session/weather:${version}`, transport: { type: 'stdio' } }],
  };
  const response = await fetch(`${reg.url}/v0.1/publish`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  assert.equal(response.status, 200, await response.text());
}

describe('GitHub sign-in with VS Code’s own GitHub account', function () {
  this.timeout(180_000);
  let sim: SimulatedGithub;
  let github: Awaited<ReturnType<typeof loopbackServer>>;
  let reg: LocalRegistry;
  let other: LocalRegistry;
  let prompts: ScriptedPrompts;
  const githubCalls: string[] = [];
  let pastedTokenRevoked = false;

  before(async function () {
    requireVsCode(this, '1.139', 'the harness cannot put its simulated GitHub sign-in in place of the built-in one on VS Code 1.93 (the simulator is not found there; cause not yet investigated)');
    const extension = vscode.extensions.getExtension<SimulatedGithub>('mcp-versions-tests.github-auth-simulator');
    assert.ok(extension, 'the simulated GitHub sign-in is installed (scripts/test.mjs)');
    assert.equal(vscode.extensions.getExtension('vscode.github-authentication'), undefined, 'the built-in GitHub sign-in is left out');
    sim = await extension.activate();
    // GitHub's API, as the registry's /auth/github-at calls it: the session's token is good, the pasted one until revoked.
    github = await loopbackServer((req, res) => {
      const which = req.headers.authorization === `Bearer ${SESSION_TOKEN}` ? 'session-token' : req.headers.authorization === `Bearer ${PASTED_TOKEN}` ? 'pasted-token' : 'other';
      const good = which === 'session-token' || (which === 'pasted-token' && !pastedTokenRevoked);
      githubCalls.push(`${req.url} ${which}`);
      res.setHeader('content-type', 'application/json');
      if (!good) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ message: 'Bad credentials' }));
      }
      if (req.url === '/user') return res.end(JSON.stringify({ login: LOGIN }));
      if (req.url?.startsWith('/user/memberships/orgs')) return res.end(JSON.stringify([{ state: 'active', role: 'admin', organization: { login: `${LOGIN}-org` } }]));
      res.statusCode = 404;
      res.end('{}');
    });
    reg = await startRegistry({ seed: 'none', githubApiUrl: github.url });
    other = await startRegistry({ seed: 'none' });
    await publishDirectly(reg, `io.github.${LOGIN}/weather`, '1.0.0');
  });

  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    await usePrompts(prompts);
  });

  after(async () => {
    sim?.signOut();
    await resetPrompts();
    await reg?.close();
    await other?.close();
    await github?.close();
  });

  it('asks nothing in the background while VS Code has not shared its GitHub account with MCP Versions; publishing asks', async () => {
    sim.signIn({ login: LOGIN, accessToken: SESSION_TOKEN });
    sim.clearRequests();
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }, { name: 'Other Registry', url: other.url, auth: 'none' }]);
    await (await api()).auth.probeIdentities();
    // The user has not chosen this registry's origin yet (Sign In, or the question before a write): the
    // background sign-in does not even look for a GitHub session for it.
    assert.deepEqual(ourRequests(sim), [], 'VS Code was asked for nothing');
    assert.equal(await permissionsOf(reg.url), undefined, 'not allowed yet: no identity');
    assert.deepEqual(await accountsMenuRequests(), [], 'not even a request in the Accounts menu');
    assert.deepEqual(prompts.calls, [], 'no question, no notification');
    assert.ok(!githubCalls.length, 'no token was exchanged');

    // Publishing, the user acts: then VS Code is asked to sign in with its consent dialog (which VS Code
    // refuses to show while extension tests run, naming what it would have asked).
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }]);
    await assert.rejects((await api()).publish.run(writeFixture(`io.github.${LOGIN}/asked`, '1.0.0').uri), /The extension 'MCP Versions' wants to sign in using GitHub \(simulated\)/);
    assert.ok((prompts.calls as { modal?: boolean; message: string }[]).some((c) => c.modal && c.message === `Send your credentials to ${new URL(reg.url).host}?`), 'the publish asked first whether this host may receive the GitHub token');
    assert.ok(!githubCalls.length, 'nothing was exchanged');
  });

  it('"Sign In…" → "Use my GitHub account in VS Code" asks VS Code for read:org, and signs in once the user shared the account', async () => {
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }, { name: 'Other Registry', url: other.url, auth: 'none' }]);
    sim.signOut();
    sim.setNextAccount({ login: LOGIN, accessToken: SESSION_TOKEN });
    sim.clearRequests();
    prompts.onPick = (labels) => labels.findIndex((l) => l.includes('Use my GitHub account in VS Code'));
    // First VS Code must ask the user (its consent dialog). It refuses to show dialogs while extension tests
    // run, and says what it would have asked: the sign-in fails with that text.
    const refused = vscode.commands.executeCommand('mcpVersions.signIn', reg.url);
    const failure = await waitFor('the failed sign-in', async () => (await logText()).split('\n').find((l) => l.includes('mcpVersions.signIn: DialogService: refused')), 60_000);
    assert.match(failure, /The extension 'MCP Versions' wants to sign in using GitHub \(simulated\)/);
    // The error notification is dismissed; the command then ends.
    await vscode.commands.executeCommand('notifications.clearAll');
    await refused;
    assert.ok(ourRequests(sim).some((r) => r.kind === 'getSessions' && r.scopes.includes('read:user')), 'VS Code looked for a read:org session');
    assert.equal(await permissionsOf(reg.url), undefined);

    // The user signs in from VS Code's Accounts menu, where VS Code lists MCP Versions' request (in place of
    // the dialog): VS Code creates the session with the scopes asked for, and shares it with MCP Versions.
    assert.equal(await vscode.authentication.getSession('github', ['read:org', 'read:user']), undefined);
    const accountsMenuEntry = await waitFor('the Accounts menu entry', async () => (await accountsMenuRequests()).find((c) => c.includes(':signIn')));
    await vscode.commands.executeCommand(accountsMenuEntry);
    const created = ourRequests(sim).filter((r) => r.kind === 'createSession');
    assert.equal(created.length, 1, 'VS Code signed one account in');
    assert.deepEqual([...created[0].scopes].sort(), ['read:org', 'read:user']);

    sim.clearRequests();
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', reg.url);
    assert.deepEqual(result.namespaces, NAMESPACES);
    assert.equal(result.subject, LOGIN);
    assert.deepEqual(ourRequests(sim).filter((r) => r.kind === 'createSession'), [], 'the shared session was used');
    assert.ok(githubCalls.includes('/user session-token'), 'the registry read the user with the session’s token');
    assert.ok(githubCalls.some((c) => c.startsWith('/user/memberships/orgs') && c.endsWith('session-token')), 'and the organisations (read:org)');
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message.startsWith(`Signed in to Session Registry as ${LOGIN} (GitHub).`)));
  });

  it('a GitHub registry shows the identity and pins its server without any sign-in command, asking VS Code only silently', async () => {
    const { registryTree } = await api();
    githubCalls.length = 0;
    sim.clearRequests();
    // The registry is added again (as after a restart): nothing is known about it until the background sign-in.
    await useRegistries([{ name: 'Other Registry', url: other.url, auth: 'none' }]);
    assert.equal(await permissionsOf(reg.url), undefined);
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }, { name: 'Other Registry', url: other.url, auth: 'none' }]);
    await waitFor('the background sign-in', async () => (await permissionsOf(reg.url))?.length, 60_000);
    assert.deepEqual(await permissionsOf(reg.url), NAMESPACES);
    assert.deepEqual(ourRequests(sim).map((r) => r.kind), ourRequests(sim).map(() => 'getSessions'), 'VS Code was only asked for existing sessions');
    assert.ok(githubCalls.includes('/user session-token'), 'exchanged at /auth/github-at with the session’s token');
    assert.deepEqual(prompts.calls, [], 'no question, no notification');

    const registryNode = registryTree.provider.registries.find((r) => r.config.url === reg.url)!;
    const servers = (await registryTree.provider.getChildren(registryNode)).filter((n): n is ServerNode => n.kind === 'server');
    assert.equal(servers[0]?.name, `io.github.${LOGIN}/weather`);
    assert.equal(servers[0]?.pinned, true, 'my server is pinned first');
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const rows = await waitFor('the tree to show the identity', async () => {
      const texts = await queryDom('.monaco-list-row');
      return texts.some((t) => t.includes(`publishes to ${NAMESPACES.join(', ')}`)) ? texts : undefined;
    }, 30_000);
    assert.ok(rows.some((t) => t.includes(`io.github.${LOGIN}/weather`) && t.includes('yours')), rows.join('\n'));
    await screenshot('github-session-identity');
  });

  it('publishes to io.github.<login>/… with a registry token exchanged from the session at /auth/github-at', async () => {
    // Signed out of the registry: the background sign-in stays away until the user acts again.
    await vscode.commands.executeCommand('mcpVersions.signOut', reg.url);
    await (await api()).auth.probeIdentities();
    assert.equal(await permissionsOf(reg.url), undefined, 'signed out stays signed out');
    // One registry, so publishing does not ask which one (the background sign-in runs again, and stays away).
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }]);
    await (await api()).auth.probeIdentities();
    assert.equal(await permissionsOf(reg.url), undefined, 'signed out stays signed out');
    githubCalls.length = 0;
    sim.clearRequests();
    const outcome = await (await api()).publish.run(writeFixture(`io.github.${LOGIN}/tools`, '1.0.0').uri);
    assert.equal(outcome.kind, 'published');
    assert.ok(githubCalls.includes('/user session-token'), 'the publish signed in with the session’s token');
    assert.deepEqual(ourRequests(sim).filter((r) => r.kind === 'createSession'), [], 'the account was already shared: no new sign-in');
    assert.deepEqual(await permissionsOf(reg.url), NAMESPACES);
    const response = await fetch(`${reg.url}/v0.1/servers/${encodeURIComponent(`io.github.${LOGIN}/tools`)}/versions/1.0.0`, { signal: AbortSignal.timeout(10_000) });
    assert.equal(response.status, 200);
  });

  it('signing the account out of VS Code forgets the identity in the tree', async () => {
    await useRegistries([{ name: 'Session Registry', url: reg.url, auth: 'github' }, { name: 'Other Registry', url: other.url, auth: 'none' }]);
    assert.deepEqual(await permissionsOf(reg.url), NAMESPACES);
    await waitFor('the tree to show the identity', async () => (await queryDom('.monaco-list-row')).some((t) => t.includes(`publishes to ${NAMESPACES.join(', ')}`)), 30_000);
    sim.signOut();
    await waitFor('the identity to be forgotten', async () => ((await permissionsOf(reg.url)) === undefined ? true : undefined), 60_000);
    const rows = await waitFor('the tree to drop the identity', async () => {
      const texts = await queryDom('.monaco-list-row');
      return texts.some((t) => t.includes('Session Registry')) && !texts.some((t) => t.includes(`publishes to io.github.${LOGIN}`)) ? texts : undefined;
    }, 30_000);
    assert.ok(!rows.some((t) => t.includes('yours')), 'nothing is pinned as mine any more');
    assert.deepEqual(prompts.calls, [], 'no question, no notification');
  });

  it('a stored GitHub token GitHub no longer accepts: the background sign-in logs it, shows nothing and keeps the token out of the log', async () => {
    await useRegistries([{ name: 'Pasted Registry', url: reg.url, auth: 'github' }]);
    prompts.onPick = (labels) => labels.findIndex((l) => l.includes('Paste a GitHub token'));
    prompts.onInput = (options) => (options.password ? PASTED_TOKEN : undefined);
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', reg.url);
    assert.deepEqual(result.namespaces, NAMESPACES);
    // The token is revoked on GitHub; the registry is added again (as after a restart).
    pastedTokenRevoked = true;
    await useRegistries([{ name: 'Other Registry', url: other.url, auth: 'none' }]);
    prompts.calls.length = 0;
    await useRegistries([{ name: 'Pasted Registry', url: reg.url, auth: 'github' }]);
    await (await api()).auth.probeIdentities();
    assert.equal(await permissionsOf(reg.url), undefined);
    assert.deepEqual(prompts.calls, [], 'no question, no notification');
    const log = await waitFor('the failure in the log', async () => {
      const text = await logText();
      return text.includes('Background sign-in to Pasted Registry failed') ? text : undefined;
    }, 30_000);
    assert.match(log, /Background sign-in to Pasted Registry failed: Sign-in to “Pasted Registry” failed: the registry could not verify your GitHub token/);
    assert.ok(!log.includes(PASTED_TOKEN) && !log.includes(SESSION_TOKEN), 'no GitHub token in the log');
    await vscode.commands.executeCommand('mcpVersions.signOut', reg.url);
  });
});
