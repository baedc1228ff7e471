// What the Registry tree shows of one registry: loaded pages of servers (one latest row each), the
// filter and "my servers". The versions of each server live in the registry data store (src/store),
// shared with every other view; this keeps which row each server shows. No vscode here: the provider
// turns this into nodes.
import { mayChangeStatus, officialMeta, type Permission, type RegistryClient, type ServerResponse } from '../registry';
import { RegistryStore } from '../store/store';
import { responsesOf, type VersionsAnswer } from '../store/model';
import { serverRow, type ServerRow } from './serverRow';

export type ClientRunner = <T>(call: (client: RegistryClient) => Promise<T>) => Promise<T>;

/** The versions of a server as the tree shows them (deleted ones only when shown). */
export interface VersionsEntry {
  readonly responses: readonly ServerResponse[];
  readonly includeDeleted: boolean;
  readonly fetchedAt: number;
}

export interface StateOptions {
  pageSize?: number;
  now?: () => number;
  /** Look back this far on each incremental sync, for clock differences with the registry. Default 30 s. */
  syncOverlapMs?: number;
  /** The extension's store; a private one (never stale) when not given. */
  store?: RegistryStore;
}

/** The registry lists a server but answers its versions with 404 or none. */
export class VersionsMissingError extends Error {
  override readonly name = 'VersionsMissingError';
  constructor(readonly serverName: string) {
    super(`The registry lists ${serverName} but did not return its versions (404). Retry, or Refresh the registry.`);
  }
}

const compareNames = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function insertSorted(rows: ServerRow[], row: ServerRow): void {
  const at = rows.findIndex((existing) => compareNames(existing.name, row.name) > 0);
  if (at < 0) rows.push(row);
  else rows.splice(at, 0, row);
}

export class RegistryState {
  search: string | undefined;
  /** One latest row per server, in the registry's (name) order: only what the tree shows of each. */
  rows: ServerRow[] = [];
  nextCursor: string | undefined;
  listFetchedAt: number | undefined;
  listError: unknown;
  /** Servers in namespaces the identity may act on (first page of each namespace), or undefined when unknown. */
  mine: ServerRow[] | undefined;
  readonly versionErrors = new Map<string, unknown>();
  readonly store: RegistryStore;
  /** Versions read before this time do not answer the tree (its Refresh), though other views may still use them. */
  private versionsValidFrom = -Infinity;
  private readonly entries = new WeakMap<VersionsAnswer, Map<boolean, VersionsEntry>>();
  private listIncludesDeleted = false;
  private minePermissions: readonly Permission[] | undefined;
  private index: Map<string, ServerRow> | undefined;
  private syncedSince: Date | undefined;
  private readonly lastUpdate = new Map<string, number>();
  private readonly pageSize: number;
  private readonly now: () => number;
  private readonly overlapMs: number;

  constructor(
    readonly url: string,
    private readonly run: ClientRunner,
    options: StateOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 50;
    this.now = options.now ?? Date.now;
    this.overlapMs = options.syncOverlapMs ?? 30_000;
    this.store = options.store ?? new RegistryStore({ withClient: (_url, call) => run(call) }, { staleMs: () => Infinity, now: this.now });
  }

  /** The versions of a server the store holds, deleted ones only when `includeDeleted` (undefined when none or unreadable). */
  versions(name: string, includeDeleted: boolean): VersionsEntry | undefined {
    const answer = this.store.peek(this.url, name);
    const responses = responsesOf(answer);
    if (!answer || !responses) return undefined;
    let byMode = this.entries.get(answer);
    if (!byMode) this.entries.set(answer, (byMode = new Map()));
    let entry = byMode.get(includeDeleted);
    if (!entry) {
      const shown = includeDeleted ? responses : responses.filter((response) => officialMeta(response).status !== 'deleted');
      entry = { responses: shown, includeDeleted, fetchedAt: this.store.fetchedAt(this.url, name) ?? 0 };
      byMode.set(includeDeleted, entry);
    }
    return entry;
  }

  hasVersions(name: string): boolean {
    return this.versions(name, true) !== undefined;
  }

  get loaded(): boolean {
    return this.listFetchedAt !== undefined;
  }

  get complete(): boolean {
    return this.loaded && this.nextCursor === undefined;
  }

  isListStale(staleMs: number, includeDeleted: boolean): boolean {
    return this.listFetchedAt === undefined || this.listIncludesDeleted !== includeDeleted || this.now() - this.listFetchedAt > staleMs;
  }

  /** Whether the store's versions of a server answer the tree (deleted ones are always there, only hidden). */
  isVersionsFresh(name: string, staleMs: number, _includeDeleted?: boolean): boolean {
    const at = this.store.fetchedAt(this.url, name);
    return at !== undefined && at >= this.versionsValidFrom && this.now() - at <= staleMs && this.hasVersions(name) && this.store.peek(this.url, name)?.kind !== 'not-found';
  }

  row(name: string): ServerRow | undefined {
    if (!this.index) {
      this.index = new Map(this.rows.map((row) => [row.name, row]));
      for (const row of this.mine ?? []) this.index.set(row.name, row);
    }
    return this.index.get(name);
  }

  /** Drops everything fetched (refresh of the whole registry). */
  reset(): void {
    this.index = undefined;
    this.rows = [];
    this.nextCursor = undefined;
    this.listFetchedAt = undefined;
    this.listError = undefined;
    this.mine = undefined;
    this.minePermissions = undefined;
    this.versionsValidFrom = this.now();
    this.versionErrors.clear();
    this.syncedSince = undefined;
    this.lastUpdate.clear();
  }

  /** The first page of servers (and, when the identity is known, "my servers"), replacing what was loaded. */
  async loadFirstPage(includeDeleted: boolean, permissions: readonly Permission[] | undefined, signal?: AbortSignal): Promise<void> {
    const started = this.now();
    try {
      const [page, mine] = await Promise.all([
        this.run((client) => client.listServers(this.listParams(includeDeleted), { signal })),
        this.loadMine(includeDeleted, permissions, signal),
      ]);
      this.index = undefined;
      this.rows = page.servers.map(serverRow);
      this.nextCursor = page.servers.length > 0 ? page.metadata.nextCursor : undefined;
      this.mine = mine;
      this.minePermissions = mine ? permissions : undefined;
      this.listFetchedAt = this.now();
      this.listIncludesDeleted = includeDeleted;
      this.listError = undefined;
      this.syncedSince = new Date(started - this.overlapMs);
    } catch (error) {
      this.listError = error;
      throw error;
    }
  }

  /** Appends the next page; returns how many servers it added. */
  async loadMore(signal?: AbortSignal): Promise<number> {
    if (this.nextCursor === undefined) return 0;
    const page = await this.run((client) =>
      client.listServers({ ...this.listParams(this.listIncludesDeleted), cursor: this.nextCursor }, { signal }),
    );
    const known = new Set(this.rows.map((row) => row.name));
    const fresh = page.servers.filter((response) => !known.has(response.server.name)).map(serverRow);
    this.index = undefined;
    this.rows.push(...fresh);
    this.nextCursor = page.servers.length > 0 && page.metadata.nextCursor !== this.nextCursor ? page.metadata.nextCursor : undefined;
    return fresh.length;
  }

  /** All versions of one server with one request through the store; the server's row follows the registry's isLatest. */
  async loadVersions(name: string, includeDeleted: boolean, signal?: AbortSignal): Promise<readonly ServerResponse[]> {
    try {
      await this.store.versionsOrThrow(this.url, name, { fresh: true, signal });
      // The tree lists this server, so "no versions" (a 404 or an empty list) is the registry failing, not an answer.
      if (this.store.peek(this.url, name)?.kind === 'not-found') throw new VersionsMissingError(name);
      this.versionErrors.delete(name);
      this.showVersions(name, includeDeleted);
      return this.versions(name, includeDeleted)?.responses ?? [];
    } catch (error) {
      this.versionErrors.set(name, error);
      throw error;
    }
  }

  /** Latest rows whose name contains `text` (for pickers; the tree's pages are left alone). */
  async searchServers(text: string, signal?: AbortSignal): Promise<ServerResponse[]> {
    const page = await this.run((client) => client.listServers({ version: 'latest', limit: this.pageSize, search: text || undefined }, { signal }));
    return page.servers;
  }

  /** The versions of a server from the store when fresh for `staleMs`, else one request (for pickers and commands). */
  async fetchVersions(name: string, includeDeleted: boolean, signal?: AbortSignal, staleMs = 0): Promise<readonly ServerResponse[]> {
    await this.store.versionsOrThrow(this.url, name, { signal, maxAgeMs: staleMs });
    return this.versions(name, includeDeleted)?.responses ?? [];
  }

  /**
   * Follows the store's versions of a server (after a read or a write anywhere): the server's row moves
   * to the version the registry now flags latest.
   */
  showVersions(name: string, includeDeleted: boolean): void {
    const responses = this.versions(name, true)?.responses;
    // No versions is the registry failing for a server it lists: keep the row (expanding it shows the error).
    if (!responses || responses.length === 0) return;
    for (const response of responses) this.noteUpdate(name, officialMeta(response).updatedAt);
    const latest = responses.find((response) => officialMeta(response).isLatest);
    const visible = latest && (includeDeleted || officialMeta(latest).status !== 'deleted') ? latest : undefined;
    this.replaceRow(name, visible);
  }

  /**
   * Incremental refresh: rows changed since the last sync (`updated_since`), then one `/versions`
   * request per touched server that the tree shows, because moving `isLatest` does not bump
   * `updatedAt` of the other rows. Returns the names whose data changed.
   */
  async sync(includeDeleted: boolean, signal?: AbortSignal): Promise<string[]> {
    if (!this.loaded || this.syncedSince === undefined) return [];
    const started = this.now();
    const touched = new Map<string, string>();
    await this.run(async (client) => {
      for await (const response of client.iterateServers({ updatedSince: this.syncedSince, limit: 100 }, { signal })) {
        const name = response.server.name;
        if (this.search && !name.toLowerCase().includes(this.search.toLowerCase())) continue;
        const updatedAt = officialMeta(response).updatedAt;
        if (!(Date.parse(updatedAt) > (this.lastUpdate.get(name) ?? -Infinity))) continue;
        if (!this.isShown(name)) continue;
        const known = touched.get(name);
        if (known === undefined || Date.parse(updatedAt) > Date.parse(known)) touched.set(name, updatedAt);
      }
    });
    this.syncedSince = new Date(started - this.overlapMs);
    for (const [name, updatedAt] of touched) {
      await this.loadVersions(name, includeDeleted, signal);
      // Deleted rows are not in a list without them; remember their time so the overlap does not report them again.
      this.noteUpdate(name, updatedAt);
    }
    return [...touched.keys()];
  }

  private isShown(name: string): boolean {
    if (this.row(name) || this.hasVersions(name) || this.belongsInMine(name)) return true;
    const last = this.rows.at(-1)?.name;
    return this.complete || (last !== undefined && compareNames(name, last) < 0);
  }

  private noteUpdate(name: string, updatedAt: string): void {
    const at = Date.parse(updatedAt);
    if (Number.isFinite(at) && at > (this.lastUpdate.get(name) ?? -Infinity)) this.lastUpdate.set(name, at);
  }

  private replaceRow(name: string, response: ServerResponse | undefined): void {
    this.index = undefined;
    const index = this.rows.findIndex((row) => row.name === name);
    const inMine = this.mine?.findIndex((row) => row.name === name) ?? -1;
    if (response) {
      const latest = serverRow(response);
      if (index >= 0) this.rows[index] = latest;
      else if (inMine < 0 && this.belongsInLoadedRange(name)) insertSorted(this.rows, latest);
      if (inMine >= 0) this.mine![inMine] = latest;
      else if (this.belongsInMine(name)) insertSorted(this.mine!, latest);
    } else {
      if (index >= 0) this.rows.splice(index, 1);
      if (inMine >= 0) this.mine!.splice(inMine, 1);
    }
  }

  private belongsInLoadedRange(name: string): boolean {
    if (!this.loaded) return false;
    if (this.search && !name.toLowerCase().includes(this.search.toLowerCase())) return false;
    const last = this.rows.at(-1)?.name;
    return this.complete || (last !== undefined && compareNames(name, last) < 0);
  }

  private belongsInMine(name: string): boolean {
    if (!this.mine || !this.minePermissions) return false;
    if (this.search && !name.toLowerCase().includes(this.search.toLowerCase())) return false;
    return mayChangeStatus(this.minePermissions, name);
  }

  private listParams(includeDeleted: boolean) {
    return { version: 'latest', limit: this.pageSize, search: this.search, ...(includeDeleted ? { includeDeleted: true } : {}) };
  }

  private async loadMine(includeDeleted: boolean, permissions: readonly Permission[] | undefined, signal?: AbortSignal): Promise<ServerRow[] | undefined> {
    if (!permissions) return undefined;
    const prefixes = new Set<string>();
    for (const permission of permissions) {
      if (permission.resource === '*') return undefined;
      prefixes.add(permission.resource.replace(/\*$/, ''));
    }
    const found = new Map<string, ServerRow>();
    for (const prefix of prefixes) {
      const search = this.search && this.search.length > prefix.length ? this.search : prefix;
      const page = await this.run((client) =>
        client.listServers({ version: 'latest', limit: this.pageSize, search, ...(includeDeleted ? { includeDeleted: true } : {}) }, { signal }),
      );
      for (const row of page.servers) {
        const name = row.server.name;
        const matchesFilter = !this.search || name.toLowerCase().includes(this.search.toLowerCase());
        if (matchesFilter && mayChangeStatus(permissions, name)) found.set(name, serverRow(row));
      }
    }
    return [...found.values()].sort((a, b) => compareNames(a.name, b.name));
  }
}
