/** Shared builders for the change-model tests. */
import type { FieldChange, ServerDiff } from '../../../src/changes';

export type Doc = Record<string, unknown>;

export function weatherServer(): Doc {
  return {
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name: 'io.github.acme/weather',
    title: 'Weather',
    description: 'Weather forecasts for MCP clients',
    version: '1.4.0',
    websiteUrl: 'https://acme.example/weather',
    repository: { url: 'https://github.com/acme/weather', source: 'github', id: '123' },
    packages: [
      {
        registryType: 'npm',
        identifier: '@acme/weather',
        version: '1.4.0',
        runtimeHint: 'npx',
        transport: { type: 'stdio' },
        environmentVariables: [
          { name: 'API_KEY', isRequired: true, isSecret: true, description: 'Key for the weather API' },
          { name: 'UNITS', description: 'metric or imperial', default: 'metric', choices: ['metric', 'imperial'] },
        ],
        packageArguments: [
          { type: 'named', name: '--port', description: 'Port', default: '8080', format: 'number' },
          { type: 'positional', valueHint: 'config_path', description: 'Config file', format: 'filepath' },
        ],
      },
      {
        registryType: 'oci',
        identifier: 'ghcr.io/acme/weather:1.4.0',
        transport: { type: 'stdio' },
        runtimeArguments: [{ type: 'named', name: '-e', value: 'API_KEY={api_key}', variables: { api_key: { isSecret: true, isRequired: true } } }],
      },
    ],
    remotes: [
      {
        type: 'streamable-http',
        url: 'https://{tenant}.acme.example/mcp',
        headers: [{ name: 'Authorization', value: 'Bearer {token}', isSecret: true, isRequired: true }],
        variables: { tenant: { description: 'Tenant id', isRequired: true } },
      },
    ],
    _meta: {
      'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: 'First forecast release', build: { commit: 'abc' } },
    },
  };
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** The n-th package / remote of a document built by weatherServer(). */
export function pkg(doc: Doc, index: number): Doc {
  return (doc.packages as Doc[])[index];
}

export function remote(doc: Doc, index: number): Doc {
  return (doc.remotes as Doc[])[index];
}

export function changed(diff: ServerDiff): FieldChange[] {
  return diff.changes.filter((change) => change.kind !== 'unchanged');
}

export function at(diff: ServerDiff, path: string): FieldChange {
  const found = diff.changes.find((change) => change.path === path);
  if (!found) throw new Error(`no change at ${path}; paths: ${diff.changes.map((c) => c.path).join(', ')}`);
  return found;
}

/** The only change that is not 'unchanged' (and not the version line). */
export function onlyChange(diff: ServerDiff): FieldChange {
  const list = changed(diff).filter((change) => change.path !== 'version');
  if (list.length !== 1) throw new Error(`expected one change, got ${JSON.stringify(list, null, 1)}`);
  return list[0];
}

/** Deterministic pseudo-random numbers (mulberry32), so every run works on the same documents. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every key as the 2025-07-09 schema spelled it (snake_case), except inside _meta and variables maps. */
export function snakeCase(value: unknown, parentKey = ''): unknown {
  if (Array.isArray(value)) return value.map((entry) => snakeCase(entry));
  if (typeof value !== 'object' || value === null) return value;
  const out: Doc = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === '_meta' || parentKey === 'variables') out[key] = entry;
    else out[key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)] = snakeCase(entry, key);
  }
  return out;
}
