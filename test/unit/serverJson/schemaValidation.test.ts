import * as assert from 'node:assert/strict';
import { validatorFor } from '../../../src/serverJson/schemaValidation';
import { covered, CURRENT, officialSchemas, serverJson, validate } from './support';

const schemaProblems = (text: string) => validate(text).filter((problem) => problem.code === 'schema');

describe('server.json schema violations', () => {
  it('names a missing required package property and points at a sibling key', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: '@alice/weather', version: '1.2.0' }] });
    const [problem, ...rest] = schemaProblems(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.message, '`packages[0]` must have required property `transport`');
    assert.equal(problem!.path, 'packages[0]');
    assert.equal(problem!.severity, 'error');
    assert.equal(covered(text, problem!), '"registryType"');
  });

  it('reports a missing top-level property', () => {
    const text = serverJson({ description: undefined });
    const [problem, ...rest] = schemaProblems(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.message, 'server.json must have required property `description`');
    assert.equal(covered(text, problem!), '"$schema"');
  });

  it('collapses a transport type typo into one message listing the valid types', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: 'a', version: '1.0.0', transport: { type: 'stdioo' } }] });
    const problems = schemaProblems(text);
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.equal(problems[0]!.message, '`packages[0].transport.type` must be one of `stdio`, `streamable-http`, `sse`');
    assert.equal(covered(text, problems[0]!), '"stdioo"');
  });

  it('explains the failing branch when the type matches (streamable-http without url)', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: 'a', version: '1.0.0', transport: { type: 'streamable-http' } }] });
    const problems = schemaProblems(text);
    assert.deepEqual(problems.map((problem) => problem.message), ['`packages[0].transport` must have required property `url`']);
    assert.equal(covered(text, problems[0]!), '"transport"');
  });

  it('asks for valueHint or value on a bare positional argument', () => {
    const text = serverJson({ packages: [{ registryType: 'npm', identifier: 'a', version: '1.0.0', transport: { type: 'stdio' }, packageArguments: [{ type: 'positional' }] }] });
    const problems = schemaProblems(text);
    assert.deepEqual(problems.map((problem) => problem.message), ['`packages[0].packageArguments[0]` must have one of the properties `valueHint`, `value`']);
    assert.equal(covered(text, problems[0]!), '"type"');
  });

  it('reports a remote with an unsupported type once', () => {
    const text = serverJson({ remotes: [{ type: 'websocket', url: 'https://example.com/mcp' }] });
    const problems = schemaProblems(text);
    assert.deepEqual(problems.map((problem) => problem.message), ['`remotes[0].type` must be one of `streamable-http`, `sse`']);
    assert.equal(covered(text, problems[0]!), '"websocket"');
  });

  it('words type, length and format errors and points at the value', () => {
    const text = serverJson({ version: 123, title: 't'.repeat(101), websiteUrl: 'not a url' });
    const problems = schemaProblems(text);
    const byPath = Object.fromEntries(problems.map((problem) => [problem.path, problem]));
    assert.equal(byPath.version!.message, '`version` must be a string');
    assert.equal(covered(text, byPath.version!), '123');
    assert.equal(byPath.title!.message, '`title` must be at most 100 characters (it has 101)');
    assert.equal(covered(text, byPath.title!), JSON.stringify('t'.repeat(101)));
    assert.match(byPath.websiteUrl!.message, /^`websiteUrl` must be a valid absolute URI/);
    assert.equal(covered(text, byPath.websiteUrl!), '"not a url"');
  });

  it('reports a wrong fileSha256 pattern at the value', () => {
    const text = serverJson({ packages: [{ registryType: 'mcpb', identifier: 'https://github.com/a/b/releases/download/v1/mcp.mcpb', fileSha256: 'ABC', transport: { type: 'stdio' } }] });
    const [problem, ...rest] = schemaProblems(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.path, 'packages[0].fileSha256');
    assert.match(problem!.message, /must match the pattern/);
    assert.equal(covered(text, problem!), '"ABC"');
  });

  it('reports camelCase package fields that the snake_case 2025-07-09 schema forbids, at their key', () => {
    const url = 'https://static.modelcontextprotocol.io/schemas/2025-07-09/server.schema.json';
    const text = serverJson({ $schema: url, packages: [{ registry_type: 'npm', identifier: 'a', version: '1.0.0', transport: { type: 'stdio' }, registryType: 'npm' }] });
    const problems = schemaProblems(text);
    assert.deepEqual(problems.map((problem) => problem.message), ['`registryType` is not allowed in `packages[0]` by this schema version']);
    assert.equal(problems[0]!.path, 'packages[0].registryType');
    assert.equal(covered(text, problems[0]!), '"registryType"');
  });

  it('compiles each schema object once and reuses the validator', () => {
    const schema = officialSchemas()[CURRENT]!;
    assert.equal(validatorFor(schema), validatorFor(schema));
    assert.notEqual(validatorFor(structuredClone(schema)), validatorFor(schema));
  });
});
