/**
 * Semantic versions as the official MCP registry understands them.
 *
 * The registry (internal/service/versioning.go) validates and compares with Go's
 * golang.org/x/mod/semver after adding a leading "v" when the string does not start with one,
 * and additionally requires the full MAJOR.MINOR.PATCH form (x/mod also accepts "v1" and "v1.2").
 * This module reimplements that behaviour; npm `semver` differs (it trims whitespace, accepts
 * "=1.0.0", limits numbers to Number.MAX_SAFE_INTEGER, …) so it is not used here.
 */

export interface RegistrySemver {
  /** The string exactly as given. */
  readonly raw: string;
  /** True when `raw` starts with "v" (tolerated by the registry, but part of the stored string). */
  readonly vPrefix: boolean;
  /** Decimal digit strings without leading zeros; may exceed Number.MAX_SAFE_INTEGER. */
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** Dot-separated pre-release identifiers; empty for a release. */
  readonly prerelease: readonly string[];
  /** Build metadata identifiers (ignored for precedence). */
  readonly build: readonly string[];
}

const IDENTIFIER = /^[0-9A-Za-z-]+$/;
const DIGITS = /^[0-9]+$/;

function isNumericIdentifier(identifier: string): boolean {
  return DIGITS.test(identifier);
}

function hasLeadingZero(digits: string): boolean {
  return digits.length > 1 && digits[0] === '0';
}

/** Reads a decimal number at the start of `text` (x/mod `parseInt`): no sign, no leading zeros. */
function readNumber(text: string): { digits: string; rest: string } | undefined {
  let end = 0;
  while (end < text.length && text[end] >= '0' && text[end] <= '9') end++;
  if (end === 0) return undefined;
  const digits = text.slice(0, end);
  if (hasLeadingZero(digits)) return undefined;
  return { digits, rest: text.slice(end) };
}

function splitIdentifiers(text: string, allowLeadingZeros: boolean): string[] | undefined {
  const identifiers = text.split('.');
  for (const identifier of identifiers) {
    if (!IDENTIFIER.test(identifier)) return undefined;
    if (!allowLeadingZeros && isNumericIdentifier(identifier) && hasLeadingZero(identifier)) return undefined;
  }
  return identifiers;
}

/**
 * Parses a version the way the registry's IsSemanticVersion accepts it; `undefined` when the
 * registry would treat the string as non-semver (and order it by publish time instead).
 */
export function parseRegistrySemver(version: string): RegistrySemver | undefined {
  const vPrefix = version.startsWith('v');
  let rest = vPrefix ? version.slice(1) : version;
  const major = readNumber(rest);
  if (!major || !major.rest.startsWith('.')) return undefined;
  const minor = readNumber(major.rest.slice(1));
  if (!minor || !minor.rest.startsWith('.')) return undefined;
  const patch = readNumber(minor.rest.slice(1));
  if (!patch) return undefined;
  rest = patch.rest;

  let prerelease: string[] = [];
  if (rest.startsWith('-')) {
    const plus = rest.indexOf('+');
    const text = plus === -1 ? rest.slice(1) : rest.slice(1, plus);
    const parsed = splitIdentifiers(text, false);
    if (!parsed) return undefined;
    prerelease = parsed;
    rest = plus === -1 ? '' : rest.slice(plus);
  }
  let build: string[] = [];
  if (rest.startsWith('+')) {
    const parsed = splitIdentifiers(rest.slice(1), true);
    if (!parsed) return undefined;
    build = parsed;
    rest = '';
  }
  if (rest !== '') return undefined;
  return { raw: version, vPrefix, major: major.digits, minor: minor.digits, patch: patch.digits, prerelease, build };
}

/** Whether the registry treats `version` as semver (IsSemanticVersion: optional "v", exactly MAJOR.MINOR.PATCH). */
export function isRegistrySemver(version: string): boolean {
  return parseRegistrySemver(version) !== undefined;
}

/** Compares decimal digit strings of any length (x/mod `compareInt`: by length, then lexically). */
export function compareDigitStrings(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : 1;
}

function compareIdentifiers(a: string, b: string): number {
  if (a === b) return 0;
  const aNumeric = isNumericIdentifier(a);
  const bNumeric = isNumericIdentifier(b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  if (aNumeric) return compareDigitStrings(a, b);
  return a < b ? -1 : 1;
}

/** Semver 2.0.0 pre-release precedence; an empty list (a release) ranks above any pre-release. */
export function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) {
    if (a.length === b.length) return 0;
    return a.length === 0 ? 1 : -1;
  }
  const shared = Math.min(a.length, b.length);
  for (let i = 0; i < shared; i++) {
    const result = compareIdentifiers(a[i], b[i]);
    if (result !== 0) return result;
  }
  if (a.length === b.length) return 0;
  return a.length < b.length ? -1 : 1;
}

/** Precedence of two parsed versions (x/mod `Compare`): -1, 0 or 1; build metadata and "v" ignored. */
export function compareSemverPrecedence(a: RegistrySemver, b: RegistrySemver): number {
  return (
    compareDigitStrings(a.major, b.major) ||
    compareDigitStrings(a.minor, b.minor) ||
    compareDigitStrings(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

/** "MAJOR.MINOR.PATCH" without prefix, pre-release or build. */
export function coreOf(version: RegistrySemver): string {
  return `${version.major}.${version.minor}.${version.patch}`;
}

/** Formats a version from parts, with an optional "v" prefix. */
export function formatSemver(
  parts: { major: string; minor: string; patch: string; prerelease?: readonly string[] },
  vPrefix = false,
): string {
  const core = `${vPrefix ? 'v' : ''}${parts.major}.${parts.minor}.${parts.patch}`;
  return parts.prerelease && parts.prerelease.length > 0 ? `${core}-${parts.prerelease.join('.')}` : core;
}

/** Adds one to a decimal digit string, however long. */
export function incrementDigits(digits: string): string {
  return (BigInt(digits) + 1n).toString();
}

export function isNumericPrereleaseIdentifier(identifier: string): boolean {
  return isNumericIdentifier(identifier);
}
