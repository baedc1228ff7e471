/**
 * What the registry says about the version an entry runs: up to date, update available (newest
 * stable, or on a pre-release channel that channel's newest when higher), deprecated, deleted, not in
 * any registry, or unpinned (and what "latest" or the range resolves to today). Ordering follows
 * src/versioning, i.e. the registry's own CompareVersions.
 */
import maxSatisfying from 'semver/ranges/max-satisfying';
import validRange from 'semver/ranges/valid';
import { channelOf, compareRegistryVersions, currentLatest, sortVersionsLikeRegistry, type PublishedVersion } from '../versioning';
import { findRegistryPackage, registryPackageVersion, samePackageVersion, type RegistryPackageRef, type RegistryServerRef, type ServerMatch } from './identity';
import type { InstalledEntry, InstalledPackage } from './types';

/** One version of the matched server, as the registry lists it (with deleted ones: `include_deleted=true`). */
export interface RegistryVersionInfo extends PublishedVersion {
  readonly statusMessage?: string;
  readonly packages?: readonly RegistryPackageRef[];
}

/** How the installed registry version was found: VS Code's `version`, the package pin, or "a remote runs the latest". */
export type InstalledBasis = 'gallery' | 'package' | 'remote-latest';

export type UnpinnedReason = 'no-version' | 'range' | 'tag' | 'digest';

export type InstalledState<V extends RegistryVersionInfo = RegistryVersionInfo> =
  | { readonly kind: 'up-to-date'; readonly installed: V; readonly basis: InstalledBasis }
  | { readonly kind: 'update-available'; readonly installed: V; readonly update: V; readonly channel?: string; readonly basis: InstalledBasis }
  | { readonly kind: 'deprecated'; readonly installed: V; readonly message?: string; readonly update?: V; readonly basis: InstalledBasis }
  | { readonly kind: 'deleted'; readonly installed: V; readonly message?: string; readonly update?: V; readonly basis: InstalledBasis }
  /** Pinned to a version the registry does not list (never published there, or deleted and not fetched). */
  | { readonly kind: 'unknown-version'; readonly version: string; readonly latest?: V }
  /** Runs whatever the package manager resolves; `resolvesTo` is the registry version that is today (when we can tell). */
  | { readonly kind: 'unpinned'; readonly reason: UnpinnedReason; readonly versionSpec?: string; readonly resolvesTo?: V; readonly latest?: V }
  | { readonly kind: 'not-in-registry' };

/** The state of an installed registry version among all versions of its server. */
export function versionState<V extends RegistryVersionInfo>(installed: V, versions: readonly V[], basis: InstalledBasis): InstalledState<V> {
  const update = updateFor(installed, versions);
  const message = installed.statusMessage;
  if (installed.status === 'deleted') return { kind: 'deleted', installed, basis, ...(message ? { message } : {}), ...(update ? { update } : {}) };
  if (installed.status === 'deprecated') return { kind: 'deprecated', installed, basis, ...(message ? { message } : {}), ...(update ? { update } : {}) };
  if (!update) return { kind: 'up-to-date', installed, basis };
  const channel = channelOf(update.version);
  return { kind: 'update-available', installed, update, basis, ...(channel ? { channel } : {}) };
}

/**
 * The version to move to: the highest active version that is a release, or on the installed
 * version's pre-release channel; only if it ranks above the installed one. Deprecated and deleted
 * versions are never offered.
 */
export function updateFor<V extends RegistryVersionInfo>(installed: V, versions: readonly V[]): V | undefined {
  const channel = channelOf(installed.version);
  const candidates = versions.filter((version) => (version.status ?? 'active') === 'active'
    && version.version !== installed.version
    && (channelOf(version.version) === undefined || channelOf(version.version) === channel));
  const best = sortVersionsLikeRegistry(candidates)[0];
  return best && compareRegistryVersions(best, installed) > 0 ? best : undefined;
}

/** The state of an installed entry, given the server it matched (or undefined) and that server's versions. */
export function installedState<V extends RegistryVersionInfo>(
  entry: InstalledEntry,
  match: ServerMatch<RegistryServerRef> | undefined,
  versions: readonly V[],
): InstalledState<V> {
  if (!match) return { kind: 'not-in-registry' };
  const latest = currentLatest(versions);
  const withLatest = latest ? { latest } : {};
  if (match.by === 'gallery' && entry.galleryVersion !== undefined) {
    const installed = versions.find((version) => version.version === entry.galleryVersion);
    return installed ? versionState(installed, versions, 'gallery') : { kind: 'unknown-version', version: entry.galleryVersion, ...withLatest };
  }
  const pkg = entry.package;
  if (pkg && match.package) {
    if (pkg.version !== undefined) {
      const installed = versionRunning(pkg, versions);
      return installed ? versionState(installed, versions, 'package') : { kind: 'unknown-version', version: pkg.version, ...withLatest };
    }
    const reason = unpinnedReason(pkg);
    const resolvesTo = resolveUnpinned(pkg, reason, versions, latest);
    return { kind: 'unpinned', reason, ...(pkg.versionSpec ? { versionSpec: pkg.versionSpec } : {}), ...(resolvesTo ? { resolvesTo } : {}), ...withLatest };
  }
  return latest ? versionState(latest, versions, 'remote-latest') : { kind: 'not-in-registry' };
}

/**
 * The registry version whose package is the pinned one. Several versions may carry the same package
 * (a metadata fix "1.2.3-1" of "1.2.3"): an active one wins over a deprecated one over a deleted one,
 * then the highest. When no version lists the package at that version, the server version equal to
 * the pin is taken (servers usually keep both in step).
 */
export function versionRunning<V extends RegistryVersionInfo>(installed: InstalledPackage, versions: readonly V[]): V | undefined {
  const pinned = installed.version;
  if (pinned === undefined) return undefined;
  const type = installed.registryType;
  const byPackage = versions.filter((version) => {
    const pkg = findRegistryPackage(installed, version.packages);
    const packageVersion = pkg && registryPackageVersion(pkg);
    return packageVersion !== undefined && samePackageVersion(type, packageVersion, pinned);
  });
  const candidates = byPackage.length > 0 ? byPackage : versions.filter((version) => samePackageVersion(type, version.version, pinned));
  const rank = (version: V) => (version.status === 'deleted' ? 2 : version.status === 'deprecated' ? 1 : 0);
  return sortVersionsLikeRegistry(candidates).sort((a, b) => rank(a) - rank(b))[0];
}

function unpinnedReason(pkg: InstalledPackage): UnpinnedReason {
  if (pkg.digest) return 'digest';
  if (pkg.versionSpec === undefined) return 'no-version';
  return /^[A-Za-z][\w.-]*$/.test(pkg.versionSpec) ? 'tag' : 'range';
}

function resolveUnpinned<V extends RegistryVersionInfo>(pkg: InstalledPackage, reason: UnpinnedReason, versions: readonly V[], latest: V | undefined): V | undefined {
  if (reason === 'no-version' || (reason === 'tag' && pkg.versionSpec === 'latest')) return latest;
  if (reason !== 'range' || pkg.registryType !== 'npm' || !pkg.versionSpec || validRange(pkg.versionSpec) === null) return undefined;
  const live = versions.filter((version) => version.status !== 'deleted');
  const packageVersionOf = (version: V) => {
    const found = findRegistryPackage(pkg, version.packages);
    return found && registryPackageVersion(found);
  };
  const best = maxSatisfying(live.map(packageVersionOf).filter((v): v is string => v !== undefined), pkg.versionSpec);
  return best === null ? undefined : sortVersionsLikeRegistry(live.filter((version) => packageVersionOf(version) === best))[0];
}
