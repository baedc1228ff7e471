import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { deployEnvironmentVariables, inlineValueProblem, isShellSafe, substituteDeployCommand } from '../../../src/environments/model';

const vars = { version: '1.4.0-rc.1+build.7', environment: 'production', server: 'io.github.acme/weather' };

describe('deploy command template', () => {
  it('substitutes version, environment and server everywhere they occur', () => {
    assert.equal(
      substituteDeployCommand('deploy.sh ${environment} ${version} --image ${server}:${version}', vars),
      'deploy.sh production 1.4.0-rc.1+build.7 --image io.github.acme/weather:1.4.0-rc.1+build.7',
    );
  });

  it('leaves other ${…} for the shell', () => {
    assert.equal(substituteDeployCommand('echo ${HOME} ${version}', vars), 'echo ${HOME} 1.4.0-rc.1+build.7');
  });

  it('passes the same values as MCP_* environment variables', () => {
    assert.deepEqual(deployEnvironmentVariables(vars), { MCP_VERSION: vars.version, MCP_ENVIRONMENT: 'production', MCP_SERVER: vars.server });
  });

  it('refuses values that would need shell quoting', () => {
    assert.throws(() => substituteDeployCommand('deploy ${version}', { ...vars, version: '1.0.0; rm -rf ~' }), /not safe/);
    assert.throws(() => substituteDeployCommand('deploy ${version}', { ...vars, version: '$(whoami)' }), /not safe/);
  });

  it('refuses inline values the command would read as an option, a home folder or a path out of its folder', () => {
    for (const version of ['-rf', '--force', '~', '~root/x', 'a:~/b', '..', '../../etc/passwd', '1.0.0/../x', 'a\\..\\b']) {
      assert.throws(() => substituteDeployCommand('deploy.sh ${version}', { ...vars, version }), /cannot be written into the deploy command.*MCP_VERSION/s, version);
    }
    assert.throws(() => substituteDeployCommand('deploy.sh --image ${server}', { ...vars, server: '-oProxyCommand' }), /server "-oProxyCommand".*starts with "-".*MCP_SERVER/s);
    assert.throws(() => substituteDeployCommand('deploy.sh ${environment}', { ...vars, environment: '../prod' }), /"\.\." path segment/);
  });

  it('accepts versions that only look odd: dots inside a segment, a tilde or dash later on', () => {
    for (const value of ['1.0.0-rc.1', '1.0.0..2', '1.0~beta', 'v1.0.0', '2025.01.01-x', 'a...b']) assert.equal(inlineValueProblem(value), undefined, value);
  });

  it('checks only the values the template writes inline; the others travel as MCP_* variables', () => {
    const hostile = { version: '-rf ../..; $(whoami)', environment: '~', server: '--x' };
    assert.equal(substituteDeployCommand('./deploy.sh "$MCP_ENVIRONMENT" "$MCP_VERSION"', hostile), './deploy.sh "$MCP_ENVIRONMENT" "$MCP_VERSION"');
    assert.deepEqual(deployEnvironmentVariables(hostile), { MCP_VERSION: hostile.version, MCP_ENVIRONMENT: '~', MCP_SERVER: '--x' });
    assert.throws(() => substituteDeployCommand('./deploy.sh ${environment} "$MCP_VERSION"', hostile), /environment "~"/);
  });

  it('accepts exactly the strings that contain no shell metacharacter (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (value) => {
        const hasMeta = /[^A-Za-z0-9._+@:/~-]/.test(value);
        assert.equal(isShellSafe(value), !hasMeta);
      }),
    );
  });
});
