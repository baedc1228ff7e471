import * as assert from 'node:assert/strict';
import type { ServerJSON } from '../../../src/registry';
import { buildInstallConfig, NotInstallableError } from '../../../src/tree/installConfig';

const GALLERY = 'https://registry.example.com';
const base = { name: 'io.github.alice/weather', description: 'Weather', version: '1.2.3' };

describe('install config for mcp.json', () => {
  it('runs an npm package with npx -y <pkg>@<version> and records gallery and version', () => {
    const server: ServerJSON = { ...base, packages: [{ registryType: 'npm', identifier: '@alice/weather', version: '1.2.3', transport: { type: 'stdio' } }] };
    assert.deepEqual(buildInstallConfig(server, GALLERY), {
      servers: { 'io.github.alice/weather': { type: 'stdio', command: 'npx', args: ['-y', '@alice/weather@1.2.3'], gallery: GALLERY, version: '1.2.3' } },
    });
  });

  it('runs a PyPI package with uvx <pkg>==<version>', () => {
    const server: ServerJSON = { ...base, packages: [{ registryType: 'pypi', identifier: 'alice-weather', version: '1.2.3', transport: { type: 'stdio' } }] };
    const entry = buildInstallConfig(server, GALLERY).servers[base.name];
    assert.deepEqual(entry, { type: 'stdio', command: 'uvx', args: ['alice-weather==1.2.3'], gallery: GALLERY, version: '1.2.3' });
  });

  it('runs an OCI image with docker run -i --rm, passing env vars with -e', () => {
    const server: ServerJSON = {
      ...base,
      packages: [
        {
          registryType: 'oci',
          identifier: 'ghcr.io/alice/weather:1.2.3',
          transport: { type: 'stdio' },
          environmentVariables: [{ name: 'REGION', value: 'eu' }],
        },
      ],
    };
    const entry = buildInstallConfig(server, GALLERY).servers[base.name];
    assert.deepEqual(entry, {
      type: 'stdio',
      command: 'docker',
      args: ['run', '-i', '--rm', '-e', 'REGION', 'ghcr.io/alice/weather:1.2.3'],
      env: { REGION: 'eu' },
      gallery: GALLERY,
      version: '1.2.3',
    });
  });

  it('turns secrets and required values into ${input:…} with an inputs array; secrets are passwords', () => {
    const server: ServerJSON = {
      ...base,
      packages: [
        {
          registryType: 'npm',
          identifier: '@alice/weather',
          version: '1.2.3',
          transport: { type: 'stdio' },
          environmentVariables: [
            { name: 'API_KEY', description: 'Your API key', isSecret: true, isRequired: true },
            { name: 'CITY', description: 'Default city', isRequired: true, default: 'Paris' },
            { name: 'OPTIONAL' },
          ],
        },
      ],
    };
    const config = buildInstallConfig(server, GALLERY);
    const entry = config.servers[base.name];
    assert.ok(entry.type === 'stdio');
    assert.deepEqual(entry.env, { API_KEY: '${input:API_KEY}', CITY: '${input:CITY}' });
    assert.deepEqual(config.inputs, [
      { type: 'promptString', id: 'API_KEY', description: 'Your API key', password: true },
      { type: 'promptString', id: 'CITY', description: 'Default city', default: 'Paris' },
    ]);
  });

  it('uses the first runnable package even when an MCPB bundle comes first', () => {
    const server: ServerJSON = {
      ...base,
      packages: [
        { registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.3/weather.mcpb', fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } },
        { registryType: 'pypi', identifier: 'alice-weather', version: '1.2.3', transport: { type: 'stdio' } },
      ],
    };
    assert.equal((buildInstallConfig(server, GALLERY).servers[base.name] as { command: string }).command, 'uvx');
  });

  it('connects to a remote by URL: streamable-http as http, sse as sse, secret headers as inputs', () => {
    const http: ServerJSON = {
      ...base,
      remotes: [{ type: 'streamable-http', url: 'https://mcp.example.com/{tenant}/mcp', headers: [{ name: 'Authorization', isSecret: true, description: 'Bearer token' }], variables: { tenant: { description: 'Tenant id' } } }],
    };
    const config = buildInstallConfig(http, GALLERY);
    assert.deepEqual(config.servers[base.name], {
      type: 'http',
      url: 'https://mcp.example.com/${input:tenant}/mcp',
      headers: { Authorization: '${input:Authorization}' },
      gallery: GALLERY,
      version: '1.2.3',
    });
    assert.deepEqual(config.inputs?.map((i) => [i.id, i.password ?? false]), [['tenant', false], ['Authorization', true]]);
    const sse: ServerJSON = { ...base, remotes: [{ type: 'sse', url: 'https://mcp.example.com/sse' }] };
    assert.deepEqual(buildInstallConfig(sse, GALLERY).servers[base.name], { type: 'sse', url: 'https://mcp.example.com/sse', gallery: GALLERY, version: '1.2.3' });
  });

  it('refuses a version VS Code cannot launch', () => {
    const server: ServerJSON = {
      ...base,
      packages: [{ registryType: 'mcpb', identifier: 'https://github.com/a/b/releases/download/v1/x.mcpb', fileSha256: 'b'.repeat(64), transport: { type: 'stdio' } }],
    };
    assert.throws(() => buildInstallConfig(server, GALLERY), NotInstallableError);
  });
});
