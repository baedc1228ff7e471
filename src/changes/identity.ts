/** Who is who across two versions: package/remote identities and key-based matching of lists. */
import { asString, fingerprint, mapPacked, type JsonObject } from './json';

export interface Identity {
  key: string;
  label: string;
}

const DEFAULT_REGISTRY_BASE_URLS: Readonly<Record<string, string>> = {
  npm: 'https://registry.npmjs.org',
  pypi: 'https://pypi.org',
  nuget: 'https://api.nuget.org/v3/index.json',
  cargo: 'https://crates.io',
  oci: 'https://docker.io',
};

/** Registry base URL with the registry type's default filled in and trailing slashes dropped. */
export function effectiveRegistryBaseUrl(pkg: JsonObject): string | undefined {
  const written = asString(pkg.registryBaseUrl) ?? DEFAULT_REGISTRY_BASE_URLS[registryTypeOf(pkg)];
  return written?.trim().replace(/\/+$/, '').toLowerCase();
}

export function registryTypeOf(pkg: JsonObject): string {
  return (asString(pkg.registryType) ?? '').trim().toLowerCase();
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).host || undefined;
  } catch {
    return undefined;
  }
}

export interface OciReference {
  /** `registry/repository`, normalised (docker.io default, `library/` for official images). */
  repositoryKey: string;
  /** The reference as written, without tag or digest. */
  repository: string;
  tag?: string;
  digest?: string;
}

export function parseOciReference(identifier: string, registryBaseUrl?: string): OciReference {
  let ref = identifier.trim();
  let digest: string | undefined;
  const at = ref.indexOf('@');
  if (at >= 0) {
    digest = ref.slice(at + 1);
    ref = ref.slice(0, at);
  }
  let tag: string | undefined;
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) {
    tag = ref.slice(colon + 1);
    ref = ref.slice(0, colon);
  }
  const parts = ref.split('/');
  const first = parts[0] ?? '';
  const hasHost = parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let host = (hasHost ? first : hostOf(registryBaseUrl) ?? 'docker.io').toLowerCase();
  const rest = hasHost ? parts.slice(1) : parts;
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') host = 'docker.io';
  if (host === 'docker.io' && rest.length === 1) rest.unshift('library');
  return { repositoryKey: `${host}/${rest.join('/')}`.toLowerCase(), repository: ref, tag, digest };
}

const ARCHIVE_EXTENSION = /\.(mcpb|dxt|zip|tgz|tar\.gz)$/i;
const VERSION_IN_URL = /v?\d+(?:\.\d+){1,3}(?:-(?:alpha|beta|rc|pre|preview|dev|next|canary|snapshot)(?:[.-]?\d+)*)?/gi;

/** An MCPB download URL with version-like parts replaced, so a release bump keeps the same key. */
export function mcpbKey(identifier: string): string {
  const trimmed = identifier.trim();
  const extension = ARCHIVE_EXTENSION.exec(trimmed)?.[0] ?? '';
  const stem = trimmed.slice(0, trimmed.length - extension.length);
  return stem.replace(VERSION_IN_URL, '{version}') + extension.toLowerCase();
}

function normalizedIdentifier(registryType: string, identifier: string, pkg: JsonObject): string {
  switch (registryType) {
    case 'oci':
      return parseOciReference(identifier, asString(pkg.registryBaseUrl)).repositoryKey;
    case 'mcpb':
      return mcpbKey(identifier);
    case 'pypi':
      return identifier.trim().toLowerCase().replace(/[-_.]+/g, '-');
    case 'npm':
    case 'nuget':
    case 'cargo':
      return identifier.trim().toLowerCase();
    default:
      return identifier.trim();
  }
}

export function packageIdentity(pkg: JsonObject): Identity {
  const registryType = registryTypeOf(pkg);
  const identifier = asString(pkg.identifier) ?? '';
  // An OCI reference is parsed once: the repository as written does not depend on the registry base URL.
  const oci = registryType === 'oci' ? parseOciReference(identifier, asString(pkg.registryBaseUrl)) : undefined;
  return {
    key: `${registryType} ${oci ? oci.repositoryKey : normalizedIdentifier(registryType, identifier, pkg)}`,
    label: `${asString(pkg.registryType) ?? '?'} ${oci ? oci.repository : identifier}`.trim(),
  };
}

/** A package's identity apart from its registry type (to recognise a registry type change). */
export function packageIdentifierKey(pkg: JsonObject): string {
  return normalizedIdentifier(registryTypeOf(pkg), asString(pkg.identifier) ?? '', pkg);
}

export function remoteIdentity(remote: JsonObject): Identity {
  const label = `${asString(remote.type) ?? '?'} ${asString(remote.url) ?? ''}`.trim();
  return { key: label, label };
}

export interface Keyed<T> {
  item: T;
  /** Position in its own list. */
  index: number;
  label: string;
}

export interface Pairing<T> {
  matched: Array<{ before: Keyed<T>; after: Keyed<T> }>;
  removed: Keyed<T>[];
  added: Keyed<T>[];
}

interface Entry<T> extends Keyed<T> {
  key: string;
}

function keyed<T>(items: T[], ids: Identity[]): Map<string, Entry<T>[]> {
  const groups = new Map<string, Entry<T>[]>();
  items.forEach((item, index) => {
    const { key, label } = ids[index];
    pushTo(groups, key, { item, index, key, label });
  });
  for (const group of groups.values()) {
    if (group.length > 1) group.forEach((entry, n) => (entry.label = `${entry.label} #${n + 1}`));
  }
  return groups;
}

/**
 * Pairs items by identity key in linear time. Several items with one key (e.g. docker `-e` twice)
 * are paired by equal content first, then in order. `fallbackKey` pairs what is left over when
 * exactly one item on each side shares it (e.g. the same URL with another transport type).
 */
export function matchByKey<T>(
  before: T[],
  after: T[],
  identify: (item: T, index: number) => Identity,
  fallbackKey?: (item: T) => string,
): Pairing<T> {
  return matchIdentified(before, mapPacked(before, identify), after, mapPacked(after, identify), fallbackKey);
}

/** matchByKey with each item's identity already known (`beforeIds[i]` is the identity of `before[i]`). */
export function matchIdentified<T>(before: T[], beforeIds: Identity[], after: T[], afterIds: Identity[], fallbackKey?: (item: T) => string): Pairing<T> {
  const beforeIndex = indexOfKeys(mapPacked(beforeIds, (id) => id.key));
  const afterIndex = beforeIndex && indexOfKeys(mapPacked(afterIds, (id) => id.key));
  if (!beforeIndex || !afterIndex) return matchGroups(before, beforeIds, after, afterIds, fallbackKey);
  // Every key once per side: what matchGroups does, without grouping.
  const entry = (items: T[], ids: Identity[], index: number): Entry<T> => ({ item: items[index], index, key: ids[index].key, label: ids[index].label });
  const pairing: Pairing<T> = { matched: [], removed: [], added: [] };
  const removed: Entry<T>[] = [];
  const added: Entry<T>[] = [];
  for (let index = 0; index < after.length; index++) {
    const at = beforeIndex.get(afterIds[index].key);
    if (at === undefined) added.push(entry(after, afterIds, index));
    else pairing.matched.push({ before: entry(before, beforeIds, at), after: entry(after, afterIds, index) });
  }
  for (let index = 0; index < before.length; index++) if (!afterIndex.has(beforeIds[index].key)) removed.push(entry(before, beforeIds, index));
  if (!fallbackKey || removed.length === 0 || added.length === 0) {
    pairing.removed.push(...removed);
    pairing.added.push(...added);
    return pairing;
  }
  pairByFallback(removed, added, fallbackKey, pairing);
  pairing.removed.sort((a, b) => a.index - b.index);
  pairing.added.sort((a, b) => a.index - b.index);
  pairing.matched.sort((a, b) => a.after.index - b.after.index);
  return pairing;
}

/** Identities of a list by position: `keys[i]` and `labels[i]` are those of its i-th item. */
export interface Identities {
  keys: string[];
  labels: string[];
}

/** A matching by position (as matchByKey's, without fallback): what it matched, in the order of `after`, removed and added. */
export interface Positions {
  /** `before[beforeAt[i]]` is `after[afterAt[i]]`; `afterAt` ascends. */
  beforeAt: number[];
  afterAt: number[];
  removed: number[];
  added: number[];
  /** Labels by position, numbered (` #2`) where a key repeats on that side. */
  beforeLabels: string[];
  afterLabels: string[];
}

/** matchByKey for lists of inputs: without a fallback key, by position, without an object per item. */
export function matchPositions<T>(before: T[], beforeIds: Identities, after: T[], afterIds: Identities): Positions {
  if (sameKeys(beforeIds.keys, afterIds.keys) && allDifferent(afterIds.keys)) {
    const at = mapPacked(afterIds.keys, (_key, index) => index);
    return { beforeAt: at, afterAt: at, removed: [], added: [], beforeLabels: beforeIds.labels, afterLabels: afterIds.labels };
  }
  const beforeIndex = indexOfKeys(beforeIds.keys);
  const afterIndex = beforeIndex && indexOfKeys(afterIds.keys);
  if (!beforeIndex || !afterIndex) return positionsOf(matchGroups(before, identityList(beforeIds), after, identityList(afterIds)), beforeIds, afterIds);
  const beforeAt: number[] = [];
  const afterAt: number[] = [];
  const removed: number[] = [];
  const added: number[] = [];
  for (let index = 0; index < after.length; index++) {
    const at = beforeIndex.get(afterIds.keys[index]);
    if (at === undefined) added.push(index);
    else {
      beforeAt.push(at);
      afterAt.push(index);
    }
  }
  for (let index = 0; index < before.length; index++) if (!afterIndex.has(beforeIds.keys[index])) removed.push(index);
  return { beforeAt, afterAt, removed, added, beforeLabels: beforeIds.labels, afterLabels: afterIds.labels };
}

/** The same keys in the same order (the usual case between two versions). */
function sameKeys(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

function allDifferent(keys: string[]): boolean {
  return keys.length < 2 || new Set(keys).size === keys.length;
}

/** Position by key, when no key repeats. */
function indexOfKeys(keys: string[]): Map<string, number> | undefined {
  const index = new Map<string, number>();
  for (let at = 0; at < keys.length; at++) {
    if (index.has(keys[at])) return undefined;
    index.set(keys[at], at);
  }
  return index;
}

function identityList({ keys, labels }: Identities): Identity[] {
  return mapPacked(keys, (key, index) => ({ key, label: labels[index] }));
}

function positionsOf<T>(pairing: Pairing<T>, beforeIds: Identities, afterIds: Identities): Positions {
  const beforeLabels = [...beforeIds.labels];
  const afterLabels = [...afterIds.labels];
  for (const { before, after } of pairing.matched) {
    beforeLabels[before.index] = before.label;
    afterLabels[after.index] = after.label;
  }
  for (const entry of pairing.removed) beforeLabels[entry.index] = entry.label;
  for (const entry of pairing.added) afterLabels[entry.index] = entry.label;
  return {
    beforeAt: mapPacked(pairing.matched, (pair) => pair.before.index),
    afterAt: mapPacked(pairing.matched, (pair) => pair.after.index),
    removed: mapPacked(pairing.removed, (entry) => entry.index),
    added: mapPacked(pairing.added, (entry) => entry.index),
    beforeLabels,
    afterLabels,
  };
}

function matchGroups<T>(before: T[], beforeIds: Identity[], after: T[], afterIds: Identity[], fallbackKey?: (item: T) => string): Pairing<T> {
  const beforeGroups = keyed(before, beforeIds);
  const afterGroups = keyed(after, afterIds);
  const pairing: Pairing<T> = { matched: [], removed: [], added: [] };
  const removed: Entry<T>[] = [];
  for (const [key, afterGroup] of afterGroups) {
    const beforeGroup = beforeGroups.get(key) ?? [];
    if (beforeGroup.length === 1 && afterGroup.length === 1) {
      pairing.matched.push({ before: beforeGroup[0], after: afterGroup[0] });
      continue;
    }
    const leftBefore = pairDuplicates(beforeGroup, afterGroup, pairing);
    removed.push(...leftBefore);
  }
  for (const [key, beforeGroup] of beforeGroups) if (!afterGroups.has(key)) removed.push(...beforeGroup);
  const matchedAfter = new Set(pairing.matched.map((pair) => pair.after));
  const added = [...afterGroups.values()].flat().filter((entry) => !matchedAfter.has(entry));
  if (fallbackKey) pairByFallback(removed, added, fallbackKey, pairing);
  else {
    pairing.removed.push(...removed);
    pairing.added.push(...added);
  }
  pairing.removed.sort((a, b) => a.index - b.index);
  pairing.added.sort((a, b) => a.index - b.index);
  pairing.matched.sort((a, b) => a.after.index - b.after.index);
  return pairing;
}

function pushTo<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function pairDuplicates<T>(beforeGroup: Entry<T>[], afterGroup: Entry<T>[], pairing: Pairing<T>): Entry<T>[] {
  const unmatchedBefore = [...beforeGroup];
  const unmatchedAfter: Entry<T>[] = [];
  const byContent = new Map<string, Entry<T>[]>();
  for (const entry of unmatchedBefore) pushTo(byContent, fingerprint(entry.item), entry);
  const taken = new Set<Entry<T>>();
  for (const entry of afterGroup) {
    const twin = byContent.get(fingerprint(entry.item))?.shift();
    if (twin) {
      taken.add(twin);
      pairing.matched.push({ before: twin, after: entry });
    } else unmatchedAfter.push(entry);
  }
  const rest = unmatchedBefore.filter((entry) => !taken.has(entry));
  const pairs = Math.min(rest.length, unmatchedAfter.length);
  for (let i = 0; i < pairs; i++) pairing.matched.push({ before: rest[i], after: unmatchedAfter[i] });
  return rest.slice(pairs);
}

function pairByFallback<T>(removed: Entry<T>[], added: Entry<T>[], fallbackKey: (item: T) => string, pairing: Pairing<T>): void {
  const count = (entries: Entry<T>[]) => {
    const map = new Map<string, Entry<T>[]>();
    for (const entry of entries) pushTo(map, fallbackKey(entry.item), entry);
    return map;
  };
  const removedByKey = count(removed);
  const addedByKey = count(added);
  const paired = new Set<Entry<T>>();
  for (const [key, beforeEntries] of removedByKey) {
    const afterEntries = addedByKey.get(key);
    if (beforeEntries.length !== 1 || afterEntries?.length !== 1) continue;
    pairing.matched.push({ before: beforeEntries[0], after: afterEntries[0] });
    paired.add(beforeEntries[0]).add(afterEntries[0]);
  }
  pairing.removed.push(...removed.filter((entry) => !paired.has(entry)));
  pairing.added.push(...added.filter((entry) => !paired.has(entry)));
}
