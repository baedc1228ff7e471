// Deployment history kept across reloads in workspaceState and, when mcpVersions.deployments.historyFile
// is set, appended to that JSON-lines file (and read back from it, so a team shares one audit trail).
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { historyLine, isDeploymentRecord, mergeHistories, parseHistoryLines, type DeploymentRecord } from './model';

export const HISTORY_STATE_KEY = 'mcpVersions.deployments';
const MAX_KEPT = 1000;

export class DeploymentHistory implements vscode.Disposable {
  private records: DeploymentRecord[] = [];
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly state: vscode.Memento,
    private readonly file: () => vscode.Uri | undefined,
    private readonly log?: vscode.LogOutputChannel,
  ) {
    this.records = this.fromState();
  }

  /** Oldest first. */
  all(): readonly DeploymentRecord[] {
    return this.records;
  }

  /** Reads workspaceState and the history file again and merges them. */
  async reload(): Promise<void> {
    const fromFile = await this.readFile();
    const merged = mergeHistories(this.fromState(), fromFile, this.records);
    const changed = merged.length !== this.records.length;
    this.records = merged;
    if (changed) this.emitter.fire();
  }

  /** Persists the record (workspaceState, then the file); it shows in all() once stored. */
  async add(record: DeploymentRecord): Promise<void> {
    const next = mergeHistories(this.records, [record]);
    await this.state.update(HISTORY_STATE_KEY, next.slice(-MAX_KEPT));
    const uri = this.file();
    if (uri?.scheme === 'file') {
      try {
        await mkdir(dirname(uri.fsPath), { recursive: true });
        await appendFile(uri.fsPath, historyLine(record), 'utf8');
      } catch (error) {
        this.log?.warn(`could not append to the deployment history file ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.records = mergeHistories(this.records, [record]);
    this.emitter.fire();
  }

  private fromState(): DeploymentRecord[] {
    const stored = this.state.get<unknown[]>(HISTORY_STATE_KEY) ?? [];
    return mergeHistories(Array.isArray(stored) ? stored.filter(isDeploymentRecord) : []);
  }

  private async readFile(): Promise<DeploymentRecord[]> {
    const uri = this.file();
    if (uri?.scheme !== 'file') return [];
    try {
      return parseHistoryLines(await readFile(uri.fsPath, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log?.warn(`could not read ${uri.fsPath}: ${String(error)}`);
      return [];
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
