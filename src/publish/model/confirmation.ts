// What the publish confirmation says: where it goes, whether it becomes latest (as the registry will
// decide), the package checks, the provenance attached, and that it cannot be undone. Pure: no `vscode`.
import * as l10n from '@vscode/l10n';
import { officialMeta, type ServerResponse } from '../../registry';
import { currentLatest, predictIsLatest } from '../../versioning';
import { ownershipVerdict, type OwnershipCheck } from '../ownership';
import type { Provenance } from './provenance';

export interface ConfirmationInput {
  readonly registry: { readonly name: string; readonly url: string };
  readonly serverName: string;
  readonly version: string;
  /** Every version the registry holds now (deleted ones included). */
  readonly existing: readonly ServerResponse[];
  readonly ownership: readonly OwnershipCheck[];
  readonly provenance?: Provenance;
  /** Why provenance was left out or trimmed, when it was. */
  readonly provenanceNote?: string;
  /** ISO time of the publish ("now"). */
  readonly now: string;
  /** Where the release notes were looked for (the CHANGELOG's file name), when no notes were found. */
  readonly notesMissing?: { readonly changelog?: string };
}

export interface Confirmation {
  readonly message: string;
  readonly detail: string;
  readonly action: string;
  /** Whether the registry will flag the new version latest. */
  readonly becomesLatest: boolean;
}

export function publishConfirmation(input: ConfirmationInput): Confirmation {
  const rows = input.existing.map((response) => ({ version: response.server.version, publishedAt: officialMeta(response).publishedAt, status: officialMeta(response).status, isLatest: officialMeta(response).isLatest }));
  const becomesLatest = predictIsLatest(rows, { version: input.version, publishedAt: input.now });
  const latestNow = rows.length > 0 ? currentLatest(rows) : undefined;
  const latestText = becomesLatest
    ? (latestNow ? l10n.t('It will become the latest version (instead of {0}).', latestNow.version) : l10n.t('It will become the latest version.'))
    : l10n.t('It will not be the latest version: {0} stays latest.', latestNow?.version ?? l10n.t('another version'));
  const provenance = input.provenance;
  const lines = [
    l10n.t('Registry: {0} ({1})', input.registry.name, input.registry.url),
    latestText,
    ...ownershipVerdict(input.registry.name, input.registry.url, input.ownership).lines,
    provenance ? l10n.t('Provenance attached: {0}.', [provenance.commit && l10n.t('commit {0}', provenance.commit.slice(0, 12)), provenance.tag && l10n.t('tag {0}', provenance.tag), provenance.notes && l10n.t('release notes'), l10n.t('checksum')].filter(Boolean).join(', ')) : undefined,
    input.provenanceNote,
    !input.notesMissing ? undefined : input.notesMissing.changelog
      ? l10n.t('No release notes: {0} has no section for {1}.', input.notesMissing.changelog, input.version)
      : l10n.t('No release notes: there is no CHANGELOG.md beside server.json or at the repository root.'),
    '',
    l10n.t('This cannot be undone: a published version can never be changed or removed. It can only be deprecated or deleted, and its version number stays taken.'),
  ].filter((line): line is string => line !== undefined);
  return { message: l10n.t('Publish {0} to {1}?', `${input.serverName}@${input.version}`, input.registry.name), detail: lines.join('\n'), action: l10n.t('Publish'), becomesLatest };
}
