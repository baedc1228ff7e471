import * as assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import {
  canUpdateVersion,
  installedServersFrom,
  InstalledEditError,
  updateVersionEdits,
  type ConfigKind,
  type VersionTarget,
} from '../../../src/installed';

/** The file after updating server `key` to `version`; asserts the rewritten file reads back with that pin. */
function updated(text: string, kind: ConfigKind, key: string, version: string | VersionTarget): string {
  const entry = installedServersFrom(text, kind).entries.find((candidate) => candidate.key === key);
  assert.ok(entry, key);
  assert.equal(canUpdateVersion(entry), true);
  return applyEdits(text, updateVersionEdits(text, entry, version));
}

describe('installed: editing the pinned version', () => {
  it('rewrites VS Code\'s gallery install the way VS Code writes it: the package pin and "version", comments kept', () => {
    const text = `{
	// installed from the gallery
	"servers": {
		"microsoft/playwright-mcp": {
			"type": "stdio",
			"command": "npx",
			"args": ["@playwright/mcp@0.0.40", "--headless"], // keep me
			"gallery": "https://api.mcp.github.com",
			"version": "0.0.40",
		},
	},
}`;
    assert.equal(updated(text, 'vscode', 'microsoft/playwright-mcp', '0.0.41'), text.replace('@playwright/mcp@0.0.40', '@playwright/mcp@0.0.41').replace('"version": "0.0.40"', '"version": "0.0.41"'));
  });

  it('writes server and package versions apart when they differ', () => {
    const text = '{"servers":{"a":{"command":"uvx","args":["acme-git==0.9.1"],"gallery":true,"version":"1.1.0"}}}';
    assert.equal(updated(text, 'vscode', 'a', { serverVersion: '1.2.0', packageVersion: '0.9.2' }), '{"servers":{"a":{"command":"uvx","args":["acme-git==0.9.2"],"gallery":true,"version":"1.2.0"}}}');
  });

  it('changes only the version characters of npm, PyPI, OCI and NuGet pins', () => {
    const text = `{
  "mcpServers": {
    "files": { "command": "npx", "args": ["-y", "@acme/files@1.0.0", "/Users/me"] },
    "git": { "command": "uvx", "args": ["--from", "acme-git[cli]==0.6.2", "acme-git"] },
    "uv-at": { "command": "uvx", "args": ["acme-time@0.1.0"] },
    "fetch": { "command": "docker", "args": ["run", "-i", "--rm", "-e", "TOKEN", "ghcr.io/acme/fetch:1.0.0"] },
    "tools": { "command": "dnx", "args": ["Acme.Tools", "--version", "2.0.0", "--yes"] },
    "dnx-at": { "command": "dnx", "args": ["Acme.Tools@2.0.0", "--yes"] }
  }
}`;
    assert.equal(updated(text, 'claude-desktop', 'files', '1.1.0'), text.replace('@acme/files@1.0.0', '@acme/files@1.1.0'));
    assert.equal(updated(text, 'claude-desktop', 'git', '0.7.0'), text.replace('acme-git[cli]==0.6.2', 'acme-git[cli]==0.7.0'));
    assert.equal(updated(text, 'claude-desktop', 'uv-at', '0.2.0'), text.replace('acme-time@0.1.0', 'acme-time@0.2.0'));
    assert.equal(updated(text, 'claude-desktop', 'fetch', '1.1.0'), text.replace('fetch:1.0.0', 'fetch:1.1.0'));
    assert.equal(updated(text, 'claude-desktop', 'tools', '2.1.0'), text.replace('"--version", "2.0.0"', '"--version", "2.1.0"'));
    assert.equal(updated(text, 'claude-desktop', 'dnx-at', '2.1.0'), text.replace('Acme.Tools@2.0.0', 'Acme.Tools@2.1.0'));
  });

  it('pins an unpinned package, replacing "latest", a range or a digest', () => {
    const digest = `sha256:${'d'.repeat(64)}`;
    const text = JSON.stringify({
      mcpServers: {
        bare: { command: 'npx', args: ['-y', '@acme/files'] },
        latest: { command: 'npx', args: ['-y', '@acme/files@latest'] },
        range: { command: 'uvx', args: ['acme-git>=0.6'] },
        image: { command: 'docker', args: ['run', '-i', 'mcp/fetch'] },
        digest: { command: 'docker', args: ['run', '-i', `ghcr.io/acme/srv:1.0.0@${digest}`] },
        nuget: { command: 'dnx', args: ['Acme.Tools', '--yes'] },
      },
    }, null, 2);
    const arg = (result: string, key: string) => JSON.parse(result).mcpServers[key].args;
    assert.deepEqual(arg(updated(text, 'claude-code', 'bare', '1.2.0'), 'bare'), ['-y', '@acme/files@1.2.0']);
    assert.deepEqual(arg(updated(text, 'claude-code', 'latest', '1.2.0'), 'latest'), ['-y', '@acme/files@1.2.0']);
    assert.deepEqual(arg(updated(text, 'claude-code', 'range', '0.6.2'), 'range'), ['acme-git==0.6.2']);
    assert.deepEqual(arg(updated(text, 'claude-code', 'image', '1.0.0'), 'image'), ['run', '-i', 'mcp/fetch:1.0.0']);
    assert.deepEqual(arg(updated(text, 'claude-code', 'digest', '1.1.0'), 'digest'), ['run', '-i', 'ghcr.io/acme/srv:1.1.0']);
    assert.deepEqual(arg(updated(text, 'claude-code', 'nuget', '2.0.0'), 'nuget'), ['Acme.Tools@2.0.0', '--yes']);
  });

  it('edits inside a whole command line (cmd /c "…", bash -c "…", a command with blanks) without touching the rest', () => {
    const text = `{
  "mcpServers": {
    "win": { "command": "cmd", "args": ["/c", "npx -y @acme/files@1.0.0 C:\\\\Users\\\\me"] },
    "sh": { "command": "bash", "args": ["-c", "cd ~/x && npx -y '@acme/files@1.0.0' --port 3000"] },
    "inline": { "command": "npx -y @acme/files@1.0.0" }
  }
}`;
    assert.equal(updated(text, 'cursor', 'win', '1.0.1'), text.replace('npx -y @acme/files@1.0.0 C:', 'npx -y @acme/files@1.0.1 C:'));
    assert.equal(updated(text, 'cursor', 'sh', '1.0.1'), text.replace("'@acme/files@1.0.0'", "'@acme/files@1.0.1'"));
    assert.equal(updated(text, 'cursor', 'inline', '1.0.1'), text.replace('"npx -y @acme/files@1.0.0"', '"npx -y @acme/files@1.0.1"'));
  });

  it('keeps Windows line endings and escaped characters elsewhere in the string', () => {
    const text = '{\r\n  "servers": {\r\n    "a": { "command": "npx", "args": ["-y", "@acme/files@1.0.0"], "gallery": true, "version": "1.0.0" }\r\n  }\r\n}\r\n';
    assert.equal(updated(text, 'vscode', 'a', '1.1.0'), text.replace('files@1.0.0', 'files@1.1.0').replace('"version": "1.0.0"', '"version": "1.1.0"'));
    const escaped = '{"servers":{"a":{"command":"bash","args":["-c","npx -y \\u0040acme/files@1.0.0"]}}}';
    assert.equal(JSON.parse(updated(escaped, 'vscode', 'a', '2.0.0')).servers.a.args[1], 'npx -y @acme/files@2.0.0');
  });

  it('refuses to edit a file that changed since it was read, an entry without a pin, or an unsafe version', () => {
    const text = '{"servers":{"a":{"command":"npx","args":["@acme/files@1.0.0"]},"r":{"url":"https://x.example/mcp"},"l":{"command":"node","args":["x.js"]}}}';
    const { entries } = installedServersFrom(text, 'vscode');
    const changed = text.replace('@acme/files@1.0.0', '@acme/files@1.0.5');
    assert.throws(() => updateVersionEdits(changed, entries[0], '1.1.0'), (error: unknown) => error instanceof InstalledEditError && /changed since it was read/.test(error.message));
    assert.throws(() => updateVersionEdits(text, entries[0], '1.1.0 && rm -rf ~'), /cannot be written as a version/);
    assert.equal(canUpdateVersion(entries[1]), false);
    assert.equal(canUpdateVersion(entries[2]), false);
    assert.throws(() => updateVersionEdits(text, entries[1], '1.1.0'), /pins no version that can be changed/);
  });

  it('updates only "version" of a remote gallery install', () => {
    const text = '{\n  "servers": {\n    "io.github.github/github-mcp-server": { "type": "http", "url": "https://api.githubcopilot.com/mcp/", "gallery": "https://api.mcp.github.com", "version": "0.13.0" }\n  }\n}';
    assert.equal(updated(text, 'vscode', 'io.github.github/github-mcp-server', '0.14.0'), text.replace('"0.13.0"', '"0.14.0"'));
  });
});
