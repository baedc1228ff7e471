// Read-only JSON documents of published versions, on the `mcp-versions-json:` scheme:
// mcp-versions-json:/<server name>@<version>.json?registry=<url>[&canonical=1]
import * as vscode from 'vscode';
import type { RegistryClients } from '../registries/clients';
import type { ServerResponse } from '../registry';
import { canonicalJson } from '../util/canonicalJson';

export const JSON_SCHEME = 'mcp-versions-json';

export function rawJsonUri(registryUrl: string, serverName: string, version: string, canonical = false): vscode.Uri {
  const query = new URLSearchParams({ registry: registryUrl, server: serverName, version });
  if (canonical) query.set('canonical', '1');
  return vscode.Uri.from({ scheme: JSON_SCHEME, path: `/${serverName}@${version}.json`, query: query.toString() });
}

export class RawJsonProvider implements vscode.TextDocumentContentProvider {
  constructor(
    private readonly clients: RegistryClients,
    /** A version already in the tree's cache, so opening it costs no request. */
    private readonly cached: (registryUrl: string, serverName: string, version: string) => ServerResponse | undefined,
  ) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const query = new URLSearchParams(uri.query);
    const registry = query.get('registry');
    const server = query.get('server');
    const version = query.get('version');
    if (!registry || !server || !version) throw new Error(vscode.l10n.t('Not a registry document: {0}', uri.toString()));
    let response = this.cached(registry, server, version);
    if (!response) {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      try {
        response = await this.clients.withClient(registry, (client) =>
          client.getServerVersion(server, version, { includeDeleted: true, signal: controller.signal }),
        );
      } finally {
        listener.dispose();
      }
    }
    return query.get('canonical') === '1' ? canonicalJson(response) : `${JSON.stringify(response, null, 2)}\n`;
  }
}
