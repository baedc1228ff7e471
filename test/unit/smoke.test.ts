import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('package manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  it('declares every command under the mcpVersions. prefix with a category', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^mcpVersions\./);
      assert.equal(command.category, 'MCP Versions');
    }
  });
  it('activates lazily (no * or onStartupFinished)', () => {
    for (const event of manifest.activationEvents ?? []) assert.ok(!['*', 'onStartupFinished'].includes(event), event);
  });
});
