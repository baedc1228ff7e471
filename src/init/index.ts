/**
 * Drafts a server.json from a project that has none (pure: no vscode, no file system, no network).
 *
 *   draftServerJson({ files, gitRemoteUrl?, remote?, name?, namespace?, subfolder?, include?, mcpbFileSha256? })
 *     → { serverJson, notes, markerEdits, detected }
 *
 * - `files`: text of the project's files keyed by path relative to the folder that will hold server.json
 *   (`package.json`, `pyproject.toml`, `setup.cfg`, `Cargo.toml`, `*.csproj` here or under `src/`,
 *   `manifest.json` (MCPB), `Dockerfile`, `README.md`, `.env.example`, and `../package.json`,
 *   `../Cargo.toml`… of a monorepo root). Missing files are simply absent; broken ones become notes.
 * - `serverJson`: a plain object on the current schema; write it with `JSON.stringify(serverJson, null, 2)`.
 * - `notes`: `{ kind: 'info' | 'todo' | 'markerEdit', message, field?, source? }` — where each value came
 *   from (info), what the user must confirm or fill in (todo), and one note per marker edit.
 * - `markerEdits`: `{ file, kind, description, createsFile, edits: {offset, length, content}[], newText }`,
 *   at most one per file: the ownership marker the registry verifies (npm `mcpName`, a README
 *   `mcp-name:` line, the Dockerfile label) that the project lacks, to apply in the same undoable edit.
 * - `detected`: every package the project builds, `included` or not, for a picker; redraft with `include`.
 * The UI can redraft with `name` once the user confirmed a name: markers then follow that name.
 */
import { CURRENT_SCHEMA_URL } from '../serverJson/schemaVersions';
import { checkVersionString } from '../versioning/versionString';
import { cargoProject } from './cargo';
import { ociProject, readDockerfile, type DockerFacts } from './docker';
import { nugetProject } from './dotnet';
import { environmentVariables } from './environment';
import { parseRepositoryUrl, type RepositoryRef } from './gitRemote';
import { markerEdit } from './markers';
import { mcpbProject } from './mcpb';
import { chooseDescription, chooseName, detectHttpTransport } from './naming';
import { npmProject, npmRootRepository } from './npm';
import type { EnvVar, Project } from './project';
import { nameSlug, normalizePath, ProjectFiles } from './projectFiles';
import { pypiProject } from './python';
import type { DetectedPackage, DraftInput, DraftNote, DraftResult, MarkerEdit, PackageKind } from './types';

export type { DetectedPackage, DraftInput, DraftNote, DraftResult, MarkerEdit, NoteKind, PackageKind, RemoteTransportType } from './types';
export { SERVER_NAME_LABEL } from './docker';
export { ciWorkflow, packageKindsOf, CI_WORKFLOW_PATH, OFFICIAL_REGISTRY_URL, type CiWorkflow, type CiWorkflowOptions } from './ciWorkflow';

const DEFAULT_VERSION = '1.0.0';
const KINDS: readonly PackageKind[] = ['npm', 'pypi', 'nuget', 'cargo', 'mcpb', 'oci'];
const KIND_LABELS: Record<PackageKind, string> = { npm: 'an npm package', pypi: 'a PyPI package', nuget: 'a NuGet package', cargo: 'a crate', mcpb: 'an MCP bundle', oci: 'a container image' };

export function draftServerJson(input: DraftInput): DraftResult {
  const safeInput: DraftInput = input && typeof input === 'object' ? input : { files: {} };
  const notes: DraftNote[] = [];
  const files = new ProjectFiles(safeInput.files && typeof safeInput.files === 'object' ? safeInput.files : {});
  const docker = readDockerfile(files);

  const found = [npmProject(files, notes), pypiProject(files, notes), nugetProject(files, notes), cargoProject(files, notes), mcpbProject(files, notes)]
    .filter((project): project is Project => project !== undefined);
  const repository = findRepository(safeInput, found, docker, files, notes);
  const { subfolder, monorepo } = findSubfolder(safeInput, found, files, notes);
  if (docker) found.push(ociProject(docker, notes));
  const all = found;
  const included = chooseIncluded(safeInput, all, notes);

  const name = chooseName({ input: safeInput, included, all, repository, subfolder, monorepo }, notes);
  const slug = name.slice(name.indexOf('/') + 1);
  const oci = all.find((project) => project.kind === 'oci');
  if (oci) oci.identifier = imageName(docker!, repository?.ref, monorepo ? slug : undefined, included.includes(oci) ? notes : []);
  const description = chooseDescription([...included, ...all], files, slug, notes);
  const version = chooseVersion(included, notes);
  const title = [...included, ...all].find((project) => project.title)?.title;

  const environment = [...included.flatMap((project) => project.environment), ...environmentVariables(files)];
  const packages = included.map((project, index) => packageOf(project, index, version, repository?.ref, environment, files, docker, safeInput, notes));
  const remotes = remoteOf(safeInput, notes);
  if (packages.length === 0 && remotes.length === 0) {
    notes.push({ kind: 'todo', message: 'No package and no remote endpoint: add a package (npm, PyPI, NuGet, OCI, MCPB, crates.io) or give the https URL of a hosted server', field: 'packages' });
  }

  const markerEdits: MarkerEdit[] = [];
  for (const project of included) {
    const edit = markerEdit(project, name, files, notes);
    if (!edit || markerEdits.some((known) => known.file === edit.file)) continue;
    markerEdits.push(edit);
    notes.push({ kind: 'markerEdit', message: edit.description, source: edit.file });
  }
  for (const project of included) notes.push(...project.notes);

  const serverJson: Record<string, unknown> = { $schema: CURRENT_SCHEMA_URL, name };
  if (title && [...title].length <= 100) serverJson.title = title;
  serverJson.description = description;
  if (repository?.ref.source) {
    serverJson.repository = { url: repository.ref.webUrl, source: repository.ref.source, ...(subfolder ? { subfolder } : {}) };
  }
  serverJson.version = version;
  if (packages.length > 0) serverJson.packages = packages;
  if (remotes.length > 0) serverJson.remotes = remotes;

  const detected: DetectedPackage[] = all.map((project) => ({
    kind: project.kind,
    file: project.file,
    identifier: project.identifier,
    ...(project.version ? { version: project.version } : {}),
    ...(project.markerName ? { markerName: project.markerName } : {}),
    included: included.includes(project),
  }));
  return { serverJson, notes, markerEdits, detected };
}

function findRepository(input: DraftInput, projects: Project[], docker: DockerFacts | undefined, files: ProjectFiles, notes: DraftNote[]): { ref: RepositoryRef; source: string } | undefined {
  if (typeof input.gitRemoteUrl === 'string' && input.gitRemoteUrl.trim() !== '') {
    const ref = parseRepositoryUrl(input.gitRemoteUrl);
    if (ref) {
      if (!ref.source) notes.push({ kind: 'info', message: `The git remote is on ${ref.host}; server.json's repository is only filled in for GitHub, GitLab and Bitbucket`, field: 'repository', source: 'git remote' });
      else notes.push({ kind: 'info', message: `Repository ${ref.webUrl} from the git remote`, field: 'repository', source: 'git remote' });
      return { ref, source: 'git remote' };
    }
    notes.push({ kind: 'info', message: 'The git remote URL could not be read as host/owner/repository; it was not used', source: 'git remote' });
  }
  const candidates: { url?: string; source: string }[] = projects.map((project) => ({ url: project.repositoryUrl, source: project.file }));
  if (docker) candidates.push({ url: docker.labels.get('org.opencontainers.image.source'), source: docker.file });
  const root = npmRootRepository(files, notes);
  if (root.file) candidates.push({ url: root.url, source: root.file });
  for (const candidate of candidates) {
    const ref = parseRepositoryUrl(candidate.url);
    if (ref) {
      notes.push({ kind: 'info', message: `Repository ${ref.webUrl} from ${candidate.source}`, field: 'repository', source: candidate.source });
      return { ref, source: candidate.source };
    }
  }
  return undefined;
}

/** `monorepo`: this folder is a package inside a larger repository, whether or not its path is known. */
function findSubfolder(input: DraftInput, projects: Project[], files: ProjectFiles, notes: DraftNote[]): { subfolder?: string; monorepo: boolean } {
  const given = typeof input.subfolder === 'string' ? cleanSubfolder(input.subfolder) : undefined;
  if (given) return { subfolder: given, monorepo: true };
  const fromManifest = projects.map((project) => project.subfolder).find((value) => value !== undefined);
  if (fromManifest && cleanSubfolder(fromManifest)) {
    notes.push({ kind: 'info', message: `repository.subfolder from "repository.directory" in package.json`, field: 'repository.subfolder', source: 'package.json' });
    return { subfolder: cleanSubfolder(fromManifest), monorepo: true };
  }
  const rootManifest = files.paths().find((path) => /^(\.\.\/)+(package\.json|Cargo\.toml|pyproject\.toml|pnpm-workspace\.yaml|go\.work)$/.test(path));
  if (!rootManifest) return { monorepo: false };
  notes.push({ kind: 'todo', message: `This folder is inside a larger repository (${rootManifest}): set repository.subfolder to its path from the repository root`, field: 'repository.subfolder', source: rootManifest });
  return { monorepo: true };
}

/** A clean relative path, or undefined for the repository root or anything that leaves it. */
function cleanSubfolder(raw: string): string | undefined {
  const path = normalizePath(raw.trim());
  return path === '' || path.split('/').includes('..') ? undefined : path;
}

function chooseIncluded(input: DraftInput, projects: Project[], notes: DraftNote[]): Project[] {
  const ordered = [...projects].sort((a, b) => KINDS.indexOf(a.kind) - KINDS.indexOf(b.kind));
  let included: Project[];
  if (Array.isArray(input.include)) {
    included = ordered.filter((project) => input.include!.includes(project.kind));
    for (const kind of input.include) {
      if (!ordered.some((project) => project.kind === kind)) notes.push({ kind: 'info', message: `No ${kind} package was found in the project, so none was added`, field: 'packages' });
    }
  } else if (input.remote) {
    included = [];
  } else {
    const primary = ordered.find((project) => project.publishable);
    included = ordered.filter((project) => project === primary || (project.publishable && project.markerName !== undefined));
  }
  for (const project of ordered) {
    if (!included.includes(project)) {
      const what = `${KIND_LABELS[project.kind]}${project.identifier ? ` (${project.identifier})` : ''}`;
      notes.push({ kind: 'info', message: `${project.file} also builds ${what}; it is not in the draft`, field: 'packages', source: project.file });
      if (!project.publishable) notes.push(...project.notes);
    }
  }
  return included;
}

function chooseVersion(included: Project[], notes: DraftNote[]): string {
  const withVersion = included.find((project) => project.version);
  if (!withVersion) {
    if (included.some((project) => project.notes.some((note) => note.field === 'version'))) return DEFAULT_VERSION;
    notes.push({ kind: 'todo', message: `No version was found in the project's manifests: ${DEFAULT_VERSION} was used; set the version you will release`, field: 'version' });
    return DEFAULT_VERSION;
  }
  const version = withVersion.version!;
  const check = checkVersionString(version);
  if (!check.ok) notes.push({ kind: 'todo', message: `Version ${version} from ${withVersion.file} would be refused by the registry: ${check.problems.map((p) => p.message).join('; ')}`, field: 'version', source: withVersion.file });
  else notes.push({ kind: 'info', message: `Version ${version} from ${withVersion.file}`, field: 'version', source: withVersion.file });
  for (const project of included) {
    if (project.version && project.version !== version) notes.push({ kind: 'info', message: `${project.file} is at ${project.version}, the server version is ${version}: each package keeps its own version`, source: project.file });
  }
  return version;
}

function packageOf(project: Project, index: number, version: string, repository: RepositoryRef | undefined, environment: EnvVar[], files: ProjectFiles, docker: DockerFacts | undefined, input: DraftInput, notes: DraftNote[]): Record<string, unknown> {
  const path = `packages[${index}]`;
  const result: Record<string, unknown> = { registryType: project.kind, identifier: project.identifier };
  if (project.kind === 'oci') {
    result.identifier = `${project.identifier}:${version}`;
  } else if (project.kind === 'mcpb') {
    result.identifier = bundleUrl(project, version, repository, path, notes);
    result.version = project.version ?? version;
    const sha = typeof input.mcpbFileSha256 === 'string' ? input.mcpbFileSha256.trim().toLowerCase() : '';
    if (/^[a-f0-9]{64}$/.test(sha)) result.fileSha256 = sha;
    else notes.push({ kind: 'todo', message: 'fileSha256 is required for an MCPB package: build the .mcpb and put its SHA-256 (64 lowercase hex characters) here', field: `${path}.fileSha256`, source: project.file });
  } else {
    result.version = project.version ?? version;
  }
  Object.assign(result, project.fields);
  const http = detectHttpTransport(files, docker, project.kind === 'oci');
  if (http) {
    result.transport = { type: http.type, url: http.url };
    if (project.kind === 'oci') result.runtimeArguments = [{ type: 'named', name: '-p', value: `${http.port}:${http.port}` }];
    notes.push({ kind: 'todo', message: `Transport ${http.type} at ${http.url}, because the project documents that endpoint${project.kind === 'oci' ? ' and EXPOSEs the port' : ''}: confirm it (stdio is the usual transport for packages)`, field: `${path}.transport` });
  } else {
    result.transport = { type: 'stdio' };
  }
  const variables = uniqueByName(environment);
  if (variables.length > 0) {
    result.environmentVariables = variables.map((variable) => ({
      name: variable.name,
      ...(variable.description ? { description: variable.description } : {}),
      ...(variable.isRequired ? { isRequired: true } : {}),
      ...(variable.isSecret ? { isSecret: true } : {}),
      ...(variable.default !== undefined && variable.default !== '' ? { default: variable.default } : {}),
    }));
    const sources = [...new Set(variables.map((variable) => variable.source))].join(', ');
    const secrets = variables.filter((variable) => variable.isSecret).map((variable) => variable.name);
    notes.push({ kind: 'todo', message: `Environment variables ${variables.map((variable) => variable.name).join(', ')} from ${sources}: keep the ones users must set${secrets.length > 0 ? `; ${secrets.join(', ')} marked secret` : ''}`, field: `${path}.environmentVariables`, source: sources });
  }
  return result;
}

function uniqueByName(variables: EnvVar[]): EnvVar[] {
  const byName = new Map<string, EnvVar>();
  for (const variable of variables) if (!byName.has(variable.name)) byName.set(variable.name, variable);
  return [...byName.values()];
}

function imageName(docker: DockerFacts, repository: RepositoryRef | undefined, monorepoSlug: string | undefined, notes: DraftNote[]): string {
  const fromLabel = parseRepositoryUrl(docker.labels.get('org.opencontainers.image.source'));
  const ref = fromLabel?.source === 'github' ? fromLabel : repository?.source === 'github' ? repository : undefined;
  if (ref) {
    const image = `ghcr.io/${ref.owner}/${monorepoSlug ?? ref.repo}`.toLowerCase();
    notes.push({ kind: 'todo', message: `Image ${image} (GitHub Container Registry) was derived from ${fromLabel ? 'the org.opencontainers.image.source label' : 'the GitHub repository'}: confirm it is where the image is pushed, publicly`, field: 'packages', source: fromLabel ? docker.file : 'git remote' });
    return image;
  }
  const image = `ghcr.io/your-github-login/${(monorepoSlug ?? 'server').toLowerCase()}`;
  notes.push({ kind: 'todo', message: `Replace ${image} with the public image the Dockerfile is pushed as (docker.io, ghcr.io, quay.io, mcr.microsoft.com, *.pkg.dev or *.azurecr.io)`, field: 'packages', source: docker.file });
  return image;
}

function bundleUrl(project: Project, version: string, repository: RepositoryRef | undefined, path: string, notes: DraftNote[]): string {
  const asset = `${nameSlug(project.identifier) ?? 'server'}${/mcp/i.test(project.identifier) ? '' : '-mcp'}.mcpb`;
  const base = repository?.source === 'github' || repository?.source === 'gitlab' ? repository.webUrl : 'https://github.com/your-github-login/your-repository';
  const url = repository?.source === 'gitlab' ? `${base}/-/releases/v${version}/downloads/${asset}` : `${base}/releases/download/v${version}/${asset}`;
  notes.push({ kind: 'todo', message: `Bundle URL ${url} assumes a release v${version} with the asset ${asset}: the registry accepts only public GitHub or GitLab release assets; confirm it`, field: `${path}.identifier`, source: project.file });
  return url;
}

function remoteOf(input: DraftInput, notes: DraftNote[]): Record<string, unknown>[] {
  const remote = input.remote;
  if (!remote || typeof remote.url !== 'string') return [];
  const url = remote.url.trim();
  const type = remote.type === 'sse' ? 'sse' : 'streamable-http';
  let parsed: URL | undefined;
  try { parsed = new URL(url); } catch { parsed = undefined; }
  if (!parsed || parsed.protocol !== 'https:') {
    notes.push({ kind: 'todo', message: `The endpoint ${url} is not an https URL: clients reach a published server over https`, field: 'remotes[0].url', source: 'input' });
  } else {
    notes.push({ kind: 'info', message: `Remote endpoint ${url} (${type}); it must be unique: no other server in the registry may use it`, field: 'remotes[0].url', source: 'input' });
  }
  return [{ type, url }];
}
