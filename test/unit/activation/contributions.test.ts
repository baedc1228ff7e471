import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { contributionsOf } from '../../../src/activation/model/contributions';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

describe('what activation registers before the features load (package.json)', () => {
  const contributions = contributionsOf(manifest);

  it('every contributed command, and the commands that activate the extension without being contributed', () => {
    for (const { command } of manifest.contributes.commands) assert.ok(contributions.commands.includes(command), command);
    // The walkthrough's "Open README" link runs a command that is not in the palette.
    assert.ok(contributions.commands.includes('mcpVersions.openReadme'));
    assert.equal(new Set(contributions.commands).size, contributions.commands.length, 'each command once');
  });

  it('the four views, the diff panel type and the schema scheme', () => {
    assert.deepEqual([...contributions.views].sort(), ['mcpVersions.environments', 'mcpVersions.installed', 'mcpVersions.registry', 'mcpVersions.workspace']);
    assert.deepEqual(contributions.webviewPanels, ['mcpVersions.diff']);
    assert.deepEqual(contributions.schemes, ['mcp-versions-schema']);
  });

  it('nothing from a manifest without contributions', () => {
    assert.deepEqual(contributionsOf({}), { commands: [], views: [], webviewPanels: [], schemes: [] });
  });
});
