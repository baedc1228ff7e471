/** Small, total helpers over untrusted JSON values. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Sets an own property, even one named `__proto__` (plain assignment would change the prototype). */
export function setOwn(target: JsonObject, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objectsOf(value: unknown): JsonObject[] {
  const list = asArray(value);
  const out: JsonObject[] = [];
  for (let index = 0; index < list.length; index++) if (isObject(list[index])) out.push(list[index] as JsonObject);
  return out;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** `items.map(f)` built by push, for dense lists: a packed array, like the diff's other lists (optimised code expects one kind). */
export function mapPacked<T, U>(items: readonly T[], f: (item: T, index: number) => U): U[] {
  const out: U[] = [];
  for (let index = 0; index < items.length; index++) out.push(f(items[index], index));
  return out;
}

/** The keys of `a`, then those of `b` that `a` lacks (what `new Set([...Object.keys(a), ...Object.keys(b)])` holds, in that order). */
export function keysOfBoth(a: JsonObject, b: JsonObject): string[] {
  const keys = Object.keys(a);
  // for…in lists the enumerable keys, own ones first and in Object.keys order; hasOwn keeps the own ones.
  for (const key in b) if (Object.hasOwn(b, key) && !keys.includes(key)) keys.push(key);
  return keys;
}

/** Structural equality; object key order does not matter, array order does. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const aKeys = Object.keys(a).filter((k) => a[k] !== undefined);
    const bKeys = Object.keys(b).filter((k) => b[k] !== undefined);
    if (aKeys.length !== bKeys.length) return false;
    for (const key of aKeys) if (!Object.hasOwn(b, key) || !sameJson(a[key], b[key])) return false;
    return true;
  }
  return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
}

function sortedCopy(value: unknown, seen: Set<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  let copy: unknown;
  if (Array.isArray(value)) {
    copy = value.map((entry) => sortedCopy(entry, seen));
  } else {
    const out: JsonObject = {};
    for (const key of Object.keys(value).sort()) setOwn(out, key, sortedCopy((value as JsonObject)[key], seen));
    copy = out;
  }
  seen.delete(value);
  return copy;
}

/** JSON with object keys sorted at every depth, 2-space indent; never throws (cycles print as "[Circular]"). */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value, new Set()), null, 2) ?? 'null';
  } catch {
    return 'null';
  }
}

/** Compact canonical form, used as a fingerprint for equal content. */
export function fingerprint(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value, new Set())) ?? 'null';
  } catch {
    return 'null';
  }
}
