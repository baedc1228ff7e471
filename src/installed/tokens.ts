/** Words of a command line, each remembering where in the config file's strings it came from. */
import type { JsonPath } from './types';

export interface Token {
  readonly value: string;
  /** The JSON string this word lies in and where it starts there; absent when quoting changed its characters. */
  readonly path?: JsonPath;
  readonly source?: string;
  readonly offset?: number;
}

export function argToken(value: string, path: JsonPath): Token {
  return { value, path, source: value, offset: 0 };
}

/**
 * Splits a command string the simple way a shell would: blanks separate words; '…' and "…" quote;
 * a backslash escapes the next character unless `windows` (where it is a path separator).
 */
export function splitWords(text: string, path: JsonPath | undefined, windows = false): Token[] {
  return splitToken({ value: text, path, source: text, offset: 0 }, windows);
}

/** Splits one word that holds a whole command line (`bash -c "npx …"`), keeping where each part lies. */
export function splitToken(token: Token, windows = false): Token[] {
  const text = token.value;
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    while (index < text.length && /\s/.test(text[index])) index++;
    if (index >= text.length) break;
    const start = index;
    let value = '';
    let quote: string | undefined;
    while (index < text.length) {
      const char = text[index];
      if (quote) {
        if (char === quote) quote = undefined;
        else if (char === '\\' && quote === '"' && !windows && index + 1 < text.length) value += text[++index];
        else value += char;
      } else if (/\s/.test(char)) {
        break;
      } else if (char === '"' || char === "'") {
        quote = char;
      } else if (char === '\\' && !windows && index + 1 < text.length) {
        value += text[++index];
      } else {
        value += char;
      }
      index++;
    }
    tokens.push({ value, ...placeOf(token, start, index, value) });
  }
  return tokens;
}

function placeOf(parent: Token, start: number, end: number, value: string): Partial<Token> {
  if (!parent.path || parent.offset === undefined) return {};
  const raw = parent.value.slice(start, end);
  const at = (local: number) => ({ path: parent.path, source: parent.source, offset: (parent.offset ?? 0) + local });
  if (raw === value) return at(start);
  const quote = raw[0];
  if ((quote === '"' || quote === "'") && raw.length >= 2 && raw.endsWith(quote) && raw.slice(1, -1) === value) return at(start + 1);
  return {};
}

/** The program's file name in lower case without directory or Windows extension: "C:\\nodejs\\NPX.CMD" → "npx". */
export function programName(command: string): string {
  const base = command.split(/[\\/]/).pop() ?? command;
  return base.toLowerCase().replace(/\.(cmd|exe|bat|ps1|com)$/, '');
}
