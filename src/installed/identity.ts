/**
 * When an installed entry and a registry server are the same thing: package names compared the way
 * each package registry compares them, OCI references with Docker Hub's defaults, remote URLs
 * without trailing slash or host case, gallery URLs without the API version.
 */
import cleanSemver from 'semver/functions/clean';
import type { InstalledEntry, InstalledPackage } from './types';

/** A package as a registry server lists it (server.json `packages[]`). */
export interface RegistryPackageRef {
  readonly registryType: string;
  readonly identifier: string;
  readonly version?: string;
}

/** What matching needs of a registry server: its name, where it lives, its packages and remotes. */
export interface RegistryServerRef {
  readonly name: string;
  /** The base URL of the registry it was read from (compared with VS Code's `gallery`). */
  readonly registryUrl?: string;
  readonly packages?: readonly RegistryPackageRef[];
  readonly remotes?: readonly { readonly url: string }[];
}

export type MatchBasis = 'gallery' | 'package' | 'remote';

export interface ServerMatch<T extends RegistryServerRef> {
  readonly server: T;
  readonly by: MatchBasis;
  /** The registry's package the entry runs (when matched by gallery or package). */
  readonly package?: RegistryPackageRef;
}

/** PEP 503: lower case, runs of '-', '_' and '.' become one '-'. */
export function normalizePypiName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * An OCI reference without tag or digest, with Docker Hub's defaults spelled out:
 * "mcp/git" → "docker.io/mcp/git", "alpine" → "docker.io/library/alpine", "index.docker.io/x/y" → "docker.io/x/y".
 */
export function normalizeOciName(reference: string): string {
  const { name } = splitOciReference(reference);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost';
  let registry = hasRegistry ? first.toLowerCase() : 'docker.io';
  let path = hasRegistry ? name.slice(slash + 1) : name;
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io' || registry === 'registry.hub.docker.com') registry = 'docker.io';
  if (registry === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  return `${registry}/${path.toLowerCase()}`;
}

/** Splits "ghcr.io/o/img:1.2@sha256:…" into name, tag and digest. */
export function splitOciReference(reference: string): { name: string; tag?: string; digest?: string } {
  const at = reference.indexOf('@');
  const withTag = at < 0 ? reference : reference.slice(0, at);
  const digest = at < 0 ? undefined : reference.slice(at + 1);
  const colon = withTag.lastIndexOf(':');
  const hasTag = colon > withTag.lastIndexOf('/');
  return { name: hasTag ? withTag.slice(0, colon) : withTag, ...(hasTag ? { tag: withTag.slice(colon + 1) } : {}), ...(digest ? { digest } : {}) };
}

/** A package identifier in the form two names of the same package share. */
export function normalizePackageIdentifier(registryType: string, identifier: string): string {
  switch (registryType) {
    case 'pypi': return normalizePypiName(identifier);
    case 'oci': return normalizeOciName(identifier);
    case 'nuget': return identifier.toLowerCase();
    case 'cargo': return identifier.toLowerCase().replace(/_/g, '-');
    default: return identifier;
  }
}

/** The version a registry package pins: its `version`, or for OCI the tag inside `identifier`. */
export function registryPackageVersion(pkg: RegistryPackageRef): string | undefined {
  if (pkg.registryType === 'oci') return splitOciReference(pkg.identifier).tag ?? pkg.version;
  return pkg.version;
}

/** Whether two versions of a package name the same release, as its package registry compares them. */
export function samePackageVersion(registryType: string, a: string, b: string): boolean {
  if (a === b) return true;
  switch (registryType) {
    case 'npm': {
      const left = cleanSemver(a);
      return left !== null && left === cleanSemver(b);
    }
    case 'pypi': return normalizePep440(a) === normalizePep440(b);
    case 'nuget': return normalizeNugetVersion(a) === normalizeNugetVersion(b);
    default: return false;
  }
}

/** PEP 440 normal form for comparing equality: "v1.0.0RC1" and "1.0rc1" agree. */
function normalizePep440(version: string): string {
  let text = version.trim().toLowerCase().replace(/^v/, '');
  text = text.replace(/[-_.]?(alpha|a)[-_.]?(?=\d|$)/, 'a').replace(/[-_.]?(beta|b)[-_.]?(?=\d|$)/, 'b')
    .replace(/[-_.]?(rc|c|pre|preview)[-_.]?(?=\d|$)/, 'rc').replace(/[-_.]?(post|rev|r)[-_.]?(?=\d|$)/, '.post')
    .replace(/[-_.]?dev[-_.]?(?=\d|$)/, '.dev');
  const release = /^(\d+(?:\.\d+)*)/.exec(text);
  if (!release) return text;
  const parts = release[1].split('.').map((part) => String(Number(part)));
  while (parts.length > 1 && parts[parts.length - 1] === '0') parts.pop();
  return parts.join('.') + text.slice(release[1].length);
}

function normalizeNugetVersion(version: string): string {
  const [core, ...rest] = version.toLowerCase().split('+')[0].split('-');
  const parts = core.split('.').map((part) => String(Number(part)));
  while (parts.length > 3 && parts[parts.length - 1] === '0') parts.pop();
  while (parts.length < 3) parts.push('0');
  return [parts.join('.'), ...rest].join('-');
}

/** A remote URL compared without trailing slash, default port, or case of scheme and host. */
export function normalizeRemoteUrl(url: string): string {
  const trimmed = url.trim();
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(trimmed);
  if (!match) return trimmed;
  const scheme = match[1].toLowerCase();
  let host = match[2].toLowerCase();
  if ((scheme === 'https' && host.endsWith(':443')) || (scheme === 'http' && host.endsWith(':80'))) host = host.replace(/:\d+$/, '');
  const tail = match[3];
  const queryAt = tail.search(/[?#]/);
  const path = trimTrailingSlashes(queryAt < 0 ? tail : tail.slice(0, queryAt));
  const rest = path + (queryAt < 0 ? '' : tail.slice(queryAt));
  return `${scheme}://${host}${rest}`;
}

function trimTrailingSlashes(text: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === '/') end--;
  return text.slice(0, end);
}

const MAX_TEMPLATE_URL = 2048;
const MAX_TEMPLATE_VARIABLES = 4;

/** Whether an installed remote URL is one a registry lists; a registry URL's `{variables}` match any one path segment or host label. */
export function sameRemoteUrl(installed: string, registry: string): boolean {
  const left = normalizeRemoteUrl(installed);
  const right = normalizeRemoteUrl(registry);
  if (left === right) return true;
  // Registry data is not trusted: long URLs and many variables are not matched as templates.
  if (!right.includes('{') || left.length > MAX_TEMPLATE_URL || right.length > MAX_TEMPLATE_URL) return false;
  const parts = right.split(/(?:\{[^}]*\})+/);
  if (parts.length - 1 > MAX_TEMPLATE_VARIABLES) return false;
  const pattern = parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/.?#]+');
  return new RegExp(`^${pattern}$`, 'i').test(left);
}

/** Registry base URLs compared without API version suffix (/v0.1, /v0, /servers), trailing slash or host case. */
export function sameRegistryUrl(a: string, b: string): boolean {
  const base = (url: string) => trimTrailingSlashes(normalizeRemoteUrl(url).replace(/\/v0(\.\d+)?(\/servers)?$/i, ''));
  return base(a) === base(b);
}

/** The registry's package that is the installed one (same type, same name), if the server lists it. */
export function findRegistryPackage(installed: InstalledPackage, packages: readonly RegistryPackageRef[] | undefined): RegistryPackageRef | undefined {
  const wanted = normalizePackageIdentifier(installed.registryType, installed.identifier);
  return packages?.find((pkg) => pkg.registryType === installed.registryType
    && normalizePackageIdentifier(pkg.registryType, pkg.identifier) === wanted);
}

/**
 * The registry server an installed entry runs, in this order: VS Code's `gallery` (server name in
 * the registry it names; `true` = any registry), the package in the command, the remote URL.
 * Among several candidates of the same kind the first in `servers` wins.
 */
export function matchInstalledEntry<T extends RegistryServerRef>(entry: InstalledEntry, servers: readonly T[]): ServerMatch<T> | undefined {
  if (entry.gallery !== undefined) {
    const gallery = entry.gallery;
    const named = servers.filter((server) => server.name === entry.key);
    const server = named.find((candidate) => gallery !== true && candidate.registryUrl !== undefined && sameRegistryUrl(candidate.registryUrl, gallery))
      ?? (gallery === true ? named[0] : undefined);
    if (server) {
      const pkg = entry.package ? findRegistryPackage(entry.package, server.packages) : undefined;
      return { server, by: 'gallery', ...(pkg ? { package: pkg } : {}) };
    }
  }
  if (entry.package) {
    for (const server of servers) {
      const pkg = findRegistryPackage(entry.package, server.packages);
      if (pkg) return { server, by: 'package', package: pkg };
    }
  }
  if (entry.remoteUrl) {
    const url = entry.remoteUrl;
    const server = servers.find((candidate) => candidate.remotes?.some((remote) => sameRemoteUrl(url, remote.url)));
    if (server) return { server, by: 'remote' };
  }
  return undefined;
}
