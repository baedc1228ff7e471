/** What the Bump Version picker shows: candidates, taken versions refused with the reason, impact in words (pure). */
import type { Bump } from '../../changes';
import { checkVersionString, suggestNextVersions, type VersionImpact, type VersionSuggestion } from '../../versioning';

export interface KnownVersion {
  readonly version: string;
  readonly status: string;
  readonly isLatest?: boolean;
  readonly publishedAt?: string;
}

/** What the target registry told us about the server. */
export type RegistryKnowledge =
  | {
      kind: 'found';
      registryName: string;
      versions: readonly KnownVersion[];
      latest?: string;
      /** The change impact from the latest published document to the workspace's. */
      impact?: { bump: Bump; reasons: readonly string[] };
    }
  | { kind: 'not-found'; registryName: string }
  | { kind: 'unreachable'; registryName: string; message: string }
  | { kind: 'no-registry' };

export interface PickerItem {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly detail: string;
  /** A codicon id. */
  readonly icon: string;
  /** The version it applies; absent for "Pre-release…" and "Custom…". */
  readonly version?: string;
  /** Why it cannot be accepted (the version is taken); absent when it can. */
  readonly refusal?: string;
  readonly recommended?: boolean;
}

export interface PickerView {
  readonly title: string;
  readonly placeholder: string;
  readonly items: readonly PickerItem[];
}

export const PRERELEASE_ITEM = 'prerelease…';
export const CUSTOM_ITEM = 'custom…';
export const PREID_CHOICES = ['beta', 'rc', 'alpha'] as const;

const IMPACT_OF_BUMP: Record<Bump, VersionImpact> = { major: 'breaking', minor: 'additive', patch: 'metadata', none: 'none' };
const KIND_WORDS: Record<VersionSuggestion['kind'], string> = {
  'as-is': 'publish as it is',
  release: 'release',
  patch: 'patch',
  minor: 'minor',
  major: 'major',
  prerelease: 'pre-release',
  'metadata-fix': 'registry metadata fix',
  first: 'first version',
};
const KIND_ICONS: Record<VersionSuggestion['kind'], string> = {
  'as-is': 'cloud-upload',
  release: 'tag',
  patch: 'arrow-small-up',
  minor: 'arrow-up',
  major: 'rocket',
  prerelease: 'beaker',
  'metadata-fix': 'wrench',
  first: 'tag',
};

export function existingVersions(knowledge: RegistryKnowledge): string[] {
  return knowledge.kind === 'found' ? knowledge.versions.map((v) => v.version) : [];
}

/**
 * The candidates for the next version, the workspace version first when it can be published as it is.
 * When the registry could not be asked, whether the workspace version is published is unknown, so it is left out.
 */
export function suggestionsFor(current: string, knowledge: RegistryKnowledge, preid?: string): VersionSuggestion[] {
  const found = knowledge.kind === 'found' ? knowledge : undefined;
  const known = knowledge.kind === 'found' || knowledge.kind === 'not-found';
  return suggestNextVersions({
    current,
    existing: existingVersions(knowledge),
    deleted: found?.versions.filter((v) => v.status === 'deleted').map((v) => v.version),
    impact: found?.impact ? IMPACT_OF_BUMP[found.impact.bump] : undefined,
    latest: found?.latest,
    preid,
  }).filter((suggestion) => known || suggestion.version !== current);
}

/** Why the registry refuses `version` for this server, or undefined when it is free (or unknown). */
export function takenReason(version: string, knowledge: RegistryKnowledge): string | undefined {
  if (knowledge.kind !== 'found') return undefined;
  const known = knowledge.versions.find((v) => v.version === version);
  if (!known) return undefined;
  if (known.status === 'deleted') {
    return `${version} was published and later deleted on ${knowledge.registryName}; a version string can never be reused, even after deletion.`;
  }
  const how = known.status === 'deprecated' ? 'is published (deprecated)' : 'is already published';
  return `${version} ${how} on ${knowledge.registryName}; the registry never accepts the same version twice.`;
}

/** The change impact since the latest published version, in words. */
export function impactInWords(knowledge: RegistryKnowledge): string | undefined {
  if (knowledge.kind !== 'found' || !knowledge.impact || !knowledge.latest) return undefined;
  const { bump, reasons } = knowledge.impact;
  if (bump === 'none' || reasons.length === 0) return `No changes to the server since ${knowledge.latest} (latest) besides the version.`;
  const shown = reasons.slice(0, 3).join('; ');
  const more = reasons.length > 3 ? ` (and ${reasons.length - 3} more)` : '';
  return `Since ${knowledge.latest} (latest): ${bump} change — ${shown}${more}.`;
}

/** The change impact in a few words, for the picker's placeholder (the reasons are in the recommended item's details). */
export function impactInBrief(knowledge: RegistryKnowledge): string | undefined {
  if (knowledge.kind !== 'found' || !knowledge.impact || !knowledge.latest) return undefined;
  const { bump, reasons } = knowledge.impact;
  if (bump === 'none' || reasons.length === 0) return `No changes since ${knowledge.latest} (latest) besides the version`;
  return `Since ${knowledge.latest} (latest): ${bump} change, ${reasons.length === 1 ? '1 reason' : `${reasons.length} reasons`} in the details`;
}

function registryStatus(knowledge: RegistryKnowledge): { title: string; placeholder?: string } {
  switch (knowledge.kind) {
    case 'unreachable':
      return { title: ` — ${knowledge.registryName} unreachable, taken versions unknown`, placeholder: `Could not reach ${knowledge.registryName} (${knowledge.message}); the suggestions cannot be checked against published versions.` };
    case 'no-registry':
      return { title: ' — no registry configured, taken versions unknown', placeholder: 'No registry is configured in mcpVersions.registries: the suggestions cannot be checked against published versions.' };
    case 'not-found':
      return { title: ` — not yet on ${knowledge.registryName}`, placeholder: `Nothing is published on ${knowledge.registryName} yet.` };
    default:
      return { title: ` on ${knowledge.registryName}` };
  }
}

export function buildVersionPicker(serverName: string, current: string, knowledge: RegistryKnowledge, suggestions: readonly VersionSuggestion[]): PickerView {
  const status = registryStatus(knowledge);
  const impact = impactInWords(knowledge);
  const items: PickerItem[] = suggestions.map((s) => {
    const refusal = takenReason(s.version, knowledge);
    const latest = knowledge.kind === 'found' || knowledge.kind === 'not-found' ? (s.becomesLatest ? 'becomes latest' : 'not latest') : undefined;
    const description = refusal
      ? `${KIND_WORDS[s.kind]} · taken`
      : [KIND_WORDS[s.kind], s.recommended ? 'recommended' : undefined, latest].filter(Boolean).join(' · ');
    const detail = refusal ?? (s.recommended && impact ? `${impact} ${s.reason}` : s.reason);
    return {
      id: `${s.kind}:${s.version}`,
      label: s.version,
      description,
      detail,
      icon: refusal ? 'error' : s.recommended ? 'star-full' : KIND_ICONS[s.kind],
      version: s.version,
      refusal,
      recommended: s.recommended,
    };
  });
  items.push(
    { id: PRERELEASE_ITEM, label: 'Pre-release…', description: PREID_CHOICES.join(', ') + ' or your own identifier', detail: 'Continues or starts a pre-release line such as 1.5.0-beta.1.', icon: 'beaker' },
    { id: CUSTOM_ITEM, label: 'Custom…', description: 'type any version', detail: 'Checked as you type against the registry rules and the versions already taken.', icon: 'edit' },
  );
  return {
    title: `Bump ${serverName} from ${current}${status.title}`,
    placeholder: status.placeholder ?? impactInBrief(knowledge) ?? 'Pick the next version',
    items,
  };
}

export interface InputCheck {
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** The message shown under the Custom… input as the user types; errors refuse the value. */
export function checkTypedVersion(value: string, current: string, knowledge: RegistryKnowledge): InputCheck | undefined {
  const check = checkVersionString(value);
  if (!check.ok) return { message: check.problems[0].message, severity: 'error' };
  if (value === current) return { message: `${value} is the current version of server.json.`, severity: 'error' };
  const taken = takenReason(value, knowledge);
  if (taken) return { message: taken, severity: 'error' };
  if (check.warnings.length > 0) return { message: check.warnings[0].message, severity: 'warning' };
  if (knowledge.kind === 'unreachable' || knowledge.kind === 'no-registry') return { message: 'The registry could not be asked: whether this version is taken is unknown.', severity: 'warning' };
  return undefined;
}
