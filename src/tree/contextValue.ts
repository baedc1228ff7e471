// contextValues like "mcpv:version:latest:deprecated:mine": the kind first, then flags in a fixed
// order, so package.json menus can match them with regular expressions (`viewItem =~ /^mcpv:version\b.*:mine\b/`).

export type NodeKind = 'registry' | 'server' | 'version' | 'package' | 'remote' | 'detail' | 'loadMore' | 'filter' | 'error' | 'action' | 'message';

export type ContextFlag =
  | 'latest'
  | 'prerelease'
  | 'active'
  | 'deprecated'
  | 'deleted'
  | 'mine'
  | 'single'
  | 'removable'
  | 'gallery'
  | 'hasPrevious'
  | 'anonymous'
  | 'keyProof'
  | 'signedIn';

const FLAG_ORDER: readonly ContextFlag[] = ['latest', 'prerelease', 'active', 'deprecated', 'deleted', 'mine', 'single', 'removable', 'gallery', 'hasPrevious', 'anonymous', 'keyProof', 'signedIn'];

export function composeContextValue(kind: NodeKind, flags: Iterable<ContextFlag | false | undefined> = []): string {
  const set = new Set<ContextFlag>();
  for (const flag of flags) if (flag) set.add(flag);
  return ['mcpv', kind, ...FLAG_ORDER.filter((flag) => set.has(flag))].join(':');
}

export function parseContextValue(value: string): { kind: NodeKind; flags: Set<ContextFlag> } | undefined {
  const [prefix, kind, ...flags] = value.split(':');
  if (prefix !== 'mcpv' || !kind) return undefined;
  return { kind: kind as NodeKind, flags: new Set(flags as ContextFlag[]) };
}
