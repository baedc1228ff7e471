import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { docsScene, docsScreenshot, queryDom, waitFor } from '../../harness';
import { api, codeOf, lineOf, ours, revertAll, serverText, setText, stageWorkspaceView, startTargetRegistry, stopTargetRegistry, VariantsFolder, type TestRegistry } from './helpers';

const NS = 'io.github.acme-labs';
const npmPackage = (version: string) => ({ registryType: 'npm', identifier: '@acme-labs/drift', version, transport: { type: 'stdio' } });

const BROKEN: Record<string, string> = {
  'range/server.json': serverText(`${NS}/range`, '^1.2.0'),
  'long/server.json': serverText(`${NS}/long`, '1.0.0', { description: 'x'.repeat(120) }),
  'transport/server.json': serverText(`${NS}/transport`, '1.0.0', { packages: [{ registryType: 'npm', identifier: 'tp', version: '1.0.0', transport: { type: 'carrier-pigeon' } }] }),
  'nameless/server.json': `${JSON.stringify({ $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json', name: 'no-slash', description: 'd', version: '1.0.0' }, null, 2)}\n`,
  'reused/server.json': serverText(`${NS}/reused`, '1.0.0'),
  'drift/server.json': serverText(`${NS}/drift`, '2.0.0', { packages: [npmPackage('1.9.0')] }),
  'drift/package.json': `${JSON.stringify({ name: '@acme-labs/drift', version: '2.0.0' }, null, 2)}\n`,
};

async function diagnosticsOf(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  return waitFor(`a ${code} diagnostic on ${uri.fsPath}`, () => {
    const found = ours(uri).filter((d) => codeOf(d) === code);
    return found.length > 0 ? found : undefined;
  }, 30_000);
}

describe('workspace: server.json diagnostics', function () {
  this.timeout(120_000);
  let registry: TestRegistry;
  let folder: VariantsFolder;

  before(async () => {
    registry = await startTargetRegistry();
    await registry.publish(`${NS}/reused`, '1.0.0');
    await registry.remove(`${NS}/reused`, '1.0.0');
    folder = await VariantsFolder.create('diagnostics', BROKEN);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await (await api()).workspace.idle();
  });

  after(async () => {
    await revertAll();
    await folder?.remove();
    await stopTargetRegistry();
  });

  it('reports each broken file at the right line, with code and source, without opening it', async () => {
    const cases: [string, string, string, vscode.DiagnosticSeverity][] = [
      ['range', 'version-looks-like-range', '"version"', vscode.DiagnosticSeverity.Error],
      ['long', 'description-too-long', '"description"', vscode.DiagnosticSeverity.Error],
      ['transport', 'schema', '"carrier-pigeon"', vscode.DiagnosticSeverity.Error],
      ['nameless', 'name-format', '"name"', vscode.DiagnosticSeverity.Error],
      ['reused', 'version-already-published', '"version"', vscode.DiagnosticSeverity.Information],
      ['drift', 'package-version-drift', '"1.9.0"', vscode.DiagnosticSeverity.Warning],
    ];
    for (const [dir, code, needle, severity] of cases) {
      const uri = folder.fileUri(`${dir}/server.json`);
      const [diagnostic] = await diagnosticsOf(uri, code);
      assert.equal(diagnostic!.range.start.line, lineOf(BROKEN[`${dir}/server.json`]!, needle), `${dir}: ${diagnostic!.message}`);
      assert.equal(diagnostic!.severity, severity, dir);
      assert.equal(diagnostic!.source, 'MCP Versions');
    }
    const transport = await diagnosticsOf(folder.fileUri('transport/server.json'), 'schema');
    assert.match(transport[0]!.message, /stdio|streamable-http|sse/);
  });

  it('clears the problems once a file is fixed, live while editing', async () => {
    const uri = folder.fileUri('range/server.json');
    await diagnosticsOf(uri, 'version-looks-like-range');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await setText(document, serverText(`${NS}/range`, '1.2.0'));
    await waitFor('the diagnostics to clear', () => (ours(uri).length === 0 ? true : undefined));
    await setText(document, serverText(`${NS}/range`, '>=1.0.0'));
    await diagnosticsOf(uri, 'version-looks-like-range');
    await folder.write('long/server.json', serverText(`${NS}/long`, '1.0.0'));
    await waitFor('the fixed file on disk to clear', () => (ours(folder.fileUri('long/server.json')).length === 0 ? true : undefined), 30_000);
  });

  it('applies a quick fix, and the fix can be undone', async () => {
    const uri = folder.fileUri('drift/server.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const [diagnostic] = await diagnosticsOf(uri, 'package-version-drift');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Use 2.0.0 from package.json');
    assert.ok(fix?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /"version": "2\.0\.0",\s*"transport"/);
    await waitFor('the drift warning to go', () => (ours(uri).some((d) => codeOf(d) === 'package-version-drift') ? undefined : true));
    await vscode.commands.executeCommand('undo');
    await waitFor('the undo to restore the text', () => (document.getText() === BROKEN['drift/server.json'] ? true : undefined));
    await diagnosticsOf(uri, 'package-version-drift');
  });

  it('offers a fix that edits package.json (mcpName) next to server.json', async () => {
    await folder.write('drift/package.json', `${JSON.stringify({ name: '@acme-labs/drift', version: '1.9.0' }, null, 2)}\n`);
    const uri = folder.fileUri('drift/server.json');
    await waitFor('the new package.json version to be read', () => (ours(uri).some((d) => codeOf(d) === 'package-version-drift') ? undefined : true), 30_000);
    const [diagnostic] = await diagnosticsOf(uri, 'mcpname-missing');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic!.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title.includes('mcpName'));
    assert.ok(fix?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const manifest = await vscode.workspace.openTextDocument(folder.fileUri('drift/package.json'));
    assert.equal(JSON.parse(manifest.getText()).mcpName, `${NS}/drift`);
    await waitFor('the mcpName error to go', () => (ours(uri).some((d) => codeOf(d) === 'mcpname-missing') ? undefined : true));
  });

  it('applies the registry\'s remote and OCI rules: declares a URL variable by quick fix, warns about the legacy OCI shape naming VS Code', async () => {
    await folder.write('remote/server.json', serverText(`${NS}/remote`, '1.0.0', { packages: [], remotes: [{ type: 'streamable-http', url: 'https://{tenant}.example.com/mcp' }] }));
    await folder.write('oci/server.json', serverText(`${NS}/oci`, '1.0.0', { packages: [{ registryType: 'oci', registryBaseUrl: 'https://docker.io', identifier: 'acme/oci', transport: { type: 'stdio' } }] }));
    const remote = folder.fileUri('remote/server.json');
    const oci = folder.fileUri('oci/server.json');
    try {
      const document = await vscode.workspace.openTextDocument(remote);
      const [undeclared] = await diagnosticsOf(remote, 'invalid-templated-url');
      assert.equal(undeclared!.severity, vscode.DiagnosticSeverity.Error);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', remote, undeclared!.range, vscode.CodeActionKind.QuickFix.value);
      const declare = actions.find((action) => action.title.includes('variables'));
      assert.ok(declare?.edit, `actions: ${actions.map((action) => action.title).join(', ')}`);
      assert.ok(await vscode.workspace.applyEdit(declare.edit));
      assert.deepEqual(Object.keys(JSON.parse(document.getText()).remotes[0].variables), ['tenant']);
      await waitFor('the remote to be accepted', () => (ours(remote).some((d) => d.severity === vscode.DiagnosticSeverity.Error) ? undefined : true));
      await document.save();
      const [legacy] = await diagnosticsOf(oci, 'oci-legacy-registry-base-url');
      assert.equal(legacy!.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(legacy!.message, /VS Code's MCP gallery/);
      assert.ok(!ours(oci).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    } finally {
      await folder.delete('remote');
      await folder.delete('oci');
      await waitFor('the two files to leave the Problems view', () => (ours(remote).length + ours(oci).length === 0 ? true : undefined));
    }
  });

  it('survives any syntax error while typing, and recovers', async () => {
    const uri = folder.fileUri('nameless/server.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const good = BROKEN['nameless/server.json']!;
    for (const cut of [1, 7, 20, 33, 60, good.length - 3]) {
      await setText(document, good.slice(0, cut));
      await (await api()).diagnostics.idle();
    }
    await setText(document, `${good.slice(0, 40)}\u0000}{]["${good.slice(40)}`);
    // Shown in an editor, the syntax errors are VS Code's JSON service's to report (once, not twice).
    await waitFor('VS Code\'s JSON syntax errors', () => (vscode.languages.getDiagnostics(uri).some((d) => d.source === 'json') ? true : undefined), 30_000);
    await (await api()).diagnostics.idle();
    assert.equal(ours(uri).some((d) => codeOf(d) === 'json-syntax'), false);
    const nodes = (await api()).workspace.nodes();
    assert.equal(nodes.find((node) => node.uri === uri.toString())?.state, 'problem');
    await setText(document, good);
    await diagnosticsOf(uri, 'name-format');
    assert.equal(ours(uri).some((d) => codeOf(d) === 'json-syntax'), false);
  });

  it('validates on the registry and shows its issues at their paths', async () => {
    await folder.write('registry/server.json', serverText(`${NS}/registry`, '1.0.0', { packages: [{ ...npmPackage('~1.0'), identifier: 'registry' }] }));
    const uri = folder.fileUri('registry/server.json');
    const text = readFileSync(uri.fsPath, 'utf8');
    const diagnostics = await vscode.commands.executeCommand<vscode.Diagnostic[]>('mcpVersions.validateOnRegistry', uri);
    const issue = diagnostics.find((d) => /packages\[0\]\.version/.test(d.message));
    assert.ok(issue, diagnostics.map((d) => d.message).join(' | '));
    assert.equal(issue.source, 'MCP Registry');
    assert.equal(issue.range.start.line, lineOf(text, '"~1.0"'));
    // The editor already shows that range as an error: the registry's issue is not a second line of it.
    // (Ours may arrive after the registry's answer: the registry's copy goes then.)
    await diagnosticsOf(uri, 'version-looks-like-range');
    const onLine = () => vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === issue.range.start.line && d.severity === vscode.DiagnosticSeverity.Error);
    await waitFor('one error on that line', () => (onLine().length === 1 ? true : undefined))
      .catch((error: unknown) => assert.fail(`${String(error)}: ${onLine().map((d) => `${d.source}: ${d.message}`).join(' | ')}`));
  });

  docsScene('a server.json with problems and its quick fix', async () => {
    await revertAll();
    for (const dir of ['range', 'long', 'transport', 'nameless', 'reused', 'drift', 'registry']) await folder.delete(dir);
    await folder.write('showcase/package.json', `${JSON.stringify({ name: '@acme-labs/forecast-mcp', version: '2.1.0', mcpName: `${NS}/forecast` }, null, 2)}\n`);
    await folder.write('showcase/server.json', serverText(`${NS}/forecast`, '2.1.0', {
      description: 'Hourly forecasts, severe-weather alerts and historical weather data for any place on Earth, as an MCP server',
      packages: [
        { registryType: 'npm', identifier: '@acme-labs/forecast-mcp', version: '2.0.3', transport: { type: 'stdio' } },
        { registryType: 'oci', identifier: 'ghcr.io/acme-labs/forecast-mcp:2.1.0', transport: { type: 'websocket' } },
      ],
    }));
    const uri = folder.fileUri('showcase/server.json');
    await diagnosticsOf(uri, 'package-version-drift');
    const restore = await stageWorkspaceView({ widen: false });
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
      await vscode.commands.executeCommand('workbench.actions.view.problems');
      const others = () => vscode.languages.getDiagnostics()
        .filter(([other, list]) => other.toString() !== uri.toString() && list.some((d) => d.source === 'MCP Versions'))
        .map(([other]) => other.fsPath);
      await waitFor(`only the showcase to have problems (${others().join(', ')})`, () => (others().length === 0 ? true : undefined), 30_000)
        .catch((error: unknown) => {
          throw new Error(`${String(error)}; still: ${others().join(', ')}`, { cause: error });
        });
      const [drift] = await diagnosticsOf(uri, 'package-version-drift');
      editor.selection = new vscode.Selection(drift!.range.start, drift!.range.start);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await waitFor('the quick fix menu', async () => ((await queryDom('.action-widget .monaco-list-row')).length > 0 ? true : undefined));
      await docsScreenshot('problems', { settleMs: 500 });
    } finally {
      await vscode.commands.executeCommand('hideCodeActionWidget');
      await restore();
    }
  });
});
