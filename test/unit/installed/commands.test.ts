import * as assert from 'node:assert/strict';
import { installedServersFrom, type InstalledEntry } from '../../../src/installed';

/** The entry a Claude Desktop config with one server running `command args…` yields. */
function entryFor(command: string, args?: string[]): InstalledEntry {
  const text = JSON.stringify({ mcpServers: { server: { command, ...(args ? { args } : {}) } } }, null, 2);
  const { entries, problems } = installedServersFrom(text, 'claude-desktop');
  assert.deepEqual(problems, []);
  assert.equal(entries.length, 1);
  return entries[0];
}

function packageOf(command: string, args?: string[]) {
  const pkg = entryFor(command, args).package;
  return pkg && {
    registryType: pkg.registryType,
    identifier: pkg.identifier,
    ...(pkg.version !== undefined ? { version: pkg.version } : {}),
    ...(pkg.versionSpec !== undefined ? { versionSpec: pkg.versionSpec } : {}),
    ...(pkg.digest !== undefined ? { digest: pkg.digest } : {}),
  };
}

describe('installed: npm package references in commands', () => {
  it('reads npx with -y and a scoped package pinned to an exact version', () => {
    assert.deepEqual(packageOf('npx', ['-y', '@modelcontextprotocol/server-filesystem@2025.8.21', '/Users/me/Desktop']),
      { registryType: 'npm', identifier: '@modelcontextprotocol/server-filesystem', version: '2025.8.21' });
    assert.deepEqual(packageOf('npx', ['-y', '@playwright/mcp@0.0.40']), { registryType: 'npm', identifier: '@playwright/mcp', version: '0.0.40' });
  });

  it('reads an unpinned package, with --yes or no flag at all', () => {
    assert.deepEqual(packageOf('npx', ['mcp-server-kubernetes']), { registryType: 'npm', identifier: 'mcp-server-kubernetes' });
    assert.deepEqual(packageOf('npx', ['--yes', '@upstash/context7-mcp', '--api-key', 'KEY']), { registryType: 'npm', identifier: '@upstash/context7-mcp' });
  });

  it('keeps "latest", ranges and dist-tags as a spec, never as the installed version', () => {
    assert.deepEqual(packageOf('npx', ['-y', '@scope/pkg@latest']), { registryType: 'npm', identifier: '@scope/pkg', versionSpec: 'latest' });
    assert.deepEqual(packageOf('npx', ['-y', 'pkg@^1.2.0']), { registryType: 'npm', identifier: 'pkg', versionSpec: '^1.2.0' });
    assert.deepEqual(packageOf('npx', ['-y', 'pkg@>=1']), { registryType: 'npm', identifier: 'pkg', versionSpec: '>=1' });
    assert.deepEqual(packageOf('npx', ['pkg@next']), { registryType: 'npm', identifier: 'pkg', versionSpec: 'next' });
    assert.deepEqual(packageOf('npx', ['pkg@1.2.3-beta.2']), { registryType: 'npm', identifier: 'pkg', version: '1.2.3-beta.2' });
  });

  it('takes the package from --package= / -p when the command is a binary name', () => {
    assert.deepEqual(packageOf('npx', ['--package=@acme/mcp-tools@3.1.0', 'acme-mcp', '--stdio']), { registryType: 'npm', identifier: '@acme/mcp-tools', version: '3.1.0' });
    assert.deepEqual(packageOf('npx', ['-y', '-p', '@acme/mcp-tools@3.1.0', 'acme-mcp']), { registryType: 'npm', identifier: '@acme/mcp-tools', version: '3.1.0' });
    assert.deepEqual(packageOf('npx', ['--registry', 'https://npm.example.com', 'pkg@1.0.0']), { registryType: 'npm', identifier: 'pkg', version: '1.0.0' });
  });

  it('reads npm exec, pnpm dlx, yarn dlx, bunx and bun x', () => {
    const expected = { registryType: 'npm', identifier: '@scope/pkg', version: '1.2.3' };
    assert.deepEqual(packageOf('npm', ['exec', '--yes', '--', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('npm', ['x', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('pnpm', ['dlx', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('yarn', ['dlx', '-p', '@scope/pkg@1.2.3', 'pkg-bin']), expected);
    assert.deepEqual(packageOf('bunx', ['--bun', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('bun', ['x', '@scope/pkg@1.2.3']), expected);
  });

  it('sees through full paths, cmd /c, bash -c and env wrappers', () => {
    const expected = { registryType: 'npm', identifier: '@scope/pkg', version: '1.2.3' };
    assert.deepEqual(packageOf('/usr/local/bin/npx', ['-y', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('C:\\Program Files\\nodejs\\npx.cmd', ['-y', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('cmd', ['/c', 'npx', '-y', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('C:\\Windows\\System32\\cmd.exe', ['/d', '/C', 'npx -y @scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('bash', ['-c', 'source ~/.nvm/nvm.sh && npx -y "@scope/pkg@1.2.3" --flag']), expected);
    assert.deepEqual(packageOf('/bin/zsh', ['-lc', 'exec npx -y @scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('bash', ['--login', '-c', 'npx -y @scope/pkg@1.2.3']), expected);
    assert.equal(packageOf('bash', ['run-server.sh']), undefined);
    assert.deepEqual(packageOf('env', ['NODE_OPTIONS=--max-old-space-size=4096', 'npx', '-y', '@scope/pkg@1.2.3']), expected);
    assert.deepEqual(packageOf('npx -y @scope/pkg@1.2.3'), expected);
    assert.deepEqual(packageOf('powershell.exe', ['-NoProfile', '-NonInteractive', '-Command', 'npx -y @scope/pkg@1.2.3']), expected);
  });

  it('turns npx mcp-remote <url> into a remote reached through a proxy', () => {
    const entry = entryFor('npx', ['-y', 'mcp-remote@0.1.29', 'https://mcp.example.com/sse', '--header', 'Authorization:${AUTH}']);
    assert.equal(entry.remoteUrl, 'https://mcp.example.com/sse');
    assert.equal(entry.package, undefined);
    assert.equal(entry.via?.identifier, 'mcp-remote');
    assert.equal(entry.via?.version, '0.1.29');
  });

  it('marks script runners, paths and git references as local, not as a registry package', () => {
    for (const [command, args] of [
      ['npx', ['tsx', 'src/index.ts']],
      ['npx', ['-y', 'github:acme/mcp-server']],
      ['npx', ['./packages/server']],
      ['npx', ['-c', 'my-server --stdio']],
    ] as const) {
      const entry = entryFor(command, [...args]);
      assert.equal(entry.package, undefined, args.join(' '));
      assert.equal(entry.local, true, args.join(' '));
    }
  });
});

describe('installed: PyPI package references in commands', () => {
  it('reads uvx with == and @ pins, extras, and no pin', () => {
    assert.deepEqual(packageOf('uvx', ['mcp-server-fetch==2025.4.7']), { registryType: 'pypi', identifier: 'mcp-server-fetch', version: '2025.4.7' });
    assert.deepEqual(packageOf('uvx', ['mcp-server-git@0.6.2', '--repository', '/repo']), { registryType: 'pypi', identifier: 'mcp-server-git', version: '0.6.2' });
    assert.deepEqual(packageOf('uvx', ['markitdown-mcp[all]==0.0.1a4']), { registryType: 'pypi', identifier: 'markitdown-mcp', version: '0.0.1a4' });
    assert.deepEqual(packageOf('uvx', ['mcp-server-time', '--local-timezone=Europe/Berlin']), { registryType: 'pypi', identifier: 'mcp-server-time' });
  });

  it('keeps @latest and ranges as a spec', () => {
    assert.deepEqual(packageOf('uvx', ['awslabs.aws-documentation-mcp-server@latest']), { registryType: 'pypi', identifier: 'awslabs.aws-documentation-mcp-server', versionSpec: 'latest' });
    assert.deepEqual(packageOf('uvx', ['pkg>=1.0,<2']), { registryType: 'pypi', identifier: 'pkg', versionSpec: '>=1.0,<2' });
    assert.deepEqual(packageOf('uvx', ['pkg~=1.4']), { registryType: 'pypi', identifier: 'pkg', versionSpec: '~=1.4' });
    assert.deepEqual(packageOf('uvx', ['pkg==1.*']), { registryType: 'pypi', identifier: 'pkg', versionSpec: '==1.*' });
  });

  it('takes --from before the command, skips --python and --with values', () => {
    assert.deepEqual(packageOf('uvx', ['--from', 'mcp-server-git==0.6.2', 'mcp-server-git']), { registryType: 'pypi', identifier: 'mcp-server-git', version: '0.6.2' });
    assert.deepEqual(packageOf('uvx', ['--from=git-mcp[cli]==1.2', 'git-mcp']), { registryType: 'pypi', identifier: 'git-mcp', version: '1.2' });
    assert.deepEqual(packageOf('uvx', ['--python', '3.12', '--with', 'httpx', 'serena-mcp==0.1.4']), { registryType: 'pypi', identifier: 'serena-mcp', version: '0.1.4' });
    assert.deepEqual(packageOf('uv', ['tool', 'run', '--python=3.11', 'mcp-server-fetch==2025.4.7']), { registryType: 'pypi', identifier: 'mcp-server-fetch', version: '2025.4.7' });
    assert.deepEqual(packageOf('/Users/me/.local/bin/uvx', ['-q', 'mcp-server-fetch']), { registryType: 'pypi', identifier: 'mcp-server-fetch' });
  });

  it('reads pipx run with a pinned package or --spec', () => {
    assert.deepEqual(packageOf('pipx', ['run', 'mcp-server-sqlite==0.6.2', '--db-path', 'x.db']), { registryType: 'pypi', identifier: 'mcp-server-sqlite', version: '0.6.2' });
    assert.deepEqual(packageOf('pipx', ['run', '--spec', 'mcp-server-sqlite==0.6.2', 'mcp-server-sqlite']), { registryType: 'pypi', identifier: 'mcp-server-sqlite', version: '0.6.2' });
  });

  it('marks uv run, python -m and git or path sources as local', () => {
    for (const [command, args] of [
      ['uv', ['--directory', '/Users/me/weather', 'run', 'weather.py']],
      ['uv', ['run', '--with', 'mcp[cli]', 'mcp', 'run', 'server.py']],
      ['python', ['-m', 'my_server']],
      ['C:\\Python312\\python.exe', ['server.py']],
      ['uvx', ['--from', 'git+https://github.com/acme/mcp-server', 'acme-mcp']],
      ['uvx', ['--from', '.', 'my-server']],
    ] as const) {
      const entry = entryFor(command, [...args]);
      assert.equal(entry.package, undefined, `${command} ${args.join(' ')}`);
      assert.equal(entry.local, true);
    }
  });
});

describe('installed: OCI images in docker and podman commands', () => {
  it('reads the image after run, skipping flags and their values', () => {
    assert.deepEqual(packageOf('docker', ['run', '-i', '--rm', '-e', 'GITHUB_PERSONAL_ACCESS_TOKEN', 'ghcr.io/github/github-mcp-server:0.13.0']),
      { registryType: 'oci', identifier: 'ghcr.io/github/github-mcp-server', version: '0.13.0' });
    assert.deepEqual(packageOf('docker', ['run', '--rm', '-i', '--init', '--mount', 'type=bind,src=/Users/me,dst=/projects', '-v', 'cache:/cache',
      '--name', 'fs', '--network=host', '-p', '8080:80', 'mcp/filesystem:1.0.2', '/projects']), { registryType: 'oci', identifier: 'mcp/filesystem', version: '1.0.2' });
    assert.deepEqual(packageOf('docker', ['run', '-it', '--env', 'A=1', '-eB=2', 'mcp/fetch']), { registryType: 'oci', identifier: 'mcp/fetch' });
    assert.deepEqual(packageOf('podman', ['run', '-i', '--rm', 'quay.io/acme/server:v2.1.0']), { registryType: 'oci', identifier: 'quay.io/acme/server', version: 'v2.1.0' });
    assert.deepEqual(packageOf('docker', ['--context', 'remote', 'container', 'run', '-i', 'localhost:5000/team/srv:1.0']), { registryType: 'oci', identifier: 'localhost:5000/team/srv', version: '1.0' });
  });

  it('treats :latest as unpinned and keeps a digest apart from the tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    assert.deepEqual(packageOf('docker', ['run', '-i', 'mcp/git:latest']), { registryType: 'oci', identifier: 'mcp/git', versionSpec: 'latest' });
    assert.deepEqual(packageOf('docker', ['run', '-i', `ghcr.io/acme/srv:1.4.0@${digest}`]), { registryType: 'oci', identifier: 'ghcr.io/acme/srv', version: '1.4.0', digest });
    assert.deepEqual(packageOf('docker', ['run', '-i', `ghcr.io/acme/srv@${digest}`]), { registryType: 'oci', identifier: 'ghcr.io/acme/srv', digest });
  });

  it('reads nothing from other docker commands', () => {
    assert.equal(packageOf('docker', ['mcp', 'gateway', 'run']), undefined);
    assert.equal(packageOf('docker', ['compose', 'run', 'server']), undefined);
  });
});

describe('installed: NuGet packages in dnx and dotnet commands', () => {
  it('reads dnx Pkg@version as VS Code writes it, and --version', () => {
    assert.deepEqual(packageOf('dnx', ['Contoso.SampleMcpServer@0.0.1-beta', '--yes']), { registryType: 'nuget', identifier: 'Contoso.SampleMcpServer', version: '0.0.1-beta' });
    assert.deepEqual(packageOf('dnx', ['Contoso.SampleMcpServer', '--version', '1.2.3', '--yes', '--', '--flag']), { registryType: 'nuget', identifier: 'Contoso.SampleMcpServer', version: '1.2.3' });
    assert.deepEqual(packageOf('dnx', ['--yes', 'Contoso.SampleMcpServer']), { registryType: 'nuget', identifier: 'Contoso.SampleMcpServer' });
    assert.deepEqual(packageOf('dotnet', ['tool', 'exec', 'Contoso.Server@2.0.0']), { registryType: 'nuget', identifier: 'Contoso.Server', version: '2.0.0' });
    assert.deepEqual(packageOf('dotnet', ['dnx', 'Contoso.Server', '--version=2.0.0']), { registryType: 'nuget', identifier: 'Contoso.Server', version: '2.0.0' });
  });

  it('keeps a NuGet range as a spec and treats dotnet tool run / dotnet run as local', () => {
    assert.deepEqual(packageOf('dnx', ['Contoso.Server@[1.0,2.0)']), { registryType: 'nuget', identifier: 'Contoso.Server', versionSpec: '[1.0,2.0)' });
    assert.equal(entryFor('dotnet', ['tool', 'run', 'contoso-mcp']).local, true);
    assert.equal(entryFor('dotnet', ['run', '--project', 'src/Server']).local, true);
  });
});

describe('installed: local commands', () => {
  it('marks programs that run no registry package as local', () => {
    for (const [command, args] of [
      ['node', ['/Users/me/mcp/dist/index.js']],
      ['./server', []],
      ['deno', ['run', '-A', 'main.ts']],
      ['/opt/homebrew/bin/mcp-server-git', ['--repository', '.']],
      ['cargo', ['run', '--release']],
      ['java', ['-jar', 'server.jar']],
    ] as const) {
      const entry = entryFor(command, [...args]);
      assert.equal(entry.local, true, command);
      assert.equal(entry.package, undefined, command);
      assert.equal(entry.transport, 'stdio');
    }
  });
});
