// Public API of the MCP Registry client (no `vscode` import anywhere under src/registry).

export * from './types';
export { RegistryError, isDroppedConnection, isRegistryError, parseErrorBody, parseRetryAfter, redactUrl } from './errors';
export type { ErrorBody, RegistryErrorInit, RegistryErrorItem, RegistryErrorKind } from './errors';
export { attemptOutcome, HttpTransport, isLoopbackHost } from './http';
export { endsMidJson, htmlToText, jsonDepthExceeds } from './limits';
export type { FetchLike, HttpOptions, HttpRequest, HttpResult, RequestLogEntry } from './http';
export { RegistryClient } from './client';
export type { ApiVersion, CallOptions, IncludeDeletedOptions, ListServersParams, RegistryClientOptions } from './client';
export {
  parseAllVersionsStatus,
  parseBuildInfo,
  parseHealth,
  parsePing,
  parseServerJson,
  parseServerList,
  parseServerResponse,
  parseTokenResponse,
  parseValidationResult,
} from './parse';
export type { ParseSource } from './parse';
export { normalizeServerJson } from './normalize';
export {
  RegistryTokenSource,
  decodeJwtPayload,
  hasPermission,
  jwtPermissions,
  matchesResource,
  mayChangeStatus,
  mayPublish,
  publishableNamespaces,
} from './auth';
export type { TokenExchange, TokenSourceOptions } from './auth';
export {
  createTimestampSigner,
  generateKeyProofKeyPair,
  keyProofRecord,
  privateKeyObject,
  publicKeyBase64,
  publicKeyObject,
  signTimestamp,
} from './signing';
export type { KeyAlgorithm, KeyProofKeyPair, TimestampSigner } from './signing';
