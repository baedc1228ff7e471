import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions, type Node, type ParseError } from 'jsonc-parser';
import { strictJsonTree } from './strictJsonTree';
import type { TextEdit } from './types';

export type Segment = string | number;

export interface TextRange {
  start: number;
  end: number;
}

export interface JsonDocument {
  text: string;
  root: Node | undefined;
  syntaxErrors: ParseError[];
  /** The parsed value, when the text is strict JSON. */
  parsed?: { value: unknown };
}

/** Strict JSON (no comments, no trailing commas); fast path for text that `JSON.parse` accepts. */
export function parseJsonDocument(text: string): JsonDocument {
  const parsed = parseStrict(text);
  if (parsed) {
    const root = strictJsonTree(text);
    if (root) return { text, root, syntaxErrors: [], parsed };
  }
  const syntaxErrors: ParseError[] = [];
  const root = parseTree(text, syntaxErrors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return { text, root, syntaxErrors };
}

function parseStrict(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** The plain value of a node; `__proto__` keys stay ordinary properties. */
export function plainValueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const { key, value } of membersOf(node)) Object.defineProperty(object, key, { value: plainValueOf(value), enumerable: true, writable: true, configurable: true });
      return object;
    }
    case 'array':
      return (node.children ?? []).map(plainValueOf);
    default:
      return node.value;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['packages', 0, 'version']` → `packages[0].version`; odd keys are bracket-quoted. */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const segment of segments) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export function nodeAt(doc: JsonDocument, segments: readonly Segment[]): Node | undefined {
  if (!doc.root) return undefined;
  if (segments.length === 0) return doc.root;
  return findNodeAtLocation(doc.root, segments as Segment[]);
}

export function valueAt(doc: JsonDocument, segments: readonly Segment[]): unknown {
  const node = nodeAt(doc, segments);
  return node ? plainValueOf(node) : undefined;
}

export function stringAt(doc: JsonDocument, segments: readonly Segment[]): string | undefined {
  const node = nodeAt(doc, segments);
  return node?.type === 'string' && typeof node.value === 'string' ? node.value : undefined;
}

export function rangeOf(node: Node): TextRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The key node of the member `segments` points at (only for object members). */
export function keyNodeAt(doc: JsonDocument, segments: readonly Segment[]): Node | undefined {
  const valueNode = nodeAt(doc, segments);
  const property = valueNode?.parent;
  if (property?.type !== 'property') return undefined;
  return property.children?.[0];
}

export function documentStart(doc: JsonDocument): TextRange {
  return { start: 0, end: Math.min(1, doc.text.length) };
}

/** The value at `segments`, else the closest ancestor that exists, else the document start. */
export function bestRange(doc: JsonDocument, segments: readonly Segment[]): TextRange {
  for (let depth = segments.length; depth >= 0; depth--) {
    const node = nodeAt(doc, segments.slice(0, depth));
    if (node) return depth === 0 && segments.length > 0 ? openingOf(node) : rangeOf(node);
  }
  return documentStart(doc);
}

/**
 * Where to point for a property missing from the object at `objectSegments`: a preferred sibling key,
 * else the key under which the object sits in its parent, else its first key, else its opening brace.
 */
export function missingPropertyRange(doc: JsonDocument, objectSegments: readonly Segment[], preferredSiblings: readonly string[] = []): TextRange {
  const objectNode = nodeAt(doc, objectSegments);
  if (!objectNode) return bestRange(doc, objectSegments);
  for (const sibling of preferredSiblings) {
    const key = keyNodeAt(doc, [...objectSegments, sibling]);
    if (key) return rangeOf(key);
  }
  const ownKey = objectSegments.length > 0 ? keyNodeAt(doc, objectSegments) : undefined;
  if (ownKey) return rangeOf(ownKey);
  const firstKey = objectNode.type === 'object' ? objectNode.children?.[0]?.children?.[0] : undefined;
  if (firstKey) return rangeOf(firstKey);
  return openingOf(objectNode);
}

function openingOf(node: Node): TextRange {
  return { start: node.offset, end: node.offset + Math.min(1, node.length) };
}

/** Object members as [key, value node, key node]. */
export function membersOf(node: Node | undefined): { key: string; value: Node; keyNode: Node }[] {
  if (node?.type !== 'object') return [];
  const members: { key: string; value: Node; keyNode: Node }[] = [];
  for (const property of node.children ?? []) {
    const [keyNode, value] = property.children ?? [];
    if (keyNode?.type === 'string' && typeof keyNode.value === 'string' && value) members.push({ key: keyNode.value, value, keyNode });
  }
  return members;
}

export function elementsOf(node: Node | undefined): Node[] {
  return node?.type === 'array' ? (node.children ?? []) : [];
}

export function formattingOptionsFor(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  if (indent.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent.length, eol };
}

/** Text edits that set (or with `undefined`, remove) the value at `segments`. */
export function editsToSet(text: string, segments: readonly Segment[], value: unknown, insertionIndex?: (existingKeys: string[]) => number): TextEdit[] {
  const edits = modify(text, segments as Segment[], value, {
    formattingOptions: formattingOptionsFor(text),
    ...(insertionIndex ? { getInsertionIndex: insertionIndex } : {}),
  });
  return edits.map((edit) => ({ offset: edit.offset, length: edit.length, content: edit.content }));
}

/** Replaces a string node's whole literal (quotes included) with `value`. */
export function editReplacingString(node: Node, value: string): TextEdit {
  return { offset: node.offset, length: node.length, content: JSON.stringify(value) };
}

/** Applies several modifications one after another and returns them as one edit against the original text. */
export function combinedEdit(text: string, steps: readonly ((current: string) => TextEdit[])[]): TextEdit {
  let current = text;
  for (const step of steps) current = applyEdits(current, step(current));
  let prefix = 0;
  const shorter = Math.min(text.length, current.length);
  while (prefix < shorter && text[prefix] === current[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && text[text.length - 1 - suffix] === current[current.length - 1 - suffix]) suffix++;
  return { offset: prefix, length: text.length - prefix - suffix, content: current.slice(prefix, current.length - suffix) };
}
