import * as assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { CURRENT_SCHEMA_URL, validateServerJson } from '../../../src/serverJson';
import { officialSchemas } from '../serverJson/support';
import { draftServerJson } from '../../../src/init';
import { draftValid, editOf, errorsOf, json, notesAbout, packageJsonAfter, type Json } from './support';

const WEATHER_PACKAGE = json({
  name: '@alice/weather-mcp',
  version: '1.4.2',
  description: 'Weather forecasts and severe-weather alerts for your agent, from the Open-Meteo API',
  type: 'module',
  bin: { 'weather-mcp': 'dist/index.js' },
  files: ['dist'],
  scripts: { build: 'tsc', start: 'node dist/index.js' },
  dependencies: { '@modelcontextprotocol/sdk': '^1.20.0', zod: '^3.25.0' },
  repository: { type: 'git', url: 'git+https://github.com/alice/weather-mcp.git' },
  license: 'MIT',
});

const README = `# Weather MCP

[![npm](https://img.shields.io/npm/v/@alice/weather-mcp)](https://www.npmjs.com/package/@alice/weather-mcp)

An MCP server that gives your agent forecasts and alerts.

## Configuration

| Variable | Description |
| --- | --- |
| \`OPEN_METEO_API_KEY\` | API key for the commercial Open-Meteo endpoint |
| \`WEATHER_UNITS\` | \`metric\` (default) or \`imperial\` |

## Usage

\`\`\`json
{ "mcpServers": { "weather": { "command": "npx", "args": ["-y", "@alice/weather-mcp"] } } }
\`\`\`
`;

const ENV_EXAMPLE = `# Commercial endpoint key (leave empty for the free tier)
OPEN_METEO_API_KEY=your-api-key-here
# Cache lifetime in seconds
WEATHER_CACHE_SECONDS=600
DATABASE_PASSWORD=hunter2
`;

describe('Create server.json: npm projects', () => {
  it('drafts a valid server.json from package.json and the git remote, with the mcpName edit that makes the registry accept it', () => {
    const files = { 'package.json': WEATHER_PACKAGE, 'README.md': README };
    const result = draftValid({ files, gitRemoteUrl: 'https://github.com/alice/weather-mcp.git' }, (r) => packageJsonAfter(r, WEATHER_PACKAGE));
    const server: Json = result.serverJson;
    assert.equal(server.$schema, CURRENT_SCHEMA_URL);
    assert.equal(server.name, 'io.github.alice/weather-mcp');
    assert.equal(server.version, '1.4.2');
    assert.equal(server.description, 'Weather forecasts and severe-weather alerts for your agent, from the Open-Meteo API');
    assert.deepEqual(server.repository, { url: 'https://github.com/alice/weather-mcp', source: 'github' });
    assert.deepEqual(server.packages[0], {
      registryType: 'npm',
      identifier: '@alice/weather-mcp',
      version: '1.4.2',
      transport: { type: 'stdio' },
      environmentVariables: [
        { name: 'OPEN_METEO_API_KEY', description: 'API key for the commercial Open-Meteo endpoint', isSecret: true },
        { name: 'WEATHER_UNITS', description: 'metric (default) or imperial' },
      ],
    });
    assert.equal(notesAbout(result, 'name', 'todo').length, 1, 'a name from the remote is to be confirmed');
    const edit = editOf(result, 'package.json');
    assert.equal(edit.kind, 'npm-mcpName');
    assert.equal(edit.createsFile, false);
    assert.equal(applyEdits(WEATHER_PACKAGE, edit.edits), edit.newText);
    const edited = JSON.parse(edit.newText);
    assert.equal(edited.mcpName, 'io.github.alice/weather-mcp');
    assert.deepEqual(Object.keys(edited).slice(0, 3), ['name', 'version', 'mcpName']);
    assert.ok(result.notes.some((note) => note.kind === 'markerEdit' && note.source === 'package.json'));
  });

  it('without the marker edit the same draft gets the warning the edit exists for (the registry checks the published package)', () => {
    const result = draftServerJson({ files: { 'package.json': WEATHER_PACKAGE }, gitRemoteUrl: 'https://github.com/alice/weather-mcp.git' });
    const text = JSON.stringify(result.serverJson, null, 2);
    const context = { packageJson: { path: '/ws/package.json', text: WEATHER_PACKAGE } };
    const problems = validateServerJson(text, { schemas: officialSchemas(), context });
    assert.deepEqual(problems.filter((p) => p.severity === 'error').map((p) => p.code), []);
    assert.deepEqual(problems.filter((p) => p.code === 'mcpname-missing').map((p) => p.severity), ['warning']);
  });

  it('takes the name from mcpName, which is what the registry verifies, over the git remote; no edit then', () => {
    const manifest = json({ ...JSON.parse(WEATHER_PACKAGE), mcpName: 'io.github.alice/weather' });
    const result = draftValid({ files: { 'package.json': manifest }, gitRemoteUrl: 'git@github.com:someone-else/fork.git' }, (r) => packageJsonAfter(r, manifest));
    assert.equal((result.serverJson as Json).name, 'io.github.alice/weather');
    assert.deepEqual(result.markerEdits, []);
    assert.equal(notesAbout(result, 'name', 'info')[0].source, 'package.json');
    assert.equal(notesAbout(result, 'name', 'todo').length, 0);
  });

  it('with a name the user confirmed, corrects an mcpName that differs instead of adding one', () => {
    const manifest = json({ ...JSON.parse(WEATHER_PACKAGE), mcpName: 'io.github.Alice/weather' });
    const result = draftValid({ files: { 'package.json': manifest }, name: 'io.github.alice/weather' }, (r) => packageJsonAfter(r, manifest));
    const edit = editOf(result, 'package.json');
    assert.match(edit.description, /from "io\.github\.Alice\/weather" to "io\.github\.alice\/weather"/);
    assert.equal(JSON.parse(edit.newText).mcpName, 'io.github.alice/weather');
  });

  it('keeps scoped package names whole as the identifier and uses the unscoped part for a name without a remote repository', () => {
    const manifest = json({ name: '@acme-corp/db.tools_mcp', version: '0.3.0', description: 'Database tools', bin: './cli.js' });
    const result = draftServerJson({ files: { 'package.json': manifest }, namespace: 'com.acme-corp' });
    assert.equal((result.serverJson as Json).packages[0].identifier, '@acme-corp/db.tools_mcp');
    assert.equal((result.serverJson as Json).name, 'com.acme-corp/db.tools_mcp');
    assert.deepEqual(errorsOf(result, packageJsonAfter(result, manifest)), []);
  });

  it('reads .env.example: comments describe, secret-looking names are secret and their values never copied, plain values become defaults', () => {
    const result = draftValid({ files: { 'package.json': WEATHER_PACKAGE, '.env.example': ENV_EXAMPLE }, gitRemoteUrl: 'https://github.com/alice/weather-mcp' }, (r) => packageJsonAfter(r, WEATHER_PACKAGE));
    const variables: Json[] = (result.serverJson as Json).packages[0].environmentVariables;
    assert.deepEqual(variables, [
      { name: 'OPEN_METEO_API_KEY', description: 'Commercial endpoint key (leave empty for the free tier)', isSecret: true },
      { name: 'WEATHER_CACHE_SECONDS', description: 'Cache lifetime in seconds', default: '600' },
      { name: 'DATABASE_PASSWORD', isSecret: true },
    ]);
    assert.ok(!JSON.stringify(result).includes('hunter2'), 'a secret value from .env.example must not reach the draft or its notes');
    assert.match(notesAbout(result, 'packages[0].environmentVariables', 'todo')[0].message, /OPEN_METEO_API_KEY, DATABASE_PASSWORD marked secret/);
  });

  it('shortens a description over 100 characters at a word and says so', () => {
    const long = 'A Model Context Protocol server that lets agents search, read and annotate every issue, pull request and discussion in your organisation';
    const manifest = json({ ...JSON.parse(WEATHER_PACKAGE), description: long });
    const result = draftValid({ files: { 'package.json': manifest }, gitRemoteUrl: 'https://github.com/alice/weather-mcp' }, (r) => packageJsonAfter(r, manifest));
    const description: string = (result.serverJson as Json).description;
    assert.ok([...description].length <= 100, description);
    assert.ok(description.endsWith('…'));
    assert.ok(long.startsWith(description.slice(0, -1)));
    assert.match(notesAbout(result, 'description', 'todo')[0].message, /has 136 characters; the registry allows 100/);
  });

  it('says when package.json has no bin (npx could not start it) and leaves a private package out', () => {
    const noBin = draftServerJson({ files: { 'package.json': json({ name: 'weather', version: '1.0.0', description: 'Weather' }) }, gitRemoteUrl: 'https://github.com/alice/weather' });
    assert.ok(noBin.notes.some((note) => note.kind === 'todo' && /no "bin"/.test(note.message)));
    const privateOne = draftServerJson({ files: { 'package.json': json({ name: 'weather', private: true, version: '1.0.0', description: 'Weather' }) }, gitRemoteUrl: 'https://github.com/alice/weather' });
    assert.equal((privateOne.serverJson as Json).packages, undefined);
    assert.deepEqual(privateOne.detected.map((d) => [d.kind, d.included]), [['npm', false]]);
    assert.ok(privateOne.notes.some((note) => /"private": true/.test(note.message)));
  });

  it('documents an HTTP endpoint only when the README shows one and never mentions stdio', () => {
    const httpReadme = '# Weather\n\nStart it with `npx weather-mcp --port 3001` and point your client at http://localhost:3001/mcp (streamable HTTP).\n';
    const http = draftValid({ files: { 'package.json': WEATHER_PACKAGE, 'README.md': httpReadme }, gitRemoteUrl: 'https://github.com/alice/weather-mcp' }, (r) => packageJsonAfter(r, WEATHER_PACKAGE));
    assert.deepEqual((http.serverJson as Json).packages[0].transport, { type: 'streamable-http', url: 'http://localhost:3001/mcp' });
    assert.equal(notesAbout(http, 'packages[0].transport', 'todo').length, 1);
    const both = draftServerJson({ files: { 'package.json': WEATHER_PACKAGE, 'README.md': `${httpReadme}\nBy default it talks stdio.\n` } });
    assert.deepEqual((both.serverJson as Json).packages[0].transport, { type: 'stdio' });
  });
});
