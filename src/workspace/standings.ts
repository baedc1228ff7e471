// Keeps, per server.json, how its local version stands against the target registry, recomputed when
// the file, the target registry or the cached registry answers change.
import * as vscode from 'vscode';
import { normalizeRegistryUrl } from '../registries/url';
import type { PublishedVersionsCache } from './publishedVersions';
import type { WorkspaceRegistry } from './registryForWorkspace';
import type { ServerJsonFile, ServerJsonFiles } from './serverJsonFiles';
import { standingOf, type RegistryVersionRow, type Standing } from './standing';

export type StandingInfo =
  | { status: 'local-problem' }
  | { status: 'no-registry' }
  | { status: 'checking'; registry: string }
  | { status: 'unreachable'; registry: string; message: string }
  | { status: 'known'; registry: string; standing: Standing; rows: RegistryVersionRow[] };

export class Standings implements vscode.Disposable {
  private readonly infos = new Map<string, StandingInfo>();
  private readonly generations = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly files: ServerJsonFiles, private readonly registry: WorkspaceRegistry, private readonly cache: PublishedVersionsCache) {
    const cleared = cache.onDidClear(() => this.recomputeAll());
    const read = cache.onDidRead((url, name) => this.fromMemory(url, name));
    this.disposables = [
      { dispose: () => read.dispose() },
      files.onDidChange((uri) => (uri ? this.recompute(uri) : this.recomputeAll())),
      registry.onDidChange(() => this.recomputeAll()),
      { dispose: () => cleared.dispose() },
      this.changed,
    ];
  }

  get(uri: vscode.Uri): StandingInfo | undefined {
    return this.infos.get(uri.toString());
  }

  /** Resolves when no registry lookup is running. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  recomputeAll(): void {
    const known = new Set(this.files.all().map((file) => file.uri.toString()));
    for (const key of [...this.infos.keys()]) if (!known.has(key)) this.infos.delete(key);
    for (const file of this.files.all()) this.update(file);
    this.changed.fire(undefined);
  }

  /**
   * Another view read a server's versions (the Registry view's auto-refresh, the Environments view): the
   * files of that server follow what was read, from memory, without asking again.
   */
  private fromMemory(registryUrl: string, serverName: string): void {
    const target = this.registry.target();
    if (!target || normalizeRegistryUrl(target.client.baseUrl) !== registryUrl) return;
    for (const file of this.files.all()) {
      const { name, version, problem } = file.local;
      if (problem || name !== serverName || !version) continue;
      const lookup = this.cache.settled(target.client, name);
      if (!lookup || lookup.kind === 'unreachable') continue;
      const rows = lookup.kind === 'found' ? lookup.rows : [];
      const key = file.uri.toString();
      const previous = this.infos.get(key);
      if (previous?.status === 'known' && previous.rows === rows) continue;
      this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
      this.infos.set(key, { status: 'known', registry: target.name, standing: standingOf(version, rows), rows });
      this.changed.fire(file.uri);
    }
  }

  private recompute(uri: vscode.Uri): void {
    const file = this.files.get(uri);
    if (file) this.update(file);
    else this.infos.delete(uri.toString());
    this.changed.fire(uri);
  }

  private update(file: ServerJsonFile): void {
    const key = file.uri.toString();
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const { name, version, problem } = file.local;
    if (problem || !name || !version) {
      this.infos.set(key, { status: 'local-problem' });
      return;
    }
    const target = this.registry.target();
    if (!target) {
      this.infos.set(key, { status: 'no-registry' });
      return;
    }
    const previous = this.infos.get(key);
    if (previous?.status !== 'known' || previous.registry !== target.name) this.infos.set(key, { status: 'checking', registry: target.name });
    const job = this.cache.lookup(target.client, name).then((lookup) => {
      if (this.generations.get(key) !== generation) return;
      if (lookup.kind === 'unreachable') {
        this.infos.set(key, { status: 'unreachable', registry: target.name, message: lookup.message });
      } else {
        const rows = lookup.kind === 'found' ? lookup.rows : [];
        this.infos.set(key, { status: 'known', registry: target.name, standing: standingOf(version, rows), rows });
      }
      this.changed.fire(file.uri);
    });
    const tracked = job.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}
