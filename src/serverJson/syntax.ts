import { printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { JsonDocument } from './jsonDocument';
import type { Problem } from './types';

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'Unexpected character',
  InvalidNumberFormat: 'Invalid number',
  PropertyNameExpected: 'Property name expected (in double quotes)',
  ValueExpected: 'Value expected',
  ColonExpected: 'Colon expected',
  CommaExpected: 'Comma expected',
  CloseBraceExpected: 'Closing brace `}` expected',
  CloseBracketExpected: 'Closing bracket `]` expected',
  EndOfFileExpected: 'End of file expected: only one JSON value is allowed',
  InvalidCommentToken: 'Comments are not allowed in server.json (the registry accepts strict JSON only)',
  UnexpectedEndOfComment: 'Unterminated comment',
  UnexpectedEndOfString: 'Unterminated string',
  UnexpectedEndOfNumber: 'Unterminated number',
  InvalidUnicode: 'Invalid unicode escape sequence',
  InvalidEscapeCharacter: 'Invalid escape character in string',
  InvalidCharacter: 'Invalid character in string (control characters must be escaped)',
};

/** JSON syntax problems; trailing commas get their own message and point at the comma. */
export function syntaxProblems(doc: JsonDocument): Problem[] {
  const problems: Problem[] = [];
  const seenOffsets = new Set<number>();
  if (doc.text.trim() === '') {
    return [{ severity: 'error', code: 'json-syntax', message: 'server.json is empty: a JSON object is expected', path: '', range: { start: 0, end: doc.text.length } }];
  }
  for (const error of doc.syntaxErrors) {
    const trailingComma = trailingCommaBefore(doc.text, error);
    const start = trailingComma ?? error.offset;
    if (seenOffsets.has(start)) continue;
    seenOffsets.add(start);
    const message = trailingComma !== undefined
      ? 'Trailing comma is not allowed in server.json (the registry accepts strict JSON only)'
      : (MESSAGES[printParseErrorCode(error.error)] ?? printParseErrorCode(error.error));
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
