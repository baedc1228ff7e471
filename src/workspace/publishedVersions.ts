// The versions a registry holds for a server name, fetched once per (registry, name) and shared by the
// workspace view and the diagnostics. No `vscode` import.
import { OFFICIAL_META_KEY, RegistryError, type ServerResponse } from '../registry';
import type { RegistryVersionRow } from './standing';

export type PublishedLookup =
  | { kind: 'found'; rows: RegistryVersionRow[] }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; message: string };

/** The part of RegistryClient this cache uses. */
export interface VersionSource {
  readonly baseUrl: string;
  getServerVersions(name: string, options: { includeDeleted?: boolean; signal?: AbortSignal }): Promise<ServerResponse[]>;
}

/** How long an unreachable registry is not asked again for the same server. */
const UNREACHABLE_RETRY_MS = 30_000;

export class PublishedVersionsCache {
  private readonly entries = new Map<string, Promise<PublishedLookup>>();
  private readonly answers = new Map<string, PublishedLookup>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly log: (message: string) => void = () => undefined) {}

  /** Cached answer, or a fetch (incl. deleted versions). Never rejects: failures come back as `unreachable`. */
  lookup(source: VersionSource, name: string): Promise<PublishedLookup> {
    const key = `${source.baseUrl}\n${name}`;
    const cached = this.entries.get(key);
    if (cached) return cached;
    const lookup = fetchRows(source, name).then((result) => {
      if (this.entries.get(key) === lookup) this.answers.set(key, result);
      if (result.kind === 'unreachable') {
        this.log(`could not read the versions of ${name} from ${source.baseUrl} (skipping the registry checks): ${result.message}`);
        setTimeout(() => {
          if (this.entries.get(key) !== lookup) return;
          this.entries.delete(key);
          this.answers.delete(key);
        }, UNREACHABLE_RETRY_MS).unref?.();
      }
      return result;
    });
    this.entries.set(key, lookup);
    return lookup;
  }

  /** The answer when it is already here (no waiting), else undefined. */
  settled(source: VersionSource, name: string): PublishedLookup | undefined {
    return this.answers.get(`${source.baseUrl}\n${name}`);
  }

  /** Forgets everything (the view's Refresh, a publish, another target registry). */
  clear(): void {
    this.entries.clear();
    this.answers.clear();
    for (const listener of this.listeners) listener();
  }

  /** Called after `clear()`, so consumers look their servers up again. */
  onDidClear(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}

async function fetchRows(source: VersionSource, name: string): Promise<PublishedLookup> {
  try {
    const responses = await source.getServerVersions(name, { includeDeleted: true });
    return responses.length === 0 ? { kind: 'not-found' } : { kind: 'found', rows: responses.map(toRow) };
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return { kind: 'not-found' };
    return { kind: 'unreachable', message: error instanceof RegistryError ? (error.hint ? `${error.message} (${error.hint})` : error.message) : String(error) };
  }
}

export function toRow(response: ServerResponse): RegistryVersionRow {
  const official = response._meta?.[OFFICIAL_META_KEY];
  return {
    version: response.server.version,
    status: official?.status ?? 'active',
    publishedAt: official?.publishedAt,
    isLatest: official?.isLatest,
  };
}
