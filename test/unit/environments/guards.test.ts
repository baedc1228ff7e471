import * as assert from 'node:assert/strict';
import { checkDeployment, confirmationMessage, readEnvironments, type RegistryVersionInfo } from '../../../src/environments/model';

const { environments } = readEnvironments([
  { name: 'staging', server: 'io.github.acme/weather', endpoint: 'http://127.0.0.1:1/mcp', deploy: 'deploy ${environment} ${version}' },
  { name: 'production', server: 'io.github.acme/weather', endpoint: 'http://127.0.0.1:2/mcp', deploy: 'deploy ${environment} ${version}', requires: 'staging' },
  { name: 'preview', server: 'io.github.acme/weather', endpoint: 'http://127.0.0.1:3/mcp' },
]);
const [staging, production, preview] = environments;
const registry: RegistryVersionInfo[] = [
  { version: '1.0.0', status: 'active', isLatest: false },
  { version: '1.1.0', status: 'deprecated', isLatest: false, statusMessage: 'use 1.2.0' },
  { version: '1.2.0', status: 'active', isLatest: true },
  { version: '0.9.0', status: 'deleted', isLatest: false },
];
const check = (target = staging, version = '1.2.0', requiredEnvironmentOk = true, registryVersions: RegistryVersionInfo[] | undefined = registry) =>
  checkDeployment({ target, version, registryVersions, requiredEnvironmentOk });

describe('deployment guards', () => {
  it('lets a published, active version through without questions', () => {
    assert.deepEqual(check(), { blockers: [], warnings: [], override: undefined });
  });

  it('blocks versions that are not published or deleted on the registry', () => {
    assert.match(check(staging, '9.9.9').blockers[0], /not published/);
    assert.match(check(staging, '0.9.0').blockers[0], /deleted/);
  });

  it('asks for confirmation of a deprecated version, with the reason', () => {
    const verdict = check(staging, '1.1.0');
    assert.deepEqual(verdict.blockers, []);
    assert.match(verdict.warnings[0], /deprecated.*use 1\.2\.0/);
  });

  it('blocks when the registry cannot be read, and when there is no deploy command', () => {
    assert.match(checkDeployment({ target: staging, version: '1.2.0', registryVersions: undefined, requiredEnvironmentOk: true }).blockers[0], /could not be read/);
    assert.match(check(preview).blockers[0], /no deploy command/);
  });

  it('requires typing the environment name when the version was not verified on the required environment', () => {
    const verdict = check(production, '1.2.0', false);
    assert.deepEqual(verdict.blockers, []);
    assert.equal(verdict.override?.typeToConfirm, 'production');
    assert.match(verdict.override!.reason, /not been verified live on staging/);
    assert.equal(check(production, '1.2.0', true).override, undefined);
  });

  it('names source and target in the confirmation', () => {
    assert.equal(confirmationMessage('deploy', '1.4.0', 'production', '1.3.2'), 'Deploy 1.4.0 to production, replacing 1.3.2');
    assert.equal(confirmationMessage('promote', '1.4.0', 'production', '1.3.2', 'staging'), 'Promote 1.4.0 from staging to production, replacing 1.3.2');
    assert.equal(confirmationMessage('rollback', '1.3.2', 'production', '1.4.0'), 'Roll back production from 1.4.0 to 1.3.2');
    assert.match(confirmationMessage('deploy', '1.4.0', 'production', undefined), /live version is unknown/);
    assert.equal(confirmationMessage('rollback', '1.3.2', 'production', '1.3.2'), 'Roll back production to 1.3.2, which its endpoint already reports');
  });
});
