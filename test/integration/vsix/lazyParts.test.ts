// The parts the build splits off (dist/lazy/) load on first use: they must be in the .vsix and load there.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitFor } from '../harness';
import { codeOf, ours, serverText, VariantsFolder } from '../suite/workspace/helpers';

const repoRoot = resolve(__dirname, '../../../..');

describe('the packaged .vsix: parts loaded on first use', function () {
  this.timeout(120_000);
  let folder: VariantsFolder | undefined;

  after(async () => {
    await folder?.remove();
  });

  it('carries every file the build split off, and each loads in the extension host', () => {
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions')!;
    const built = JSON.parse(readFileSync(join(repoRoot, 'out/dist-files.json'), 'utf8')) as { eager: string[]; lazy: string[] };
    const packaged = new Set(readdirSync(join(extension.extensionPath, 'dist/lazy')).map((name) => `dist/lazy/${name}`));
    for (const file of [...built.eager, ...built.lazy]) {
      if (file === 'dist/extension.js') continue;
      assert.ok(packaged.has(file), `${file} is not in the .vsix`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      assert.equal(typeof require(join(extension.extensionPath, file)), 'object', file);
    }
    assert.ok(!readdirSync(join(extension.extensionPath, 'dist')).some((name) => name.endsWith('.map')), 'a source map was packaged');
  });

  it('checks a server.json against the schema with the checks and the schema compiler loaded from the .vsix', async () => {
    folder = await VariantsFolder.create('vsix', {
      'server.json': serverText('io.github.acme-labs/packaged', '1.0.0', { packages: [{ registryType: 'npm', identifier: 'p', version: '1.0.0', transport: { type: 'carrier-pigeon' } }] }),
    });
    const uri = folder.fileUri('server.json');
    await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
    const found = await waitFor('a schema diagnostic', () => {
      const schema = ours(uri).filter((d) => codeOf(d) === 'schema');
      return schema.length > 0 ? schema : undefined;
    }, 60_000);
    assert.match(found[0]!.message, /carrier-pigeon|stdio/);
  });
});
