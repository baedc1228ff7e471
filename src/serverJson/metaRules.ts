import * as l10n from '@vscode/l10n';
import { editsToSet, membersOf, nodeAt, plainValueOf, rangeOf, type JsonDocument } from './jsonDocument';
import type { Problem } from './types';

export const PUBLISHER_PROVIDED_KEY = 'io.modelcontextprotocol.registry/publisher-provided';
const PUBLISHER_PROVIDED_LIMIT_BYTES = 4096;

/** `_meta`: only publisher-provided survives publishing, and it must marshal to at most 4 KB. */
export function metaProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  const meta = nodeAt(doc, ['_meta']);
  const members = membersOf(meta);
  for (const { key, value, keyNode } of members) {
    const path = `_meta[${JSON.stringify(key)}]`;
    if (key !== PUBLISHER_PROVIDED_KEY) {
      problems.push({
        severity: 'warning',
        code: 'meta-key-dropped',
        message: l10n.t('The registry will drop `_meta` key "{0}": it stores only the publisher-provided block', key),
        path,
        range: rangeOf(keyNode),
        fix: { title: l10n.t('Remove _meta "{0}"', key), edits: editsToSet(doc.text, members.length === 1 ? ['_meta'] : ['_meta', key], undefined) },
      });
      continue;
    }
    const size = marshalledSize(plainValueOf(value));
    if (size > PUBLISHER_PROVIDED_LIMIT_BYTES) {
      problems.push({
        severity: 'error',
        code: 'meta-too-large',
        message: l10n.t('The registry will refuse the publisher-provided metadata in `_meta`: it is {0} bytes once serialised, over the 4 KB limit ({1} bytes); shorten it', size, PUBLISHER_PROVIDED_LIMIT_BYTES),
        path,
        range: rangeOf(value),
      });
    }
  }
  return problems;
}

/** Size in bytes of the compact JSON the registry (Go encoding/json, HTML-escaping) produces. */
function marshalledSize(value: unknown): number {
  const json = JSON.stringify(value) ?? 'null';
  const asciiEscapes = json.match(/[<>&]/g)?.length ?? 0;
  const separatorEscapes = json.match(/[\u2028\u2029]/g)?.length ?? 0;
  return Buffer.byteLength(json, 'utf8') + asciiEscapes * 5 + separatorEscapes * 3;
}
