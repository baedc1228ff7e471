// What the workspace view needs from one server.json text: name, version, version fields, or why it cannot be read.
// No `vscode` import: unit-tested under plain Node.
import { parse, type ParseError } from 'jsonc-parser';
import { parseErrorWords } from '../util/jsoncErrors';
import { findServerJsonVersionFields } from '../serverJson/versionFields';
import type { VersionField } from '../serverJson';

export interface LocalProblem {
  message: string;
  /** Offset into the text where the problem is. */
  offset: number;
}

export interface LocalServer {
  name?: string;
  version?: string;
  versionFields: VersionField[];
  /** Set when the text cannot be read as a server.json object (syntax error, not an object, no name or version). */
  problem?: LocalProblem;
}

export function readLocalServer(text: string): LocalServer {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length > 0) {
    const first = errors[0]!;
    const { line, character } = positionOf(text, first.offset);
    return { versionFields: [], problem: { message: `Invalid JSON: ${parseErrorWords(first)} (line ${line + 1}, column ${character + 1})`, offset: first.offset } };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return { versionFields: [], problem: { message: 'server.json must contain a JSON object', offset: 0 } };
  }
  const record = value as Record<string, unknown>;
  const name = typeof record.name === 'string' && record.name !== '' ? record.name : undefined;
  const version = typeof record.version === 'string' && record.version !== '' ? record.version : undefined;
  const server: LocalServer = { name, version, versionFields: findServerJsonVersionFields(text) };
  if (!name) server.problem = { message: 'server.json has no "name"', offset: 0 };
  else if (!version) server.problem = { message: 'server.json has no "version"', offset: 0 };
  return server;
}

/** Zero-based line and character (UTF-16 units) of an offset, as VS Code counts them (\r\n, \r and \n end lines). */
export function positionOf(text: string, offset: number): { line: number; character: number } {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || (ch === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: end - lineStart };
}

