// Deployment history kept across reloads in workspaceState and, when mcpVersions.deployments.historyFile
// is set, appended to that JSON-lines file (and read back from it, so a team shares one audit trail).
import { appendFile, mkdir, readFile, readlink, realpath } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import { historyLine, isDeploymentRecord, mergeHistories, parseHistoryLines, resolveHistoryFile, type DeploymentRecord, type HistoryPathResult } from './model';

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

  /** Persists the record (workspaceState, then the file); it shows in all() once stored. */
  async add(record: DeploymentRecord): Promise<void> {
    const next = mergeHistories(this.records, [record]);
    await this.state.update(HISTORY_STATE_KEY, next.slice(-MAX_KEPT));
    const file = await this.checkFile();
    if (file?.ok) {
      try {
        await mkdir(dirname(file.path), { recursive: true });
        await appendFile(file.path, historyLine(record), 'utf8');
      } catch (error) {
        this.log?.warn(`could not append to the deployment history file ${file.path}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (file) {
      this.log?.error(`${file.message} Nothing was written to it.`);
    }
    this.records = mergeHistories(this.records, [record]);
    this.emitter.fire();
  }

  private fromState(): DeploymentRecord[] {
    const stored = this.state.get<unknown[]>(HISTORY_STATE_KEY) ?? [];
    return mergeHistories(Array.isArray(stored) ? stored.filter(isDeploymentRecord) : []);
  }

  private async readFile(): Promise<DeploymentRecord[]> {
    const file = await this.checkFile();
    if (!file?.ok) {
      if (file) this.log?.warn(file.message);
      return [];
    }
    try {
      return parseHistoryLines(await readFile(file.path, 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.log?.warn(`could not read ${file.path}: ${String(error)}`);
      return [];
    }
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
