// The deployments of the audit trail (src/store/auditTrail.ts), as the Environments view reads them.
import type * as vscode from 'vscode';
import type { AuditTrail } from '../store/auditTrail';
import type { DeploymentRecord, HistoryPathResult } from './model';

export class DeploymentHistory {
  readonly onDidChange: vscode.Event<void>;

  constructor(private readonly trail: AuditTrail) {
    this.onDidChange = trail.onDidChange;
  }

  /** Oldest first. */
  all(): readonly DeploymentRecord[] {
    return this.trail.deployments();
  }

  reload(): Promise<void> {
    return this.trail.reload();
  }

  /** Whether the history file (when set) resolves inside the workspace folder; see AuditTrail.checkFile. */
  checkFile(): Promise<HistoryPathResult | undefined> {
    return this.trail.checkFile();
  }

  add(record: DeploymentRecord): Promise<void> {
    return this.trail.add(record);
  }
}
