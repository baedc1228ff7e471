import * as l10n from '@vscode/l10n';
import { documentStart, parseJsonDocument, plainValueOf, rangeOf, type JsonDocument } from './jsonDocument';
import { metaProblems } from './metaRules';
import { nameProblems } from './nameRules';
import { iconProblems, repositoryProblems, titleProblems, websiteUrlProblems } from './metadataRules';
import { packageProblems } from './packageRules';
import { remoteProblems } from './remoteRules';
import { descriptionProblems, publishedVersionProblems, versionProblems } from './registryRules';
import { checkSchemaField } from './schemaField';
import { schemaProblems, useShippedValidator, validatorFor, type SchemaProblem } from './schemaValidation';
import { syntaxProblems } from './syntax';
import type { Problem, ValidateOptions } from './types';
import { packageJsonProblems, pyprojectProblems } from './workspaceManifests';

/** Schema keywords whose failures a registry rule at the same path reports better. */
const SUPERSEDED_SCHEMA_KEYWORDS = new Set(['maxLength', 'minLength', 'pattern', 'not']);

/**
 * Everything that would make the registry refuse (or silently alter) this server.json, plus advice.
 * Never throws: a failure inside one check becomes an `internal-error` problem and the others still run.
 */
export function validateServerJson(text: string, options: ValidateOptions = {}): Problem[] {
  const problems: Problem[] = [];
  try {
    const doc = parseJsonDocument(typeof text === 'string' ? text : '');
    const syntax = syntaxProblems(doc);
    if (syntax.length > 0) return syntax;
    if (doc.root?.type !== 'object') {
      return [{ severity: 'error', code: 'json-not-object', message: l10n.t('server.json must contain a JSON object'), path: '', range: doc.root ? rangeOf(doc.root) : documentStart(doc) }];
    }
    const context = options?.context ?? {};
    let schemaFindings: SchemaProblem[] = [];
    let schemaChecked = false;
    guard(problems, doc, () => {
      const field = checkSchemaField(doc, options?.schemas);
      if (field.schema) {
        const schema = field.schema;
        guard(problems, doc, () => {
          const shipped = options.shippedValidators?.get(schema);
          if (shipped) useShippedValidator(schema, shipped);
          const compiled = validatorFor(schema);
          schemaChecked = true;
          schemaFindings = schemaProblems(doc, doc.parsed ? doc.parsed.value : plainValueOf(doc.root!), compiled);
        }, 'schema-unavailable');
      }
      return field.problems;
    });
    const ruleProblems: Problem[] = [];
    guard(ruleProblems, doc, () => nameProblems(doc, schemaChecked));
    guard(ruleProblems, doc, () => descriptionProblems(doc, schemaChecked));
    guard(ruleProblems, doc, () => versionProblems(doc, schemaChecked));
    guard(ruleProblems, doc, () => publishedVersionProblems(doc, context.publishedVersions));
    guard(ruleProblems, doc, () => metaProblems(doc));
    guard(ruleProblems, doc, () => repositoryProblems(doc));
    guard(ruleProblems, doc, () => websiteUrlProblems(doc));
    guard(ruleProblems, doc, () => titleProblems(doc));
    guard(ruleProblems, doc, () => iconProblems(doc));
    guard(ruleProblems, doc, () => packageProblems(doc));
    guard(ruleProblems, doc, () => remoteProblems(doc));
    guard(ruleProblems, doc, () => packageJsonProblems(doc, context.packageJson));
    guard(ruleProblems, doc, () => pyprojectProblems(doc, context.pyprojectToml));
    const rulePaths = new Set(ruleProblems.filter((problem) => problem.severity === 'error').map((problem) => problem.path));
    for (const { problem, keyword } of schemaFindings) {
      if (SUPERSEDED_SCHEMA_KEYWORDS.has(keyword) && rulePaths.has(problem.path)) continue;
      problems.push(problem);
    }
    problems.push(...ruleProblems);
  } catch (error) {
    problems.push(internalError(error, undefined));
  }
  return problems.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
}

function guard(into: Problem[], doc: JsonDocument, check: () => Problem[] | void, code = 'internal-error'): void {
  try {
    const found = check();
    if (found) into.push(...found);
  } catch (error) {
    into.push(internalError(error, doc, code));
  }
}

function internalError(error: unknown, doc: JsonDocument | undefined, code = 'internal-error'): Problem {
  const reason = error instanceof Error ? error.message : String(error);
  const message = code === 'schema-unavailable'
    ? l10n.t('The schema could not be compiled, so the document was not checked against it: {0}', reason)
    : l10n.t('A server.json check failed unexpectedly: {0}', reason);
  return { severity: 'info', code, message, path: '', range: doc ? documentStart(doc) : { start: 0, end: 0 } };
}
