/**
 * How the registry orders versions (internal/service/versioning.go `CompareVersions`):
 * both semver → semver precedence; neither → publish time, later wins; mixed → the semver one wins.
 */
import { compareSemverPrecedence, parseRegistrySemver, type RegistrySemver } from './goSemver';

export interface VersionLike {
  readonly version: string;
  /** RFC 3339 publish time. Missing (or unreadable) means "being published now": later than any given time. */
  readonly publishedAt?: string;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Publish time in nanoseconds since the epoch (the registry compares Go time.Time values, which
 * keep nanoseconds), or undefined when missing or unreadable.
 */
export function publishTimeNanos(publishedAt: string | undefined): bigint | undefined {
  if (publishedAt === undefined) return undefined;
  const match = RFC3339.exec(publishedAt.trim());
  if (match) {
    const [, date, time, fraction = '', zone] = match;
    const wholeSeconds = Date.parse(`${date}T${time}${zone.toUpperCase()}`);
    if (Number.isNaN(wholeSeconds)) return undefined;
    const nanos = (fraction + '000000000').slice(0, 9);
    return BigInt(wholeSeconds) * 1_000_000n + BigInt(nanos);
  }
  const millis = Date.parse(publishedAt);
  return Number.isNaN(millis) ? undefined : BigInt(millis) * 1_000_000n;
}

/** Orders publish times; a missing time is "now", i.e. after every recorded time. */
export function comparePublishTimes(a: string | undefined, b: string | undefined): number {
  return compareNanos(publishTimeNanos(a), publishTimeNanos(b));
}

function compareNanos(aNanos: bigint | undefined, bNanos: bigint | undefined): number {
  if (aNanos === undefined || bNanos === undefined) {
    if (aNanos === bNanos) return 0;
    return aNanos === undefined ? 1 : -1;
  }
  if (aNanos === bNanos) return 0;
  return aNanos < bNanos ? -1 : 1;
}

/** Negative, zero or positive exactly as the registry ranks `a` against `b` when choosing latest. */
export function compareRegistryVersions(a: VersionLike, b: VersionLike): number {
  const aSemver = parseRegistrySemver(a.version);
  const bSemver = parseRegistrySemver(b.version);
  if (aSemver && bSemver) return compareSemverPrecedence(aSemver, bSemver);
  if (!aSemver && !bSemver) return comparePublishTimes(a.publishedAt, b.publishedAt);
  return aSemver ? 1 : -1;
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Highest first, as the tree shows versions. Versions the registry ranks equal (e.g. "1.0.0+a" and
 * "1.0.0+b") are ordered newest-published first, which is also the one the registry keeps as latest.
 */
export function sortVersionsLikeRegistry<T extends VersionLike>(versions: readonly T[]): T[] {
  // Each version is parsed once, not at every comparison, and its publish time only when a comparison
  // needs it (semver ties, non-semver versions): a server may have 10 000 versions.
  const keyed = versions.map((item) => new SortKey(item));
  keyed.sort((a, b) => {
    const byRank = a.semver && b.semver ? compareSemverPrecedence(b.semver, a.semver)
      : !a.semver && !b.semver ? compareNanos(b.time, a.time)
        : b.semver ? 1 : -1;
    return byRank || compareNanos(b.time, a.time) || compareStrings(b.item.version, a.item.version);
  });
  return keyed.map((entry) => entry.item);
}

class SortKey<T extends VersionLike> {
  readonly semver: RegistrySemver | undefined;
  private parsedTime: bigint | undefined | null = null;

  constructor(readonly item: T) {
    this.semver = parseRegistrySemver(item.version);
  }

  get time(): bigint | undefined {
    if (this.parsedTime === null) this.parsedTime = publishTimeNanos(this.item.publishedAt);
    return this.parsedTime;
  }
}

/**
 * The pre-release channel: the words of the first pre-release identifier ("beta" for
 * "1.2.0-beta.3" and "1.2.0-beta3", "rc" for "2.0.0-rc.1"). Undefined for releases, non-semver
 * versions and numeric-only pre-releases such as the metadata fix "1.2.3-1".
 */
export function channelOf(version: string): string | undefined {
  const semver = parseRegistrySemver(version);
  const first = semver?.prerelease[0];
  if (first === undefined) return undefined;
  const words = first.replace(/[-0-9]+$/, '');
  return words === '' ? undefined : words;
}

export interface ChannelHead<T> {
  /** The pre-release channel, or undefined for releases (and non-semver versions). */
  readonly channel: string | undefined;
  readonly newest: T;
}

/** The highest version of each channel, highest first. Filter out deleted versions beforehand if needed. */
export function newestPerChannel<T extends VersionLike>(versions: readonly T[]): ChannelHead<T>[] {
  const heads = new Map<string | undefined, T>();
  for (const version of sortVersionsLikeRegistry(versions)) {
    const channel = channelOf(version.version);
    if (!heads.has(channel)) heads.set(channel, version);
  }
  return [...heads].map(([channel, newest]) => ({ channel, newest }));
}
