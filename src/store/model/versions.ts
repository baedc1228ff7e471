// What the store knows about the versions of one server on one registry, and how a write's answer
// changes it. Pure: no `vscode`, no network. The latest flag follows the registry's rules
// (src/versioning/latest.ts).
import { OFFICIAL_META_KEY, officialMeta, RegistryError, type ServerResponse } from '../../registry';
import { recomputeLatest } from '../../versioning';

/** The versions of a server (deleted ones included), as the registry holds them. */
export type VersionsAnswer =
  | { readonly kind: 'found'; readonly responses: readonly ServerResponse[] }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'unreachable'; readonly error: unknown; readonly message: string };

export interface Entry<T> {
  readonly value: T;
  readonly fetchedAt: number;
}

/** Failures are kept this long, so views that ask again on every event do not hammer a registry that is down. */
export const UNREACHABLE_RETRY_MS = 30_000;

export function versionsKey(registryUrl: string, serverName: string): string {
  return `${registryUrl}\n${serverName}`;
}

/** Whether an entry can answer a read without a request. */
export function isFresh(entry: Entry<VersionsAnswer> | undefined, now: number, maxAgeMs: number): entry is Entry<VersionsAnswer> {
  if (!entry) return false;
  const age = now - entry.fetchedAt;
  return age >= 0 && age <= (entry.value.kind === 'unreachable' ? Math.min(maxAgeMs, UNREACHABLE_RETRY_MS) : maxAgeMs);
}

/** A read's outcome as an answer: a 404 means "not published", any other failure "unreachable". */
export function answerOf(result: { responses: readonly ServerResponse[] } | { error: unknown }): VersionsAnswer {
  if ('responses' in result) return result.responses.length === 0 ? { kind: 'not-found' } : { kind: 'found', responses: result.responses };
  const error = result.error;
  if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return { kind: 'not-found' };
  const message = error instanceof RegistryError ? (error.hint ? `${error.message} (${error.hint})` : error.message) : error instanceof Error ? error.message : String(error);
  return { kind: 'unreachable', error, message };
}

export function responsesOf(answer: VersionsAnswer | undefined): readonly ServerResponse[] | undefined {
  if (!answer) return undefined;
  return answer.kind === 'found' ? answer.responses : answer.kind === 'not-found' ? [] : undefined;
}

function withLatest(response: ServerResponse, isLatest: boolean): ServerResponse {
  const meta = officialMeta(response);
  if (meta.isLatest === isLatest) return response;
  return { ...response, _meta: { ...response._meta, [OFFICIAL_META_KEY]: { ...meta, isLatest } } };
}

/**
 * The list right after a publish: the registry flags the new row latest iff it outranks the old
 * latest, and then clears the old flag (no other row changes).
 */
export function mergePublished(before: readonly ServerResponse[], published: ServerResponse): ServerResponse[] {
  const becameLatest = officialMeta(published).isLatest;
  const others = before
    .filter((row) => row.server.version !== published.server.version)
    .map((row) => (becameLatest && officialMeta(row).isLatest ? withLatest(row, false) : row));
  return [published, ...others];
}

/**
 * The list right after a status change: the changed rows as the registry answered, and the latest
 * flag recomputed over all rows (the registry recomputes it after any status change).
 */
export function mergeStatusChange(before: readonly ServerResponse[], changed: readonly ServerResponse[]): ServerResponse[] {
  const byVersion = new Map(changed.map((row) => [row.server.version, row]));
  const merged = before.map((row) => byVersion.get(row.server.version) ?? row);
  for (const row of changed) if (!before.some((known) => known.server.version === row.server.version)) merged.push(row);
  const rows = merged.map((row) => ({ version: row.server.version, publishedAt: officialMeta(row).publishedAt, status: officialMeta(row).status }));
  const latest = recomputeLatest(rows);
  return merged.map((row, index) => withLatest(row, rows[index] === latest));
}
