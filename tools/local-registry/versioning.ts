// Which version is latest, as the official registry decides it: the semver rules and range detection are
// the extension's own versioning core (src/versioning), shared so the two cannot drift apart; publish times
// and insertion order break ties the way the database does.
import { isRegistrySemver, parseRegistrySemver, compareSemverPrecedence } from '../../src/versioning';

export { looksLikeVersionRange, MAX_VERSION_LENGTH } from '../../src/versioning';
export const isSemanticVersion = isRegistrySemver;

export interface VersionedRow {
  version: string;
  publishedAt: Date;
  /** Insertion order, breaks ties between equal publish times. */
  seq?: number;
}

/** > 0 when `a` should be latest over `b` (official CompareVersions). */
export function compareVersions(a: VersionedRow, b: VersionedRow): number {
  const sa = parseRegistrySemver(a.version);
  const sb = parseRegistrySemver(b.version);
  if (sa && sb) return compareSemverPrecedence(sa, sb);
  if (sa) return 1;
  if (sb) return -1;
  const byTime = a.publishedAt.getTime() - b.publishedAt.getTime();
  if (byTime !== 0) return byTime;
  return (a.seq ?? 0) - (b.seq ?? 0);
}

/** The row that should carry isLatest: highest non-deleted, or highest deleted when all are deleted. */
export function pickLatest<T extends VersionedRow & { status: string }>(rows: readonly T[]): T | undefined {
  const live = rows.filter((r) => r.status !== 'deleted');
  const pool = live.length > 0 ? live : rows;
  let best: T | undefined;
  for (const row of pool) if (!best || compareVersions(row, best) > 0) best = row;
  return best;
}
