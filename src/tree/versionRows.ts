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
    const channel = row.status === 'deleted' ? undefined : channelOf(row.version);
    if (channel !== undefined && !seen.has(channel)) {
      seen.add(channel);
      heads.set(row, channel);
    }
  }
  return ordered.map((row, i) => {
    const out: VersionRow = { ...row, channelHead: heads.get(row), previous: ordered[i + 1]?.version };
    return out;
  });
}

/** The `isLatest` row of a version list (undefined when none is flagged, e.g. deleted rows hidden). */
export function latestRow(responses: readonly ServerResponse[]): ServerResponse | undefined {
  return responses.find((response) => officialMeta(response).isLatest);
}
