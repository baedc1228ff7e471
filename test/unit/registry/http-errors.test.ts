import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../../tools/local-registry';
import { RegistryClient, RegistryTokenSource } from '../../../src/registry';
import { ANON, countingFetch, rejection, serverJson, sharedRegistry } from './fixtures';

describe('RegistryClient error mapping (local registry)', () => {
  let reg: LocalRegistry;
  let client: RegistryClient;
  let token: string;

  before(async () => {
    reg = await sharedRegistry();
    client = new RegistryClient(reg.url, { apiVersion: 'v0.1' });
    token = (await client.exchangeAnonymous()).token;
  });

  it('401 for an invalid token: sign in again', async () => {
    const error = await rejection(client.publish(serverJson('errs', '1.0.0'), 'not.a.jwt'));
    assert.equal(error.status, 401);
    assert.match(error.detail!, /Invalid or expired/);
    assert.match(error.hint!, /Sign in again/);
  });

  it('401 for an expired token', async () => {
    const expired = reg.mintToken([{ action: 'publish', resource: `${ANON}/*` }], { expiresInSeconds: -60 });
    const error = await rejection(client.publish(serverJson('errs', '1.0.0'), expired));
    assert.equal(error.status, 401);
  });

  it('403 names the namespaces the token may publish to', async () => {
    const alice = reg.mintToken([{ action: 'publish', resource: 'io.github.alice/*' }]);
    const error = await rejection(client.publish(serverJson('errs', '1.0.0'), alice));
    assert.equal(error.status, 403);
    assert.deepEqual(error.namespaces, ['io.github.alice/*']);
    assert.match(error.hint!, /io\.github\.alice\/\*/);
  });

  it('422 for a document the registry refuses: run Validate', async () => {
    const error = await rejection(client.publish(serverJson('errs', 'latest'), token));
    assert.equal(error.status, 422);
    assert.match(error.hint!, /run Validate/);
  });

  it('400 duplicate version: bump the version', async () => {
    await client.publish(serverJson('dup', '1.0.0'), token);
    const error = await rejection(client.publish(serverJson('dup', '1.0.0'), token));
    assert.equal(error.status, 400);
    assert.ok(error.isDuplicateVersion);
    assert.match(error.hint!, /Bump the version/);
  });

  it('404 for an unknown server', async () => {
    const error = await rejection(client.getServerVersion(`${ANON}/never-published`, 'latest'));
    assert.equal(error.status, 404);
    assert.match(error.hint!, /Not found/);
    assert.match(error.url, /io\.modelcontextprotocol\.anonymous%2Fnever-published\/versions\/latest$/);
  });

  it('422 for a query out of range names the parameter', async () => {
    const error = await rejection(client.listServers({ limit: 500 }));
    assert.equal(error.status, 422);
    assert.equal(error.errors[0].location, 'query.limit');
    assert.match(error.hint!, /request parameters/);
  });

  it('token source: a refused token is exchanged again and the publish retried once', async () => {
    let exchanges = 0;
    const source = new RegistryTokenSource(async () => {
      exchanges++;
      const fresh = await client.exchangeAnonymous();
      // The first token looks valid to us but the registry refuses it.
      return exchanges === 1 ? { token: 'stale.token.value', expiresAt: fresh.expiresAt } : fresh;
    });
    const counted = countingFetch();
    const publishing = new RegistryClient(reg.url, { apiVersion: 'v0.1', fetch: counted.fetch });
    const published = await source.withToken((t) => publishing.publish(serverJson('renewed', '1.0.0'), t));
    assert.equal(published.server.name, `${ANON}/renewed`);
    assert.equal(exchanges, 2);
    assert.equal(counted.calls.length, 2);
  });

  it('token source: renews a token that expires within 30 s before the write', async () => {
    let exchanges = 0;
    const source = new RegistryTokenSource(async () => {
      exchanges++;
      const fresh = await client.exchangeAnonymous();
      return { token: fresh.token, expiresAt: new Date(Date.now() + 20_000) };
    });
    await source.withToken((t) => client.publish(serverJson('renewal', '1.0.0'), t));
    await source.withToken((t) => client.publish(serverJson('renewal', '1.0.1'), t));
    assert.equal(exchanges, 2);
  });
});
