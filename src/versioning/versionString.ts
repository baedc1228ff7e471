/**
 * What the registry refuses as a version string (internal/validators/validators.go `validateVersion`
 * and `looksLikeVersionRange`, plus the 255-character limit of the schema and database), and
 * advice about strings it accepts but that behave surprisingly.
 */
import * as l10n from '@vscode/l10n';
import { codePointLength, goTrimSpace } from './goStrings';
import { parseRegistrySemver } from './goSemver';
import { candidatesOf } from './rangeEnds';

export const MAX_VERSION_LENGTH = 255;

export interface VersionProblem {
  readonly code: string;
  readonly message: string;
}

export interface VersionCheck {
  /** False when the registry (or the schema) would refuse to publish this version. */
  readonly ok: boolean;
  /** Reasons the registry refuses the version; codes match the registry's where it has them. */
  readonly problems: VersionProblem[];
  /** Accepted by the registry, but likely not what the publisher wants. */
  readonly warnings: VersionProblem[];
}

// Go's regexp `\s` is [\t\n\f\r ] and `\d` is [0-9]; spelled out so JS Unicode classes don't leak in.
const SPACE = '[\\t\\n\\f\\r ]';
const NUMBERED = 'v?[0-9]+(?:\\.[0-9]+){0,3}(?:-[0-9A-Za-z.-]+)?';

const COMPARATOR_RANGE = new RegExp(`^${SPACE}*(?:\\^|~|>=|<=|>|<|=)${SPACE}*${NUMBERED}${SPACE}*$`);
const HYPHEN_RANGE = new RegExp(`^${SPACE}*${NUMBERED}${SPACE}-${SPACE}*${NUMBERED}${SPACE}*$`);
const OR_RANGE = new RegExp(`^${SPACE}*(?:${NUMBERED}${SPACE}*)(?:\\|\\|${SPACE}*${NUMBERED}${SPACE}*)+$`);
const DOTTED_VERSION_LIKE = new RegExp(
  `^${SPACE}*(?:v?[0-9]+|x|X|\\*)(?:\\.(?:[0-9]+|x|X|\\*)){1,2}(?:-[0-9A-Za-z.-]+)?${SPACE}*$`,
);

/**
 * The registry's range detector, quirks included: an "x", "X" or "*" anywhere in a dotted version
 * counts as a wildcard, so "1.0.0-next.1" is refused while "1.0.0-rc.1" is fine; space-separated
 * comparator sets such as ">=1.0.0 <2.0.0" are not detected and are accepted.
 */
export function looksLikeVersionRange(version: string): boolean {
  const trimmed = goTrimSpace(version);
  if (trimmed === '') return false;
  if (COMPARATOR_RANGE.test(trimmed) || HYPHEN_RANGE.test(trimmed) || OR_RANGE.test(trimmed)) return true;
  if (DOTTED_VERSION_LIKE.test(trimmed)) return /[xX*]/.test(trimmed);
  return false;
}

/** Only the exact lowercase string is reserved (it names the `/versions/latest` alias). */
export function isReservedVersion(version: string): boolean {
  return version === 'latest';
}

/** "1.0.0-next" → "1.0.0-beta.1", "1.0.0-next.2" → "1.0.0-beta.2": the same core, with a pre-release word the registry accepts (as the quick fix offers first). */
function wildcardFreeAlternative(version: string): string | undefined {
  if (!/^\s*v?\d+\.\d+\.\d+-/.test(version)) return undefined;
  const candidate = candidatesOf(goTrimSpace(version))[0];
  return candidate !== undefined && !looksLikeVersionRange(candidate) ? candidate : undefined;
}

function wildcardMessage(version: string, preidX: boolean, instead: string | undefined): string {
  if (preidX) {
    return instead
      ? l10n.t('The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "{0}" as a range (the "x" of a pre-release word such as "next" counts too); use {1} instead.', version, instead)
      : l10n.t('The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "{0}" as a range (the "x" of a pre-release word such as "next" counts too); use a specific version such as 1.0.0.', version);
  }
  return instead
    ? l10n.t('The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "{0}" as a range; use {1} instead.', version, instead)
    : l10n.t('The registry treats any x, X or * in a dotted version as a wildcard, so it refuses "{0}" as a range; use a specific version such as 1.0.0.', version);
}

function problemsOf(version: string): VersionProblem[] {
  const problems: VersionProblem[] = [];
  if (version === '') {
    problems.push({ code: 'version-empty', message: l10n.t('The version is empty. Enter a specific version such as 1.0.0.') });
    return problems;
  }
  const length = codePointLength(version);
  if (length > MAX_VERSION_LENGTH) {
    problems.push({
      code: 'version-too-long',
      message: l10n.t('The version is {0} characters long; the registry allows at most {1}.', length, MAX_VERSION_LENGTH),
    });
  }
  if (isReservedVersion(version)) {
    problems.push({
      code: 'reserved-version-string',
      message: l10n.t("The version string 'latest' is reserved and cannot be used: it names the registry's latest-version alias."),
    });
  } else if (looksLikeVersionRange(version)) {
    const wildcard = /[xX*]/.test(version) && DOTTED_VERSION_LIKE.test(goTrimSpace(version));
    const instead = wildcard ? wildcardFreeAlternative(version) : undefined;
    problems.push({
      code: 'version-looks-like-range',
      message: wildcard
        ? wildcardMessage(version, /-[^xX*]*[xX]/.test(version), instead)
        : l10n.t('The version must be a specific version, not a range: "{0}". Remove range operators such as ^, ~, >=, -, || and wildcards.', version),
    });
  }
  return problems;
}

function warningsOf(version: string): VersionProblem[] {
  const warnings: VersionProblem[] = [];
  if (version === '') return warnings;
  const trimmed = goTrimSpace(version);
  if (trimmed !== version) {
    warnings.push({
      code: 'version-has-whitespace',
      message: l10n.t('The version has leading or trailing whitespace. The registry stores it verbatim and does not treat it as semver.'),
    });
  }
  if (version !== 'latest' && version.toLowerCase() === 'latest') {
    warnings.push({
      code: 'version-resembles-latest',
      message: l10n.t('"{0}" is accepted (only lowercase "latest" is reserved) but is easily confused with the latest-version alias.', version),
    });
  }
  const semver = parseRegistrySemver(version);
  if (!semver) {
    if (trimmed !== '' && !looksLikeVersionRange(version) && version !== 'latest') {
      warnings.push({
        code: 'version-not-semver',
        message: l10n.t('"{0}" is not MAJOR.MINOR.PATCH semver. The registry orders it by publish time and ranks every semver version above it, so it never becomes latest while a semver version exists.', version),
      });
    }
    return warnings;
  }
  if (semver.vPrefix) {
    warnings.push({
      code: 'version-v-prefix',
      message: l10n.t('The registry compares "{0}" as semver, but stores the "v": "{0}" and "{1}" are different versions that sort equal.', version, version.slice(1)),
    });
  }
  if (semver.build.length > 0) {
    warnings.push({
      code: 'version-build-metadata',
      message: l10n.t('Build metadata (+…) is ignored when ordering versions: a version that differs from another only in build metadata never becomes latest over it.'),
    });
  }
  return warnings;
}

/** Checks a version string before publishing, as the registry would. */
export function checkVersionString(version: string): VersionCheck {
  const problems = problemsOf(version);
  return { ok: problems.length === 0, problems, warnings: warningsOf(version) };
}
