// What the confirmation of a status change says about "latest" afterwards, as the registry will recompute it.
import * as l10n from '@vscode/l10n';
import type { ServerStatus } from '../registry';
import { latestAfterStatusChange, recomputeLatest } from '../versioning';
import type { VersionRow } from './versionRows';

/** The version latest after `affected` take status `to`, as the registry will recompute it. */
export function latestAfter(rows: readonly VersionRow[], affected: readonly VersionRow[], to: ServerStatus): VersionRow | undefined {
  if (affected.length === 1) return latestAfterStatusChange(rows, affected[0].version, to);
  const names = new Set(affected.map((r) => r.version));
  const changed = rows.map((r) => (names.has(r.version) ? { ...r, status: to } : r));
  const winner = recomputeLatest(changed);
  return winner ? rows[changed.indexOf(winner)] : undefined;
}

/** "Latest stays 1.3.0." / "1.2.0 becomes latest (instead of 1.3.0)." as the registry will recompute it. */
export function latestSentence(rows: readonly VersionRow[], affected: readonly VersionRow[], to: ServerStatus): string {
  const current = rows.find((r) => r.isLatest);
  const after = latestAfter(rows, affected, to);
  const count = affected.length === 1 ? '' : `${l10n.t('{0} versions change.', affected.length)} `;
  if (!after) return `${count}${l10n.t('No version will be latest.')}`;
  const allDeleted = rows.every((r) => (affected.includes(r) ? to : r.status) === 'deleted');
  const suffix = allDeleted ? ` ${l10n.t('Every version will be deleted, so the server disappears from listings.')}` : '';
  if (current && after.version === current.version) return `${count}${l10n.t('Latest stays {0}.', after.version)}${suffix}`;
  const becomes = current ? l10n.t('{0} becomes latest (instead of {1}).', after.version, current.version) : l10n.t('{0} becomes latest.', after.version);
  return `${count}${becomes}${suffix}`;
}
