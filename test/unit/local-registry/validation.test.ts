// The local registry refuses at /validate and /publish what the official one refuses, using the extension's
// own rules module, and never fetches a `$schema` URL named in a request.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { ANON, anonymousToken, call, serverJson } from './helpers';

interface ValidationResult {
  valid: boolean;
  issues: { type: string; path: string; message: string; severity: string; reference: string }[];
}

describe('local registry: server.json rules at /validate and /publish', () => {
  let reg: LocalRegistry;
  let token: string;
  const validate = async (body: unknown) => (await call(reg.url, 'POST', '/v0.1/validate', { body })).json as ValidationResult;
  const publish = (body: unknown) => call(reg.url, 'POST', '/v0.1/publish', { body, token });

  before(async () => {
    reg = await startLocalRegistry();
    token = await anonymousToken(reg.url);
  });
  after(async () => reg?.close());

  const refused: [string, Record<string, unknown>, string, string][] = [
    ['a localhost remote', { remotes: [{ type: 'streamable-http', url: 'https://localhost:8443/mcp' }] }, 'remotes[0].url', 'invalid-remote-url'],
    ['an undeclared URL variable', { remotes: [{ type: 'sse', url: 'https://{tenant}.example.com/sse' }] }, 'remotes[0].url', 'invalid-templated-url'],
    ['a repository that is not a repository address', { repository: { url: 'https://github.com/alice', source: 'github' } }, 'repository.url', 'invalid-repository-url'],
    ['a subfolder that climbs out', { repository: { url: 'https://github.com/alice/weather', source: 'github', subfolder: '../x' } }, 'repository.subfolder', 'invalid-subfolder-path'],
    ['a data: icon', { icons: [{ src: 'data:image/png;base64,AAAA' }] }, 'icons[0].src', 'icon-src-invalid-scheme'],
    ['an http website', { websiteUrl: 'http://weather.example.com' }, 'websiteUrl', 'website-url-invalid-scheme'],
    ['an unknown package type', { packages: [{ registryType: 'maven', identifier: 'x', version: '1.0.0', transport: { type: 'stdio' } }] }, 'packages[0].registryType', 'unsupported-registry-type'],
    ['an argument name with its value inside', { packages: [{ registryType: 'npm', identifier: 'x', version: '1.0.0', transport: { type: 'stdio' }, packageArguments: [{ type: 'named', name: '--port 8080' }] }] }, 'packages[0].packageArguments[0].name', 'invalid-named-argument-name'],
  ];
  for (const [what, extra, path, reference] of refused) {
    it(`refuses ${what}: a semantic error on /validate and 422 problem+json on /publish`, async () => {
      const body = serverJson(`${ANON}/refused`, '1.0.0', extra);
      const result = await validate(body);
      assert.equal(result.valid, false);
      const issue = result.issues.find((candidate) => candidate.reference === reference);
      assert.ok(issue, JSON.stringify(result));
      assert.deepEqual(Object.keys(issue).sort(), ['message', 'path', 'reference', 'severity', 'type']);
      assert.equal(issue.type, 'semantic');
      assert.equal(issue.path, path);
      assert.equal(issue.severity, 'error');
      const res = await publish(body);
      assert.equal(res.status, 422);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.deepEqual(res.json, { title: 'Unprocessable Entity', status: 422, detail: 'Failed to publish server, invalid schema: call /validate for details' });
    });
  }

  it('accepts what the official registry accepts: a templated host:port remote and an OCI package in the legacy shape', async () => {
    const body = serverJson(`${ANON}/accepted`, '1.0.0', {
      remotes: [{ type: 'streamable-http', url: 'https://{host}:{port}/', variables: { host: { isRequired: true }, port: { default: '443' } } }],
      packages: [{ registryType: 'oci', registryBaseUrl: 'https://docker.io', identifier: 'alice/weather', version: '1.0.0', transport: { type: 'stdio' } }],
    });
    assert.deepEqual(await validate(body), { valid: true, issues: [] });
    assert.equal((await publish(body)).status, 200);
  });

  describe('a $schema URL in the request', () => {
    let schemaHost: Server;
    let requests = 0;
    before(async () => {
      schemaHost = createServer((_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"type":"object"}');
      });
      await new Promise<void>((resolve) => schemaHost.listen(0, '127.0.0.1', resolve));
    });
    after(async () => new Promise<void>((resolve) => schemaHost.close(() => resolve())));

    it('is never fetched: an unknown version is an error, a known one is read from the local files', async () => {
      const port = (schemaHost.address() as AddressInfo).port;
      const unknown = serverJson(`${ANON}/schema-url`, '1.0.0', { $schema: `http://127.0.0.1:${port}/schemas/2099-01-01/server.schema.json` });
      const result = await validate(unknown);
      assert.equal(result.valid, false);
      assert.deepEqual(result.issues.map((issue) => [issue.type, issue.path, issue.reference]), [['schema', '$schema', 'schema-version-unsupported']]);
      assert.equal((await publish(unknown)).status, 422);
      const known = serverJson(`${ANON}/schema-url`, '1.0.0', { $schema: `http://127.0.0.1:${port}/schemas/2025-12-11/server.schema.json`, description: 7 });
      assert.equal((await validate(known)).valid, false, 'checked against the local 2025-12-11 schema');
      assert.equal(requests, 0);
    });
  });
});
