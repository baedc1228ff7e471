// Contract against the generic "MCP Server Registry API" document (openapi.yaml, OpenAPI 3.1): every /v0.1
// path is served and successful responses validate against the document's response schemas. Error bodies are
// deliberately not checked against the document: the official registry answers errors with RFC 9457
// problem+json ({title, status, detail, errors}), not the generic document's {error} objects.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { DEFAULT_SHARED_DIR, startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { ANON, anonymousToken, call, enc, serverJson } from './helpers';

interface Operation {
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
const DOC_ID = 'https://local.test/openapi.json';
const doc = parse(readFileSync(path.join(DEFAULT_SHARED_DIR, 'mcp-registry', 'openapi.yaml'), 'utf8')) as { paths: Record<string, Record<string, Operation>> };

function pointer(...segments: string[]): string {
  return segments.map((s) => s.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

describe('local registry: contract with openapi.yaml', () => {
  let reg: LocalRegistry;
  let token: string;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
  const name = `${ANON}/contract`;

  before(async () => {
    reg = await startLocalRegistry();
    token = await anonymousToken(reg.url);
    const remotes = [{ type: 'streamable-http', url: 'https://contract.example.com/mcp' }];
    const packages = [{ registryType: 'npm', identifier: '@contract/server', version: '1.0.0', transport: { type: 'stdio' }, environmentVariables: [{ name: 'API_KEY', isSecret: true }] }];
    for (const v of ['1.0.0', '1.1.0']) {
      assert.equal((await call(reg.url, 'POST', '/v0.1/publish', { body: serverJson(name, v, { packages: [{ ...packages[0], version: v }], remotes: v === '1.0.0' ? remotes : [] }), token })).status, 200);
    }
  });
  after(async () => reg?.close());

  // One request per documented operation; DELETE is optional in the document and, like the official registry,
  // not implemented (status changes to "deleted" replace it).
  const requests: Record<string, () => Promise<{ status: number; json: unknown }>> = {
    'get /v0.1/servers': () => call(reg.url, 'GET', '/v0.1/servers?limit=5'),
    'get /v0.1/servers/{serverName}/versions': () => call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions`),
    'get /v0.1/servers/{serverName}/versions/{version}': () => call(reg.url, 'GET', `/v0.1/servers/${enc(name)}/versions/latest`),
    'put /v0.1/servers/{serverName}/versions/{version}': () =>
      call(reg.url, 'PUT', `/v0.1/servers/${enc(name)}/versions/1.1.0`, { body: serverJson(name, '1.1.0', { title: 'Contract' }), token }),
    'patch /v0.1/servers/{serverName}/versions/{version}/status': () =>
      call(reg.url, 'PATCH', `/v0.1/servers/${enc(name)}/versions/1.0.0/status`, { body: { status: 'deprecated', statusMessage: 'Use 1.1.0' }, token }),
    'patch /v0.1/servers/{serverName}/status': () => call(reg.url, 'PATCH', `/v0.1/servers/${enc(name)}/status`, { body: { status: 'deprecated' }, token }),
    'post /v0.1/publish': () => call(reg.url, 'POST', '/v0.1/publish', { body: serverJson(name, '2.0.0'), token }),
  };

  for (const [p, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (method === 'delete') continue;
      it(`serves ${method.toUpperCase()} ${p} with a response matching the document`, async () => {
        const send = requests[`${method} ${p}`];
        assert.ok(send, `no request prepared for ${method} ${p}`);
        const res = await send();
        assert.equal(res.status, 200, JSON.stringify(res.json));
        assert.ok(op.responses['200'], 'documented 200');
        const ref = `${DOC_ID}#/${pointer('paths', p, method, 'responses', '200', 'content', 'application/json', 'schema')}`;
        const validate = ajv.getSchema(ref);
        assert.ok(validate, ref);
        assert.ok(validate(res.json), JSON.stringify(validate.errors?.slice(0, 3)));
      });
    }
  }

  it('does not implement the optional DELETE, like the official registry', async () => {
    const res = await call(reg.url, 'DELETE', `/v0.1/servers/${enc(name)}/versions/1.0.0`, { token });
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
  });
});
