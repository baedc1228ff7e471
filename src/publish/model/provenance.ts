// Provenance attached to a publish: git commit and tag, SHA-256 of the published document and the
// release notes, under our own key inside the publisher-provided `_meta` block (≤ 4 KB as a whole).
// Added to the POST body only; the user's file never changes. Pure: no `vscode` import.
import { createHash } from 'node:crypto';
import { PROVENANCE_KEY } from '../../changes/model';
import { fingerprint } from '../../changes/json';
import { PUBLISHER_META_KEY } from '../../registry';

export { PROVENANCE_KEY };
/** The registry's limit for the marshalled publisher-provided block. */
export const PUBLISHER_META_LIMIT = 4096;
/** Top-level fields the official registry stores; it drops any other. */
const STORED_FIELDS = ['$schema', 'name', 'description', 'title', 'version', 'repository', 'websiteUrl', 'icons', 'packages', 'remotes', '_meta'];

export interface Provenance {
  /** Hex SHA-256 of the canonical document without this block. */
  sha256: string;
  commit?: string;
  tag?: string;
  notes?: string;
  /** Set when the notes were cut to fit: where the whole section is. */
  notesUrl?: string;
  tool?: string;
}

export interface ProvenanceInput {
  commit?: string;
  tag?: string;
  notes?: string;
  notesUrl?: string;
  tool?: string;
}

export type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The document as the registry keeps it, without our provenance: known top-level fields only, and in
 * `_meta` only the publisher-provided block (empty containers removed).
 */
export function storedShape(document: Json): Json {
  const out: Json = {};
  for (const key of STORED_FIELDS) if (document[key] !== undefined) out[key] = document[key];
  const meta = document._meta;
  delete out._meta;
  if (isObject(meta) && isObject(meta[PUBLISHER_META_KEY])) {
    const publisher = { ...meta[PUBLISHER_META_KEY] };
    delete publisher[PROVENANCE_KEY];
    if (Object.keys(publisher).length > 0) out._meta = { [PUBLISHER_META_KEY]: publisher };
  }
  return out;
}

/** SHA-256 over the canonical JSON of the stored shape (keys sorted, no whitespace). */
export function documentDigest(document: Json): string {
  return createHash('sha256').update(fingerprint(storedShape(document)), 'utf8').digest('hex');
}

/** Whether two documents are the same publication (ignoring key order, unknown fields and our provenance). */
export function sameDocument(a: Json, b: Json): boolean {
  return fingerprint(storedShape(a)) === fingerprint(storedShape(b));
}

export interface AttachResult {
  body: Json;
  provenance?: Provenance;
  /** Why the notes were cut or the provenance left out, for the confirmation. */
  note?: string;
}

/**
 * The POST body: the document with our provenance in its publisher-provided block, fitted into the
 * registry's 4 KB limit by cutting the release notes (ending with "…" and a link) or, when even that
 * does not fit, leaving the notes or the whole provenance out.
 */
export function attachProvenance(document: Json, input: ProvenanceInput): AttachResult {
  const base: Provenance = { sha256: documentDigest(document) };
  if (input.commit) base.commit = input.commit;
  if (input.tag) base.tag = input.tag;
  if (input.tool) base.tool = input.tool;
  const withNotes = (notes: string | undefined, cut: boolean): Provenance => {
    const p: Provenance = { ...base };
    if (notes) p.notes = notes;
    if (cut && input.notesUrl) p.notesUrl = input.notesUrl;
    return p;
  };
  const notes = input.notes?.trim();
  if (notes) {
    const full = withNotes(notes, false);
    if (fits(document, full)) return { body: withBlock(document, full), provenance: full };
    const cut = fitNotes(document, notes, (text) => withNotes(text, true));
    if (cut) return { body: withBlock(document, cut), provenance: cut, note: 'The release notes were shortened to fit the registry’s 4 KB limit.' };
  }
  if (fits(document, base)) {
    return { body: withBlock(document, base), provenance: base, note: notes ? 'The release notes were left out: they do not fit the registry’s 4 KB limit.' : undefined };
  }
  return { body: withBlock(document, undefined), note: 'No provenance was attached: the publisher-provided _meta block is already close to the registry’s 4 KB limit.' };
}

/** The longest prefix of the notes (cut at a character boundary, then "…") that keeps the block within the limit. */
function fitNotes(document: Json, notes: string, make: (text: string) => Provenance): Provenance | undefined {
  const chars = [...notes];
  let low = 0;
  let high = chars.length - 1;
  let best: Provenance | undefined;
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const candidate = make(`${chars.slice(0, mid).join('').trimEnd()}…`);
    if (fits(document, candidate)) {
      best = candidate;
      low = mid + 1;
    } else high = mid - 1;
  }
  return best;
}

function fits(document: Json, provenance: Provenance): boolean {
  const block = publisherBlock(document, provenance);
  return Buffer.byteLength(JSON.stringify(block), 'utf8') <= PUBLISHER_META_LIMIT;
}

function publisherBlock(document: Json, provenance: Provenance | undefined): Json {
  const meta = isObject(document._meta) ? document._meta : {};
  const publisher: Json = isObject(meta[PUBLISHER_META_KEY]) ? { ...meta[PUBLISHER_META_KEY] } : {};
  delete publisher[PROVENANCE_KEY];
  if (provenance) publisher[PROVENANCE_KEY] = provenance;
  return publisher;
}

function withBlock(document: Json, provenance: Provenance | undefined): Json {
  const publisher = publisherBlock(document, provenance);
  const meta: Json = isObject(document._meta) ? { ...document._meta } : {};
  if (Object.keys(publisher).length > 0) meta[PUBLISHER_META_KEY] = publisher;
  else delete meta[PUBLISHER_META_KEY];
  const body: Json = { ...document };
  if (Object.keys(meta).length > 0) body._meta = meta;
  else delete body._meta;
  return body;
}

export interface ProvenanceCheck {
  provenance: Provenance;
  /** The digest of the document the registry returned. */
  actual: string;
  matches: boolean;
}

/** Our provenance on a published document and whether its checksum matches what the registry returned. */
export function readProvenance(server: unknown): ProvenanceCheck | undefined {
  if (!isObject(server) || !isObject(server._meta)) return undefined;
  const publisher = server._meta[PUBLISHER_META_KEY];
  if (!isObject(publisher)) return undefined;
  const raw = publisher[PROVENANCE_KEY];
  if (!isObject(raw) || typeof raw.sha256 !== 'string') return undefined;
  const text = (key: string) => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const provenance: Provenance = { sha256: raw.sha256 };
  for (const key of ['commit', 'tag', 'notes', 'notesUrl', 'tool'] as const) {
    const value = text(key);
    if (value !== undefined) provenance[key] = value;
  }
  const actual = documentDigest(server);
  return { provenance, actual, matches: actual === provenance.sha256.toLowerCase() };
}
