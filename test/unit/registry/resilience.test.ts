import * as assert from 'node:assert/strict';
import type { LocalRegistry } from '../../../tools/local-registry';
import { attemptOutcome, RegistryClient, type RegistryClientOptions, type RequestLogEntry } from '../../../src/registry';
import { ANON, countingFetch, rejection, serverJson, sharedRegistry } from './fixtures';

describe('RegistryClient resilience (local registry with faults)', () => {
  let reg: LocalRegistry;
  let token: string;
  let log: RequestLogEntry[];

  const clientWith = (options: RegistryClientOptions = {}) =>
    new RegistryClient(reg.url, { apiVersion: 'v0.1', retryBaseDelayMs: 5, onRequest: (e) => log.push(e), ...options });

  before(async () => {
    reg = await sharedRegistry();
    token = (await clientWith().exchangeAnonymous()).token;
    await clientWith().publish(serverJson('resilient', '1.0.0'), token);
  });
  beforeEach(() => {
    log = [];
  });
  afterEach(() => reg.faults.clear());

  it('429 with Retry-After: waits as told, then succeeds', async () => {
    reg.faults.add({ path: '/servers$', kind: 'rate-limit', retryAfterSeconds: 1, times: 1 });
    const list = await clientWith().listServers({ search: 'resilient' });
    assert.equal(list.servers.length, 1);
    assert.deepEqual(log.map((e) => [e.attempt, e.status]), [[1, 429], [2, 200]]);
  });

  it('429 asking for longer than the longest wait: reported at once with the delay in the hint', async () => {
    reg.faults.add({ path: '/servers$', kind: 'rate-limit', retryAfterSeconds: 120, times: 1 });
    const error = await rejection(clientWith().listServers());
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 120);
    assert.match(error.hint!, /retry after 120 s/);
    assert.equal(log.length, 1);
  });

  it('503 once: the GET is retried and succeeds', async () => {
    reg.faults.add({ path: '/versions/', kind: 'status', status: 503, times: 1 });
    const version = await clientWith().getServerVersion(`${ANON}/resilient`, '1.0.0');
    assert.equal(version.server.version, '1.0.0');
    assert.deepEqual(log.map((e) => e.status), [503, 200]);
  });

  it('5xx every time: gives up after the bounded attempts with a retry-later hint', async () => {
    reg.faults.add({ path: '/servers$', kind: 'status', status: 500 });
    const before = reg.requestCount();
    const error = await rejection(clientWith({ maxAttempts: 3 }).listServers());
    assert.equal(error.kind, 'http');
    assert.equal(error.status, 500);
    assert.match(error.hint!, /retry later/);
    assert.equal(reg.requestCount() - before, 3);
  });

  it('writes are never retried: a 503 on publish is one request', async () => {
    reg.faults.add({ path: '/publish$', kind: 'status', status: 503 });
    const counted = countingFetch();
    const error = await rejection(clientWith({ fetch: counted.fetch }).publish(serverJson('resilient', '9.9.9'), token));
    assert.equal(error.status, 503);
    assert.deepEqual(counted.calls, [{ method: 'POST', path: '/v0.1/publish' }]);
  });

  it('a connection reset on publish is reported as an answer cut off (it may have been stored), not retried', async () => {
    reg.faults.add({ path: '/publish$', kind: 'reset' });
    const counted = countingFetch();
    const error = await rejection(clientWith({ fetch: counted.fetch }).publish(serverJson('resilient', '9.9.8'), token));
    assert.equal(error.kind, 'cut-off');
    assert.match(error.hint!, /may have made the change/);
    assert.equal(counted.calls.length, 1);
    assert.equal(log.length, 1);
    assert.match(log[0].error!, /^the answer was cut off/);
  });

  it('a reset in the middle of the body: retried for GETs, logged as failed (not 200), reported as cut off when it persists', async () => {
    reg.faults.add({ path: '/servers$', kind: 'reset', times: 1 });
    assert.equal((await clientWith().listServers({ search: 'resilient' })).servers.length, 1);
    assert.equal(log.length, 2);
    assert.match(log[0].error!, /^the answer was cut off: the connection dropped/);
    assert.match(attemptOutcome(log[0]), /^failed \(the answer was cut off/);
    assert.equal(attemptOutcome(log[1]), '200');

    log = [];
    reg.faults.add({ path: '/servers$', kind: 'reset' });
    const error = await rejection(clientWith({ maxAttempts: 2 }).listServers());
    assert.equal(error.kind, 'cut-off');
    assert.match(error.message, /^The registry's answer was cut off \(GET \/v0\.1\/servers\): the connection dropped/);
    assert.doesNotMatch(`${error.message} ${error.hint}`, /Could not reach|proxy settings/);
    assert.equal(log.length, 2);
  });

  it('a request that hangs ends with kind timeout after the configured timeout, without retry', async () => {
    reg.faults.add({ path: '/servers$', kind: 'timeout' });
    const error = await rejection(clientWith({ timeoutMs: 200 }).listServers());
    assert.equal(error.kind, 'timeout');
    assert.equal(log.length, 1);
  });

  it('a truncated body says the answer was cut off (not "check the URL"), and a GET retries it', async () => {
    reg.faults.add({ path: '/servers$', kind: 'malformed', times: 1 });
    assert.equal((await clientWith().listServers({ search: 'resilient' })).servers.length, 1);
    assert.deepEqual(log.map((e) => attemptOutcome(e).replace(/:.*/s, '')), ['failed (the answer was cut off', '200']);

    log = [];
    reg.faults.add({ path: '/servers$', kind: 'malformed' });
    const error = await rejection(clientWith({ maxAttempts: 2 }).listServers());
    assert.equal(error.kind, 'cut-off');
    assert.match(error.message, /answer was cut off .*stops after \d+ bytes, before the JSON ends/);
    assert.doesNotMatch(error.hint!, /without \/v0\.1/);
    assert.equal(log.length, 2);
  });

  it('a body that is not JSON at all is still a parse error that suggests checking the URL', async () => {
    const fetchHtml: typeof fetch = async () => new Response('<html><body>Welcome</body></html>', { status: 200, headers: { 'content-type': 'text/html' } });
    const error = await rejection(clientWith({ fetch: fetchHtml, maxAttempts: 3 }).listServers());
    assert.equal(error.kind, 'parse');
    assert.match(error.hint!, /without \/v0\.1/);
    assert.equal(log.length, 1, 'not retried');
  });

  it('cancelling while the registry holds the request ends it as cancelled, not after the delay', async () => {
    // The held request would succeed after 3 s; only the abort can make it fail.
    reg.faults.add({ path: '/servers$', kind: 'latency', ms: 3000, times: 1 });
    const controller = new AbortController();
    const pending = clientWith({ timeoutMs: 30_000 }).listServers({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    const error = await rejection(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal(error.hint, undefined);
  });

  it('cancelling during a retry wait ends the wait', async () => {
    reg.faults.add({ path: '/servers$', kind: 'rate-limit', retryAfterSeconds: 10, times: 1 });
    const controller = new AbortController();
    const pending = clientWith({ maxRetryWaitMs: 15_000 }).listServers({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 100);
    const error = await rejection(pending);
    assert.equal(error.kind, 'cancelled');
    assert.equal(log.length, 1, 'the retry never started');
  });

  it('an already-aborted signal sends nothing', async () => {
    const counted = countingFetch();
    const error = await rejection(clientWith({ fetch: counted.fetch }).listServers({}, { signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'cancelled');
    assert.equal(counted.calls.length, 0);
  });
});
