/**
 * The specific versions a range-like string stands for, as the registry's version rules would have them:
 * the ends of a comparator, hyphen or "||" range without operators, wildcard parts as 0, and a pre-release
 * word with an "x" (which the registry reads as a wildcard) replaced. Used for the advice in messages and
 * for quick fixes; nothing here checks whether the result is accepted or free (see nearest.ts).
 */
import { isNumericPrereleaseIdentifier } from './goSemver';

const PART = '(?:[0-9]+|[xX*])';
const VERSION_LIKE = new RegExp(`^(v?)(${PART})(?:\\.(${PART}))?(?:\\.(${PART}))?((?:\\.[0-9]+)?)(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?$`);
/** Pre-release words that carry no "x": the registry reads any "x" as a wildcard. */
const CHANNELS = ['beta', 'rc'] as const;

/** The ends of a range written as comparators, a hyphen range or alternatives, without their operators. */
export function endsOf(text: string): string[] {
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
export function candidatesOf(end: string): string[] {
  const match = VERSION_LIKE.exec(end);
  if (!match) return [end];
  const [, v = '', major = '', minor, patch, fourth = '', prerelease, build] = match;
  const core = [major, minor, patch].map((part) => (isWildcard(part) ? '0' : part)).join('.');
  const suffix = build ? `+${build}` : '';
  const exact = `${v}${core}${fourth}`;
  if (prerelease === undefined) return [`${exact}${suffix}`];
  return prereleasesOf(prerelease).map((pre) => `${exact}-${pre}${suffix}`);
}
