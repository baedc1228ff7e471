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

const FLAG_BITS = new Map(FLAG_ORDER.map((flag, i) => [flag, 1 << i]));
// A tree of 10 000 rows has a handful of distinct values: each is composed once and shared by every row.
const composed = new Map<NodeKind, Map<number, string>>();

export function composeContextValue(kind: NodeKind, flags: Iterable<ContextFlag | false | undefined> = []): string {
  let bits = 0;
  for (const flag of flags) if (flag) bits |= FLAG_BITS.get(flag)!;
  let byFlags = composed.get(kind);
  if (!byFlags) composed.set(kind, (byFlags = new Map()));
  let value = byFlags.get(bits);
  if (value === undefined) byFlags.set(bits, (value = contextValue(kind, FLAG_ORDER.filter((flag) => bits & FLAG_BITS.get(flag)!))));
  return value;
}

export function parseContextValue(value: string): { kind: NodeKind; flags: Set<ContextFlag> } | undefined {
  const [prefix, kind, ...flags] = value.split(':');
  if (prefix !== 'mcpv' || !kind) return undefined;
  return { kind: kind as NodeKind, flags: new Set(flags as ContextFlag[]) };
}
