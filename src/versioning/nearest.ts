/**
 * The nearest versions the registry accepts for a version string it refuses (a range, a wildcard, a
 * pre-release word with an "x" in it): what a quick fix offers in its place. Each one passes the
 * registry's rules, none is taken, none appears twice.
 *
 * "^1.2.0" → 1.2.0 · "1.0.0 - 2.0.0" → 1.0.0, 2.0.0 · "1.x" → 1.0.0 · "1.0.0-next" → 1.0.0-beta.1,
 * 1.0.0-rc.1 · "1.0.0-next.2" → 1.0.0-beta.2 · a taken one moves on to the next free version of its kind.
 */
import { incrementDigits } from './goSemver';
import { goTrimSpace } from './goStrings';
import { candidatesOf, endsOf } from './rangeEnds';
import { checkVersionString } from './versionString';

export interface NearestOptions {
  /** Versions that cannot be offered: the server's versions on the registry, deleted ones included. */
  readonly taken?: readonly string[];
  /** At most this many (default 3). */
  readonly limit?: number;
}

const MAX_STEPS = 1000;
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
