// The Registry view's kinds and flags, in the grammar of src/util/contextValue.ts.
import { contextValue } from '../util/contextValue';

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
  return contextValue(kind, FLAG_ORDER.filter((flag) => set.has(flag)));
}

export function parseContextValue(value: string): { kind: NodeKind; flags: Set<ContextFlag> } | undefined {
  const [prefix, kind, ...flags] = value.split(':');
  if (prefix !== 'mcpv' || !kind) return undefined;
  return { kind: kind as NodeKind, flags: new Set(flags as ContextFlag[]) };
}
