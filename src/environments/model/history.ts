// Deployment history: one record per deploy, promote or roll back, kept in workspaceState and optionally
// appended as JSON lines to a workspace file (a team's audit trail in git).

import { isDeploymentRecord, type DeploymentRecord } from '../../store/model/audit';

export { isDeploymentRecord, type DeploymentKind, type DeploymentRecord, type DeploymentResult } from '../../store/model/audit';

/** Records from JSON-lines text; unreadable lines are skipped (a merge conflict must not lose the rest). */
export function parseHistoryLines(text: string): DeploymentRecord[] {
  const out: DeploymentRecord[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isDeploymentRecord(value)) out.push(value);
    } catch {
      // not a record
    }
  }
  return out;
}

export function historyLine(record: DeploymentRecord): string {
  return JSON.stringify(record) + '\n';
}

/** Union by id, oldest first. */
export function mergeHistories(...lists: readonly (readonly DeploymentRecord[])[]): DeploymentRecord[] {
  const byId = new Map<string, DeploymentRecord>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || compare(a.id, b.id));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The records of one environment, newest first. */
export function historyOf(records: readonly DeploymentRecord[], environment: string): DeploymentRecord[] {
  return records.filter((r) => r.environment === environment).reverse();
}

/** True when `version` was verified live on `environment` by a recorded deployment. */
export function wasVerifiedOn(records: readonly DeploymentRecord[], environment: string, version: string): boolean {
  return records.some((r) => r.environment === environment && r.to === version && r.result === 'verified');
}

/**
 * The version to roll back to: the one live before the last deployment of the environment
 * (whatever its result — a failed or unverified rollout is exactly what one rolls back).
 */
export function rollbackTarget(records: readonly DeploymentRecord[], environment: string): string | undefined {
  const last = historyOf(records, environment).find((r) => r.result !== 'cancelled' && r.from !== undefined && r.from !== r.to);
  return last?.from;
}

/** The version the history says is live (the last verified deployment), for when the endpoint is down. */
export function lastVerifiedVersion(records: readonly DeploymentRecord[], environment: string): string | undefined {
  return historyOf(records, environment).find((r) => r.result === 'verified')?.to;
}
