// Locating things in server.json text without the editor. No `vscode` import.
import { findNodeAtLocation, parseTree, visit, type Node, type Segment } from 'jsonc-parser';

/** `packages[0].transport.url` (the registry's issue paths; also `/packages/0/transport/url`) → path segments. */
export function parseIssuePath(path: string): Segment[] {
  const trimmed = path.trim().replace(/^body\.?/, '').replace(/^\$\.?/, '');
  if (trimmed === '' || trimmed === '/') return [];
  if (trimmed.startsWith('/')) {
    return trimmed.slice(1).split('/').map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
  }
  const segments: Segment[] = [];
  const pattern = /([^.[\]]+)|\[(\d+)\]|\[["']([^"']*)["']\]/g;
  for (let match = pattern.exec(trimmed); match; match = pattern.exec(trimmed)) {
    if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(match[1] ?? match[3] ?? '');
  }
  return segments;
}

/**
 * The character range a path points at: the value at the path, else (the property is missing) the
 * deepest object or array on the way; the whole document when nothing matches or the text is not JSON.
 */
export function rangeForPath(text: string, segments: readonly Segment[]): { start: number; end: number } {
  const root = parseTree(text, undefined, { disallowComments: true });
  if (!root) return { start: 0, end: Math.min(text.length, 1) };
  for (let length = segments.length; length >= 0; length--) {
    const node = length === 0 ? root : findNodeAtLocation(root, segments.slice(0, length) as Segment[]);
    if (node) return rangeOfNode(node, length < segments.length);
  }
  return { start: 0, end: 1 };
}

/** A value's range, or only its first character for a container that stands in for a missing child (a whole object would underline half the file). */
function rangeOfNode(node: Node, standIn: boolean): { start: number; end: number } {
  if (standIn && (node.type === 'object' || node.type === 'array')) {
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? { start: key.offset, end: key.offset + key.length } : { start: node.offset, end: node.offset + 1 };
  }
  return { start: node.offset, end: node.offset + node.length };
}

/** String values of top-level properties (e.g. `$schema`, `name`), read without building a tree of the whole document. */
export function topLevelStrings(text: string, keys: readonly string[]): Record<string, string | undefined> {
  const wanted = new Set(keys);
  const found: Record<string, string | undefined> = {};
  let depth = 0;
  let property: string | undefined;
  visit(text, {
    onObjectBegin: () => {
      depth++;
      return depth <= 1;
    },
    onObjectEnd: () => {
      depth--;
    },
    onArrayBegin: () => {
      depth++;
      return false;
    },
    onArrayEnd: () => {
      depth--;
    },
    onObjectProperty: (name) => {
      property = depth === 1 ? name : undefined;
    },
    onLiteralValue: (value) => {
      if (depth === 1 && property !== undefined && wanted.has(property) && typeof value === 'string' && !(property in found)) found[property] = value;
      property = undefined;
    },
  });
  return found;
}
