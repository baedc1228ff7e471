import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extensionApi, queryDom, screenshot, waitFor } from '../harness';

const EXTENSION_ID = 'mcp-versions.mcp-versions';

describe('activation and contributions', () => {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  const manifest = JSON.parse(readFileSync(join(extension!.extensionPath, 'package.json'), 'utf8'));

  it('is installed and stays inactive until its view is opened', () => {
    assert.ok(extension, `${EXTENSION_ID} is not installed`);
    assert.equal(extension.isActive, false, 'activated before anything asked for it');
  });

  it('activates when the MCP Versions view is opened', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await waitFor('the extension to activate', () => extension!.isActive);
    assert.equal(extension!.isActive, true);
  });

  it('registers every contributed command, still there once the features have started', async () => {
    await extensionApi();
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = manifest.contributes.commands.map((c: { command: string }) => c.command);
    assert.ok(contributed.length > 0);
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, []);
  });

  it('shows welcome content in each empty view', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const texts = await waitFor('welcome content', async () => {
      const found = await queryDom('.welcome-view-content');
      return found.length >= 1 && found.join('\n').includes('mcpVersions.registries') ? found : undefined;
    });
    const all = texts.join('\n');
    assert.match(all, /servers and versions published to your MCP registries/);
    assert.match(all, /Open Settings/);
    await screenshot('welcome');
  });
});
