import * as l10n from '@vscode/l10n';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { bestRange, formatPath, keyNodeAt, missingPropertyRange, nodeAt, rangeOf, valueAt, type JsonDocument, type Segment } from './jsonDocument';
import type { Problem } from './types';
import { AJV_OPTIONS } from './ajvOptions';

// ajv loads with the server.json checks, which are themselves loaded on first use (never at activation).

/** A compiled official schema, able to re-check a single anyOf/oneOf branch to explain its failure. */
export interface CompiledSchema {
  validate: ValidateFunction;
  branch(branchSchema: object): ValidateFunction;
}

const compiledSchemas = new WeakMap<object, CompiledSchema>();
const shippedValidators = new WeakMap<object, ValidateFunction>();

/**
 * The validator the build generated for `schema` (an official one, dist/schemas/official/*.validate.js): used
 * instead of compiling it, which costs the first check of a window tens of milliseconds.
 */
export function useShippedValidator(schema: object, validate: ValidateFunction): void {
  if (!compiledSchemas.has(schema)) shippedValidators.set(schema, validate);
}

/**
 * Compiles (once per schema object) an ajv draft-07 validator, or takes the shipped one; throws when the schema
 * does not compile. Branches of a failed anyOf/oneOf are compiled when an error needs explaining.
 */
export function validatorFor(schema: object): CompiledSchema {
  const cached = compiledSchemas.get(schema);
  if (cached) return cached;
  let ajv: Ajv | undefined;
  const compiler = () => {
    if (!ajv) {
      ajv = new Ajv(AJV_OPTIONS);
      addFormats(ajv);
    }
    return ajv;
  };
  const branches = new WeakMap<object, ValidateFunction>();
  const definitions = (schema as { definitions?: unknown }).definitions;
  const compiled: CompiledSchema = {
    validate: shippedValidators.get(schema) ?? compiler().compile(schema),
    branch(branchSchema) {
      let validate = branches.get(branchSchema);
      if (!validate) {
        validate = compiler().compile({ definitions, allOf: [branchSchema] });
        branches.set(branchSchema, validate);
      }
      return validate;
    },
  };
  compiledSchemas.set(schema, compiled);
  return compiled;
}

export interface SchemaProblem {
  problem: Problem;
  /** The ajv keyword behind it, so registry rules can take over duplicates (e.g. `maxLength` on description). */
  keyword: string;
}

export function schemaProblems(doc: JsonDocument, value: unknown, compiled: CompiledSchema): SchemaProblem[] {
  if (compiled.validate(value)) return [];
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of collapseCompositeErrors(compiled.validate.errors ?? [], compiled, 0)) {
    const problem = toProblem(doc, error);
    const key = `${problem.path}\u0000${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ problem, keyword: error.keyword });
  }
  return problems;
}

const MAX_BRANCH_DEPTH = 8;

/**
 * Replaces each failed anyOf/oneOf (and the errors of its branches, which ajv lists just before it)
 * with the errors of the most plausible branch, re-validating each branch on its own to tell them
 * apart; drops `if` summaries (their `then` errors stay).
 */
function collapseCompositeErrors(errors: readonly ErrorObject[], compiled: CompiledSchema, depth: number): ErrorObject[] {
  const out: ErrorObject[] = [];
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    const branchSchemas = error.schema;
    if ((error.keyword === 'anyOf' || error.keyword === 'oneOf') && Array.isArray(branchSchemas) && depth < MAX_BRANCH_DEPTH
      && !(error.params as { passingSchemas?: unknown }).passingSchemas) {
      while (out.length > 0 && isWithin(out[out.length - 1]!.instancePath, error.instancePath)) out.pop();
      const branches = branchSchemas.map((branchSchema: unknown) => {
        if (!branchSchema || typeof branchSchema !== 'object') return [];
        const validate = compiled.branch(branchSchema);
        if (validate(error.data)) return [];
        const relocated = (validate.errors ?? []).map((inner) => ({ ...inner, instancePath: error.instancePath + inner.instancePath }));
        return collapseCompositeErrors(relocated, compiled, depth + 1);
      });
      out.push(...pickBranch(error, branches.filter((branch) => branch.length > 0)));
      continue;
    }
    out.push(error);
  }
  return out;
}

function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}/`);
}

function pickBranch(composite: ErrorObject, all: ErrorObject[][]): ErrorObject[] {
  if (all.length === 0) return [composite];
  const typePath = `${composite.instancePath}/type`;
  const isTypeMismatch = (e: ErrorObject) => e.instancePath === typePath && (e.keyword === 'enum' || e.keyword === 'const');
  const plausible = all.filter((branch) => !branch.some(isTypeMismatch));
  if (plausible.length === 0) {
    const allowed = all.flatMap((branch) => branch.filter(isTypeMismatch)).flatMap(allowedValuesOf);
    const first = all[0]!.find(isTypeMismatch)!;
    return [{ ...first, keyword: 'enum', params: { allowedValues: [...new Set(allowed)] } }];
  }
  const requiredOnly = plausible.every((branch) => branch.length === 1 && branch[0]!.keyword === 'required' && branch[0]!.instancePath === composite.instancePath);
  if (requiredOnly && plausible.length > 1) {
    const names = plausible.map((branch) => String((branch[0]!.params as { missingProperty?: unknown }).missingProperty));
    return [{ ...plausible[0]![0]!, keyword: 'requiredOneOf', params: { names } }];
  }
  return plausible.reduce((best, branch) => (branch.length < best.length ? branch : best));
}

function allowedValuesOf(error: ErrorObject): unknown[] {
  const params = error.params as { allowedValues?: unknown[]; allowedValue?: unknown };
  if (Array.isArray(params.allowedValues)) return params.allowedValues;
  return 'allowedValue' in params ? [params.allowedValue] : [];
}

function segmentsOf(doc: JsonDocument, instancePath: string): Segment[] {
  const segments: Segment[] = [];
  if (instancePath === '') return segments;
  for (const raw of instancePath.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const parent = nodeAt(doc, segments);
    segments.push(parent?.type === 'array' && /^\d+$/.test(key) ? Number(key) : key);
  }
  return segments;
}

const code = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

function toProblem(doc: JsonDocument, error: ErrorObject): Problem {
  const segments = segmentsOf(doc, error.instancePath);
  const path = formatPath(segments);
  const subject = path === '' ? 'server.json' : `\`${path}\``;
  const params = error.params as Record<string, unknown>;
  const base = { severity: 'error' as const, code: 'schema' };
  switch (error.keyword) {
    case 'required':
      return { ...base, path, range: missingPropertyRange(doc, segments), message: l10n.t('{0} must have required property {1}', subject, code(params.missingProperty)) };
    case 'requiredOneOf':
      return { ...base, path, range: missingPropertyRange(doc, segments), message: l10n.t('{0} must have one of the properties {1}', subject, (params.names as string[]).map(code).join(', ')) };
    case 'additionalProperties': {
      const propertyPath = [...segments, String(params.additionalProperty)];
      const keyNode = keyNodeAt(doc, propertyPath);
      return { ...base, path: formatPath(propertyPath), range: keyNode ? rangeOf(keyNode) : bestRange(doc, segments), message: l10n.t('{0} is not allowed in {1} by this schema version', code(params.additionalProperty), subject) };
    }
    default:
      return { ...base, path, range: bestRange(doc, segments), message: describe(subject, error, valueAt(doc, segments)) };
  }
}

/** What `subject` (a path in backticks, or server.json) must be, as one sentence per keyword. */
function describe(subject: string, error: ErrorObject, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const type = String(params.type);
      return /^[aeiou]/.test(type) ? l10n.t('{0} must be an {1}', subject, type) : l10n.t('{0} must be a {1}', subject, type);
    }
    case 'maxLength':
      return typeof value === 'string'
        ? l10n.t('{0} must be at most {1} characters (it has {2})', subject, String(params.limit), [...value].length)
        : l10n.t('{0} must be at most {1} characters', subject, String(params.limit));
    case 'minLength':
      return params.limit === 1 ? l10n.t('{0} must not be empty', subject) : l10n.t('{0} must be at least {1} characters', subject, String(params.limit));
    case 'pattern':
      return l10n.t('{0} must match the pattern {1}', subject, code(params.pattern));
    case 'format':
      return params.format === 'uri'
        ? l10n.t('{0} must be a valid absolute URI (such as https://example.com/…)', subject)
        : l10n.t('{0} must be a valid {1}', subject, String(params.format));
    case 'enum':
      return l10n.t('{0} must be one of {1}', subject, ((params.allowedValues as unknown[]) ?? []).map(code).join(', '));
    case 'const':
      return l10n.t('{0} must be {1}', subject, code(params.allowedValue));
    case 'not':
      return l10n.t('{0} must not be {1}', subject, code(value));
    default:
      // ajv's own wording for keywords the official schemas do not use today (ajv has no translations).
      return error.message ? `${subject} ${error.message}` : l10n.t('{0} is invalid', subject);
  }
}
