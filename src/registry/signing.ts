// Key proofs for the registry's DNS and HTTP sign-in: sign the RFC 3339 timestamp with the
// domain's private key, publish the public key as `v=MCPv1; k=<algorithm>; p=<base64>`.

import * as l10n from '@vscode/l10n';
import { ECDH, createECDH, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

export type KeyAlgorithm = 'ed25519' | 'ecdsap384';

/** Signs a timestamp string and returns the signature hex-encoded. May be backed by a KMS. */
export type TimestampSigner = (timestamp: string) => string | Promise<string>;

export interface KeyProofKeyPair {
  algorithm: KeyAlgorithm;
  /** Ed25519: the 32-byte seed; P-384: the 48-byte private scalar. Hex. */
  privateKeyHex: string;
  /** Ed25519: the raw 32-byte key; P-384: the compressed point. Base64. */
  publicKeyBase64: string;
}

const KEY_BYTES: Record<KeyAlgorithm, number> = { ed25519: 32, ecdsap384: 48 };
// PKCS#8 wrapper for a raw Ed25519 seed (RFC 8410): SEQUENCE { 0, { id-Ed25519 }, OCTET STRING { OCTET STRING seed } }.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function privateKeyObject(algorithm: KeyAlgorithm, privateKeyHex: string): KeyObject {
  const raw = decodeHexKey(algorithm, privateKeyHex);
  if (algorithm === 'ed25519') {
    return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, raw]), format: 'der', type: 'pkcs8' });
  }
  const ecdh = createECDH('secp384r1');
  ecdh.setPrivateKey(raw);
  const point = ecdh.getPublicKey();
  return createPrivateKey({
    key: { kty: 'EC', crv: 'P-384', d: raw.toString('base64url'), x: point.subarray(1, 49).toString('base64url'), y: point.subarray(49).toString('base64url') },
    format: 'jwk',
  });
}

/** The signature over the timestamp, hex: Ed25519 64 bytes; ECDSA P-384 with SHA-384 as raw R‖S, 96 bytes. */
export function signTimestamp(algorithm: KeyAlgorithm, privateKeyHex: string, timestamp: string): string {
  return signWith(algorithm, privateKeyObject(algorithm, privateKeyHex), timestamp);
}

export function createTimestampSigner(algorithm: KeyAlgorithm, privateKeyHex: string): TimestampSigner {
  const key = privateKeyObject(algorithm, privateKeyHex);
  return (timestamp) => signWith(algorithm, key, timestamp);
}

function signWith(algorithm: KeyAlgorithm, key: KeyObject, timestamp: string): string {
  const data = Buffer.from(timestamp, 'utf8');
  const signature = algorithm === 'ed25519' ? sign(null, data, key) : sign('sha384', data, { key, dsaEncoding: 'ieee-p1363' });
  return signature.toString('hex');
}

export function publicKeyBase64(algorithm: KeyAlgorithm, privateKeyHex: string): string {
  const raw = decodeHexKey(algorithm, privateKeyHex);
  if (algorithm === 'ecdsap384') {
    const ecdh = createECDH('secp384r1');
    ecdh.setPrivateKey(raw);
    return ecdh.getPublicKey(null, 'compressed').toString('base64');
  }
  const jwk = createPublicKey(privateKeyObject(algorithm, privateKeyHex)).export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

/** A public key object from the base64 text of a key-proof record, e.g. to verify a signature. */
export function publicKeyObject(algorithm: KeyAlgorithm, publicKeyBase64Text: string): KeyObject {
  const raw = Buffer.from(publicKeyBase64Text, 'base64');
  if (algorithm === 'ed25519') {
    if (raw.length !== 32) throw new Error(l10n.t('An Ed25519 public key has 32 bytes, got {0}', raw.length));
    return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  }
  const uncompressed = ECDH.convertKey(raw, 'secp384r1', undefined, undefined, 'uncompressed') as Buffer;
  return createPublicKey({
    key: { kty: 'EC', crv: 'P-384', x: uncompressed.subarray(1, 49).toString('base64url'), y: uncompressed.subarray(49).toString('base64url') },
    format: 'jwk',
  });
}

export function generateKeyProofKeyPair(algorithm: KeyAlgorithm): KeyProofKeyPair {
  let privateKeyHex: string;
  if (algorithm === 'ed25519') {
    const { privateKey } = generateKeyPairSync('ed25519');
    privateKeyHex = Buffer.from(privateKey.export({ format: 'jwk' }).d ?? '', 'base64url').toString('hex');
  } else {
    const ecdh = createECDH('secp384r1');
    ecdh.generateKeys();
    privateKeyHex = ecdh.getPrivateKey().toString('hex').padStart(KEY_BYTES.ecdsap384 * 2, '0');
  }
  return { algorithm, privateKeyHex, publicKeyBase64: publicKeyBase64(algorithm, privateKeyHex) };
}

/** The DNS TXT record / `.well-known/mcp-registry-auth` body that proves the key. */
export function keyProofRecord(algorithm: KeyAlgorithm, publicKeyBase64Text: string): string {
  return `v=MCPv1; k=${algorithm}; p=${publicKeyBase64Text}`;
}

function decodeHexKey(algorithm: KeyAlgorithm, hex: string): Buffer {
  const clean = hex.trim().replace(/^0x/i, '');
  const bytes = KEY_BYTES[algorithm];
  if (!/^[0-9a-fA-F]*$/.test(clean) || clean.length !== bytes * 2) {
    throw new Error(l10n.t('A {0} private key is {1} bytes: {2} hex characters', algorithm, bytes, bytes * 2));
  }
  return Buffer.from(clean, 'hex');
}
