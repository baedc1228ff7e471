/** diffServerJson: the semantic diff of two server.json documents. */
import { fingerprint, isObject, sameJson, asArray, type JsonObject } from './json';
import { PUBLISHER_META_KEY } from '../registry';
import { bumpForCounts, PROVENANCE_KEY, type Impact, type ServerDiff } from './model';
import { normalizeServer } from './normalize';
import { diffPackages, diffRemotes } from './packages';
import { ChangeSink, type Scope, type Verdict } from './sink';

/** The top-level `version` is listed but not counted: it is what the diff is used to judge. */
export const VERSION_PATH = 'version';
/** Where the provenance record's fields are listed. */
export const PROVENANCE_PATH = `_meta[${PUBLISHER_META_KEY}].${PROVENANCE_KEY}`;

const FIELD_ORDER = ['name', 'version', '$schema', 'title', 'description', 'websiteUrl', 'repository', 'icons', 'packages', 'remotes', '_meta'];

const FIELD_WORDS: Readonly<Record<string, string>> = {
  description: 'the description',
  title: 'the title',
  websiteUrl: 'the website URL',
  icons: 'the icons',
  repository: 'the repository',
  status: 'the status field (removed from server.json in schema 2025-09-29)',
};

const RELEASE_NOTES_NAME = /^(release[-_ ]?notes?|notes|changelog|change[-_ ]?log|changes|whats[-_ ]?new)$/i;

function verb(before: unknown, after: unknown): string {
  if (before === undefined) return 'adds';
  if (after === undefined) return 'removes';
  return 'changes';
}

function schemaName(value: unknown): string {
  const text = String(value);
  return /\/schemas\/([^/]+)\//.exec(text)?.[1] ?? text;
}

function iconsEqual(before: unknown, after: unknown): boolean {
  const prints = (value: unknown) => new Set(asArray(value).map(fingerprint));
  const a = prints(before);
  const b = prints(after);
  return Array.isArray(before) === Array.isArray(after) && a.size === b.size && [...a].every((entry) => b.has(entry));
}

function topLevelVerdict(field: string, before: unknown, after: unknown): Verdict | undefined {
  if (field === 'icons' ? iconsEqual(before, after) : sameJson(before, after)) return undefined;
  switch (field) {
    case 'name':
      return { impact: 'breaking', reason: `changes the server name from ${String(before ?? '(none)')} to ${String(after ?? '(none)')}: a different server` };
    case 'version':
      return { impact: 'metadata', reason: `${verb(before, after)} the version ${String(before ?? '')} → ${String(after ?? '')} (not itself counted as a change)` };
    case '$schema':
      return { impact: 'metadata', reason: `${verb(before, after)} the schema version ${schemaName(before)} → ${schemaName(after)}` };
    default: {
      const words = FIELD_WORDS[field] ?? `the field ${field} (not a field the schema defines; treated as metadata)`;
      return { impact: 'metadata', reason: `${verb(before, after)} ${words}` };
    }
  }
}

function diffRepository(sink: ChangeSink, before: JsonObject, after: JsonObject): void {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const field of fields) {
    const was = before[field];
    const now = after[field];
    let verdict: Verdict | undefined;
    if (!sameJson(was, now)) {
      const reason =
        field === 'id'
          ? `${verb(was, now)} the repository id (a new id can mean the repository was deleted and recreated: worth a look)`
          : `${verb(was, now)} the repository ${field}`;
      verdict = { impact: 'metadata', reason };
    }
    sink.leaf({ section: 'metadata', path: 'repository', item: { kind: 'field', name: field } }, field, was, now, verdict);
  }
}

/** Every leaf of an object, by path; arrays and empty objects are leaves. */
function leaves(value: unknown, path: string, name: string, out: Map<string, { value: unknown; name: string }>): void {
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const [key, entry] of Object.entries(value)) leaves(entry, `${path}.${key}`, key, out);
  } else out.set(path, { value, name });
}

/**
 * `_meta`: publisher-provided data (the registry's own block was dropped in normalisation). Our own
 * provenance record is shown apart and weighs nothing: it is bookkeeping, not a change of the server.
 */
function diffMeta(sink: ChangeSink, before: unknown, after: unknown): void {
  const collect = (meta: unknown) => {
    const out = new Map<string, { value: unknown; name: string; provenance?: boolean }>();
    if (!isObject(meta)) {
      if (meta !== undefined) out.set('_meta', { value: meta, name: '_meta' });
      return out;
    }
    for (const [key, value] of Object.entries(meta)) {
      if (key === PUBLISHER_META_KEY && isObject(value) && PROVENANCE_KEY in value) {
        const { [PROVENANCE_KEY]: provenance, ...rest } = value;
        const recorded = new Map<string, { value: unknown; name: string }>();
        leaves(provenance, PROVENANCE_PATH, 'provenance', recorded);
        for (const [path, leaf] of recorded) out.set(path, { ...leaf, provenance: true });
        if (Object.keys(rest).length > 0) leaves(rest, `_meta[${key}]`, key, out);
      } else leaves(value, `_meta[${key}]`, key, out);
    }
    return out;
  };
  const old = collect(before);
  const current = collect(after);
  const paths = [...current.keys(), ...[...old.keys()].filter((path) => !current.has(path))];
  for (const path of paths) {
    const was = old.get(path);
    const now = current.get(path);
    const name = (now ?? was)?.name ?? path;
    const notes = RELEASE_NOTES_NAME.test(name) && (typeof now?.value === 'string' || typeof was?.value === 'string');
    const provenance = (now ?? was)?.provenance === true;
    const scope: Scope = { section: provenance ? 'provenance' : 'publisherMeta', path: '', item: { kind: 'field', name } };
    let verdict: Verdict | undefined;
    if (provenance && !sameJson(was?.value, now?.value)) verdict = {};
    else if (!sameJson(was?.value, now?.value)) {
      const reason = notes ? `${verb(was?.value, now?.value)} the release notes` : `${verb(was?.value, now?.value)} the publisher metadata ${path}`;
      verdict = { impact: 'metadata', reason };
    }
    sink.leaf(scope, path, was?.value, now?.value, verdict);
  }
}

function orderedFields(before: JsonObject, after: JsonObject): string[] {
  const present = new Set([...Object.keys(before), ...Object.keys(after)]);
  const known = FIELD_ORDER.filter((field) => present.has(field));
  const others = [...present].filter((field) => !FIELD_ORDER.includes(field)).sort();
  return [...known, ...others];
}

export function diffServerJson(before: unknown, after: unknown): ServerDiff {
  const old = normalizeServer(before);
  const current = normalizeServer(after);
  const sink = new ChangeSink();
  // The sink counts every change by impact; the version line is listed but not counted.
  let versionImpact: Impact | undefined;
  for (const field of orderedFields(old, current)) {
    const was = old[field];
    const now = current[field];
    if (was === undefined && now === undefined) continue;
    if (field === 'packages') diffPackages(sink, was, now);
    else if (field === 'remotes') diffRemotes(sink, was, now);
    else if (field === '_meta') diffMeta(sink, was, now);
    else if (field === 'repository' && isObject(was) && isObject(now)) diffRepository(sink, was, now);
    else {
      const section = field === 'name' || field === 'version' ? 'identity' : 'metadata';
      const verdict = topLevelVerdict(field, was, now);
      sink.leaf({ section, path: '', item: { kind: 'field', name: field } }, field, was, now, verdict);
      if (field === VERSION_PATH && verdict?.impact) versionImpact = verdict.impact;
    }
  }
  const counts: Record<Impact, number> = { ...sink.counts };
  if (versionImpact) counts[versionImpact] -= 1;
  return { changes: sink.changes, counts, impliedBump: bumpForCounts(counts) };
}
