// Sign-in per registry, then publish: GitHub (the GitHub API simulated by a loopback server the local
// registry calls through `githubApiUrl`; VS Code's own GitHub session cannot exist in this harness, so
// the GitHub token goes through the "Paste a GitHub token…" path), and HTTP key proof (a real loopback
// `.well-known/mcp-registry-auth` server). Finally: no token reaches the log, the settings or the state.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { GeneratedKey, SignInResult } from '../../../../src/auth';
import type { PublishError } from '../../../../src/publish';
import type { ServerNode, VersionNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { api, loopbackServer, registryJson, resetPrompts, ScriptedPrompts, startRegistry, usePrompts, useRegistry, writeFixture } from './helpers';

const GITHUB_TOKEN = 'ghp_publishTestToken0123456789abcdefABCDEF';
const JWT = /eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;
const PRIVATE_KEY_HEX = /\b[0-9a-f]{64}\b|\b[0-9a-f]{96}\b/i;

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

describe('publish sign-in', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;
  let github: Awaited<ReturnType<typeof loopbackServer>>;
  let wellKnown: Awaited<ReturnType<typeof loopbackServer>>;
  let record = '';
  let dnsRecord = '';
  let prompts: ScriptedPrompts;
  const githubCalls: string[] = [];

  before(async () => {
    github = await loopbackServer((req, res) => {
      githubCalls.push(`${req.url} ${req.headers.authorization === `Bearer ${GITHUB_TOKEN}` ? 'token' : 'no-token'}`);
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ message: 'Bad credentials' }));
      }
      if (req.url === '/user') return res.end(JSON.stringify({ login: 'octo-publisher' }));
      if (req.url?.startsWith('/user/memberships/orgs')) {
        return res.end(JSON.stringify([
          { state: 'active', role: 'admin', organization: { login: 'octo-org' } },
          { state: 'active', role: 'member', organization: { login: 'other-org' } },
        ]));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    wellKnown = await loopbackServer((req, res) => {
      res.setHeader('content-type', 'text/plain');
      if (req.url === '/.well-known/mcp-registry-auth' && record) return res.end(record);
      res.statusCode = 404;
      res.end('not found');
    });
    reg = await startRegistry({
      seed: 'none',
      githubApiUrl: github.url,
      wellKnownUrl: () => `${wellKnown.url}/.well-known/mcp-registry-auth`,
      // DNS is simulated by the registry's TXT lookup hook (no resolver here).
      dnsTxt: (domain) => Promise.resolve(domain === 'example.com' && dnsRecord ? [dnsRecord] : []),
    });
  });

  beforeEach(async () => {
    prompts = new ScriptedPrompts();
    await usePrompts(prompts);
  });

  after(async () => {
    await resetPrompts();
    await reg?.close();
    await github?.close();
    await wellKnown?.close();
  });

  it('signs in with a pasted GitHub token and shows the namespaces it may publish to', async () => {
    await useRegistry({ name: 'GitHub Registry', url: reg.url, auth: 'github' });
    prompts.onPick = (labels) => labels.findIndex((l) => l.includes('Paste a GitHub token'));
    prompts.onInput = (options) => (options.password ? GITHUB_TOKEN : undefined);
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', reg.url);
    assert.deepEqual(result.namespaces, ['io.github.octo-publisher/*', 'io.github.octo-org/*'], 'personal namespace and the organisation owned (admin role) only');
    assert.equal(result.subject, 'octo-publisher');
    assert.ok(githubCalls.some((c) => c.startsWith('/user/memberships/orgs') && c.endsWith('token')), 'the registry read the org memberships with the pasted token');
    const { registryTree } = await api();
    const permissions = registryTree.provider.permissionsFor(registryTree.provider.registries[0]);
    assert.deepEqual(permissions?.map((p) => p.resource), ['io.github.octo-publisher/*', 'io.github.octo-org/*']);
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && /Signed in to GitHub Registry as octo-publisher \(GitHub\)\. You may publish to io\.github\.octo-publisher\/\*, io\.github\.octo-org\/\*\./.test(c.message)));
  });

  it('publishes to an organisation it owns, and names its namespaces when it does not own one', async () => {
    const { publish } = await api();
    const outcome = await publish.run(writeFixture('io.github.octo-org/weather', '1.0.0').uri);
    assert.equal(outcome.kind, 'published');
    let error: PublishError | undefined;
    try {
      await publish.run(writeFixture('io.github.other-org/weather', '1.0.0').uri);
    } catch (e) {
      error = e as PublishError;
    }
    assert.equal(error?.reason, 'forbidden');
    assert.match(error!.message, /may publish only to io\.github\.octo-publisher\/\*, io\.github\.octo-org\/\*, and none of these covers it\./);
    assert.match(error!.message, /Owner of the other-org organisation on GitHub/);
  });

  it('status changes in the tree go through the same sign-in, and move latest as the registry does', async () => {
    const { publish, registryTree } = await api();
    await publish.run(writeFixture('io.github.octo-org/weather', '1.1.0').uri);
    const top = await registryTree.provider.getChildren();
    const server = top.find((n): n is ServerNode => n.kind === 'server' && n.name === 'io.github.octo-org/weather');
    assert.ok(server?.pinned, 'my server is pinned first');
    const versions = (await registryTree.provider.getChildren(server)) as VersionNode[];
    const newest = versions.find((v) => v.row.version === '1.1.0')!;
    assert.equal(newest.row.isLatest, true);
    await vscode.commands.executeCommand('mcpVersions.version.delete', newest, { statusMessage: '', confirm: false });
    const after = registryTree.provider.cachedVersions(server!)!;
    assert.equal(after.find((r) => r.isLatest)?.version, '1.0.0', 'the tree moves latest like the registry');
    const { body } = await registryJson<{ _meta: Record<string, { isLatest: boolean }> }>(`${reg.url}/v0.1/servers/${encodeURIComponent('io.github.octo-org/weather')}/versions/1.0.0`);
    assert.equal(body._meta['io.modelcontextprotocol.registry/official'].isLatest, true);
  });

  it('signs out: the identity is forgotten', async () => {
    await vscode.commands.executeCommand('mcpVersions.signOut', reg.url);
    const { registryTree } = await api();
    assert.equal(registryTree.provider.permissionsFor(registryTree.provider.registries[0]), undefined);
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.message.startsWith('Signed out of GitHub Registry.')));
  });

  it('generates a key pair for a domain, shows the record to publish, signs in with HTTP key proof and publishes', async () => {
    await useRegistry({ name: 'Domain Registry', url: reg.url, auth: 'http' });
    prompts.onInput = (options) => options.value ?? 'example.com';
    prompts.onPick = () => 0;
    const generated = await vscode.commands.executeCommand<GeneratedKey>('mcpVersions.generateKeyPair', reg.url);
    assert.equal(generated.domain, 'example.com');
    assert.equal(generated.algorithm, 'ed25519');
    assert.match(generated.record, /^v=MCPv1; k=ed25519; p=[A-Za-z0-9+/]{43}=$/);
    assert.ok(generated.document.getText().includes(generated.record));
    assert.ok(generated.document.getText().includes('https://example.com/.well-known/mcp-registry-auth'));
    assert.ok(prompts.calls.some((c) => c.kind === 'info' && c.actions?.includes('Copy Record')));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');

    record = generated.record;
    dnsRecord = generated.record;
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', reg.url);
    assert.deepEqual(result.namespaces, ['com.example/*']);
    const outcome = await (await api()).publish.run(writeFixture('com.example/weather', '3.0.0').uri);
    assert.equal(outcome.kind, 'published');
    assert.equal(outcome.isLatest, true);
  });

  it('reports a key the domain does not publish as a failed sign-in, with Sign In and Generate Key Pair', async () => {
    record = 'v=MCPv1; k=ed25519; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
    await useRegistry({ name: 'Domain Registry 2', url: reg.url, auth: 'http' });
    await vscode.commands.executeCommand('mcpVersions.signOut', reg.url);
    let error: PublishError | undefined;
    try {
      await (await api()).publish.run(writeFixture('com.example/weather', '3.1.0').uri);
    } catch (e) {
      error = e as PublishError;
    }
    assert.match(error!.message, /Sign-in to “Domain Registry 2” failed: the registry could not verify your key proof/);
    assert.deepEqual(error!.actions.map((a) => a.title), ['Sign In…', 'Generate Key Pair…']);
  });

  it('signs in with DNS key proof using the stored key, which also grants sub-domain namespaces', async () => {
    await useRegistry({ name: 'DNS Registry', url: reg.url, auth: 'dns' });
    prompts.onInput = (options) => options.value ?? 'example.com';
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', reg.url);
    assert.deepEqual(result.namespaces, ['com.example/*', 'com.example.*']);
    const outcome = await (await api()).publish.run(writeFixture('com.example.tools/weather', '1.0.0').uri);
    assert.equal(outcome.kind, 'published');
  });

  it('keeps no token in the log, the settings or the extension’s state', async () => {
    const { publish } = await api();
    const logs = filesUnder(publish.logUri.fsPath);
    const text = await (async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const all = logs.concat(filesUnder(publish.logUri.fsPath)).map((f) => readFileSync(f, 'utf8')).join('\n');
        if (/Publish: published/.test(all) || Date.now() > deadline) return all;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    assert.match(text, /POST 127\.0\.0\.1:\d+\/v0\.1\/publish 200/, 'the log does record the publish requests');
    const settings = JSON.stringify(vscode.workspace.getConfiguration());
    const state = JSON.stringify(publish.storedState());
    for (const [where, content] of [['log', text], ['settings', settings], ['state', state]] as const) {
      assert.ok(!content.includes(GITHUB_TOKEN), `no GitHub token in the ${where}`);
      assert.doesNotMatch(content, JWT, `no registry JWT in the ${where}`);
      assert.doesNotMatch(content, PRIVATE_KEY_HEX, `no private key in the ${where}`);
    }
    assert.ok(state.includes('example.com'), 'the state does hold the chosen domain (not a secret)');
  });
});
