/**
 * Rewrites the version an entry pins, as jsonc-parser edits touching only the version characters
 * (comments, formatting and the rest of each string stay as they are). VS Code gallery installs get
 * both their `version` field and the package pin in `args` changed, as VS Code writes them.
 */
import { findNodeAtLocation, modify, parseTree, type Edit, type Node } from 'jsonc-parser';
import type { InstalledEntry } from './types';

export interface VersionTarget {
  /** The registry (server) version, written to VS Code's `version` field. */
  readonly serverVersion?: string;
  /** The package version (OCI tag) written into the command; defaults to `serverVersion`. */
  readonly packageVersion?: string;
}

export class InstalledEditError extends Error {
  override readonly name = 'InstalledEditError';
}

/** Characters a version may have to be written into a command line unquoted. */
const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_!~-]*$/;

/** Whether `updateVersionEdits` can change this entry's version. */
export function canUpdateVersion(entry: InstalledEntry): boolean {
  return entry.package?.versionSite !== undefined || entry.galleryVersion !== undefined;
}

/**
 * Edits that pin `entry` to a new version. A string sets both the server and the package version.
 * Throws InstalledEditError when the entry has no version to edit, the version is unsafe to write,
 * or the text no longer holds what the entry was read from.
 */
export function updateVersionEdits(text: string, entry: InstalledEntry, newVersion: string | VersionTarget): Edit[] {
  const target = typeof newVersion === 'string' ? { serverVersion: newVersion, packageVersion: newVersion } : newVersion;
  const packageVersion = target.packageVersion ?? target.serverVersion;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  const edits: Edit[] = [];

  const site = entry.package?.versionSite;
  if (site && packageVersion !== undefined) {
    if (!SAFE_VERSION.test(packageVersion)) throw new InstalledEditError(`"${packageVersion}" cannot be written as a version into a command line`);
    const node = root && findNodeAtLocation(root, site.path);
    if (node?.type !== 'string' || node.value !== site.value) throw changed(entry);
    edits.push(replaceInString(text, node, site.start, site.end, `${site.separator}${packageVersion}`));
  }

  if (entry.galleryVersion !== undefined && target.serverVersion !== undefined) {
    const node = root && findNodeAtLocation(root, [...entry.jsonPath, 'version']);
    if (node?.type !== 'string' || node.value !== entry.galleryVersion) throw changed(entry);
    edits.push(...modify(text, [...entry.jsonPath, 'version'], target.serverVersion, { formattingOptions: formattingOf(text) }));
  }

  if (edits.length === 0) throw new InstalledEditError(`The configuration of "${entry.key}" pins no version that can be changed`);
  return edits.sort((a, b) => a.offset - b.offset);
}

function changed(entry: InstalledEntry): InstalledEditError {
  return new InstalledEditError(`The configuration of "${entry.key}" changed since it was read; read it again`);
}

/** Replaces characters [start, end) of a JSON string's value; only those characters when the string has no escapes there. */
function replaceInString(text: string, node: Node, start: number, end: number, replacement: string): Edit {
  const value = node.value as string;
  const raw = text.slice(node.offset, node.offset + node.length);
  const escaped = (part: string) => JSON.stringify(part).slice(1, -1);
  if (raw === JSON.stringify(value)) {
    return { offset: node.offset + 1 + escaped(value.slice(0, start)).length, length: escaped(value.slice(start, end)).length, content: escaped(replacement) };
  }
  return { offset: node.offset, length: node.length, content: JSON.stringify(value.slice(0, start) + replacement + value.slice(end)) };
}

function formattingOf(text: string) {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return { insertSpaces: !indent.startsWith('\t'), tabSize: indent.startsWith('\t') ? 1 : indent.length, eol };
}
