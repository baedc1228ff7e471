/** The package manifests shipped with the server: package.json (npm) and pyproject.toml (PyPI). */
import { parseJsonText, replaceStringValue, stringNodeAt, valueAt } from './jsonText';
import type { ServerJsonFacts } from './serverJsonPlaces';
import type { BumpSource, PlannedEdit } from './types';

export interface ManifestResult {
  readonly edits: PlannedEdit[];
  readonly notes: string[];
  readonly problems: string[];
}

const empty = (): ManifestResult => ({ edits: [], notes: [], problems: [] });

/** Whether a manifest's version moves: its package tracks the server version, or it already equals it. */
function tracks(facts: ServerJsonFacts, packageTracks: boolean, manifestVersion: string | undefined): boolean {
  return packageTracks || manifestVersion === facts.version;
}

/** package.json whose `name` is the identifier of an npm package of server.json. */
export function packageJsonEdits(source: BumpSource, facts: ServerJsonFacts, to: string, label: string): ManifestResult {
  const result = empty();
  const npm = facts.packages.filter((p) => p.registryType === 'npm' && p.identifier);
  if (npm.length === 0) return result;
  const parsed = parseJsonText(source.text, true);
  const name = valueAt(parsed.root, ['name']);
  const shipped = npm.find((p) => p.identifier === name);
  if (!shipped) return result;
  const strict = parseJsonText(source.text);
  if (strict.error) {
    result.problems.push(`${label} (the npm package ${String(name)}) is not valid JSON (${strict.error})`);
    return result;
  }
  const versionNode = stringNodeAt(parsed.root, ['version']);
  const current = typeof versionNode?.value === 'string' ? versionNode.value : undefined;
  if (!versionNode) {
    result.notes.push(`${label}: no "version" string, left alone`);
  } else if (!tracks(facts, shipped.tracks, current)) {
    result.notes.push(`${label}: version ${current} does not follow the server version ${facts.version}, left alone`);
  } else if (current !== to) {
    result.edits.push(replaceStringValue(versionNode, to, 'package-json', `package.json version ${current} → ${to}`));
  }
  return result;
}

/** PEP 503 normalized project name, as PyPI compares them. */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

interface TomlTable {
  readonly header: string;
  readonly lines: { text: string; offset: number }[];
}

function tablesOf(text: string): TomlTable[] {
  const tables: TomlTable[] = [{ header: '', lines: [] }];
  let offset = 0;
  for (const line of text.split('\n')) {
    const header = /^\s*\[\s*([^\]\s]+(?:\s*\.\s*[^\]\s]+)*)\s*\]\s*(#.*)?\r?$/.exec(line);
    if (header && !line.trim().startsWith('[[')) tables.push({ header: header[1].replace(/\s+/g, ''), lines: [] });
    else tables[tables.length - 1].lines.push({ text: line, offset });
    offset += line.length + 1;
  }
  return tables;
}

const KEY_LINE = (key: string) => new RegExp(`^(\\s*${key}\\s*=\\s*)(?:"((?:[^"\\\\]|\\\\.)*)"|'([^']*)')\\s*(#.*)?\\r?$`);

function keyLine(table: TomlTable, key: string): { value: string; offset: number; length: number; quote: string } | 'unreadable' | undefined {
  for (const line of table.lines) {
    if (!new RegExp(`^\\s*${key}\\s*=`).test(line.text)) continue;
    const match = KEY_LINE(key).exec(line.text);
    if (!match) return 'unreadable';
    const quote = match[2] !== undefined ? '"' : "'";
    const value = match[2] ?? match[3];
    return { value, offset: line.offset + match[1].length, length: value.length + 2, quote };
  }
  return undefined;
}

/** pyproject.toml whose `[project]` (or `[tool.poetry]`) name is a PyPI package of server.json: a line-preserving edit of its version. */
export function pyprojectEdits(source: BumpSource, facts: ServerJsonFacts, to: string, label: string): ManifestResult {
  const result = empty();
  const pypi = facts.packages.filter((p) => p.registryType === 'pypi' && p.identifier);
  if (pypi.length === 0) return result;
  for (const table of tablesOf(source.text).filter((t) => t.header === 'project' || t.header === 'tool.poetry')) {
    const name = keyLine(table, 'name');
    if (!name || name === 'unreadable') continue;
    const shipped = pypi.find((p) => normalizePythonName(p.identifier!) === normalizePythonName(name.value));
    if (!shipped) continue;
    const version = keyLine(table, 'version');
    if (version === 'unreadable') {
      result.problems.push(`${label}: the version line of [${table.header}] is not a simple quoted string this command can edit`);
    } else if (!version) {
      result.notes.push(`${label}: [${table.header}] has no static version (dynamic or set by the build backend), left alone`);
    } else if (!tracks(facts, shipped.tracks, version.value)) {
      result.notes.push(`${label}: version ${version.value} does not follow the server version ${facts.version}, left alone`);
    } else if (version.quote === "'" && to.includes("'")) {
      result.problems.push(`${label}: ${to} cannot be written in a TOML literal string`);
    } else if (version.value !== to) {
      const written = version.quote === '"' ? `"${to.replace(/[\\"]/g, (c) => `\\${c}`)}"` : `'${to}'`;
      result.edits.push({ offset: version.offset, length: version.length, newText: written, kind: 'pyproject', label: `pyproject.toml [${table.header}] version ${version.value} → ${to}` });
    }
  }
  return result;
}
