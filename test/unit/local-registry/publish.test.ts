import assert from 'node:assert/strict';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { ANON, anonymousToken, call, enc, official, serverJson, type Entry } from './helpers';

describe('local registry: publish, isLatest and status', () => {
  let reg: LocalRegistry;
  let token: string;
  const publish = (body: unknown, t = token) => call(reg.url, 'POST', '/v0.1/publish', { body, token: t });
  const setStatus = (name: string, version: string, body: unknown, t = token) =>
    call(reg.url, 'PATCH', `/v0.1/servers/${enc(name)}/versions/${enc(version)}/status`, { body, token: t });
  const latestOf = async (name: string, includeDeleted = false) => {
    const res = await call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions/latest${includeDeleted ? '?include_deleted=true' : ''}`);
    return res.status === 200 ? (res.json as Entry).server.version : `HTTP ${res.status}`;
  };

  before(async () => {
    reg = await startLocalRegistry();
    token = await anonymousToken(reg.url);
  });
  after(async () => reg?.close());

  it('answers a publish with 200 and an active latest ServerResponse', async () => {
    const res = await publish(serverJson(`${ANON}/first`, '1.0.0'));
    assert.equal(res.status, 200);
    const meta = official(res.json);
    assert.equal(meta.status, 'active');
    assert.equal(meta.isLatest, true);
    assert.equal(meta.publishedAt, meta.updatedAt);
  });

  it('moves latest by semver, not by publish order, and recomputes it after a delete', async () => {
    const name = `${ANON}/seq`;
    for (const v of ['1.0.0', '2.0.0', '1.5.0']) assert.equal((await publish(serverJson(name, v))).status, 200);
    assert.equal(await latestOf(name), '2.0.0');
    assert.equal((await setStatus(name, '2.0.0', { status: 'deleted', statusMessage: 'broken' })).status, 200);
    assert.equal(await latestOf(name), '1.5.0');
    const versions = (await call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions?include_deleted=true`)).json as { servers: Entry[] };
    assert.equal(versions.servers.filter((s) => official(s).isLatest).length, 1);
    assert.deepEqual(versions.servers.map((s) => s.server.version), ['1.5.0', '2.0.0', '1.0.0']);
  });

  it('keeps semver over non-semver, lets a prerelease of a higher version win, and falls back to a deleted latest', async () => {
    const name = `${ANON}/mixed`;
    await publish(serverJson(name, '1.0.0'));
    await publish(serverJson(name, '2025.06.18'));
    assert.equal(await latestOf(name), '1.0.0', 'non-semver after semver is not latest');
    await publish(serverJson(name, '2.0.0-rc.1'));
    assert.equal(await latestOf(name), '2.0.0-rc.1', 'prerelease of a higher version is latest');
    await publish(serverJson(name, '1.9.9'));
    assert.equal(await latestOf(name), '2.0.0-rc.1');
    const bulk = await call(reg.url, 'PATCH', `/v0.1/servers/${enc(name)}/status`, { body: { status: 'deleted' }, token });
    assert.equal(bulk.status, 200);
    assert.equal((bulk.json as { updatedCount: number }).updatedCount, 4);
    assert.equal(await latestOf(name), 'HTTP 404');
    assert.equal(await latestOf(name, true), '2.0.0-rc.1');
  });

  it('orders non-semver versions by publish time', async () => {
    const name = `${ANON}/dates`;
    await publish(serverJson(name, '2025.06.18'));
    await publish(serverJson(name, '2025.01.01'));
    assert.equal(await latestOf(name), '2025.01.01');
  });

  it('rejects duplicate versions, including deleted ones, with the official 400', async () => {
    const name = `${ANON}/dup`;
    await publish(serverJson(name, '1.0.0'));
    const again = await publish(serverJson(name, '1.0.0'));
    assert.equal(again.status, 400);
    assert.equal(again.headers.get('content-type'), 'application/problem+json');
    assert.deepEqual(again.json, { title: 'Bad Request', status: 400, detail: 'Failed to publish server', errors: [{ message: 'invalid version: cannot publish duplicate version' }] });
    await setStatus(name, '1.0.0', { status: 'deleted' });
    assert.equal((await publish(serverJson(name, '1.0.0'))).status, 400);
    assert.equal((await publish(serverJson(name, 'v1.0.0'))).status, 200, 'v1.0.0 is a different string');
  });

  it('rejects latest, range-like server and package versions with 422 and explains them on /validate', async () => {
    for (const v of ['latest', '^1.2.3', '1.x', '>=1.0.0', '1.2.3 - 2.0.0', '1.2 || 1.3']) {
      const res = await publish(serverJson(`${ANON}/ranges`, v));
      assert.equal(res.status, 422, v);
      assert.equal((res.json as { detail: string }).detail, 'Failed to publish server, invalid schema: call /validate for details');
    }
    const pkg = { registryType: 'npm', identifier: '@x/y', version: '~1.0.0', transport: { type: 'stdio' } };
    assert.equal((await publish(serverJson(`${ANON}/ranges`, '1.0.0', { packages: [pkg] }))).status, 422);
    const check = await call(reg.url, 'POST', '/v0.1/validate', { body: serverJson(`${ANON}/ranges`, '1.0.0', { packages: [pkg] }) });
    assert.equal(check.status, 200);
    const result = check.json as { valid: boolean; issues: { path: string; reference: string }[] };
    assert.equal(result.valid, false);
    assert.ok(result.issues.some((i) => i.path === 'packages[0].version' && i.reference === 'version-looks-like-range'));
  });

  it('accepts an older $schema with a warning on /validate and reports a missing $schema as an error', async () => {
    const old = serverJson(`${ANON}/old-schema`, '1.0.0', { $schema: 'https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json' });
    const check = (await call(reg.url, 'POST', '/v0.1/validate', { body: old })).json as { valid: boolean; issues: { severity: string; reference: string }[] };
    assert.equal(check.valid, true);
    assert.ok(check.issues.some((i) => i.severity === 'warning' && i.reference === 'schema-version-deprecated'));
    assert.equal((await publish(old)).status, 200);
    const noSchema = serverJson(`${ANON}/old-schema`, '1.0.1');
    delete noSchema.$schema;
    const missing = (await call(reg.url, 'POST', '/v0.1/validate', { body: noSchema })).json as { valid: boolean; issues: { reference: string }[] };
    assert.equal(missing.valid, false);
    assert.ok(missing.issues.some((i) => i.reference === 'schema-field-required'));
    assert.equal((await publish(noSchema)).status, 422);
  });

  it('refuses bad tokens with 401, foreign namespaces with 403 naming the patterns, and a missing header with 422', async () => {
    const body = serverJson('com.example/other', '1.0.0');
    const denied = await publish(body);
    assert.equal(denied.status, 403);
    assert.equal(
      (denied.json as { detail: string }).detail,
      `You do not have permission to publish this server. You have permission to publish: ${ANON}/*. Attempting to publish: com.example/other`,
    );
    assert.equal((await publish(body, 'not-a-jwt')).status, 401);
    const expired = reg.mintToken([{ action: 'publish', resource: '*' }], { expiresInSeconds: -10 });
    const exp = await publish(body, expired);
    assert.equal(exp.status, 401);
    assert.equal((exp.json as { detail: string }).detail, 'Invalid or expired Registry JWT token');
    const noHeader = await call(reg.url, 'POST', '/v0.1/publish', { body });
    assert.equal(noHeader.status, 422);
    const prefix = reg.mintToken([{ action: 'publish', resource: 'com.example/*' }]);
    assert.equal((await publish(body, prefix)).status, 200);
  });

  it('enforces remote URL uniqueness across servers, except against deleted versions', async () => {
    const remotes = [{ type: 'streamable-http', url: 'https://mcp.example.com/unique' }];
    assert.equal((await publish(serverJson(`${ANON}/remote-a`, '1.0.0', { remotes }))).status, 200);
    const clash = await publish(serverJson(`${ANON}/remote-b`, '1.0.0', { remotes }));
    assert.equal(clash.status, 400);
    assert.match(JSON.stringify(clash.json), /remote URL https:\/\/mcp.example.com\/unique is already used by server io.modelcontextprotocol.anonymous\/remote-a/);
    assert.equal((await publish(serverJson(`${ANON}/remote-a`, '1.1.0', { remotes }))).status, 200, 'same server may reuse it');
    await call(reg.url, 'PATCH', `/v0.1/servers/${enc(`${ANON}/remote-a`)}/status`, { body: { status: 'deleted' }, token });
    assert.equal((await publish(serverJson(`${ANON}/remote-b`, '1.0.0', { remotes }))).status, 200);
    const restore = await setStatus(`${ANON}/remote-a`, '1.1.0', { status: 'active' });
    assert.equal(restore.status, 400, 'restoring re-checks remote URL uniqueness');
  });

  it('limits publisher-provided _meta to 4 KB and drops other _meta keys and unknown fields', async () => {
    const big = { 'io.modelcontextprotocol.registry/publisher-provided': { blob: 'x'.repeat(5000) } };
    const tooBig = await publish(serverJson(`${ANON}/meta`, '1.0.0', { _meta: big }));
    assert.equal(tooBig.status, 400);
    assert.match(JSON.stringify(tooBig.json), /exceeds 4KB limit/);
    const ok = await publish(serverJson(`${ANON}/meta`, '1.0.1', { _meta: { 'io.modelcontextprotocol.registry/publisher-provided': { tool: 't' }, 'com.other/x': 1 }, surprise: true }));
    assert.equal(ok.status, 200);
    const server = (ok.json as Entry).server;
    assert.deepEqual(server._meta, { 'io.modelcontextprotocol.registry/publisher-provided': { tool: 't' } });
    assert.equal('surprise' in server, false);
  });

  it('applies the status rules: message with active → 400, no change → 400, statusChangedAt only on real changes', async () => {
    const name = `${ANON}/status`;
    await publish(serverJson(name, '1.0.0'));
    const dep = await setStatus(name, '1.0.0', { status: 'deprecated', statusMessage: 'Use 2.x' });
    assert.equal(dep.status, 200);
    const first = official(dep.json);
    assert.equal(first.statusMessage, 'Use 2.x');
    const same = await setStatus(name, '1.0.0', { status: 'deprecated', statusMessage: 'Use 2.x' });
    assert.equal(same.status, 400);
    assert.equal((same.json as { detail: string }).detail, 'No changes to apply: status and message are already set to the provided values');
    await new Promise((r) => setTimeout(r, 5));
    const reworded = official((await setStatus(name, '1.0.0', { status: 'deprecated', statusMessage: 'Use 3.x' })).json);
    assert.equal(reworded.statusChangedAt, first.statusChangedAt);
    assert.notEqual(reworded.updatedAt, first.updatedAt);
    assert.equal((await setStatus(name, '1.0.0', { status: 'active', statusMessage: 'x' })).status, 400);
    assert.equal((await setStatus(name, '9.9.9', { status: 'deleted' })).status, 404);
    assert.equal((await setStatus(name, '1.0.0', { status: 'gone' })).status, 422);
    const other = reg.mintToken([{ action: 'publish', resource: 'com.example/*' }]);
    assert.equal((await setStatus(name, '1.0.0', { status: 'active' }, other)).status, 403);
    assert.equal((await setStatus(name, '7.7.7', { status: 'active' }, other)).status, 404, 'lookup comes before the permission check');
  });

  it('edits a version with edit permission but never renames it', async () => {
    const name = `${ANON}/edit`;
    await publish(serverJson(name, '1.0.0'));
    const path = `/v0.1/servers/${enc(name)}/versions/1.0.0`;
    const edited = await call(reg.url, 'PUT', path, { body: serverJson(name, '1.0.0', { description: 'Better words' }), token });
    assert.equal(edited.status, 200);
    assert.equal((edited.json as Entry).server.description, 'Better words');
    assert.equal((await call(reg.url, 'PUT', path, { body: serverJson(`${ANON}/renamed`, '1.0.0'), token })).status, 400);
    const publishOnly = reg.mintToken([{ action: 'publish', resource: `${ANON}/*` }]);
    assert.equal((await call(reg.url, 'PUT', path, { body: serverJson(name, '1.0.0'), token: publishOnly })).status, 403);
  });

  it('lets exactly one of many concurrent publishes of the same version succeed', async () => {
    const name = `${ANON}/race`;
    const results = await Promise.all(Array.from({ length: 8 }, () => publish(serverJson(name, '1.0.0'))));
    assert.deepEqual(results.map((r) => r.status).sort(), [200, 400, 400, 400, 400, 400, 400, 400]);
  });

  it('keeps exactly one latest row under concurrent publishes of different versions', async () => {
    const name = `${ANON}/race-many`;
    const versions = ['1.0.0', '1.2.0', '3.0.0', '2.5.0', '0.9.0', '3.0.0-rc.1', '2.9.9', '1.1.1'];
    const results = await Promise.all(versions.map((v) => publish(serverJson(name, v))));
    assert.ok(results.every((r) => r.status === 200));
    const list = (await call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions`)).json as { servers: Entry[] };
    const latest = list.servers.filter((s) => official(s).isLatest);
    assert.deepEqual(latest.map((s) => s.server.version), ['3.0.0']);
  });

  it('answers garbage, huge, wrongly typed and unicode bodies with problem+json', async () => {
    const garbage = await call(reg.url, 'POST', '/v0.1/publish', { rawBody: '{"name": ', token, headers: { 'content-type': 'application/json' } });
    assert.equal(garbage.status, 400);
    assert.equal(garbage.headers.get('content-type'), 'application/problem+json');
    const huge = await call(reg.url, 'POST', '/v0.1/publish', { rawBody: `"${'x'.repeat(2 * 1024 * 1024)}"`, token, headers: { 'content-type': 'application/json' } });
    assert.equal(huge.status, 413);
    assert.equal((huge.json as { status: number }).status, 413);
    const wrongType = await call(reg.url, 'POST', '/v0.1/publish', { rawBody: JSON.stringify(serverJson(`${ANON}/ct`, '1.0.0')), token, headers: { 'content-type': 'text/plain' } });
    assert.equal(wrongType.status, 415);
    for (const body of [[1, 2], 'str', null, 42]) {
      const res = await publish(body);
      assert.equal(res.status, 422, JSON.stringify(body));
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
    }
    const unicodeName = await publish(serverJson(`${ANON}/ünïcode`, '1.0.0'));
    assert.equal(unicodeName.status, 422);
    const unicodeText = await publish(serverJson(`${ANON}/unicode`, '1.0.0-β', { description: 'Émoji 🚀 and 中文' }));
    assert.equal(unicodeText.status, 200);
    const fetched = await call(reg.url, 'GET', `/v0.1/servers/${enc(`${ANON}/unicode`)}/versions/${enc('1.0.0-β')}`);
    assert.equal((fetched.json as Entry).server.description, 'Émoji 🚀 and 中文');
    const longDescription = await publish(serverJson(`${ANON}/long`, '1.0.0', { description: 'd'.repeat(101) }));
    assert.equal(longDescription.status, 422);
  });
});
