import * as assert from 'node:assert/strict';
import { DEFAULT_VERIFY_TIMEOUT_SECONDS, previousEnvironment, readEnvironments } from '../../../src/environments/model';

const staging = { name: 'staging', server: 'io.github.acme/weather', endpoint: 'https://staging.acme.dev/mcp', deploy: './deploy.sh ${environment} ${version}' };
const production = { ...staging, name: 'production', endpoint: 'https://acme.dev/mcp', requires: 'staging', verifyTimeoutSeconds: 120 };

describe('environments setting', () => {
  it('reads environments in order with defaults filled in', () => {
    const { environments, problems } = readEnvironments([staging, production]);
    assert.deepEqual(problems, []);
    assert.deepEqual(environments.map((e) => e.name), ['staging', 'production']);
    assert.equal(environments[0].verifyTimeoutSeconds, DEFAULT_VERIFY_TIMEOUT_SECONDS);
    assert.equal(environments[1].verifyTimeoutSeconds, 120);
    assert.equal(environments[1].requires, 'staging');
    assert.deepEqual(environments[0].headers, []);
  });

  it('reports entries without name, server or an http endpoint instead of failing', () => {
    const { environments, problems } = readEnvironments([{ name: 'x' }, { ...staging, endpoint: 'ftp://x' }, 'nope', staging]);
    assert.deepEqual(environments.map((e) => e.name), ['staging']);
    assert.equal(problems.length, 3);
  });

  it('keeps the first of two environments with the same name', () => {
    const { environments, problems } = readEnvironments([staging, { ...staging, endpoint: 'https://other/mcp' }]);
    assert.equal(environments.length, 1);
    assert.equal(environments[0].endpoint, staging.endpoint);
    assert.match(problems[0], /defined twice/);
  });

  it('never takes a secret header value from settings', () => {
    const { environments, problems } = readEnvironments([
      { ...staging, headers: [{ name: 'Authorization', secret: true, value: 'Bearer leaked' }, { name: 'X-Team', value: 'blue' }] },
    ]);
    assert.deepEqual(environments[0].headers, [
      { name: 'Authorization', secret: true, value: undefined },
      { name: 'X-Team', secret: false, value: 'blue' },
    ]);
    assert.match(problems[0], /secret/);
    assert.ok(!JSON.stringify(environments).includes('leaked'));
  });

  it('reports a requires that names no environment', () => {
    const { problems } = readEnvironments([{ ...production, requires: 'qa' }]);
    assert.match(problems[0], /requires "qa"/);
  });

  it('finds the environment before another (where promotions come from)', () => {
    const { environments } = readEnvironments([staging, production]);
    assert.equal(previousEnvironment(environments, 'production')?.name, 'staging');
    assert.equal(previousEnvironment(environments, 'staging'), undefined);
  });

  it('treats a missing or non-array setting as no environments', () => {
    assert.deepEqual(readEnvironments(undefined), { environments: [], problems: [] });
    assert.equal(readEnvironments({}).problems.length, 1);
  });
});
