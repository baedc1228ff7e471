import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { endsMidJson, RegistryError, parseErrorBody, parseRetryAfter, redactUrl } from '../../../src/registry';

function httpError(status: number, contentType: string, body: string, method = 'POST', retryAfter?: string): RegistryError {
  const parsed = parseErrorBody(contentType, body);
  return new RegistryError({
    kind: 'http',
    method,
    url: 'https://registry.example/v0.1/publish',
    status,
    title: parsed.title,
    detail: parsed.detail,
    errors: parsed.errors,
    retryAfterSeconds: parseRetryAfter(retryAfter),
  });
}

describe('registry error bodies and hints', () => {
  it('reads RFC 9457 problem+json with errors[] location and value', () => {
    const body = parseErrorBody(
      'application/problem+json',
      JSON.stringify({
        title: 'Unprocessable Entity',
        status: 422,
        detail: 'validation failed',
        errors: [{ message: 'expected length <= 100', location: 'body.description', value: 'x'.repeat(101) }],
      }),
    );
    assert.equal(body.title, 'Unprocessable Entity');
    assert.equal(body.detail, 'validation failed');
    assert.equal(body.errors[0].location, 'body.description');
    assert.equal(body.errors[0].value, 'x'.repeat(101));
  });

  it('reads the generic spec {"error": "…"} bodies', () => {
    assert.deepEqual(parseErrorBody('application/json', '{"error":"Server not found"}'), { detail: 'Server not found', errors: [] });
  });

  it('reduces HTML error pages to their first line of text, bounded', () => {
    const html =
      '<html><head><style>body{color:red}</style><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
    assert.equal(parseErrorBody('text/html', html).detail, '502 Bad Gateway');
    const long = `<!DOCTYPE html><p>${'word '.repeat(200)}</p>`;
    const detail = parseErrorBody('text/html; charset=utf-8', long).detail!;
    assert.ok(detail.length <= 200, `bounded, got ${detail.length}`);
    assert.ok(!detail.includes('<'));
  });

  it('uses the first non-empty line of plain-text bodies, even when mislabelled as JSON', () => {
    assert.equal(parseErrorBody('text/plain', '\n  upstream connect error\nreset reason: overflow').detail, 'upstream connect error');
    assert.equal(parseErrorBody('application/json', 'Internal Server Error').detail, 'Internal Server Error');
    assert.deepEqual(parseErrorBody('text/plain', '   '), { errors: [] });
  });

  it('403: lists the namespaces the token may publish to', () => {
    const error = httpError(
      403,
      'application/problem+json',
      JSON.stringify({
        title: 'Forbidden',
        status: 403,
        detail:
          'You do not have permission to publish this server. You have permission to publish: io.github.alice/*, com.alice.*. Attempting to publish: io.github.acme/tool',
      }),
    );
    assert.deepEqual(error.namespaces, ['io.github.alice/*', 'com.alice.*']);
    assert.match(error.hint!, /io\.github\.alice\/\*, com\.alice\.\*/);
  });

  it('403 without any publish permission says so', () => {
    const error = httpError(403, 'application/problem+json', JSON.stringify({ detail: 'You do not have permission to publish this server. You do not have any publish permissions. Attempting to publish: a/b' }));
    assert.deepEqual(error.namespaces, []);
    assert.match(error.hint!, /not publish to any namespace/);
  });

  it('400 duplicate version: tells the user to bump the version', () => {
    const error = httpError(
      400,
      'application/problem+json',
      JSON.stringify({ title: 'Bad Request', status: 400, detail: 'Failed to publish server', errors: [{ message: 'invalid version: cannot publish duplicate version' }] }),
    );
    assert.ok(error.isDuplicateVersion);
    assert.match(error.hint!, /Bump the version/);
    assert.match(error.message, /Failed to publish server; invalid version: cannot publish duplicate version/);
  });

  it('maps 401, 404, 422, 429 and 5xx to their hints', () => {
    assert.match(httpError(401, 'application/problem+json', '{"detail":"Invalid or expired Registry JWT token"}').hint!, /Sign in again/);
    assert.match(httpError(404, 'application/problem+json', '{"detail":"Server not found"}', 'GET').hint!, /Not found/);
    assert.match(
      httpError(422, 'application/problem+json', '{"detail":"Failed to publish server, invalid schema: call /validate for details"}').hint!,
      /run Validate/,
    );
    const badLimit = httpError(422, 'application/problem+json', '{"errors":[{"message":"expected number <= 100","location":"query.limit","value":500}]}', 'GET');
    assert.match(badLimit.hint!, /request parameters/);
    const limited = httpError(429, 'text/plain', 'slow down', 'GET', '7');
    assert.equal(limited.retryAfterSeconds, 7);
    assert.match(limited.hint!, /retry after 7 s/);
    assert.match(httpError(503, 'text/html', '<h1>Service Unavailable</h1>', 'GET').hint!, /retry later/);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-21T10:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120);
    assert.equal(parseRetryAfter('Sat, 21 Nov 2026 10:00:30 GMT', now), 30);
    assert.equal(parseRetryAfter('Sat, 21 Nov 2026 09:00:00 GMT', now), 0);
    assert.equal(parseRetryAfter('soon', now), undefined);
    assert.equal(parseRetryAfter(null, now), undefined);
  });

  it('never keeps credentials of the URL', () => {
    assert.equal(redactUrl('https://user:secret@registry.example/v0.1/servers'), 'https://registry.example/v0.1/servers');
    const error = new RegistryError({ kind: 'network', method: 'GET', url: 'https://user:secret@registry.example/v0.1/servers' });
    assert.ok(!error.url.includes('secret'));
    assert.ok(!error.message.includes('secret'));
  });

  it('a connection that was refused is "could not reach"; one that dropped is said so, without the proxy-settings hint', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const unreachable = new RegistryError({ kind: 'network', method: 'GET', url: 'https://registry.example/v0.1/servers', cause: new TypeError('fetch failed', { cause: refused }) });
    assert.match(unreachable.message, /^Could not reach the registry/);
    assert.match(unreachable.hint!, /proxy settings/);
    assert.equal(unreachable.summary, 'could not connect: ECONNREFUSED');
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    const dropped = new RegistryError({ kind: 'network', method: 'GET', url: 'https://registry.example/v0.1/servers', cause: new TypeError('fetch failed', { cause: reset }) });
    assert.match(dropped.message, /^The connection to the registry dropped before it answered/);
    assert.doesNotMatch(dropped.hint!, /proxy settings/);
  });

  it('an answer cut off: what happened, and for a write that the change may have been made', () => {
    const get = new RegistryError({ kind: 'cut-off', method: 'GET', url: 'https://registry.example/v0.1/servers', status: 200, detail: 'it stops after 70 bytes, before the JSON ends' });
    assert.equal(get.message, "The registry's answer was cut off (GET /v0.1/servers): it stops after 70 bytes, before the JSON ends");
    assert.match(get.hint!, /^Retry/);
    assert.equal(get.summary, 'the answer was cut off: it stops after 70 bytes, before the JSON ends');
    const patch = new RegistryError({ kind: 'cut-off', method: 'PATCH', url: 'https://registry.example/v0.1/servers/x/versions/1/status', status: 200 });
    assert.match(patch.hint!, /may have made the change/);
  });

  it('summaries name an HTTP failure by status and what the registry said', () => {
    assert.equal(httpError(503, 'application/problem+json', '{"title":"Service Unavailable","status":503}', 'GET').summary, 'HTTP 503: Service Unavailable');
    assert.equal(new RegistryError({ kind: 'timeout', method: 'GET', url: 'https://registry.example/', timeoutMs: 15_000 }).summary, 'no answer in 15 s');
  });
});

describe('endsMidJson', () => {
  it('is true for the start of an object or array that stops before its end', () => {
    assert.equal(endsMidJson('{"servers":[{"server":{"name":"io.modelcontextprotocol.anonymous/trunc'), true);
    assert.equal(endsMidJson('[1, 2'), true);
    assert.equal(endsMidJson('{"a":"x\\"'), true, 'an escaped quote does not end the string');
  });

  it('is false for complete JSON, JSON with trailing garbage, brackets out of order, and other formats', () => {
    assert.equal(endsMidJson('{"a":1}'), false);
    assert.equal(endsMidJson('{"a":1}}'), false);
    assert.equal(endsMidJson('{"a":[1}'), false);
    assert.equal(endsMidJson('<html>'), false);
    assert.equal(endsMidJson(''), false);
  });
});

describe('registry errors in the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('say their message and hint through VS Code\'s translations, with the status and wait as values', () => {
    l10n.config({ contents: {
      'Registry returned {0} ({1})': 'Die Registry antwortete {0} ({1})',
      'Rate limited by the registry; retry after {0} s.': 'Von der Registry gebremst; erneut versuchen nach {0} s.',
    } });
    const error = new RegistryError({ kind: 'http', method: 'GET', url: 'https://registry.example.com/v0/servers', status: 429, retryAfterSeconds: 30 });
    assert.equal(error.message, 'Die Registry antwortete 429 (GET /v0/servers)');
    assert.equal(error.hint, 'Von der Registry gebremst; erneut versuchen nach 30 s.');
  });
});
