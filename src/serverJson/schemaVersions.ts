export const KNOWN_SCHEMA_VERSIONS: readonly string[] = [
  '2025-07-09',
  '2025-09-16',
  '2025-09-29',
  '2025-10-11',
  '2025-10-17',
  '2025-12-11',
];

export const CURRENT_SCHEMA_VERSION = '2025-12-11';

export const CURRENT_SCHEMA_URL = schemaUrlForVersion(CURRENT_SCHEMA_VERSION);

export function schemaUrlForVersion(version: string): string {
  return `https://static.modelcontextprotocol.io/schemas/${version}/server.schema.json`;
}

/** The version segment of a `$schema` URL, the way the registry extracts it; undefined when the URL has none. */
export function schemaVersionOf(url: string): string | undefined {
  return /\/schemas\/([A-Za-z0-9_~.-]+)\/server\.schema\.json/.exec(url)?.[1];
}

export type SchemaStatus = 'current' | 'deprecated' | 'unknown';

export function classifySchemaUrl(url: string): SchemaStatus {
  const version = schemaVersionOf(url);
  if (version === undefined || !KNOWN_SCHEMA_VERSIONS.includes(version)) return 'unknown';
  return version === CURRENT_SCHEMA_VERSION ? 'current' : 'deprecated';
}
