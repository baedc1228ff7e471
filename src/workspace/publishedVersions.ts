// The versions a registry holds for a server name, as the workspace view and the diagnostics read them:
// a view over the registry data store (src/store), which asks once per (registry, name) and tells when
// a read or a write changed what it knows. No `vscode` import.
import { OFFICIAL_META_KEY, type ServerResponse } from '../registry';
import type { RegistryStore, VersionsAnswer } from '../store';
import type { RegistryVersionRow } from './standing';

export type PublishedLookup =
  | { kind: 'found'; rows: RegistryVersionRow[] }
  | { kind: 'not-found' }
  | { kind: 'unreachable'; message: string };

/** The registry a lookup is for (a RegistryClient fits). */
export interface VersionSource {
  readonly baseUrl: string;
}

export class PublishedVersionsCache {
  private readonly rows = new WeakMap<VersionsAnswer, PublishedLookup>();
  private readonly logged = new WeakSet<VersionsAnswer>();

  constructor(
    private readonly store: RegistryStore,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The store's answer (memory when fresh, else one shared request). Never rejects: failures come back as `unreachable`. */
  async lookup(source: VersionSource, name: string): Promise<PublishedLookup> {
    const answer = await this.store.versions(source.baseUrl, name);
    if (answer.kind === 'unreachable' && !this.logged.has(answer)) {
      this.logged.add(answer);
      this.log(`could not read the versions of ${name} from ${source.baseUrl} (skipping the registry checks): ${answer.message}`);
    }
    return this.lookupOf(answer);
  }

  /** The answer when the store already has one (no waiting), else undefined. */
  settled(source: VersionSource, name: string): PublishedLookup | undefined {
    const answer = this.store.peek(source.baseUrl, name);
    return answer && this.lookupOf(answer);
  }

  /** Forgets what the store knows about these registries' servers (the view's Refresh). */
  clear(registryUrl?: string): void {
    this.store.forget(registryUrl);
  }

  /**
   * Called when a write or a refresh changed what the store knows, so consumers look again (their own
   * reads do not call it: with a zero cache time that would loop).
   */
  onDidClear(listener: () => void): { dispose(): void } {
    return this.store.onDidChange((change) => {
      if (change.cause !== 'read') listener();
    });
  }

  /** Called when the store read a server's versions (any view asked), with the registry URL and the name. */
  onDidRead(listener: (registryUrl: string, serverName: string) => void): { dispose(): void } {
    return this.store.onDidChange((change) => {
      if (change.cause === 'read') listener(change.registryUrl, change.serverName);
    });
  }

  private lookupOf(answer: VersionsAnswer): PublishedLookup {
    let lookup = this.rows.get(answer);
    if (!lookup) {
      lookup =
        answer.kind === 'found' ? { kind: 'found', rows: answer.responses.map(toRow) } : answer.kind === 'not-found' ? { kind: 'not-found' } : { kind: 'unreachable', message: answer.message };
      this.rows.set(answer, lookup);
    }
    return lookup;
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
