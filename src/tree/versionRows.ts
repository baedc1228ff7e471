// What the tree shows about each version of a server: registry order, latest, channel heads, status.
import { officialMeta, type ServerResponse, type ServerStatus } from '../registry';
import { channelOf, sortVersionsLikeRegistry } from '../versioning';

export interface VersionRow {
  readonly response: ServerResponse;
  readonly version: string;
  readonly publishedAt: string;
  readonly status: ServerStatus;
  readonly statusMessage?: string;
  readonly isLatest: boolean;
  /** The pre-release channel ("beta", "rc") when this is that channel's newest non-deleted version. */
  readonly channelHead?: string;
  /** The version just below this one in registry order (for "Compare with Previous"). */
  readonly previous?: string;
}

export function toVersionRows(responses: readonly ServerResponse[]): VersionRow[] {
  const plain = responses.map((response) => {
    const meta = officialMeta(response);
    return {
      response,
      version: response.server.version,
      publishedAt: meta.publishedAt,
      status: meta.status,
      statusMessage: meta.statusMessage,
      isLatest: meta.isLatest,
    };
  });
  const ordered = sortVersionsLikeRegistry(plain);
  // The newest non-deleted version of each pre-release channel: the first of it in registry order.
  const heads = new Map<(typeof plain)[number], string>();
  const seen = new Set<string>();
  for (const row of ordered) {
    // Only a version with a hyphen can be a pre-release: releases skip the parse.
    const channel = row.status === 'deleted' || !row.version.includes('-') ? undefined : channelOf(row.version);
    if (channel !== undefined && !seen.has(channel)) {
      seen.add(channel);
      heads.set(row, channel);
    }
  }
  // A literal, not a spread: spreading 10 000 rows costs more than ordering them.
  return ordered.map((row, i): VersionRow => ({
    response: row.response,
    version: row.version,
    publishedAt: row.publishedAt,
    status: row.status,
    statusMessage: row.statusMessage,
    isLatest: row.isLatest,
    channelHead: heads.get(row),
    previous: ordered[i + 1]?.version,
  }));
}

/** The `isLatest` row of a version list (undefined when none is flagged, e.g. deleted rows hidden). */
export function latestRow(responses: readonly ServerResponse[]): ServerResponse | undefined {
  return responses.find((response) => officialMeta(response).isLatest);
}
