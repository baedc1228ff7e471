import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
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

describe('environment state words in the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('come from VS Code\'s translations, and a dropped connection is still told apart when the error message is translated', () => {
    l10n.config({ contents: {
      'The connection to the registry dropped before it answered ({0}): {1}': 'Die Verbindung zur Registry brach ab ({0}): {1}',
      'the connection dropped': 'die Verbindung brach ab',
      'refused the sign-in (HTTP {0})': 'Anmeldung abgelehnt (HTTP {0})',
    } });
    const at = { method: 'GET', url: 'https://registry.example.com/v0/servers' };
    const dropped = new RegistryError({ ...at, kind: 'network', cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
    assert.equal(dropped.message, 'Die Verbindung zur Registry brach ab (GET /v0/servers): other side closed');
    assert.equal(registryProblemInWords(dropped), 'die Verbindung brach ab');
    assert.equal(probeProblemInWords('HTTP 401 Unauthorized'), 'Anmeldung abgelehnt (HTTP 401)');
  });
});
