// The official server.json schemas: shipped in the extension (dist/schemas); one it lacks is fetched from the
// `$schema` URL once and cached in the extension's global storage; offline, read from `mcpVersions.schemaDirectory`.
import * as vscode from 'vscode';
import { createRequire } from 'node:module';
import { settings } from '../util/settings';
import type { ShippedValidator } from '../serverJson/types';
import { classifySchemaUrl, CURRENT_SCHEMA_VERSION, schemaVersionOf } from '../serverJson/schemaVersions';
import { displayUrl } from '../util/displayUrl';

const FETCH_TIMEOUT_MS = 5_000;
const RETRY_AFTER_MS = 60_000;

export type Schemas = Record<string, object>;

export class SchemaStore {
  private readonly loads = new Map<string, Promise<Schemas>>();
  /** The validator the build generated for each shipped schema (for `validateServerJson`'s shippedValidators). */
  readonly shippedValidators = new WeakMap<object, ShippedValidator>();

  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init),
    /** The current schema shipped in the extension (dist/schemas, built from the upstream copy). */
    private readonly bundled?: vscode.Uri,
  ) {}

  /** Forgets what was loaded or failed (e.g. after mcpVersions.schemaDirectory changed); the disk cache stays. */
  reset(): void {
    this.loads.clear();
  }

  /** `$schema` URL → schema document, for `validateServerJson`; empty when it cannot be had. */
  schemasFor(url: string | undefined): Promise<Schemas> {
    const key = url ?? '';
    let load = this.loads.get(key);
    if (!load) {
      load = this.load(url).then((schemas) => {
        if (Object.keys(schemas).length === 0) setTimeout(() => this.loads.delete(key), RETRY_AFTER_MS).unref?.();
        return schemas;
      });
      this.loads.set(key, load);
    }
    return load;
  }

  private async load(url: string | undefined): Promise<Schemas> {
    if (!url) return {};
    if (classifySchemaUrl(url) !== 'unknown') {
      const version = schemaVersionOf(url);
      // Every official version is shipped beside the current one (dist/schemas/official, scripts/build-schemas.mjs).
      const official = this.bundled && vscode.Uri.joinPath(this.bundled, '..', 'official', `server.schema.${version}`);
      const shipped = !this.bundled || !official ? undefined
        : version === CURRENT_SCHEMA_VERSION ? await readJson(this.bundled)
          : await readJson(official.with({ path: `${official.path}.json` }));
      if (shipped && official) {
        const validator = loadValidator(official.with({ path: `${official.path}.validate.js` }));
        if (validator) this.shippedValidators.set(shipped, validator);
        else this.log.warn(`no shipped validator for the server.json schema ${version}: it is compiled on first use`);
      }
      if (shipped) return { [url]: shipped };
      const cacheFile = vscode.Uri.joinPath(this.storageUri, 'schemas', `${schemaVersionOf(url)}.server.schema.json`);
      const cached = await readJson(cacheFile);
      if (cached) return { [url]: cached };
      try {
        const response = await this.fetchFn(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(vscode.l10n.t('HTTP {0}', response.status));
        const schema: unknown = await response.json();
        if (!isSchema(schema)) throw new Error(vscode.l10n.t('the answer is not a JSON schema'));
        await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.storageUri, 'schemas'));
        await vscode.workspace.fs.writeFile(cacheFile, new TextEncoder().encode(JSON.stringify(schema)));
        this.log.info(`server.json schema ${displayUrl(url)} fetched and cached`);
        return { [url]: schema };
      } catch (error) {
        this.log.warn(`could not fetch the server.json schema ${displayUrl(url)}: ${error instanceof Error ? error.message : String(error)}; trying mcpVersions.schemaDirectory`);
      }
    }
    return this.readFallbackDirectory();
  }

  /** Every schema in `mcpVersions.schemaDirectory`, keyed by its `$id`. */
  private async readFallbackDirectory(): Promise<Schemas> {
    const dir = settings.schemaDirectory();
    if (typeof dir !== 'string' || !dir) return {};
    const schemas: Schemas = {};
    try {
      const dirUri = vscode.Uri.file(dir);
      for (const [name, type] of await vscode.workspace.fs.readDirectory(dirUri)) {
        if (type !== vscode.FileType.File || !name.endsWith('.json')) continue;
        const schema = await readJson(vscode.Uri.joinPath(dirUri, name));
        const id = schema && (schema as { $id?: unknown }).$id;
        if (schema && typeof id === 'string') schemas[id] = schema;
      }
    } catch (error) {
      this.log.warn(`could not read mcpVersions.schemaDirectory ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return schemas;
  }
}

/** A validator the build generated (CommonJS, dist/schemas/official); undefined when it is missing or unreadable. */
function loadValidator(uri: vscode.Uri): ShippedValidator | undefined {
  if (uri.scheme !== 'file') return undefined;
  try {
    const loaded: unknown = createRequire(uri.fsPath)(uri.fsPath);
    const validate = typeof loaded === 'function' ? loaded : (loaded as { default?: unknown } | undefined)?.default;
    return typeof validate === 'function' ? (validate as ShippedValidator) : undefined;
  } catch {
    return undefined;
  }
}

function isSchema(value: unknown): value is object {
  return !!value && typeof value === 'object' && !Array.isArray(value) && ('$schema' in value || 'properties' in value || 'definitions' in value);
}

async function readJson(uri: vscode.Uri): Promise<object | undefined> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
    return isSchema(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
