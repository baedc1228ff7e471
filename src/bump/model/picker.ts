/** What the Bump Version picker shows: candidates, taken versions refused with the reason, impact in words (pure). */
import * as l10n from '@vscode/l10n';
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
/** The kind of a suggestion in words (translated when asked: the display language is known by then). */
function kindWords(kind: VersionSuggestion['kind']): string {
  switch (kind) {
    case 'as-is': return l10n.t('publish as it is');
    case 'release': return l10n.t('release');
    case 'patch': return l10n.t('patch');
    case 'minor': return l10n.t('minor');
    case 'major': return l10n.t('major');
    case 'prerelease': return l10n.t('pre-release');
    case 'metadata-fix': return l10n.t('registry metadata fix');
    case 'first': return l10n.t('first version');
  }
}
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
    return l10n.t('{0} was published and later deleted on {1}; a version string can never be reused, even after deletion.', version, knowledge.registryName);
  }
  return known.status === 'deprecated'
    ? l10n.t('{0} is published (deprecated) on {1}; the registry never accepts the same version twice.', version, knowledge.registryName)
    : l10n.t('{0} is already published on {1}; the registry never accepts the same version twice.', version, knowledge.registryName);
}

/** The change impact since the latest published version, in words. */
export function impactInWords(knowledge: RegistryKnowledge): string | undefined {
  if (knowledge.kind !== 'found' || !knowledge.impact || !knowledge.latest) return undefined;
  const { bump, reasons } = knowledge.impact;
  if (bump === 'none' || reasons.length === 0) return l10n.t('No changes to the server since {0} (latest) besides the version.', knowledge.latest);
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3
    ? l10n.t('Since {0} (latest): {1} change — {2} (and {3} more).', knowledge.latest, bump, shown, reasons.length - 3)
    : l10n.t('Since {0} (latest): {1} change — {2}.', knowledge.latest, bump, shown);
}

/** The change impact in a few words, for the picker's placeholder (the reasons are in the recommended item's details). */
export function impactInBrief(knowledge: RegistryKnowledge): string | undefined {
  if (knowledge.kind !== 'found' || !knowledge.impact || !knowledge.latest) return undefined;
  const { bump, reasons } = knowledge.impact;
  if (bump === 'none' || reasons.length === 0) return l10n.t('No changes since {0} (latest) besides the version', knowledge.latest);
  return reasons.length === 1
    ? l10n.t('Since {0} (latest): {1} change, 1 reason in the details', knowledge.latest, bump)
    : l10n.t('Since {0} (latest): {1} change, {2} reasons in the details', knowledge.latest, bump, reasons.length);
}

function registryStatus(serverName: string, current: string, knowledge: RegistryKnowledge): { title: string; placeholder?: string } {
  switch (knowledge.kind) {
    case 'unreachable':
      return {
        title: l10n.t('Bump {0} from {1} — {2} unreachable, taken versions unknown', serverName, current, knowledge.registryName),
        placeholder: l10n.t('Could not reach {0} ({1}); the suggestions cannot be checked against published versions.', knowledge.registryName, knowledge.message),
      };
    case 'no-registry':
      return {
        title: l10n.t('Bump {0} from {1} — no registry configured, taken versions unknown', serverName, current),
        placeholder: l10n.t('No registry is configured in mcpVersions.registries: the suggestions cannot be checked against published versions.'),
      };
    case 'not-found':
      return { title: l10n.t('Bump {0} from {1} — not yet on {2}', serverName, current, knowledge.registryName), placeholder: l10n.t('Nothing is published on {0} yet.', knowledge.registryName) };
    default:
      return { title: l10n.t('Bump {0} from {1} on {2}', serverName, current, knowledge.registryName) };
  }
}

export function buildVersionPicker(serverName: string, current: string, knowledge: RegistryKnowledge, suggestions: readonly VersionSuggestion[]): PickerView {
  const status = registryStatus(serverName, current, knowledge);
  const impact = impactInWords(knowledge);
  const items: PickerItem[] = suggestions.map((s) => {
    const refusal = takenReason(s.version, knowledge);
    const latest = knowledge.kind === 'found' || knowledge.kind === 'not-found' ? (s.becomesLatest ? l10n.t('becomes latest') : l10n.t('not latest')) : undefined;
    const description = refusal
      ? `${kindWords(s.kind)} · ${l10n.t('taken')}`
      : [kindWords(s.kind), s.recommended ? l10n.t('recommended') : undefined, latest].filter(Boolean).join(' · ');
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
    { id: PRERELEASE_ITEM, label: l10n.t('Pre-release…'), description: l10n.t('{0} or your own identifier', PREID_CHOICES.join(', ')), detail: l10n.t('Continues or starts a pre-release line such as 1.5.0-beta.1.'), icon: 'beaker' },
    { id: CUSTOM_ITEM, label: l10n.t('Custom…'), description: l10n.t('type any version'), detail: l10n.t('Checked as you type against the registry rules and the versions already taken.'), icon: 'edit' },
  );
  return {
    title: status.title,
    placeholder: status.placeholder ?? impactInBrief(knowledge) ?? l10n.t('Pick the next version'),
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
  if (value === current) return { message: l10n.t('{0} is the current version of server.json.', value), severity: 'error' };
  const taken = takenReason(value, knowledge);
  if (taken) return { message: taken, severity: 'error' };
  if (check.warnings.length > 0) return { message: check.warnings[0].message, severity: 'warning' };
  if (knowledge.kind === 'unreachable' || knowledge.kind === 'no-registry') return { message: l10n.t('The registry could not be asked: whether this version is taken is unknown.'), severity: 'warning' };
  return undefined;
}
