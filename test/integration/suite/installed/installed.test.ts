// The Installed view: MCP servers configured in the workspace (VS Code, Cursor, Claude Code) and the test
// user profile, matched to a local registry where they are pinned to an old, a deprecated and a deleted
// version; Update edits the config (Undo restores it); a config with a syntax error gets a clear row.
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import type { InstalledNode } from '../../../../src/installedView/provider';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScreenshot, evaluate, queryDom, waitFor } from '../../harness';
import { anonymousToken, api, resetRegistries, setStatus, startRegistry, useRegistries } from '../tree/helpers';

const NS = 'io.modelcontextprotocol.anonymous';
const NPM = `${NS}/inst-npm-server`;
const PYPI = `${NS}/inst-pypi-server`;
const OCI = `${NS}/inst-oci`;
const REMOTE = `${NS}/acme-remote`;
const SIDEBAR_ROWS = '#workbench\\.parts\\.sidebar .monaco-list-row';

async function publishServer(reg: LocalRegistry, name: string, version: string, extra: Record<string, unknown>): Promise<void> {
  const { registry_token: token } = await (await fetch(`${reg.url}/v0.1/auth/none`, { method: 'POST' })).json() as { registry_token: string };
  const body = { $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json', name, description: 'An installed-view test server', version, ...extra };
  const response = await fetch(`${reg.url}/v0.1/publish`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`publish ${name}@${version}: ${response.status} ${await response.text()}`);
}

const npmPackage = (version: string) => ({ packages: [{ registryType: 'npm', identifier: '@inst-test/npm-server', version, transport: { type: 'stdio' } }] });
const pypiPackage = (version: string) => ({ packages: [{ registryType: 'pypi', identifier: 'inst-pypi-server', version, transport: { type: 'stdio' } }] });
const ociPackage = (version: string) => ({ packages: [{ registryType: 'oci', identifier: `ghcr.io/inst-test/inst-oci:${version}`, transport: { type: 'stdio' } }] });
const remote = { remotes: [{ type: 'streamable-http', url: 'https://acme-remote.example.com/mcp' }] };

const VSCODE_MCP = `{
  // Servers of this workspace
  "servers": {
    "npm-old": { "command": "npx", "args": ["-y", "@inst-test/npm-server@1.0.0"] },
    "npm-unpinned": { "command": "npx", "args": ["-y", "@inst-test/npm-server"] },
    "acme": { "type": "http", "url": "https://acme-remote.example.com/mcp/" },
    "local-dev": { "command": "node", "args": ["dist/index.js"] },
  },
}
`;
const CURSOR_MCP = `{
  "mcpServers": {
    "oci-deleted": { "command": "docker", "args": ["run", "-i", "--rm", "ghcr.io/inst-test/inst-oci:2.0.0"] }
  }
}
`;
const CLAUDE_CODE_MCP = `{
  "mcpServers": {
    "pypi-deprecated": { "command": "uvx", "args": ["inst-pypi-server==0.5.0"] }
  }
}
`;

describe('installed view', function () {
  this.timeout(180_000);
  let reg: LocalRegistry;
  let folder: string;
  let userMcpJson: string;
  const written: string[] = [];

  function write(file: string, text: string): void {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    written.push(file);
  }

  async function rows(): Promise<Map<string, vscode.TreeItem>> {
    const { installed } = await api();
    const nodes = await installed.provider.getChildren();
    return new Map(nodes.map((node) => {
      const item = installed.provider.getTreeItem(node);
      return [typeof item.label === 'string' ? item.label : item.label!.label, item] as const;
    }));
  }

  async function entryNode(key: string): Promise<InstalledNode> {
    const { installed } = await api();
    const node = (await installed.provider.getChildren()).find((candidate) => candidate.kind === 'entry' && candidate.row.entry.key === key);
    assert.ok(node, `${key} is a row`);
    return node;
  }

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) await publishServer(reg, NPM, version, npmPackage(version));
    for (const version of ['0.5.0', '0.6.0']) await publishServer(reg, PYPI, version, pypiPackage(version));
    for (const version of ['2.0.0', '2.1.0']) await publishServer(reg, OCI, version, ociPackage(version));
    await publishServer(reg, REMOTE, '3.0.0', remote);
    await setStatus(reg, PYPI, '0.5.0', 'deprecated', 'Use 0.6.0: it fixes the token refresh');
    await setStatus(reg, OCI, '2.0.0', 'deleted', 'Withdrawn: the image leaked a key');
    await useRegistries([{ name: 'Local', url: reg.url, auth: 'none' }]);

    folder = vscode.workspace.workspaceFolders![0].uri.fsPath;
    write(join(folder, '.vscode', 'mcp.json'), VSCODE_MCP);
    write(join(folder, '.cursor', 'mcp.json'), CURSOR_MCP);
    write(join(folder, '.mcp.json'), CLAUDE_CODE_MCP);
    // The test profile's user mcp.json, where VS Code keeps gallery installs.
    const { installed } = await api();
    userMcpJson = installed.locations().find((location) => location.kind === 'vscode' && location.scope === 'user')!.path;
    write(userMcpJson, JSON.stringify({ servers: { [NPM]: { type: 'stdio', command: 'npx', args: ['@inst-test/npm-server@1.1.0'], gallery: reg.url, version: '1.1.0' } }, inputs: [] }, null, '\t'));
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await vscode.commands.executeCommand('mcpVersions.installed.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of written) rmSync(file, { force: true });
    rmSync(join(folder, '.cursor'), { recursive: true, force: true });
    // The .vscode folder only when this suite made it (nothing else left in it).
    const dotVscode = join(folder, '.vscode');
    if (existsSync(dotVscode) && readdirSync(dotVscode).length === 0) rmSync(dotVscode, { recursive: true, force: true });
    await resetRegistries();
    await reg?.close();
  });

  it('lists every configured server with its state against the registry, then the installed version', async () => {
    const { installed } = await api();
    await installed.refresh({ registries: true });
    const shown = await rows();
    const descriptions = Object.fromEntries([...shown].map(([label, item]) => [label, item.description]));
    assert.deepEqual(descriptions, {
      [NPM]: 'update 1.2.0 · 1.1.0',
      'npm-old': 'update 1.2.0 · 1.0.0',
      'npm-unpinned': 'unpinned → 1.2.0',
      acme: 'up to date · 3.0.0',
      'local-dev': 'local command',
      'oci-deleted': 'deleted · 2.0.0',
      'pypi-deprecated': 'deprecated · 0.5.0',
    });
    assert.equal((shown.get('oci-deleted')!.iconPath as vscode.ThemeIcon).id, 'warning');
    assert.equal(((shown.get('oci-deleted')!.iconPath as vscode.ThemeIcon).color as unknown as { id: string }).id, 'list.warningForeground');
    const tooltip = (shown.get('pypi-deprecated')!.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Claude Code · \\\.mcp\\\.json/);
    assert.match(tooltip, /Use 0\\\.6\\\.0: it fixes the token refresh/);
    assert.match(shown.get('oci-deleted')!.contextValue!, /:update\b.*:compare\b.*:registry\b/);
    assert.match(shown.get('npm-unpinned')!.contextValue!, /:pin\b/);

    const details = await installed.provider.getChildren(await entryNode('oci-deleted'));
    const lines = details.map((node) => { const item = installed.provider.getTreeItem(node); return `${item.label as string}: ${item.description as string}`; });
    assert.ok(lines.includes('Publisher says: Withdrawn: the image leaked a key'), lines.join('\n'));
    assert.ok(lines.includes('Update available: 2.1.0'), lines.join('\n'));
    assert.ok(lines.includes('Matched by: package identifier'), lines.join('\n'));

    // The badge counts the deleted and the deprecated install; the deleted version was notified once.
    assert.equal(installed.view.badge?.value, 2);
    assert.ok(installed.notified().includes(`${reg.url}|${OCI}|2.0.0`), installed.notified().join(', '));

    await waitFor('the rows on screen', async () => {
      const texts = await queryDom(SIDEBAR_ROWS);
      return texts.some((text) => text.includes('oci-deleted') && text.includes('deleted · 2.0.0'))
        && texts.some((text) => text.includes('pypi-deprecated') && text.includes('deprecated · 0.5.0')) ? true : undefined;
    }, 30_000);
    // The toast may have hidden itself by now: the notification center keeps it.
    await vscode.commands.executeCommand('notifications.showList');
    const notes = await waitFor('the deleted-version notification', async () => {
      const texts = await queryDom('.notification-list-item-message');
      return texts.some((text) => text.startsWith('oci-deleted 2.0.0') && text.includes('was deleted from Local by its publisher')) ? texts : undefined;
    });
    assert.equal(notes.filter((text) => text.startsWith('oci-deleted 2.0.0')).length, 1, 'one notification for the deleted version');
    await vscode.commands.executeCommand('notifications.hideList');
    await installed.view.reveal(await entryNode('oci-deleted'), { expand: true, select: true });
    const says = details.find((node) => node.kind === 'detail' && node.label === 'Publisher says')!;
    await installed.view.reveal(says, { select: false, focus: false });
    await waitFor('the details of the deleted install on screen', async () => (await queryDom(SIDEBAR_ROWS)).some((text) => text.includes('Withdrawn: the image leaked a key')) || undefined);
    // The picture shows the Installed view alone: the other views of the container are collapsed meanwhile.
    const toggle = (titles: string[], expanded: boolean) => evaluate(`[...document.querySelectorAll('.pane-header')]
      .filter((header) => ${JSON.stringify(titles)}.includes(header.querySelector('.title')?.textContent) && header.getAttribute('aria-expanded') === '${expanded}')
      .map((header) => (header.click(), header.querySelector('.title').textContent))`);
    const collapsed = (await toggle(['Registry', 'This Workspace', 'Environments'], true))[0]?.value as string[] | undefined;
    try {
      await installed.view.reveal(says, { select: false, focus: false });
      await docsScreenshot('installed');
    } finally {
      if (collapsed?.length) await toggle(collapsed, false);
    }
  });

  it('asks the registry once per distinct server, in one refresh', async () => {
    const { installed } = await api();
    const before = installed.lookup.requests;
    await installed.refresh({ registries: true });
    // Searches: npm-server, inst-pypi-server, inst-oci, acme-remote; versions of the four servers.
    assert.equal(installed.lookup.requests - before, 8);
    const again = installed.lookup.requests;
    await installed.refresh();
    assert.equal(installed.lookup.requests, again, 'a refresh after a file change reuses what the registry said');
  });

  it('shows a deprecation the extension made through the registry data store at once, with one write and no read', async () => {
    const { installed, store } = await api();
    await installed.refresh({ registries: true });
    const lookups = installed.lookup.requests;
    const token = await anonymousToken(reg);
    const before = reg.requestCount();
    await store.setStatus(reg.url, NPM, '1.0.0', { status: 'deprecated', statusMessage: 'Use 1.2.0' }, (send) => send(token));
    await waitFor('the deprecation in the Installed view', async () => ((await rows()).get('npm-old')?.description === 'deprecated · 1.0.0') || undefined);
    assert.equal(reg.requestCount() - before, 1, 'the registry saw the write and nothing else');
    assert.equal(installed.lookup.requests, lookups);
    await setStatus(reg, NPM, '1.0.0', 'active');
    await installed.refresh({ registries: true });
  });

  it('Update edits the pinned version in place (comments and layout kept), and Undo restores it', async () => {
    const file = join(folder, '.vscode', 'mcp.json');
    await vscode.commands.executeCommand('mcpVersions.installed.update', await entryNode('npm-old'));
    assert.equal(readFileSync(file, 'utf8'), VSCODE_MCP.replace('@inst-test/npm-server@1.0.0', '@inst-test/npm-server@1.2.0'));
    const editor = await waitFor('the config open in an editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === file ? vscode.window.activeTextEditor : undefined);
    await waitFor('the row to follow the edit', async () => (await rows()).get('npm-old')?.description === 'up to date · 1.2.0' || undefined);

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo', () => editor.document.getText() === VSCODE_MCP || undefined);
    await waitFor('the row to follow the undo', async () => (await rows()).get('npm-old')?.description === 'update 1.2.0 · 1.0.0' || undefined);
    assert.equal(await editor.document.save(), true, 'the undone config is saved');
    await waitFor('the undone config on disk', () => readFileSync(file, 'utf8') === VSCODE_MCP || undefined);
  });

  it('Update of a VS Code gallery install changes its version field and its package pin', async () => {
    await vscode.commands.executeCommand('mcpVersions.installed.update', await entryNode(NPM));
    const config = JSON.parse(readFileSync(userMcpJson, 'utf8')) as { servers: Record<string, { version: string; args: string[] }> };
    assert.equal(config.servers[NPM].version, '1.2.0');
    assert.deepEqual(config.servers[NPM].args, ['@inst-test/npm-server@1.2.0']);
    assert.match(readFileSync(userMcpJson, 'utf8'), /\n\t\t"/, 'the tab indentation is kept');
  });

  it('Pin writes the version an unpinned entry resolves to', async () => {
    await vscode.commands.executeCommand('mcpVersions.installed.pin', await entryNode('npm-unpinned'));
    assert.match(readFileSync(join(folder, '.vscode', 'mcp.json'), 'utf8'), /"npm-unpinned": \{ "command": "npx", "args": \["-y", "@inst-test\/npm-server@1\.2\.0"\] \}/);
  });

  it('Compare Installed with Latest opens the diff of the installed and the latest version', async () => {
    const { diff } = await api();
    await vscode.commands.executeCommand('mcpVersions.installed.compareWithLatest', await entryNode('pypi-deprecated'));
    const panel = await waitFor('the diff panel', () => diff.panels().find((candidate) => JSON.stringify(candidate.refs).includes(PYPI)));
    const state = JSON.stringify(panel.refs);
    assert.match(state, /"version":"0\.5\.0"/);
    assert.match(state, /"version":"0\.6\.0"/);
  });

  it('Open Config shows the entry in its file; Open in Registry selects the server in the Registry view', async () => {
    await vscode.commands.executeCommand('mcpVersions.installed.openConfig', await entryNode('oci-deleted'));
    const editor = await waitFor('the Cursor config in an editor', () => vscode.window.activeTextEditor?.document.uri.fsPath === join(folder, '.cursor', 'mcp.json') ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.selection.active.line, 2, 'the cursor is on the entry');

    const { registryTree } = await api();
    await vscode.commands.executeCommand('mcpVersions.installed.openInRegistry', await entryNode('acme'));
    await waitFor('the server selected in the Registry view', () => registryTree.view.selection.some((node) => (node as { kind?: string; name?: string }).kind === 'server' && (node as { name: string }).name === REMOTE) || undefined);
    const registry = registryTree.provider.registries[0];
    assert.equal(registry.state.search, REMOTE);
    registryTree.provider.setFilter(registry, undefined);
  });

  it('a config with a syntax error gets a clear row, and the other configs still show', async () => {
    const { installed } = await api();
    writeFileSync(join(folder, '.mcp.json'), '{\n  "mcpServers": {\n    "pypi-deprecated": { "command": "uvx" "args": [] }\n  }\n}\n');
    const shown = await waitFor('the problem row', async () => {
      const current = await rows();
      return [...current.values()].some((item) => String(item.description).includes('cannot be read')) ? current : undefined;
    });
    const problem = [...shown.values()].find((item) => String(item.description).includes('cannot be read'))!;
    assert.equal(problem.label, 'Claude Code · .mcp.json');
    assert.equal(problem.description, '.mcp.json cannot be read: comma expected on line 3');
    assert.ok(!shown.has('pypi-deprecated'));
    assert.ok(shown.has('oci-deleted'));
    assert.equal(installed.view.badge?.value, 1);
  });

  it('counts a newly deleted version in the badge, and notifies it only while mcpVersions.installed.notifyDeleted is on', async () => {
    const { installed } = await api();
    const key = `${reg.url}|${NPM}|1.0.0`;
    const settings = vscode.workspace.getConfiguration('mcpVersions');
    await settings.update('installed.notifyDeleted', false, vscode.ConfigurationTarget.Global);
    try {
      await setStatus(reg, NPM, '1.0.0', 'deleted', 'Broken build');
      await installed.refresh({ registries: true });
      assert.equal((await rows()).get('npm-old')?.description, 'deleted · 1.0.0');
      assert.equal(installed.view.badge?.value, 2);
      assert.ok(!installed.notified().includes(key), 'no notification while the setting is off');
    } finally {
      await settings.update('installed.notifyDeleted', undefined, vscode.ConfigurationTarget.Global);
    }
    await installed.refresh();
    await waitFor('the notification once the setting is on again', () => installed.notified().includes(key) || undefined);
  });
});
