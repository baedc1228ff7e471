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

  it('serves every shipped server.json schema to VS Code\'s JSON service from the installed files', async () => {
    for (const [file, id] of [
      ['server.schema.2025-12-11.json', 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json'],
      ['server.schema.2025-07-09.json', 'https://static.modelcontextprotocol.io/schemas/2025-07-09/server.schema.json'],
      ['server.schema.draft.json', 'https://raw.githubusercontent.com/modelcontextprotocol/registry/main/docs/reference/server-json/draft/server.schema.json'],
    ]) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(`mcp-versions-schema://official/${file}`));
      assert.equal((JSON.parse(document.getText()) as { $id?: string }).$id, id, file);
    }
  });
});
