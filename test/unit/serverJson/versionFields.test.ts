import * as assert from 'node:assert/strict';
import { findServerJsonVersionFields, type VersionField } from '../../../src/serverJson';
import { serverJson } from './support';

const sliceOf = (text: string, field: VersionField) => text.slice(field.offset, field.offset + field.length);

/** What the bump command does: rewrite every field, last first so offsets stay valid. */
function bump(text: string, next: string): string {
  let result = text;
  for (const field of [...findServerJsonVersionFields(text)].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, field.offset) + next + result.slice(field.offset + field.length);
  }
  return result;
}

describe('findServerJsonVersionFields', () => {
  const text = serverJson({
    version: '1.2.3',
    packages: [
      { registryType: 'npm', identifier: '@alice/weather', version: '1.2.3', transport: { type: 'stdio' } },
      { registryType: 'pypi', identifier: 'weather-helper', version: '0.4.0', transport: { type: 'stdio' } },
      { registryType: 'oci', identifier: 'ghcr.io/alice/weather:1.2.3', transport: { type: 'stdio' } },
      { registryType: 'oci', identifier: 'docker.io/alice/weather:v1.2.3@sha256:abc', transport: { type: 'stdio' } },
      { registryType: 'oci', identifier: 'ghcr.io/alice/weather:latest', transport: { type: 'stdio' } },
      { registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v1.2.3/weather-1.2.3-linux.mcpb', fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } },
      { registryType: 'mcpb', identifier: 'https://github.com/alice/weather/releases/download/v11.2.3/weather-1.2.30.mcpb', fileSha256: 'a'.repeat(64), transport: { type: 'stdio' } },
    ],
  });

  it('finds the server version, tracking package versions, OCI tags and MCPB URL segments', () => {
    const fields = findServerJsonVersionFields(text);
    assert.deepEqual(fields.map((field) => [field.kind, field.path, field.value, sliceOf(text, field)]), [
      ['server', 'version', '1.2.3', '1.2.3'],
      ['package', 'packages[0].version', '1.2.3', '1.2.3'],
      ['oci-tag', 'packages[2].identifier', '1.2.3', '1.2.3'],
      ['oci-tag', 'packages[3].identifier', '1.2.3', '1.2.3'],
      ['mcpb-url', 'packages[5].identifier', '1.2.3', '1.2.3'],
      ['mcpb-url', 'packages[5].identifier', '1.2.3', '1.2.3'],
    ]);
  });

  it('lets a bump rewrite exactly the tracking places', () => {
    const bumped = JSON.parse(bump(text, '1.3.0'));
    assert.equal(bumped.version, '1.3.0');
    assert.deepEqual(bumped.packages.map((pkg: { version?: string; identifier: string }) => pkg.version ?? pkg.identifier), [
      '1.3.0',
      '0.4.0',
      'ghcr.io/alice/weather:1.3.0',
      'docker.io/alice/weather:v1.3.0@sha256:abc',
      'ghcr.io/alice/weather:latest',
      'https://github.com/alice/weather/releases/download/v1.3.0/weather-1.3.0-linux.mcpb',
      'https://github.com/alice/weather/releases/download/v11.2.3/weather-1.2.30.mcpb',
    ]);
  });

  it('returns nothing without a top-level string version or for broken text', () => {
    assert.deepEqual(findServerJsonVersionFields(serverJson({ version: undefined })), []);
    assert.deepEqual(findServerJsonVersionFields(serverJson({ version: 3 })), []);
    assert.deepEqual(findServerJsonVersionFields('not json'), []);
    assert.deepEqual(findServerJsonVersionFields(''), []);
  });

  it('still finds fields in a document with a syntax error elsewhere', () => {
    const broken = '{ "version": "2.0.0", "packages": [ { "registryType": "npm", "identifier": "x", "version": "2.0.0" }, ] }';
    assert.deepEqual(findServerJsonVersionFields(broken).map((field) => [field.kind, sliceOf(broken, field)]), [['server', '2.0.0'], ['package', '2.0.0']]);
  });
});
