// The audit trail: one record per write the extension makes to a registry (publish, status change)
// and per deployment (deploy, promote, roll back). Kept in the extension's state and, when
// mcpVersions.deployments.historyFile is set, appended to that file as JSON lines, each with a `kind`.
// Deployment records keep the shape the file had before registry writes were recorded, so older
// readers still read them and skip the lines they do not know. Pure: no `vscode`.

export type DeploymentKind = 'deploy' | 'promote' | 'rollback';
export type DeploymentResult = 'verified' | 'command-failed' | 'not-verified' | 'cancelled';

export interface DeploymentRecord {
  /** Unique, so the same record read from workspaceState and from the file counts once. */
  readonly id: string;
  readonly environment: string;
  readonly server: string;
  readonly kind: DeploymentKind;
  /** The version live before (undefined when none was known). */
  readonly from?: string;
  readonly to: string;
  /** `git config user.name` of the workspace, else the OS user. */
  readonly who: string;
  /** ISO time the deployment started. */
  readonly at: string;
  readonly result: DeploymentResult;
  /** Exit code, the version the endpoint reported instead, or why it was cancelled. */
  readonly detail?: string;
}

const DEPLOYMENT_KINDS: readonly DeploymentKind[] = ['deploy', 'promote', 'rollback'];
const RESULTS: readonly DeploymentResult[] = ['verified', 'command-failed', 'not-verified', 'cancelled'];

export function isDeploymentRecord(value: unknown): value is DeploymentRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  return (
    typeof r.id === 'string' &&
    typeof r.environment === 'string' &&
    typeof r.server === 'string' &&
    DEPLOYMENT_KINDS.includes(r.kind as DeploymentKind) &&
    optionalString(r.from) &&
    typeof r.to === 'string' &&
    typeof r.who === 'string' &&
    typeof r.at === 'string' &&
    !Number.isNaN(Date.parse(r.at)) &&
    RESULTS.includes(r.result as DeploymentResult) &&
    optionalString(r.detail)
  );
}

export type RegistryWriteKind = 'publish' | 'status';
export type RegistryWriteResult = 'ok' | 'failed';

export interface RegistryWriteRecord {
  /** Unique, so the same record read from the state and from the file counts once. */
  readonly id: string;
  readonly kind: RegistryWriteKind;
  /** Registry URL. */
  readonly registry: string;
  readonly server: string;
  /** The version written; undefined for a status change of all versions. */
  readonly version?: string;
  /** Publish: the version that was latest before; status change: the status before (when known). */
  readonly from?: string;
  /** Publish: the version; status change: the new status. */
  readonly to: string;
  /** The signed-in identity on that registry when known, else the local user. */
  readonly who: string;
  readonly at: string;
  readonly result: RegistryWriteResult;
  /** Status message, or why the write failed. */
  readonly detail?: string;
}

export type AuditRecord = DeploymentRecord | RegistryWriteRecord;

const WRITE_KINDS: readonly string[] = ['publish', 'status'];

export function isRegistryWriteRecord(value: unknown): value is RegistryWriteRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const optionalString = (v: unknown) => v === undefined || typeof v === 'string';
  return (
    typeof r.id === 'string' &&
    WRITE_KINDS.includes(r.kind as string) &&
    typeof r.registry === 'string' &&
    typeof r.server === 'string' &&
    optionalString(r.version) &&
    optionalString(r.from) &&
    typeof r.to === 'string' &&
    typeof r.who === 'string' &&
    typeof r.at === 'string' &&
    !Number.isNaN(Date.parse(r.at)) &&
    (r.result === 'ok' || r.result === 'failed') &&
    optionalString(r.detail)
  );
}

export function isAuditRecord(value: unknown): value is AuditRecord {
  return isDeploymentRecord(value) || isRegistryWriteRecord(value);
}

export function isDeployment(record: AuditRecord): record is DeploymentRecord {
  return !WRITE_KINDS.includes(record.kind);
}

/** Records from JSON-lines text; unreadable or unknown lines are skipped (a merge conflict must not lose the rest). */
export function parseAuditLines(text: string): AuditRecord[] {
  const out: AuditRecord[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    try {
      const value: unknown = JSON.parse(line);
      if (isAuditRecord(value)) out.push(value);
    } catch {
      // not a record
    }
  }
  return out;
}

export function auditLine(record: AuditRecord): string {
  return JSON.stringify(record) + '\n';
}

/** Union by id, oldest first. */
export function mergeAudit<R extends { readonly id: string; readonly at: string } = AuditRecord>(...lists: readonly (readonly R[])[]): R[] {
  const byId = new Map<string, R>();
  for (const list of lists) for (const r of list) if (!byId.has(r.id)) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** "publish io.github.a/b@1.2.0 on https://…: ok", for the log. */
export function describeWrite(record: RegistryWriteRecord): string {
  const subject = record.version ? `${record.server}@${record.version}` : `all versions of ${record.server}`;
  const what = record.kind === 'publish' ? `publish ${subject}` : `status of ${subject} → ${record.to}`;
  return `${what} on ${record.registry} by ${record.who}: ${record.result}${record.detail ? ` (${record.detail})` : ''}`;
}
