import type { Project } from './project';
import { isRecord, readJson, stringField, type ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

const ROOTS = ['../package.json', '../../package.json', '../../../package.json'];

/** package.json: name, version, description, bin, mcpName, repository. */
export function npmProject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  const file = 'package.json';
  const manifest = readJson(files, file, notes);
  if (!manifest) return undefined;
  const identifier = stringField(manifest, 'name');
  if (!identifier) {
    notes.push({ kind: 'info', message: 'package.json has no "name", so it is not an npm package', source: file });
    return undefined;
  }
  const project: Project = {
    kind: 'npm',
    file,
    identifier,
    version: stringField(manifest, 'version'),
    description: stringField(manifest, 'description'),
    markerName: stringField(manifest, 'mcpName'),
    marker: { type: 'npm', file },
    repositoryUrl: repositoryOf(manifest),
    subfolder: stringField(manifest, 'repository', 'directory'),
    publishable: manifest.private !== true,
    fields: {},
    environment: [],
    notes: [],
  };
  if (!project.publishable) {
    project.notes.push({ kind: 'info', message: `package.json is "private": true, so ${identifier} is not published to npm and is not offered as an npm package`, source: file });
  }
  const bin = manifest.bin;
  if (bin === undefined || (isRecord(bin) && Object.keys(bin).length === 0)) {
    project.notes.push({ kind: 'todo', message: `package.json has no "bin": \`npx ${identifier}\` cannot start the server; add a "bin" entry before publishing to npm`, source: file });
  } else if (isRecord(bin) && Object.keys(bin).length > 1 && !(identifier.replace(/^@[^/]+\//, '') in bin)) {
    project.notes.push({ kind: 'todo', message: `package.json has several "bin" commands and none is named like the package: clients start ${identifier} with npx, which needs one`, source: file });
  }
  if (project.markerName) project.notes.push({ kind: 'info', message: `The server name comes from "mcpName" in package.json`, field: 'name', source: file });
  return project;
}

/** The repository URL of the package, or of the monorepo root it lives in. */
export function npmRootRepository(files: ProjectFiles, notes: DraftNote[]): { url?: string; file?: string; workspaces: boolean } {
  for (const file of ROOTS) {
    if (!files.has(file)) continue;
    const manifest = readJson(files, file, notes);
    if (!manifest) continue;
    return { url: repositoryOf(manifest), file, workspaces: manifest.workspaces !== undefined };
  }
  return { workspaces: false };
}

function repositoryOf(manifest: Record<string, unknown>): string | undefined {
  return typeof manifest.repository === 'string' ? manifest.repository : stringField(manifest, 'repository', 'url');
}
