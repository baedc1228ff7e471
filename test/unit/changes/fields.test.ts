import * as assert from 'node:assert/strict';
import { diffServerJson } from '../../../src/changes';
import { at, changed, clone, onlyChange, pkg, remote, weatherServer, type Doc } from './fixtures';

const NPM = 'packages[npm @acme/weather]';
const OCI = 'packages[oci ghcr.io/acme/weather]';
const REMOTE = 'remotes[streamable-http https://{tenant}.acme.example/mcp]';

function envVars(doc: Doc): Doc[] {
  return pkg(doc, 0).environmentVariables as Doc[];
}

function edited(edit: (doc: Doc) => void) {
  const before = weatherServer();
  const after = clone(before);
  edit(after);
  return diffServerJson(before, after);
}

describe('changes: one field at a time', () => {
  it('an identical document has only unchanged leaves and implies no bump', () => {
    const diff = diffServerJson(weatherServer(), weatherServer());
    assert.deepEqual(changed(diff), []);
    assert.ok(diff.changes.length > 20, 'unchanged leaves are listed for the UI');
    assert.deepEqual(diff.counts, { breaking: 0, additive: 0, metadata: 0 });
    assert.equal(diff.impliedBump, 'none');
  });

  it('the version line is listed but does not count towards the bump', () => {
    const diff = edited((doc) => (doc.version = '1.4.1'));
    assert.equal(at(diff, 'version').kind, 'changed');
    assert.equal(diff.impliedBump, 'none');
  });

  describe('metadata fields → patch', () => {
    const cases: Array<[string, (doc: Doc) => void, string, RegExp]> = [
      ['description', (doc) => (doc.description = 'Forecasts'), 'description', /changes the description/],
      ['title', (doc) => delete doc.title, 'title', /removes the title/],
      ['websiteUrl', (doc) => (doc.websiteUrl = 'https://acme.example/w'), 'websiteUrl', /website URL/],
      ['$schema', (doc) => (doc.$schema = 'https://static.modelcontextprotocol.io/schemas/2025-10-17/server.schema.json'), '$schema', /2025-12-11 → 2025-10-17/],
      ['repository url', (doc) => ((doc.repository as Doc).url = 'https://github.com/acme/weather2'), 'repository.url', /repository url/],
      ['repository id', (doc) => ((doc.repository as Doc).id = '999'), 'repository.id', /recreated/],
      ['icons', (doc) => (doc.icons = [{ src: 'https://acme.example/i.png' }]), 'icons', /adds the icons/],
      ['package version', (doc) => (pkg(doc, 0).version = '1.4.1'), `${NPM}.version`, /from 1\.4\.0 to 1\.4\.1/],
      ['runtime hint', (doc) => (pkg(doc, 0).runtimeHint = 'bunx'), `${NPM}.runtimeHint`, /runtime hint/],
      ['fileSha256', (doc) => (pkg(doc, 0).fileSha256 = 'a'.repeat(64)), `${NPM}.fileSha256`, /checksum/],
      ['input description', (doc) => (envVars(doc)[0].description = 'Key'), `${NPM}.environmentVariables[API_KEY].description`, /description of the environment variable API_KEY/],
      ['input placeholder', (doc) => (envVars(doc)[1].placeholder = 'metric'), `${NPM}.environmentVariables[UNITS].placeholder`, /placeholder/],
      ['input default', (doc) => (envVars(doc)[1].default = 'imperial'), `${NPM}.environmentVariables[UNITS].default`, /default of the environment variable UNITS/],
      ['optional → required, with a default', (doc) => (envVars(doc)[1].isRequired = true), `${NPM}.environmentVariables[UNITS].isRequired`, /required, but it has a default/],
      ['isSecret', (doc) => (envVars(doc)[1].isSecret = true), `${NPM}.environmentVariables[UNITS].isSecret`, /marks the environment variable UNITS of package npm @acme\/weather as secret/],
      ['publisher _meta', (doc) => (doc._meta = { 'io.modelcontextprotocol.registry/publisher-provided': { releaseNotes: 'First forecast release', build: { commit: 'def' } } }), '_meta[io.modelcontextprotocol.registry/publisher-provided].build.commit', /publisher metadata/],
      ['unknown top-level field', (doc) => (doc.status = 'active'), 'status', /status field/],
    ];
    for (const [name, edit, path, reason] of cases) {
      it(name, () => {
        const diff = edited(edit);
        const change = onlyChange(diff);
        assert.equal(change.path, path);
        assert.equal(change.impact, 'metadata');
        assert.match(change.reason ?? '', reason);
        assert.equal(diff.impliedBump, 'patch');
      });
    }

    it('release notes are kept whole, as text', () => {
      const notes = 'Line one\n\nLine two with `code` and a long tail '.repeat(20);
      const diff = edited((doc) => (((doc._meta as Doc)['io.modelcontextprotocol.registry/publisher-provided'] as Doc).releaseNotes = notes));
      const change = onlyChange(diff);
      assert.equal(change.after, notes);
      assert.equal(change.before, 'First forecast release');
      assert.deepEqual(change.item, { kind: 'field', name: 'releaseNotes' });
      assert.match(change.reason ?? '', /release notes/);
    });

    it('our own provenance record is listed apart and weighs nothing: it is not a change of the server', () => {
      const diff = edited((doc) => (((doc._meta as Doc)['io.modelcontextprotocol.registry/publisher-provided'] as Doc)['dev.mcp-versions/provenance'] = {
        tool: 'mcp-versions 0.1.0', commit: 'abc123', releaseNotes: 'Fixes',
      }));
      const rows = changed(diff);
      assert.deepEqual(rows.map((change) => [change.section, change.path, change.impact, change.reason]), [
        ['provenance', '_meta[io.modelcontextprotocol.registry/publisher-provided].dev.mcp-versions/provenance.tool', undefined, undefined],
        ['provenance', '_meta[io.modelcontextprotocol.registry/publisher-provided].dev.mcp-versions/provenance.commit', undefined, undefined],
        ['provenance', '_meta[io.modelcontextprotocol.registry/publisher-provided].dev.mcp-versions/provenance.releaseNotes', undefined, undefined],
      ]);
      assert.deepEqual(diff.counts, { breaking: 0, additive: 0, metadata: 0 });
      assert.equal(diff.impliedBump, 'none');
    });

    it("the registry's own _meta block is not part of the diff", () => {
      const before = weatherServer();
      const after = clone(before);
      (after._meta as Doc)['io.modelcontextprotocol.registry/official'] = { isLatest: true, publishedAt: '2026-01-01T00:00:00Z' };
      assert.deepEqual(changed(diffServerJson(before, after)), []);
    });
  });

  describe('additive changes → minor', () => {
    const cases: Array<[string, (doc: Doc) => void, string, RegExp]> = [
      ['optional env var added', (doc) => envVars(doc).push({ name: 'LANG', description: 'Language' }), `${NPM}.environmentVariables[LANG]`, /adds the optional environment variable LANG/],
      ['required env var with default added', (doc) => envVars(doc).push({ name: 'REGION', isRequired: true, default: 'eu' }), `${NPM}.environmentVariables[REGION]`, /adds the required environment variable REGION/],
      ['required → optional', (doc) => (envVars(doc)[0].isRequired = false), `${NPM}.environmentVariables[API_KEY].isRequired`, /makes the environment variable API_KEY of package npm @acme\/weather optional/],
      ['choice added', (doc) => (envVars(doc)[1].choices = ['metric', 'imperial', 'kelvin']), `${NPM}.environmentVariables[UNITS].choices`, /adds the choice kelvin/],
      ['choice list dropped', (doc) => delete envVars(doc)[1].choices, `${NPM}.environmentVariables[UNITS].choices`, /any value/],
      ['format widened to string', (doc) => (((pkg(doc, 0).packageArguments as Doc[])[0]).format = 'string'), `${NPM}.packageArguments[--port].format`, /widens/],
      ['argument may now repeat', (doc) => (((pkg(doc, 0).packageArguments as Doc[])[0]).isRepeated = true), `${NPM}.packageArguments[--port].isRepeated`, /repeated/],
      ['optional header added', (doc) => (remote(doc, 0).headers as Doc[]).push({ name: 'X-Trace', description: 'trace id' }), `${REMOTE}.headers[X-Trace]`, /adds the optional header X-Trace/],
      ['remote variable with default added', (doc) => ((remote(doc, 0).variables as Doc).region = { isRequired: true, default: 'eu' }), `${REMOTE}.variables[region]`, /adds the required variable region/],
      ['package added', (doc) => (doc.packages as Doc[]).push({ registryType: 'pypi', identifier: 'acme-weather', version: '1.4.0', transport: { type: 'stdio' } }), 'packages[pypi acme-weather]', /adds the package pypi acme-weather/],
      ['remote added', (doc) => (doc.remotes as Doc[]).push({ type: 'sse', url: 'https://acme.example/sse' }), 'remotes[sse https://acme.example/sse]', /adds the remote/],
    ];
    for (const [name, edit, path, reason] of cases) {
      it(name, () => {
        const diff = edited(edit);
        const change = onlyChange(diff);
        assert.equal(change.path, path);
        assert.equal(change.impact, 'additive');
        assert.match(change.reason ?? '', reason);
        assert.equal(diff.impliedBump, 'minor');
      });
    }
  });

  describe('breaking changes → major', () => {
    const cases: Array<[string, (doc: Doc) => void, string, RegExp]> = [
      ['env var removed', (doc) => envVars(doc).shift(), `${NPM}.environmentVariables[API_KEY]`, /removes the required environment variable API_KEY/],
      ['optional env var removed', (doc) => envVars(doc).pop(), `${NPM}.environmentVariables[UNITS]`, /removes the optional environment variable UNITS/],
      ['required env var without default added', (doc) => envVars(doc).push({ name: 'ACCOUNT', isRequired: true }), `${NPM}.environmentVariables[ACCOUNT]`, /adds the required environment variable ACCOUNT of package npm @acme\/weather without a default/],
      ['optional → required', (doc) => (((pkg(doc, 0).packageArguments as Doc[])[1]).isRequired = true), `${NPM}.packageArguments[config_path].isRequired`, /makes the package argument config_path of package npm @acme\/weather required/],
      ['named argument removed', (doc) => (pkg(doc, 0).packageArguments as Doc[]).shift(), `${NPM}.packageArguments[--port]`, /removes the optional package argument --port/],
      ['runtime argument removed', (doc) => (pkg(doc, 1).runtimeArguments as Doc[]).pop(), `${OCI}.runtimeArguments[-e]`, /removes the optional runtime argument -e/],
      ['header removed', (doc) => (remote(doc, 0).headers as Doc[]).pop(), `${REMOTE}.headers[Authorization]`, /removes the required header Authorization/],
      ['required remote variable without default added', (doc) => ((remote(doc, 0).variables as Doc).region = { isRequired: true }), `${REMOTE}.variables[region]`, /adds the required variable region of remote .* without a default/],
      ['remote variable removed', (doc) => delete (remote(doc, 0).variables as Doc).tenant, `${REMOTE}.variables[tenant]`, /removes the required variable tenant/],
      ['format changed', (doc) => (envVars(doc)[1].format = 'number'), `${NPM}.environmentVariables[UNITS].format`, /from string to number/],
      ['choice removed', (doc) => (envVars(doc)[1].choices = ['metric']), `${NPM}.environmentVariables[UNITS].choices`, /removes the choice imperial/],
      ['choices introduced', (doc) => (envVars(doc)[0].choices = ['a', 'b']), `${NPM}.environmentVariables[API_KEY].choices`, /restricts/],
      ['transport type changed', (doc) => (pkg(doc, 1).transport = { type: 'sse' }), `${OCI}.transport.type`, /transport type of package oci ghcr.io\/acme\/weather from stdio to sse/],
      ['package removed', (doc) => (doc.packages as Doc[]).pop(), OCI, /removes the package oci ghcr.io\/acme\/weather/],
      ['remote removed', (doc) => (doc.remotes = []), REMOTE, /removes the remote/],
      ['server renamed', (doc) => (doc.name = 'io.github.acme/weather-pro'), 'name', /a different server/],
      ['registry base URL changed', (doc) => (pkg(doc, 0).registryBaseUrl = 'https://npm.acme.example'), `${NPM}.registryBaseUrl`, /downloaded from/],
    ];
    for (const [name, edit, path, reason] of cases) {
      it(name, () => {
        const diff = edited(edit);
        const change = onlyChange(diff);
        assert.equal(change.path, path);
        assert.equal(change.impact, 'breaking');
        assert.match(change.reason ?? '', reason);
        assert.equal(diff.impliedBump, 'major');
      });
    }

    it('an argument that could repeat and no longer can', () => {
      const before = weatherServer();
      ((pkg(before, 0).packageArguments as Doc[])[0]).isRepeated = true;
      const after = weatherServer();
      const change = onlyChange(diffServerJson(before, after));
      assert.equal(change.impact, 'breaking');
      assert.match(change.reason ?? '', /no longer allows the package argument --port of package npm @acme\/weather to be repeated/);
    });

    it('a changed package transport URL', () => {
      const before = weatherServer();
      pkg(before, 0).transport = { type: 'streamable-http', url: 'http://localhost:{--port}/mcp' };
      const after = clone(before);
      pkg(after, 0).transport = { type: 'streamable-http', url: 'http://localhost:{--port}/v2/mcp' };
      const change = onlyChange(diffServerJson(before, after));
      assert.equal(change.path, `${NPM}.transport.url`);
      assert.equal(change.impact, 'breaking');
    });

    it('a required input loses its default', () => {
      const before = weatherServer();
      envVars(before)[1].isRequired = true;
      const after = clone(before);
      delete envVars(after)[1].default;
      const change = onlyChange(diffServerJson(before, after));
      assert.equal(change.impact, 'breaking');
      assert.match(change.reason ?? '', /must now provide it/);
    });

    it('reordering positional arguments changes the command line', () => {
      const before = weatherServer();
      (pkg(before, 0).packageArguments as Doc[]).push({ type: 'positional', valueHint: 'out_dir' });
      const after = clone(before);
      (pkg(after, 0).packageArguments as Doc[]).reverse();
      const change = onlyChange(diffServerJson(before, after));
      assert.equal(change.impact, 'breaking');
      assert.match(change.reason ?? '', /order of the positional package arguments/);
    });
  });

  it('counts every impact and takes the most severe', () => {
    const diff = edited((doc) => {
      doc.description = 'New';
      envVars(doc).push({ name: 'LANG' });
      envVars(doc).shift();
    });
    assert.deepEqual(diff.counts, { breaking: 1, additive: 1, metadata: 1 });
    assert.equal(diff.impliedBump, 'major');
  });
});
