import * as assert from 'node:assert/strict';
import { generateKeyProofKeyPair, keyProofRecord, publicKeyObject } from '../../../src/registry';
import { isValidDomainName, keyProofInstructions, namespaceOfDomain } from '../../../src/auth/keyProofText';

describe('key proof instructions', () => {
  it('shows the exact record as a DNS TXT line at the apex and as the .well-known body', () => {
    const pair = generateKeyProofKeyPair('ed25519');
    const record = keyProofRecord('ed25519', pair.publicKeyBase64);
    const text = keyProofInstructions({ domain: 'example.com', algorithm: 'ed25519', record, registryName: 'Official', method: 'either' });
    assert.ok(text.includes(`example.com.  IN  TXT  "${record}"`));
    assert.ok(text.includes('https://example.com/.well-known/mcp-registry-auth'));
    assert.ok(text.includes('`com.example/*`'));
    assert.ok(text.includes('`com.example.*`'), 'DNS also grants sub-domains');
    assert.ok(!text.includes(pair.privateKeyHex), 'the private key never appears in the document');
    assert.equal(publicKeyObject('ed25519', /p=(.+)$/.exec(record)![1]).asymmetricKeyType, 'ed25519');
  });

  it('shows only the method the registry uses', () => {
    const record = keyProofRecord('ecdsap384', generateKeyProofKeyPair('ecdsap384').publicKeyBase64);
    const http = keyProofInstructions({ domain: 'acme.dev', algorithm: 'ecdsap384', record, registryName: 'R', method: 'http' });
    assert.ok(!http.includes('IN  TXT'));
    assert.ok(http.includes('ECDSA P-384'));
    const dns = keyProofInstructions({ domain: 'acme.dev', algorithm: 'ecdsap384', record, registryName: 'R', method: 'dns' });
    assert.ok(!dns.includes('.well-known'));
  });

  it('accepts host names only, and reverses them into the namespace', () => {
    assert.equal(namespaceOfDomain('Tools.Example.com'), 'com.example.tools/*');
    for (const ok of ['example.com', 'a.b-c.io']) assert.equal(isValidDomainName(ok), true, ok);
    for (const bad of ['https://example.com', 'example.com/path', 'localhost', '*.example.com', 'example.com:8080', '']) assert.equal(isValidDomainName(bad), false, bad);
  });
});
