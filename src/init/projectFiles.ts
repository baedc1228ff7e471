/** Reading the caller's `files` map: paths, JSON/TOML that may be broken, README facts. */
import { parse as parseToml } from 'smol-toml';
import type { DraftNote } from './types';

/** Bounds hostile input: files beyond this many characters are read only up to it. */
export const MAX_FILE_CHARS = 1_000_000;

export class ProjectFiles {
  private readonly byPath = new Map<string, string>();

  constructor(files: Record<string, string>) {
    for (const [key, text] of Object.entries(files ?? {})) {
      if (typeof text !== 'string') continue;
      this.byPath.set(normalizePath(key), text.length > MAX_FILE_CHARS ? text.slice(0, MAX_FILE_CHARS) : text);
    }
  }

  get(path: string): string | undefined {
    return this.byPath.get(normalizePath(path));
  }

  has(path: string): boolean {
    return this.byPath.has(normalizePath(path));
  }

  /** Every path, sorted. */
  paths(): string[] {
    return [...this.byPath.keys()].sort();
  }

  /** The first of `paths` that exists. */
  first(paths: readonly string[]): string | undefined {
    return paths.map(normalizePath).find((path) => this.byPath.has(path));
  }

  /** Paths in the folder `dir` ('' for this folder) whose file name matches. */
  inFolder(dir: string, name: RegExp): string[] {
    const prefix = dir === '' ? '' : `${normalizePath(dir)}/`;
    return [...this.byPath.keys()].filter((path) => path.startsWith(prefix) && !path.slice(prefix.length).includes('/') && name.test(path.slice(prefix.length))).sort();
  }

  /** A README (any case, .md/.rst/.txt or none) in `dir`. */
  readmeIn(dir: string): string | undefined {
    return this.inFolder(dir, /^readme(\.(md|markdown|rst|txt))?$/i).sort((a, b) => Number(b.endsWith('.md')) - Number(a.endsWith('.md')))[0];
  }
}

/** `./a\\b/../c` → `a/c`; leading `..` segments are kept. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const segment of String(path).replace(/\\/g, '/').split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(segment);
  }
  return out.join('/');
}

export function dirOf(path: string): string {
  const normalized = normalizePath(path);
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}

export function joinPath(dir: string, relative: string): string {
  return normalizePath(dir === '' ? relative : `${dir}/${relative}`);
}

/** The manifest at `path` in JSON, or a note saying why it could not be read. */
export function readJson(files: ProjectFiles, path: string, notes: DraftNote[]): Record<string, unknown> | undefined {
  const text = files.get(path);
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (isRecord(value)) return value;
    notes.push({ kind: 'todo', message: `${path} does not contain a JSON object; it was not read`, source: path });
  } catch (error) {
    notes.push({ kind: 'todo', message: `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)}); it was not read`, source: path });
  }
  return undefined;
}

export function readToml(files: ProjectFiles, path: string, notes: DraftNote[]): Record<string, unknown> | undefined {
  const text = files.get(path);
  if (text === undefined) return undefined;
  try {
    return parseToml(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    notes.push({ kind: 'todo', message: `${path} is not valid TOML (${reason}); it was not read`, source: path });
    return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(object: unknown, ...keys: string[]): string | undefined {
  let value: unknown = object;
  for (const key of keys) value = isRecord(value) ? value[key] : undefined;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

const SERVER_NAME = /[A-Za-z0-9.-]+\/[A-Za-z0-9._-]+/;

/** The name in an `mcp-name: <name>` line, spelled as the registry searches for it (one space after the colon). */
export function readmeMarker(text: string | undefined): { name: string; offset: number } | undefined {
  if (text === undefined) return undefined;
  const match = new RegExp(`mcp-name: (${SERVER_NAME.source})`).exec(text);
  if (!match) return undefined;
  const name = match[1].replace(/[._-]+$/, '');
  return { name, offset: match.index + 'mcp-name: '.length };
}

/** The first paragraph of prose in a README: no headings, badges, HTML or code. */
export function readmeSummary(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let inFence = false;
  for (const raw of text.split(/\r?\n/).slice(0, 200)) {
    const line = raw.trim();
    if (/^(```|~~~)/.test(line)) { inFence = !inFence; continue; }
    if (inFence || line === '' || /^(#|=|-{3,}|\*{3,}|<|!\[|\[!\[|\||>|\.\.|mcp-name:)/.test(line)) continue;
    const plain = line.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim();
    if (plain.length >= 10) return plain;
  }
  return undefined;
}

/** A name part the registry accepts: letters, digits, `.`, `_`, `-`, starting and ending alphanumeric. */
export function nameSlug(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const unscoped = raw.replace(/^@[^/]+\//, '');
  const slug = unscoped.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
  return slug === '' ? undefined : slug.slice(0, 100).replace(/[^A-Za-z0-9]+$/, '');
}
