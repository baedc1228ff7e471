import * as assert from 'node:assert/strict';
import { validateServerJson } from '../../../src/serverJson';
import { covered, serverJson, validate } from './support';

describe('server.json syntax errors', () => {
  it('accepts a valid document without problems', () => {
    assert.deepEqual(validate(serverJson()), []);
  });

  it('reports a trailing comma in an object at the comma, and nothing else', () => {
    const text = '{\n  "name": "io.github.alice/weather",\n  "version": "1.0.0",\n}';
    const problems = validate(text);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.code, 'json-syntax');
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(covered(text, problems[0]!), ',');
    assert.equal(problems[0]!.range.start, text.lastIndexOf(','));
    assert.match(problems[0]!.message, /Trailing comma/);
  });

  it('reports a trailing comma in an array', () => {
    const text = '{ "name": "a.b/c", "packages": [ {}, ] }';
    const problems = validate(text);
    assert.deepEqual(problems.map((problem) => [problem.code, covered(text, problem)]), [['json-syntax', ',']]);
  });

  it('reports comments, which the registry does not accept', () => {
    const text = '{\n  // the weather server\n  "name": "io.github.alice/weather"\n}';
    const [problem, ...rest] = validate(text);
    assert.equal(rest.length, 0);
    assert.equal(problem!.code, 'json-syntax');
    assert.equal(covered(text, problem!), '// the weather server');
    assert.match(problem!.message, /Comments are not allowed/);
  });

  it('reports an unterminated document with a readable message', () => {
    const text = '{ "name": "io.github.alice/weather"';
    const problems = validate(text);
    assert.ok(problems.length >= 1);
    assert.ok(problems.every((problem) => problem.code === 'json-syntax' && problem.severity === 'error'));
    assert.ok(problems.some((problem) => /Closing brace/.test(problem.message)), JSON.stringify(problems));
  });

  it('reports a missing comma between properties', () => {
    const text = '{ "name": "a.b/c"\n "version": "1.0.0" }';
    const problems = validate(text);
    assert.ok(problems.some((problem) => problem.message === 'Comma expected' && covered(text, problem) === '"version"'), JSON.stringify(problems));
  });

  it('reports empty text', () => {
    const problems = validateServerJson('   \n');
    assert.deepEqual(codes(problems), ['json-syntax']);
    assert.match(problems[0]!.message, /empty/);
  });

  it('reports a document that is valid JSON but not an object', () => {
    const text = '[{"name": "a.b/c"}]';
    const problems = validate(text);
    assert.deepEqual(codes(problems), ['json-not-object']);
    assert.equal(covered(text, problems[0]!), text);
  });
});

function codes(problems: { code: string }[]): string[] {
  return problems.map((problem) => problem.code);
}
