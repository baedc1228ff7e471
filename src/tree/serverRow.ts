// A server's row in the Registry tree's list: what the row, its tooltip and the server picker show of
// the latest version, not its whole server.json (a list may page in 10 000 servers). Commands on a
// server read its versions, whole, from the store when they run.
import { officialMeta, type ServerResponse, type ServerStatus } from '../registry';
import { deliveryKind, type DeliveryKind } from './packageKind';

export interface ServerRow {
  readonly name: string;
  /** The latest version. */
  readonly version: string;
  readonly title?: string;
  readonly description: string;
  readonly status: ServerStatus;
  readonly publishedAt: string;
  readonly kind: DeliveryKind;
  readonly repositoryUrl?: string;
  readonly websiteUrl?: string;
}

export function serverRow(response: ServerResponse): ServerRow {
  const server = response.server;
  const meta = officialMeta(response);
  return {
    name: server.name,
    version: server.version,
    title: server.title,
    description: server.description,
    status: meta.status,
    publishedAt: meta.publishedAt,
    kind: deliveryKind(server),
    repositoryUrl: server.repository?.url,
    websiteUrl: server.websiteUrl,
  };
}
