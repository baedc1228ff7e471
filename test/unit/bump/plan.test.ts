import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyPlannedEdits, BumpPlanError, mcpbRenames, planBump, type BumpInputs, type BumpPlan } from '../../../src/bump/model';

const repoRoot = resolve(__dirname, '../../..');
const sampleServer = readFileSync(resolve(repoRoot, 'test/fixtures/sample-server/server.json'), 'utf8');
const samplePackage = readFileSync(resolve(repoRoot, 'test/fixtures/sample-server/package.json'), 'utf8');

function textsAfter(inputs: BumpInputs, plan: BumpPlan): Map<string, string> {
  const sources = [inputs.serverJson, ...(inputs.packageJsons ?? []), ...(inputs.pyprojects ?? []), ...(inputs.extraFiles ?? []).map((e) => e.source)];
  const out = new Map<string, string>();
  for (const file of plan.files) out.set(file.id, applyPlannedEdits(sources.find((s) => s.id === file.id)!.text, file.edits));
  return out;
}

function bump(inputs: BumpInputs): { plan: BumpPlan; after: Map<string, string> } {
  const plan = planBump(inputs);
  return { plan, after: textsAfter(inputs, plan) };
}

describe('bump plan: server.json', () => {
  it('moves the server version, the tracking npm version and the OCI tag, and nothing else', () => {
    const { plan, after } = bump({ serverJson: { id: 'server.json', text: sampleServer }, newVersion: '1.5.0' });
    const text = after.get('server.json')!;
    const expected = sampleServer.replace('"version": "1.4.0",\n  "repository"', '"version": "1.5.0",\n  "repository"')
      .replace('"version": "1.4.0",\n      "runtimeHint"', '"version": "1.5.0",\n      "runtimeHint"')
      .replace('weather-mcp:1.4.0', 'weather-mcp:1.5.0');
    assert.equal(text, expected);
    assert.equal(plan.from, '1.4.0');
    assert.deepEqual(plan.files[0].edits.map((e) => e.kind), ['server', 'package', 'oci-tag']);
  });

  it('leaves a package version that does not track the server version', () => {
    const text = JSON.stringify({ name: 'io.github.a/b', version: '2.0.0', packages: [
      { registryType: 'pypi', identifier: 'b', version: '0.9.1' },
      { registryType: 'nuget', identifier: 'B', version: '2.0.0' },
      { registryType: 'cargo', identifier: 'b-rs', version: '2.0.0' },
    ] }, null, 2);
    const { after } = bump({ serverJson: { id: 's', text }, newVersion: '2.1.0' });
    const doc = JSON.parse(after.get('s')!);
    assert.equal(doc.version, '2.1.0');
    assert.deepEqual(doc.packages.map((p: { version: string }) => p.version), ['0.9.1', '2.1.0', '2.1.0']);
  });

  it('keeps the "v" of an OCI tag and a digest after it', () => {
    const text = '{"name":"io.github.a/b","version":"1.0.0","packages":[{"registryType":"oci","identifier":"ghcr.io/a/b:v1.0.0@sha256:abc"}]}';
    const { after } = bump({ serverJson: { id: 's', text }, newVersion: '1.1.0' });
    assert.equal(JSON.parse(after.get('s')!).packages[0].identifier, 'ghcr.io/a/b:v1.1.0@sha256:abc');
  });

  it('renames the MCPB URL and writes the hash of the new file when it is known', () => {
    const text = JSON.stringify({ name: 'io.github.a/b', version: '1.2.0', packages: [
      { registryType: 'mcpb', identifier: 'https://github.com/a/b/releases/download/v1.2.0/b-1.2.0.mcpb', fileSha256: 'a'.repeat(64) },
    ] }, null, 2);
    const renames = mcpbRenames(text, '1.3.0');
    assert.deepEqual(renames.map((r) => [r.newUrl, r.fileName]), [['https://github.com/a/b/releases/download/v1.3.0/b-1.3.0.mcpb', 'b-1.3.0.mcpb']]);
    const withHash = bump({ serverJson: { id: 's', text }, newVersion: '1.3.0', mcpbHashes: { 0: { sha256: 'b'.repeat(64), foundAt: 'dist/b-1.3.0.mcpb' } } });
    const pkg = JSON.parse(withHash.after.get('s')!).packages[0];
    assert.equal(pkg.identifier, renames[0].newUrl);
    assert.equal(pkg.fileSha256, 'b'.repeat(64));
    assert.match(withHash.plan.warnings.join('\n'), /recomputed from dist\/b-1\.3\.0\.mcpb/);
    const withoutHash = bump({ serverJson: { id: 's', text }, newVersion: '1.3.0' });
    assert.equal(JSON.parse(withoutHash.after.get('s')!).packages[0].fileSha256, 'a'.repeat(64));
    assert.match(withoutHash.plan.warnings.join('\n'), /fileSha256 must match the new file/);
  });

  it('refuses a server.json that is not valid JSON, and the same version', () => {
    assert.throws(() => planBump({ serverJson: { id: 'server.json', text: '{"version": "1.0.0",' }, newVersion: '1.0.1' }), (e: unknown) =>
      e instanceof BumpPlanError && /server\.json is not valid JSON .*line 1/.test(e.message));
    assert.throws(() => planBump({ serverJson: { id: 's', text: sampleServer }, newVersion: '1.4.0' }), /already at 1\.4\.0/);
    assert.throws(() => planBump({ serverJson: { id: 's', text: sampleServer }, newVersion: '^1.5.0' }), /not a range/);
  });

  it('escapes a version written into JSON strings', () => {
    const { after } = bump({ serverJson: { id: 's', text: '{"version":"1.0.0"}' }, newVersion: '1.0.1-a"b' });
    assert.equal(JSON.parse(after.get('s')!).version, '1.0.1-a"b');
  });
});

describe('bump plan: package manifests', () => {
  it('moves the version of the package.json that ships the npm package, formatting kept', () => {
    const inputs = { serverJson: { id: 's', text: sampleServer }, newVersion: '1.5.0', packageJsons: [{ id: 'package.json', text: samplePackage }] };
    const { after } = bump(inputs);
    assert.equal(after.get('package.json'), samplePackage.replace('"version": "1.4.0"', '"version": "1.5.0"'));
  });

  it('leaves a package.json of another package, and one whose version does not follow the server', () => {
    const other = samplePackage.replace('@acme-labs/weather-mcp', '@acme-labs/other');
    const behind = samplePackage.replace('"version": "1.4.0"', '"version": "0.1.0"');
    const server = sampleServer.replace('"version": "1.4.0",\n      "runtimeHint"', '"version": "0.1.0",\n      "runtimeHint"');
    assert.equal(bump({ serverJson: { id: 's', text: sampleServer }, newVersion: '1.5.0', packageJsons: [{ id: 'p', text: other }] }).after.has('p'), false);
    const result = bump({ serverJson: { id: 's', text: server }, newVersion: '1.5.0', packageJsons: [{ id: 'p', text: behind }] });
    assert.equal(result.after.has('p'), false);
    assert.match(result.plan.notes.join('\n'), /does not follow the server version/);
  });

  it('refuses when the shipped package.json cannot be parsed, changing nothing', () => {
    const broken = samplePackage.replace('"type": "module",', '"type": "module",,');
    assert.throws(() => planBump({ serverJson: { id: 's', text: sampleServer }, newVersion: '1.5.0', packageJsons: [{ id: 'package.json', text: broken }] }),
      /package\.json \(the npm package @acme-labs\/weather-mcp\) is not valid JSON/);
  });

  const pyServer = JSON.stringify({ name: 'io.github.a/weather', version: '0.3.0', packages: [{ registryType: 'pypi', identifier: 'Weather_MCP', version: '0.3.0' }] });
  const pyproject = [
    '# build settings',
    '[build-system]',
    'requires = ["hatchling"]',
    'version = "9.9.9"  # not the project',
    '',
    '[project]',
    'name = "weather-mcp"',
    "version   =   '0.3.0'   # keep me",
    'dependencies = ["mcp>=1.0"]',
    '',
    '[tool.hatch]',
    'version = "0.3.0"',
    '',
  ].join('\r\n');

  it('moves [project] version in pyproject.toml line by line, keeping quotes, comments and CRLF', () => {
    const { after } = bump({ serverJson: { id: 's', text: pyServer }, newVersion: '0.4.0', pyprojects: [{ id: 'pyproject.toml', text: pyproject }] });
    assert.equal(after.get('pyproject.toml'), pyproject.replace("'0.3.0'   # keep me", "'0.4.0'   # keep me"));
  });

  it('leaves a dynamic version alone and refuses a version line it cannot read', () => {
    const dynamic = '[project]\nname = "weather_mcp"\ndynamic = ["version"]\n';
    const result = bump({ serverJson: { id: 's', text: pyServer }, newVersion: '0.4.0', pyprojects: [{ id: 'pyproject.toml', text: dynamic }] });
    assert.equal(result.after.has('pyproject.toml'), false);
    assert.match(result.plan.notes.join('\n'), /no static version/);
    const multiline = '[project]\nname = "weather-mcp"\nversion = """0.3.0"""\n';
    assert.throws(() => planBump({ serverJson: { id: 's', text: pyServer }, newVersion: '0.4.0', pyprojects: [{ id: 'pyproject.toml', text: multiline }] }), /not a simple quoted string/);
  });
});

describe('bump plan: extra files', () => {
  const server = { id: 's', text: '{"name":"io.github.a/b","version":"1.0.0"}' };

  it('sets a JSON path in a JSONC file, keeping comments and formatting', () => {
    const text = '{\n  // shown to clients\n  "serverInfo": { "name": "b", "version": "1.0.0" },\n  "other": "1.0.0",\n}\n';
    const { after } = bump({ serverJson: server, newVersion: '1.1.0', extraFiles: [{ source: { id: 'info.json', text }, rule: { path: 'info.json', jsonPath: 'serverInfo.version' } }] });
    assert.equal(after.get('info.json'), text.replace('"version": "1.0.0"', '"version": "1.1.0"'));
  });

  it('replaces the first capture group of a regular expression, every match', () => {
    const text = "export const server = new McpServer({ name: 'b', version: '1.0.0' });\nconst again = { version: '1.0.0' };\nconst label = '1.0.0';\n";
    const { after } = bump({ serverJson: server, newVersion: '1.1.0', extraFiles: [{ source: { id: 'src/index.ts', text }, rule: { path: 'src/index.ts', regex: "version: '(.+?)'" } }] });
    assert.equal(after.get('src/index.ts'), text.replaceAll("version: '1.0.0'", "version: '1.1.0'"));
  });

  it('refuses a rule without a capture group, an invalid expression, and an unparsable JSON file', () => {
    const source = { id: 'x', text: 'version: 1.0.0' };
    assert.throws(() => planBump({ serverJson: server, newVersion: '1.1.0', extraFiles: [{ source, rule: { path: 'x', regex: 'version: .+' } }] }), /needs a capture group/);
    assert.throws(() => planBump({ serverJson: server, newVersion: '1.1.0', extraFiles: [{ source, rule: { path: 'x', regex: 'version: (.+' } }] }), /regular expression is invalid/);
    assert.throws(() => planBump({ serverJson: server, newVersion: '1.1.0', extraFiles: [{ source: { id: 'x.json', text: '{"a": ' }, rule: { path: 'x.json', jsonPath: 'a' } }] }), /x\.json is not valid JSON/);
  });

  it('refuses everything when one file is broken, even if others are fine', () => {
    const good = { source: { id: 'good.json', text: '{"v":"1.0.0"}' }, rule: { path: 'good.json', jsonPath: 'v' } };
    const bad = { source: { id: 'bad.json', text: '{"v":' }, rule: { path: 'bad.json', jsonPath: 'v' } };
    assert.throws(() => planBump({ serverJson: server, newVersion: '1.1.0', extraFiles: [good, bad] }), BumpPlanError);
  });
});
