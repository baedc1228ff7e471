import * as l10n from '@vscode/l10n';
import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { JsonDocument } from './jsonDocument';
import type { Problem } from './types';

/** The message for a jsonc-parser error code; the code itself when there is none. */
function messageFor(code: string): string {
  switch (code) {
    case 'InvalidSymbol': return l10n.t('Unexpected character');
    case 'InvalidNumberFormat': return l10n.t('Invalid number');
    case 'PropertyNameExpected': return l10n.t('Property name expected (in double quotes)');
    case 'ValueExpected': return l10n.t('Value expected');
    case 'ColonExpected': return l10n.t('Colon expected');
    case 'CommaExpected': return l10n.t('Comma expected');
    case 'CloseBraceExpected': return l10n.t('Closing brace `}` expected');
    case 'CloseBracketExpected': return l10n.t('Closing bracket `]` expected');
    case 'EndOfFileExpected': return l10n.t('End of file expected: only one JSON value is allowed');
    case 'InvalidCommentToken': return l10n.t('Comments are not allowed in server.json (the registry accepts strict JSON only)');
    case 'UnexpectedEndOfComment': return l10n.t('Unterminated comment');
    case 'UnexpectedEndOfString': return l10n.t('Unterminated string');
    case 'UnexpectedEndOfNumber': return l10n.t('Unterminated number');
    case 'InvalidUnicode': return l10n.t('Invalid unicode escape sequence');
    case 'InvalidEscapeCharacter': return l10n.t('Invalid escape character in string');
    case 'InvalidCharacter': return l10n.t('Invalid character in string (control characters must be escaped)');
    default: return code;
  }
}

/** JSON syntax problems; trailing commas get their own message and point at the comma. */
export function syntaxProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  const seenOffsets = new Set<number>();
  if (doc.text.trim() === '') {
    return [{ severity: 'error', code: 'json-syntax', message: l10n.t('server.json is empty: a JSON object is expected'), path: '', range: { start: 0, end: doc.text.length } }];
  }
  for (const error of doc.syntaxErrors) {
    const trailingComma = trailingCommaBefore(doc.text, error);
    const start = trailingComma ?? error.offset;
    if (seenOffsets.has(start)) continue;
    seenOffsets.add(start);
    const message = trailingComma !== undefined
      ? l10n.t('Trailing comma is not allowed in server.json (the registry accepts strict JSON only)')
      : messageFor(printParseErrorCode(error.error));
    const end = trailingComma !== undefined ? trailingComma + 1 : Math.min(doc.text.length, error.offset + Math.max(1, error.length));
    problems.push({ severity: 'error', code: 'json-syntax', message, path: '', range: { start: Math.min(start, end), end } });
  }
  return problems;
}

function trailingCommaBefore(text: string, error: ParseError): number | undefined {
  const name = printParseErrorCode(error.error);
  if (name !== 'ValueExpected' && name !== 'PropertyNameExpected') return undefined;
  const closing = text[error.offset];
  if (closing !== '}' && closing !== ']') return undefined;
  let index = error.offset - 1;
  while (index >= 0 && /\s/.test(text[index] ?? '')) index--;
  return text[index] === ',' ? index : undefined;
}
