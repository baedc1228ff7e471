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

type Converters = Readonly<Record<string, (value: unknown) => unknown>>;

const NO_CONVERTERS: Converters = {};

const isPlain = (value: object, prototype: object): boolean => Object.getPrototypeOf(value) === prototype;

/**
 * `raw` with camelCase keys (a camelCase key wins over its snake_case twin); `convert` normalises the
 * values of the keys it names. A plain object that is already normal is returned as it is, not copied:
 * the result is read, never written (callers copy before they change it).
 */
function camelizeKeys(raw: JsonObject, convert: Converters = NO_CONVERTERS): JsonObject {
  let converts = false;
  for (const key in raw) {
    if (key.includes('_') && toCamel(key) !== key) return camelizedCopy(raw, convert);
    if (Object.hasOwn(convert, key)) converts = true;
  }
  if (!isPlain(raw, Object.prototype)) {
    const out = { ...raw };
    for (const key in convert) if (Object.hasOwn(out, key)) out[key] = convert[key](out[key]);
    return out;
  }
  let out = raw;
  if (!converts) return out;
  // for…in lists the enumerable keys, own first: those that are also own are what a copy would hold.
  for (const key in raw) {
    if (!Object.hasOwn(convert, key) || !Object.hasOwn(raw, key)) continue;
    const value = raw[key];
    const normal = convert[key](value);
    if (normal === value) continue;
    if (out === raw) out = { ...raw };
    out[key] = normal;
  }
  return out;
}

function camelizedCopy(raw: JsonObject, convert: Converters): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(raw)) {
    const camel = toCamel(key);
    if (camel !== key && Object.hasOwn(raw, camel)) continue;
    setOwn(out, camel, Object.hasOwn(convert, camel) ? convert[camel](value) : value);
  }
  return out;
}

const INPUT_CONVERTERS: Converters = { variables: normalizeVariables };

export function normalizeInput(raw: JsonObject): JsonObject {
  return camelizeKeys(raw, INPUT_CONVERTERS);
}

/** `variables` is a map whose keys are names chosen by the author: only its values are normalised. */
function normalizeVariables(value: unknown): unknown {
  if (!isObject(value)) return value;
  if (isPlain(value, Object.prototype) && Object.values(value).every((input) => !isObject(input) || normalizeInput(input) === input)) return value;
  const out: JsonObject = {};
  for (const [name, input] of Object.entries(value)) setOwn(out, name, isObject(input) ? normalizeInput(input) : input);
  return out;
}

/** The objects of a list, normalised; the list itself when that changes nothing. */
function normalizeInputs(value: unknown): JsonObject[] {
  if (!Array.isArray(value) || !isPlain(value, Array.prototype)) return objectsOf(value).map(normalizeInput);
  let out: JsonObject[] | undefined;
  for (let index = 0; index < value.length; index++) {
    const entry: unknown = value[index];
    if (!isObject(entry)) return objectsOf(value).map(normalizeInput);
    const normal = normalizeInput(entry);
    if (out) out.push(normal);
    else if (normal !== entry) out = [...(value.slice(0, index) as JsonObject[]), normal];
  }
  return out ?? (value as JsonObject[]);
}

const TRANSPORT_CONVERTERS: Converters = { headers: normalizeInputs, variables: normalizeVariables };

/** A package transport or a remote: `{type, url?, headers?, variables?}`. */
export function normalizeTransport(raw: unknown): JsonObject | undefined {
  if (typeof raw === 'string') return { type: raw };
  if (!isObject(raw)) return undefined;
  const camel = camelizeKeys(raw, TRANSPORT_CONVERTERS);
  if (!(camel.type === undefined && camel.transportType !== undefined) && !Object.hasOwn(camel, 'transportType')) return camel;
  const out = camel === raw ? { ...raw } : camel;
  if (out.type === undefined && out.transportType !== undefined) out.type = out.transportType;
  delete out.transportType;
  return out;
}

const PACKAGE_CONVERTERS: Converters = {
  environmentVariables: normalizeInputs,
  runtimeArguments: normalizeInputs,
  packageArguments: normalizeInputs,
  transport: normalizeTransport,
};

/** Whether the fix-ups of normalizePackage would change anything. */
function packageNeedsFixes(pkg: JsonObject): boolean {
  return (
    (pkg.registryType === undefined && pkg.registryName !== undefined) ||
    (pkg.identifier === undefined && asString(pkg.name) !== undefined) ||
    (pkg.version === undefined && isObject(pkg.versionDetail)) ||
    (pkg.transport === undefined && pkg.transportType !== undefined) ||
    Object.hasOwn(pkg, 'registryName') ||
    Object.hasOwn(pkg, 'name') ||
    Object.hasOwn(pkg, 'versionDetail') ||
    Object.hasOwn(pkg, 'transportType') ||
    (pkg.transport === undefined && Object.hasOwn(pkg, 'transport'))
  );
}

export function normalizePackage(raw: JsonObject): JsonObject {
  const camel = camelizeKeys(raw, PACKAGE_CONVERTERS);
  if (!packageNeedsFixes(camel)) return camel;
  const out = camel === raw ? { ...raw } : camel;
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

const SERVER_CONVERTERS: Converters = {
  packages: (value) => objectsOf(value).map(normalizePackage),
  remotes: (value) => objectsOf(value).map((remote) => normalizeTransport(remote) ?? {}),
  repository: (value) => (isObject(value) ? camelizeKeys(value) : value),
};

/**
 * The normalised document. `_meta` keeps only what the publisher controls: the registry's own
 * `io.modelcontextprotocol.registry/official` block describes the listing, not the server.
 * Parts that are already normal are the input's own objects, not copies: read it, don't change it.
 */
export function normalizeServer(input: unknown): JsonObject {
  // A registry ServerResponse ({server, _meta}) stands for the server.json it carries.
  const raw = isObject(input) && isObject(input.server) && input.name === undefined ? input.server : input;
  if (!isObject(raw)) return {};
  const camel = camelizeKeys(raw, SERVER_CONVERTERS);
  const out = camel === raw ? { ...raw } : camel;
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
