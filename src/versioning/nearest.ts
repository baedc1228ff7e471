/**
 * The nearest versions the registry accepts for a version string it refuses (a range, a wildcard, a
 * pre-release word with an "x" in it): what a quick fix offers in its place. Each one passes the
 * registry's rules, none is taken, none appears twice.
 *
 * "^1.2.0" → 1.2.0 · "1.0.0 - 2.0.0" → 1.0.0, 2.0.0 · "1.x" → 1.0.0 · "1.0.0-next" → 1.0.0-beta.1,
 * 1.0.0-rc.1 · "1.0.0-next.2" → 1.0.0-beta.2 · a taken one moves on to the next free version of its kind.
 */
import { incrementDigits, isNumericPrereleaseIdentifier } from './goSemver';
import { goTrimSpace } from './goStrings';
import { checkVersionString } from './versionString';

export interface NearestOptions {
  /** Versions that cannot be offered: the server's versions on the registry, deleted ones included. */
  readonly taken?: readonly string[];
  /** At most this many (default 3). */
  readonly limit?: number;
}

const MAX_STEPS = 1000;
const PART = '(?:[0-9]+|[xX*])';
const VERSION_LIKE = new RegExp(`^(v?)(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?((?:\\.[0-9]+)?)(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?$`);
/** Pre-release words that carry no "x": the registry reads any "x" as a wildcard. */
const CHANNELS = ['beta', 'rc'] as const;

/** The ends of a range written as comparators, a hyphen range or alternatives, without their operators. */
function endsOf(text: string): string[] {
  return text
    .split('||')
    .flatMap((alternative) => alternative.trim().split(/\s+-\s+/))
    .map((end) => end.trim().replace(/^(?:\^|~|>=|<=|>|<|=)\s*/, '').trim())
    .filter((end) => end !== '');
}

function isWildcard(part: string | undefined): boolean {
  return part === undefined || /^[xX*]$/.test(part);
}

/**
 * Pre-release identifiers without any "x": dropped when another word remains ("alpha.x" → "alpha.1"),
 * else replaced by each channel word ("next.2" → "beta.2", "rc.2"); ".1" is added when no number ends it.
 */
function prereleasesOf(prerelease: string): string[] {
  if (!/[xX*]/.test(prerelease)) return [prerelease];
  const kept = prerelease.split('.').filter((identifier) => !/[xX*]/.test(identifier));
  const numbered = (identifiers: string[]) => (isNumericPrereleaseIdentifier(identifiers[identifiers.length - 1] ?? '') ? identifiers : [...identifiers, '1']).join('.');
  if (kept.some((identifier) => !isNumericPrereleaseIdentifier(identifier))) return [numbered(kept)];
  return CHANNELS.map((channel) => numbered([channel, ...kept]));
}

/** Specific versions an end of a range (or a version with a wildcard) stands for, nearest first. */
function candidatesOf(end: string): string[] {
  const match = VERSION_LIKE.exec(end);
  if (!match) return [end];
  const [, v = '', major = '', minor, patch, fourth = '', prerelease, build] = match;
  const core = [major, minor, patch].map((part) => (isWildcard(part) ? '0' : part)).join('.');
  const suffix = build ? `+${build}` : '';
  const exact = `${v}${core}${fourth}`;
  if (prerelease === undefined) return [`${exact}${suffix}`];
  return prereleasesOf(prerelease).map((pre) => `${exact}-${pre}${suffix}`);
}

/** The next version of the same kind: the last number of a pre-release, else the patch, counted up. */
function nextOfKind(version: string): string | undefined {
  const match = /^(.*?)([0-9]+)((?:\+[0-9A-Za-z.-]+)?)$/.exec(version);
  if (!match) return undefined;
  const [, head = '', digits = '', build = ''] = match;
  return `${head}${incrementDigits(digits)}${build}`;
}

/** `version` itself when the registry accepts it and it is free, else the next free one of its kind. */
function freeFrom(version: string, taken: ReadonlySet<string>): string | undefined {
  let candidate: string | undefined = version;
  for (let i = 0; candidate !== undefined && i < MAX_STEPS; i++) {
    if (!checkVersionString(candidate).ok) return undefined;
    if (!taken.has(candidate)) return candidate;
    candidate = nextOfKind(candidate);
  }
  return undefined;
}

/** The nearest versions the registry accepts in place of `version`; empty when there is nothing to go on ("latest", ""). */
export function nearestValidVersions(version: string, options: NearestOptions = {}): string[] {
  const taken = new Set(options.taken ?? []);
  const limit = options.limit ?? 3;
  const out: string[] = [];
  const trimmed = goTrimSpace(version);
  if (trimmed === '' || trimmed.toLowerCase() === 'latest') return out;
  for (const end of endsOf(trimmed)) {
    for (const candidate of candidatesOf(end)) {
      const free = freeFrom(candidate, taken);
      if (free !== undefined && free !== version && !out.includes(free)) out.push(free);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
