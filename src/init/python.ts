import type { MarkerPlace, Project } from './project';
import { isRecord, readToml, readmeMarker, stringField, type ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

/** pyproject.toml (`[project]`, else Poetry's `[tool.poetry]`), else setup.cfg `[metadata]`. */
export function pypiProject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  return fromPyproject(files, notes) ?? fromSetupCfg(files);
}

function fromPyproject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  const file = 'pyproject.toml';
  const toml = readToml(files, file, notes);
  if (!toml) return undefined;
  const pep621 = isRecord(toml.project) ? toml.project : undefined;
  const tool = isRecord(toml.tool) ? toml.tool : {};
  const poetry = isRecord(tool.poetry) ? tool.poetry : undefined;
  const table = stringField(pep621, 'name') ? pep621 : stringField(poetry, 'name') ? poetry : undefined;
  if (!table) return undefined;
  const section = table === pep621 ? '[project]' : '[tool.poetry]';
  const identifier = stringField(table, 'name')!;
  const project = base(files, file, identifier, readmePath(table.readme));
  project.version = stringField(table, 'version') ?? stringField(poetry, 'version');
  project.description = stringField(table, 'description') ?? stringField(poetry, 'description');
  project.repositoryUrl = urlOf(table.urls) ?? stringField(poetry, 'repository') ?? urlOf(poetry?.urls);
  if (!project.version) {
    const dynamic = Array.isArray(pep621?.dynamic) && pep621.dynamic.includes('version');
    project.notes.push({ kind: 'todo', message: `${file} ${section} has ${dynamic ? 'a dynamic version (set by the build backend)' : 'no version'}: confirm the package version in server.json is the one published to PyPI`, field: 'version', source: file });
  }
  const scripts = isRecord(pep621?.scripts) ? pep621.scripts : isRecord(poetry?.scripts) ? poetry.scripts : {};
  if (Object.keys(scripts).length === 0) {
    project.notes.push({ kind: 'todo', message: `${file} declares no console script: \`uvx ${identifier}\` cannot start the server; add one under [project.scripts]`, source: file });
  }
  if (table.readme === undefined && table === pep621) {
    project.notes.push({ kind: 'todo', message: `${file} has no \`readme\`: PyPI then shows no description, and the registry looks for the mcp-name marker there; add readme = "${project.marker.type === 'readme' ? project.marker.file : 'README.md'}"`, source: file });
  }
  return project;
}

function fromSetupCfg(files: ProjectFiles): Project | undefined {
  const file = 'setup.cfg';
  const text = files.get(file);
  if (text === undefined) return undefined;
  const metadata = iniSection(text, 'metadata');
  const identifier = metadata.name;
  if (!identifier) return undefined;
  const readme = /^file:\s*(.+)$/.exec(metadata.long_description ?? '')?.[1]?.split(',')[0]?.trim();
  const project = base(files, file, identifier, readme);
  if (metadata.version && !metadata.version.startsWith('attr:') && !metadata.version.startsWith('file:')) project.version = metadata.version;
  else project.notes.push({ kind: 'todo', message: `${file} has no literal version: confirm the package version in server.json is the one published to PyPI`, field: 'version', source: file });
  project.description = metadata.description;
  project.repositoryUrl = metadata.url;
  return project;
}

function base(files: ProjectFiles, file: string, identifier: string, readme: string | undefined): Project {
  const readmeFile = readme ?? files.readmeIn('') ?? 'README.md';
  const marker: MarkerPlace = { type: 'readme', file: readmeFile, style: /\.rst$/i.test(readmeFile) ? 'rst-comment' : /\.txt$/i.test(readmeFile) ? 'plain' : 'html-comment' };
  return {
    kind: 'pypi',
    file,
    identifier,
    markerName: readmeMarker(files.get(readmeFile))?.name,
    marker,
    publishable: true,
    fields: { runtimeHint: 'uvx' },
    environment: [],
    notes: [],
  };
}

function readmePath(readme: unknown): string | undefined {
  if (typeof readme === 'string') return readme;
  return stringField(readme, 'file');
}

function urlOf(urls: unknown): string | undefined {
  if (!isRecord(urls)) return undefined;
  for (const [key, value] of Object.entries(urls)) {
    if (typeof value === 'string' && /^(source|repository|code|source code|github|homepage)$/i.test(key) && /github\.com|gitlab\.com|bitbucket\.org/.test(value)) return value;
  }
  return undefined;
}

/** `key = value` lines of one `[section]` of an INI file (continuation lines ignored). */
function iniSection(text: string, name: string): Record<string, string> {
  const values: Record<string, string> = {};
  let inside = false;
  for (const line of text.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) { inside = header[1].trim() === name; continue; }
    if (!inside || /^\s/.test(line)) continue;
    const pair = /^([A-Za-z_][\w-]*)\s*[=:]\s*(.*?)\s*$/.exec(line);
    if (pair && pair[2] !== '') values[pair[1].replace(/-/g, '_')] = pair[2];
  }
  return values;
}
