// The audit trail kept across reloads in workspaceState and, when mcpVersions.deployments.historyFile
// is set, appended to that JSON-lines file (and read back from it, so a team shares one trail):
// every publish and status change the store makes and every deployment.
import { appendFile, mkdir, readFile, readlink, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { auditLine, describeWrite, isAuditRecord, isDeployment, isRegistryWriteRecord, mergeAudit, parseAuditLines, type AuditRecord } from './model';
import type { DeploymentRecord } from './model';
import { resolveHistoryFile, type HistoryPathResult } from './model/historyPath';

/** The key deployments were kept under before registry writes joined them (kept, so nothing is lost). */
export const HISTORY_STATE_KEY = 'mcpVersions.deployments';
const MAX_KEPT = 1000;

export class AuditTrail implements vscode.Disposable {
  private records: AuditRecord[] = [];
  private deploymentList: DeploymentRecord[] | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly state: vscode.Memento,
    private readonly file: () => vscode.Uri | undefined,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.records = this.fromState();
  }

  /** Oldest first. */
  all(): readonly AuditRecord[] {
    return this.records;
  }

  /** The deployments only (deploy, promote, roll back), oldest first. */
  deployments(): readonly DeploymentRecord[] {
    this.deploymentList ??= this.records.filter(isDeployment);
    return this.deploymentList;
  }

  /** Reads workspaceState and the history file again and merges them. */
  async reload(): Promise<void> {
    const fromFile = await this.readFile();
    const merged = mergeAudit(this.fromState(), fromFile, this.records);
    const changed = merged.length !== this.records.length;
    this.set(merged);
    if (changed) this.emitter.fire();
  }

  /** Persists the record (workspaceState, then the file); it shows in all() once stored. Records are written one at a time. */
  add(record: AuditRecord): Promise<void> {
    const done = this.writing.then(() => this.store(record));
    this.writing = done.catch(() => undefined);
    return done;
  }

  /**
   * The history file's real path when one is set: it must stay inside the (first) workspace folder once
   * symbolic links are followed. Undefined when no file is set.
   */
  async checkFile(): Promise<HistoryPathResult | undefined> {
    const uri = this.file();
    if (uri === undefined) return undefined;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (uri.scheme !== 'file' || folder?.scheme !== 'file') {
      return { ok: false, message: vscode.l10n.t('mcpVersions.deployments.historyFile needs a workspace folder on disk to live in.') };
    }
    return resolveHistoryFile(folder.fsPath, uri.fsPath, { realpath, readlink });
  }

  private async store(record: AuditRecord): Promise<void> {
    if (isRegistryWriteRecord(record)) this.log?.info(`Audit: ${describeWrite(record)}`);
    const next = mergeAudit(this.records, [record]);
    await this.state.update(HISTORY_STATE_KEY, next.slice(-MAX_KEPT));
    const file = await this.checkFile();
    if (file?.ok) {
      try {
        await mkdir(dirname(file.path), { recursive: true });
        await appendFile(file.path, auditLine(record), 'utf8');
      } catch (error) {
        this.log?.warn(`could not append to the history file ${file.path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (file) {
      this.log?.error(`${file.message} Nothing was written to it.`);
    }
    this.set(mergeAudit(this.records, [record]));
    this.emitter.fire();
  }

  private set(records: AuditRecord[]): void {
    this.records = records;
    this.deploymentList = undefined;
  }

  private fromState(): AuditRecord[] {
    const stored = this.state.get<unknown[]>(HISTORY_STATE_KEY) ?? [];
    return mergeAudit(Array.isArray(stored) ? stored.filter(isAuditRecord) : []);
  }

  private async readFile(): Promise<AuditRecord[]> {
    const file = await this.checkFile();
    if (!file?.ok) {
      if (file) this.log?.warn(file.message);
      return [];
    }
    try {
      return parseAuditLines(await readFile(file.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log?.warn(`could not read ${file.path}: ${String(error)}`);
      return [];
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
