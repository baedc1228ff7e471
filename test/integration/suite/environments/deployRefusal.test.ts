import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { RegistryClient, CURRENT_SCHEMA_URL } from '../../../../src/registry';
import type { EnvironmentsApi } from '../../../../src/environments';
import { DEPLOY_SCRIPT, readDeployedVersion } from '../../../../tools/demo-environments';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { configure, environmentsApi, resetSettings, ScriptedPrompts, settle, SERVER, startDemo, startRegistry, type Demo } from './fixture';

// The registry accepts nearly any version string; one that a deploy command would read as an option must
// not reach a command line, and the history file cannot be pointed outside the workspace.
describe('environments: deploy refuses unsafe values and history files', () => {
  const HOSTILE = '--force';
  let api: EnvironmentsApi;
  let registry: LocalRegistry;
  let demo: Demo;
  let prompts: ScriptedPrompts;
  let tasksStarted = 0;
  let taskListener: vscode.Disposable;
  let outsideDir: string;

  before(async () => {
    api = await environmentsApi();
    registry = await startRegistry();
    const token = registry.mintToken([{ action: 'publish', resource: 'io.github.acme/*' }]);
    await new RegistryClient(registry.url).publish({ $schema: CURRENT_SCHEMA_URL, name: SERVER, description: 'Weather forecasts', version: HOSTILE }, token);
    demo = await startDemo([
      { name: 'inline', initialVersion: '1.0.0' },
      { name: 'variables', initialVersion: '1.0.0' },
    ]);
    outsideDir = mkdtempSync(join(tmpdir(), 'mcpv-outside-'));
    const byVariables = `"${process.execPath}" "${DEPLOY_SCRIPT}" --dir "${demo.dir}" --delay-ms 100`;
    await configure(registry.url, [
      { name: 'inline', server: SERVER, endpoint: demo.endpoints.inline, deploy: demo.deployCommand(100) },
      { name: 'variables', server: SERVER, endpoint: demo.endpoints.variables, deploy: byVariables },
    ]);
    api.setVerifyIntervalMs(200);
    await settle(api, ['inline', 'variables']);
    taskListener = vscode.tasks.onDidStartTask(() => tasksStarted++);
  });

  beforeEach(() => {
    prompts = new ScriptedPrompts();
    api.setPrompts(prompts);
  });

  after(async () => {
    taskListener.dispose();
    api.setPrompts(undefined);
    api.setVerifyIntervalMs(undefined);
    await resetSettings(['deployments.historyFile']);
    await demo.close();
    await registry.close();
    rmSync(outsideDir, { recursive: true, force: true });
  });

  it('refuses a version the command would read as an option, before asking, and runs no task', async () => {
    const before = api.history.all().length;
    await assert.rejects(api.deployVersion('inline', HOSTILE), /version "--force" cannot be written into the deploy command: it starts with "-".*MCP_VERSION/s);
    assert.equal(prompts.confirmations.length, 0);
    assert.equal(tasksStarted, 0);
    assert.equal(readDeployedVersion(demo.dir, 'inline'), '1.0.0');
    assert.equal(api.history.all().length, before);
  });

  it('deploys the same version when the command takes it from MCP_VERSION', async () => {
    const record = await api.deployVersion('variables', HOSTILE);
    assert.equal(readDeployedVersion(demo.dir, 'variables'), HOSTILE, 'the deploy script received the version through the environment');
    assert.equal(record.result, 'verified');
    assert.equal(tasksStarted, 1);
  });

  it('refuses a history file outside the workspace folder, and writes nothing', async () => {
    const outside = join(outsideDir, 'deployments.jsonl');
    await vscode.workspace.getConfiguration('mcpVersions').update('deployments.historyFile', outside, vscode.ConfigurationTarget.Global);
    const started = tasksStarted;
    await assert.rejects(api.deployVersion('variables', '1.2.0'), /historyFile .* outside the workspace folder.*Nothing was deployed/s);
    assert.equal(tasksStarted, started);
    assert.equal(existsSync(outside), false);
    assert.equal(readDeployedVersion(demo.dir, 'variables'), HOSTILE);
  });
});
