// What a status change (deprecate, un-deprecate, delete, restore) says before and after: the
// confirmation's detail (latest afterwards, environments that run the version) and the outcome when the
// registry's answer was lost or refused. Pure: no `vscode`.
import * as l10n from '@vscode/l10n';
import type { ServerStatus } from '../../registry';
import { latestAfter, latestSentence } from '../latestSentence';
import type { VersionRow } from '../versionRows';

export interface ConfirmationInput {
  /** Every version of the server as the registry holds them. */
  readonly rows: readonly VersionRow[];
  /** The versions the change applies to. */
  readonly affected: readonly VersionRow[];
  readonly to: ServerStatus;
  /** The environments (Environments view) whose endpoint reports this version. */
  readonly runningIn: (version: string) => readonly string[];
}

/** The confirmation's detail: which version is latest afterwards, how to choose another, and which environments run what is changed. */
export function statusConfirmationDetail(input: ConfirmationInput): string {
  const { rows, affected, to } = input;
  const lines = [latestSentence(rows, affected, to)];
  const latest = rows.find((row) => row.isLatest);
  if (to === 'deprecated' && latest && affected.some((row) => row.version === latest.version)) {
    const instead = affected.length === 1 ? latestAfter(rows, [latest], 'deleted')?.version : undefined;
    lines.push(instead
      ? l10n.t('A deprecated version stays latest until a higher version is published (deleting {0} instead would make {1} latest).', latest.version, instead)
      : l10n.t('A deprecated version stays latest until a higher version is published.'));
  }
  if (to === 'deprecated' || to === 'deleted') {
    const running = affected.map((row) => ({ version: row.version, environments: input.runningIn(row.version) })).filter((r) => r.environments.length > 0);
    if (running.length > 0) {
      const where = running.map((r) => l10n.t('{0} runs in {1}', r.version, joinNames(r.environments))).join('; ');
      lines.push(to === 'deleted'
        ? l10n.t('{0} (Environments view): they keep running it, but it leaves the registry’s listings and cannot be installed from it; deploy another version there first.', where)
        : l10n.t('{0} (Environments view): they keep running it, but clients and installers are told it is deprecated; deploy another version there.', where));
    }
  }
  return lines.join('\n');
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : l10n.t('{0} and {1}', names.slice(0, -1).join(', '), names.at(-1)!);
}

export type StatusFailureOutcome = 'refused' | 'not-made' | 'unknown';

export interface FailureInput {
  /** "Deprecate", "Un-deprecate", "Delete", "Restore". */
  readonly verb: string;
  /** "io.example/x@1.0.0" or "all versions of io.example/x". */
  readonly subject: string;
  readonly registry: string;
  readonly outcome: StatusFailureOutcome;
  /** What failed (the registry error's message). */
  readonly reason: string;
  readonly hint?: string;
  /** The status the registry shows now, when the look-up found it. */
  readonly current?: ServerStatus;
  /** The HTTP status of a refusal. */
  readonly status?: number;
}

/** The error message: the action that failed, what happened, and whether the change was made. */
export function statusFailureMessage(input: FailureInput): string {
  const action = l10n.t('Could not {0} {1} on {2}', input.verb.toLowerCase(), input.subject, input.registry);
  const reason = sentence(input.reason);
  switch (input.outcome) {
    case 'refused':
      return `${action}: ${reason}${input.hint ? ` ${sentence(input.hint)}` : ''}`;
    case 'not-made':
      return input.current
        ? l10n.t('{0}: {1} The registry was asked afterwards: it still shows {2}. Retrying is safe.', action, reason, input.current)
        : l10n.t('{0}: {1} The registry was asked afterwards: nothing changed. Retrying is safe.', action, reason);
    case 'unknown':
      return l10n.t('{0}: {1} The registry could not be asked afterwards whether it made the change. Retrying is safe: a change already made is not made twice.', action, reason);
  }
}

/** Retry is offered when the change was not made (or may not have been), or the registry asked to wait. */
export function offersRetry(input: Pick<FailureInput, 'outcome' | 'status'>): boolean {
  if (input.outcome !== 'refused') return true;
  return input.status === 429;
}

/** The success message after a lost answer whose change the look-up found made. */
export function recoveredMessage(done: string, subject: string, registry: string): string {
  return l10n.t('{0} {1} on {2}: the connection was lost after sending, but the registry made the change.', done, subject, registry);
}

/** The message when the registry already had the status asked for (set elsewhere, or by an attempt whose answer was lost). */
export function alreadyMessage(subject: string, registry: string, status: ServerStatus): string {
  return l10n.t('{0} on {1} is already {2}: nothing changed.', subject, registry, status);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
