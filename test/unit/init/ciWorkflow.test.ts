import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { parse as parseYaml } from 'yaml';
import { ciWorkflow, packageKindsOf, CI_WORKFLOW_PATH, type CiWorkflowOptions } from '../../../src/init';
import { repoRoot } from '../serverJson/support';
import type { Json } from './support';

interface WorkflowParser {
  parseWorkflow(file: { name: string; content: string }, trace: unknown): { context: { errors: { getErrors(): { message: string }[] } }; value: unknown };
  convertWorkflowTemplate(context: unknown, value: unknown): Promise<{ errors?: { Message: string }[]; jobs: Json[] }>;
  NoOperationTraceWriter: new () => unknown;
}

let parserModule: WorkflowParser | undefined;
/**
 * GitHub's workflow parser ships as ESM that imports its JSON schema without an import attribute, which
 * plain Node refuses; esbuild bundles it (schema included) into one CommonJS module in memory.
 */
function workflowParser(): WorkflowParser {
  if (parserModule) return parserModule;
  const bundle = buildSync({
    stdin: { contents: "export { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } from '@actions/workflow-parser';", resolveDir: repoRoot, loader: 'js' },
    bundle: true, format: 'cjs', platform: 'node', target: 'node20', write: false, logLevel: 'silent',
  });
  const module = { exports: {} as WorkflowParser };
  new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, require);
  parserModule = module.exports;
  return parserModule;
}

/** Errors of GitHub's own parser and of converting the workflow into its job model; and the converted jobs. */
async function githubParse(yaml: string): Promise<{ errors: string[]; jobs: Json[] }> {
  const parser = workflowParser();
  const parsed = parser.parseWorkflow({ name: CI_WORKFLOW_PATH, content: yaml }, new parser.NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (errors.length > 0) return { errors, jobs: [] };
  const template = await parser.convertWorkflowTemplate(parsed.context, parsed.value);
  return { errors: (template.errors ?? []).map((error) => error.Message), jobs: template.jobs };
}

function stepNames(workflow: Json): string[] {
  return workflow.jobs.publish.steps.map((step: Json) => step.name);
}

function stepNamed(workflow: Json, name: RegExp): Json {
  const step = workflow.jobs.publish.steps.find((candidate: Json) => name.test(candidate.name));
  assert.ok(step, `no step named ${name}`);
  return step;
}

const VARIANTS: [string, CiWorkflowOptions][] = [
  ['server.json only', {}],
  ['npm', { publishPackages: ['npm'] }],
  ['PyPI in a monorepo folder with its own tag prefix', { publishPackages: ['pypi'], directory: 'servers/tides', tagPrefix: 'tides/v' }],
  ['NuGet', { publishPackages: ['nuget'] }],
  ['OCI', { publishPackages: ['oci'] }],
  ['MCPB', { publishPackages: ['mcpb'] }],
  ['cargo', { publishPackages: ['cargo'] }],
  ['everything, to a private registry, pinned publisher', { publishPackages: ['oci', 'npm', 'pypi', 'nuget', 'cargo', 'mcpb'], registryUrl: 'https://mcp.internal.example.com', publisherVersion: 'v1.8.1' }],
];

describe('Set Up Publishing in CI: the workflow', () => {
  for (const [title, options] of VARIANTS) {
    it(`${title}: GitHub's workflow parser accepts it, with OIDC, the tag check, validate, login and publish in order`, async () => {
      const { yaml, path: file } = ciWorkflow(options);
      assert.equal(file, '.github/workflows/publish-mcp.yml');
      const github = await githubParse(yaml);
      assert.deepEqual(github.errors, []);
      assert.equal(github.jobs.length, 1);
      const workflow = parseYaml(yaml, { strict: true, uniqueKeys: true });
      assert.deepEqual(workflow.on, { push: { tags: [`${options.tagPrefix ?? 'v'}*`] } });
      assert.equal(workflow.permissions['id-token'], 'write');
      assert.ok(['read', 'write'].includes(workflow.permissions.contents));
      const names = stepNames(workflow);
      const order = [/^Check that the tag/, /^Install mcp-publisher$/, /^Validate server\.json$/, /^Sign in to the MCP registry with GitHub OIDC$/, /^Publish server\.json$/]
        .map((pattern) => names.findIndex((name) => pattern.test(name)));
      assert.ok(order.every((index, i) => index >= 0 && (i === 0 || index > order[i - 1])), `steps out of order: ${names.join(' | ')}`);
      assert.match(stepNamed(workflow, /^Install mcp-publisher$/).run, /github\.com\/modelcontextprotocol\/registry\/releases\/.*mcp-publisher_\$\{os\}_\$\{arch\}\.tar\.gz/);
      assert.match(stepNamed(workflow, /GitHub OIDC/).run, /^mcp-publisher login github-oidc/);
      for (const step of workflow.jobs.publish.steps) {
        if (step.run === undefined) continue;
        const syntax = spawnSync('bash', ['-n', '-c', step.run], { encoding: 'utf8' });
        assert.equal(syntax.status, 0, `${step.name}: ${syntax.stderr}`);
      }
    });
  }

  it('the parser test can fail: a misspelt key is reported', async () => {
    const broken = ciWorkflow({}).yaml.replace('    runs-on: ubuntu-latest', '    runs_on: ubuntu-latest');
    assert.notDeepEqual((await githubParse(broken)).errors, []);
  });

  it('publishes each asked-for package before server.json, with the permissions and secrets it needs', () => {
    const { yaml, secrets, notes } = ciWorkflow({ publishPackages: ['oci', 'npm', 'nuget', 'cargo', 'pypi', 'mcpb'] });
    const workflow = parseYaml(yaml);
    const names = stepNames(workflow);
    const login = names.indexOf('Sign in to the MCP registry with GitHub OIDC');
    for (const pattern of [/^Publish the npm package$/, /^Publish to PyPI/, /^Publish to NuGet$/, /^Publish to crates\.io$/, /^Build and push the image/, /^Attach the MCP bundle/]) {
      const index = names.findIndex((name) => pattern.test(name));
      assert.ok(index > names.indexOf('Validate server.json') && index < login, `${pattern} must run after validation and before the registry sign-in`);
    }
    assert.ok(names.indexOf('Pack the MCP bundle and record its SHA-256 in server.json') < names.indexOf('Validate server.json'), 'the bundle hash is in server.json before it is validated');
    assert.deepEqual(workflow.permissions, { contents: 'write', 'id-token': 'write', packages: 'write' });
    assert.deepEqual(secrets, ['NPM_TOKEN', 'NUGET_API_KEY', 'CARGO_REGISTRY_TOKEN']);
    assert.equal(stepNamed(workflow, /^Publish the npm package$/).env.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
    assert.equal(stepNamed(workflow, /^Publish to PyPI/).uses, 'pypa/gh-action-pypi-publish@release/v1');
    assert.match(stepNamed(workflow, /^Publish server\.json$/).run, /for attempt in 1 2 3 4 5/);
    assert.ok(notes.some((note) => /trusted publisher/.test(note)));
  });

  it('without packages: least privilege and a single publish, no secrets', () => {
    const { yaml, secrets } = ciWorkflow();
    const workflow = parseYaml(yaml);
    assert.deepEqual(workflow.permissions, { contents: 'read', 'id-token': 'write' });
    assert.deepEqual(secrets, []);
    assert.equal(stepNamed(workflow, /^Publish server\.json$/).run, 'mcp-publisher publish server.json');
    assert.equal(workflow.jobs.publish.defaults, undefined);
  });

  it('a monorepo folder runs every script there; a private registry is named at login; a pinned publisher is downloaded by tag', () => {
    const workflow = parseYaml(ciWorkflow({ directory: './servers/tides/', registryUrl: 'https://mcp.internal.example.com', publisherVersion: '1.8.1' }).yaml);
    assert.deepEqual(workflow.jobs.publish.defaults, { run: { 'working-directory': 'servers/tides' } });
    assert.equal(stepNamed(workflow, /GitHub OIDC/).run, 'mcp-publisher login github-oidc --registry=https://mcp.internal.example.com');
    assert.match(stepNamed(workflow, /^Install mcp-publisher$/).run, /releases\/download\/v1\.8\.1\//);
  });

  it('finds the package kinds a server.json names, for the choice of what CI publishes', () => {
    assert.deepEqual(packageKindsOf({ packages: [{ registryType: 'oci' }, { registryType: 'npm' }, { registryType: 'maven' }, null, { registryType: 'npm' }] }), ['npm', 'oci']);
    assert.deepEqual(packageKindsOf({ remotes: [] }), []);
    assert.deepEqual(packageKindsOf('nonsense'), []);
  });

  it('refuses options that would break or inject into the workflow', () => {
    assert.throws(() => ciWorkflow({ tagPrefix: 'v*"; rm -rf /' }), /tag prefix/);
    assert.throws(() => ciWorkflow({ directory: '../elsewhere' }), /leaves the repository/);
    assert.throws(() => ciWorkflow({ directory: 'a"b' }), /cannot quote/);
    assert.throws(() => ciWorkflow({ registryUrl: 'http://registry.example.com' }), /https/);
    assert.throws(() => ciWorkflow({ publisherVersion: 'main; curl evil' }), /release tag/);
  });

  describe('the tag check, run by bash against a real server.json', () => {
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'mcpv-ci-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    function runTagCheck(options: CiWorkflowOptions, tag: string, files: Record<string, unknown>) {
      for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), JSON.stringify(content));
      const script = stepNamed(parseYaml(ciWorkflow(options).yaml), /^Check that the tag/).run;
      return spawnSync('bash', ['-e', '-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, GITHUB_REF_NAME: tag }, timeout: 10_000 });
    }

    it('passes when the tag is v + the version, fails with an annotation otherwise', () => {
      assert.equal(runTagCheck({}, 'v1.2.0', { 'server.json': { version: '1.2.0' } }).status, 0);
      const mismatch = runTagCheck({}, 'v1.2.1', { 'server.json': { version: '1.2.0' } });
      assert.equal(mismatch.status, 1);
      assert.match(mismatch.stdout, /::error file=server\.json::The tag v1\.2\.1 is not v1\.2\.0/);
    });

    it('understands a monorepo tag prefix, and checks package.json when npm is published', () => {
      assert.equal(runTagCheck({ tagPrefix: 'tides/v' }, 'tides/v0.3.0', { 'server.json': { version: '0.3.0' } }).status, 0);
      const drift = runTagCheck({ publishPackages: ['npm'] }, 'v2.0.0', { 'server.json': { version: '2.0.0' }, 'package.json': { version: '1.9.0' } });
      assert.equal(drift.status, 1);
      assert.match(drift.stdout, /package\.json is at 1\.9\.0 but server\.json at 2\.0\.0/);
    });
  });
});
