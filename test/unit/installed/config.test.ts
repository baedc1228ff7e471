import * as assert from 'node:assert/strict';
import { installedServersFrom, MAX_CONFIG_LENGTH } from '../../../src/installed';

const brief = (text: string, kind: Parameters<typeof installedServersFrom>[1]) => {
  const { entries, problems } = installedServersFrom(text, kind);
  return {
    entries: entries.map((entry) => ({
      key: entry.key,
      ...(entry.package ? { package: `${entry.package.registryType}:${entry.package.identifier}@${entry.package.version ?? '-'}` } : {}),
      ...(entry.remoteUrl ? { remoteUrl: entry.remoteUrl } : {}),
      ...(entry.local ? { local: true } : {}),
    })),
    problems,
  };
};

describe('installed: VS Code mcp.json', () => {
  const userMcpJson = `{
	// Servers installed from the MCP gallery and by hand
	"servers": {
		"io.github.github/github-mcp-server": {
			"type": "http",
			"url": "https://api.githubcopilot.com/mcp/",
			"gallery": "https://api.mcp.github.com",
			"version": "0.13.0"
		},
		"microsoft/playwright-mcp": {
			"type": "stdio",
			"command": "npx",
			"args": ["@playwright/mcp@0.0.40"],
			"gallery": "https://api.mcp.github.com",
			"version": "0.0.40",
		},
		/* my own server */
		"local-notes": { "command": "node", "args": ["\${workspaceFolder}/dist/index.js"], "env": { "NOTES": "~/notes" } },
	},
	"inputs": [
		{ "type": "promptString", "id": "token", "description": "Token", "password": true },
	],
}`;

  it('reads gallery installs with their registry and version, and hand-written servers, through comments and trailing commas', () => {
    const { entries, problems } = installedServersFrom(userMcpJson, 'vscode');
    assert.deepEqual(problems, []);
    assert.equal(entries.length, 3);
    const [github, playwright, notes] = entries;
    assert.deepEqual({ key: github.key, transport: github.transport, remoteUrl: github.remoteUrl, gallery: github.gallery, galleryVersion: github.galleryVersion, jsonPath: github.jsonPath },
      { key: 'io.github.github/github-mcp-server', transport: 'http', remoteUrl: 'https://api.githubcopilot.com/mcp/', gallery: 'https://api.mcp.github.com', galleryVersion: '0.13.0', jsonPath: ['servers', 'io.github.github/github-mcp-server'] });
    assert.equal(playwright.package?.identifier, '@playwright/mcp');
    assert.equal(playwright.package?.version, '0.0.40');
    assert.equal(playwright.gallery, 'https://api.mcp.github.com');
    assert.equal(playwright.galleryVersion, '0.0.40');
    assert.equal(notes.local, true);
    assert.equal(notes.gallery, undefined);
  });

  it('accepts `"gallery": true` from older VS Code versions and ignores "gallery": false', () => {
    const { entries } = installedServersFrom('{"servers":{"a":{"command":"npx","args":["a@1.0.0"],"gallery":true,"version":"1.0.0"},"b":{"url":"https://b.example/mcp","gallery":false}}}', 'vscode');
    assert.equal(entries[0].gallery, true);
    assert.equal(entries[1].gallery, undefined);
  });

  it('says so when a VS Code file uses "mcpServers" (not loaded by VS Code)', () => {
    const { entries, problems } = installedServersFrom('{\n  "mcpServers": { "x": { "command": "npx", "args": ["x"] } }\n}', 'vscode');
    assert.deepEqual(entries, []);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /"servers", not "mcpServers"/);
    assert.equal(problems[0].line, 2);
  });

  it('finds no servers and no problem in a file with only inputs, or an empty file', () => {
    assert.deepEqual(installedServersFrom('{ "inputs": [] }', 'vscode'), { entries: [], problems: [] });
    assert.deepEqual(installedServersFrom('', 'vscode'), { entries: [], problems: [] });
    assert.deepEqual(installedServersFrom('  \n\t', 'cursor'), { entries: [], problems: [] });
    assert.deepEqual(installedServersFrom('{ "servers": {} }', 'vscode'), { entries: [], problems: [] });
  });
});

describe('installed: Cursor, Claude Code and Claude Desktop configs', () => {
  it('reads a Cursor mcp.json with comments, remotes by url and serverUrl, and disabled servers', () => {
    const text = `{
  "mcpServers": {
    // docs
    "context7": { "url": "https://mcp.context7.com/mcp", "headers": { "CONTEXT7_API_KEY": "\${env:KEY}" } },
    "linear": { "serverUrl": "https://mcp.linear.app/sse" },
    "postgres": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres@0.6.2", "postgresql://localhost/db"], "disabled": true },
  },
}`;
    assert.deepEqual(brief(text, 'cursor'), {
      entries: [
        { key: 'context7', remoteUrl: 'https://mcp.context7.com/mcp' },
        { key: 'linear', remoteUrl: 'https://mcp.linear.app/sse' },
        { key: 'postgres', package: 'npm:@modelcontextprotocol/server-postgres@0.6.2' },
      ],
      problems: [],
    });
    const { entries } = installedServersFrom(text, 'cursor');
    assert.equal(entries[2].disabled, true);
    assert.equal(entries[0].disabled, undefined);
  });

  it('reads a Claude Code .mcp.json with http, sse and stdio servers', () => {
    const text = JSON.stringify({
      mcpServers: {
        sentry: { type: 'http', url: 'https://mcp.sentry.dev/mcp' },
        asana: { type: 'sse', url: 'https://mcp.asana.com/sse' },
        airtable: { type: 'stdio', command: 'npx', args: ['-y', 'airtable-mcp-server@1.7.2'], env: { AIRTABLE_API_KEY: 'x' } },
      },
    }, null, 2);
    const { entries, problems } = installedServersFrom(text, 'claude-code');
    assert.deepEqual(problems, []);
    assert.deepEqual(entries.map((entry) => [entry.key, entry.transport]), [['sentry', 'http'], ['asana', 'sse'], ['airtable', 'stdio']]);
    assert.equal(entries[2].package?.version, '1.7.2');
  });

  it('reads a Claude Desktop config from Windows with escaped backslashes', () => {
    const text = `{
  "mcpServers": {
    "filesystem": {
      "command": "C:\\\\Program Files\\\\nodejs\\\\npx.cmd",
      "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.8.21", "C:\\\\Users\\\\me\\\\Desktop"]
    },
    "git": { "command": "C:\\\\Users\\\\me\\\\.local\\\\bin\\\\uvx.exe", "args": ["mcp-server-git==0.6.2"] }
  },
  "globalShortcut": "Ctrl+Space"
}`;
    assert.deepEqual(brief(text, 'claude-desktop'), {
      entries: [
        { key: 'filesystem', package: 'npm:@modelcontextprotocol/server-filesystem@2025.8.21' },
        { key: 'git', package: 'pypi:mcp-server-git@0.6.2' },
      ],
      problems: [],
    });
  });

  it('ignores VS Code\'s gallery fields in other clients\' files', () => {
    const { entries } = installedServersFrom('{"mcpServers":{"a":{"command":"npx","args":["a@1.0.0"],"gallery":"https://x","version":"9"}}}', 'cursor');
    assert.equal(entries[0].gallery, undefined);
    assert.equal(entries[0].galleryVersion, undefined);
  });
});

describe('installed: configs that cannot be read', () => {
  it('reports a syntax error with its line instead of guessing entries', () => {
    const text = '{\n  "servers": {\n    "a": { "command": "npx" "args": ["a@1.0.0"] }\n  }\n}';
    const { entries, problems } = installedServersFrom(text, 'vscode');
    assert.deepEqual(entries, []);
    assert.equal(problems.length >= 1, true);
    assert.match(problems[0].message, /^mcp\.json cannot be read: comma expected on line 3$/);
    assert.equal(problems[0].line, 3);
    assert.equal(text.slice(problems[0].offset), '"args": ["a@1.0.0"] }\n  }\n}');
  });

  it('reports an unterminated file', () => {
    const { entries, problems } = installedServersFrom('{ "mcpServers": { "a": { "command": "npx", "args": ["a"]', 'cursor');
    assert.deepEqual(entries, []);
    assert.match(problems[0].message, /cannot be read/);
  });

  it('refuses comments and trailing commas where the client reads strict JSON', () => {
    const commented = '{\n  // mine\n  "mcpServers": { "a": { "command": "npx", "args": ["a@1.0.0"] } }\n}';
    const desktop = installedServersFrom(commented, 'claude-desktop');
    assert.deepEqual(desktop.entries, []);
    assert.match(desktop.problems[0].message, /^claude_desktop_config\.json cannot be read: comments are not allowed in this file on line 2$/);
    const trailing = installedServersFrom('{\n  "mcpServers": { "a": { "command": "npx", "args": ["a@1.0.0"], } }\n}', 'claude-code');
    assert.deepEqual(trailing.entries, []);
    assert.match(trailing.problems[0].message, /^\.mcp\.json cannot be read: trailing commas are not allowed in this file on line 2$/);
    assert.equal(installedServersFrom(commented, 'cursor').entries.length, 1);
  });

  it('reports a file that is not an object, or servers that are not an object', () => {
    assert.match(installedServersFrom('[]', 'vscode').problems[0].message, /must contain a JSON object, not a list/);
    assert.match(installedServersFrom('"servers"', 'cursor').problems[0].message, /must contain a JSON object, not the string "servers"/);
    assert.match(installedServersFrom('null', 'claude-code').problems[0].message, /not null/);
    const servers = installedServersFrom('{"servers": ["npx a"]}', 'vscode');
    assert.deepEqual(servers.entries, []);
    assert.match(servers.problems[0].message, /"servers" must be an object of named servers, not a list/);
  });

  it('reports entries of the wrong shape and keeps reading the others', () => {
    const text = `{
  "mcpServers": {
    "text": "npx -y a",
    "nothing": { "env": {} },
    "numeric-command": { "command": 42 },
    "bad-args": { "command": "npx", "args": "-y b@1.0.0" },
    "odd-type": { "type": "websocket", "command": "npx", "args": ["c@1.0.0"] },
    "blank": { "command": " ", "args": ["x"] },
    "good": { "command": "npx", "args": ["d@2.0.0"] }
  }
}`;
    const { entries, problems } = installedServersFrom(text, 'claude-desktop');
    assert.deepEqual(problems.map((problem) => [problem.key, problem.line]), [['text', 3], ['nothing', 4], ['numeric-command', 5], ['bad-args', 6], ['odd-type', 7], ['blank', 8]]);
    assert.match(problems[0].message, /Server "text" must be an object, not the string/);
    assert.match(problems[1].message, /neither "command" nor "url"/);
    assert.match(problems[2].message, /"command" of server "numeric-command" must be a string, not the number 42/);
    assert.match(problems[3].message, /"args" of server "bad-args" must be a list of strings/);
    assert.match(problems[4].message, /"type" of server "odd-type" is "websocket"/);
    assert.match(problems[5].message, /"command" of server "blank" is empty/);
    assert.deepEqual(entries.map((entry) => [entry.key, entry.package?.identifier ?? null]), [['bad-args', null], ['odd-type', 'c'], ['good', 'd']]);
    assert.equal(entries[0].local, true);
  });

  it('uses the last of two servers with the same name and says so', () => {
    const { entries, problems } = installedServersFrom('{"servers":{"a":{"command":"npx","args":["a@1.0.0"]},"b":{"url":"https://b"},"a":{"command":"npx","args":["a@2.0.0"]}}}', 'vscode');
    assert.deepEqual(entries.map((entry) => [entry.key, entry.package?.version ?? null]), [['b', null], ['a', '2.0.0']]);
    assert.match(problems[0].message, /"a" is defined more than once; the last definition is used/);
  });

  it('refuses text beyond the size bound without parsing it', () => {
    const huge = `{"servers":{"a":{"command":"npx","args":["${'x'.repeat(MAX_CONFIG_LENGTH)}"]}}}`;
    const { entries, problems } = installedServersFrom(huge, 'vscode');
    assert.deepEqual(entries, []);
    assert.match(problems[0].message, /too large/);
  });
});

describe('installed: hostile configs stay bounded', () => {
  it('reads a file with twenty thousand definitions of one name as one server', () => {
    const text = `{"servers":{${'"a":{"command":"npx","args":["a@1.0.0"]},'.repeat(20_000)}"a":{"command":"npx","args":["a@2.0.0"]}}}`;
    const { entries, problems } = installedServersFrom(text, 'vscode');
    assert.deepEqual(entries.map((entry) => entry.package?.version), ['2.0.0']);
    assert.equal(problems.length, 20_000);
    assert.equal(problems[19_999].line, 1);
  });

  it('lists only the first few syntax errors of a file full of them', () => {
    const { entries, problems } = installedServersFrom(`{"servers": ${'@'.repeat(50_000)}}`, 'cursor');
    assert.deepEqual(entries, []);
    assert.equal(problems.length <= 5, true);
    assert.match(problems[0].message, /unexpected character on line 1/);
  });
});
