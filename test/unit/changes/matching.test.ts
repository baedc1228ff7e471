import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { canonicalJson, diffServerJson, mcpbKey, parseOciReference } from '../../../src/changes';
import { at, changed, clone, onlyChange, pkg, remote, weatherServer, type Doc } from './fixtures';

describe('changes: matching packages, remotes and inputs by identity', () => {
  it('reordered packages, remotes, env vars, headers, named args and choices are no change', () => {
    const before = weatherServer();
    (before.remotes as Doc[]).push({ type: 'sse', url: 'https://acme.example/sse' });
    (remote(before, 0).headers as Doc[]).push({ name: 'X-Trace' });
    (pkg(before, 0).packageArguments as Doc[]).unshift({ type: 'named', name: '--verbose' });
    const after = clone(before);
    (after.packages as Doc[]).reverse();
    (after.remotes as Doc[]).reverse();
    (pkg(after, 1).environmentVariables as Doc[]).reverse();
    ((pkg(after, 1).environmentVariables as Doc[])[0].choices as string[]).reverse();
    (remote(after, 1).headers as Doc[]).reverse();
    const args = pkg(after, 1).packageArguments as Doc[];
    [args[0], args[1]] = [args[1], args[0]];
    assert.deepEqual(changed(diffServerJson(before, after)), []);
  });

  it('an OCI tag change is a version change of the same package, not remove + add', () => {
    const before = weatherServer();
    const after = clone(before);
    pkg(after, 1).identifier = 'ghcr.io/acme/weather:1.5.0';
    const change = onlyChange(diffServerJson(before, after));
    assert.equal(change.path, 'packages[oci ghcr.io/acme/weather].identifier');
    assert.equal(change.kind, 'changed');
    assert.equal(change.impact, 'metadata');
    assert.match(change.reason ?? '', /image tag .* from 1\.4\.0 to 1\.5\.0/);
  });

  it('OCI references are the same image with or without docker.io and library/', () => {
    assert.equal(parseOciReference('postgres:16').repositoryKey, parseOciReference('docker.io/library/postgres:17').repositoryKey);
    assert.equal(parseOciReference('acme/img', 'https://ghcr.io').repositoryKey, 'ghcr.io/acme/img');
    assert.equal(parseOciReference('localhost:5000/img:1@sha256:abc').tag, '1');
    assert.notEqual(parseOciReference('ghcr.io/acme/a:1').repositoryKey, parseOciReference('ghcr.io/acme/b:1').repositoryKey);
  });

  it('an MCPB release URL bump keeps the package; another file name does not', () => {
    const url = (version: string, file = 'weather') => `https://github.com/acme/weather/releases/download/v${version}/${file}-${version}.mcpb`;
    assert.equal(mcpbKey(url('1.4.0')), mcpbKey(url('1.5.0-rc.1')));
    assert.notEqual(mcpbKey(url('1.4.0')), mcpbKey(url('1.4.0', 'forecast')));
    const before = { name: 'a/b', version: '1.4.0', packages: [{ registryType: 'mcpb', identifier: url('1.4.0'), fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } }] };
    const after = clone(before);
    after.packages[0].identifier = url('1.5.0');
    after.packages[0].fileSha256 = 'b'.repeat(64);
    const list = changed(diffServerJson(before, after));
    assert.deepEqual(list.map((c) => [c.path.replace(/\[.*\]/, '[…]'), c.impact]), [
      ['packages[…].identifier', 'metadata'],
      ['packages[…].fileSha256', 'metadata'],
    ]);
  });

  it('a changed identifier is a removed package (breaking) and an added one', () => {
    const before = weatherServer();
    const after = clone(before);
    pkg(after, 0).identifier = '@acme/weather-next';
    const diff = diffServerJson(before, after);
    assert.equal(at(diff, 'packages[npm @acme/weather]').kind, 'removed');
    assert.equal(at(diff, 'packages[npm @acme/weather]').impact, 'breaking');
    assert.equal(at(diff, 'packages[npm @acme/weather-next]').kind, 'added');
    assert.equal(diff.impliedBump, 'major');
  });

  it('a changed registry type of the same identifier is reported as such, breaking', () => {
    const before = { name: 'a/b', version: '1', packages: [{ registryType: 'npm', identifier: 'weather', version: '1', transport: { type: 'stdio' } }] };
    const after = clone(before);
    after.packages[0].registryType = 'pypi';
    const change = onlyChange(diffServerJson(before, after));
    assert.equal(change.path, 'packages[pypi weather].registryType');
    assert.equal(change.impact, 'breaking');
    assert.match(change.reason ?? '', /registry type .* from npm to pypi/);
  });

  it('a remote changing transport type at the same URL is a breaking type change', () => {
    const before = { name: 'a/b', version: '1', remotes: [{ type: 'sse', url: 'https://acme.example/mcp' }] };
    const after = { name: 'a/b', version: '1', remotes: [{ type: 'streamable-http', url: 'https://acme.example/mcp' }] };
    const change = onlyChange(diffServerJson(before, after));
    assert.equal(change.impact, 'breaking');
    assert.match(change.reason ?? '', /transport type of remote .* from sse to streamable-http/);
  });

  it('repeated docker arguments with one name are matched by content, then order', () => {
    const args = (...values: string[]) => values.map((value) => ({ type: 'named', name: '-e', value }));
    const before = { name: 'a/b', version: '1', packages: [{ registryType: 'oci', identifier: 'acme/x:1', transport: { type: 'stdio' }, runtimeArguments: args('A=1', 'B=2', 'C=3') }] };
    const reordered = clone(before);
    reordered.packages[0].runtimeArguments = args('C=3', 'A=1', 'B=2');
    assert.deepEqual(changed(diffServerJson(before, reordered)), []);
    const dropped = clone(before);
    dropped.packages[0].runtimeArguments = args('A=1', 'C=3');
    const change = onlyChange(diffServerJson(before, dropped));
    assert.equal(change.kind, 'removed');
    assert.deepEqual(change.before, { type: 'named', name: '-e', value: 'B=2' });
  });

  it('positional arguments without valueHint are matched by position among positionals', () => {
    const before = { name: 'a/b', version: '1', packages: [{ registryType: 'npm', identifier: 'x', transport: { type: 'stdio' }, packageArguments: [{ type: 'positional', value: 'serve' }, { type: 'named', name: '--v' }] }] };
    const after = clone(before);
    after.packages[0].packageArguments = [{ type: 'named', name: '--v' }, { type: 'positional', value: 'run' }];
    const change = onlyChange(diffServerJson(before, after));
    assert.equal(change.path, 'packages[npm x].packageArguments[#1].value');
    assert.equal(change.impact, 'metadata');
  });

  it('one package listed twice (two transports) is matched by content, then order', () => {
    const stdio = { registryType: 'npm', identifier: 'x', version: '1', transport: { type: 'stdio' } };
    const http = { registryType: 'npm', identifier: 'x', version: '1', transport: { type: 'streamable-http', url: 'http://localhost:3000/mcp' } };
    const before = { name: 'a/b', version: '1', packages: [stdio, http] };
    assert.deepEqual(changed(diffServerJson(before, { ...before, packages: [http, stdio] })), []);
    const diff = diffServerJson(before, { ...before, packages: [stdio] });
    assert.equal(onlyChange(diff).kind, 'removed');
    assert.equal(onlyChange(diff).impact, 'breaking');
    assert.deepEqual((onlyChange(diff).before as Doc).transport, http.transport);
  });

  it('PyPI names match the way PyPI normalises them', () => {
    const before = { name: 'a/b', version: '1', packages: [{ registryType: 'pypi', identifier: 'Acme_Weather', version: '1', transport: { type: 'stdio' } }] };
    const after = clone(before);
    after.packages[0].identifier = 'acme-weather';
    const change = onlyChange(diffServerJson(before, after));
    assert.equal(change.impact, 'metadata');
    assert.match(change.reason ?? '', /same package/);
  });
});

describe('changes: secrets never leak', () => {
  const SECRETS = ['s3cr3t-api-key', 'Bearer hunter2', 'old-token-value', 'tenant-secret'];

  function secretDocs(): [Doc, Doc] {
    const before = weatherServer();
    const env = pkg(before, 0).environmentVariables as Doc[];
    env[0].value = SECRETS[0];
    env[0].default = SECRETS[2];
    (remote(before, 0).headers as Doc[])[0].value = SECRETS[1];
    ((pkg(before, 1).runtimeArguments as Doc[])[0].variables as Doc).api_key = { isSecret: true, default: SECRETS[3] };
    return [before, clone(before)];
  }

  it('unchanged, changed, removed and added secret values stay out of the diff', () => {
    const [before, after] = secretDocs();
    const env = pkg(after, 0).environmentVariables as Doc[];
    env[0].value = 'new-secret-value';
    (remote(after, 0).headers as Doc[]).pop();
    env.push({ name: 'SECOND', isSecret: true, value: 'added-secret-value' });
    const samePlain = JSON.stringify(diffServerJson(before, clone(before)));
    const diff = diffServerJson(before, after);
    const text = JSON.stringify(diff);
    for (const secret of [...SECRETS, 'new-secret-value', 'added-secret-value', 'hunter2']) {
      assert.ok(!text.includes(secret), `leaked ${secret}`);
      assert.ok(!samePlain.includes(secret), `leaked ${secret} in an unchanged diff`);
    }
    const value = at(diff, 'packages[npm @acme/weather].environmentVariables[API_KEY].value');
    assert.equal(value.secret, true);
    assert.ok(!('before' in value) && !('after' in value));
    assert.match(value.reason ?? '', /value changed \(secret\)/);
    assert.equal(at(diff, 'remotes[streamable-http https://{tenant}.acme.example/mcp].headers[Authorization]').secret, true);
  });

  it('an input that becomes secret hides its value on both sides', () => {
    const before = weatherServer();
    (pkg(before, 0).environmentVariables as Doc[])[1].value = 'visible-before';
    const after = clone(before);
    (pkg(after, 0).environmentVariables as Doc[])[1].isSecret = true;
    assert.ok(!JSON.stringify(diffServerJson(before, after)).includes('visible-before'));
  });
});

describe('changes: older generations and junk', () => {
  it('a snake_case document equals its camelCase twin', () => {
    const camel = weatherServer();
    const snake = clone(camel);
    snake.website_url = snake.websiteUrl;
    delete snake.websiteUrl;
    const npm = pkg(snake, 0);
    Object.assign(npm, { registry_type: npm.registryType, runtime_hint: npm.runtimeHint, environment_variables: npm.environmentVariables, package_arguments: npm.packageArguments, registry_base_url: 'https://registry.npmjs.org/' });
    for (const key of ['registryType', 'runtimeHint', 'environmentVariables', 'packageArguments']) delete npm[key];
    for (const input of npm.environment_variables as Doc[]) {
      input.is_required = input.isRequired ?? false;
      input.is_secret = input.isSecret;
      delete input.isRequired;
      delete input.isSecret;
    }
    const oci = pkg(snake, 1);
    oci.runtime_arguments = oci.runtimeArguments;
    delete oci.runtimeArguments;
    const sse = remote(snake, 0);
    sse.transport_type = sse.type;
    delete sse.type;
    assert.deepEqual(changed(diffServerJson(camel, snake)), []);
  });

  it('a pre-schema package (registry_name, name, version_detail, no transport) equals its current form', () => {
    const old = { name: 'a/b', version_detail: { version: '1.0.0' }, packages: [{ registry_name: 'npm', name: '@acme/weather', version_detail: { version: '1.4.0' } }] };
    const current = { name: 'a/b', version: '1.0.0', packages: [{ registryType: 'npm', identifier: '@acme/weather', version: '1.4.0', transport: { type: 'stdio' } }] };
    assert.deepEqual(changed(diffServerJson(old, current)), []);
  });

  it('a key named __proto__ is data like any other', () => {
    const before = JSON.parse('{"name":"a/b","_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"__proto__":{"x":1}}}}') as Doc;
    const after = JSON.parse('{"name":"a/b","_meta":{"io.modelcontextprotocol.registry/publisher-provided":{"__proto__":{"x":2}}}}') as Doc;
    assert.equal(onlyChange(diffServerJson(before, after)).path, '_meta[io.modelcontextprotocol.registry/publisher-provided].__proto__.x');
    assert.match(canonicalJson(before), /"__proto__"/);
  });

  it('a registry ServerResponse compares as the server.json it carries', () => {
    const response = { server: weatherServer(), _meta: { 'io.modelcontextprotocol.registry/official': { status: 'active', isLatest: true } } };
    assert.deepEqual(changed(diffServerJson(response, weatherServer())), []);
  });

  it('junk never throws and compares as an empty server', () => {
    for (const junk of [null, undefined, 42, 'server.json', [], [1, 2], true, { packages: 'nope', remotes: [null, 3], _meta: 5 }]) {
      const diff = diffServerJson(junk, junk);
      assert.deepEqual(changed(diff), [], JSON.stringify(junk));
      assert.equal(diffServerJson(junk, weatherServer()).impliedBump, 'major', 'a name appearing is a different server');
    }
  });

  it('never throws on arbitrary JSON-like input (property)', () => {
    const partialServer = fc.record(
      {
        name: fc.oneof(fc.string(), fc.integer()),
        packages: fc.array(fc.oneof(fc.anything(), fc.record({ registryType: fc.constantFrom('npm', 'oci', 'mcpb', 'pypi'), identifier: fc.string(), environmentVariables: fc.array(fc.anything()) }))),
        remotes: fc.array(fc.anything()),
        _meta: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), partialServer), fc.oneof(fc.anything(), partialServer), (a, b) => {
        const diff = diffServerJson(a, b);
        assert.equal(typeof diff.impliedBump, 'string');
        assert.deepEqual(changed(diffServerJson(a, a)), []);
      }),
      { numRuns: 300 },
    );
  });
});
