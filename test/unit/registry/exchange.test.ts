import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../../tools/local-registry';
import {
  RegistryClient,
  createTimestampSigner,
  generateKeyProofKeyPair,
  jwtPermissions,
  keyProofRecord,
  mayPublish,
  type KeyAlgorithm,
} from '../../../src/registry';
import { outbound, rejection, serverJson, sharedRegistry } from './fixtures';

describe('registry sign-in exchanges (local registry)', () => {
  let reg: LocalRegistry;
  let client: RegistryClient;

  before(async () => {
    reg = await sharedRegistry();
    client = new RegistryClient(reg.url, { apiVersion: 'v0.1' });
  });
  afterEach(() => {
    outbound.wellKnown.clear();
    outbound.dnsTxt.clear();
    outbound.githubLogins.clear();
  });

  for (const algorithm of ['ed25519', 'ecdsap384'] as KeyAlgorithm[]) {
    it(`HTTP key proof with ${algorithm}: the .well-known record unlocks the domain namespace and publishing`, async () => {
      const pair = generateKeyProofKeyPair(algorithm);
      const domain = algorithm === 'ed25519' ? 'alpha.example' : 'beta.example';
      outbound.wellKnown.set(domain, `${keyProofRecord(algorithm, pair.publicKeyBase64)}\n`);
      const token = await client.exchangeHttp(domain, createTimestampSigner(algorithm, pair.privateKeyHex));
      const reversed = domain.split('.').reverse().join('.');
      assert.deepEqual(jwtPermissions(token.token), [{ action: 'publish', resource: `${reversed}/*` }]);
      const published = await client.publish(serverJson(`${reversed}/tool`, '1.0.0'), token.token);
      assert.equal(published.server.name, `${reversed}/tool`);
    });
  }

  it('HTTP key proof signed with a key other than the published one is refused with 401', async () => {
    const published = generateKeyProofKeyPair('ed25519');
    const other = generateKeyProofKeyPair('ed25519');
    outbound.wellKnown.set('gamma.example', keyProofRecord('ed25519', published.publicKeyBase64));
    const error = await rejection(client.exchangeHttp('gamma.example', createTimestampSigner('ed25519', other.privateKeyHex)));
    assert.equal(error.status, 401);
    assert.match(error.message, /HTTP authentication failed/);
  });

  it('DNS key proof grants the domain and its subdomains', async () => {
    const pair = generateKeyProofKeyPair('ed25519');
    outbound.dnsTxt.set('delta.example', ['v=spf1 -all', keyProofRecord('ed25519', pair.publicKeyBase64)]);
    const token = await client.exchangeDns('delta.example', createTimestampSigner('ed25519', pair.privateKeyHex));
    const permissions = jwtPermissions(token.token);
    assert.ok(mayPublish(permissions, 'example.delta/server'));
    assert.ok(mayPublish(permissions, 'example.delta.sub/server'));
    assert.ok(!mayPublish(permissions, 'example.other/server'));
  });

  it('GitHub access token: exchanged for the personal namespace', async () => {
    outbound.githubLogins.set('gho_valid', 'octo-cat');
    const token = await client.exchangeGithubAccessToken('gho_valid');
    assert.deepEqual(jwtPermissions(token.token), [{ action: 'publish', resource: 'io.github.octo-cat/*' }]);
    assert.ok(token.expiresAt.getTime() > Date.now());
  });

  it('GitHub access token the GitHub API refuses: 401 with the reason', async () => {
    const error = await rejection(client.exchangeGithubAccessToken('gho_revoked'));
    assert.equal(error.status, 401);
    assert.match(error.message, /Token exchange failed/);
    assert.ok(!error.message.includes('gho_revoked'));
  });

  it('GitHub OIDC sends the token to /auth/github-oidc (refused by the local registry)', async () => {
    const error = await rejection(client.exchangeGithubOidc('eyJ.oidc.token'));
    assert.equal(error.status, 401);
    assert.match(error.url, /\/v0\.1\/auth\/github-oidc$/);
  });
});
