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

type Building = { -readonly [K in keyof VersionRow]: VersionRow[K] };

export function toVersionRows(responses: readonly ServerResponse[]): VersionRow[] {
  // Each row is made once, in its final shape, and completed after ordering: a server may have 10 000.
  const rows = responses.map((response): Building => {
    const meta = officialMeta(response);
    return {
      response,
      version: response.server.version,
      publishedAt: meta.publishedAt,
      status: meta.status,
      statusMessage: meta.statusMessage,
      isLatest: meta.isLatest,
      channelHead: undefined,
      previous: undefined,
    };
  });
  const ordered = sortVersionsLikeRegistry(rows);
  // The newest non-deleted version of each pre-release channel: the first of it in registry order.
  const seen = new Set<string>();
  for (let i = 0; i < ordered.length; i++) {
    const row = ordered[i];
    row.previous = ordered[i + 1]?.version;
    // Only a version with a hyphen can be a pre-release: releases skip the parse.
    const channel = row.status === 'deleted' || !row.version.includes('-') ? undefined : channelOf(row.version);
    if (channel !== undefined && !seen.has(channel)) {
      seen.add(channel);
      row.channelHead = channel;
    }
  }
  return ordered;
}

/** The `isLatest` row of a version list (undefined when none is flagged, e.g. deleted rows hidden). */
export function latestRow(responses: readonly ServerResponse[]): ServerResponse | undefined {
  return responses.find((response) => officialMeta(response).isLatest);
}
