// Typed models of the MCP Registry API (server.json schema 2025-12-11, /v0.1 responses).
// Parsing into these shapes lives in parse.ts; nothing here touches the network.

export const OFFICIAL_META_KEY = 'io.modelcontextprotocol.registry/official';
export const PUBLISHER_META_KEY = 'io.modelcontextprotocol.registry/publisher-provided';
export const CURRENT_SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

export type InputFormat = 'string' | 'number' | 'boolean' | 'filepath';

export interface Input {
  description?: string;
  isRequired?: boolean;
  format?: InputFormat;
  value?: string;
  isSecret?: boolean;
  default?: string;
  placeholder?: string;
  choices?: string[];
}

export interface InputWithVariables extends Input {
  variables?: Record<string, Input>;
}

export interface PositionalArgument extends InputWithVariables {
  type: 'positional';
  valueHint?: string;
  isRepeated?: boolean;
}

export interface NamedArgument extends InputWithVariables {
  type: 'named';
  name: string;
  isRepeated?: boolean;
}

export type Argument = PositionalArgument | NamedArgument;

/** A header or environment variable. */
export interface KeyValueInput extends InputWithVariables {
  name: string;
}

export interface StdioTransport {
  type: 'stdio';
}

export interface StreamableHttpTransport {
  type: 'streamable-http';
  url: string;
  headers?: KeyValueInput[];
}

export interface SseTransport {
  type: 'sse';
  url: string;
  headers?: KeyValueInput[];
}

export type LocalTransport = StdioTransport | StreamableHttpTransport | SseTransport;

export type RemoteTransport = (StreamableHttpTransport | SseTransport) & {
  variables?: Record<string, Input>;
};

/** npm | pypi | nuget | oci | mcpb | cargo, open-ended for other registries. */
export type RegistryType = 'npm' | 'pypi' | 'nuget' | 'oci' | 'mcpb' | 'cargo' | (string & {});

export interface Package {
  registryType: RegistryType;
  registryBaseUrl?: string;
  identifier: string;
  version?: string;
  fileSha256?: string;
  runtimeHint?: string;
  transport: LocalTransport;
  runtimeArguments?: Argument[];
  packageArguments?: Argument[];
  environmentVariables?: KeyValueInput[];
}

export interface Repository {
  url: string;
  source: string;
  id?: string;
  subfolder?: string;
}

export interface Icon {
  src: string;
  mimeType?: 'image/png' | 'image/jpeg' | 'image/jpg' | 'image/svg+xml' | 'image/webp';
  sizes?: string[];
  theme?: 'light' | 'dark';
}

export interface ServerJSONMeta {
  [PUBLISHER_META_KEY]?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A server.json document (schema 2025-12-11, `ServerDetail`). */
export interface ServerJSON {
  $schema?: string;
  name: string;
  description: string;
  title?: string;
  version: string;
  repository?: Repository;
  websiteUrl?: string;
  icons?: Icon[];
  packages?: Package[];
  remotes?: RemoteTransport[];
  _meta?: ServerJSONMeta;
}

export type ServerStatus = 'active' | 'deprecated' | 'deleted';

/** The registry-owned block `_meta["io.modelcontextprotocol.registry/official"]`. Timestamps are RFC 3339 strings. */
export interface OfficialMeta {
  status: ServerStatus;
  statusChangedAt: string;
  statusMessage?: string;
  publishedAt: string;
  updatedAt: string;
  isLatest: boolean;
}

export interface ServerResponseMeta {
  [OFFICIAL_META_KEY]: OfficialMeta;
  [key: string]: unknown;
}

export interface ServerResponse {
  server: ServerJSON;
  _meta: ServerResponseMeta;
}

export interface ServerList {
  servers: ServerResponse[];
  metadata: { nextCursor?: string; count: number };
}

export interface AllVersionsStatusResult {
  updatedCount: number;
  servers: ServerResponse[];
}

export interface StatusChange {
  status: ServerStatus;
  statusMessage?: string;
}

export type ValidationSeverity = 'error' | 'warning' | 'info';

export interface ValidationIssue {
  type: string;
  path: string;
  message: string;
  severity: ValidationSeverity;
  reference?: string;
}

export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

export interface HealthInfo {
  status: string;
  githubClientId?: string;
}

export interface RegistryBuildInfo {
  version: string;
  gitCommit?: string;
  buildTime?: string;
}

/** A registry JWT obtained from one of the `/auth/*` exchanges. */
export interface RegistryToken {
  token: string;
  expiresAt: Date;
}

export interface Permission {
  action: 'publish' | 'edit' | (string & {});
  resource: string;
}

export function officialMeta(response: ServerResponse): OfficialMeta {
  return response._meta[OFFICIAL_META_KEY];
}
