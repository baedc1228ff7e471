// The sign-in commands a registry node's context menu offers, per sign-in method and state: the menus of
// the extension's own package.json evaluated against the contextValues the running tree gives its nodes.
// (GitHub's API is simulated by a loopback server, as in signIn.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SignInResult } from '../../../../src/auth';
import type { RegistryNode } from '../../../../src/tree/nodes';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { waitFor } from '../../harness';
import { api, loopbackServer, resetPrompts, ScriptedPrompts, startRegistry, usePrompts } from './helpers';

const GITHUB_TOKEN = 'ghp_menuTestToken0123456789abcdefABCDEFxy';
const SIGN_IN_COMMANDS = ['mcpVersions.signIn', 'mcpVersions.signOut', 'mcpVersions.generateKeyPair'];

interface MenuEntry {
  command: string;
  when?: string;
}

/** The sign-in commands whose `when` clause matches a Registry view item with this contextValue. */
function signInMenuFor(contextValue: string): string[] {
  const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions')!;
  const entries = (extension.packageJSON.contributes.menus['view/item/context'] as MenuEntry[]).filter((e) => SIGN_IN_COMMANDS.includes(e.command));
  return entries
    .filter((entry) => {
      const when = entry.when ?? '';
      assert.match(when, /^view == mcpVersions\.registry && viewItem =~ \/.+\/$/, `a when clause this test can read: ${when}`);
      const pattern = /viewItem =~ \/(.+)\/$/.exec(when)![1];
      return new RegExp(pattern).test(contextValue);
    })
    .map((entry) => entry.command);
}

describe('publish sign-in menus', function () {
  this.timeout(120_000);
  const registries: LocalRegistry[] = [];
  let github: Awaited<ReturnType<typeof loopbackServer>>;

  before(async () => {
    github = await loopbackServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.headers.authorization !== `Bearer ${GITHUB_TOKEN}`) {
        res.statusCode = 401;
        return res.end(JSON.stringify({ message: 'Bad credentials' }));
      }
      if (req.url === '/user') return res.end(JSON.stringify({ login: 'menu-tester' }));
      if (req.url?.startsWith('/user/memberships/orgs')) return res.end('[]');
      res.statusCode = 404;
      res.end('{}');
    });
    for (let i = 0; i < 3; i++) registries.push(await startRegistry({ seed: 'none', githubApiUrl: github.url }));
  });

  after(async () => {
    await resetPrompts();
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', undefined, vscode.ConfigurationTarget.Global);
    await Promise.all(registries.map((r) => r.close()));
    await github?.close();
  });

  async function registryNodes(): Promise<Map<string, RegistryNode>> {
    const { registryTree } = await api();
    const nodes = (await registryTree.provider.getChildren()) as RegistryNode[];
    return new Map(nodes.map((n) => [n.config.name, n]));
  }

  async function menuOf(name: string): Promise<string[]> {
    const { registryTree } = await api();
    const node = (await registryNodes()).get(name)!;
    return signInMenuFor(registryTree.provider.getTreeItem(node).contextValue ?? '');
  }

  it('offers Sign In per method, Generate Key Pair only for key proof, and Sign Out once signed in', async () => {
    const [anonymous, githubRegistry, keyProof] = registries;
    await vscode.workspace.getConfiguration('mcpVersions').update('registries', [
      { name: 'Anonymous', url: anonymous.url, auth: 'none' },
      { name: 'GitHub', url: githubRegistry.url, auth: 'github' },
      { name: 'Domain', url: keyProof.url, auth: 'http' },
    ], vscode.ConfigurationTarget.Global);
    await waitFor('three registry nodes', async () => ((await registryNodes()).size === 3 ? true : undefined));

    assert.deepEqual(await menuOf('Anonymous'), [], 'an anonymous registry needs no sign-in');
    assert.deepEqual(await menuOf('GitHub'), ['mcpVersions.signIn']);
    assert.deepEqual(await menuOf('Domain'), ['mcpVersions.signIn', 'mcpVersions.generateKeyPair']);

    const prompts = new ScriptedPrompts();
    prompts.onPick = (labels) => labels.findIndex((l) => l.includes('Paste a GitHub token'));
    prompts.onInput = (options) => (options.password ? GITHUB_TOKEN : undefined);
    await usePrompts(prompts);
    const result = await vscode.commands.executeCommand<SignInResult>('mcpVersions.signIn', githubRegistry.url);
    assert.deepEqual(result.namespaces, ['io.github.menu-tester/*']);
    assert.deepEqual(await menuOf('GitHub'), ['mcpVersions.signIn', 'mcpVersions.signOut'], 'signed in: Sign Out appears, Sign In stays to switch identity');

    await vscode.commands.executeCommand('mcpVersions.signOut', githubRegistry.url);
    assert.deepEqual(await menuOf('GitHub'), ['mcpVersions.signIn']);
  });
});
