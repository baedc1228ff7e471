// What the registry says about the versions of one server, reduced to what environments need.
import { compareRegistryVersions, sortVersionsLikeRegistry } from '../../versioning';
import { OFFICIAL_META_KEY, type ServerResponse, type ServerStatus } from '../../registry';

export interface RegistryVersionInfo {
  readonly version: string;
  readonly status: ServerStatus;
  readonly publishedAt?: string;
  readonly isLatest: boolean;
  readonly statusMessage?: string;
}

export function toVersionInfo(response: ServerResponse): RegistryVersionInfo {
  const meta = response._meta?.[OFFICIAL_META_KEY];
  return {
    version: response.server.version,
    status: meta?.status ?? 'active',
    publishedAt: meta?.publishedAt,
    isLatest: meta?.isLatest ?? false,
    statusMessage: meta?.statusMessage,
  };
}

/** The version the registry calls latest, or (when no row is marked) the highest non-deleted one. */
export function latestVersion(versions: readonly RegistryVersionInfo[]): RegistryVersionInfo | undefined {
  const marked = versions.find((v) => v.isLatest && v.status !== 'deleted');
  if (marked) return marked;
  return sortVersionsLikeRegistry(versions.filter((v) => v.status !== 'deleted'))[0];
}

/** True when `a` ranks below `b` the way the registry orders versions. */
export function isBehind(a: RegistryVersionInfo | { version: string; publishedAt?: string }, b: RegistryVersionInfo): boolean {
  return compareRegistryVersions(a, b) < 0;
}

/**
 * Candidates for "Deploy Version…": published, non-deleted versions first, ordered like the registry
 * (highest first), then deleted ones (shown but refused by the guards).
 */
export function deployCandidates(versions: readonly RegistryVersionInfo[]): RegistryVersionInfo[] {
  const sorted = sortVersionsLikeRegistry(versions);
  return [...sorted.filter((v) => v.status !== 'deleted'), ...sorted.filter((v) => v.status === 'deleted')];
}
