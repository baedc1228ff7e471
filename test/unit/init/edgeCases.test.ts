import * as assert from 'node:assert/strict';
import { draftServerJson } from '../../../src/init';
import { parseRepositoryUrl } from '../../../src/init/gitRemote';
import { draftValid, editOf, errorsOf, notesAbout, type Json } from './support';

describe('Create server.json: remote-only servers and edge cases', () => {
  it('remote-only: the https endpoint and its transport, named from the git remote; packages of the folder are left out', () => {
    const worker = JSON.stringify({ name: 'weather-worker', version: '2.0.0', description: 'Weather on Cloudflare Workers', private: true, scripts: { deploy: 'wrangler deploy' } });
    const result = draftValid({ files: { 'package.json': worker }, gitRemoteUrl: 'git@github.com:alice/weather-worker.git', remote: { url: 'https://weather.alice.dev/mcp', type: 'streamable-http' } });
    const server: Json = result.serverJson;
    assert.deepEqual(server.remotes, [{ type: 'streamable-http', url: 'https://weather.alice.dev/mcp' }]);
    assert.equal(server.packages, undefined);
    assert.equal(server.name, 'io.github.alice/weather-worker');
    assert.equal(server.version, '1.0.0', 'no included package has a version');
    assert.equal(notesAbout(result, 'version', 'todo').length, 1);
    assert.deepEqual(result.markerEdits, [], 'remotes need no package marker');
  });

  it('remote-only without a repository: a name from the endpoint domain that needs key proof, and an SSE transport', () => {
    const result = draftValid({ files: {}, remote: { url: 'https://mcp.example.com/sse', type: 'sse' } });
    assert.equal((result.serverJson as Json).name, 'com.example.mcp/server');
    assert.deepEqual((result.serverJson as Json).remotes, [{ type: 'sse', url: 'https://mcp.example.com/sse' }]);
    assert.match(notesAbout(result, 'name', 'todo')[0].message, /key proof for mcp\.example\.com/);
    assert.equal(notesAbout(result, 'description', 'todo').length, 1);
  });

  it('a remote endpoint that is not https is kept but flagged', () => {
    const result = draftServerJson({ files: {}, remote: { url: 'http://mcp.example.com/mcp', type: 'streamable-http' }, namespace: 'com.example' });
    assert.equal((result.serverJson as Json).name, 'com.example/server');
    assert.equal(notesAbout(result, 'remotes[0].url', 'todo').length, 1);
  });

  it('no manifest at all: still a draft that validates, with todos for name, description, version and packages', () => {
    const result = draftValid({ files: { 'README.md': '# Something\n' } });
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.your-github-login/server');
    assert.equal(server.version, '1.0.0');
    for (const field of ['name', 'description', 'version', 'packages']) assert.equal(notesAbout(result, field, 'todo').length, 1, field);
    assert.deepEqual(result.detected, []);
  });

  it('a malformed package.json becomes a note, not an exception, and no edit is offered for it', () => {
    const broken = '{ "name": "weather", "version": "1.0.0", }';
    const result = draftServerJson({ files: { 'package.json': broken, 'pyproject.toml': '[project\nname = ' }, gitRemoteUrl: 'https://github.com/alice/weather' });
    assert.ok(result.notes.some((note) => note.kind === 'todo' && note.source === 'package.json' && /not valid JSON/.test(note.message)));
    assert.ok(result.notes.some((note) => note.kind === 'todo' && note.source === 'pyproject.toml' && /not valid TOML/.test(note.message)));
    assert.deepEqual(result.markerEdits, []);
    assert.deepEqual(errorsOf(result), []);
  });

  it('hostile input does not throw: non-string files, a missing files map, absurd remotes', () => {
    assert.doesNotThrow(() => draftServerJson({ files: { 'package.json': 42 as unknown as string, Dockerfile: 'LABEL x=y\n' } }));
    assert.doesNotThrow(() => draftServerJson(undefined as never));
    assert.doesNotThrow(() => draftServerJson({ files: null as never, gitRemoteUrl: 'x'.repeat(100_000), remote: { url: 'not a url', type: 'sse' } }));
    const huge = draftServerJson({ files: { 'README.md': `# x\n\n## Configuration\n\n${'- `A_VAR_NAME` x\n'.repeat(50_000)}`, 'package.json': JSON.stringify({ name: 'x-server', version: '1.0.0', bin: 'x.js' }) } });
    assert.equal((huge.serverJson as Json).packages[0].environmentVariables.length, 1);
  });

  it('monorepo package: root files read for the repository, repository.subfolder from package.json or the input, the package name as server name', () => {
    const rootPackage = JSON.stringify({ name: 'tools', private: true, workspaces: ['packages/*'], repository: { type: 'git', url: 'https://github.com/acme/tools.git' } });
    const member = JSON.stringify({ name: '@acme/search-mcp', version: '0.2.0', description: 'Search for agents', bin: { 'search-mcp': 'dist/cli.js' }, repository: { type: 'git', url: 'https://github.com/acme/tools.git', directory: 'packages/search-mcp' } });
    const result = draftValid({ files: { 'package.json': member, '../../package.json': rootPackage } }, (r) => ({ packageJson: { path: '/ws/package.json', text: r.markerEdits[0]?.newText ?? member } }));
    const server: Json = result.serverJson;
    assert.equal(server.name, 'io.github.acme/search-mcp');
    assert.deepEqual(server.repository, { url: 'https://github.com/acme/tools', source: 'github', subfolder: 'packages/search-mcp' });

    const noDirectory = JSON.stringify({ name: '@acme/search-mcp', version: '0.2.0', description: 'Search for agents', bin: 'dist/cli.js' });
    const fromRoot = draftServerJson({ files: { 'package.json': noDirectory, '../../package.json': rootPackage } });
    assert.deepEqual((fromRoot.serverJson as Json).repository, { url: 'https://github.com/acme/tools', source: 'github' }, 'the root package.json gives the repository');
    assert.equal(notesAbout(fromRoot, 'repository.subfolder', 'todo').length, 1, 'and the subfolder is asked for');
    const given = draftServerJson({ files: { 'package.json': noDirectory, '../../package.json': rootPackage }, subfolder: './packages/search-mcp/' });
    assert.equal((given.serverJson as Json).repository.subfolder, 'packages/search-mcp');
    const escaping = draftServerJson({ files: { 'package.json': noDirectory }, subfolder: '../elsewhere', gitRemoteUrl: 'https://github.com/acme/tools' });
    assert.equal((escaping.serverJson as Json).repository.subfolder, undefined);
  });

  it('a package under a workspace root whose path is not known is still named after the package, not the repository', () => {
    const pyproject = '[project]\nname = "tides"\nversion = "0.1.0"\ndescription = "Tides"\nreadme = "README.md"\n[project.scripts]\ntides = "tides:main"\n';
    const result = draftServerJson({ files: { 'pyproject.toml': pyproject, '../../pyproject.toml': '[tool.uv.workspace]\nmembers = ["servers/*"]\n' }, gitRemoteUrl: 'git@github.com:bob/ocean.git' });
    assert.equal((result.serverJson as Json).name, 'io.github.bob/tides');
    assert.equal(notesAbout(result, 'repository.subfolder', 'todo').length, 1);
  });

  it('monorepo Python package: the mcp-name line goes into its own README', () => {
    const pyproject = '[project]\nname = "acme-search"\nversion = "0.2.0"\ndescription = "Search"\nreadme = "README.md"\n[project.scripts]\nacme-search = "acme_search:main"\n';
    const result = draftValid({ files: { 'pyproject.toml': pyproject, 'README.md': '# acme-search\n', '../../README.md': '# Acme tools\n' }, gitRemoteUrl: 'https://github.com/acme/tools', subfolder: 'python/acme-search' });
    assert.equal((result.serverJson as Json).name, 'io.github.acme/acme-search');
    assert.equal(editOf(result, 'README.md').file, 'README.md');
  });

  it('a confirmed name the registry would refuse is kept (the user typed it) with a todo', () => {
    const result = draftServerJson({ files: {}, name: 'weather' });
    assert.equal((result.serverJson as Json).name, 'weather');
    assert.equal(notesAbout(result, 'name', 'todo').length, 1);
    assert.ok(errorsOf(result).some((p) => p.code === 'name-format'));
  });
});

describe('Create server.json: git remotes', () => {
  const cases: [string, string | undefined, string | undefined][] = [
    ['https://github.com/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['https://github.com/alice/weather', 'alice/weather', 'https://github.com/alice/weather'],
    ['git@github.com:alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['ssh://git@github.com/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['ssh://git@ssh.github.com:443/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['git@github.com-work:Alice-Corp/weather.mcp.git', 'Alice-Corp/weather.mcp', 'https://github.com/Alice-Corp/weather.mcp'],
    ['git://github.com/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['git+https://github.com/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['https://x-access-token:ghs_secret@github.com/alice/weather.git', 'alice/weather', 'https://github.com/alice/weather'],
    ['github:alice/weather', 'alice/weather', 'https://github.com/alice/weather'],
    ['alice/weather', 'alice/weather', 'https://github.com/alice/weather'],
    ['git@gitlab.com:group/sub/weather.git', 'group/sub/weather', 'https://gitlab.com/group/sub/weather'],
    ['/home/alice/repos/weather', undefined, undefined],
    ['', undefined, undefined],
  ];
  for (const [remote, ownerRepo, webUrl] of cases) {
    it(`${remote || '(empty)'} → ${ownerRepo ?? 'nothing'}`, () => {
      const ref = parseRepositoryUrl(remote);
      assert.equal(ref ? `${ref.owner}/${ref.repo}` : undefined, ownerRepo);
      assert.equal(ref?.webUrl, webUrl);
    });
  }

  it('never puts credentials from the remote URL into the draft', () => {
    const result = draftServerJson({ files: {}, gitRemoteUrl: 'https://alice:ghp_abcdef123456@github.com/alice/weather.git' });
    assert.equal((result.serverJson as Json).name, 'io.github.alice/weather');
    assert.ok(!JSON.stringify(result).includes('ghp_abcdef123456'));
  });

  it('a non-GitHub host gives no io.github name and no repository.source the registry would not know', () => {
    const result = draftServerJson({ files: {}, gitRemoteUrl: 'https://git.example.org/alice/weather.git' });
    assert.equal((result.serverJson as Json).repository, undefined);
    assert.equal((result.serverJson as Json).name, 'io.github.your-github-login/weather');
  });
});
