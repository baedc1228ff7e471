// The registry of each environment (by name or URL from mcpVersions.registries; default the first) and
// the versions it holds for the environment's server, deleted ones included.
import { RegistryError } from '../registry';
import type { RegistryClients } from '../registries/clients';
import { normalizeRegistryUrl, readRegistries, type RegistryConfig } from '../registries/config';
import { toVersionInfo, type EnvironmentConfig, type RegistryVersionInfo } from './model';

export interface RegistryView {
  readonly name: string;
  readonly url: string;
  /** Undefined when the registry could not be read (see `error`). */
  readonly versions?: RegistryVersionInfo[];
  readonly error?: string;
}

export function registryFor(env: EnvironmentConfig, registries: readonly RegistryConfig[] = readRegistries()): { name: string; url: string } | undefined {
  if (!env.registry) return registries[0] && { name: registries[0].name, url: registries[0].url };
  const byName = registries.find((r) => r.name === env.registry);
  if (byName) return { name: byName.name, url: byName.url };
  if (/^https?:\/\//i.test(env.registry)) {
    const url = normalizeRegistryUrl(env.registry);
    const known = registries.find((r) => r.url === url);
    return { name: known?.name ?? new URL(url).host, url };
  }
  return undefined;
}

/** Reads versions per (registry, server), sharing a request between environments and caching for `ttlMs`. */
export class RegistryVersionsCache {
  private readonly entries = new Map<string, { at: number; promise: Promise<RegistryView> }>();

  constructor(private readonly clients: RegistryClients, private readonly ttlMs: () => number) {}

  async versionsFor(env: EnvironmentConfig, fresh = false): Promise<RegistryView> {
    const registry = registryFor(env);
    if (!registry) {
      return { name: env.registry ?? '(none)', url: '', error: env.registry ? `No registry named "${env.registry}" in mcpVersions.registries` : 'No registry configured' };
    }
    const key = `${registry.url}\n${env.server}`;
    const cached = this.entries.get(key);
    if (cached && !fresh && Date.now() - cached.at < this.ttlMs()) return cached.promise;
    const promise = this.load(registry, env.server);
    this.entries.set(key, { at: Date.now(), promise });
    const view = await promise;
    if (view.error) this.entries.delete(key);
    return view;
  }

  clear(): void {
    this.entries.clear();
  }

  private async load(registry: { name: string; url: string }, server: string): Promise<RegistryView> {
    try {
      const responses = await this.clients.withClient(registry.url, (client) => client.getServerVersions(server, { includeDeleted: true }));
      return { ...registry, versions: responses.map(toVersionInfo) };
    } catch (error) {
      if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return { ...registry, versions: [] };
      return { ...registry, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
