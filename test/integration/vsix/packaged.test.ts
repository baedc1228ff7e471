import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from '../harness';

describe('the packaged .vsix', () => {
  it('is installed from the .vsix (not the development folder) and activates with its view', async () => {
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions');
    assert.ok(extension, 'the .vsix is not installed');
    const expectedDir = process.env.MCPV_EXPECT_EXTENSIONS_DIR;
    assert.ok(expectedDir && extension.extensionPath.startsWith(expectedDir), `loaded from ${extension.extensionPath}`);
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    await waitFor('the packaged extension to activate', () => extension.isActive);
    const api = extension.exports as { extensionVersion?: string };
    assert.equal(api.extensionVersion, extension.packageJSON.version);
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('mcpVersions.showLog'));
  });
});
