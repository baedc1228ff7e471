// One place for what the extension knows about each registry: the versions of each server (deleted
// ones included), read from memory while fresh, one request per server at a time, and every write
// the extension makes (publish, status change). A write updates the versions from the registry's
// answer, records itself in the audit trail and tells every view through onDidChange — no refresh,
// no second request. No `vscode` import: the pure rules live in ./model.
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse, type StatusChange } from '../registry';
import { normalizeRegistryUrl } from '../registries/url';
import {
  answerOf,
  isFresh,
  isNoChange,
  lookUpVersion,
  lookUpVersions,
  mayHaveLanded,
  statusChangeMade,
  mergePublished,
  mergeStatusChange,
  responsesOf,
  versionsKey,
  type Entry,
  type RegistryWriteRecord,
  type VersionsAnswer,
} from './model';

/** The part of RegistryClients the store uses. */
export interface ClientPool {
  withClient<T>(url: string, call: (client: RegistryClient) => Promise<T>): Promise<T>;
}

export interface StoreChange {
  readonly registryUrl: string;
  readonly serverName: string;
  /** `read`: the registry was asked; `write`: the extension changed it; `forget`: dropped (refresh). */
  readonly cause: 'read' | 'write' | 'forget';
}

/** Runs `send` with a registry token (and may run it again with a new one after a 401). */
export type Authorize = <T>(send: (token: string) => Promise<T>) => Promise<T>;

export interface StoreOptions {
  /** mcpVersions.cache.staleSeconds, in ms: how long an answer serves reads. */
  readonly staleMs: () => number;
  readonly now?: () => number;
  /** The signed-in identity on a registry, for the audit trail. */
  readonly who?: (registryUrl: string) => string | undefined;
  /** Where each write is recorded (the audit trail). */
  readonly audit?: (record: RegistryWriteRecord) => unknown;
}

export interface ReadOptions {
  /** Ask the registry even when the memory is fresh. */
  readonly fresh?: boolean;
  /** Overrides staleMs for this read (e.g. the Environments view's poll interval). */
  readonly maxAgeMs?: number;
  readonly signal?: AbortSignal;
}

export class RegistryStore {
  private readonly entries = new Map<string, Entry<VersionsAnswer>>();
  private readonly inflight = new Map<string, Promise<VersionsAnswer>>();
  /** Bumped by every write and forget, so a read that started before it does not overwrite it. */
  private readonly generations = new Map<string, number>();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  private readonly now: () => number;
  private sequence = 0;

  constructor(
    private readonly clients: ClientPool,
    private readonly options: StoreOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** What is in memory, fresh or not, without asking. */
  peek(registryUrl: string, serverName: string): VersionsAnswer | undefined {
    return this.entries.get(versionsKey(normalizeRegistryUrl(registryUrl), serverName))?.value;
  }

  /** When the versions in memory were read or last written (undefined when none). */
  fetchedAt(registryUrl: string, serverName: string): number | undefined {
    return this.entries.get(versionsKey(normalizeRegistryUrl(registryUrl), serverName))?.fetchedAt;
  }

  /** Every version of a server, deleted ones included: memory when fresh, else one request shared by every caller. Never rejects. */
  versions(registryUrl: string, serverName: string, options: ReadOptions = {}): Promise<VersionsAnswer> {
    const url = normalizeRegistryUrl(registryUrl);
    const key = versionsKey(url, serverName);
    const entry = this.entries.get(key);
    if (!options.fresh && isFresh(entry, this.now(), options.maxAgeMs ?? this.options.staleMs())) return Promise.resolve(entry.value);
    const running = this.inflight.get(key);
    if (running) return running;
    const generation = this.generations.get(key) ?? 0;
    const read = this.clients
      .withClient(url, (client) => client.getServerVersions(serverName, { includeDeleted: true, signal: options.signal }))
      .then((responses) => answerOf({ responses }), (error: unknown) => answerOf({ error }))
      .then((answer) => {
        if ((this.generations.get(key) ?? 0) !== generation) return this.entries.get(key)?.value ?? answer;
        this.entries.set(key, { value: answer, fetchedAt: this.now() });
        this.fire({ registryUrl: url, serverName, cause: 'read' });
        return answer;
      })
      .finally(() => {
        if (this.inflight.get(key) === read) this.inflight.delete(key);
      });
    this.inflight.set(key, read);
    return read;
  }

  /** Like versions(), but a registry that cannot be read rejects with its error; not published is []. */
  async versionsOrThrow(registryUrl: string, serverName: string, options: ReadOptions = {}): Promise<readonly ServerResponse[]> {
    const answer = await this.versions(registryUrl, serverName, options);
    if (answer.kind === 'unreachable') throw answer.error;
    return responsesOf(answer) ?? [];
  }

  /** Records versions read elsewhere (the Registry tree's incremental sync) as the latest knowledge. */
  remember(registryUrl: string, serverName: string, responses: readonly ServerResponse[]): void {
    const url = normalizeRegistryUrl(registryUrl);
    this.set(url, serverName, answerOf({ responses }), 'read');
  }

  /** Drops what is known about one server, one registry, or everything (Refresh). */
  forget(registryUrl?: string, serverName?: string): void {
    const url = registryUrl === undefined ? undefined : normalizeRegistryUrl(registryUrl);
    for (const key of [...this.entries.keys()]) {
      const [entryUrl, entryName] = key.split('\n') as [string, string];
      if ((url === undefined || entryUrl === url) && (serverName === undefined || entryName === serverName)) {
        this.entries.delete(key);
        this.inflight.delete(key);
        this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
        this.fire({ registryUrl: entryUrl, serverName: entryName, cause: 'forget' });
      }
    }
  }

  /**
   * `POST /publish`. On success the new version joins the known list (the latest flag moves as the
   * registry moves it) without a request.
   */
  async publish(registryUrl: string, body: Record<string, unknown>, authorize: Authorize): Promise<ServerResponse> {
    const url = normalizeRegistryUrl(registryUrl);
    const server = typeof body.name === 'string' ? body.name : '';
    const version = typeof body.version === 'string' ? body.version : '';
    const before = responsesOf(this.peek(url, server));
    const from = before?.find((row) => officialMeta(row).isLatest)?.server.version;
    try {
      const response = await this.clients.withClient(url, (client) => authorize((token) => client.publish(body, token)));
      this.applyPublished(url, response);
      this.record({ kind: 'publish', registry: url, server, version, from, to: version, result: 'ok' });
      return response;
    } catch (error) {
      this.record({ kind: 'publish', registry: url, server, version, from, to: version, result: 'failed', detail: messageOf(error) });
      throw error;
    }
  }

  /**
   * Records a version the registry turned out to hold after a publish whose answer was lost (the
   * POST itself was recorded as failed).
   */
  recovered(registryUrl: string, response: ServerResponse): void {
    const url = normalizeRegistryUrl(registryUrl);
    this.applyPublished(url, response);
    this.record({ kind: 'publish', registry: url, server: response.server.name, version: response.server.version, to: response.server.version, result: 'ok', detail: 'recovered: the answer was lost, the registry has it' });
  }

  /**
   * `PATCH …/status` of one version, or of every version when `version` is undefined. When the answer
   * is lost (or the registry says nothing changed), the versions are looked up: a change the registry
   * made is a success (`recovered`), and every view shows what the registry holds either way.
   * The registry's failures reject with a StatusWriteError that says whether the change was made; others
   * (a cancelled sign-in) reject as they are.
   */
  async setStatus(registryUrl: string, serverName: string, version: string | undefined, change: StatusChange, authorize: Authorize): Promise<StatusWrite> {
    const url = normalizeRegistryUrl(registryUrl);
    const known = version === undefined ? undefined : responsesOf(this.peek(url, serverName))?.find((row) => row.server.version === version);
    const from = known && officialMeta(known).status;
    const base = { kind: 'status' as const, registry: url, server: serverName, version, from, to: change.status };
    try {
      const changed = await this.clients.withClient(url, (client) =>
        authorize(async (token) =>
          version === undefined ? (await client.setAllVersionsStatus(serverName, change, token)).servers : [await client.setVersionStatus(serverName, version, change, token)],
        ),
      );
      this.applyStatus(url, serverName, changed, 'write');
      this.record({ ...base, result: 'ok', detail: change.statusMessage });
      return { rows: changed, recovered: false, already: false };
    } catch (error) {
      if (!mayHaveLanded(error) && !isNoChange(error)) {
        this.record({ ...base, result: 'failed', detail: messageOf(error) });
        // Not the registry's answer (a cancelled or failed sign-in): the caller's error, as it is.
        throw error instanceof RegistryError ? new StatusWriteError(error, 'refused') : error;
      }
      const found = await this.clients
        .withClient(url, async (client) => {
          if (version === undefined) return lookUpVersions(client, serverName);
          const one = await lookUpVersion(client, serverName, version);
          return one && [one];
        })
        .catch(() => undefined);
      if (found === undefined) {
        this.record({ ...base, result: 'failed', detail: `${messageOf(error)}; whether the registry made the change is not known` });
        throw new StatusWriteError(error, 'unknown');
      }
      const rows = found ?? [];
      if (statusChangeMade(rows, version, change)) {
        const already = isNoChange(error);
        this.applyStatus(url, serverName, rows, 'write');
        const how = already ? 'the registry already had this status' : 'recovered: the answer was lost, the registry made the change';
        this.record({ ...base, result: 'ok', detail: [change.statusMessage, how].filter(Boolean).join('; ') });
        return { rows, recovered: !already, already };
      }
      this.applyStatus(url, serverName, rows, 'read');
      this.record({ ...base, result: 'failed', detail: `${messageOf(error)}; the registry did not make the change` });
      throw new StatusWriteError(error, 'not-made', rows.find((row) => version === undefined || row.server.version === version));
    }
  }

  /** Versions the registry answered with (a status change, or a look-up after one) join what is known. */
  private applyStatus(url: string, serverName: string, rows: readonly ServerResponse[], cause: StoreChange['cause']): void {
    if (rows.length === 0) return;
    const now = responsesOf(this.peek(url, serverName));
    if (now) this.set(url, serverName, answerOf({ responses: mergeStatusChange(now, rows) }), cause);
    else if (cause === 'write') this.forget(url, serverName);
  }

  private applyPublished(url: string, response: ServerResponse): void {
    const name = response.server.name;
    const before = responsesOf(this.peek(url, name));
    if (before) this.set(url, name, answerOf({ responses: mergePublished(before, response) }), 'write');
    else this.forget(url, name);
  }

  private set(url: string, serverName: string, answer: VersionsAnswer, cause: StoreChange['cause']): void {
    const key = versionsKey(url, serverName);
    if (cause === 'write') this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.entries.set(key, { value: answer, fetchedAt: this.now() });
    this.fire({ registryUrl: url, serverName, cause });
  }

  private record(write: Omit<RegistryWriteRecord, 'id' | 'at' | 'who'>): void {
    if (!this.options.audit) return;
    const at = new Date(this.now()).toISOString();
    const who = this.options.who?.(write.registry) ?? 'unknown';
    const id = `${write.kind}-${at}-${++this.sequence}-${Math.random().toString(36).slice(2, 8)}`;
    try {
      void Promise.resolve(this.options.audit({ id, at, who, ...write } as RegistryWriteRecord)).catch(() => undefined);
    } catch {
      // the audit trail never fails a write
    }
  }

  private fire(change: StoreChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch {
        // one view's failure does not stop the others
      }
    }
  }
}

export interface StatusWrite {
  /** The versions as the registry holds them after the change. */
  readonly rows: readonly ServerResponse[];
  /** The answer was lost, and the look-up found the change made. */
  readonly recovered: boolean;
  /** The registry answered that nothing changed, and the look-up found the status already set. */
  readonly already: boolean;
}

/**
 * A status change that failed. `refused`: the registry answered with a refusal; `not-made`: the answer
 * was lost and the look-up shows the old status (`current`); `unknown`: the answer was lost and the
 * registry could not be asked.
 */
export class StatusWriteError extends Error {
  constructor(
    readonly error: unknown,
    readonly outcome: 'refused' | 'not-made' | 'unknown',
    readonly current?: ServerResponse,
  ) {
    super(messageOf(error), { cause: error });
    this.name = 'StatusWriteError';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
