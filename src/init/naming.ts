/** The server name, description and transport of a draft, each with the note that says where it came from. */
import type { RepositoryRef } from './gitRemote';
import type { DockerFacts } from './docker';
import type { Project } from './project';
import { nameSlug, readmeSummary, type ProjectFiles } from './projectFiles';
import type { DraftInput, DraftNote } from './types';

const SERVER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]\/[a-zA-Z0-9][a-zA-Z0-9._-]*[a-zA-Z0-9]$/;
const NAMESPACE = /^[a-zA-Z0-9][a-zA-Z0-9.-]*[a-zA-Z0-9]$/;
export const DESCRIPTION_LIMIT = 100;

export function isValidServerName(name: string): boolean {
  return name.length >= 3 && name.length <= 200 && SERVER_NAME.test(name);
}

export interface NameContext {
  input: DraftInput;
  /** Included packages, the primary first. */
  included: Project[];
  all: Project[];
  repository?: { ref: RepositoryRef; source: string };
  subfolder?: string;
  /** A package inside a larger repository: named after the package, not the repository. */
  monorepo: boolean;
}

/** Marker > given namespace > GitHub repository > the remote's domain > a placeholder the user must replace. */
export function chooseName(context: NameContext, notes: DraftNote[]): string {
  const { input, included, all, repository } = context;
  const slug = nameSlug(context.monorepo ? (included[0]?.identifier ?? context.subfolder?.split('/').pop()) : repository?.ref.repo ?? included[0]?.identifier)
    ?? nameSlug(all[0]?.identifier) ?? 'server';
  if (typeof input.name === 'string' && input.name.trim() !== '') {
    const name = input.name.trim();
    if (!isValidServerName(name)) notes.push({ kind: 'todo', message: `"${name}" is not a server name the registry accepts: it must be namespace/name, e.g. io.github.<user>/<server>`, field: 'name', source: 'input' });
    return name;
  }
  const marked = [...new Set([...included, ...all])].filter((project) => project.markerName !== undefined && isValidServerName(project.markerName));
  if (marked.length > 0) {
    const name = marked[0].markerName!;
    notes.push({ kind: 'info', message: `Name ${name} comes from the ownership marker in ${markerFile(marked[0])}, which the registry verifies`, field: 'name', source: markerFile(marked[0]) });
    for (const other of marked.slice(1)) {
      if (other.markerName !== name) notes.push({ kind: 'todo', message: `${markerFile(other)} names the server ${other.markerName}, not ${name}: one server.json has one name, and each package's marker must match it`, field: 'name', source: other.file });
    }
    return name;
  }
  if (typeof input.namespace === 'string' && NAMESPACE.test(input.namespace.trim())) {
    const name = `${input.namespace.trim()}/${slug}`;
    notes.push({ kind: 'todo', message: `Name ${name} uses the namespace you chose; confirm the part after the "/"`, field: 'name', source: 'input' });
    return name;
  }
  if (repository?.ref.source === 'github') {
    const name = `io.github.${repository.ref.owner}/${slug}`;
    notes.push({ kind: 'todo', message: `Name ${name} was derived from the GitHub repository (${repository.source}): confirm it. Signing in with GitHub as ${repository.ref.owner} (or as an Owner of that organisation) lets you publish under io.github.${repository.ref.owner}; the case must match the GitHub login`, field: 'name', source: repository.source });
    return name;
  }
  const host = remoteHost(input.remote?.url);
  if (host) {
    const name = `${host.split('.').reverse().join('.')}/${slug}`;
    notes.push({ kind: 'todo', message: `Name ${name} was derived from the endpoint's domain: publishing under it needs DNS or HTTP key proof for ${host} (DNS proof of a parent domain also covers it). Confirm it, or use io.github.<your-login>/${slug}`, field: 'name', source: 'input' });
    return name;
  }
  const name = `io.github.your-github-login/${slug}`;
  notes.push({ kind: 'todo', message: `No ownership marker and no GitHub remote: replace "your-github-login" in ${name} with your GitHub login (or use a domain you can prove, e.g. com.example/${slug})`, field: 'name' });
  return name;
}

function markerFile(project: Project): string {
  return project.marker.type === 'none' ? project.file : project.marker.file;
}

function remoteHost(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) && !/^\d+(\.\d+)+$/.test(host) && host !== 'localhost' ? host : undefined;
  } catch {
    return undefined;
  }
}

/** The first manifest description, else the README's first paragraph, cut to the registry's 100 characters. */
export function chooseDescription(projects: Project[], files: ProjectFiles, slug: string, notes: DraftNote[]): string {
  const fromManifest = projects.find((project) => project.description);
  const readme = files.readmeIn('');
  const summary = fromManifest ? undefined : readmeSummary(readme ? files.get(readme) : undefined);
  const raw = fromManifest?.description ?? summary;
  const source = fromManifest?.file ?? (summary ? readme : undefined);
  if (!raw) {
    notes.push({ kind: 'todo', message: 'No description was found: write one (1 to 100 characters) saying what the server does; clients hide servers without one', field: 'description' });
    return `MCP server ${slug}`;
  }
  const text = raw.replace(/\s+/g, ' ').trim();
  const characters = [...text];
  if (characters.length <= DESCRIPTION_LIMIT) {
    notes.push({ kind: 'info', message: `Description from ${source}`, field: 'description', source });
    return text;
  }
  const cut = characters.slice(0, DESCRIPTION_LIMIT - 1).join('');
  const atWord = cut.replace(/\s+\S*$/, '');
  const shortened = `${(atWord.length >= 60 ? atWord : cut).replace(/[\s,;:.-]+$/, '')}…`;
  notes.push({ kind: 'todo', message: `The description in ${source} has ${characters.length} characters; the registry allows ${DESCRIPTION_LIMIT}, so it was shortened: check it reads well`, field: 'description', source });
  return shortened;
}

export interface HttpTransport {
  type: 'streamable-http' | 'sse';
  url: string;
  port: number;
}

/**
 * HTTP only when the project plainly says so: a local URL ending in /mcp (or /sse) in the README or
 * Dockerfile; for an image also an EXPOSEd port. A README that mentions stdio keeps packages on stdio.
 */
export function detectHttpTransport(files: ProjectFiles, docker: DockerFacts | undefined, forImage: boolean): HttpTransport | undefined {
  const readme = files.readmeIn('');
  const texts = [readme ? files.get(readme) ?? '' : '', docker?.text ?? ''];
  const urlPattern = /https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0):(\d{2,5})(\/(?:mcp|sse))\b/;
  let match: RegExpExecArray | null = null;
  for (const text of texts) match ??= urlPattern.exec(text);
  if (forImage) {
    if (!docker || docker.exposed.length === 0) return undefined;
    const port = match && docker.exposed.includes(Number(match[1])) ? Number(match[1]) : docker.exposed.length === 1 && /\/mcp\b/.test(texts.join('\n')) ? docker.exposed[0] : undefined;
    if (port === undefined) return undefined;
    const path = match?.[2] ?? '/mcp';
    return { type: path === '/sse' ? 'sse' : 'streamable-http', url: `http://localhost:${port}${path}`, port };
  }
  if (!match || /\bstdio\b/i.test(texts[0])) return undefined;
  return { type: match[2] === '/sse' ? 'sse' : 'streamable-http', url: `http://localhost:${match[1]}${match[2]}`, port: Number(match[1]) };
}
