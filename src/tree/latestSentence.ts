// What the confirmation of a status change says about "latest" afterwards, as the registry will recompute it.
import type { ServerStatus } from '../registry';
import { latestAfterStatusChange, recomputeLatest } from '../versioning';
import type { VersionRow } from './versionRows';

/** "Latest stays 1.3.0." / "1.2.0 becomes latest (instead of 1.3.0)." as the registry will recompute it. */
export function latestSentence(rows: readonly VersionRow[], affected: readonly VersionRow[], to: ServerStatus): string {
  const current = rows.find((r) => r.isLatest);
  let after: VersionRow | undefined;
  if (affected.length === 1) after = latestAfterStatusChange(rows, affected[0].version, to);
  else {
    const names = new Set(affected.map((r) => r.version));
    const changed = rows.map((r) => (names.has(r.version) ? { ...r, status: to } : r));
    const winner = recomputeLatest(changed);
    after = winner ? rows[changed.indexOf(winner)] : undefined;
  }
  const count = affected.length === 1 ? '' : `${affected.length} versions change. `;
  if (!after) return `${count}No version will be latest.`;
  const allDeleted = rows.every((r) => (affected.includes(r) ? to : r.status) === 'deleted');
  const suffix = allDeleted ? ' Every version will be deleted, so the server disappears from listings.' : '';
  if (current && after.version === current.version) return `${count}Latest stays ${after.version}.${suffix}`;
  return `${count}${after.version} becomes latest${current ? ` (instead of ${current.version})` : ''}.${suffix}`;
}

