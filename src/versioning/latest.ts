/**
 * Which version the registry flags `isLatest` (internal/service/registry_service.go):
 * on publish, the new version becomes latest iff it ranks above the current latest row;
 * after any status change, latest is recomputed as the highest non-deleted version
 * (or the highest deleted one when every version is deleted).
 */
import { compareRegistryVersions, sortVersionsLikeRegistry, type VersionLike } from './order';

export type VersionStatus = 'active' | 'deprecated' | 'deleted';

export interface PublishedVersion extends VersionLike {
  readonly status?: VersionStatus | string;
  readonly isLatest?: boolean;
}

/**
 * The version the registry marks latest over this set of rows. Among versions that rank equal,
 * the most recently published wins (the registry walks versions newest-published first and only
 * replaces its pick with a strictly higher one). Undefined for an empty list.
 */
export function recomputeLatest<T extends PublishedVersion>(versions: readonly T[]): T | undefined {
  const live = versions.filter((version) => version.status !== 'deleted');
  return sortVersionsLikeRegistry(live.length > 0 ? live : versions)[0];
}

/** What becomes latest if `version` is given `status` (the UI's "X becomes latest" before a deprecate/delete/restore). */
export function latestAfterStatusChange<T extends PublishedVersion>(
  versions: readonly T[],
  version: string,
  status: VersionStatus,
): T | undefined {
  const changed = versions.map((row) => (row.version === version ? { ...row, status } : row));
  const winner = recomputeLatest(changed);
  return winner === undefined ? undefined : versions[changed.indexOf(winner)];
}

/** The row the registry currently holds as latest; when none is flagged, the one it would compute. */
export function currentLatest<T extends PublishedVersion>(existing: readonly T[]): T | undefined {
  return existing.find((row) => row.isLatest === true) ?? recomputeLatest(existing);
}

/**
 * Whether publishing `candidate` now makes it latest. Mirrors publish: the first version is always
 * latest; otherwise the candidate must rank strictly above the current latest row (the one with
 * `isLatest`; deprecated and deleted rows count). A candidate without `publishedAt` is "now".
 * If no row is flagged (partial or foreign data), the latest is computed from the rows instead.
 */
export function predictIsLatest(existing: readonly PublishedVersion[], candidate: VersionLike): boolean {
  const latest = currentLatest(existing);
  return latest === undefined || compareRegistryVersions(candidate, latest) > 0;
}
