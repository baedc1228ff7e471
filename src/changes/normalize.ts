/**
 * Brings any generation of server.json (snake_case 2025-07-09 and earlier, camelCase since 2025-09-16)
 * into one camelCase shape, so that equal documents compare equal (schema defaults are applied when
 * inputs are compared, see inputs.ts).
 * Junk becomes an empty server; nothing here throws.
 */
import { asString, isObject, objectsOf, setOwn, type JsonObject } from './json';

const REGISTRY_META_KEY = 'io.modelcontextprotocol.registry/official';

export function toCamel(key: string): string {
  if (!key.includes('_')) return key;
  return key.replace(/(?<=[a-zA-Z0-9])_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** Copies `raw` with camelCase keys; a camelCase key wins over its snake_case twin. */
function camelizeKeys(raw: JsonObject, convert: (key: string, value: unknown) => unknown): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const camel = toCamel(key);
    if (camel !== key && Object.hasOwn(raw, camel)) continue;
    setOwn(out, camel, convert(camel, value));
  }
  return out;
}

export function normalizeInput(raw: JsonObject): JsonObject {
  return camelizeKeys(raw, (key, value) => (key === 'variables' ? normalizeVariables(value) : value));
}

/** `variables` is a map whose keys are names chosen by the author: only its values are normalised. */
function normalizeVariables(value: unknown): unknown {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [name, input] of Object.entries(value)) setOwn(out, name, isObject(input) ? normalizeInput(input) : input);
  return out;
}

function normalizeInputs(value: unknown): JsonObject[] {
  return objectsOf(value).map(normalizeInput);
}

/** A package transport or a remote: `{type, url?, headers?, variables?}`. */
export function normalizeTransport(raw: unknown): JsonObject | undefined {
  if (typeof raw === 'string') return { type: raw };
  if (!isObject(raw)) return undefined;
  const out = camelizeKeys(raw, (key, value) => {
    if (key === 'headers') return normalizeInputs(value);
    if (key === 'variables') return normalizeVariables(value);
    return value;
  });
  if (out.type === undefined && out.transportType !== undefined) out.type = out.transportType;
  delete out.transportType;
  return out;
}

export function normalizePackage(raw: JsonObject): JsonObject {
  const out = camelizeKeys(raw, (key, value) => {
    if (key === 'environmentVariables' || key === 'runtimeArguments' || key === 'packageArguments') return normalizeInputs(value);
    if (key === 'transport') return normalizeTransport(value);
    return value;
  });
  // Pre-schema generations: {registry_name, name, version_detail: {version}}; these fields were renamed, not added.
  if (out.registryType === undefined && out.registryName !== undefined) out.registryType = out.registryName;
  if (out.identifier === undefined && asString(out.name) !== undefined) out.identifier = out.name;
  if (out.version === undefined && isObject(out.versionDetail)) out.version = out.versionDetail.version;
  delete out.registryName;
  delete out.name;
  delete out.versionDetail;
  if (out.transport === undefined && out.transportType !== undefined) out.transport = normalizeTransport(out.transportType);
  delete out.transportType;
  if (out.transport === undefined) delete out.transport;
  return out;
}

/**
 * The normalised document. `_meta` keeps only what the publisher controls: the registry's own
 * `io.modelcontextprotocol.registry/official` block describes the listing, not the server.
 */
export function normalizeServer(input: unknown): JsonObject {
  // A registry ServerResponse ({server, _meta}) stands for the server.json it carries.
  const raw = isObject(input) && isObject(input.server) && input.name === undefined ? input.server : input;
  if (!isObject(raw)) return {};
  const out = camelizeKeys(raw, (key, value) => {
    if (key === 'packages') return objectsOf(value).map(normalizePackage);
    if (key === 'remotes') return objectsOf(value).map((remote) => normalizeTransport(remote) ?? {});
    if (key === 'repository' && isObject(value)) return camelizeKeys(value, (_k, v) => v);
    return value;
  });
  if (out.version === undefined && isObject(out.versionDetail)) {
    out.version = out.versionDetail.version;
    delete out.versionDetail;
  }
  if (Object.hasOwn(out, '_meta')) {
    const meta = isObject(raw._meta) ? { ...raw._meta } : raw._meta;
    if (isObject(meta)) delete meta[REGISTRY_META_KEY];
    if (isObject(meta) && Object.keys(meta).length === 0) delete out._meta;
    else out._meta = meta;
  }
  return out;
}
