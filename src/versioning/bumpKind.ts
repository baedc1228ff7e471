import { compareDigitStrings, compareSemverPrecedence, parseRegistrySemver } from './goSemver';

export type BumpKind = 'major' | 'minor' | 'patch' | 'prerelease' | 'none' | 'downgrade' | 'not-semver';

/**
 * What kind of step `from` → `to` is by registry precedence: the highest core part that changed,
 * 'prerelease' when only the pre-release part changed upward (including "1.3.0-rc.1" → "1.3.0"),
 * 'none' for equal precedence ("1.0.0+a" → "1.0.0+b", "v1.0.0" → "1.0.0"), and 'downgrade' when
 * `to` ranks lower — which includes the registry-only metadata fix "1.2.3" → "1.2.3-1".
 */
export function bumpKind(from: string, to: string): BumpKind {
  const source = parseRegistrySemver(from);
  const target = parseRegistrySemver(to);
  if (!source || !target) return 'not-semver';
  const order = compareSemverPrecedence(target, source);
  if (order === 0) return 'none';
  if (order < 0) return 'downgrade';
  if (compareDigitStrings(target.major, source.major) !== 0) return 'major';
  if (compareDigitStrings(target.minor, source.minor) !== 0) return 'minor';
  if (compareDigitStrings(target.patch, source.patch) !== 0) return 'patch';
  return 'prerelease';
}
