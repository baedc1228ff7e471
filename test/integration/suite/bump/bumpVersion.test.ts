// Bump Version in a real VS Code against a local registry started here. The quick picks and input boxes
// are scripted through `api.bump.setPrompts` (a small prompt interface the extension exposes for tests);
// the last test opens the real picker and captures docs/images/bump.png.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BumpOutcome } from '../../../../src/bump/bumpCommand';
import { docsScreenshot, queryDom, screenshot, waitFor } from '../../harness';
import {
  cancel,
  confirmUndoInAllFiles,
  extensionApi,
  pickId,
  pickKind,
  repoRoot,
  saveAll,
  ScriptedPrompts,
  server,
  startTargetRegistry,
  TempFolder,
  undoInEditor,
  type TestRegistry,
} from './helpers';

const WEATHER = 'io.github.acme-labs/weather';
const FORECAST = 'io.github.acme-labs/forecast';
const ALERTS = 'io.github.acme-labs/alerts';
const INDEX_TS = "export const server = new McpServer({ name: 'weather', version: '1.4.0' });\n";

interface Places {
  server: string;
  npm: string;
  oci: string;
  packageJson: string;
  indexTs: string;
}

describe('Bump Version', function () {
  this.timeout(60_000);
  let registry: TestRegistry | undefined;
  // A copy of the sample server (weather/) and two more servers, in a temporary folder outside the workspace.
  let folder: TempFolder;
  const config = () => vscode.workspace.getConfiguration('mcpVersions');

  const run = async (uri: vscode.Uri): Promise<BumpOutcome | undefined> => vscode.commands.executeCommand<BumpOutcome | undefined>('mcpVersions.bumpVersion', uri);
  const text = async (relative: string) => (await vscode.workspace.openTextDocument(folder.file(`weather/${relative}`))).getText();
  const onDisk = (relative: string) => folder.read(`weather/${relative}`);
  const places = async (read: (relative: string) => string | Promise<string>): Promise<Places> => {
    const doc = JSON.parse(await read('server.json'));
    return {
      server: doc.version,
      npm: doc.packages[0].version,
      oci: doc.packages[1].identifier,
      packageJson: JSON.parse(await read('package.json')).version,
      indexTs: /version: '(.+?)'/.exec(await read('src/index.ts'))![1],
    };
  };

  before(async () => {
    registry = await startTargetRegistry();
    const sample = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sample-server/server.json'), 'utf8'));
    const withoutUnits = structuredClone(sample);
    withoutUnits.packages[0].environmentVariables = withoutUnits.packages[0].environmentVariables.filter((v: { name: string }) => v.name !== 'WEATHER_UNITS');
    await registry.publish({ ...withoutUnits, version: '1.3.0', packages: [{ ...withoutUnits.packages[0], version: '1.3.0' }] });
    await registry.publish(withoutUnits);
    for (const version of ['1.2.0', '1.3.0-beta.1', '1.3.0-beta.2']) await registry.publish(server(FORECAST, version));
    for (const version of ['1.1.0', '1.2.0']) await registry.publish(server(ALERTS, version));
    await registry.remove(ALERTS, '1.2.0');

    folder = new TempFolder({
      'weather/src/index.ts': INDEX_TS,
      'forecast/server.json': `${JSON.stringify(server(FORECAST, '1.3.0-beta.2'), null, 2)}\n`,
      'alerts/server.json': `${JSON.stringify(server(ALERTS, '1.1.0'), null, 2)}\n`,
    });
    await config().update('bump.preview', false, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    (await extensionApi()).bump.setPrompts(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('bump.preview', undefined, vscode.ConfigurationTarget.Global);
    await config().update('bump.extraFiles', undefined, vscode.ConfigurationTarget.Global);
    folder?.remove();
    await registry?.close();
  });

  it('offers the candidates with the change impact since the latest version, in words', async () => {
    const prompts = new ScriptedPrompts([cancel]);
    (await extensionApi()).bump.setPrompts(prompts);
    assert.equal(await run(folder.file('weather/server.json')), undefined);
    const [view] = prompts.views;
    assert.equal(view.title, `Bump ${WEATHER} from 1.4.0 on Local Test Registry`);
    assert.equal(view.placeholder, 'Since 1.4.0 (latest): minor change, 1 reason in the details');
    const minor = view.items.find((item) => item.id.startsWith('minor:'))!;
    assert.equal(minor.label, '1.5.0');
    assert.equal(minor.recommended, true);
    assert.match(minor.description, /recommended · becomes latest/);
    assert.match(minor.detail, /Since 1\.4\.0 \(latest\): minor change — adds the optional environment variable WEATHER_UNITS/);
    assert.doesNotMatch(minor.detail, /provenance|_meta/, 'our own provenance record is no change of the server');
    assert.deepEqual(view.items.filter((item) => item.refusal).map((item) => item.label), []);
    assert.deepEqual(view.items.slice(-2).map((item) => item.label), ['Pre-release…', 'Custom…']);
    assert.equal(JSON.parse(onDisk('server.json')).version, '1.4.0', 'cancelling changed nothing');
  });

  for (const [kind, expected] of [['patch', '1.4.1'], ['minor', '1.5.0'], ['major', '2.0.0']] as const) {
    it(`${kind}: moves every place to ${expected}, saves, and undoes in one step`, async () => {
      // server.json is outside the workspace folders, so extraFiles paths are relative to its folder.
      await config().update('bump.extraFiles', [{ path: 'src/index.ts', regex: "version: '(.+?)'" }], vscode.ConfigurationTarget.Global);
      (await extensionApi()).bump.setPrompts(new ScriptedPrompts([pickKind(kind)]));
      const outcome = await run(folder.file('weather/server.json'));
      assert.equal(outcome?.to, expected);
      const moved = { server: expected, npm: expected, oci: `ghcr.io/acme-labs/weather-mcp:${expected}`, packageJson: expected, indexTs: expected };
      assert.deepEqual(await places(text), moved);
      assert.deepEqual(await places(onDisk), moved, 'the files were not dirty before, so they are saved');
      assert.equal(outcome?.files.length, 3);
      const original = { server: '1.4.0', npm: '1.4.0', oci: 'ghcr.io/acme-labs/weather-mcp:1.4.0', packageJson: '1.4.0', indexTs: '1.4.0' };
      const documents = await Promise.all(['server.json', 'package.json', 'src/index.ts'].map((f) => vscode.workspace.openTextDocument(folder.file(`weather/${f}`))));
      await undoInEditor(folder.file('weather/server.json'), () => documents.every((d) => !d.getText().includes(expected)));
      assert.deepEqual(await places(text), original);
      await saveAll(documents.map((d) => d.uri));
      await config().update('bump.extraFiles', undefined, vscode.ConfigurationTarget.Global);
    });
  }

  it('offers the CHANGELOG entry the new version lacks, prefilled from the change impact, in one undoable edit', async () => {
    const prompts = new ScriptedPrompts([pickKind('minor')], { notification: 'Add CHANGELOG Entry' });
    (await extensionApi()).bump.setPrompts(prompts);
    const outcome = await run(folder.file('weather/server.json'));
    assert.equal(outcome?.to, '1.5.0');
    assert.deepEqual(prompts.notifications[0].actions, ['Add CHANGELOG Entry', 'Undo', 'Show Log']);
    assert.match(prompts.notifications[0].message, /CHANGELOG\.md has no entry for it yet/);
    const changelog = await vscode.workspace.openTextDocument(folder.file('weather/CHANGELOG.md'));
    await waitFor('the entry in CHANGELOG.md', () => changelog.getText().includes('## 1.5.0'));
    assert.match(changelog.getText(), /^# Changelog\n\n## 1\.5\.0\n- Adds the optional environment variable WEATHER_UNITS[^\n]*\.\n\n## 1\.4\.0\n/);
    await vscode.commands.executeCommand('undo');
    await waitFor('the entry to be undone', () => !changelog.getText().includes('## 1.5.0'));
    await changelog.save();
    const documents = await Promise.all(['server.json', 'package.json'].map((f) => vscode.workspace.openTextDocument(folder.file(`weather/${f}`))));
    await undoInEditor(folder.file('weather/server.json'), () => documents.every((d) => !d.getText().includes('1.5.0')));
    await saveAll(documents.map((d) => d.uri));
  });

  it('"Undo" from the notification restores every place and saves the files again', async () => {
    await config().update('bump.extraFiles', [{ path: 'src/index.ts', regex: "version: '(.+?)'" }], vscode.ConfigurationTarget.Global);
    try {
      const { bump } = await extensionApi();
      const [applied] = (await bump.apply([await bump.prepare(folder.file('weather/server.json'), '1.4.1')], { preview: false }))!;
      assert.equal((await places(onDisk)).indexTs, '1.4.1');
      const documents = await Promise.all(applied.changed.map((d) => vscode.workspace.openTextDocument(d.uri)));
      const undoing = bump.undo(applied);
      await confirmUndoInAllFiles(() => documents.every((d) => !d.getText().includes('1.4.1')));
      assert.equal(await undoing, true);
      const original = { server: '1.4.0', npm: '1.4.0', oci: 'ghcr.io/acme-labs/weather-mcp:1.4.0', packageJson: '1.4.0', indexTs: '1.4.0' };
      assert.deepEqual(await places(onDisk), original);
    } finally {
      await config().update('bump.extraFiles', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('lists every change in the Refactor Preview before applying it (mcpVersions.bump.preview)', async () => {
    await config().update('bump.preview', true, vscode.ConfigurationTarget.Global);
    try {
      (await extensionApi()).bump.setPrompts(new ScriptedPrompts([pickKind('minor')]));
      const running = run(folder.file('weather/server.json'));
      const rows = await waitFor('the Refactor Preview', async () => {
        const found = await queryDom('.monaco-list-row');
        return found.some((row) => row.includes('/acme-labs/weather-mcp:1.4.01.5.0')) ? found : undefined;
      });
      assert.ok(rows.some((row) => row.startsWith('package.json')), rows.join('\n'));
      // The preview on screen is the positive signal: the command waits on it, so nothing is on disk yet.
      assert.equal(JSON.parse(onDisk('server.json')).version, '1.4.0', 'nothing is applied before the preview is confirmed');
      await screenshot('bump-preview');
      await vscode.commands.executeCommand('refactorPreview.discard');
      const outcome = await running;
      assert.equal(outcome?.to, '1.4.0', 'discarding the preview changed nothing');
      assert.equal(JSON.parse(await text('server.json')).version, '1.4.0');
    } finally {
      await config().update('bump.preview', false, vscode.ConfigurationTarget.Global);
    }
  });

  it('continues a pre-release line: 1.3.0-beta.2 → 1.3.0-beta.3', async () => {
    const prompts = new ScriptedPrompts([pickId('prerelease…')], { preid: 'beta' });
    (await extensionApi()).bump.setPrompts(prompts);
    const outcome = await run(folder.file('forecast/server.json'));
    assert.equal(outcome?.to, '1.3.0-beta.3');
    assert.equal(JSON.parse((await vscode.workspace.openTextDocument(folder.file('forecast/server.json'))).getText()).version, '1.3.0-beta.3');
    const listed = prompts.views[0].items.find((item) => item.id.startsWith('prerelease:'));
    assert.equal(listed?.label, '1.3.0-beta.3');
    const document = await vscode.workspace.openTextDocument(folder.file('forecast/server.json'));
    await undoInEditor(document.uri, () => document.getText().includes('"1.3.0-beta.2"'));
    await saveAll([document.uri]);
  });

  it('offers an unpublished workspace version as it is, first and recommended; picking it changes nothing', async () => {
    folder.write('alerts/server.json', `${JSON.stringify(server(ALERTS, '1.1.5'), null, 2)}\n`);
    const prompts = new ScriptedPrompts([(view) => view.items[0].id]);
    (await extensionApi()).bump.setPrompts(prompts);
    const outcome = await run(folder.file('alerts/server.json'));
    const [view] = prompts.views;
    assert.deepEqual(
      view.items.slice(0, 4).map((item) => [item.label, item.description]),
      [['1.1.5', 'publish as it is · recommended · becomes latest'], ['1.1.1', 'patch · becomes latest'], ['1.3.0', 'minor · becomes latest'], ['2.0.0', 'major · becomes latest']],
      'bumps count from the latest published 1.1.0, skipping the deleted 1.2.0',
    );
    assert.deepEqual({ from: outcome?.from, to: outcome?.to, files: outcome?.files }, { from: '1.1.5', to: '1.1.5', files: [] });
    assert.equal(JSON.parse(folder.read('alerts/server.json')).version, '1.1.5');
    folder.write('alerts/server.json', `${JSON.stringify(server(ALERTS, '1.1.0'), null, 2)}\n`);
  });

  it('never lists a version taken by a deleted release, and refuses it when typed', async () => {
    const prompts = new ScriptedPrompts([pickId('custom…')], { typed: ['1.2.0', '1.2.1'] });
    (await extensionApi()).bump.setPrompts(prompts);
    const outcome = await run(folder.file('alerts/server.json'));
    const [first] = prompts.views;
    const minor = first.items.find((item) => item.id.startsWith('minor:'))!;
    assert.equal(minor.label, '1.3.0', 'the next free minor version');
    assert.match(minor.detail, /1\.2\.0 .*already taken/);
    assert.ok(first.items.every((item) => !item.refusal && item.label !== '1.2.0'), first.items.map((item) => item.label).join());
    assert.equal(prompts.checks[0].value, '1.2.0');
    assert.equal(prompts.checks[0].result?.severity, 'error');
    assert.match(prompts.checks[0].result?.message ?? '', /deleted/);
    assert.equal(outcome?.to, '1.2.1');
    assert.equal(JSON.parse(folder.read('alerts/server.json')).version, '1.2.1');
    folder.write('alerts/server.json', `${JSON.stringify(server(ALERTS, '1.1.0'), null, 2)}\n`);
  });

  it('changes nothing when one of the files cannot be parsed (an unsaved broken package.json)', async () => {
    const before = await text('server.json');
    const packageJson = await vscode.workspace.openTextDocument(folder.file('weather/package.json'));
    const broken = new vscode.WorkspaceEdit();
    broken.insert(packageJson.uri, packageJson.positionAt(packageJson.getText().indexOf('"type"')), ',');
    assert.ok(await vscode.workspace.applyEdit(broken));
    try {
      const { bump } = await extensionApi();
      await assert.rejects(bump.prepare(folder.file('weather/server.json'), '1.5.0'), /Nothing was changed\. .*package\.json \(the npm package @acme-labs\/weather-mcp\) is not valid JSON/);
      assert.equal(await text('server.json'), before);
    } finally {
      await vscode.window.showTextDocument(packageJson);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  it('shows the real picker; closing it changes nothing (and the README\'s docs/images/bump.png)', async () => {
    (await extensionApi()).bump.setPrompts(undefined);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(folder.file('weather/server.json')));
    const running = run(folder.file('weather/server.json'));
    const rows = await waitFor('the bump picker', async () => {
      const found = await queryDom('.quick-input-widget .monaco-list-row');
      return found.some((row) => row.includes('1.5.0')) ? found : undefined;
    });
    assert.ok(rows.some((row) => /Custom…/.test(row)));
    await docsScreenshot('bump');
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    assert.equal(await running, undefined);
    assert.equal(JSON.parse(onDisk('server.json')).version, '1.4.0');
  });
});
