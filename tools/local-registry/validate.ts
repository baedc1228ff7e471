// server.json validation: Huma-style request-shape checks (422) and the /validate issue list
// (schema + semantic rules of internal/validators/validators.go).
import { validationFailed, type ProblemErrorDetail } from './problem';
import { CURRENT_SCHEMA_URL, CURRENT_SCHEMA_VERSION, schemaVersionOf, type SchemaStore } from './schemas';
import { looksLikeVersionRange, MAX_VERSION_LENGTH } from './versioning';

export interface ValidationIssue {
  type: 'json' | 'schema' | 'semantic' | 'linter';
  path: string;
  message: string;
  severity: 'error' | 'warning' | 'info';
  reference: string;
}

export const PUBLISHER_META_KEY = 'io.modelcontextprotocol.registry/publisher-provided';
export const MAX_PUBLISHER_META_BYTES = 4096;
const NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;
const NAMESPACE_PART = /^[a-zA-Z0-9]([a-zA-Z0-9.-]*[a-zA-Z0-9])?$/;
const NAME_PART = /^[a-zA-Z0-9]([a-zA-Z0-9._-]*[a-zA-Z0-9])?$/;
const KNOWN_FIELDS = ['$schema', 'name', 'description', 'title', 'version', 'repository', 'websiteUrl', 'icons', 'packages', 'remotes', '_meta'];

export type ServerJson = Record<string, unknown> & { name: string; version: string; description: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The checks Huma applies from the Go struct tags before the handler runs: failures are 422. */
export function checkRequestShape(body: unknown): ServerJson {
  if (!isObject(body)) throw validationFailed([{ message: 'expected object', location: 'body', value: body }]);
  const errors: ProblemErrorDetail[] = [];
  const str = (field: string, min: number, max: number, pattern?: RegExp, required = true): void => {
    const value = body[field];
    if (value === undefined) {
      if (required) errors.push({ message: `expected required property ${field} to be present`, location: 'body', value: body });
      return;
    }
    if (typeof value !== 'string') errors.push({ message: 'expected string', location: `body.${field}`, value });
    else if ([...value].length < min) errors.push({ message: `expected length >= ${min}`, location: `body.${field}`, value });
    else if ([...value].length > max) errors.push({ message: `expected length <= ${max}`, location: `body.${field}`, value });
    else if (pattern && !pattern.test(value)) errors.push({ message: `expected string to match pattern ${pattern.source}`, location: `body.${field}`, value });
  };
  str('$schema', 1, 2048);
  str('name', 3, 200, NAME_PATTERN);
  str('description', 1, 100);
  str('version', 1, MAX_VERSION_LENGTH);
  str('title', 1, 100, undefined, false);
  if (errors.length > 0) throw validationFailed(errors);
  return body as ServerJson;
}

/** What the official registry stores: the Go struct drops unknown top-level fields and foreign _meta keys. */
export function toStoredServerJson(body: ServerJson): ServerJson {
  const stored: Record<string, unknown> = {};
  for (const key of KNOWN_FIELDS) if (body[key] !== undefined) stored[key] = body[key];
  const meta = body._meta;
  delete stored._meta;
  if (isObject(meta) && meta[PUBLISHER_META_KEY] !== undefined) stored._meta = { [PUBLISHER_META_KEY]: meta[PUBLISHER_META_KEY] };
  return stored as ServerJson;
}

export function publisherMetaTooLarge(server: Record<string, unknown>): boolean {
  const meta = server._meta;
  if (!isObject(meta) || meta[PUBLISHER_META_KEY] === undefined) return false;
  return Buffer.byteLength(JSON.stringify(meta[PUBLISHER_META_KEY])) > MAX_PUBLISHER_META_BYTES;
}

function ajvPathToDotted(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function semanticIssues(doc: Record<string, unknown>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const error = (path: string, message: string, reference: string): void => {
    issues.push({ type: 'semantic', path, message, severity: 'error', reference });
  };
  if (typeof doc.name === 'string') {
    const parts = doc.name.split('/');
    if (parts.length !== 2 || !NAMESPACE_PART.test(parts[0]) || !NAME_PART.test(parts[1])) {
      error('name', `server name must be in format 'dns-namespace/name' with exactly one slash, got: ${doc.name}`, 'invalid-server-name');
    }
  }
  const checkVersion = (path: string, version: unknown): void => {
    if (typeof version !== 'string') return;
    if (version.length > MAX_VERSION_LENGTH) error(path, `version exceeds ${MAX_VERSION_LENGTH} characters`, 'version-too-long');
    if (version === 'latest') error(path, "version 'latest' is reserved and cannot be used", 'reserved-version-string');
    else if (looksLikeVersionRange(version)) {
      error(path, `version must be a specific version, not a range: "${version}"`, 'version-looks-like-range');
    }
  };
  checkVersion('version', doc.version);
  if (Array.isArray(doc.packages)) doc.packages.forEach((p, i) => isObject(p) && checkVersion(`packages[${i}].version`, p.version));
  if (publisherMetaTooLarge(doc)) {
    error(`_meta.${PUBLISHER_META_KEY}`, `_meta.${PUBLISHER_META_KEY} extension exceeds 4KB limit`, 'publisher-meta-too-large');
  }
  return issues;
}

/** Full validation as POST /validate reports it. */
export async function validateServerJson(doc: unknown, schemas: SchemaStore): Promise<ValidationIssue[]> {
  if (!isObject(doc)) return [{ type: 'json', path: '', message: 'server.json must be a JSON object', severity: 'error', reference: 'invalid-json' }];
  const issues: ValidationIssue[] = [];
  const schemaUrl = doc.$schema;
  if (typeof schemaUrl !== 'string' || schemaUrl === '') {
    issues.push({ type: 'schema', path: '$schema', message: '$schema field is required', severity: 'error', reference: 'schema-field-required' });
  } else {
    const validate = await schemas.validatorFor(schemaUrl);
    if (!validate) {
      issues.push({ type: 'schema', path: '$schema', message: `unsupported or unknown schema: ${schemaUrl}`, severity: 'error', reference: 'schema-version-unsupported' });
    } else {
      if (schemaVersionOf(schemaUrl) !== CURRENT_SCHEMA_VERSION) {
        issues.push({
          type: 'schema',
          path: '$schema',
          message: `schema version ${schemaVersionOf(schemaUrl)} is not the current version; migrate to ${CURRENT_SCHEMA_URL}`,
          severity: 'warning',
          reference: 'schema-version-deprecated',
        });
      }
      if (!validate(doc)) {
        for (const e of validate.errors ?? []) {
          issues.push({ type: 'schema', path: ajvPathToDotted(e.instancePath), message: e.message ?? 'invalid', severity: 'error', reference: e.schemaPath });
        }
      }
    }
  }
  issues.push(...semanticIssues(doc));
  return issues;
}

export function hasErrors(issues: ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
