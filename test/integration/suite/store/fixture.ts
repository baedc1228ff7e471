// What the store suites share: a local registry holding NAME 1.0.0, 1.1.0 and 2.0.0, a demo "production"
// environment running 2.0.0, and settings where no timer reads the registry while a test counts requests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { startDemoEnvironments, type DemoEnvironments } from '../../../../tools/demo-environments';
import type { LocalRegistry } from '../../../../tools/local-registry';
import { publish, startRegistry } from '../tree/helpers';

export interface StoreScene {
  readonly reg: LocalRegistry;
  readonly demo: DemoEnvironments;
  close(): Promise<void>;
}

const SETTINGS = ['environments', 'registries', 'environmentsPollSeconds', 'autoRefreshSeconds'];

export async function startStoreScene(name: string, registryName: string): Promise<StoreScene> {
  const reg = await startRegistry({ seed: 'none' });
  for (const version of ['1.0.0', '1.1.0', '2.0.0']) await publish(reg, name, version);
  const demoDir = mkdtempSync(join(tmpdir(), 'mcpv-store-'));
  const demo = await startDemoEnvironments({ dir: demoDir, serverName: name, environments: [{ name: 'production', initialVersion: '2.0.0' }] });
  const config = vscode.workspace.getConfiguration('mcpVersions');
  // No timer may read the registry while requests are counted: the views must follow a write by themselves.
  await config.update('autoRefreshSeconds', 0, vscode.ConfigurationTarget.Global);
  await config.update('environmentsPollSeconds', 3600, vscode.ConfigurationTarget.Global);
  await config.update('registries', [{ name: registryName, url: reg.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
  await config.update('environments', [{ name: 'production', server: name, endpoint: demo.endpoints.production }], vscode.ConfigurationTarget.Global);
  return {
    reg,
    demo,
    async close() {
      for (const key of SETTINGS) await config.update(key, undefined, vscode.ConfigurationTarget.Global);
      await demo.close();
      rmSync(demoDir, { recursive: true, force: true });
      await reg.close();
    },
  };
}
