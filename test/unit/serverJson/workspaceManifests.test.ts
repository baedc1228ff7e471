import * as assert from 'node:assert/strict';
import { applyEdits } from 'jsonc-parser';
import { applyFix, codes, covered, only, serverJson, validate } from './support';

const packageJsonText = (fields: Record<string, unknown>) => JSON.stringify({ name: '@alice/weather', version: '1.2.0', mcpName: 'io.github.alice/weather', ...fields }, null, 2);
const withPackageJson = (fields: Record<string, unknown>) => ({ context: { packageJson: { path: '/ws/package.json', text: packageJsonText(fields) } } });
const npmServer = (packageVersion: string) => serverJson({ packages: [{ registryType: 'npm', identifier: '@alice/weather', version: packageVersion, transport: { type: 'stdio' } }] });

describe('server.json against the workspace package.json', () => {
  it('accepts a package.json that matches', () => {
    assert.deepEqual(validate(npmServer('1.2.0'), withPackageJson({})), []);
  });

  it('warns when the npm package version drifts from package.json, with a fix to its version', () => {
    const text = npmServer('1.1.0');
    const problem = only(validate(text, withPackageJson({})), 'package-version-drift');
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.path, 'packages[0].version');
    assert.equal(covered(text, problem), '"1.1.0"');
    assert.match(problem.message, /1\.1\.0 but package\.json says 1\.2\.0/);
    assert.equal(problem.fix?.file, undefined);
    assert.equal(JSON.parse(applyFix(text, problem)).packages[0].version, '1.2.0');
  });

  it('ignores npm packages that are not this package.json', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: '@someone/else', version: '0.1.0', transport: { type: 'stdio' } }] });
    assert.deepEqual(validate(text, withPackageJson({ mcpName: undefined })), []);
  });

  it('warns (the registry checks the published package, not this file) about a package.json without mcpName and offers to add it', () => {
    const text = npmServer('1.2.0');
    const manifest = packageJsonText({ mcpName: undefined });
    const problem = only(validate(text, { context: { packageJson: { path: '/ws/package.json', text: manifest } } }), 'mcpname-missing');
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.path, 'packages[0].identifier');
    assert.equal(covered(text, problem), '"@alice/weather"');
    assert.equal(problem.fix?.file, '/ws/package.json');
    const fixedManifest = JSON.parse(applyEdits(manifest, problem.fix!.edits));
    assert.deepEqual(Object.keys(fixedManifest), ['name', 'version', 'mcpName']);
    assert.equal(fixedManifest.mcpName, 'io.github.alice/weather');
  });

  it('warns about an mcpName that differs (even only in case) and offers to correct package.json', () => {
    const text = npmServer('1.2.0');
    const manifest = packageJsonText({ mcpName: 'io.github.Alice/weather' });
    const problem = only(validate(text, { context: { packageJson: { path: '/ws/package.json', text: manifest } } }), 'mcpname-mismatch');
    assert.equal(problem.severity, 'warning');
    assert.equal(problem.fix?.file, '/ws/package.json');
    assert.equal(JSON.parse(applyEdits(manifest, problem.fix!.edits)).mcpName, 'io.github.alice/weather');
  });

  it('survives a broken package.json without reporting anything about it', () => {
    const problems = validate(npmServer('1.1.0'), { context: { packageJson: { path: '/ws/package.json', text: '{ "name": ' } } });
    assert.deepEqual(codes(problems), []);
  });
});

describe('server.json against the workspace pyproject.toml', () => {
  const pypiServer = (version: string) => serverJson({ packages: [{ registryType: 'pypi', identifier: 'weather-mcp', version, transport: { type: 'stdio' } }] });
  const pyproject = (body: string) => ({ context: { pyprojectToml: { path: '/ws/pyproject.toml', text: body } } });

  it('warns when the PyPI package version drifts from [project].version (names compared PEP 503-style)', () => {
    const text = pypiServer('0.9.0');
    const problem = only(validate(text, pyproject('[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "Weather_MCP"\nversion = "1.0.0"  # bumped\n')), 'package-version-drift');
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, /pyproject\.toml says 1\.0\.0/);
    assert.equal(JSON.parse(applyFix(text, problem)).packages[0].version, '1.0.0');
  });

  it('says nothing when the version is dynamic or matches', () => {
    assert.deepEqual(validate(pypiServer('0.9.0'), pyproject('[project]\nname = "weather-mcp"\ndynamic = ["version"]\n')), []);
    assert.deepEqual(validate(pypiServer('1.0.0'), pyproject("[project]\nname = 'weather-mcp'\nversion = '1.0.0'\n")), []);
  });

  it('ignores name/version keys outside [project]', () => {
    assert.deepEqual(validate(pypiServer('0.9.0'), pyproject('[tool.poetry]\nname = "weather-mcp"\nversion = "1.0.0"\n')), []);
  });
});
