import * as assert from 'node:assert/strict';
import { configLocations } from '../../../src/installed';

describe('installed: where clients keep their MCP configs', () => {
  it('lists user configs first, then each workspace folder\'s, on macOS', () => {
    const locations = configLocations({ platform: 'darwin', home: '/Users/me', workspaceFolders: ['/Users/me/app'], vscodeUserMcpJson: '/Users/me/Library/Application Support/Code/User/mcp.json' });
    assert.deepEqual(locations.map((location) => [location.kind, location.scope, location.path]), [
      ['vscode', 'user', '/Users/me/Library/Application Support/Code/User/mcp.json'],
      ['cursor', 'user', '/Users/me/.cursor/mcp.json'],
      ['claude-desktop', 'user', '/Users/me/Library/Application Support/Claude/claude_desktop_config.json'],
      ['vscode', 'workspace', '/Users/me/app/.vscode/mcp.json'],
      ['cursor', 'workspace', '/Users/me/app/.cursor/mcp.json'],
      ['claude-code', 'workspace', '/Users/me/app/.mcp.json'],
    ]);
  });

  it('uses %APPDATA% on Windows and XDG_CONFIG_HOME on Linux', () => {
    const windows = configLocations({ platform: 'win32', home: 'C:\\Users\\me', appData: 'C:\\Users\\me\\AppData\\Roaming', workspaceFolders: ['D:\\work\\app'] });
    assert.equal(windows.find((location) => location.kind === 'claude-desktop')?.path, 'C:\\Users\\me\\AppData\\Roaming\\Claude\\claude_desktop_config.json');
    assert.equal(windows.find((location) => location.kind === 'claude-code')?.path, 'D:\\work\\app\\.mcp.json');
    assert.equal(configLocations({ platform: 'win32', home: 'C:\\Users\\me', workspaceFolders: [] }).some((location) => location.kind === 'claude-desktop'), false);
    const linux = configLocations({ platform: 'linux', home: '/home/me', xdgConfigHome: '/home/me/.xdg', workspaceFolders: [] });
    assert.equal(linux.find((location) => location.kind === 'claude-desktop')?.path, '/home/me/.xdg/Claude/claude_desktop_config.json');
    assert.equal(configLocations({ platform: 'linux', home: '/home/me', workspaceFolders: [] }).find((location) => location.kind === 'claude-desktop')?.path, '/home/me/.config/Claude/claude_desktop_config.json');
  });
});
