// Create server.json in the real VS Code: projects without server.json (npm, Python, remote-only) are
// drafted, written with their ownership marker in one edit, undone in one step, and published to the
// local registry; an existing server.json is never overwritten.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CreateOutcome } from '../../../../src/start';
import { validateServerJson } from '../../../../src/serverJson';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { docsScreenshot } from '../../harness';
import { api, registryJson, resetPrompts, ScriptedPrompts, startRegistry, usePrompts, useRegistry } from '../publish/helpers';
import { ScriptedStartPrompts, writeProject } from './helpers';

const ANON = 'io.modelcontextprotocol.anonymous';

function created(outcome: CreateOutcome): Extract<CreateOutcome, { kind: 'created' }> {
  assert.equal(outcome.kind, 'created');
  return outcome as Extract<CreateOutcome, { kind: 'created' }>;
}

describe('create server.json', function () {
  this.timeout(120_000);
  let reg: LocalRegistry;
  let prompts: ScriptedStartPrompts;
  const unique = Date.now().toString(36);

  before(async () => {
    reg = await startRegistry({ seed: 'none' });
    await useRegistry({ name: 'Local', url: reg.url, auth: 'none' });
    await usePrompts(new ScriptedPrompts()); // Publish Version's confirmation: "Publish"
  });

  beforeEach(async () => {
    prompts = new ScriptedStartPrompts();
    (await api()).start.setPrompts(prompts);
  });

  after(async () => {
    (await api()).start.setPrompts(undefined);
    await resetPrompts();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reg?.close();
  });

  async function publishes(uri: vscode.Uri, name: string, version: string): Promise<void> {
    const outcome = await (await api()).publish.run(uri);
    assert.equal(outcome.kind, 'published');
    const { status, body } = await registryJson<{ server: { name: string; version: string } }>(`${reg.url}/v0.1/servers/${encodeURIComponent(name)}/versions/${version}`);
    assert.equal(status, 200);
    assert.equal(body.server.version, version);
  }

  it('drafts an npm project: valid server.json, mcpName added to package.json in the same edit, one undo restores both, then it publishes', async () => {
    const packageJson = `${JSON.stringify({ name: 'weather-mcp', version: '1.2.0', description: 'Weather forecasts for MCP clients', bin: { 'weather-mcp': 'dist/index.js' } }, null, 2)}\n`;
    const project = writeProject({ 'package.json': packageJson, 'README.md': '# Weather\n\nWeather forecasts for MCP clients, from the National Weather Service.\n' }, { remote: 'git@github.com:acme/weather-mcp.git' });
    const name = `${ANON}/weather-npm-${unique}`;
    prompts.inputs = [[/name/, ['weather without a namespace', name]]];
    const { start } = await api();

    const outcome = created(await start.createServerJson(project.uri));
    const nameInput = prompts.last('input')!;
    assert.equal(nameInput.value, 'io.github.acme/weather-mcp', 'the name is prefilled from the git remote');
    assert.match(nameInput.validation![0].message ?? '', /namespace/, 'a name without a namespace is refused as the user types');
    assert.equal(nameInput.validation![1].message, undefined);
    assert.equal(prompts.calls.filter((call) => call.kind === 'pickMany').length, 0, 'one package: nothing to pick');

    const text = project.read('server.json');
    assert.equal(text, outcome.text);
    assert.deepEqual(validateServerJson(text).filter((p) => p.severity === 'error'), []);
    assert.deepEqual(outcome.errors, []);
    const serverJson = JSON.parse(text);
    assert.equal(serverJson.name, name);
    assert.equal(serverJson.version, '1.2.0');
    assert.deepEqual(serverJson.repository, { url: 'https://github.com/acme/weather-mcp', source: 'github' });
    assert.deepEqual(serverJson.packages, [{ registryType: 'npm', identifier: 'weather-mcp', version: '1.2.0', transport: { type: 'stdio' } }]);
    const edited = JSON.parse(project.read('package.json'));
    assert.equal(edited.mcpName, name, 'the ownership marker npm needs was added');
    delete edited.mcpName;
    assert.deepEqual(edited, JSON.parse(packageJson), 'nothing else in package.json changed');
    assert.deepEqual(outcome.markerFiles.map((uri) => uri.fsPath), [project.file('package.json').fsPath]);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, outcome.uri.fsPath, 'server.json is opened');
    const notification = prompts.last('message')!;
    assert.match(notification.title, new RegExp(`Created server.json for ${name.replace(/\./g, '\\.')}`));
    assert.deepEqual(notification.actions, ['Sign In…', 'Publish Version', 'Undo', 'Show Log']);

    assert.equal(await outcome.undo(), true);
    assert.equal(existsSync(join(project.dir, 'server.json')), false, 'undo removes server.json');
    assert.equal(project.read('package.json'), packageJson, 'and restores package.json in the same step');

    const again = created(await start.createServerJson(project.uri));
    await publishes(again.uri, name, '1.2.0');
  });

  it('drafts a Python project: the README gets the mcp-name line PyPI ownership needs, and it publishes', async () => {
    const readme = '# Weather for Python\n\nWeather forecasts for MCP clients, written in Python.\n';
    const project = writeProject({
      'pyproject.toml': '[project]\nname = "weather-py"\nversion = "0.3.0"\ndescription = "Weather forecasts for MCP clients, in Python"\nreadme = "README.md"\n\n[project.scripts]\nweather-py = "weather.server:main"\n',
      'README.md': readme,
    });
    const name = `${ANON}/weather-py-${unique}`;
    prompts.inputs = [[/name/, [name]]];
    const outcome = created(await (await api()).start.createServerJson(project.uri));
    const serverJson = JSON.parse(project.read('server.json'));
    assert.equal(serverJson.version, '0.3.0');
    assert.equal(serverJson.packages[0].registryType, 'pypi');
    assert.equal(serverJson.packages[0].identifier, 'weather-py');
    assert.deepEqual(outcome.errors, []);
    assert.ok(project.read('README.md').includes(`mcp-name: ${name}`), 'the README names the server the way the registry searches for it');
    assert.ok(project.read('README.md').includes(readme.trim().split('\n')[2]), 'the README keeps its text');
    await publishes(outcome.uri, name, '0.3.0');
  });

  it('drafts a remote-only server from the endpoint and transport the user gives (https only), and it publishes', async () => {
    const project = writeProject({ 'README.md': '# Hosted weather\n\nA hosted MCP server with weather forecasts.\n' });
    const name = `${ANON}/weather-remote-${unique}`;
    const url = `https://mcp.example.com/weather-${unique}/mcp`;
    prompts.inputs = [[/remote endpoint/, ['http://mcp.example.com/plain', url]], [/name/, [name]]];
    prompts.picks = [[/transport/, /^streamable-http$/]];
    const outcome = created(await (await api()).start.createServerJson(project.uri));
    const endpoint = prompts.calls.find((call) => call.title.includes('remote endpoint'))!;
    assert.match(endpoint.validation![0].message ?? '', /https/, 'a plain http endpoint is refused');
    const serverJson = JSON.parse(project.read('server.json'));
    assert.deepEqual(serverJson.remotes, [{ type: 'streamable-http', url }]);
    assert.equal(serverJson.packages, undefined);
    assert.deepEqual(outcome.markerFiles, []);
    assert.deepEqual(outcome.errors, []);
    await publishes(outcome.uri, name, '1.0.0');
  });

  it('lets the user pick the packages when the project builds several', async () => {
    const project = writeProject({
      'package.json': JSON.stringify({ name: 'multi-mcp', version: '2.0.0', description: 'A server shipped as npm and as an image', bin: 'index.js' }),
      Dockerfile: 'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/index.js"]\n',
    }, { remote: 'https://github.com/acme/multi-mcp.git' });
    prompts.inputs = [[/name/, ['io.github.acme/multi-mcp']]];
    prompts.pickManys = [[/packages/, [/^npm:/, /^oci:/]]];
    const outcome = created(await (await api()).start.createServerJson(project.uri));
    const offered = prompts.last('pickMany')!;
    assert.deepEqual(offered.items!.map((item) => item.replace(/:.*/, '')), ['[x] npm', 'oci', 'Remote server (a hosted https endpoint)']);
    const serverJson = JSON.parse(project.read('server.json'));
    assert.deepEqual(serverJson.packages.map((p: { registryType: string; identifier: string }) => `${p.registryType} ${p.identifier}`), ['npm multi-mcp', 'oci ghcr.io/acme/multi-mcp:2.0.0']);
    assert.ok(project.read('Dockerfile').includes('LABEL io.modelcontextprotocol.server.name="io.github.acme/multi-mcp"'), 'the image gets its ownership label');
    assert.equal(JSON.parse(project.read('package.json')).mcpName, 'io.github.acme/multi-mcp');
    assert.equal(outcome.markerFiles.length, 2);
    await docsScreenshot('create-server-json');
  });

  it('never overwrites an existing server.json: it offers to open it', async () => {
    const existing = '{ "name": "io.github.acme/kept", "version": "9.9.9" }\n';
    const project = writeProject({ 'server.json': existing, 'package.json': JSON.stringify({ name: 'kept', version: '1.0.0' }) });
    const outcome = await (await api()).start.createServerJson(project.uri);
    assert.equal(outcome.kind, 'exists');
    assert.equal(project.read('server.json'), existing);
    assert.equal(JSON.parse(project.read('package.json')).mcpName, undefined);
    assert.deepEqual(prompts.last('message')!.actions, ['Open server.json']);
  });
});
