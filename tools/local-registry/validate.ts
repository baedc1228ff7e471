// server.json validation: Huma-style request-shape checks (422) and the /validate issue list, from the
// extension's rules module (src/serverJson), which records the upstream rule each check follows.
import { validationFailed, type ProblemErrorDetail } from './problem';
import { validateServerJson as checkServerJson } from '../../src/serverJson';
import type { SchemaStore } from './schemas';
import { MAX_VERSION_LENGTH } from './versioning';

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

/** Our names for the issues that upstream names differently in `reference`. */
const UPSTREAM_REFERENCES: Record<string, string> = {
  'schema-missing': 'schema-field-required',
  'schema-unknown': 'schema-version-unsupported',
  'name-format': 'invalid-server-name',
  'meta-too-large': 'publisher-meta-too-large',
};
/** Warnings the official /validate itself returns; the rest of our advice is the editor's, not the registry's. */
const REGISTRY_WARNINGS = new Set(['schema-version-deprecated']);

/**
 * Full validation as POST /validate reports it: the extension's own server.json rules (src/serverJson), so
 * the editor, Publish's pre-flight and this registry cannot disagree. Schemas come from local files only.
 */
export async function validateServerJson(doc: unknown, schemas: SchemaStore): Promise<ValidationIssue[]> {
  if (!isObject(doc)) return [{ type: 'json', path: '', message: 'server.json must be a JSON object', severity: 'error', reference: 'invalid-json' }];
  const problems = checkServerJson(JSON.stringify(doc), { schemas: schemas.schemasFor(doc.$schema) });
  return problems
    .filter((problem) => problem.severity === 'error' || REGISTRY_WARNINGS.has(problem.code))
    .map((problem) => ({
      type: problem.code === 'schema' || problem.code.startsWith('schema-') ? 'schema' : problem.code.startsWith('json-') ? 'json' : 'semantic',
      path: problem.path,
      message: problem.message,
      severity: problem.severity,
      reference: UPSTREAM_REFERENCES[problem.code] ?? problem.code,
    }));
}

export function hasErrors(issues: ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
