// Live status of every environment: the version its endpoint reports, reachability, latency and drift
// against the registry. Refreshes of all environments run concurrently; polling runs only while the view
// is visible, each environment on its own timer that backs off while its endpoint is down.
import * as vscode from 'vscode';
import {
  computeDrift,
  lastVerifiedVersion,
  nextPollSeconds,
  previousEnvironment,
  probeEndpoint,
  type Drift,
  type EnvironmentConfig,
  type ProbeResult,
  type TransportKind,
} from './model';
import type { DeploymentHistory } from './historyStore';
import type { RegistryVersionsCache, RegistryView } from './registryLookup';
import type { HeaderSecrets } from './secrets';
import { displayUrl } from '../util/displayUrl';

export interface DeploymentActivity {
  readonly phase: 'confirming' | 'running' | 'verifying';
  readonly version: string;
}

export interface DeploymentOutcome {
  readonly ok: boolean;
  readonly version: string;
  readonly message: string;
  /** What the endpoint answered last, as it was (the row's tooltip). */
  readonly detail?: string;
}

export interface EnvironmentStatus {
  readonly config: EnvironmentConfig;
  checking: boolean;
  probe?: ProbeResult;
  checkedAt?: number;
  consecutiveFailures: number;
  registry?: RegistryView;
  drift: Drift[];
  missingSecrets: string[];
  activity?: DeploymentActivity;
  lastOutcome?: DeploymentOutcome;
  /** When the next check runs; undefined while none is scheduled (the view hidden). */
  nextCheckAt?: number;
}

export interface StatusStoreDeps {
  readonly environments: () => { environments: EnvironmentConfig[]; problems: string[] };
  readonly pollSeconds: () => number;
  readonly secrets: HeaderSecrets;
  readonly registry: RegistryVersionsCache;
  readonly history: DeploymentHistory;
  readonly log: vscode.LogOutputChannel;
  readonly probeTimeoutMs?: number;
}

export class EnvironmentStatusStore implements vscode.Disposable {
  private statuses = new Map<string, EnvironmentStatus>();
  private order: string[] = [];
  private problemLines: string[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly transports = new Map<string, TransportKind>();
  private readonly inflight = new Map<string, Promise<EnvironmentStatus | undefined>>();
  private visible = false;
  private disposed = false;
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires whenever any status, activity or the list of environments changes. */
  readonly onDidChange = this.emitter.event;

  private readonly registryChanges: { dispose(): void };

  constructor(private readonly deps: StatusStoreDeps) {
    this.reloadConfig();
    this.registryChanges = deps.registry.onDidChange((url, server) => this.registryChanged(url, server));
  }

  /** A read or a write of the store: environments of that server show it without asking again. */
  private registryChanged(registryUrl: string, serverName: string): void {
    let changed = false;
    for (const status of this.statuses.values()) {
      if (!status.registry || !this.deps.registry.concerns(status.config, registryUrl, serverName)) continue;
      const view = this.deps.registry.peek(status.config);
      if (!view || view === status.registry) continue;
      status.registry = view;
      changed = true;
    }
    if (!changed) return;
    this.recomputeDrift();
    this.emitter.fire();
  }

  get problems(): readonly string[] {
    return this.problemLines;
  }

  list(): EnvironmentStatus[] {
    return this.order.map((name) => this.statuses.get(name)).filter((s): s is EnvironmentStatus => s !== undefined);
  }

  get(name: string): EnvironmentStatus | undefined {
    return this.statuses.get(name);
  }

  /** The version an environment runs now: what its endpoint reported, else the last verified deployment. */
  liveVersion(name: string): string | undefined {
    const status = this.statuses.get(name);
    if (status?.probe?.ok) return status.probe.version;
    return lastVerifiedVersion(this.deps.history.all(), name);
  }

  /** Names of the environments whose endpoint reports `version` of `serverName` (for badges on version nodes). */
  environmentsRunning(serverName: string, version: string): string[] {
    // Asked once per version row (a server may have 10 000): no intermediate lists.
    const names: string[] = [];
    for (const name of this.order) {
      const s = this.statuses.get(name);
      if (s && s.config.server === serverName && s.probe?.ok && s.probe.version === version) names.push(s.config.name);
    }
    return names;
  }

  /** Re-reads the setting; keeps the status of environments whose definition did not change. */
  reloadConfig(): void {
    const { environments, problems } = this.deps.environments();
    this.problemLines = problems;
    for (const problem of problems) this.deps.log.warn(problem);
    const next = new Map<string, EnvironmentStatus>();
    for (const config of environments) {
      const old = this.statuses.get(config.name);
      const same = old && JSON.stringify(old.config) === JSON.stringify(config);
      next.set(config.name, same ? old : { config, checking: false, consecutiveFailures: 0, drift: [], missingSecrets: [] });
    }
    for (const name of this.statuses.keys()) if (!next.has(name)) this.clearTimer(name);
    this.statuses = next;
    this.order = environments.map((e) => e.name);
    this.emitter.fire();
    if (this.visible) void this.refreshAll();
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) void this.refreshAll();
    else for (const name of [...this.timers.keys()]) this.clearTimer(name);
  }

  /** Probes every environment at once, then recomputes drift (which compares neighbours). */
  async refreshAll(options: { freshRegistry?: boolean } = {}): Promise<void> {
    await Promise.all(this.order.map((name) => this.refresh(name, { ...options, skipNeighbours: true })));
    this.recomputeDrift();
    this.emitter.fire();
  }

  /** Probes one environment (a refresh already under way is shared). */
  refresh(name: string, options: { freshRegistry?: boolean; skipNeighbours?: boolean } = {}): Promise<EnvironmentStatus | undefined> {
    const running = this.inflight.get(name);
    if (running) return running;
    const promise = this.doRefresh(name, options).finally(() => this.inflight.delete(name));
    this.inflight.set(name, promise);
    return promise;
  }

  /** One probe without touching the stored status (deploy verification polls through this). */
  async probe(config: EnvironmentConfig, timeoutMs = this.deps.probeTimeoutMs): Promise<ProbeResult> {
    const { headers } = await this.deps.secrets.resolve(config);
    const result = await probeEndpoint(config.endpoint, { headers, timeoutMs, transport: this.transports.get(config.name), clientName: 'mcp-versions-vscode' });
    if (result.ok) this.transports.set(config.name, result.transport);
    return result;
  }

  /** Records a probe made elsewhere (e.g. during verification) as the environment's current status. */
  acceptProbe(name: string, result: ProbeResult): void {
    const status = this.statuses.get(name);
    if (!status) return;
    status.probe = result;
    status.checkedAt = Date.now();
    status.consecutiveFailures = result.ok ? 0 : status.consecutiveFailures + 1;
    this.recomputeDrift();
    this.emitter.fire();
  }

  setActivity(name: string, activity: DeploymentActivity | undefined): void {
    const status = this.statuses.get(name);
    if (!status) return;
    status.activity = activity;
    this.emitter.fire();
  }

  setOutcome(name: string, outcome: DeploymentOutcome | undefined): void {
    const status = this.statuses.get(name);
    if (!status) return;
    status.lastOutcome = outcome;
    this.emitter.fire();
  }

  private async doRefresh(name: string, options: { freshRegistry?: boolean; skipNeighbours?: boolean }): Promise<EnvironmentStatus | undefined> {
    const status = this.statuses.get(name);
    if (!status || this.disposed) return status;
    this.clearTimer(name);
    status.checking = true;
    this.emitter.fire();
    const config = status.config;
    try {
      const [{ missing }, probe, registry] = await Promise.all([
        this.deps.secrets.resolve(config),
        this.probe(config),
        this.deps.registry.versionsFor(config, options.freshRegistry),
      ]);
      if (this.statuses.get(name) !== status) return this.statuses.get(name);
      status.missingSecrets = missing;
      status.probe = probe;
      status.registry = registry;
      status.checkedAt = Date.now();
      status.consecutiveFailures = probe.ok ? 0 : status.consecutiveFailures + 1;
      const line = `${config.name}: ${displayUrl(config.endpoint)} ${probe.ok ? `${probe.version} (${probe.transport})` : `failed: ${probe.error}`} ${probe.latencyMs} ms`;
      if (probe.ok) this.deps.log.info(line);
      else this.deps.log.warn(line);
    } catch (error) {
      status.probe = { ok: false, error: error instanceof Error ? error.message : String(error), latencyMs: 0 };
      status.consecutiveFailures++;
    } finally {
      status.checking = false;
    }
    if (!options.skipNeighbours) {
      this.recomputeDrift();
      this.emitter.fire();
    }
    this.schedule(name);
    return status;
  }

  private recomputeDrift(): void {
    const configs = this.order.map((n) => this.statuses.get(n)!.config);
    for (const status of this.statuses.values()) {
      if (!status.probe?.ok) {
        status.drift = [];
        continue;
      }
      const previous = previousEnvironment(configs, status.config.name);
      const previousStatus = previous && previous.server === status.config.server ? this.statuses.get(previous.name) : undefined;
      status.drift = computeDrift({
        liveVersion: status.probe.version,
        registryVersions: status.registry?.versions,
        previous: previousStatus && { name: previousStatus.config.name, liveVersion: previousStatus.probe?.ok ? previousStatus.probe.version : undefined },
      });
    }
  }

  private schedule(name: string): void {
    const status = this.statuses.get(name);
    if (!status) return;
    if (!this.visible || this.disposed) {
      status.nextCheckAt = undefined;
      return;
    }
    const seconds = nextPollSeconds(this.deps.pollSeconds(), status.consecutiveFailures);
    status.nextCheckAt = Date.now() + seconds * 1000;
    this.timers.set(name, setTimeout(() => void this.refresh(name), seconds * 1000));
  }

  private clearTimer(name: string): void {
    const timer = this.timers.get(name);
    if (timer) clearTimeout(timer);
    this.timers.delete(name);
    const status = this.statuses.get(name);
    if (status) status.nextCheckAt = undefined;
  }

  dispose(): void {
    this.disposed = true;
    this.registryChanges.dispose();
    for (const name of [...this.timers.keys()]) this.clearTimer(name);
    this.emitter.dispose();
  }
}
