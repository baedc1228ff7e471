import type { Node } from 'jsonc-parser';
import { elementsOf, formatPath, nodeAt, parseJsonDocument, stringAt, type JsonDocument } from './jsonDocument';
import type { VersionField } from './types';

/**
 * Every place in server.json that carries the server version and should move with it on a bump:
 * the top-level `version`, package versions equal to it, an OCI image tag equal to it (or `v` + it),
 * and occurrences of it in an MCPB download URL. Offsets cover the version characters only.
 */
export function findServerJsonVersionFields(text: string): VersionField[] {
  try {
    if (typeof text !== 'string') return [];
    const doc = parseJsonDocument(text);
    if (doc.root?.type !== 'object') return [];
    const versionNode = nodeAt(doc, ['version']);
    const version = stringAt(doc, ['version']);
    if (!versionNode || version === undefined || version === '') return [];
    if (!isClosedString(doc, versionNode)) return [];
    const fields: VersionField[] = [wholeString(versionNode, 'version', 'server')];
    elementsOf(nodeAt(doc, ['packages'])).forEach((_, index) => fields.push(...packageFields(doc, index, version)));
    return fields.filter((field) => field.length > 0);
  } catch {
    return [];
  }
}

function packageFields(doc: JsonDocument, index: number, version: string): VersionField[] {
  const fields: VersionField[] = [];
  const packageVersionNode = nodeAt(doc, ['packages', index, 'version']);
  if (packageVersionNode && isClosedString(doc, packageVersionNode) && packageVersionNode.value === version) {
    fields.push(wholeString(packageVersionNode, formatPath(['packages', index, 'version']), 'package'));
  }
  const identifierNode = nodeAt(doc, ['packages', index, 'identifier']);
  if (!identifierNode || !isClosedString(doc, identifierNode)) return fields;
  const identifierPath = formatPath(['packages', index, 'identifier']);
  const registryType = stringAt(doc, ['packages', index, 'registryType']);
  const raw = rawContent(doc, identifierNode);
  if (registryType === 'oci') {
    const tagStart = ociTagStart(raw);
    if (tagStart !== undefined) {
      const tag = raw.slice(tagStart, tagEnd(raw, tagStart));
      const versionStart = tag === version ? tagStart : tag === `v${version}` ? tagStart + 1 : undefined;
      if (versionStart !== undefined) fields.push({ path: identifierPath, offset: identifierNode.offset + 1 + versionStart, length: version.length, value: version, kind: 'oci-tag' });
    }
  } else if (registryType === 'mcpb') {
    for (const start of delimitedOccurrences(raw, version)) {
      fields.push({ path: identifierPath, offset: identifierNode.offset + 1 + start, length: version.length, value: version, kind: 'mcpb-url' });
    }
  }
  return fields;
}

/** A string node whose literal is complete in the text (recovered nodes of broken text may lack the closing quote). */
function isClosedString(doc: JsonDocument, node: Node): boolean {
  return node.type === 'string' && typeof node.value === 'string' && node.length >= 2
    && doc.text[node.offset] === '"' && doc.text[node.offset + node.length - 1] === '"';
}

function wholeString(node: Node, path: string, kind: VersionField['kind']): VersionField {
  return { path, offset: node.offset + 1, length: Math.max(0, node.length - 2), value: String(node.value), kind };
}

/** The characters between the quotes as written in the file (escapes not decoded). */
function rawContent(doc: JsonDocument, node: Node): string {
  return doc.text.slice(node.offset + 1, node.offset + node.length - 1);
}

/** Index of the tag after `:` in the last path segment of an image reference, if it has one. */
function ociTagStart(reference: string): number | undefined {
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : colon + 1;
}

function tagEnd(reference: string, tagStart: number): number {
  const digest = reference.indexOf('@', tagStart);
  return digest === -1 ? reference.length : digest;
}

/** Occurrences of `version` not glued to more version digits (`1.2.3` is not found in `11.2.3` or `1.2.30`). */
function delimitedOccurrences(haystack: string, version: string): number[] {
  const starts: number[] = [];
  for (let start = haystack.indexOf(version); start !== -1; start = haystack.indexOf(version, start + 1)) {
    const before = haystack[start - 1] ?? '';
    const after = haystack.slice(start + version.length, start + version.length + 2);
    if (/[0-9.]/.test(before)) continue;
    if (/^[0-9]/.test(after) || /^\.[0-9]/.test(after)) continue;
    starts.push(start);
  }
  return starts;
}
