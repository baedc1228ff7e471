// server.json JSON Schemas by version, read only from <sharedDir>/mcp-registry/server-json (the upstream
// copies beside the project). A `$schema` URL in a request is never fetched: like the official registry,
// which embeds its schemas, a version without a file here is unknown. Compiled with ajv (draft-07) + ajv-formats.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CURRENT_SCHEMA_VERSION = '2025-12-11';
export const CURRENT_SCHEMA_URL = `https://static.modelcontextprotocol.io/schemas/${CURRENT_SCHEMA_VERSION}/server.schema.json`;
const SCHEMA_URL_VERSION = /\/schemas\/([A-Za-z0-9_~.-]+)\/server\.schema\.json/;
const SCHEMA_FILE = /^server\.schema\.([A-Za-z0-9_~-]+)\.json$/;

export function schemaVersionOf(schemaUrl: string): string | undefined {
  return SCHEMA_URL_VERSION.exec(schemaUrl)?.[1];
}

export class SchemaStore {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly files: ReadonlyMap<string, string>;

  constructor(sharedDir: string) {
    addFormats(this.ajv);
    const dir = path.join(sharedDir, 'mcp-registry', 'server-json');
    const files = new Map<string, string>();
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      // No schemas beside the project: every $schema is unknown.
    }
    for (const name of names) {
      const version = SCHEMA_FILE.exec(name)?.[1];
      if (version) files.set(version, path.join(dir, name));
    }
    this.files = files;
  }

  /** The schema versions this registry knows (one file each). */
  versions(): string[] {
    return [...this.files.keys()];
  }

  /** The validator for a `$schema` URL, or undefined when that schema version is unknown here. */
  validatorFor(schemaUrl: string): Promise<ValidateFunction | undefined> {
    return Promise.resolve(this.compile(schemaUrl));
  }

  private compile(schemaUrl: string): ValidateFunction | undefined {
    const version = schemaVersionOf(schemaUrl);
    if (!version) return undefined;
    const known = this.compiled.get(version);
    if (known) return known;
    const file = this.files.get(version);
    if (!file) return undefined;
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    // Avoid $id collisions between versions that share an $id (draft copies).
    delete schema.$id;
    const validate = this.ajv.compile(schema);
    this.compiled.set(version, validate);
    return validate;
  }
}
