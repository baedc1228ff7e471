// What a status change (deprecate, un-deprecate, delete, restore) says before and after: the
// confirmation's detail (latest afterwards, environments that run the version) and the outcome when the
// registry's answer was lost or refused. Pure: no `vscode`.
import type { ServerStatus } from '../../registry';
import { latestSentence } from '../latestSentence';
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
    const instead = affected.length === 1 ? latestAfterDelete(rows, latest) : undefined;
    lines.push(`A deprecated version stays latest until a higher version is published${instead ? ` (deleting ${latest.version} instead would make ${instead} latest)` : ''}.`);
  }
  if (to === 'deprecated' || to === 'deleted') {
    const running = affected.map((row) => ({ version: row.version, environments: input.runningIn(row.version) })).filter((r) => r.environments.length > 0);
    if (running.length > 0) {
      const where = running.map((r) => `${r.version} runs in ${joinNames(r.environments)}`).join('; ');
      const effect =
        to === 'deleted'
          ? 'they keep running it, but it leaves the registry’s listings and cannot be installed from it; deploy another version there first'
          : 'they keep running it, but clients and installers are told it is deprecated; deploy another version there';
      lines.push(`${where} (Environments view): ${effect}.`);
    }
  }
  return lines.join('\n');
}

function latestAfterDelete(rows: readonly VersionRow[], latest: VersionRow): string | undefined {
  const sentence = latestSentence(rows, [latest], 'deleted');
  return /^(\S+) becomes latest/.exec(sentence)?.[1];
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
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
  const action = `Could not ${input.verb.toLowerCase()} ${input.subject} on ${input.registry}`;
  const reason = sentence(input.reason);
  switch (input.outcome) {
    case 'refused':
      return `${action}: ${reason}${input.hint ? ` ${sentence(input.hint)}` : ''}`;
    case 'not-made':
      return `${action}: ${reason} The registry was asked afterwards: ${input.current ? `it still shows ${input.current}` : 'nothing changed'}. Retrying is safe.`;
    case 'unknown':
      return `${action}: ${reason} The registry could not be asked afterwards whether it made the change. Retrying is safe: a change already made is not made twice.`;
  }
}

/** Retry is offered when the change was not made (or may not have been), or the registry asked to wait. */
export function offersRetry(input: Pick<FailureInput, 'outcome' | 'status'>): boolean {
  if (input.outcome !== 'refused') return true;
  return input.status === 429;
}

/** The success message after a lost answer whose change the look-up found made. */
export function recoveredMessage(done: string, subject: string, registry: string): string {
  return `${done} ${subject} on ${registry}: the connection was lost after sending, but the registry made the change.`;
}

/** The message when the registry already had the status asked for (set elsewhere, or by an attempt whose answer was lost). */
export function alreadyMessage(subject: string, registry: string, status: ServerStatus): string {
  return `${subject} on ${registry} is already ${status}: nothing changed.`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
