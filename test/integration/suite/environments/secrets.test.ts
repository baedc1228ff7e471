import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LocalRegistry } from '../../../../tools/local-registry';
import type { EnvironmentsApi } from '../../../../src/environments';
import { createServer } from 'node:http';
import { waitFor } from '../../harness';
import type { AddressInfo } from 'node:net';
import { configure, environmentsApi, resetSettings, settle, SERVER, startDemo, startRegistry, type Demo } from './fixture';

const SECRET = 'Bearer never-in-settings-7f3a9c';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
  } catch {
    return [];
  }
}

describe('environments: header secrets', () => {
  let api: EnvironmentsApi;
  let registry: LocalRegistry;
  let demo: Demo;

  before(async () => {
    api = await environmentsApi();
    registry = await startRegistry();
    demo = await startDemo([{ name: 'secured', initialVersion: '1.4.0', requiredHeaders: { authorization: SECRET } }]);
    await configure(registry.url, [
      { name: 'secured', server: SERVER, endpoint: demo.endpoints.secured, headers: [{ name: 'Authorization', secret: true }] },
    ]);
    await settle(api, ['secured']);
  });

  after(async () => {
    await vscode.commands.executeCommand('mcpVersions.environments.setHeaderSecret', { type: 'environment', name: 'secured' }, 'Authorization', '');
    await resetSettings();
    await demo.close();
    await registry.close();
  });

  it('shows that a secret header is missing and the endpoint refuses', () => {
    const status = api.store.get('secured')!;
    assert.deepEqual(status.missingSecrets, ['Authorization']);
    assert.equal(status.probe?.ok, false);
    assert.match(!status.probe?.ok ? status.probe!.error : '', /HTTP 401/);
  });

  it('sends the secret from Secret Storage once it is set', async () => {
    await vscode.commands.executeCommand('mcpVersions.environments.setHeaderSecret', { type: 'environment', name: 'secured' }, 'Authorization', SECRET);
    const status = api.store.get('secured')!;
    assert.deepEqual(status.missingSecrets, []);
    assert.equal(status.probe?.ok && status.probe.version, '1.4.0');
  });

  it('never writes the secret to settings or logs', async () => {
    const inspected = vscode.workspace.getConfiguration('mcpVersions').inspect('environments');
    assert.ok(!JSON.stringify(inspected).includes(SECRET));
    await api.store.refreshAll();
    const logs = filesUnder(api.logFolder.fsPath);
    assert.ok(logs.length > 0, `no log file under ${api.logFolder.fsPath}`);
    for (const file of logs) assert.ok(!readFileSync(file, 'utf8').includes('never-in-settings'), `${file} contains the secret`);
  });

  it('does not send the secret to another origin under the same environment name, and asks for one there', async () => {
    // Another workspace names its environment "secured" too, with its own endpoint: it must not get our value.
    const seen: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'text/plain' });
      res.end('who are you');
    });
    await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
    try {
      const endpoint = `http://127.0.0.1:${(other.address() as AddressInfo).port}/mcp`;
      await configure(registry.url, [{ name: 'secured', server: SERVER, endpoint, headers: [{ name: 'Authorization', secret: true }] }]);
      await waitForEndpoint(api, 'secured', endpoint);
      await api.store.refresh('secured');
      assert.ok(seen.length > 0, 'the other endpoint was probed');
      assert.deepEqual(seen.filter((h) => h !== undefined), [], 'without the secret stored for the first origin');
      assert.deepEqual(api.store.get('secured')!.missingSecrets, ['Authorization'], 'the view asks for a value for this origin');
    } finally {
      other.closeAllConnections();
      await new Promise<void>((done) => other.close(() => done()));
    }
    // Back at the first origin, its value is there again.
    await configure(registry.url, [{ name: 'secured', server: SERVER, endpoint: demo.endpoints.secured, headers: [{ name: 'Authorization', secret: true }] }]);
    await waitForEndpoint(api, 'secured', demo.endpoints.secured);
    const status = await api.store.refresh('secured');
    assert.equal(status?.probe?.ok && status.probe.version, '1.4.0');
  });
});

async function waitForEndpoint(api: EnvironmentsApi, name: string, endpoint: string): Promise<void> {
  await waitFor(`${name} to move to ${endpoint}`, () => api.store.get(name)?.config.endpoint === endpoint || undefined);
}
