import assert from 'node:assert/strict';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startLocalRegistry, type LocalRegistry } from '../../../tools/local-registry/index';
import { call, serverJson } from './helpers';

function ed25519Record(): { record: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { record: `v=MCPv1; k=ed25519; p=${raw.toString('base64')}`, privateKey };
}

function p384Record(): { record: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const y = Buffer.from(jwk.y as string, 'base64url');
  const compressed = Buffer.concat([Buffer.from([y[y.length - 1] % 2 === 0 ? 2 : 3]), Buffer.from(jwk.x as string, 'base64url')]);
  return { record: `v=MCPv1; k=ecdsap384; p=${compressed.toString('base64')}`, privateKey };
}

function proof(privateKey: KeyObject, domain: string, at = new Date()): Record<string, string> {
  const timestamp = at.toISOString();
  const signature = privateKey.asymmetricKeyType === 'ed25519'
    ? sign(null, Buffer.from(timestamp), privateKey)
    : sign('sha384', Buffer.from(timestamp), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return { domain, timestamp, signed_timestamp: signature.toString('hex') };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('local registry: authentication', () => {
  let reg: LocalRegistry;
  let fake: Server;
  const wellKnown = new Map<string, string>();
  const txt = new Map<string, string[]>();

  before(async () => {
    fake = createServer((req, res) => {
      const url = req.url ?? '';
      if (url.startsWith('/wk/')) {
        const record = wellKnown.get(url.slice(4));
        res.writeHead(record ? 200 : 404, { 'content-type': 'text/plain' }).end(record ?? 'no');
        return;
      }
      const token = req.headers.authorization;
      if (token !== 'Bearer gh-good' && token !== 'Bearer gh-noorg') {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
      } else if (url === '/gh/user') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"login":"Octo"}');
      } else if (url === '/gh/user/memberships/orgs?state=active') {
        if (token === 'Bearer gh-noorg') res.writeHead(403).end('{}');
        else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify([
          { state: 'active', role: 'admin', organization: { login: 'acme' } },
          { state: 'active', role: 'member', organization: { login: 'other' } },
        ]));
      } else res.writeHead(404).end();
    });
    const fakeUrl = await listen(fake);
    reg = await startLocalRegistry({
      wellKnownUrl: (domain) => `${fakeUrl}/wk/${domain}`,
      githubApiUrl: `${fakeUrl}/gh`,
      dnsTxt: async (domain) => txt.get(domain) ?? [],
    });
  });
  after(async () => {
    await reg?.close();
    await new Promise((r) => fake?.close(r));
  });

  const exchange = async (method: string, body: unknown) => {
    const res = await call(reg.url, 'POST', `/v0.1/auth/${method}`, { body });
    return { status: res.status, json: res.json as { registry_token: string; expires_at: number; detail?: string } };
  };
  const canPublish = async (token: string, name: string) => (await call(reg.url, 'POST', '/v0.1/publish', { body: serverJson(name, '1.0.0'), token })).status;

  it('grants <reversed-domain>/* for an HTTP key proof signed with Ed25519 or ECDSA P-384', async () => {
    for (const [domain, key] of [['ed.example.com', ed25519Record()], ['p384.example.org', p384Record()]] as const) {
      wellKnown.set(domain, key.record);
      const res = await exchange('http', proof(key.privateKey, domain));
      assert.equal(res.status, 200, JSON.stringify(res.json));
      assert.ok(res.json.expires_at - Date.now() / 1000 <= 300);
      const rev = domain.split('.').reverse().join('.');
      assert.equal(await canPublish(res.json.registry_token, `${rev}/server`), 200);
      assert.equal(await canPublish(res.json.registry_token, `${rev}.sub/server`), 403, 'http grants no subdomains');
    }
  });

  it('refuses stale timestamps, wrong keys and missing records with 401 HTTP authentication failed', async () => {
    const key = ed25519Record();
    wellKnown.set('stale.example.com', key.record);
    const stale = await exchange('http', proof(key.privateKey, 'stale.example.com', new Date(Date.now() - 60_000)));
    assert.equal(stale.status, 401);
    assert.equal(stale.json.detail, 'HTTP authentication failed');
    assert.equal((await exchange('http', proof(ed25519Record().privateKey, 'stale.example.com'))).status, 401);
    assert.equal((await exchange('http', proof(key.privateKey, 'missing.example.com'))).status, 401);
  });

  it('grants the domain and its subdomains for a DNS key proof', async () => {
    const key = ed25519Record();
    txt.set('dns.example.net', ['unrelated', key.record]);
    const res = await exchange('dns', proof(key.privateKey, 'dns.example.net'));
    assert.equal(res.status, 200);
    assert.equal(await canPublish(res.json.registry_token, 'net.example.dns/app'), 200);
    assert.equal(await canPublish(res.json.registry_token, 'net.example.dns.api/app'), 200);
    assert.equal((await exchange('dns', proof(key.privateKey, 'nodns.example.net'))).json.detail, 'DNS authentication failed');
  });

  it('exchanges a GitHub token for the personal namespace plus orgs where the user is an Owner', async () => {
    const res = await exchange('github-at', { github_token: 'gh-good' });
    assert.equal(res.status, 200);
    assert.equal(await canPublish(res.json.registry_token, 'io.github.Octo/tool'), 200);
    assert.equal(await canPublish(res.json.registry_token, 'io.github.acme/tool'), 200);
    assert.equal(await canPublish(res.json.registry_token, 'io.github.other/tool'), 403);
    assert.equal(await canPublish(res.json.registry_token, 'io.github.octo/tool'), 403, 'namespaces are case-sensitive');
    const noOrg = await exchange('github-at', { github_token: 'gh-noorg' });
    assert.equal(noOrg.status, 200, 'a 403 on memberships yields the personal namespace only');
    assert.equal(await canPublish(noOrg.json.registry_token, 'io.github.acme/tool2'), 403);
    const bad = await exchange('github-at', { github_token: 'nope' });
    assert.equal(bad.status, 401);
    assert.equal(bad.json.detail, 'Token exchange failed');
  });

  it('says clearly that GitHub OIDC is not available locally', async () => {
    const res = await exchange('github-oidc', { oidc_token: 'x' });
    assert.equal(res.status, 401);
    assert.match(JSON.stringify(res.json), /not available on the local registry/);
  });
});

describe('local registry: sandbox namespaces for anonymous tokens', () => {
  it('lets an anonymous token publish to a configured sandbox namespace, and to no other', async () => {
    const reg = await startLocalRegistry({ sandboxNamespaces: ['io.github.acme-labs/*'] });
    try {
      const tokenResponse = await fetch(`${reg.url}/v0.1/auth/none`, { method: 'POST' });
      const { registry_token: token } = (await tokenResponse.json()) as { registry_token: string };
      const publish = (name: string) => fetch(`${reg.url}/v0.1/publish`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
          name, description: 'Sandbox namespace test', version: '1.0.0',
        }),
      });
      assert.equal((await publish('io.github.acme-labs/weather')).status, 200);
      const refused = await publish('io.github.someone-else/weather');
      assert.equal(refused.status, 403);
      assert.match(((await refused.json()) as { detail: string }).detail, /io\.github\.acme-labs\/\*/);
    } finally {
      await reg.close();
    }
  });
});
