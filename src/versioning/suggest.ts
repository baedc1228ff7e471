/**
 * Next-version suggestions for a bump. Arithmetic is on digit strings/BigInt so versions beyond
 * Number.MAX_SAFE_INTEGER work; output keeps the project's "v" prefix when the base has one.
 *
 * What is offered is always publishable: never a version the registry refuses (range-like strings
 * such as "1.0.0-next.1", whose "x" the registry reads as a wildcard), never one already used by the
 * server (deleted ones included: the next free version of the same kind is offered instead), never
 * the same version twice.
 *
 * - An unpublished, valid workspace version is offered as it is, first ("as-is").
 * - Bumps count from the version the workspace is at when that is published, else from the latest
 *   published version, so an unpublished 1.4.0 above 1.3.2 is not bumped again to 1.5.0.
 * - A pre-release workspace version offers its release ("1.3.0-rc.1" → "1.3.0") once.
 * - A registry metadata fix ("1.2.3-1") exists only for a release the workspace is at and that is published.
 * - Pre-release numbering continues the highest existing number of the same line
 *   ("1.3.0-beta.2" → "1.3.0-beta.3"); a new line starts at ".0" when the project's existing
 *   pre-releases show a ".0" (e.g. "2.0.0-rc.0"), otherwise at ".1".
 */
import * as l10n from '@vscode/l10n';
import {
  compareSemverPrecedence,
  coreOf,
  formatSemver,
  incrementDigits,
  isNumericPrereleaseIdentifier,
  parseRegistrySemver,
  type RegistrySemver,
} from './goSemver';
import { bumpKind } from './bumpKind';
import { channelOf, compareRegistryVersions, sortVersionsLikeRegistry, type VersionLike } from './order';
import { checkVersionString } from './versionString';

export type VersionImpact = 'breaking' | 'additive' | 'metadata' | 'none';
export type SuggestionKind = 'as-is' | 'first' | 'release' | 'patch' | 'minor' | 'major' | 'prerelease' | 'metadata-fix';

export interface VersionSuggestion {
  readonly kind: SuggestionKind;
  readonly version: string;
  readonly reason: string;
  /** The candidate to pick: the workspace version when it can be published as it is, else the one matching the change's impact. */
  readonly recommended: boolean;
  /** Whether the registry would flag it latest if published now. */
  readonly becomesLatest: boolean;
}

export interface SuggestOptions {
  /** The workspace's current version. */
  readonly current?: string;
  /** Every version string of the server in the registry, deleted ones included: all of them are taken. */
  readonly existing: readonly string[];
  /** Those of `existing` that are deleted (taken, but no longer published). */
  readonly deleted?: readonly string[];
  readonly impact?: VersionImpact;
  /** Pre-release identifier such as "beta" or "rc"; defaults to the current channel when publishable, else "beta". */
  readonly preid?: string;
  /** The registry's current latest version (the isLatest row); without it, the highest published version is assumed. */
  readonly latest?: string | VersionLike;
}

type Core = { major: string; minor: string; patch: string };
type Step = 'major' | 'minor' | 'patch';

interface Draft {
  kind: SuggestionKind;
  version: string;
  reason: string;
}

const LONG_AGO = '1970-01-01T00:00:00Z';
const DEFAULT_PREID = 'beta';
const MAX_STEPS = 1000;
const STEP_OF_IMPACT: Record<VersionImpact, Step> = { breaking: 'major', additive: 'minor', metadata: 'patch', none: 'patch' };

/** Whether `preid` can follow "-" in a version the registry accepts ("next" cannot: its "x" reads as a wildcard). */
export function isValidPreid(preid: string): boolean {
  return preid !== '' && parseRegistrySemver(`0.0.0-${preid}`) !== undefined && checkVersionString(`1.0.0-${preid}.1`).ok;
}

/** Why `preid` cannot be used, in words, or undefined when it can. */
export function preidProblem(preid: string): string | undefined {
  if (preid === '' || parseRegistrySemver(`0.0.0-${preid}`) === undefined) return l10n.t('Letters, digits, hyphens and dots only, without leading zeros in numbers.');
  if (!checkVersionString(`1.0.0-${preid}.1`).ok) return l10n.t('The registry reads the "x" in "{0}" as a wildcard and refuses such versions; use another word (beta, rc, alpha).', preid);
  return undefined;
}

function sameCore(a: Core, b: Core): boolean {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}

function startsWith(parts: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((part, index) => parts[index] === part);
}

/** A numeric-only pre-release of a release in the pool ("1.2.3-1" next to "1.2.3") is a registry metadata fix. */
function isMetadataFixOf(version: RegistrySemver, pool: readonly RegistrySemver[]): boolean {
  return (
    version.prerelease.length === 1 &&
    isNumericPrereleaseIdentifier(version.prerelease[0]) &&
    pool.some((other) => other.prerelease.length === 0 && sameCore(other, version))
  );
}

function stepCore(core: Core, step: Step): Core {
  if (step === 'major') return { major: incrementDigits(core.major), minor: '0', patch: '0' };
  if (step === 'minor') return { major: core.major, minor: incrementDigits(core.minor), patch: '0' };
  return { major: core.major, minor: core.minor, patch: incrementDigits(core.patch) };
}

function releaseOf(version: RegistrySemver): string {
  return formatSemver({ major: version.major, minor: version.minor, patch: version.patch }, version.vPrefix);
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
  let highest: RegistrySemver | undefined;
  for (const version of pool) if (!highest || compareSemverPrecedence(version, highest) > 0) highest = version;
  return highest;
}

/** What the server stands at in the registry: its latest published semver version. */
function referenceOf(options: SuggestOptions, published: readonly RegistrySemver[], pool: readonly RegistrySemver[]): RegistrySemver | undefined {
  const latest = typeof options.latest === 'string' ? options.latest : options.latest?.version;
  return (latest === undefined ? undefined : parseRegistrySemver(latest)) ?? highestSemver(published) ?? highestSemver(pool);
}

class Drafts {
  readonly list: Draft[] = [];
  constructor(private readonly taken: ReadonlySet<string>) {}

  /** A version that may be offered: publishable, not taken, not offered yet. */
  free(version: string): boolean {
    return !this.taken.has(version) && !this.list.some((draft) => draft.version === version) && checkVersionString(version).ok;
  }

  add(draft: Draft): void {
    if (this.free(draft.version)) this.list.push(draft);
  }
}

function stepReason(step: Step): string {
  switch (step) {
    case 'patch': return l10n.t('Bug fixes only, same tools and arguments.');
    case 'minor': return l10n.t('New backward-compatible capabilities (tools, prompts, optional settings).');
    case 'major': return l10n.t('Breaking changes: removed or renamed tools, changed arguments or new required configuration.');
  }
}

function releasesReason(prerelease: string): string {
  return l10n.t('Releases the {0} pre-release line as final.', prerelease);
}

/** The next free version of one kind from `base`: its own release when `base` is a pre-release whose core fits, else the step, stepped again while taken. */
function stepDraft(base: RegistrySemver, step: Step, drafts: Drafts): Draft | undefined {
  const v = base.vPrefix;
  if (base.prerelease.length > 0) {
    const finalized = step === 'patch' || (step === 'minor' && base.patch === '0') || (step === 'major' && base.minor === '0' && base.patch === '0');
    const release = releaseOf(base);
    if (finalized && drafts.free(release)) return { kind: 'release', version: release, reason: releasesReason(base.raw) };
  }
  let core: Core = stepCore(base, step);
  for (let i = 0; i < MAX_STEPS; i++) {
    const version = formatSemver(core, v);
    if (drafts.free(version)) {
      const first = formatSemver(stepCore(base, step), v);
      const skipped = i === 0 ? '' : ` ${i > 1 ? l10n.t('{0} and later ones are already taken.', first) : l10n.t('{0} are already taken.', first)}`;
      return { kind: step, version, reason: stepReason(step) + skipped };
    }
    core = stepCore(core, step);
  }
  return undefined;
}

function preidFor(options: SuggestOptions, current: RegistrySemver | undefined, base: RegistrySemver): string {
  if (options.preid !== undefined) {
    const problem = preidProblem(options.preid);
    if (problem) throw new RangeError(l10n.t('"{0}" cannot be used as a pre-release identifier. {1}', options.preid, problem));
    return options.preid;
  }
  for (const version of [current, base]) {
    const channel = version ? channelOf(version.raw) : undefined;
    if (channel && isValidPreid(channel)) return channel;
  }
  return DEFAULT_PREID;
}

/** The next pre-release: continues the workspace's line, switches channel on its core, or starts a line on the core the impact implies. */
function prereleaseDraft(base: RegistrySemver, current: RegistrySemver | undefined, upcoming: RegistrySemver | undefined, pool: readonly RegistrySemver[], options: SuggestOptions): Draft {
  const preid = preidFor(options, current, base);
  const prefix = preid.split('.');
  const line = upcoming ?? base;
  const onLine = line.prerelease.length > 0 && !isMetadataFixOf(line, pool);
  const preCore: Core = upcoming || onLine ? { major: line.major, minor: line.minor, patch: line.patch } : stepCore(base, STEP_OF_IMPACT[options.impact ?? 'additive']);
  const continuing = onLine && startsWith(line.prerelease, prefix);
  const convention = conventionalStart(pool);
  const number = nextNumber(preCore, prefix, pool, convention.start);
  const version = formatSemver({ ...preCore, prerelease: [...prefix, number.toString()] }, base.vPrefix);
  const parsed = parseRegistrySemver(version);
  const below = parsed && compareSemverPrecedence(parsed, base) < 0 ? ` ${l10n.t('Note: it ranks below {0}.', base.raw)}` : '';
  return {
    kind: 'prerelease',
    version,
    reason: (continuing
      ? l10n.t('Next {0} pre-release of {1}.', preid, coreOf(line))
      : number === convention.start
        ? (convention.evidence
          ? l10n.t('Starts a {0} pre-release line for {1} (numbering from .0 like {2}).', preid, formatSemver(preCore), convention.evidence)
          : l10n.t('Starts a {0} pre-release line for {1} (numbering from .1).', preid, formatSemver(preCore)))
        : l10n.t('Continues the {0} pre-release line of {1}.', preid, formatSemver(preCore))) + below,
  };
}

function metadataFixDraft(release: RegistrySemver, pool: readonly RegistrySemver[]): Draft {
  const number = nextNumber(release, [], pool, 1n);
  const name = releaseOf(release);
  return {
    kind: 'metadata-fix',
    version: `${name}-${number}`,
    reason: l10n.t('Registry-only fix of the published {0} (description, links, package metadata) without a new release. It ranks below {0}, so it does not become latest while {0} is.', name),
  };
}

/** Whether stepping `from` → `to` admits a change of this impact (on 0.x, a minor step may break). */
function admits(from: RegistrySemver, to: string, impact: VersionImpact | undefined): boolean {
  const kind = bumpKind(from.raw, to);
  if (impact === 'breaking') return kind === 'major' || (from.major === '0' && kind === 'minor');
  if (impact === 'additive') return kind === 'major' || kind === 'minor';
  return true;
}

function latestReference(options: SuggestOptions, published: readonly string[]): VersionLike | undefined {
  if (typeof options.latest === 'string') return { version: options.latest, publishedAt: LONG_AGO };
  if (options.latest) return { version: options.latest.version, publishedAt: options.latest.publishedAt ?? LONG_AGO };
  return sortVersionsLikeRegistry(published.map((version) => ({ version, publishedAt: LONG_AGO })))[0];
}

function finish(draft: Draft, options: SuggestOptions, latest: VersionLike | undefined, recommended: string | undefined): VersionSuggestion {
  const becomesLatest = latest === undefined || compareRegistryVersions({ version: draft.version }, latest) > 0;
  let reason = draft.reason;
  const twin = parseRegistrySemver(draft.version) && options.existing.find(
    (other) => other !== draft.version && parseRegistrySemver(other) && compareRegistryVersions({ version: other }, { version: draft.version }) === 0,
  );
  if (twin) reason += ` ${l10n.t('{0} already exists with the same precedence (only the "v" or build metadata differs).', twin)}`;
  if (!becomesLatest && draft.kind !== 'metadata-fix' && latest) reason += ` ${l10n.t('It would not become latest: {0} ranks at least as high.', latest.version)}`;
  return { ...draft, reason, recommended: draft.version === recommended, becomesLatest };
}

/** Candidate next versions, each publishable and free, with the recommended one and latest predictions. */
export function suggestNextVersions(options: SuggestOptions): VersionSuggestion[] {
  const taken = new Set(options.existing);
  const deleted = new Set(options.deleted ?? []);
  const publishedStrings = options.existing.filter((version) => !deleted.has(version));
  const pool = options.existing.map(parseRegistrySemver).filter((parsed) => parsed !== undefined);
  const published = pool.filter((version) => !deleted.has(version.raw));
  const current = options.current === undefined ? undefined : parseRegistrySemver(options.current);
  const currentFree = options.current !== undefined && !taken.has(options.current) && checkVersionString(options.current).ok;
  const reference = referenceOf(options, published, pool);
  const nothingPublished = options.existing.length === 0;
  const drafts = new Drafts(taken);

  if (currentFree) {
    drafts.add(nothingPublished
      ? { kind: 'first', version: options.current!, reason: l10n.t('Nothing is published yet: publish the workspace version {0} as the first version.', options.current!) }
      : { kind: 'as-is', version: options.current!, reason: l10n.t('{0} is not published yet: publish the workspace version as it is.', options.current!) });
  }
  const base = current && (taken.has(current.raw) || !reference) ? current : reference;
  if (!base) {
    drafts.add(nothingPublished
      ? { kind: 'first', version: '1.0.0', reason: l10n.t('Nothing is published yet: 1.0.0 is the usual first version.') }
      : { kind: 'first', version: '1.0.0', reason: l10n.t('None of the published versions is semver. 1.0.0 starts semantic versioning; the registry ranks any semver version above non-semver ones, so it becomes latest.') });
    return drafts.list.map((draft) => finish(draft, options, latestReference(options, publishedStrings), drafts.list[0]?.version));
  }

  const lineage = current ? [...pool, current] : pool;
  const fix = isMetadataFixOf(base, lineage);
  // A pre-release the workspace holds, published or not, is released once as its own row.
  if (current && current.prerelease.length > 0 && !isMetadataFixOf(current, lineage) && base !== current) {
    drafts.add({ kind: 'release', version: releaseOf(current), reason: releasesReason(current.raw) });
  }
  const steps = new Map<Step, string>();
  for (const step of ['patch', 'minor', 'major'] as const) {
    const draft = stepDraft(fix ? { ...base, prerelease: [] } : base, step, drafts);
    if (draft) {
      drafts.add(draft);
      steps.set(step, draft.version);
    }
  }
  // The workspace is heading for an unpublished release above the registry's: pre-releases of that one.
  const upcoming = current && !taken.has(current.raw) && base !== current && compareSemverPrecedence(parseRegistrySemver(releaseOf(current))!, base) > 0 ? current : undefined;
  drafts.add(prereleaseDraft(base, current, upcoming, lineage, options));
  const publishedRelease = current && current.prerelease.length === 0 && published.some((v) => v.raw === current.raw) ? current
    : current && isMetadataFixOf(current, published) ? published.find((v) => v.prerelease.length === 0 && sameCore(v, current)) : undefined;
  if (publishedRelease) drafts.add(metadataFixDraft(publishedRelease, lineage));

  const latest = latestReference(options, publishedStrings);
  return drafts.list.map((draft) => finish(draft, options, latest, recommendedVersion(drafts.list, options, currentFree, reference, steps)));
}

function recommendedVersion(
  list: readonly Draft[],
  options: SuggestOptions,
  currentFree: boolean,
  reference: RegistrySemver | undefined,
  steps: ReadonlyMap<Step, string>,
): string | undefined {
  const impact = options.impact;
  const first = list.find((draft) => draft.kind === 'first');
  if (first) return first.version;
  if (currentFree && (!reference || admits(reference, options.current!, impact))) return options.current;
  const release = list.find((draft) => draft.kind === 'release');
  if (release && reference && impact !== undefined && impact !== 'none' && impact !== 'metadata' && admits(reference, release.version, impact)) return release.version;
  if (impact === undefined || impact === 'none') return undefined;
  if (impact === 'metadata') return list.find((draft) => draft.kind === 'metadata-fix')?.version ?? steps.get('patch');
  return steps.get(STEP_OF_IMPACT[impact]);
}
