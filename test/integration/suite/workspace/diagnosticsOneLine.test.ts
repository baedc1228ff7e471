// One problem, one line: a JSON syntax error VS Code's JSON service already reports, or a registry issue
// the editor already shows, is not shown twice; version problems come with quick fixes that the registry
// accepts and that are free (issue #15, items 2).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PickerView } from '../../../../src/bump/model';
import { waitFor } from '../../harness';
import { api, codeOf, lineOf, ours, revertAll, serverText, startTargetRegistry, stopTargetRegistry, VariantsFolder, type TestRegistry } from './helpers';

const NS = 'io.github.acme-labs';
const npmPackage = (version: string) => ({ registryType: 'npm', identifier: '@acme-labs/oneline', version, transport: { type: 'stdio' } });
/** A comma missing after "description": one mistake. */
const MISSING_COMMA = serverText(`${NS}/syntax`, '1.0.0').replace(`"description": "Test server ${NS}/syntax",`, `"description": "Test server ${NS}/syntax"`);

const FILES: Record<string, string> = {
  'syntax/server.json': MISSING_COMMA,
  'caret/server.json': serverText(`${NS}/caret`, '^1.2.0'),
  'next/server.json': serverText(`${NS}/next`, '1.0.0-next'),
  'taken/server.json': serverText(`${NS}/taken`, '1.0.0'),
  'tilde/server.json': serverText(`${NS}/tilde`, '1.0.0', { packages: [npmPackage('~1.0')] }),
};

function ofSource(uri: vscode.Uri, source: string | undefined): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === source);
}

async function diagnosticOf(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic on ${uri.fsPath}`, () => ours(uri).find((d) => codeOf(d) === code), 30_000).catch((error: unknown) => {
    const shown = vscode.languages.getDiagnostics(uri).map((d) => `${d.source}/${codeOf(d)}: ${d.message}`);
    throw new Error(`${String(error)}; shown: ${shown.join(' | ') || 'nothing'}`, { cause: error });
  });
}

/** The quick fixes VS Code offers at the diagnostic, as the light bulb would (the file open in an editor). */
async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // (The diagnostics an action is for do not come back through this command.)
  return actions;
}

describe('workspace: one problem, one line, and version quick fixes', function () {
  this.timeout(120_000);
  let registry: TestRegistry;
  let folder: VariantsFolder;

  before(async () => {
    registry = await startTargetRegistry();
    await registry.publish(`${NS}/caret`, '1.2.0');
    await registry.publish(`${NS}/taken`, '1.0.0');
    folder = await VariantsFolder.create('oneline', FILES);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await (await api()).workspace.idle();
  });

  after(async () => {
    await revertAll();
    await folder?.remove();
    await stopTargetRegistry();
  });

  it('a JSON syntax error is reported once: by VS Code while the file is shown, by us when it is not; Publish still refuses it', async () => {
    const uri = folder.fileUri('syntax/server.json');
    const closed = await diagnosticOf(uri, 'json-syntax');
    assert.equal(closed.severity, vscode.DiagnosticSeverity.Error);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const vsCodes = await waitFor('VS Code\'s JSON service to report the syntax error', () => {
      const found = ofSource(uri, 'json').filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      return found.length > 0 ? found : undefined;
    }, 30_000);
    await waitFor('our copy of it to go', () => (ours(uri).some((d) => codeOf(d) === 'json-syntax') ? undefined : true), 30_000);
    const line = vsCodes[0]!.range.start.line;
    const onLine = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === line && d.severity === vscode.DiagnosticSeverity.Error);
    assert.equal(onLine.length, 1, onLine.map((d) => `${d.source}: ${d.message}`).join(' | '));
    const node = (await api()).workspace.nodes().find((candidate) => candidate.uri === uri.toString());
    assert.equal(node?.state, 'problem', 'This Workspace still marks the file');

    const error = await (await api()).publish.run(uri).then(() => undefined, (reason: unknown) => reason as { reason?: string; message: string });
    assert.equal(error?.reason, 'invalid-local', error?.message);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await diagnosticOf(uri, 'json-syntax');
    await waitFor('VS Code\'s report to go with the tab', () => (ofSource(uri, 'json').length === 0 ? true : undefined), 30_000);
  });

  it('Validate on Registry does not repeat a problem the file already shows', async () => {
    const uri = folder.fileUri('tilde/server.json');
    const ownProblem = await diagnosticOf(uri, 'version-looks-like-range');
    const returned = await vscode.commands.executeCommand<vscode.Diagnostic[]>('mcpVersions.validateOnRegistry', uri);
    const issue = returned.find((d) => /packages\[0\]\.version/.test(d.message));
    assert.ok(issue, returned.map((d) => d.message).join(' | '));
    assert.equal(issue.range.start.line, lineOf(FILES['tilde/server.json']!, '"~1.0"'));
    const onLine = vscode.languages.getDiagnostics(uri).filter((d) => d.range.start.line === issue.range.start.line && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(onLine.map((d) => `${d.source}: ${d.message}`), [`MCP Versions: ${ownProblem.message}`]);
    assert.deepEqual(ofSource(uri, 'MCP Registry'), []);
  });

  it('a range offers the nearest free versions (1.2.0 is taken, so 1.2.1), and the fix clears the error', async () => {
    const uri = folder.fileUri('caret/server.json');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const diagnostic = await diagnosticOf(uri, 'version-looks-like-range');
    const fixes = await quickFixes(uri, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Use 1.2.1']);
    assert.equal(fixes[0]!.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fixes[0]!.edit!));
    assert.equal(JSON.parse(document.getText()).version, '1.2.1');
    await waitFor('the range error to go', () => (ours(uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error) ? undefined : true), 30_000);
  });

  it('1.0.0-next: the message explains the x wildcard rule, the fixes are pre-releases the registry accepts', async () => {
    const uri = folder.fileUri('next/server.json');
    const diagnostic = await diagnosticOf(uri, 'version-looks-like-range');
    assert.match(diagnostic.message, /treats any x.*as a wildcard, so it refuses "1\.0\.0-next".*use 1\.0\.0-beta\.1/);
    const fixes = await quickFixes(uri, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Use 1.0.0-beta.1', 'Use 1.0.0-rc.1']);
  });

  it('a version that is already published offers Bump Version, which opens the picker for that file without the taken version', async () => {
    const uri = folder.fileUri('taken/server.json');
    const diagnostic = await diagnosticOf(uri, 'version-already-published');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    const fixes = await quickFixes(uri, diagnostic);
    assert.deepEqual(fixes.map((f) => f.title), ['Bump Version…']);
    const command = fixes[0]!.command!;
    assert.equal(command.command, 'mcpVersions.bumpVersion');
    const { bump } = await api();
    let shown: PickerView | undefined;
    bump.setPrompts({
      pickServerJson: async () => undefined,
      pickVersion: async (view) => {
        shown = view;
        return undefined;
      },
      pickPreid: async () => undefined,
      inputVersion: async () => undefined,
    });
    try {
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    } finally {
      bump.setPrompts(undefined);
    }
    assert.ok(shown, 'the version picker opened');
    const offered = shown.items.filter((item) => item.version !== undefined && !item.refusal).map((item) => item.version);
    assert.ok(offered.length > 0 && !offered.includes('1.0.0'), offered.join(', '));
    assert.ok(offered.includes('1.0.1'), offered.join(', '));
  });
});
