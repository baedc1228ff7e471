// The colour and 1–2 character badge of a version (or server) in the tree, keyed by its state.
// Pure: the FileDecorationProvider reads the state back from the node's `mcp-versions-status:` URI.

export interface StatusState {
  status?: 'active' | 'deprecated' | 'deleted' | string;
  latest?: boolean;
  channel?: string;
}

export interface StatusLook {
  badge?: string;
  /** A theme colour id. */
  color?: string;
  tooltip: string;
}

const CHANNEL_BADGES: Record<string, string> = { alpha: 'α', beta: 'β', rc: 'RC', preview: 'P', next: 'N', canary: 'C', dev: 'DV' };

export function channelBadge(channel: string): string {
  return CHANNEL_BADGES[channel.toLowerCase()] ?? channel.slice(0, 2).toUpperCase();
}

export function statusLook(state: StatusState): StatusLook | undefined {
  const parts: string[] = [];
  if (state.latest) parts.push('latest');
  if (state.channel) parts.push(`newest ${state.channel}`);
  if (state.status === 'deprecated' || state.status === 'deleted') parts.push(state.status);
  if (parts.length === 0) return undefined;
  let badge: string | undefined;
  if (state.status === 'deleted') badge = '✕';
  else if (state.latest) badge = 'L';
  else if (state.channel) badge = channelBadge(state.channel);
  else if (state.status === 'deprecated') badge = 'D';
  let color: string | undefined;
  if (state.status === 'deleted') color = 'list.errorForeground';
  else if (state.status === 'deprecated') color = 'list.deemphasizedForeground';
  else if (state.latest) color = 'charts.green';
  else if (state.channel) color = state.channel === 'rc' ? 'charts.purple' : 'charts.blue';
  return { badge, color, tooltip: parts.join(', ') };
}

export function encodeStatusQuery(state: StatusState): string {
  const query = new URLSearchParams();
  if (state.status) query.set('status', state.status);
  if (state.latest) query.set('latest', '1');
  if (state.channel) query.set('channel', state.channel);
  return query.toString();
}

export function decodeStatusQuery(query: string): StatusState {
  const params = new URLSearchParams(query);
  return {
    status: params.get('status') ?? undefined,
    latest: params.get('latest') === '1',
    channel: params.get('channel') ?? undefined,
  };
}
