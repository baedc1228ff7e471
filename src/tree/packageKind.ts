// How a server is delivered, for its icon and the install config: its first package's registry type,
// or remote-only.
import type { ServerJSON } from '../registry';

export type DeliveryKind = 'npm' | 'pypi' | 'oci' | 'nuget' | 'mcpb' | 'cargo' | 'remote' | 'other' | 'unknown';

const KNOWN = new Set<DeliveryKind>(['npm', 'pypi', 'oci', 'nuget', 'mcpb', 'cargo']);

export function deliveryKind(server: ServerJSON): DeliveryKind {
  const first = server.packages?.[0];
  if (first) {
    const type = String(first.registryType).toLowerCase() as DeliveryKind;
    return KNOWN.has(type) ? type : 'other';
  }
  return server.remotes?.length ? 'remote' : 'unknown';
}

/** Codicon ids, one per delivery kind, distinct from each other. */
export const DELIVERY_ICONS: Record<DeliveryKind, string> = {
  npm: 'package',
  pypi: 'symbol-namespace',
  oci: 'vm',
  nuget: 'library',
  mcpb: 'file-zip',
  cargo: 'symbol-ruler',
  remote: 'globe',
  other: 'extensions',
  unknown: 'question',
};

export const DELIVERY_LABELS: Record<DeliveryKind, string> = {
  npm: 'npm package',
  pypi: 'PyPI package',
  oci: 'OCI image',
  nuget: 'NuGet package',
  mcpb: 'MCP bundle (MCPB)',
  cargo: 'Cargo crate',
  remote: 'remote only',
  other: 'package',
  unknown: 'no packages or remotes',
};
