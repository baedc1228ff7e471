/**
 * Next-version suggestions for a bump. Arithmetic is on digit strings/BigInt so versions beyond
 * Number.MAX_SAFE_INTEGER work; output keeps the project's "v" prefix when the base has one.
 *
 * Pre-release numbering: continues the highest existing number of the same line
 * ("1.3.0-beta.2" → "1.3.0-beta.3"); a new line starts at ".0" when the project's existing
 * pre-releases show a ".0" (e.g. "2.0.0-rc.0"), otherwise at ".1".
 */
import {
  compareSemverPrecedence,
  coreOf,
  formatSemver,
  incrementDigits,
  isNumericPrereleaseIdentifier,
  parseRegistrySemver,
  type RegistrySemver,
} from './goSemver';
import { channelOf, compareRegistryVersions, sortVersionsLikeRegistry, type VersionLike } from './order';
import { checkVersionString } from './versionString';

export type VersionImpact = 'breaking' | 'additive' | 'metadata' | 'none';
export type SuggestionKind = 'patch' | 'minor' | 'major' | 'prerelease' | 'metadata-fix' | 'first';

export interface VersionSuggestion {
  readonly kind: SuggestionKind;
  readonly version: string;
  readonly reason: string;
  /** Already used by this server (published, deprecated or deleted): the registry refuses it. */
  readonly taken: boolean;
  readonly takenReason?: string;
  /** The candidate matching the change's impact. */
  readonly recommended: boolean;
  /** Whether the registry would flag it latest if published now. */
  readonly becomesLatest: boolean;
}

export interface SuggestOptions {
  /** The workspace's current version; suggestions are relative to it when it is semver. */
  readonly current?: string;
  /** Every version string of the server in the registry, deleted ones included. */
  readonly existing: readonly string[];
  readonly impact?: VersionImpact;
  /** Pre-release identifier such as "beta" or "rc"; defaults to the current channel, else "beta". */
  readonly preid?: string;
  /** The registry's current latest version (the isLatest row); without it, the highest of `existing` is assumed. */
  readonly latest?: string | VersionLike;
}

type Core = { major: string; minor: string; patch: string };

const LONG_AGO = '1970-01-01T00:00:00Z';
const RECOMMENDED_KIND: Record<VersionImpact, SuggestionKind | undefined> = {
  breaking: 'major',
  additive: 'minor',
  metadata: 'metadata-fix',
  none: undefined,
};

/** Whether `preid` can follow "-" in a registry semver version. */
export function isValidPreid(preid: string): boolean {
  return preid !== '' && parseRegistrySemver(`0.0.0-${preid}`) !== undefined;
}

function sameCore(a: Core, b: Core): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}

function startsWith(parts: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => parts[index] === part);
}

/** A numeric-only pre-release of a published release ("1.2.3-1" next to "1.2.3") is a registry metadata fix. */
function isMetadataFixOf(version: RegistrySemver, pool: readonly RegistrySemver[]): boolean {
  return (
    version.prerelease.length === 1 &&
    isNumericPrereleaseIdentifier(version.prerelease[0]) &&
    pool.some((other) => other.prerelease.length === 0 && sameCore(other, version))
  );
}

function bumpCore(base: RegistrySemver, kind: 'major' | 'minor' | 'patch', finalizes: boolean): Core {
  const { major, minor, patch } = base;
  if (kind === 'major') return finalizes && minor === '0' && patch === '0' ? { major, minor, patch } : { major: incrementDigits(major), minor: '0', patch: '0' };
  if (kind === 'minor') return finalizes && patch === '0' ? { major, minor, patch } : { major, minor: incrementDigits(minor), patch: '0' };
  return finalizes ? { major, minor, patch } : { major, minor, patch: incrementDigits(patch) };
}

/** Next number after the highest "<core>-<prefix>.<n>" in the pool, or `start` when the line is new. */
function nextNumber(core: Core, prefix: readonly string[], pool: readonly RegistrySemver[], start: bigint): bigint {
  let highest: bigint | undefined;
  for (const version of pool) {
    const last = version.prerelease[prefix.length];
    if (!sameCore(version, core) || version.prerelease.length !== prefix.length + 1) continue;
    if (!startsWith(version.prerelease, prefix) || !isNumericPrereleaseIdentifier(last)) continue;
    const value = BigInt(last);
    if (highest === undefined || value > highest) highest = value;
  }
  return highest === undefined ? start : highest + 1n;
}

function conventionalStart(pool: readonly RegistrySemver[]): { start: bigint; evidence?: string } {
  const zeroBased = pool.find((version) => {
    const parts = version.prerelease;
    return parts.length >= 2 && parts[parts.length - 1] === '0' && !isNumericPrereleaseIdentifier(parts[parts.length - 2]);
  });
  return zeroBased ? { start: 0n, evidence: zeroBased.raw } : { start: 1n };
}

function highestSemver(pool: readonly RegistrySemver[]): RegistrySemver | undefined {
  return [...pool].sort((a, b) => compareSemverPrecedence(b, a))[0];
}

interface Draft {
  kind: SuggestionKind;
  version: string;
  reason: string;
}

function firstVersionDraft(options: SuggestOptions): Draft {
  const { current, existing } = options;
  if (existing.length === 0 && current !== undefined && checkVersionString(current).ok) {
    return { kind: 'first', version: current, reason: `Nothing is published yet: publish the workspace version ${current} as the first version.` };
  }
  if (existing.length === 0) {
    return { kind: 'first', version: '1.0.0', reason: 'Nothing is published yet: 1.0.0 is the usual first version.' };
  }
  return {
    kind: 'first',
    version: '1.0.0',
    reason: 'None of the published versions is semver. 1.0.0 starts semantic versioning; the registry ranks any semver version above non-semver ones, so it becomes latest.',
  };
}

/** The next pre-release: continues `base`'s line, switches channel on its core, or starts a line on the core the impact implies. */
function prereleaseDraft(base: RegistrySemver, pool: readonly RegistrySemver[], options: SuggestOptions, finalizes: boolean): Draft {
  const v = base.vPrefix;
  const preid = options.preid ?? channelOf(base.raw) ?? 'beta';
  if (!isValidPreid(preid)) throw new RangeError(`"${preid}" cannot be used as a pre-release identifier (letters, digits, hyphens and dots only, no leading zeros in numbers).`);
  const prefix = preid.split('.');
  const continuing = finalizes && startsWith(base.prerelease, prefix);
  const preCore: Core = finalizes
    ? base
    : bumpCore(base, options.impact === 'breaking' ? 'major' : options.impact === 'metadata' || options.impact === 'none' ? 'patch' : 'minor', false);
  const convention = conventionalStart(pool);
  const number = nextNumber(preCore, prefix, pool, convention.start);
  const prerelease = formatSemver({ ...preCore, prerelease: [...prefix, number.toString()] }, v);
  const numbering = convention.evidence ? `numbering from .0 like ${convention.evidence}` : 'numbering from .1';
  const below = compareSemverPrecedence(parseRegistrySemver(prerelease) ?? base, base) < 0 ? ` Note: it ranks below ${base.raw}.` : '';
  return {
    kind: 'prerelease',
    version: prerelease,
    reason: (continuing
      ? `Next ${preid} pre-release of ${coreOf(base)}.`
      : number === convention.start
        ? `Starts a ${preid} pre-release line for ${formatSemver(preCore)} (${numbering}).`
        : `Continues the ${preid} pre-release line of ${formatSemver(preCore)}.`) + below,
  };
}

function bumpDrafts(base: RegistrySemver, pool: readonly RegistrySemver[], options: SuggestOptions): Draft[] {
  const v = base.vPrefix;
  const fix = isMetadataFixOf(base, pool);
  const finalizes = base.prerelease.length > 0 && !fix;
  const core = (kind: 'major' | 'minor' | 'patch'): { version: string; line: string } => {
    const next = bumpCore(base, kind, finalizes);
    const line = finalizes && sameCore(next, base) ? ` Releases the ${base.raw} pre-release line as final.` : '';
    return { version: formatSemver(next, v), line };
  };
  const patch = core('patch');
  const minor = core('minor');
  const major = core('major');
  const drafts: Draft[] = [
    { kind: 'patch', version: patch.version, reason: `Bug fixes only, same tools and arguments.${patch.line}` },
    { kind: 'minor', version: minor.version, reason: `New backward-compatible capabilities (tools, prompts, optional settings).${minor.line}` },
    { kind: 'major', version: major.version, reason: `Breaking changes: removed or renamed tools, changed arguments or new required configuration.${major.line}` },
  ];

  drafts.push(prereleaseDraft(base, pool, options, finalizes));

  if (base.prerelease.length === 0 || fix) {
    const fixNumber = nextNumber(base, [], pool, 1n);
    const release = formatSemver(base, v);
    drafts.push({
      kind: 'metadata-fix',
      version: formatSemver({ ...base, prerelease: [fixNumber.toString()] }, v),
      reason: `Registry-only fix of ${release} (description, links, package metadata) without a new release. It ranks below ${release}, so it does not become latest while ${release} is.`,
    });
  }
  return drafts;
}

function latestReference(options: SuggestOptions): VersionLike | undefined {
  if (typeof options.latest === 'string') return { version: options.latest, publishedAt: LONG_AGO };
  if (options.latest) return { version: options.latest.version, publishedAt: options.latest.publishedAt ?? LONG_AGO };
  return sortVersionsLikeRegistry(options.existing.map((version) => ({ version, publishedAt: LONG_AGO })))[0];
}

function finish(draft: Draft, options: SuggestOptions, recommendedKind: SuggestionKind | undefined): VersionSuggestion {
  const existing = new Set(options.existing);
  const taken = existing.has(draft.version);
  const latest = latestReference(options);
  const becomesLatest = latest === undefined || compareRegistryVersions({ version: draft.version }, latest) > 0;
  let reason = draft.reason;
  const twin = parseRegistrySemver(draft.version) && options.existing.find(
    (other) => other !== draft.version && parseRegistrySemver(other) && compareRegistryVersions({ version: other }, { version: draft.version }) === 0,
  );
  if (!taken && twin) reason += ` ${twin} already exists with the same precedence (only the "v" or build metadata differs).`;
  if (!taken && !becomesLatest && draft.kind !== 'metadata-fix' && latest) {
    reason += ` It would not become latest: ${latest.version} ranks at least as high.`;
  }
  return {
    ...draft,
    reason,
    taken,
    ...(taken
      ? { takenReason: `${draft.version} already exists for this server (published, deprecated or deleted); the registry never accepts the same version twice.` }
      : {}),
    recommended: draft.kind === recommendedKind,
    becomesLatest,
  };
}

/** Candidate next versions (first/patch/minor/major/prerelease/metadata-fix), with taken and latest predictions. */
export function suggestNextVersions(options: SuggestOptions): VersionSuggestion[] {
  const pool = options.existing.map(parseRegistrySemver).filter((parsed) => parsed !== undefined);
  const current = options.current === undefined ? undefined : parseRegistrySemver(options.current);
  const base = current ?? highestSemver(pool);
  if (!base) return [finish(firstVersionDraft(options), options, 'first')];

  const lineage = current ? [...pool, current] : pool;
  const drafts = bumpDrafts(base, lineage, options);
  if (!current && options.current !== undefined) {
    for (const draft of drafts) draft.reason += ` Based on ${base.raw}, the highest published semver version ("${options.current}" is not semver).`;
  }
  if (options.existing.length === 0) drafts.unshift(firstVersionDraft(options));
  let recommendedKind = options.impact === undefined ? undefined : RECOMMENDED_KIND[options.impact];
  if (recommendedKind === 'metadata-fix' && !drafts.some((draft) => draft.kind === 'metadata-fix')) recommendedKind = 'prerelease';
  if (options.existing.length === 0) recommendedKind = 'first';
  return drafts.map((draft) => finish(draft, options, recommendedKind));
}
