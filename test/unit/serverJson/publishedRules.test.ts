// The registry's semantic rules beyond name, description and version: one pass case and the fail cases of
// each family, as a publisher would meet them.
import * as assert from 'node:assert/strict';
import { applyFix, codes, covered, only, serverJson, validate } from './support';

const npm = (changes: Record<string, unknown> = {}) => ({ registryType: 'npm', identifier: '@alice/weather', version: '1.2.0', transport: { type: 'stdio' }, ...changes });
const errorsOf = (text: string) => validate(text).filter((problem) => problem.severity === 'error');

describe('server.json published rules: repository', () => {
  const ok: Record<string, unknown>[] = [
    { url: 'https://github.com/alice/weather', source: 'github' },
    { url: 'https://www.github.com/alice/weather.js/', source: 'github' },
    { url: 'https://gitlab.com/group/subgroup/weather', source: 'gitlab', subfolder: 'servers/weather' },
  ];
  for (const repository of ok) {
    it(`accepts ${JSON.stringify(repository)}`, () => assert.deepEqual(errorsOf(serverJson({ repository })), []));
  }

  const bad: [Record<string, unknown>, string, string][] = [
    [{ url: 'https://bitbucket.org/alice/weather', source: 'bitbucket' }, 'repository.source', /GitHub or GitLab/.source],
    [{ url: 'https://github.com/alice', source: 'github' }, 'repository.url', /https:\/\/github\.com\/<owner>\/<repo>/.source],
    [{ url: 'https://github.com/alice/weather/tree/main/server', source: 'github' }, 'repository.url', /no paths inside it/.source],
    [{ url: 'https://gitlab.com/weather', source: 'gitlab' }, 'repository.url', /gitlab\.com\/<group>\/<project>/.source],
    [{ url: 'https://github.com/alice/weather', source: 'gitlab' }, 'repository.url', /for source "gitlab"/.source],
  ];
  for (const [repository, path, message] of bad) {
    it(`rejects ${JSON.stringify(repository)} at ${path}`, () => {
      const problem = only(validate(serverJson({ repository })), 'invalid-repository-url');
      assert.equal(problem.severity, 'error');
      assert.equal(problem.path, path);
      assert.match(problem.message, new RegExp(message));
    });
  }

  const subfolders: [string, RegExp][] = [
    ['/servers/weather', /must not start with "\/"/],
    ['servers/weather/', /must not end with "\/"/],
    ['servers//weather', /empty segments/],
    ['../weather', /"\." or "\.\." segments/],
    ['servers/./weather', /"\." or "\.\." segments/],
    ['servers/weather app', /only letters, digits/],
  ];
  for (const [subfolder, message] of subfolders) {
    it(`rejects the subfolder ${JSON.stringify(subfolder)}`, () => {
      const text = serverJson({ repository: { url: 'https://github.com/alice/weather', source: 'github', subfolder } });
      const problem = only(validate(text), 'invalid-subfolder-path');
      assert.equal(problem.severity, 'error');
      assert.match(problem.message, message);
      assert.equal(covered(text, problem), JSON.stringify(subfolder));
    });
  }
});

describe('server.json published rules: websiteUrl, title and icons', () => {
  it('accepts an https website, a real title and https icons', () => {
    assert.deepEqual(errorsOf(serverJson({ websiteUrl: 'https://weather.example.com/docs', title: 'Weather', icons: [{ src: 'https://weather.example.com/icon.png' }] })), []);
  });

  it('rejects an http website and fixes it to https', () => {
    const text = serverJson({ websiteUrl: 'http://weather.example.com/' });
    const problem = only(validate(text), 'website-url-invalid-scheme');
    assert.equal(problem.severity, 'error');
    assert.equal(JSON.parse(applyFix(text, problem)).websiteUrl, 'https://weather.example.com/');
    assert.ok(!codes(validate(applyFix(text, problem))).includes('website-url-invalid-scheme'));
  });

  it('rejects a website without a scheme (the schema and the registry rule report it once each, at the value)', () => {
    const text = serverJson({ websiteUrl: 'weather.example.com' });
    const problem = only(validate(text), 'website-url-must-be-absolute');
    assert.match(problem.message, /full https:\/\/ address/);
    assert.equal(covered(text, problem), '"weather.example.com"');
  });

  it('rejects a title of only spaces, and its fix removes it', () => {
    const text = serverJson({ title: '   ' });
    const problem = only(validate(text), 'title-whitespace-only');
    assert.equal(problem.severity, 'error');
    assert.equal('title' in JSON.parse(applyFix(text, problem)), false);
  });

  it('rejects an http icon with an https fix', () => {
    const text = serverJson({ icons: [{ src: 'http://weather.example.com/icon.png' }] });
    const problem = only(validate(text), 'icon-src-invalid-scheme');
    assert.equal(JSON.parse(applyFix(text, problem)).icons[0].src, 'https://weather.example.com/icon.png');
  });

  it('rejects a data: icon and its fix drops only that icon', () => {
    const text = serverJson({ icons: [{ src: 'data:image/png;base64,AAAA' }, { src: 'https://weather.example.com/icon.png' }] });
    const problem = only(validate(text), 'icon-src-invalid-scheme');
    assert.match(problem.message, /data: URI/);
    assert.deepEqual(JSON.parse(applyFix(text, problem)).icons, [{ src: 'https://weather.example.com/icon.png' }]);
  });

  it('rejects a relative icon path', () => {
    assert.equal(only(validate(serverJson({ icons: [{ src: 'icon.png' }] })), 'icon-src-not-absolute').severity, 'error');
  });
});

describe('server.json published rules: package types and registries', () => {
  for (const [registryType, registryBaseUrl] of [['npm', 'https://registry.npmjs.org'], ['pypi', 'https://pypi.org'], ['nuget', 'https://api.nuget.org/v3/index.json'], ['cargo', 'https://crates.io']]) {
    it(`accepts a ${registryType} package with or without its registry (${registryBaseUrl})`, () => {
      assert.deepEqual(errorsOf(serverJson({ packages: [npm({ registryType, registryBaseUrl })] })), []);
      assert.deepEqual(errorsOf(serverJson({ packages: [npm({ registryType })] })), []);
    });
  }

  it('rejects an unknown package type, and a blank one', () => {
    const unknown = only(validate(serverJson({ packages: [npm({ registryType: 'maven' })] })), 'unsupported-registry-type');
    assert.match(unknown.message, /"maven".*"npm", "pypi", "nuget", "cargo", "mcpb", "oci"/);
    assert.match(only(validate(serverJson({ packages: [npm({ registryType: '' })] })), 'unsupported-registry-type').message, /left blank/);
  });

  it('rejects a registry that does not belong to the type, and fixes it to the one allowed', () => {
    const text = serverJson({ packages: [npm({ registryType: 'pypi', registryBaseUrl: 'https://registry.npmjs.org' })] });
    const problem = only(validate(text), 'registry-base-url-mismatch');
    assert.equal(problem.severity, 'error');
    assert.match(problem.message, /"https:\/\/pypi\.org"/);
    assert.equal(JSON.parse(applyFix(text, problem)).packages[0].registryBaseUrl, 'https://pypi.org');
  });

  it('rejects a private npm mirror', () => {
    assert.equal(only(validate(serverJson({ packages: [npm({ registryBaseUrl: 'https://npm.internal.example.com' })] })), 'registry-base-url-mismatch').severity, 'error');
  });

  it('rejects a package identifier with spaces', () => {
    const text = serverJson({ packages: [npm({ identifier: '@alice/ weather' })] });
    assert.equal(covered(text, only(validate(text), 'package-name-has-spaces')), '"@alice/ weather"');
  });

  it('accepts an MCPB package with its hash from a GitHub release, and rejects one without the hash', () => {
    const mcpb = { registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.0/weather-mcp.mcpb', transport: { type: 'stdio' } };
    assert.deepEqual(errorsOf(serverJson({ packages: [{ ...mcpb, fileSha256: 'b'.repeat(64), registryBaseUrl: 'https://github.com' }] })), []);
    assert.equal(only(validate(serverJson({ packages: [mcpb] })), 'mcpb-sha256-missing').severity, 'error');
  });
});

describe('server.json published rules: OCI packages', () => {
  it('accepts a canonical image reference', () => {
    assert.deepEqual(validate(serverJson({ packages: [{ registryType: 'oci', identifier: 'ghcr.io/alice/weather:1.2.0', transport: { type: 'stdio' } }] })), []);
  });

  it('warns, naming VS Code, about the legacy shape, and its fix writes the whole reference into identifier', () => {
    const text = serverJson({ packages: [{ registryType: 'oci', registryBaseUrl: 'https://docker.io', identifier: 'alice/weather', version: '1.2.0', transport: { type: 'stdio' } }] });
    const problems = validate(text);
    assert.deepEqual(problems.map((problem) => [problem.code, problem.severity]), [['oci-legacy-registry-base-url', 'warning'], ['oci-version-field', 'warning']]);
    const legacy = only(problems, 'oci-legacy-registry-base-url');
    assert.match(legacy.message, /VS Code's MCP gallery .* invalid image reference/);
    const fixed = applyFix(text, legacy);
    assert.deepEqual(JSON.parse(fixed).packages[0], { registryType: 'oci', identifier: 'docker.io/alice/weather:1.2.0', transport: { type: 'stdio' } });
    assert.deepEqual(validate(fixed), []);
  });
});

describe('server.json published rules: arguments', () => {
  const withArgument = (argument: Record<string, unknown>) => serverJson({ packages: [npm({ packageArguments: [argument] })] });

  it('accepts flags and values the way clients expect them', () => {
    assert.deepEqual(errorsOf(withArgument({ type: 'named', name: '--port', value: '8080' })), []);
    assert.deepEqual(errorsOf(withArgument({ type: 'named', name: '-v' })), []);
    assert.deepEqual(errorsOf(withArgument({ type: 'positional', valueHint: 'directory', value: '--port 8080' })), []);
  });

  for (const name of ['--directory <path>', '--port 8080', '--token=$TOKEN']) {
    it(`rejects the named-argument name ${JSON.stringify(name)}`, () => {
      const text = withArgument({ type: 'named', name });
      const problem = only(validate(text), 'invalid-named-argument-name');
      assert.equal(problem.severity, 'error');
      assert.equal(problem.path, 'packages[0].packageArguments[0].name');
      assert.match(problem.message, /only the flag/);
    });
  }

  it('rejects a named argument without a name', () => {
    assert.equal(only(validate(withArgument({ type: 'named', name: '' })), 'named-argument-name-required').severity, 'error');
  });

  it('rejects a value or default that repeats the flag', () => {
    const text = withArgument({ type: 'named', name: '--port', value: '--port=8080', default: '--port 80' });
    assert.deepEqual(codes(errorsOf(text)).sort(), ['argument-default-starts-with-name', 'argument-value-starts-with-name']);
  });
});

describe('server.json published rules: package transports', () => {
  const withTransport = (transport: Record<string, unknown>, changes: Record<string, unknown> = {}) => serverJson({ packages: [npm({ transport, ...changes })] });

  it('rejects a url on a stdio transport, with a fix that removes it', () => {
    const text = withTransport({ type: 'stdio', url: 'http://localhost:3000/mcp' });
    const problem = only(validate(text), 'stdio-transport-url-not-empty');
    assert.equal(problem.severity, 'error');
    assert.deepEqual(JSON.parse(applyFix(text, problem)).packages[0].transport, { type: 'stdio' });
  });

  it('accepts a local streamable-http URL built from its own arguments and environment', () => {
    const text = withTransport({ type: 'streamable-http', url: 'http://localhost:{port}/mcp/{WORKSPACE}' }, {
      packageArguments: [{ type: 'named', name: '--port', valueHint: 'port' }],
      environmentVariables: [{ name: 'WORKSPACE' }],
    });
    assert.deepEqual(errorsOf(text), []);
  });

  it('rejects a package URL that uses a name it does not define', () => {
    const text = withTransport({ type: 'sse', url: 'http://localhost:{port}/sse' });
    const problem = only(validate(text), 'invalid-templated-url');
    assert.match(problem.message, /\{port\} is not defined/);
  });

  it('rejects a streamable-http transport without a url', () => {
    assert.ok(codes(errorsOf(withTransport({ type: 'streamable-http' }))).length > 0);
  });
});

describe('server.json published rules: remotes', () => {
  const withRemote = (remote: Record<string, unknown>) => serverJson({ packages: [], remotes: [remote] });

  it('accepts https remotes, templated ones with declared variables (also host and port)', () => {
    assert.deepEqual(validate(withRemote({ type: 'sse', url: 'https://mcp.example.com/sse' })), []);
    assert.deepEqual(validate(withRemote({ type: 'streamable-http', url: 'https://{host}:{port}/', variables: { host: { isRequired: true }, port: { default: '443' } } })), []);
  });

  for (const url of ['https://localhost:8080/mcp', 'https://127.0.0.1/mcp', 'https://api.localhost/mcp']) {
    it(`rejects the local remote ${url}`, () => {
      const problem = only(validate(withRemote({ type: 'streamable-http', url })), 'invalid-remote-url');
      assert.match(problem.message, /not reachable by anyone else/);
    });
  }

  it('rejects an http remote with an https fix', () => {
    const text = withRemote({ type: 'streamable-http', url: 'http://mcp.example.com/mcp' });
    const problem = only(validate(text), 'invalid-remote-url');
    assert.equal(JSON.parse(applyFix(text, problem)).remotes[0].url, 'https://mcp.example.com/mcp');
  });

  it('rejects undeclared URL variables and its fix declares them', () => {
    const text = withRemote({ type: 'streamable-http', url: 'https://{tenant}.example.com/{region}/mcp' });
    const problem = only(validate(text), 'invalid-templated-url');
    assert.match(problem.message, /\{tenant\}, \{region\} are not declared/);
    const fixed = applyFix(text, problem);
    assert.deepEqual(Object.keys(JSON.parse(fixed).remotes[0].variables), ['tenant', 'region']);
    assert.deepEqual(validate(fixed), []);
  });

  it('adds a missing variable next to the declared ones', () => {
    const text = withRemote({ type: 'streamable-http', url: 'https://{tenant}.example.com/{region}/mcp', variables: { tenant: { isRequired: true } } });
    const fixed = applyFix(text, only(validate(text), 'invalid-templated-url'));
    assert.deepEqual(Object.keys(JSON.parse(fixed).remotes[0].variables), ['tenant', 'region']);
  });

  it('warns that a version on a remote is dropped, and its fix removes it', () => {
    const text = withRemote({ type: 'sse', url: 'https://mcp.example.com/sse', version: '1.2.0' });
    const problem = only(validate(text), 'remote-version-dropped');
    assert.equal(problem.severity, 'warning');
    assert.deepEqual(validate(applyFix(text, problem)), []);
  });
});

describe('server.json client advice', () => {
  it('warns, naming VS Code, that a blank description hides the server in its gallery', () => {
    const problem = only(validate(serverJson({ description: '   ' })), 'client-vscode-hides-description');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /VS Code's MCP gallery hides/);
  });
});
