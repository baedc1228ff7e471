// `json.schemas` entries that point VS Code's JSON language service at the server.json schemas this
// extension ships: one per official `$schema` URL, `{ url, schema: { $ref: <our read-only document> } }`.
// A document's own `$schema` wins over every extension contribution (jsonValidation, configurationDefaults);
// only such entries in the user's or workspace's settings are used instead of a download.

/** One official schema shipped in dist/schemas/official (index.json, written by scripts/build-schemas.mjs). */
export interface BundledSchema {
  readonly url: string;
  readonly file: string;
}

export interface SchemaSetting {
  url?: unknown;
  schema?: unknown;
  [key: string]: unknown;
}

export const BUNDLED_SCHEME = 'mcp-versions-schema';

/** With an authority: VS Code 1.93's JSON service resolves a `$ref` without `://` against the document's URL. */
export function bundledSchemaUri(file: string): string {
  return `${BUNDLED_SCHEME}://official/${file}`;
}

/** The index file's entries that are well formed; anything else is dropped. */
export function parseBundledIndex(value: unknown): BundledSchema[] {
  if (!Array.isArray(value)) return [];
  return value.filter((entry): entry is BundledSchema =>
    !!entry && typeof entry === 'object'
    && typeof (entry as BundledSchema).url === 'string' && /^https:\/\//.test((entry as BundledSchema).url)
    && typeof (entry as BundledSchema).file === 'string' && /^[\w.-]+\.json$/.test((entry as BundledSchema).file));
}

function isOurs(entry: unknown): boolean {
  const ref = (entry as { schema?: { $ref?: unknown } } | undefined)?.schema?.$ref;
  return typeof ref === 'string' && ref.startsWith(`${BUNDLED_SCHEME}:`);
}

export interface SettingsChange {
  /** The new `json.schemas` value (undefined: remove the setting). */
  readonly value: SchemaSetting[] | undefined;
  /** Official URLs now served from the extension. */
  readonly added: string[];
  /** Official URLs the user already points somewhere else themselves: left as they are. */
  readonly keptUsers: string[];
}

/** `current` with one entry per bundled schema (replacing ours from an earlier run), the user's own entries kept. */
export function withBundledSchemas(current: unknown, bundled: readonly BundledSchema[]): SettingsChange {
  const kept = (Array.isArray(current) ? current : []).filter((entry) => !isOurs(entry)) as SchemaSetting[];
  const usersUrls = new Set(kept.map((entry) => entry?.url).filter((url): url is string => typeof url === 'string'));
  const keptUsers = bundled.filter((schema) => usersUrls.has(schema.url)).map((schema) => schema.url);
  const ours = bundled.filter((schema) => !usersUrls.has(schema.url)).map((schema) => ({ url: schema.url, schema: { $ref: bundledSchemaUri(schema.file) } }));
  return { value: [...kept, ...ours], added: ours.map((entry) => entry.url), keptUsers };
}

/** `current` without the entries this extension wrote. */
export function withoutBundledSchemas(current: unknown): SchemaSetting[] | undefined {
  if (!Array.isArray(current)) return undefined;
  const kept = current.filter((entry) => !isOurs(entry)) as SchemaSetting[];
  return kept.length > 0 ? kept : undefined;
}

/** Whether the settings already serve `url` from this extension. */
export function servesBundled(current: unknown, url: string): boolean {
  return Array.isArray(current) && current.some((entry) => isOurs(entry) && (entry as SchemaSetting).url === url);
}
