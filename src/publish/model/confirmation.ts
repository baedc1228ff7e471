// What the publish confirmation says: where it goes, whether it becomes latest (as the registry will
// decide), the package checks, the provenance attached, and that it cannot be undone. Pure: no `vscode`.
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
    ? `It will become the latest version${latestNow ? ` (instead of ${latestNow.version})` : ''}.`
    : `It will not be the latest version: ${latestNow?.version ?? 'another version'} stays latest.`;
  const provenance = input.provenance;
  const lines = [
    `Registry: ${input.registry.name} (${input.registry.url})`,
    latestText,
    ...ownershipVerdict(input.registry.name, input.registry.url, input.ownership).lines,
    provenance ? `Provenance attached: ${[provenance.commit && `commit ${provenance.commit.slice(0, 12)}`, provenance.tag && `tag ${provenance.tag}`, provenance.notes && 'release notes', 'checksum'].filter(Boolean).join(', ')}.` : undefined,
    input.provenanceNote,
    !input.notesMissing ? undefined : input.notesMissing.changelog
      ? `No release notes: ${input.notesMissing.changelog} has no section for ${input.version}.`
      : 'No release notes: there is no CHANGELOG.md beside server.json or at the repository root.',
    '',
    'This cannot be undone: a published version can never be changed or removed. It can only be deprecated or deleted, and its version number stays taken.',
  ].filter((line): line is string => line !== undefined);
  return { message: `Publish ${input.serverName}@${input.version} to ${input.registry.name}?`, detail: lines.join('\n'), action: 'Publish', becomesLatest };
}
