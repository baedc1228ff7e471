/** Small JSON text helpers for the bump planner: strict/lenient parsing, path lookup, string escaping. */
import { findNodeAtLocation, getNodeValue, modify, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { PlaceKind, PlannedEdit } from './types';

export type JsonSegment = string | number;

export interface ParsedJson {
  readonly root: Node | undefined;
  /** The first syntax error in words with its line, or undefined when the text parses. */
  readonly error?: string;
}

/** Parses JSON (comments and trailing commas only when `lenient`); reports the first syntax error with its line. */
export function parseJsonText(text: string, lenient = false): ParsedJson {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !lenient, allowTrailingComma: lenient, allowEmptyContent: false });
  if (errors.length === 0 && root) return { root };
  const first = errors[0];
  if (!first) return { root, error: 'the file is empty' };
  const line = text.slice(0, first.offset).split('\n').length;
  return { root, error: `${describeParseError(printParseErrorCode(first.error))} on line ${line}` };
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function stringNodeAt(root: Node | undefined, path: readonly JsonSegment[]): Node | undefined {
  const node = root && findNodeAtLocation(root, [...path]);
  return node?.type === 'string' ? node : undefined;
}

export function valueAt(root: Node | undefined, path: readonly JsonSegment[]): unknown {
  const node = root && findNodeAtLocation(root, [...path]);
  return node ? getNodeValue(node) : undefined;
}

/** The characters of `value` as they must be written between JSON quotes. */
export function jsonStringContent(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** A replacement of a whole string value (quotes included), keeping everything around it byte for byte. */
export function replaceStringValue(node: Node, value: string, kind: PlaceKind, label: string): PlannedEdit {
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value), kind, label };
}

/** Sets `path` to `value` with jsonc-parser (inserting the property when missing), as planned edits. */
export function setJsonValue(text: string, path: readonly JsonSegment[], value: string, kind: PlaceKind, label: string): PlannedEdit[] {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const formattingOptions = { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
  return modify(text, [...path], value, { formattingOptions }).map((edit) => ({ offset: edit.offset, length: edit.length, newText: edit.content, kind, label }));
}

/** Parses "serverInfo.version", "servers[0].version" or "a.b.0" into path segments; undefined when malformed. */
export function parseJsonPath(path: string): JsonSegment[] | undefined {
  const segments: JsonSegment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/gy;
  let position = 0;
  while (position < path.length) {
    if (position > 0 && path[position] === '.') position++;
    pattern.lastIndex = position;
    const match = pattern.exec(path);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(/^\d+$/.test(match[1]) ? Number(match[1]) : match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(`"${match[3]}"`) as string);
    position = pattern.lastIndex;
  }
  return segments.length > 0 ? segments : undefined;
}
