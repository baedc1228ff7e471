// Brings server.json documents of every schema generation to the current (2025-12-11) camelCase shape.
// Unknown fields are kept as they are; only known fields are renamed, never user-chosen keys
// such as variable names or publisher-provided `_meta` content.

import { OFFICIAL_META_KEY, type ServerJSON } from './types';

type Json = Record<string, unknown>;

/** snake_case names of the 2025-07-09 schema and their camelCase successors. */
const RENAMED_FIELDS: Record<string, string> = {
  website_url: 'websiteUrl',
  registry_type: 'registryType',
  registry_base_url: 'registryBaseUrl',
  registry_name: 'registryType',
  package_name: 'identifier',
  file_sha256: 'fileSha256',
  runtime_hint: 'runtimeHint',
  runtime_arguments: 'runtimeArguments',
  package_arguments: 'packageArguments',
  environment_variables: 'environmentVariables',
  is_required: 'isRequired',
  is_secret: 'isSecret',
  is_repeated: 'isRepeated',
  value_hint: 'valueHint',
  mime_type: 'mimeType',
  transport_type: 'type',
};

/**
 * Returns a normalised copy of a server.json-like object. Callers check `name`/`version` themselves;
 * this only reshapes. Legacy `status` and official `_meta` inside the server are removed
 * (they belong to the response since 2025-09-29) — read them with `legacyServerExtras` first.
 */
export function normalizeServerJson(raw: Json): ServerJSON {
  const server = renameFields(raw);
  const versionDetail = server.version_detail;
  if (server.version === undefined && isObject(versionDetail) && typeof versionDetail.version === 'string') {
    server.version = versionDetail.version;
  }
  delete server.version_detail;
  delete server.status;
  if (isObject(server._meta)) {
    const meta = { ...server._meta };
    delete meta[OFFICIAL_META_KEY];
    if (Object.keys(meta).length) server._meta = meta;
    else delete server._meta;
  }
  if (Array.isArray(server.packages)) server.packages = server.packages.map((p) => (isObject(p) ? normalizePackage(p) : p));
  if (Array.isArray(server.remotes)) server.remotes = server.remotes.map((r) => (isObject(r) ? normalizeRemote(r) : r));
  if (Array.isArray(server.icons)) server.icons = server.icons.map((i) => (isObject(i) ? renameFields(i) : i));
  return server as unknown as ServerJSON;
}

/** The pieces of an older server.json that moved to the response `_meta` in later generations. */
export function legacyServerExtras(raw: Json): { status?: unknown; official?: Json } {
  const meta = raw._meta;
  const official = isObject(meta) && isObject(meta[OFFICIAL_META_KEY]) ? (meta[OFFICIAL_META_KEY] as Json) : undefined;
  return { status: raw.status, official };
}

function normalizePackage(raw: Json): Json {
  const pkg = renameFields(raw);
  if (typeof pkg.transport === 'string') pkg.transport = { type: pkg.transport };
  else if (isObject(pkg.transport)) pkg.transport = normalizeTransport(pkg.transport);
  else if (pkg.transport === undefined) pkg.transport = { type: 'stdio' };
  for (const key of ['runtimeArguments', 'packageArguments', 'environmentVariables']) {
    if (Array.isArray(pkg[key])) pkg[key] = (pkg[key] as unknown[]).map((a) => (isObject(a) ? normalizeInput(a) : a));
  }
  return pkg;
}

function normalizeTransport(raw: Json): Json {
  const transport = renameFields(raw);
  if (Array.isArray(transport.headers)) {
    transport.headers = transport.headers.map((h) => (isObject(h) ? normalizeInput(h) : h));
  }
  return transport;
}

function normalizeRemote(raw: Json): Json {
  const remote = normalizeTransport(raw);
  if (isObject(remote.variables)) remote.variables = normalizeVariables(remote.variables);
  return remote;
}

function normalizeInput(raw: Json): Json {
  const input = renameInputFields(raw);
  if (isObject(input.variables)) input.variables = normalizeVariables(input.variables);
  return input;
}

function normalizeVariables(raw: Json): Json {
  const out: Json = {};
  for (const [name, value] of Object.entries(raw)) out[name] = isObject(value) ? renameInputFields(value) : value;
  return out;
}

function renameInputFields(raw: Json): Json {
  const input = renameFields(raw);
  if (input.format === 'file_path') input.format = 'filepath';
  return input;
}

function renameFields(raw: Json): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(raw)) {
    const renamed = RENAMED_FIELDS[key];
    if (renamed === undefined) out[key] = value;
    else if (!(renamed in raw)) out[renamed] = value;
  }
  return out;
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
