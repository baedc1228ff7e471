import * as assert from 'node:assert/strict';
import {
  installedServersFrom,
  matchInstalledEntry,
  normalizeOciName,
  normalizePackageIdentifier,
  normalizePypiName,
  normalizeRemoteUrl,
  registryPackageVersion,
  samePackageVersion,
  sameRegistryUrl,
  sameRemoteUrl,
  type InstalledEntry,
  type RegistryServerRef,
} from '../../../src/installed';

function entries(servers: Record<string, unknown>): InstalledEntry[] {
  const result = installedServersFrom(JSON.stringify({ servers }), 'vscode');
  assert.deepEqual(result.problems, []);
  return result.entries;
}

const OFFICIAL = 'https://registry.modelcontextprotocol.io';
const GITHUB = 'https://api.mcp.github.com';

const servers: RegistryServerRef[] = [
  { name: 'io.github.acme/files', registryUrl: OFFICIAL, packages: [{ registryType: 'npm', identifier: '@acme/files', version: '1.2.0' }] },
  { name: 'io.github.acme/git', registryUrl: OFFICIAL, packages: [{ registryType: 'pypi', identifier: 'Acme_Git.MCP', version: '0.6.2' }] },
  { name: 'io.github.acme/fetch', registryUrl: OFFICIAL, packages: [{ registryType: 'oci', identifier: 'docker.io/acme/fetch:1.0.0' }] },
  { name: 'io.github.acme/tools', registryUrl: OFFICIAL, packages: [{ registryType: 'nuget', identifier: 'Acme.Tools', version: '2.0.0' }] },
  { name: 'com.acme/remote', registryUrl: OFFICIAL, remotes: [{ url: 'https://MCP.acme.com/mcp/' }] },
  { name: 'com.acme/tenant', registryUrl: OFFICIAL, remotes: [{ url: 'https://{tenant}.acme.com/mcp' }] },
  { name: 'io.github.acme/files', registryUrl: GITHUB, packages: [{ registryType: 'npm', identifier: '@acme/files', version: '1.2.0' }] },
];

describe('installed: identifiers compared as their registries compare them', () => {
  it('normalises PyPI names per PEP 503', () => {
    assert.equal(normalizePypiName('Acme_Git.MCP'), 'acme-git-mcp');
    assert.equal(normalizePypiName('acme--git__mcp'), 'acme-git-mcp');
    assert.equal(normalizePackageIdentifier('pypi', 'mcp_server.Fetch'), normalizePackageIdentifier('pypi', 'MCP-Server-fetch'));
  });

  it('spells out Docker Hub defaults and drops tags and digests of OCI references', () => {
    assert.equal(normalizeOciName('mcp/git'), 'docker.io/mcp/git');
    assert.equal(normalizeOciName('alpine:3.20'), 'docker.io/library/alpine');
    assert.equal(normalizeOciName('index.docker.io/mcp/git:1.0'), 'docker.io/mcp/git');
    assert.equal(normalizeOciName('docker.io/library/alpine'), 'docker.io/library/alpine');
    assert.equal(normalizeOciName(`GHCR.io/Acme/Srv:1.0@sha256:${'b'.repeat(64)}`), 'ghcr.io/acme/srv');
    assert.equal(normalizeOciName('localhost:5000/team/srv:1.0'), 'localhost:5000/team/srv');
  });

  it('compares NuGet names without case and npm names exactly', () => {
    assert.equal(normalizePackageIdentifier('nuget', 'Acme.Tools'), normalizePackageIdentifier('nuget', 'acme.tools'));
    assert.notEqual(normalizePackageIdentifier('npm', '@acme/Files'), normalizePackageIdentifier('npm', '@acme/files'));
  });

  it('reads the version of a registry package, for OCI from the tag in its identifier', () => {
    assert.equal(registryPackageVersion({ registryType: 'oci', identifier: 'ghcr.io/acme/srv:1.4.0' }), '1.4.0');
    assert.equal(registryPackageVersion({ registryType: 'oci', identifier: 'docker.io/acme/srv', version: '1.3.0' }), '1.3.0');
    assert.equal(registryPackageVersion({ registryType: 'npm', identifier: 'x', version: '2.0.0' }), '2.0.0');
  });

  it('compares package versions with each package registry\'s equality', () => {
    assert.equal(samePackageVersion('pypi', '1.0', '1.0.0'), true);
    assert.equal(samePackageVersion('pypi', '1.0.0-RC1', '1.0rc1'), true);
    assert.equal(samePackageVersion('pypi', '1.0.1', '1.0'), false);
    assert.equal(samePackageVersion('npm', 'v1.2.3', '1.2.3'), true);
    assert.equal(samePackageVersion('npm', '1.2.3', '1.2.4'), false);
    assert.equal(samePackageVersion('nuget', '1.2.3.0', '1.2.3'), true);
    assert.equal(samePackageVersion('nuget', '1.2', '1.2.0'), true);
    assert.equal(samePackageVersion('nuget', '1.2.3-Beta', '1.2.3-beta'), true);
    assert.equal(samePackageVersion('oci', 'v1', '1'), false);
  });

  it('compares remote URLs without trailing slash, default port and host case; registry variables match a label', () => {
    assert.equal(normalizeRemoteUrl('HTTPS://Api.Example.com:443/mcp/'), 'https://api.example.com/mcp');
    assert.equal(sameRemoteUrl('https://mcp.acme.com/mcp', 'https://MCP.acme.com/mcp/'), true);
    assert.equal(sameRemoteUrl('https://mcp.acme.com/MCP', 'https://mcp.acme.com/mcp'), false);
    assert.equal(sameRemoteUrl('https://blue.acme.com/mcp', 'https://{tenant}.acme.com/mcp'), true);
    assert.equal(sameRemoteUrl('https://evil.com/.acme.com/mcp', 'https://{tenant}.acme.com/mcp'), false);
  });

  it('compares registry URLs without the API version path VS Code may record', () => {
    assert.equal(sameRegistryUrl('https://api.mcp.github.com/', 'https://API.mcp.github.com'), true);
    assert.equal(sameRegistryUrl('https://registry.example.com/v0.1/servers', 'https://registry.example.com'), true);
    assert.equal(sameRegistryUrl('https://registry.example.com/v0', 'https://registry.example.com/'), true);
    assert.equal(sameRegistryUrl('https://registry.example.com/team-a', 'https://registry.example.com/team-b'), false);
  });
});

describe('installed: matching an entry to a registry server', () => {
  it('matches a VS Code gallery install by name in the registry its gallery names, before anything else', () => {
    const [entry] = entries({ 'io.github.acme/files': { command: 'npx', args: ['@acme/files@1.2.0'], gallery: GITHUB, version: '1.2.0' } });
    const match = matchInstalledEntry(entry, servers);
    assert.equal(match?.by, 'gallery');
    assert.equal(match?.server, servers[6]);
    assert.deepEqual(match?.package, servers[6].packages?.[0]);
  });

  it('falls back to the package when the gallery is not a configured registry; `gallery: true` matches by name anywhere', () => {
    const [elsewhere, anyGallery] = entries({
      'io.github.acme/files': { command: 'npx', args: ['@acme/files@1.2.0'], gallery: 'https://other.example', version: '1.2.0' },
      'com.acme/remote': { type: 'http', url: 'https://elsewhere.example/mcp', gallery: true, version: '3.0.0' },
    });
    assert.deepEqual([matchInstalledEntry(elsewhere, servers)?.by, matchInstalledEntry(elsewhere, servers)?.server], ['package', servers[0]]);
    assert.deepEqual([matchInstalledEntry(anyGallery, servers)?.by, matchInstalledEntry(anyGallery, servers)?.server], ['gallery', servers[4]]);
  });

  it('matches packages of every type by normalised identifier', () => {
    const list = entries({
      git: { command: 'uvx', args: ['acme-git-mcp==0.6.2'] },
      fetch: { command: 'docker', args: ['run', '-i', '--rm', 'acme/fetch:0.9.0'] },
      tools: { command: 'dnx', args: ['acme.tools@2.0.0', '--yes'] },
      files: { command: 'npx', args: ['-y', '@acme/files'] },
    });
    assert.deepEqual(list.map((entry) => matchInstalledEntry(entry, servers)?.server.name),
      ['io.github.acme/git', 'io.github.acme/fetch', 'io.github.acme/tools', 'io.github.acme/files']);
    assert.equal(matchInstalledEntry(list[0], servers)?.package?.identifier, 'Acme_Git.MCP');
  });

  it('matches remotes, including through mcp-remote, and finds nothing for unknown or local servers', () => {
    const list = entries({
      remote: { type: 'http', url: 'https://mcp.acme.com/mcp' },
      proxied: { command: 'npx', args: ['-y', 'mcp-remote', 'https://green.acme.com/mcp'] },
      unknown: { command: 'npx', args: ['-y', 'left-pad@1.3.0'] },
      local: { command: 'node', args: ['dist/index.js'] },
      wrongType: { command: 'uvx', args: ['@acme/files'] },
    });
    assert.deepEqual(list.map((entry) => matchInstalledEntry(entry, servers)?.server.name ?? null),
      ['com.acme/remote', 'com.acme/tenant', null, null, null]);
    assert.equal(matchInstalledEntry(list[0], servers)?.by, 'remote');
  });
});
