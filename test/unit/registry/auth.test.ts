import * as assert from 'node:assert/strict';
import {
  RegistryError,
  RegistryTokenSource,
  decodeJwtPayload,
  jwtPermissions,
  mayChangeStatus,
  mayPublish,
  publishableNamespaces,
  type Permission,
  type RegistryToken,
} from '../../../src/registry';

function fakeJwt(payload: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'EdDSA', typ: 'JWT' })}.${part(payload)}.c2lnbmF0dXJl`;
}

function unauthorized(): RegistryError {
  return new RegistryError({ kind: 'http', method: 'POST', url: 'http://127.0.0.1/v0.1/publish', status: 401, detail: 'Invalid or expired Registry JWT token' });
}

describe('registry permissions', () => {
  const permissions: Permission[] = [
    { action: 'publish', resource: 'io.github.alice/*' },
    { action: 'publish', resource: 'com.alice.*' },
    { action: 'publish', resource: 'com.exact/server' },
    { action: 'edit', resource: 'io.modelcontextprotocol.anonymous/*' },
  ];

  it('decodes the permissions claim of a registry JWT without verifying it', () => {
    const token = fakeJwt({ iss: 'mcp-registry', auth_method: 'github-at', permissions });
    assert.equal(decodeJwtPayload(token)?.auth_method, 'github-at');
    assert.deepEqual(jwtPermissions(token), permissions);
    assert.deepEqual(jwtPermissions('not-a-jwt'), []);
    assert.deepEqual(jwtPermissions('a.!!!.c'), []);
  });

  it('applies the registry pattern rules: prefix*, exact, case-sensitive', () => {
    assert.ok(mayPublish(permissions, 'io.github.alice/weather'));
    assert.ok(!mayPublish(permissions, 'io.github.Alice/weather'), 'namespaces are case-sensitive');
    assert.ok(!mayPublish(permissions, 'io.github.alicebob/x'), 'the / ends the namespace');
    assert.ok(mayPublish(permissions, 'com.alice.tools/x'));
    assert.ok(mayPublish(permissions, 'com.exact/server'));
    assert.ok(!mayPublish(permissions, 'com.exact/server2'));
    assert.ok(!mayPublish(permissions, 'io.modelcontextprotocol.anonymous/x'), 'edit is not publish');
    assert.ok(mayChangeStatus(permissions, 'io.modelcontextprotocol.anonymous/x'), 'edit allows status changes');
    assert.ok(mayPublish([{ action: 'publish', resource: '*' }], 'anything/at-all'));
    assert.deepEqual(publishableNamespaces(permissions), ['io.github.alice/*', 'com.alice.*', 'com.exact/server']);
  });
});

describe('RegistryTokenSource', () => {
  let clock = 0;
  let exchanges = 0;
  const exchange = async (): Promise<RegistryToken> => {
    exchanges++;
    return { token: fakeJwt({ n: exchanges, permissions: [{ action: 'publish', resource: 'io.github.alice/*' }] }), expiresAt: new Date(clock + 5 * 60_000) };
  };
  beforeEach(() => {
    clock = 1_000_000;
    exchanges = 0;
  });

  it('exchanges only when needed and renews within 30 s of expiry', async () => {
    const source = new RegistryTokenSource(exchange, { now: () => clock });
    const first = await source.getToken();
    assert.equal(await source.getToken(), first);
    clock += 4 * 60_000; // 60 s left
    assert.equal(await source.getToken(), first);
    clock += 31_000; // 29 s left
    const second = await source.getToken();
    assert.notEqual(second, first);
    assert.equal(exchanges, 2);
    assert.deepEqual(source.permissions, [{ action: 'publish', resource: 'io.github.alice/*' }]);
  });

  it('shares one exchange between concurrent callers', async () => {
    const source = new RegistryTokenSource(exchange, { now: () => clock });
    const tokens = await Promise.all([source.getToken(), source.getToken(), source.getToken()]);
    assert.equal(new Set(tokens).size, 1);
    assert.equal(exchanges, 1);
  });

  it('withToken: on 401 re-exchanges once and retries the write once', async () => {
    const source = new RegistryTokenSource(exchange, { now: () => clock });
    const used: string[] = [];
    const result = await source.withToken(async (token) => {
      used.push(token);
      if (used.length === 1) throw unauthorized();
      return 'published';
    });
    assert.equal(result, 'published');
    assert.equal(used.length, 2);
    assert.notEqual(used[0], used[1]);
    assert.equal(exchanges, 2);
  });

  it('withToken: a second 401 is thrown, not retried again', async () => {
    const source = new RegistryTokenSource(exchange, { now: () => clock });
    let calls = 0;
    await assert.rejects(
      source.withToken(async () => {
        calls++;
        throw unauthorized();
      }),
      (error: unknown) => error instanceof RegistryError && error.status === 401,
    );
    assert.equal(calls, 2);
  });

  it('withToken: other failures are not retried', async () => {
    const source = new RegistryTokenSource(exchange, { now: () => clock });
    let calls = 0;
    const forbidden = new RegistryError({ kind: 'http', method: 'POST', url: 'http://127.0.0.1/v0.1/publish', status: 403 });
    await assert.rejects(
      source.withToken(async () => {
        calls++;
        throw forbidden;
      }),
      forbidden,
    );
    assert.equal(calls, 1);
    assert.equal(exchanges, 1);
  });

  it('a failed exchange is reported and the next call tries again', async () => {
    let fail = true;
    const source = new RegistryTokenSource(async () => {
      if (fail) throw new Error('GitHub said no');
      return exchange();
    });
    await assert.rejects(source.getToken(), /GitHub said no/);
    fail = false;
    assert.ok(await source.getToken());
  });
});
