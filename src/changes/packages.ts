/** Diff of `packages[]` and `remotes[]`, matched by identity rather than position. */
import {
  effectiveRegistryBaseUrl,
  matchByKey,
  matchIdentified,
  packageIdentifierKey,
  packageIdentity,
  parseOciReference,
  registryTypeOf,
  remoteIdentity,
  type Identity,
} from './identity';
import { diffInputList, diffVariables, type InputKind } from './inputs';
import { asString, isObject, keysOfBoth, mapPacked, objectsOf, sameJson, type JsonObject } from './json';
import type { ChangeOwner, Section } from './model';
import { joinPath, type ChangeSink, type Scope, type Verdict } from './sink';

const INPUT_LISTS: Readonly<Record<string, InputKind>> = {
  environmentVariables: 'environmentVariable',
  runtimeArguments: 'runtimeArgument',
  packageArguments: 'packageArgument',
};

function ownerOf(kind: ChangeOwner['kind'], identity: Identity, label: string): ChangeOwner {
  const duplicate = /#\d+$/.exec(label)?.[0];
  return { kind, key: duplicate ? `${identity.key} ${duplicate}` : identity.key, label };
}

export function diffPackages(sink: ChangeSink, before: unknown, after: unknown): void {
  const olds = objectsOf(before);
  const currents = objectsOf(after);
  const beforeIds = mapPacked(olds, (pkg) => packageIdentity(pkg));
  const afterIds = mapPacked(currents, (pkg) => packageIdentity(pkg));
  const pairing = matchIdentified(olds, beforeIds, currents, afterIds, packageIdentifierKey);
  for (const { before: old, after: current } of pairing.matched) {
    const owner = ownerOf('package', afterIds[current.index], current.label);
    diffPackage(sink, { section: 'packages', path: `packages[${current.label}]`, owner, where: ` of package ${current.label}` }, old.item, current.item);
  }
  for (const { item, label, index } of pairing.removed) {
    const owner = ownerOf('package', beforeIds[index], label);
    sink.entity({ section: 'packages', path: `packages[${label}]`, owner }, 'removed', item, { impact: 'breaking', reason: `removes the package ${label}` });
  }
  for (const { item, label, index } of pairing.added) {
    const owner = ownerOf('package', afterIds[index], label);
    sink.entity({ section: 'packages', path: `packages[${label}]`, owner }, 'added', item, { impact: 'additive', reason: `adds the package ${label}` });
  }
}

function identifierVerdict(old: JsonObject, current: JsonObject, what: string): Verdict {
  const registryType = registryTypeOf(current);
  const was = asString(old.identifier) ?? '';
  const now = asString(current.identifier) ?? '';
  if (registryType === 'oci') {
    const from = parseOciReference(was);
    const to = parseOciReference(now);
    if (from.tag !== to.tag) return { impact: 'metadata', reason: `changes the image tag of ${what} from ${from.tag ?? '(none)'} to ${to.tag ?? '(none)'}: a package version bump` };
    if (from.digest !== to.digest) return { impact: 'metadata', reason: `changes the image digest of ${what}: a package version bump` };
    return { impact: 'metadata', reason: `writes the image reference of ${what} differently (same image)` };
  }
  if (registryType === 'mcpb') return { impact: 'metadata', reason: `changes the download URL of ${what}: a package version bump` };
  return { impact: 'metadata', reason: `writes the identifier of ${what} differently (same package)` };
}

function packageFieldVerdict(field: string, old: JsonObject, current: JsonObject, what: string): Verdict | undefined {
  const was = old[field];
  const now = current[field];
  switch (field) {
    case 'registryType':
      if (registryTypeOf(old) === registryTypeOf(current)) return undefined;
      return { impact: 'breaking', reason: `changes the registry type of ${what} from ${String(was)} to ${String(now)}` };
    case 'identifier':
      return sameJson(was, now) ? undefined : identifierVerdict(old, current, what);
    case 'registryBaseUrl':
      if (effectiveRegistryBaseUrl(old) === effectiveRegistryBaseUrl(current)) return undefined;
      if (registryTypeOf(current) === 'oci')
        return { impact: 'metadata', reason: `changes the registry base URL of ${what} (the image reference already says where it comes from)` };
      return { impact: 'breaking', reason: `changes where ${what} is downloaded from (${String(was ?? 'default')} → ${String(now ?? 'default')})` };
    case 'version':
      if (sameJson(was, now)) return undefined;
      return { impact: 'metadata', reason: `changes the version of ${what} from ${String(was ?? '(none)')} to ${String(now ?? '(none)')}` };
    case 'fileSha256':
      return sameJson(was, now) ? undefined : { impact: 'metadata', reason: `changes the file checksum of ${what}` };
    case 'runtimeHint':
      if (sameJson(was, now)) return undefined;
      return { impact: 'metadata', reason: `changes the runtime hint of ${what} from ${String(was ?? '(none)')} to ${String(now ?? '(none)')}` };
    default:
      if (sameJson(was, now)) return undefined;
      return { impact: 'metadata', reason: `changes the field ${field} of ${what} (not a field the schema defines; treated as metadata)` };
  }
}

function diffPackage(sink: ChangeSink, scope: Scope, old: JsonObject, current: JsonObject): void {
  const what = `package ${scope.owner?.label ?? ''}`;
  const { section, path, owner, where } = scope;
  for (const field of keysOfBoth(old, current)) {
    if (old[field] === undefined && current[field] === undefined) continue;
    const inputKind = INPUT_LISTS[field];
    if (inputKind) {
      diffInputList(sink, { section, path: joinPath(path, field), owner, where }, inputKind, objectsOf(old[field]), objectsOf(current[field]));
    } else if (field === 'transport') {
      const transportScope: Scope = { section, path: joinPath(path, 'transport'), owner, where, item: { kind: 'transport', name: 'transport' } };
      diffTransport(sink, transportScope, packageTransport(old), packageTransport(current), what);
    } else {
      const fieldScope: Scope = { section, path, owner, where, item: { kind: 'field', name: field } };
      const verdict = packageFieldVerdict(field, old, current, what);
      sink.leaf(fieldScope, field, old[field], current[field], verdict);
    }
  }
}

/** Packages from before the transport object existed ran over stdio. */
function packageTransport(pkg: JsonObject): JsonObject {
  return isObject(pkg.transport) ? pkg.transport : { type: 'stdio' };
}

/** A package transport or a remote (remotes are transports with optional URL variables). */
function diffTransport(sink: ChangeSink, scope: Scope, old: JsonObject, current: JsonObject, what: string): void {
  const { section, path, owner, where } = scope;
  const parent = { section, path, owner, where };
  for (const field of keysOfBoth(old, current)) {
    if (old[field] === undefined && current[field] === undefined) continue;
    if (field === 'headers') {
      diffInputList(sink, { section, path: joinPath(path, 'headers'), owner, where }, 'header', objectsOf(old.headers), objectsOf(current.headers));
      continue;
    }
    if (field === 'variables') {
      diffVariables(sink, parent, old.variables, current.variables, false);
      continue;
    }
    const was = old[field];
    const now = current[field];
    let verdict: Verdict | undefined;
    if (!sameJson(was, now)) {
      if (field === 'type') verdict = { impact: 'breaking', reason: `changes the transport type of ${what} from ${String(was ?? '(none)')} to ${String(now ?? '(none)')}` };
      else if (field === 'url') verdict = { impact: 'breaking', reason: `${was === undefined ? 'adds' : now === undefined ? 'removes' : 'changes'} the transport URL of ${what}` };
      else verdict = { impact: 'metadata', reason: `changes the transport field ${field} of ${what} (not a field the schema defines; treated as metadata)` };
    }
    sink.leaf(scope, field, was, now, verdict);
  }
}

export function diffRemotes(sink: ChangeSink, before: unknown, after: unknown): void {
  const section: Section = 'remotes';
  const pairing = matchByKey(objectsOf(before), objectsOf(after), remoteIdentity, (remote) => asString(remote.url) ?? '');
  for (const { before: old, after: current } of pairing.matched) {
    const owner = ownerOf('remote', remoteIdentity(current.item), current.label);
    const scope: Scope = { section, path: `remotes[${current.label}]`, owner, where: ` of remote ${current.label}` };
    diffTransport(sink, { ...scope, item: { kind: 'transport', name: 'transport' } }, old.item, current.item, `remote ${current.label}`);
  }
  for (const { item, label } of pairing.removed) {
    const owner = ownerOf('remote', remoteIdentity(item), label);
    sink.entity({ section, path: `remotes[${label}]`, owner }, 'removed', item, { impact: 'breaking', reason: `removes the remote ${label}` });
  }
  for (const { item, label } of pairing.added) {
    const owner = ownerOf('remote', remoteIdentity(item), label);
    sink.entity({ section, path: `remotes[${label}]`, owner }, 'added', item, { impact: 'additive', reason: `adds the remote ${label}` });
  }
}
