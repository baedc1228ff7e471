// The registry of each environment (by name or URL from mcpVersions.registries; default the first) and
// the versions it holds for the environment's server, deleted ones included, read through the store.
import { normalizeRegistryUrl, readRegistries, type RegistryConfig } from '../registries/config';
import type { RegistryStore, VersionsAnswer } from '../store';
import { registryProblemInWords, toVersionInfo, type EnvironmentConfig, type RegistryVersionInfo } from './model';

export interface RegistryView {
  readonly name: string;
  readonly url: string;
  /** Undefined when the registry could not be read (see `error`). */
  readonly versions?: RegistryVersionInfo[];
  /** Why the versions could not be read: the registry's text (for the tooltip) and in words (for the row). */
  readonly error?: string;
  readonly problem?: string;
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

/** The store's versions of each environment's server, kept for `ttlMs` (the poll interval) before asking again. */
export class RegistryVersionsCache {
  constructor(private readonly store: RegistryStore, private readonly ttlMs: () => number) {}

  async versionsFor(env: EnvironmentConfig, fresh = false): Promise<RegistryView> {
    const registry = registryFor(env);
    if (!registry) {
      return { name: env.registry ?? '(none)', url: '', error: env.registry ? `No registry named "${env.registry}" in mcpVersions.registries` : 'No registry configured' };
    }
    return viewOf(registry, await this.store.versions(registry.url, env.server, { fresh, maxAgeMs: this.ttlMs() }));
  }

  /** What the store holds now for the environment (no request), or undefined when it knows nothing. */
  peek(env: EnvironmentConfig): RegistryView | undefined {
    const registry = registryFor(env);
    const answer = registry && this.store.peek(registry.url, env.server);
    return registry && answer ? viewOf(registry, answer) : undefined;
  }

  /** Whether a change of the store (registry URL, server) concerns this environment. */
  concerns(env: EnvironmentConfig, registryUrl: string, serverName: string): boolean {
    return env.server === serverName && registryFor(env)?.url === registryUrl;
  }

  onDidChange(listener: (registryUrl: string, serverName: string) => void): { dispose(): void } {
    return this.store.onDidChange((change) => {
      if (change.cause !== 'forget') listener(change.registryUrl, change.serverName);
    });
  }
}

function viewOf(registry: { name: string; url: string }, answer: VersionsAnswer): RegistryView {
  if (answer.kind === 'unreachable') return { ...registry, error: answer.message, problem: registryProblemInWords(answer.error) };
  return { ...registry, versions: answer.kind === 'found' ? answer.responses.map(toVersionInfo) : [] };
}
