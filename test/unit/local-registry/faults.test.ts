import assert from 'node:assert/strict';
import { request } from 'node:http';
import { CONTROL_SECRET_HEADER, startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { ANON, anonymousToken, call, enc, serverJson } from './helpers';

/** Raw GET that reports how the exchange ended instead of throwing. */
function rawGet(url: string, timeoutMs: number): Promise<{ status?: number; body: string; outcome: 'complete' | 'reset' | 'client-timeout' }> {
  return new Promise((resolve) => {
    let body = '';
    let status: number | undefined;
    const req = request(url, (res) => {
      status = res.statusCode;
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status, body, outcome: 'complete' }));
      res.on('error', () => resolve({ status, body, outcome: 'reset' }));
      res.on('aborted', () => resolve({ status, body, outcome: 'reset' }));
    });
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      resolve({ status, body, outcome: 'client-timeout' });
    });
    req.on('error', () => resolve({ status, body, outcome: 'reset' }));
    req.end();
  });
}

describe('local registry: fault injection', () => {
  let reg: LocalRegistry;
  before(async () => {
    reg = await startLocalRegistry();
  });
  afterEach(() => reg.faults.clear());
  after(async () => reg?.close());

  it('returns an injected status as problem+json for the next N matching requests only', async () => {
    reg.faults.add({ kind: 'status', status: 503, path: '^/v0\\.1/servers$', times: 2 });
    assert.equal((await call(reg.url, 'GET', '/v0.1/ping')).status, 200, 'other paths are untouched');
    const first = await call(reg.url, 'GET', '/v0.1/servers');
    assert.equal(first.status, 503);
    assert.equal(first.headers.get('content-type'), 'application/problem+json');
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers')).status, 503);
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers')).status, 200);
    assert.deepEqual(reg.faults.list(), []);
  });

  it('answers 429 with Retry-After for rate limits, filtered by method', async () => {
    reg.faults.add({ kind: 'rate-limit', retryAfterSeconds: 7, method: 'POST' });
    assert.equal((await call(reg.url, 'GET', '/v0.1/servers')).status, 200);
    const limited = await call(reg.url, 'POST', '/v0.1/validate', { body: {} });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
  });

  it('serves truncated JSON with status 200 for malformed', async () => {
    reg.faults.add({ kind: 'malformed', times: 1 });
    const res = await call(reg.url, 'GET', '/v0.1/servers');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.throws(() => JSON.parse(res.text));
  });

  it('delays responses by the configured latency', async () => {
    reg.faults.add({ kind: 'latency', ms: 300, times: 1 });
    const res = await rawGet(`${reg.url}/v0.1/ping`, 100);
    assert.equal(res.outcome, 'client-timeout', 'a client with a shorter timeout gives up');
    assert.equal((await rawGet(`${reg.url}/v0.1/ping`, 5000)).outcome, 'complete');
  });

  it('hangs for timeout faults until the client gives up or the given time passes', async () => {
    reg.faults.add({ kind: 'timeout', times: 1 });
    assert.equal((await rawGet(`${reg.url}/v0.1/servers`, 200)).outcome, 'client-timeout');
    reg.faults.add({ kind: 'timeout', ms: 50, times: 1 });
    assert.equal((await rawGet(`${reg.url}/v0.1/servers`, 5000)).outcome, 'reset');
  });

  it('resets the connection mid-body, and with afterHandling commits the write first', async () => {
    reg.faults.add({ kind: 'reset', times: 1 });
    const res = await rawGet(`${reg.url}/v0.1/servers`, 5000);
    assert.equal(res.outcome, 'reset');
    assert.equal(res.status, 200, 'headers were sent before the reset');
    const token = await anonymousToken(reg.url);
    const name = `${ANON}/after-reset`;
    reg.faults.add({ kind: 'reset', method: 'POST', path: '/publish$', afterHandling: true, times: 1 });
    await assert.rejects(call(reg.url, 'POST', '/v0.1/publish', { body: serverJson(name, '1.0.0'), token }));
    assert.equal((await call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions/1.0.0`)).status, 200, 'the publish committed');
    reg.faults.add({ kind: 'reset', method: 'POST', path: '/publish$', times: 1 });
    await assert.rejects(call(reg.url, 'POST', '/v0.1/publish', { body: serverJson(name, '2.0.0'), token }));
    assert.equal((await call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions/2.0.0`)).status, 404, 'without afterHandling nothing is written');
  });

  it('can be switched over HTTP at /_local/faults with the run\'s secret', async () => {
    const headers = { [CONTROL_SECRET_HEADER]: reg.controlSecret };
    const added = await call(reg.url, 'POST', '/_local/faults', { body: { kind: 'status', status: 502, path: 'ping' }, headers });
    assert.equal(added.status, 200);
    const id = (added.json as { id: string }).id;
    assert.equal((await call(reg.url, 'GET', '/v0.1/ping')).status, 502);
    const listed = (await call(reg.url, 'GET', '/_local/faults', { headers })).json as { faults: { id: string }[] };
    assert.deepEqual(listed.faults.map((f) => f.id), [id]);
    assert.equal((await call(reg.url, 'DELETE', `/_local/faults/${id}`, { headers })).status, 200);
    assert.equal((await call(reg.url, 'GET', '/v0.1/ping')).status, 200);
    assert.equal((await call(reg.url, 'POST', '/_local/faults', { body: { kind: 'explode' }, headers })).status, 422);
  });
});
