// The one place the Installed view reads registries through: finding the registry servers an installed
// entry may be, and the versions of one server. Implemented over RegistryClients today; the registry
// data store can take its place behind the same interface.
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse } from '../registry';
import type { InstalledEntry, RegistryServerRef, RegistryVersionInfo } from '../installed';

export interface RegistryRef {
  readonly url: string;
  readonly name: string;
}

/** A registry server an entry may match: what matching needs, and where it was found. */
export interface FoundServer extends RegistryServerRef {
  readonly registryUrl: string;
  readonly registryName: string;
}

export interface InstalledVersion extends RegistryVersionInfo {
  readonly response: ServerResponse;
}

export interface InstalledLookup {
  /** Registry servers that may be this entry, from every registry; failures per registry in `errors`. */
  findServers(entry: InstalledEntry): Promise<{ servers: FoundServer[]; errors: string[] }>;
  /** Every version of one server (deleted ones included). */
  versions(registryUrl: string, name: string): Promise<InstalledVersion[]>;
  /** Forgets what was read, so the next refresh asks the registries again. */
  clear(): void;
  /** Registry requests made so far (for tests and the bench). */
  readonly requests: number;
}

export interface ClientsLike {
  withClient<T>(url: string, call: (client: RegistryClient) => Promise<T>): Promise<T>;
}

/** Requests at most this many at a time, across every registry. */
export const LOOKUP_CONCURRENCY = 8;
const SEARCH_LIMIT = 100;
const GENERIC_HOST_LABELS = new Set(['www', 'mcp', 'api', 'app', 'server', 'servers', 'remote', 'gateway', 'localhost']);

/** The part of the registry data store the lookup reads versions through (src/store). */
export interface VersionsStore {
  versionsOrThrow(registryUrl: string, serverName: string, options?: { fresh?: boolean }): Promise<readonly ServerResponse[]>;
}

export class RegistryClientsLookup implements InstalledLookup {
  private readonly memo = new Map<string, Promise<unknown>>();
  /** Versions the store already holds after a write: read from memory, not asked again. */
  private readonly written = new Set<string>();
  private readonly limit = limiter(LOOKUP_CONCURRENCY);
  requests = 0;

  constructor(
    private readonly clients: ClientsLike,
    private readonly registries: () => readonly RegistryRef[],
    private readonly store?: VersionsStore,
  ) {}

  /** A write through the store changed this server's versions: the next read takes them from the store. */
  forgetVersions(registryUrl: string, name: string): void {
    const key = `versions\n${registryUrl}\n${name}`;
    this.memo.delete(key);
    this.written.add(key);
  }

  async findServers(entry: InstalledEntry): Promise<{ servers: FoundServer[]; errors: string[] }> {
    const servers: FoundServer[] = [];
    const errors: string[] = [];
    const registries = this.registries();
    await Promise.all(registries.map(async (registry) => {
      try {
        if (entry.gallery !== undefined) {
          const byName = await this.byName(registry, entry.key);
          // Found by its gallery name: that answer has its packages and remotes, no search needed.
          if (byName) return void servers.push(byName);
        }
        const term = searchTerm(entry);
        if (term) servers.push(...await this.search(registry, term));
      } catch (error) {
        errors.push(`${registry.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }));
    // Registries in their configured order, so "first candidate wins" follows the settings.
    const order = new Map(registries.map((registry, index) => [registry.url, index]));
    servers.sort((a, b) => (order.get(a.registryUrl) ?? 0) - (order.get(b.registryUrl) ?? 0));
    return { servers, errors };
  }

  versions(registryUrl: string, name: string): Promise<InstalledVersion[]> {
    const key = `versions\n${registryUrl}\n${name}`;
    return this.once(key, async () => {
      const store = this.store;
      let responses: readonly ServerResponse[];
      if (!store) responses = await this.request(registryUrl, (client) => client.getServerVersions(name, { includeDeleted: true }));
      else if (this.written.delete(key)) responses = await store.versionsOrThrow(registryUrl, name);
      else responses = await this.limit(() => {
        this.requests++;
        // Fresh, and kept in the store, so every other view sees what this one read.
        return store.versionsOrThrow(registryUrl, name, { fresh: true });
      });
      return responses.map(versionInfo);
    });
  }

  clear(): void {
    this.memo.clear();
  }

  /** A VS Code gallery install names the registry server: its versions are also what matching needs. */
  private async byName(registry: RegistryRef, name: string): Promise<FoundServer | undefined> {
    try {
      const versions = await this.versions(registry.url, name);
      const newest = versions.find((version) => version.isLatest) ?? versions[0];
      return newest ? foundServer(registry, newest.response) : undefined;
    } catch (error) {
      if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return undefined;
      throw error;
    }
  }

  private search(registry: RegistryRef, term: string): Promise<FoundServer[]> {
    return this.once(`search\n${registry.url}\n${term}`, async () => {
      const list = await this.request(registry.url, (client) => client.listServers({ search: term, version: 'latest', limit: SEARCH_LIMIT }));
      return list.servers.map((response) => foundServer(registry, response));
    });
  }

  private request<T>(url: string, call: (client: RegistryClient) => Promise<T>): Promise<T> {
    return this.limit(() => {
      this.requests++;
      return this.clients.withClient(url, call);
    });
  }

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let hit = this.memo.get(key) as Promise<T> | undefined;
    if (!hit) {
      hit = load();
      this.memo.set(key, hit);
      hit.catch(() => this.memo.delete(key));
    }
    return hit;
  }
}

/**
 * What to search server names for: the last segment of the package name ("@scope/pkg" → "pkg",
 * "ghcr.io/o/img" → "img"), or the most telling label of a remote's host ("mcp.acme.com" → "acme").
 */
export function searchTerm(entry: InstalledEntry): string | undefined {
  if (entry.package) {
    const segments = entry.package.identifier.split('/').filter(Boolean);
    return segments[segments.length - 1]?.toLowerCase() || undefined;
  }
  if (entry.remoteUrl) {
    let host: string;
    try {
      host = new URL(entry.remoteUrl).hostname.toLowerCase();
    } catch {
      return undefined;
    }
    if (/^[\d.]+$|^\[/.test(host)) return undefined;
    const labels = host.split('.');
    const candidates = labels.slice(0, labels.length > 1 ? -1 : undefined).filter((label) => !GENERIC_HOST_LABELS.has(label));
    return candidates.sort((a, b) => b.length - a.length)[0];
  }
  return undefined;
}

function foundServer(registry: RegistryRef, response: ServerResponse): FoundServer {
  const server = response.server;
  return {
    name: server.name,
    registryUrl: registry.url,
    registryName: registry.name,
    packages: (server.packages ?? []).map((pkg) => ({ registryType: pkg.registryType, identifier: pkg.identifier, ...(pkg.version ? { version: pkg.version } : {}) })),
    remotes: (server.remotes ?? []).map((remote) => ({ url: remote.url })),
  };
}

function versionInfo(response: ServerResponse): InstalledVersion {
  const meta = officialMeta(response) as ReturnType<typeof officialMeta> | undefined;
  return {
    version: response.server.version,
    ...(meta?.publishedAt ? { publishedAt: meta.publishedAt } : {}),
    ...(meta?.status ? { status: meta.status } : {}),
    ...(meta?.isLatest !== undefined ? { isLatest: meta.isLatest } : {}),
    ...(meta?.statusMessage ? { statusMessage: meta.statusMessage } : {}),
    packages: (response.server.packages ?? []).map((pkg) => ({ registryType: pkg.registryType, identifier: pkg.identifier, ...(pkg.version ? { version: pkg.version } : {}) })),
    response,
  };
}

/** Runs at most `max` tasks at once; the others wait their turn in order. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finished task hands its slot straight to the next waiting one.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}
