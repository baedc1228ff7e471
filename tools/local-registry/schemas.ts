// server.json JSON Schemas by version: read from <sharedDir>/mcp-registry/server-json, else fetched once
// from the $schema URL and cached under the data folder. Compiled with ajv (draft-07) + ajv-formats.
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const CURRENT_SCHEMA_VERSION = '2025-12-11';
export const CURRENT_SCHEMA_URL = `https://static.modelcontextprotocol.io/schemas/${CURRENT_SCHEMA_VERSION}/server.schema.json`;
const SCHEMA_URL_VERSION = /\/schemas\/([A-Za-z0-9_~.-]+)\/server\.schema\.json/;

export function schemaVersionOf(schemaUrl: string): string | undefined {
  return SCHEMA_URL_VERSION.exec(schemaUrl)?.[1];
}

export class SchemaStore {
  private readonly ajv = new Ajv({ allErrors: true, strict: false });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly failed = new Set<string>();

  constructor(
    private readonly sharedDir: string,
    private readonly cacheDir: string | undefined,
  ) {
    addFormats(this.ajv);
  }

  private localFile(version: string): string {
    return path.join(this.sharedDir, 'mcp-registry', 'server-json', `server.schema.${version}.json`);
  }

  private cacheFile(version: string): string | undefined {
    return this.cacheDir ? path.join(this.cacheDir, `server.schema.${version}.json`) : undefined;
  }

  /** The validator for a `$schema` URL, or undefined when that schema version is unknown/unreachable. */
  async validatorFor(schemaUrl: string): Promise<ValidateFunction | undefined> {
    const version = schemaVersionOf(schemaUrl);
    if (!version) return undefined;
    const known = this.compiled.get(version);
    if (known) return known;
    if (this.failed.has(version)) return undefined;
    const text = await this.loadText(version, schemaUrl);
    if (text === undefined) {
      this.failed.add(version);
      return undefined;
    }
    const schema = JSON.parse(text) as Record<string, unknown>;
    // Avoid $id collisions between versions that share an $id (draft copies).
    delete schema.$id;
    const validate = this.ajv.compile(schema);
    this.compiled.set(version, validate);
    return validate;
  }

  private async loadText(version: string, schemaUrl: string): Promise<string | undefined> {
    const local = this.localFile(version);
    if (existsSync(local)) return readFileSync(local, 'utf8');
    const cached = this.cacheFile(version);
    if (cached && existsSync(cached)) return readFileSync(cached, 'utf8');
    try {
      const res = await fetch(schemaUrl, { signal: AbortSignal.timeout(10_000) });
      if (res.status !== 200) return undefined;
      const text = await res.text();
      JSON.parse(text);
      if (cached) {
        mkdirSync(path.dirname(cached), { recursive: true });
        writeFileSync(cached, text);
      }
      return text;
    } catch {
      return undefined;
    }
  }
}
