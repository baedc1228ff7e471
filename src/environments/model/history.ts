// Deployment history: one record per deploy, promote or roll back, kept in workspaceState and optionally
// appended as JSON lines to a workspace file (a team's audit trail in git).

import { auditLine, isDeployment, mergeAudit, parseAuditLines, type DeploymentRecord } from '../../store/model/audit';

export { isDeploymentRecord, type DeploymentKind, type DeploymentRecord, type DeploymentResult } from '../../store/model/audit';

/** The deployments of JSON-lines text (the audit trail's format); unreadable lines are skipped. */
export function parseHistoryLines(text: string): DeploymentRecord[] {
  return parseAuditLines(text).filter(isDeployment);
}

export const historyLine: (record: DeploymentRecord) => string = auditLine;

/** Union by id, oldest first. */
export function mergeHistories(...lists: readonly (readonly DeploymentRecord[])[]): DeploymentRecord[] {
  return mergeAudit(...lists);
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
