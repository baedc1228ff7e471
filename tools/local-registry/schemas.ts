// server.json JSON Schemas by version, read only from files: <sharedDir>/mcp-registry/server-json (the
// upstream copies beside the project). A `$schema` URL named in a request is never fetched: a version with
// no file is unknown, as the official registry treats versions it does not embed.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { classifySchemaUrl, schemaVersionOf } from '../../src/serverJson';

export { CURRENT_SCHEMA_URL, CURRENT_SCHEMA_VERSION, schemaVersionOf } from '../../src/serverJson';

export class SchemaStore {
  private readonly loaded = new Map<string, object | undefined>();

  constructor(private readonly sharedDir: string) {}

  /** `{ [url]: schema }` for a known schema version with a local file; empty otherwise. */
  schemasFor(schemaUrl: unknown): Record<string, object> {
    if (typeof schemaUrl !== 'string' || classifySchemaUrl(schemaUrl) === 'unknown') return {};
    const version = schemaVersionOf(schemaUrl)!;
    if (!this.loaded.has(version)) this.loaded.set(version, this.read(version));
    const schema = this.loaded.get(version);
    return schema ? { [schemaUrl]: schema } : {};
  }

  private read(version: string): object | undefined {
    const file = path.join(this.sharedDir, 'mcp-registry', 'server-json', `server.schema.${version}.json`);
    if (!existsSync(file)) return undefined;
    try {
      return JSON.parse(readFileSync(file, 'utf8')) as object;
    } catch {
      return undefined;
    }
  }
}
