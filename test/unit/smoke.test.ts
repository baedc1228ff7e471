import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

describe('package manifest', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
  it('declares every command under the mcpVersions. prefix with a category', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^mcpVersions\./);
      assert.equal(command.category, '%viewsContainer.title%');
    }
  });
  it('has an English text in package.nls.json for every %key% it uses, and no key it does not use', () => {
    const nls = JSON.parse(readFileSync('package.nls.json', 'utf8')) as Record<string, string>;
    const used = new Set([...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
    for (const key of used) assert.ok(typeof nls[key] === 'string' && nls[key].length > 0, `package.nls.json has no text for %${key}%`);
    for (const key of Object.keys(nls)) assert.ok(used.has(key), `package.nls.json has ${key}, which package.json does not use`);
    assert.equal(nls['viewsContainer.title'], 'MCP Versions');
  });
  it('activates lazily (no * or onStartupFinished)', () => {
    for (const event of manifest.activationEvents ?? []) assert.ok(!['*', 'onStartupFinished'].includes(event), event);
  });
});
