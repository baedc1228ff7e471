/**
 * What changes.bench.ts measures of the change model, bundled by esbuild as the extension bundles it:
 * the whole diff, and its parts that a plain structural diff does not have.
 */
import { matchByKey, matchIdentified, matchPositions, packageIdentifierKey, packageIdentity, remoteIdentity } from '../../src/changes/identity';
import { identities, type InputKind } from '../../src/changes/inputs';
import { asString, isObject, objectsOf, type JsonObject } from '../../src/changes/json';

export { diffServerJson, normalizeServer } from '../../src/changes';

const INPUT_LISTS: ReadonlyArray<[string, InputKind]> = [
  ['environmentVariables', 'environmentVariable'],
  ['runtimeArguments', 'runtimeArgument'],
  ['packageArguments', 'packageArgument'],
];

function headers(transport: unknown): JsonObject[] {
  return isObject(transport) ? objectsOf(transport.headers) : [];
}

function matchInputs(kind: InputKind, before: JsonObject[], after: JsonObject[]): number {
  return matchPositions(before, identities(kind, before), after, identities(kind, after)).afterAt.length;
}

/**
 * Only the matching by identity that diffServerJson does on two normalised documents: packages (with the
 * registry-type fallback), their inputs and transport headers, remotes and their headers. Returns how many
 * pairs it made, so that nothing is optimised away.
 */
export function matchOnly(before: JsonObject, after: JsonObject): number {
  const olds = objectsOf(before.packages);
  const currents = objectsOf(after.packages);
  const packages = matchIdentified(olds, olds.map((pkg) => packageIdentity(pkg)), currents, currents.map((pkg) => packageIdentity(pkg)), packageIdentifierKey);
  let pairs = packages.matched.length;
  for (const { before: old, after: current } of packages.matched) {
    for (const [field, kind] of INPUT_LISTS) pairs += matchInputs(kind, objectsOf(old.item[field]), objectsOf(current.item[field]));
    pairs += matchInputs('header', headers(old.item.transport), headers(current.item.transport));
  }
  const remotes = matchByKey(objectsOf(before.remotes), objectsOf(after.remotes), remoteIdentity, (remote) => asString(remote.url) ?? '');
  pairs += remotes.matched.length;
  for (const { before: old, after: current } of remotes.matched) pairs += matchInputs('header', headers(old.item), headers(current.item));
  return pairs;
}
