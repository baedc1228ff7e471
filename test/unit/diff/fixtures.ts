// server.json documents for the diff view-model tests.
import type { SideInfo } from '../../../src/diff/protocol';
import type { DiffSide } from '../../../src/diff/viewModel';

export const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';
export const SECRET = 'sk-live-do-not-show-0123456789';

export function weather(version: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: SCHEMA,
    name: 'io.github.acme/weather',
    description: 'Weather forecasts',
    version,
    packages: [
      {
        registryType: 'npm',
        identifier: '@acme/weather',
        version,
        transport: { type: 'stdio' },
        environmentVariables: [
          { name: 'API_KEY', isRequired: true, isSecret: true, default: SECRET },
          { name: 'REGION', default: 'eu' },
        ],
        packageArguments: [{ type: 'named', name: '--port', default: '80' }],
      },
    ],
    remotes: [{ type: 'sse', url: 'https://acme.example/sse', headers: [{ name: 'Authorization', isSecret: true, value: `Bearer ${SECRET}` }] }],
    _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: 'First release' } },
    ...overrides,
  };
}

export function side(server: Record<string, unknown>, info: Partial<SideInfo> = {}): DiffSide {
  return {
    server,
    info: {
      serverName: String(server.name),
      version: String(server.version),
      origin: 'Local test registry',
      location: 'http://127.0.0.1:1',
      ...info,
    },
  };
}
