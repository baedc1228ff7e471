// Version rules of the official registry: Go golang.org/x/mod/semver precedence (leading `v` optional,
// exactly major.minor.patch), range-like strings rejected, CompareVersions for isLatest.

export interface ParsedSemver {
  major: string;
  minor: string;
  patch: string;
  prerelease: string[];
}

const NUMBER = /^(0|[1-9][0-9]*)$/;
const IDENT = /^[0-9A-Za-z-]+$/;

export function parseSemver(version: string): ParsedSemver | undefined {
  const v = version.startsWith('v') ? version.slice(1) : version;
  const plus = v.indexOf('+');
  const core = plus >= 0 ? v.slice(0, plus) : v;
  if (plus >= 0) {
    const build = v.slice(plus + 1).split('.');
    if (build.some((id) => !IDENT.test(id))) return undefined;
  }
  const dash = core.indexOf('-');
  const numbers = (dash >= 0 ? core.slice(0, dash) : core).split('.');
  if (numbers.length !== 3 || numbers.some((n) => !NUMBER.test(n))) return undefined;
  let prerelease: string[] = [];
  if (dash >= 0) {
    prerelease = core.slice(dash + 1).split('.');
    if (prerelease.some((id) => !IDENT.test(id) || (/^[0-9]+$/.test(id) && !NUMBER.test(id)))) return undefined;
  }
  return { major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease };
}

export function isSemanticVersion(version: string): boolean {
  return parseSemver(version) !== undefined;
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function comparePrerelease(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return a.length === b.length ? 0 : a.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    const xNum = /^[0-9]+$/.test(x);
    const yNum = /^[0-9]+$/.test(y);
    if (xNum && yNum) return compareNumeric(x, y);
    if (xNum !== yNum) return xNum ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** Semver precedence, build metadata ignored. Both arguments must be valid semver. */
export function compareSemver(a: ParsedSemver, b: ParsedSemver): number {
  return (
    compareNumeric(a.major, b.major) ||
    compareNumeric(a.minor, b.minor) ||
    compareNumeric(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

export interface VersionedRow {
  version: string;
  publishedAt: Date;
  /** Insertion order, breaks ties between equal publish times. */
  seq?: number;
}

/** > 0 when `a` should be latest over `b` (official CompareVersions). */
export function compareVersions(a: VersionedRow, b: VersionedRow): number {
  const sa = parseSemver(a.version);
  const sb = parseSemver(b.version);
  if (sa && sb) return compareSemver(sa, sb);
  if (sa) return 1;
  if (sb) return -1;
  const byTime = a.publishedAt.getTime() - b.publishedAt.getTime();
  if (byTime !== 0) return byTime;
  return (a.seq ?? 0) - (b.seq ?? 0);
}

/** The row that should carry isLatest: highest non-deleted, or highest deleted when all are deleted. */
export function pickLatest<T extends VersionedRow & { status: string }>(rows: readonly T[]): T | undefined {
  const live = rows.filter((r) => r.status !== 'deleted');
  const pool = live.length > 0 ? live : rows;
  let best: T | undefined;
  for (const row of pool) if (!best || compareVersions(row, best) > 0) best = row;
  return best;
}

// Same patterns as validators.go (RE2 `\s` = [\t\n\f\r ], `\d` = ASCII digits).
const S = '[\\t\\n\\f\\r ]';
const V = 'v?[0-9]+(?:\\.[0-9]+){0,3}(?:-[0-9A-Za-z.-]+)?';
const COMPARATOR_RANGE = new RegExp(`^${S}*(?:\\^|~|>=|<=|>|<|=)${S}*${V}${S}*$`);
const HYPHEN_RANGE = new RegExp(`^${S}*${V}${S}-${S}*${V}${S}*$`);
const OR_RANGE = new RegExp(`^${S}*(?:${V}${S}*)(?:\\|\\|${S}*${V}${S}*)+$`);
const DOTTED_VERSION_LIKE = new RegExp(`^${S}*(?:v?[0-9]+|x|X|\\*)(?:\\.(?:[0-9]+|x|X|\\*)){1,2}(?:-[0-9A-Za-z.-]+)?${S}*$`);
// Go strings.TrimSpace: Unicode White_Space (no BOM, unlike String.prototype.trim).
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]';
const GO_TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');

export function looksLikeVersionRange(version: string): boolean {
  const v = version.replace(GO_TRIM, '');
  if (v === '') return false;
  if (COMPARATOR_RANGE.test(v) || HYPHEN_RANGE.test(v) || OR_RANGE.test(v)) return true;
  return DOTTED_VERSION_LIKE.test(v) && /[xX*]/.test(v);
}

export const MAX_VERSION_LENGTH = 255;
