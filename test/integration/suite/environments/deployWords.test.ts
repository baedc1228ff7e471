// A deployment whose endpoint answers with an error body: the outcome row, the history and the
// notification say what happened in words; the raw answer is in the row's tooltip and the log.
import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import type { EnvironmentsApi } from '../../../../src/environments';
import type { DeploymentRecord } from '../../../../src/environments/model';
import { configure, environmentsApi, resetSettings, ScriptedPrompts, settle, SERVER, startRegistry } from './fixture';

const BODY = '{"title":"Service Unavailable","status":503,"detail":"upstream is restarting"}';

describe('environments: a failed deployment in words', function () {
  this.timeout(60_000);
  let api: EnvironmentsApi;
  let registry: LocalRegistry;
  let endpoint: Server;
  let historyDir: string;
  const prompts = new ScriptedPrompts();

  before(async () => {
    api = await environmentsApi();
    registry = await startRegistry();
    endpoint = createServer((req, res) => {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/problem+json' }).end(BODY);
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const port = (endpoint.address() as { port: number }).port;
    historyDir = mkdtempSync(join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.mcpv-history-'));
    await configure(
      registry.url,
      [{ name: 'restarting', server: SERVER, endpoint: `http://127.0.0.1:${port}/mcp`, deploy: `"${process.execPath}" -e "0"`, verifyTimeoutSeconds: 1 }],
      { 'deployments.historyFile': join(historyDir, '.mcp', 'deployments.jsonl') },
    );
    api.setVerifyIntervalMs(200);
    api.setPrompts(prompts);
    await settle(api, ['restarting']);
  });

  after(async () => {
    api.setPrompts(undefined);
    api.setVerifyIntervalMs(undefined);
    await resetSettings(['deployments.historyFile']);
    await new Promise((resolve) => endpoint.close(resolve));
    await registry.close();
    rmSync(historyDir, { recursive: true, force: true });
  });

  it('says "server error (HTTP 503)", never the raw body, and keeps the body for the tooltip', async () => {
    const record = await vscode.commands.executeCommand<DeploymentRecord | undefined>('mcpVersions.environments.deployVersion', { type: 'environment', name: 'restarting' }, '1.2.0');
    assert.equal(record?.result, 'not-verified');
    assert.equal(record?.detail, 'after 1 s the endpoint is unreachable: server error (HTTP 503)');
    const notice = prompts.notifications.find((n) => n.severity === 'error');
    assert.match(notice?.message ?? '', /not verified: after 1 s the endpoint is unreachable: server error \(HTTP 503\)/);
    assert.doesNotMatch(notice?.message ?? '', /\{"title"/);
    const rows = api.provider.getChildren(api.provider.environmentNode('restarting')).map((n) => api.provider.getTreeItem(n));
    const outcome = rows.find((i) => String(i.label).startsWith('1.2.0 not verified'));
    assert.ok(outcome, `an outcome row: ${rows.map((i) => String(i.label)).join(' | ')}`);
    assert.doesNotMatch(String(outcome.label), /\{"title"/);
    assert.match(String(outcome.tooltip), /Service Unavailable/);
  });
});
