import * as l10n from '@vscode/l10n';
import type { Node } from 'jsonc-parser';
import { editReplacingString, editsToSet, missingPropertyRange, nodeAt, rangeOf, type JsonDocument } from './jsonDocument';
import { CURRENT_SCHEMA_URL, CURRENT_SCHEMA_VERSION, classifySchemaUrl, schemaVersionOf } from './schemaVersions';
import type { Problem } from './types';

export interface SchemaFieldResult {
  problems: Problem[];
  /** The schema document to validate against, when `$schema` names one we were given. */
  schema?: object;
}

/** Checks `$schema` and finds the matching official schema document in `schemas`. */
export function checkSchemaField(doc: JsonDocument, schemas: Record<string, object> | undefined): SchemaFieldResult {
  const node = nodeAt(doc, ['$schema']);
  if (!node) {
    return {
      problems: [{
        severity: 'error',
        code: 'schema-missing',
        message: l10n.t('`$schema` is missing: the registry requires it. Add "$schema": "{0}"', CURRENT_SCHEMA_URL),
        path: '$schema',
        range: missingPropertyRange(doc, [], ['name']),
        fix: { title: l10n.t('Add the current $schema'), edits: editsToSet(doc.text, ['$schema'], CURRENT_SCHEMA_URL, () => 0) },
      }],
    };
  }
  const range = rangeOf(node);
  if (node.type !== 'string' || typeof node.value !== 'string') {
    return { problems: [{ severity: 'error', code: 'schema-unknown', message: l10n.t('`$schema` must be a string: the URL of a server.json schema'), path: '$schema', range, fix: replaceWithCurrent(node) }] };
  }
  const url = node.value;
  const problems: Problem[] = [];
  const status = classifySchemaUrl(url);
  if (status === 'unknown') {
    const version = schemaVersionOf(url);
    problems.push({
      severity: 'error',
      code: 'schema-unknown',
      message: version
        ? l10n.t('`$schema` names an unknown schema version ({0}): the registry only accepts its published schemas; the current one is {1}', version, CURRENT_SCHEMA_URL)
        : l10n.t('`$schema` names an unknown schema version: the registry only accepts its published schemas; the current one is {0}', CURRENT_SCHEMA_URL),
      path: '$schema',
      range,
      fix: replaceWithCurrent(node),
    });
  } else if (status === 'deprecated') {
    problems.push({
      severity: 'warning',
      code: 'schema-version-deprecated',
      message: l10n.t('`$schema` uses the older schema version {0}; the registry still accepts it with a warning. Current: {1}', schemaVersionOf(url)!, CURRENT_SCHEMA_URL),
      path: '$schema',
      range,
      fix: replaceWithCurrent(node),
    });
  }
  const schema = lookUpSchema(url, schemas);
  if (!schema && status !== 'unknown') {
    problems.push({
      severity: 'info',
      code: 'schema-unavailable',
      message: l10n.t('The schema {0} could not be loaded, so the document was not checked against it', url),
      path: '$schema',
      range,
    });
  }
  return schema ? { problems, schema } : { problems };
}

function replaceWithCurrent(node: Node) {
  return { title: l10n.t('Use the current server.json schema ({0})', CURRENT_SCHEMA_VERSION), edits: [editReplacingString(node, CURRENT_SCHEMA_URL)] };
}

function lookUpSchema(url: string, schemas: Record<string, object> | undefined): object | undefined {
  if (!schemas || typeof schemas !== 'object') return undefined;
  const exact = Object.prototype.hasOwnProperty.call(schemas, url) ? schemas[url] : undefined;
  if (exact && typeof exact === 'object') return exact;
  const version = schemaVersionOf(url);
  if (version === undefined) return undefined;
  for (const [key, schema] of Object.entries(schemas)) {
    if (schemaVersionOf(key) === version && schema && typeof schema === 'object') return schema;
  }
  return undefined;
}
