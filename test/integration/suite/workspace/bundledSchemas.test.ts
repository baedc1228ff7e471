// VS Code's own JSON language service and the official `$schema` URL, offline (as this harness is): the
// schemas the extension ships stand in for the download, for every official URL, after one quick fix.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '../../harness';
import { api, codeOf, ours, repoRoot, SCHEMA_URL, serverText, startTargetRegistry, stopTargetRegistry, VariantsFolder } from './helpers';

const USE = 'mcpVersions.useBundledSchemas';
const STOP = 'mcpVersions.stopUsingBundledSchemas';

const official = JSON.parse(readFileSync(join(repoRoot, 'dist/schemas/official/index.json'), 'utf8')) as { url: string; file: string }[];

function serverJson(schemaUrl: string): string {
  return `${JSON.stringify({
    $schema: schemaUrl,
    name: 'io.github.example/offline',
    description: 42,
    version: '1.0.0',
    repository: { url: 'https://github.com/example/offline' }, // no "source": ours reports it, VS Code must not too
    packages: [{ registryType: 'npm', identifier: '@example/offline', version: '1.0.0', transport: { type: '' } }],
  }, null, 2)}\n`;
}

/** VS Code's own JSON diagnostics ("Unable to load schema" has source `json`, schema problems none): not ours. */
const fromJson = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'MCP Versions');
const lineOf = (document: vscode.TextDocument, needle: string) => document.getText().split('\n').findIndex((line) => line.includes(needle));
const userSchemas = () => vscode.workspace.getConfiguration('json').inspect<unknown[]>('schemas')?.globalValue;

async function open(file: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Waits for VS Code's schema problem on `"description": 42` (the schema was loaded), then: no load failure. */
async function assertSchemaUsed(document: vscode.TextDocument, schemaUrl: string): Promise<void> {
  const line = lineOf(document, '"description"');
  await waitFor(`VS Code's schema diagnostic on "description" in ${schemaUrl}`, () => (fromJson(document.uri).some((d) => d.range.start.line === line) ? true : undefined), 30_000)
    .catch((error: Error) => { throw new Error(`${error.message}; VS Code's JSON diagnostics: ${JSON.stringify(fromJson(document.uri).map((d) => [d.range.start.line, d.message]))}`); });
  const failures = fromJson(document.uri).filter((d) => d.message.includes(schemaUrl) || /unable to load schema/i.test(d.message));
  assert.deepEqual(failures.map((d) => d.message), [], schemaUrl);
  // One problem, one line: what our checks report (a missing property) VS Code's JSON service does not repeat.
  const repository = lineOf(document, '"repository"');
  assert.deepEqual(fromJson(document.uri).filter((d) => d.range.start.line >= repository && d.range.start.line <= repository + 2).map((d) => d.message), [], `${schemaUrl}: VS Code repeats a problem of ours`);
}

describe('workspace: VS Code JSON validation with the shipped server.json schemas, before activation', function () {
  this.timeout(120_000);

  // Real only while nothing else activated the extension: when this file runs by itself
  // (`--grep "shipped server.json schemas"`); in the full run an earlier suite has activated it.
  it('activates the extension when VS Code\'s JSON service asks for a shipped schema (onFileSystem)', async function () {
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions')!;
    if (extension.isActive) {
      console.log('__MCPV_OUT__ skipped: the extension is already active (run this file alone to check activation)');
      this.skip();
    }
    const current = official.find((entry) => entry.url === SCHEMA_URL)!;
    await vscode.workspace.getConfiguration('json').update('schemas', [{ url: current.url, schema: { $ref: `mcp-versions-schema://official/${current.file}` } }], vscode.ConfigurationTarget.Global);
    const dir = mkdtempSync(join(tmpdir(), 'mcpv-activation-'));
    try {
      const file = join(dir, 'server.json');
      writeFileSync(file, serverJson(SCHEMA_URL));
      assert.equal(extension.isActive, false, 'nothing but the JSON service asks for the extension');
      await assertSchemaUsed(await open(file), SCHEMA_URL);
      assert.equal(extension.isActive, true);
    } finally {
      await vscode.workspace.getConfiguration('json').update('schemas', undefined, vscode.ConfigurationTarget.Global);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('workspace: VS Code JSON validation with the shipped server.json schemas', function () {
  this.timeout(180_000);
  let dir: string;
  const files = new Map<string, string>();

  before(async () => {
    await api(); // the extension is active (the MCP Versions view was opened, or a command ran)
    assert.ok(official.some((entry) => entry.url === SCHEMA_URL), 'the current schema is shipped');
    assert.equal(userSchemas(), undefined, 'a fresh profile has no json.schemas');
    dir = mkdtempSync(join(tmpdir(), 'mcpv-schemas-'));
    official.forEach((entry, index) => {
      const file = join(dir, `s${index}`, 'server.json');
      mkdirSync(join(dir, `s${index}`));
      writeFileSync(file, serverJson(entry.url));
      files.set(entry.url, file);
    });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand(STOP);
    rmSync(dir, { recursive: true, force: true });
  });

  it('offers a quick fix on VS Code\'s "Unable to load schema"; after it, VS Code validates with the shipped schema', async () => {
    const document = await open(files.get(SCHEMA_URL)!);
    const unloaded = await waitFor('VS Code failing to load the official schema offline', () => fromJson(document.uri).find((d) => d.message.includes(SCHEMA_URL)), 30_000);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, unloaded.range);
    const fix = actions.find((action) => action.command?.command === USE);
    assert.ok(fix, `quick fix offered among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
    await vscode.commands.executeCommand(fix.command!.command, ...(fix.command!.arguments ?? []));

    await assertSchemaUsed(document, SCHEMA_URL);
    const entries = userSchemas() as { url: string; schema: { $ref: string } }[];
    assert.deepEqual(entries.map((entry) => entry.url), official.map((entry) => entry.url));
    assert.ok(entries.every((entry) => entry.schema.$ref === `mcp-versions-schema://official/${official.find((o) => o.url === entry.url)!.file}`));
  });

  it('completes transport types and shows hovers from the shipped schema', async () => {
    const document = await open(files.get(SCHEMA_URL)!);
    const line = lineOf(document, '"type": ""');
    const position = new vscode.Position(line, document.lineAt(line).text.indexOf('""') + 1);
    const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
    assert.ok(labels.includes('"stdio"'), `"stdio" (the schema's transport type) among ${labels.join(', ')}`);

    const schema = JSON.parse(readFileSync(join(repoRoot, 'dist/schemas/server.schema.json'), 'utf8')) as { definitions: { ServerDetail: { properties: { version: { description: string } } } } };
    const expected = schema.definitions.ServerDetail.properties.version.description.split(/[.\n]/)[0]!;
    const versionLine = lineOf(document, '"version": "1.0.0"');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(versionLine, 5));
    const text = hovers.flatMap((hover) => hover.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(expected), `hover "${text}" quotes the schema: "${expected}"`);
  });

  it('serves every official schema URL, older and draft ones too', async () => {
    for (const entry of official) await assertSchemaUsed(await open(files.get(entry.url)!), entry.url);
  });
});

describe('workspace: our own server.json problems with the shipped older schemas', function () {
  this.timeout(120_000);
  let folder: VariantsFolder;
  const OLDER = 'https://static.modelcontextprotocol.io/schemas/2025-09-16/server.schema.json';

  before(async () => {
    await startTargetRegistry();
    // No fallback folder: the older schema can only come from the extension itself (the network is out of reach).
    await vscode.workspace.getConfiguration('mcpVersions').update('schemaDirectory', undefined, vscode.ConfigurationTarget.Global);
    folder = await VariantsFolder.create('older-schema', {
      'older/server.json': serverText('io.github.acme-labs/older-schema', '1.0.0', {
        $schema: OLDER,
        packages: [{ registryType: 'npm', identifier: 'older', version: '1.0.0', transport: { type: 'carrier-pigeon' } }],
      }),
    });
    await (await api()).workspace.idle();
  });

  after(async () => {
    await folder?.remove();
    await stopTargetRegistry();
  });

  it('checks a server.json on an older official schema against that schema, offline', async () => {
    const uri = folder.fileUri('older/server.json');
    const problems = await waitFor('the older schema\'s problem on "carrier-pigeon"', () => {
      const found = ours(uri).filter((d) => codeOf(d) === 'schema');
      return found.length > 0 ? found : undefined;
    }, 30_000).catch((error: Error) => { throw new Error(`${error.message}; ours: ${JSON.stringify(ours(uri).map((d) => [codeOf(d), d.message]))}`); });
    assert.match(problems[0]!.message, /stdio|streamable-http|sse/);
    assert.ok(ours(uri).some((d) => codeOf(d) === 'schema-version-deprecated'), 'still says the schema is older');
  });
});
