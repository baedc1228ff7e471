import * as assert from 'node:assert/strict';
import { applyFix, codes, covered, only, serverJson, validate } from './support';

const npmPackage = (changes: Record<string, unknown> = {}) => ({ registryType: 'npm', identifier: '@alice/weather', version: '1.2.0', transport: { type: 'stdio' }, ...changes });

describe('server.json registry rules: name', () => {
  const cases: [string, RegExp][] = [
    ['weather', /must be 'namespace\/name'/],
    ['io.github.alice/weather/extra', /exactly one `\/` \(it has 2\)/],
    ['-alice.dev/weather', /Namespace `-alice.dev` is invalid/],
    ['io.github.alice/weather-', /Name `weather-` \(after the `\/`\) is invalid/],
    ['io.github.alice/', /non-empty namespace and name/],
  ];
  for (const [name, message] of cases) {
    it(`rejects ${JSON.stringify(name)} once, at the name value`, () => {
      const text = serverJson({ name });
      const problems = validate(text).filter((problem) => problem.path === 'name');
      assert.equal(problems.length, 1, JSON.stringify(problems));
      assert.equal(problems[0]!.code, 'name-format');
      assert.equal(problems[0]!.severity, 'error');
      assert.match(problems[0]!.message, message);
      assert.equal(covered(text, problems[0]!), JSON.stringify(name));
    });
  }

  it('suggests io.github.<user> for a GitHub namespace written the wrong way round, with a rename fix', () => {
    const text = serverJson({ name: 'com.github.alice/weather' });
    const problem = only(validate(text), 'name-namespace');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /io\.github\.alice\/weather/);
    assert.equal(JSON.parse(applyFix(text, problem)).name, 'io.github.alice/weather');
  });

  it('warns that a namespace without a dot is not reverse-DNS', () => {
    const text = serverJson({ name: 'alice/weather' });
    const problem = only(validate(text), 'name-namespace');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /io\.github\.alice\/weather/);
    assert.equal(covered(text, problem), '"alice/weather"');
  });

  it('accepts domain and GitHub namespaces', () => {
    for (const name of ['com.example/weather', 'io.github.alice/weather.v2', 'com.example.api/my_server']) {
      assert.deepEqual(validate(serverJson({ name })), [], name);
    }
  });
});

describe('server.json registry rules: description', () => {
  it('rejects 101 characters once, as description-too-long (the silent 422)', () => {
    const text = serverJson({ description: 'd'.repeat(101) });
    const problems = validate(text);
    assert.deepEqual(codes(problems), ['description-too-long']);
    assert.equal(problems[0]!.severity, 'error');
    assert.match(problems[0]!.message, /at most 100 characters \(it has 101\)/);
    assert.equal(covered(text, problems[0]!), JSON.stringify('d'.repeat(101)));
  });

  it('counts characters, not UTF-16 units: 100 emoji are fine', () => {
    assert.deepEqual(validate(serverJson({ description: '🌦'.repeat(100) })), []);
    assert.deepEqual(validate(serverJson({ description: 'd'.repeat(100) })), []);
  });

  it('rejects an empty description once', () => {
    const text = serverJson({ description: '' });
    const problems = validate(text);
    assert.deepEqual(codes(problems), ['description-empty']);
    assert.equal(covered(text, problems[0]!), '""');
  });
});

describe('server.json registry rules: versions', () => {
  it('rejects "latest" as the server version', () => {
    const text = serverJson({ version: 'latest', packages: [npmPackage({ version: '1.0.0' })] });
    const problem = only(validate(text), 'reserved-version-string');
    assert.equal(problem.severity, 'error');
    assert.equal(problem.path, 'version');
    assert.equal(covered(text, problem), '"latest"');
  });

  it('rejects "latest" as a package version once (no duplicate schema message)', () => {
    const text = serverJson({ packages: [npmPackage({ version: 'latest' })] });
    const problems = validate(text);
    assert.deepEqual(codes(problems), ['reserved-version-string']);
    assert.equal(problems[0]!.path, 'packages[0].version');
    assert.match(problems[0]!.message, /^`packages\[0\]\.version`: /);
    assert.equal(covered(text, problems[0]!), '"latest"');
  });

  for (const range of ['^1.2.3', '~1.2', '>=1.0.0', '1.x', '1.2.*', '1.2 || 1.3']) {
    it(`rejects the range ${JSON.stringify(range)} as server and package version`, () => {
      const text = serverJson({ version: range, packages: [npmPackage({ version: range })] });
      const problems = validate(text).filter((problem) => problem.code === 'version-looks-like-range');
      assert.deepEqual(problems.map((problem) => [problem.path, covered(text, problem)]), [
        ['version', JSON.stringify(range)],
        ['packages[0].version', JSON.stringify(range)],
      ]);
    });
  }

  it('warns about a non-semver server version but not about a non-semver PyPI package version', () => {
    const text = serverJson({ version: '2025.06.18', packages: [{ registryType: 'pypi', identifier: 'weather', version: '1.0', transport: { type: 'stdio' } }] });
    const problems = validate(text);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.severity, problem.path]), [['version-not-semver', 'warning', 'version']]);
  });

  it('notes (as information, since Publish itself refuses it) a version that is already published', () => {
    const text = serverJson({ version: '1.2.0' });
    const problem = only(validate(text, { context: { publishedVersions: ['1.0.0', '1.2.0'] } }), 'version-already-published');
    assert.equal(problem.severity, 'info');
    assert.equal(problem.message, '1.2.0 is published — bump the version before the next publish (a version can never be published twice, even after deletion)');
    assert.equal(covered(text, problem), '"1.2.0"');
  });

  it('compares published versions exactly (v1.2.0 is a different version from 1.2.0)', () => {
    const text = serverJson({ version: '1.2.0', packages: [] });
    assert.deepEqual(validate(text, { context: { publishedVersions: ['v1.2.0', '1.2.0+build', '1.1.0'] } }), []);
  });
});

describe('server.json registry rules: _meta', () => {
  const publisherKey = 'io.modelcontextprotocol.registry/publisher-provided';

  it('warns that keys other than publisher-provided are dropped, at the key, with a removal fix', () => {
    const text = serverJson({ _meta: { [publisherKey]: { tool: 'ci' }, 'com.example/custom': { a: 1 } } });
    const problem = only(validate(text), 'meta-key-dropped');
    assert.equal(problem.severity, 'warning');
    assert.equal(covered(text, problem), '"com.example/custom"');
    assert.deepEqual(JSON.parse(applyFix(text, problem))._meta, { [publisherKey]: { tool: 'ci' } });
  });

  it('removes _meta altogether when the dropped key is its only key', () => {
    const text = serverJson({ _meta: { 'io.modelcontextprotocol.registry/official': { isLatest: true } } });
    const fixed = applyFix(text, only(validate(text), 'meta-key-dropped'));
    assert.equal('_meta' in JSON.parse(fixed), false);
    assert.deepEqual(validate(fixed), []);
  });

  it('rejects publisher-provided metadata over 4 KB and accepts it under', () => {
    const big = serverJson({ _meta: { [publisherKey]: { notes: 'n'.repeat(4100) } } });
    const problem = only(validate(big), 'meta-too-large');
    assert.equal(problem.severity, 'error');
    assert.ok(covered(big, problem).startsWith('{'));
    assert.deepEqual(JSON.parse(covered(big, problem)), { notes: 'n'.repeat(4100) });
    assert.deepEqual(validate(serverJson({ _meta: { [publisherKey]: { notes: 'n'.repeat(3000) } } })), []);
  });

  it('measures the size the way the registry serialises it (<, > and & become \\u003c…)', () => {
    const text = serverJson({ _meta: { [publisherKey]: { html: '<b>'.repeat(700) } } });
    assert.ok(JSON.stringify({ html: '<b>'.repeat(700) }).length < 4096);
    assert.match(only(validate(text), 'meta-too-large').message, /\d+ bytes/);
  });
});

describe('server.json registry rules: packages and remotes', () => {
  it('warns (the registry\'s /validate accepts it) about a version on an OCI package and fixes it by moving the tag into the identifier', () => {
    const text = serverJson({ packages: [{ registryType: 'oci', identifier: 'ghcr.io/alice/weather', version: '1.2.0', transport: { type: 'stdio' } }] });
    const problem = only(validate(text), 'oci-version-field');
    assert.equal(problem.severity, 'warning');
    assert.equal(covered(text, problem), '"1.2.0"');
    const fixed = applyFix(text, problem);
    assert.deepEqual(JSON.parse(fixed).packages[0], { registryType: 'oci', identifier: 'ghcr.io/alice/weather:1.2.0', transport: { type: 'stdio' } });
    assert.deepEqual(validate(fixed), []);
  });

  it('only removes the version when the OCI identifier already has a tag', () => {
    const text = serverJson({ packages: [{ registryType: 'oci', identifier: 'localhost:5000/weather:2.0.0', version: '1.2.0', transport: { type: 'stdio' } }] });
    const fixed = applyFix(text, only(validate(text), 'oci-version-field'));
    assert.deepEqual(JSON.parse(fixed).packages[0], { registryType: 'oci', identifier: 'localhost:5000/weather:2.0.0', transport: { type: 'stdio' } });
  });

  it('requires fileSha256 on MCPB packages, pointing at the identifier key', () => {
    const text = serverJson({ packages: [{ registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.0/weather-mcp.mcpb', transport: { type: 'stdio' } }] });
    const problem = only(validate(text), 'mcpb-sha256-missing');
    assert.equal(problem.severity, 'error');
    assert.equal(problem.path, 'packages[0].fileSha256');
    assert.equal(covered(text, problem), '"identifier"');
    const withHash = serverJson({ packages: [{ registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.0/weather-mcp.mcpb', fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } }] });
    assert.deepEqual(validate(withHash), []);
  });

  it('rejects a non-http remote URL once', () => {
    const text = serverJson({ remotes: [{ type: 'sse', url: 'ws://mcp.example.com/sse' }] });
    const problems = validate(text);
    assert.deepEqual(codes(problems), ['invalid-remote-url']);
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(covered(text, problems[0]!), '"ws://mcp.example.com/sse"');
  });

  it('accepts templated https remote URLs', () => {
    const text = serverJson({ remotes: [{ type: 'streamable-http', url: 'https://{tenant}.example.com/mcp', variables: { tenant: { isRequired: true } } }] });
    assert.deepEqual(validate(text), []);
  });
});

describe('server.json registry rules without schema validation', () => {
  it('still names each missing required field when the schema was not checked', () => {
    const text = '{\n  "title": "Weather"\n}';
    const problems = validate(text);
    assert.deepEqual(codes(problems).sort(), ['description-empty', 'name-format', 'schema-missing', 'version-missing']);
    for (const problem of problems) assert.equal(covered(text, problem), '"title"', problem.code);
  });

  it('points at the opening brace of an empty document', () => {
    const text = '{}';
    const problems = validate(text);
    assert.deepEqual(codes(problems).sort(), ['description-empty', 'name-format', 'schema-missing', 'version-missing']);
    for (const problem of problems) assert.equal(covered(text, problem), '{', problem.code);
    assert.deepEqual(JSON.parse(applyFix(text, only(problems, 'schema-missing'))), { $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json' });
  });
});
