import * as assert from 'node:assert/strict';
import { verify } from 'node:crypto';
import {
  createTimestampSigner,
  generateKeyProofKeyPair,
  keyProofRecord,
  publicKeyBase64,
  publicKeyObject,
  signTimestamp,
} from '../../../src/registry';

const timestamp = '2026-11-21T10:00:00Z';

describe('key-proof signing', () => {
  it('Ed25519: a 32-byte hex seed signs the timestamp (64 bytes) verifiably with the published key', () => {
    const seed = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'; // RFC 8032 test vector 1
    assert.equal(publicKeyBase64('ed25519', seed), Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex').toString('base64'));
    const signature = Buffer.from(signTimestamp('ed25519', seed, timestamp), 'hex');
    assert.equal(signature.length, 64);
    const key = publicKeyObject('ed25519', publicKeyBase64('ed25519', seed));
    assert.ok(verify(null, Buffer.from(timestamp), key, signature));
    assert.ok(!verify(null, Buffer.from('2026-11-21T10:00:01Z'), key, signature));
  });

  it('ECDSA P-384: raw R‖S signature of 96 bytes over SHA-384, compressed public key of 49 bytes', () => {
    const pair = generateKeyProofKeyPair('ecdsap384');
    assert.equal(pair.privateKeyHex.length, 96);
    assert.equal(Buffer.from(pair.publicKeyBase64, 'base64').length, 49);
    const signer = createTimestampSigner('ecdsap384', pair.privateKeyHex);
    const signature = Buffer.from(signer(timestamp) as string, 'hex');
    assert.equal(signature.length, 96);
    const key = publicKeyObject('ecdsap384', pair.publicKeyBase64);
    assert.ok(verify('sha384', Buffer.from(timestamp), { key, dsaEncoding: 'ieee-p1363' }, signature));
    assert.ok(!verify('sha384', Buffer.from('tampered'), { key, dsaEncoding: 'ieee-p1363' }, signature));
  });

  it('generated Ed25519 pairs round-trip and format the proof record', () => {
    const pair = generateKeyProofKeyPair('ed25519');
    assert.equal(pair.privateKeyHex.length, 64);
    assert.equal(publicKeyBase64('ed25519', pair.privateKeyHex), pair.publicKeyBase64);
    const signature = Buffer.from(signTimestamp('ed25519', pair.privateKeyHex, timestamp), 'hex');
    assert.ok(verify(null, Buffer.from(timestamp), publicKeyObject('ed25519', pair.publicKeyBase64), signature));
    assert.equal(keyProofRecord('ed25519', pair.publicKeyBase64), `v=MCPv1; k=ed25519; p=${pair.publicKeyBase64}`);
    assert.match(keyProofRecord('ecdsap384', 'AAAA'), /^v=MCPv1; k=ecdsap384; p=AAAA$/);
  });

  it('rejects keys of the wrong length with a message naming the expected size', () => {
    assert.throws(() => signTimestamp('ed25519', 'abcd', timestamp), /32 bytes: 64 hex characters/);
    assert.throws(() => signTimestamp('ecdsap384', '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', timestamp), /48 bytes/);
    assert.throws(() => signTimestamp('ed25519', 'z'.repeat(64), timestamp), /hex/);
  });
});
