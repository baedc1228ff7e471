import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { deployEnvironmentVariables, isShellSafe, substituteDeployCommand } from '../../../src/environments/model';

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

  it('accepts exactly the strings that contain no shell metacharacter (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 20 }), (value) => {
        const hasMeta = /[^A-Za-z0-9._+@:/~-]/.test(value);
        assert.equal(isShellSafe(value), !hasMeta);
      }),
    );
  });
});
