import * as assert from 'node:assert/strict';
import { driftWord, probeProblemInWords, registryProblemInWords } from '../../../src/environments/model';
import { RegistryError } from '../../../src/registry';

describe('environment rows lead with the state in words', () => {
  it('puts a failed probe into words, never a raw body', () => {
    assert.equal(probeProblemInWords('HTTP 503: {"title":"Service Unavailable","status":503}'), 'server error (HTTP 503)');
    assert.equal(probeProblemInWords('HTTP 401: Unauthorized'), 'refused the sign-in (HTTP 401)');
    assert.equal(probeProblemInWords('HTTP 404'), 'no MCP endpoint at this URL (HTTP 404)');
    assert.equal(probeProblemInWords('terminated'), 'the connection dropped');
    assert.equal(probeProblemInWords('unreachable (ECONNREFUSED)'), 'not running (connection refused)');
    assert.equal(probeProblemInWords('no answer within 10000 ms'), 'no answer in time');
    assert.equal(probeProblemInWords('Unexpected content type: text/html'), 'not an MCP endpoint (unexpected answer)');
    assert.equal(probeProblemInWords('something else entirely'), 'unreachable');
  });

  it('names the most important drift in one word, else latest', () => {
    const d = (kind: Parameters<typeof driftWord>[0][number]['kind']) => ({ kind, severity: 'info' as const, message: kind });
    assert.equal(driftWord([]), 'latest');
    assert.equal(driftWord([d('behind-latest'), d('deprecated')]), 'deprecated');
    assert.equal(driftWord([d('differs-from-previous'), d('deleted')]), 'deleted');
    assert.equal(driftWord([d('not-published')]), 'unpublished');
    assert.equal(driftWord([d('behind-latest')]), 'behind');
  });

  it('puts a registry that could not be read into words; its own text stays for the tooltip', () => {
    const at = { method: 'GET', url: 'http://127.0.0.1:1/v0.1/servers/x/versions' };
    assert.equal(registryProblemInWords(new RegistryError({ ...at, kind: 'http', status: 503, title: 'Injected fault: Service Unavailable' })), 'server error (HTTP 503)');
    assert.equal(registryProblemInWords(new RegistryError({ ...at, kind: 'cut-off', status: 200, detail: 'the connection dropped' })), 'its answer was cut off');
    assert.equal(registryProblemInWords(new RegistryError({ ...at, kind: 'network', cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) })), 'the connection dropped');
    assert.equal(registryProblemInWords(new RegistryError({ ...at, kind: 'network', cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })), 'unreachable');
    assert.equal(registryProblemInWords(new Error('odd')), 'could not be read');
  });
});
