// DNS/HTTP domain key proof: `v=MCPv1; k=ed25519|ecdsap384; p=<base64>` records and timestamp signatures.
import { createPublicKey, ECDH, verify, type KeyObject } from 'node:crypto';

export interface KeyRecord {
  algorithm: 'ed25519' | 'ecdsap384';
  publicKey: KeyObject;
}

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
export const TIMESTAMP_WINDOW_MS = 15_000;
const DOMAIN = /^(?=.{1,253}$)([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function isValidDomain(domain: string): boolean {
  return DOMAIN.test(domain);
}

export function reverseDomain(domain: string): string {
  return domain.toLowerCase().split('.').reverse().join('.');
}

export function parseKeyRecord(text: string): KeyRecord | undefined {
  const fields = new Map<string, string>();
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  if (fields.get('v') !== 'MCPv1') return undefined;
  const algorithm = fields.get('k');
  const raw = Buffer.from(fields.get('p') ?? '', 'base64');
  try {
    if (algorithm === 'ed25519' && raw.length === 32) {
      return { algorithm, publicKey: createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, raw]), format: 'der', type: 'spki' }) };
    }
    if (algorithm === 'ecdsap384' && (raw.length === 49 || raw.length === 97)) {
      const point = raw.length === 49 ? (ECDH.convertKey(raw, 'secp384r1', undefined, undefined, 'uncompressed') as Buffer) : raw;
      const jwk = { kty: 'EC', crv: 'P-384', x: point.subarray(1, 49).toString('base64url'), y: point.subarray(49, 97).toString('base64url') };
      return { algorithm, publicKey: createPublicKey({ key: jwk, format: 'jwk' }) };
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/** Throws a human-readable reason when the timestamp or signature does not hold. */
export function checkSignedTimestamp(records: KeyRecord[], timestamp: string, signedHex: string, now = Date.now()): void {
  if (!RFC3339.test(timestamp) || Number.isNaN(Date.parse(timestamp))) throw new Error('invalid timestamp format, expected RFC3339');
  if (Math.abs(Date.parse(timestamp) - now) > TIMESTAMP_WINDOW_MS) throw new Error('timestamp is outside the allowed window of 15 seconds');
  if (!/^([0-9a-fA-F]{2})+$/.test(signedHex)) throw new Error('signed_timestamp must be hex-encoded');
  if (records.length === 0) throw new Error('no valid MCPv1 public key record found');
  const signature = Buffer.from(signedHex, 'hex');
  const message = Buffer.from(timestamp);
  const ok = records.some((r) =>
    r.algorithm === 'ed25519'
      ? signature.length === 64 && verify(null, message, r.publicKey, signature)
      : signature.length === 96 && verify('sha384', message, { key: r.publicKey, dsaEncoding: 'ieee-p1363' }, signature),
  );
  if (!ok) throw new Error('signature verification failed');
}

/** Fetches the HTTP key record: text/plain, 10 s timeout, ≤ 4096 bytes, no redirects. */
export async function fetchWellKnownRecord(url: string): Promise<string> {
  const res = await fetch(url, {
    headers: { Accept: 'text/plain', 'User-Agent': 'mcp-registry/1.0' },
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
  });
  if (res.status !== 200) throw new Error(`failed to fetch public key: HTTP ${res.status}`);
  const reader = res.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > 4096) {
      await reader.cancel();
      throw new Error('public key record exceeds 4096 bytes');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
