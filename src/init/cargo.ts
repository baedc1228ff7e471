import type { Project } from './project';
import { isRecord, readToml, readmeMarker, stringField, type ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

const WORKSPACE_ROOTS = ['../Cargo.toml', '../../Cargo.toml', '../../../Cargo.toml'];

/** Cargo.toml `[package]`, with fields inherited from a workspace root (`version.workspace = true`). */
export function cargoProject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  const file = 'Cargo.toml';
  const toml = readToml(files, file, notes);
  const table = isRecord(toml?.package) ? toml.package : undefined;
  const identifier = stringField(table, 'name');
  if (!table || !identifier) return undefined;
  let root: { table?: Record<string, unknown> } | undefined;
  const inherited = () => (root ??= { table: workspacePackage(files, notes) }).table;
  const field = (key: string): string | undefined => {
    const value = table[key];
    if (isRecord(value) && value.workspace === true) return stringField(inherited(), key);
    return stringField(table, key);
  };
  const readme = table.readme === false ? undefined : field('readme') ?? files.readmeIn('') ?? 'README.md';
  const project: Project = {
    kind: 'cargo',
    file,
    identifier,
    version: field('version'),
    description: field('description'),
    // crates.io renders the README to HTML, which drops comments: the marker must be visible text.
    markerName: readme ? readmeMarker(files.get(readme))?.name : undefined,
    marker: { type: 'readme', file: readme ?? 'README.md', style: 'plain' },
    repositoryUrl: field('repository'),
    publishable: table.publish !== false && !(Array.isArray(table.publish) && table.publish.length === 0),
    fields: {},
    environment: [],
    notes: [],
  };
  if (!project.publishable) project.notes.push({ kind: 'info', message: `Cargo.toml says publish = false, so ${identifier} is not published to crates.io`, source: file });
  if (table.readme === false) project.notes.push({ kind: 'todo', message: 'Cargo.toml says readme = false: the registry looks for the mcp-name marker in the crate README on crates.io', source: file });
  if (!project.version) project.notes.push({ kind: 'todo', message: 'Cargo.toml has no version the draft could read: confirm the version published to crates.io', field: 'version', source: file });
  return project;
}

function workspacePackage(files: ProjectFiles, notes: DraftNote[]): Record<string, unknown> | undefined {
  for (const root of WORKSPACE_ROOTS) {
    if (!files.has(root)) continue;
    const toml = readToml(files, root, notes);
    const workspace = isRecord(toml?.workspace) ? toml.workspace : undefined;
    if (workspace) return isRecord(workspace.package) ? workspace.package : undefined;
  }
  return undefined;
}
