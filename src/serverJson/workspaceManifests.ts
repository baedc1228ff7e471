import * as l10n from '@vscode/l10n';
import { editReplacingString, editsToSet, elementsOf, formatPath, nodeAt, parseJsonDocument, rangeOf, stringAt, type JsonDocument } from './jsonDocument';
import { readPyprojectProject } from './pyproject';
import type { Problem, WorkspaceFile } from './types';

/** npm packages of server.json that are the workspace's package.json: version drift and `mcpName`. */
export function packageJsonProblems(doc: JsonDocument, packageJson: WorkspaceFile | undefined): Problem[] {
  if (!packageJson || typeof packageJson.text !== 'string') return [];
  const manifest = parseJsonDocument(packageJson.text);
  if (manifest.root?.type !== 'object') return [];
  const npmName = stringAt(manifest, ['name']);
  if (npmName === undefined) return [];
  const manifestVersion = stringAt(manifest, ['version']);
  const serverName = stringAt(doc, ['name']);
  const problems: Problem[] = [];
  for (const index of packageIndexes(doc, 'npm', (identifier) => identifier === npmName)) {
    if (manifestVersion !== undefined) problems.push(...driftProblems(doc, index, manifestVersion, 'package.json'));
    if (serverName !== undefined) problems.push(...mcpNameProblems(doc, index, manifest, packageJson.path, serverName));
  }
  return problems;
}

/** PyPI packages of server.json that are the workspace's pyproject.toml project: version drift. */
export function pyprojectProblems(doc: JsonDocument, pyproject: WorkspaceFile | undefined): Problem[] {
  if (!pyproject || typeof pyproject.text !== 'string') return [];
  const project = readPyprojectProject(pyproject.text);
  if (!project.name || !project.version) return [];
  const projectName = normalizePythonName(project.name);
  const problems: Problem[] = [];
  for (const index of packageIndexes(doc, 'pypi', (identifier) => normalizePythonName(identifier) === projectName)) {
    problems.push(...driftProblems(doc, index, project.version, 'pyproject.toml'));
  }
  return problems;
}

function packageIndexes(doc: JsonDocument, registryType: string, matches: (identifier: string) => boolean): number[] {
  const indexes: number[] = [];
  elementsOf(nodeAt(doc, ['packages'])).forEach((_, index) => {
    const identifier = stringAt(doc, ['packages', index, 'identifier']);
    if (stringAt(doc, ['packages', index, 'registryType']) === registryType && identifier !== undefined && matches(identifier)) indexes.push(index);
  });
  return indexes;
}

function driftProblems(doc: JsonDocument, index: number, manifestVersion: string, manifestName: string): Problem[] {
  const node = nodeAt(doc, ['packages', index, 'version']);
  if (node?.type !== 'string' || typeof node.value !== 'string' || node.value === manifestVersion) return [];
  const path = formatPath(['packages', index, 'version']);
  return [{
    severity: 'warning',
    code: 'package-version-drift',
    message: l10n.t('`{0}` is {1} but {2} says {3}: the registry checks the package version you name here', path, node.value, manifestName, manifestVersion),
    path,
    range: rangeOf(node),
    fix: { title: l10n.t('Use {0} from {1}', manifestVersion, manifestName), edits: [editReplacingString(node, manifestVersion)] },
  }];
}

function mcpNameProblems(doc: JsonDocument, index: number, manifest: JsonDocument, manifestPath: string, serverName: string): Problem[] {
  const identifierNode = nodeAt(doc, ['packages', index, 'identifier']);
  if (!identifierNode) return [];
  const path = formatPath(['packages', index, 'identifier']);
  const mcpNameNode = nodeAt(manifest, ['mcpName']);
  if (!mcpNameNode) {
    return [{
      severity: 'warning',
      code: 'mcpname-missing',
      message: l10n.t('package.json has no "mcpName": the registry will refuse the publish unless the npm package it checks declares "mcpName": "{0}" (add it, then publish the package to npm again)', serverName),
      path,
      range: rangeOf(identifierNode),
      fix: { title: l10n.t('Add "mcpName": "{0}" to package.json', serverName), file: manifestPath, edits: editsToSet(manifest.text, ['mcpName'], serverName, insertAfterName) },
    }];
  }
  if (mcpNameNode.value === serverName) return [];
  return [{
    severity: 'warning',
    code: 'mcpname-mismatch',
    message: l10n.t('package.json "mcpName" is {0} but the server name is "{1}": the registry will refuse the publish if the npm package it checks says the same (the match is case-sensitive)', JSON.stringify(mcpNameNode.value), serverName),
    path,
    range: rangeOf(identifierNode),
    fix: { title: l10n.t('Set package.json "mcpName" to "{0}"', serverName), file: manifestPath, edits: editsToSet(manifest.text, ['mcpName'], serverName) },
  }];
}

function insertAfterName(properties: string[]): number {
  const nameIndex = properties.indexOf('name');
  const versionIndex = properties.indexOf('version');
  return Math.max(nameIndex, versionIndex) + 1 || properties.length;
}

/** PEP 503 normalisation: case-insensitive, runs of `-`, `_`, `.` are equal. */
function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
