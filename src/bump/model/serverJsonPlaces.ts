/** The edits inside server.json: its version and every field that tracks it (packages, OCI tag, MCPB URL and hash). */
import { findServerJsonVersionFields, type VersionField } from '../../serverJson';
import { jsonStringContent, parseJsonText, setJsonValue, stringNodeAt, valueAt } from './jsonText';
import type { BumpInputs, PlannedEdit } from './types';

export interface ServerJsonFacts {
  readonly name?: string;
  readonly version: string;
  /** `packages[]` entries: index, registry type, identifier and whether their version tracks the server version. */
  readonly packages: readonly { index: number; registryType?: string; identifier?: string; version?: string; tracks: boolean }[];
}

export interface McpbRename {
  readonly packageIndex: number;
  readonly oldUrl: string;
  readonly newUrl: string;
  /** The file name at the end of the new URL (decoded), to look for in the workspace. */
  readonly fileName: string;
}

/** Reads what the planner needs from server.json, or returns the reason it cannot. */
export function readServerJsonFacts(text: string): ServerJsonFacts | string {
  const parsed = parseJsonText(text);
  if (parsed.error) return `server.json is not valid JSON (${parsed.error}); fix it before bumping`;
  if (parsed.root?.type !== 'object') return 'server.json does not contain a JSON object';
  const versionNode = stringNodeAt(parsed.root, ['version']);
  if (!versionNode || typeof versionNode.value !== 'string' || versionNode.value === '') return 'server.json has no "version" string to bump';
  const name = valueAt(parsed.root, ['name']);
  const version = versionNode.value;
  const tracking = new Set(findServerJsonVersionFields(text).filter((f) => f.kind === 'package').map((f) => packageIndexOf(f)));
  const list = valueAt(parsed.root, ['packages']);
  const packages = (Array.isArray(list) ? list : []).map((_, index) => {
    const field = (key: string) => {
      const value = valueAt(parsed.root, ['packages', index, key]);
      return typeof value === 'string' ? value : undefined;
    };
    return { index, registryType: field('registryType'), identifier: field('identifier'), version: field('version'), tracks: tracking.has(index) };
  });
  return { name: typeof name === 'string' ? name : undefined, version, packages };
}

function packageIndexOf(field: VersionField): number {
  return Number(/^packages\[(\d+)\]/.exec(field.path)?.[1] ?? -1);
}

const KIND_WORDS: Record<VersionField['kind'], string> = {
  server: 'server version',
  package: 'package version',
  'oci-tag': 'OCI image tag',
  'mcpb-url': 'MCPB download URL',
};

/** Edits of the version fields of server.json (not the MCPB hash; see `mcpbHashEdits`). */
export function serverJsonFieldEdits(text: string, from: string, to: string): PlannedEdit[] {
  const replacement = jsonStringContent(to);
  return findServerJsonVersionFields(text).map((field) => ({
    offset: field.offset,
    length: field.length,
    newText: replacement,
    kind: field.kind,
    label: `${field.path}: ${KIND_WORDS[field.kind]} ${from} → ${to}`,
  }));
}

/** The MCPB download URLs that change with the version, old and new. */
export function mcpbRenames(text: string, to: string): McpbRename[] {
  const parsed = parseJsonText(text);
  const byPackage = new Map<number, VersionField[]>();
  for (const field of findServerJsonVersionFields(text)) {
    if (field.kind !== 'mcpb-url') continue;
    const index = packageIndexOf(field);
    byPackage.set(index, [...(byPackage.get(index) ?? []), field]);
  }
  const renames: McpbRename[] = [];
  for (const [packageIndex, fields] of byPackage) {
    const node = stringNodeAt(parsed.root, ['packages', packageIndex, 'identifier']);
    if (!node || typeof node.value !== 'string') continue;
    const raw = text.slice(node.offset + 1, node.offset + node.length - 1);
    let next = raw;
    for (const field of [...fields].sort((a, b) => b.offset - a.offset)) {
      const start = field.offset - node.offset - 1;
      next = next.slice(0, start) + jsonStringContent(to) + next.slice(start + field.length);
    }
    const newUrl = JSON.parse(`"${next}"`) as string;
    renames.push({ packageIndex, oldUrl: node.value, newUrl, fileName: fileNameOf(newUrl) });
  }
  return renames;
}

function fileNameOf(url: string): string {
  const path = url.split(/[?#]/, 1)[0];
  const last = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** The `fileSha256` updates for renamed MCPB files, and the warnings the user must read either way. */
export function mcpbHashEdits(text: string, to: string, hashes: BumpInputs['mcpbHashes']): { edits: PlannedEdit[]; warnings: string[] } {
  const edits: PlannedEdit[] = [];
  const warnings: string[] = [];
  for (const rename of mcpbRenames(text, to)) {
    const where = `packages[${rename.packageIndex}]`;
    const found = hashes?.[rename.packageIndex];
    if (found) {
      edits.push(...setJsonValue(text, ['packages', rename.packageIndex, 'fileSha256'], found.sha256, 'mcpb-sha256',
        `${where}.fileSha256: SHA-256 of ${rename.fileName}`));
      warnings.push(`${where}: the MCPB URL now names ${rename.fileName}; fileSha256 was recomputed from ${found.foundAt}. Upload exactly that file.`);
    } else {
      warnings.push(`${where}: the MCPB URL now names ${rename.fileName}, which is not in the workspace. Its fileSha256 must match the new file: update it after building ${rename.fileName}.`);
    }
  }
  return { edits, warnings };
}
