import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { OFFICIAL_META_KEY, type ServerResponse, type ServerStatus } from '../../../src/registry';
import { alreadyMessage, offersRetry, recoveredMessage, statusConfirmationDetail, statusFailureMessage } from '../../../src/tree/model/statusChange';
import { toVersionRows } from '../../../src/tree/versionRows';

function response(version: string, publishedAt: string, status: ServerStatus = 'active', isLatest = false): ServerResponse {
  return {
    server: { name: 'io.github.alice/weather', description: 'Weather', version },
    _meta: { [OFFICIAL_META_KEY]: { status, statusChangedAt: publishedAt, publishedAt, updatedAt: publishedAt, isLatest } },
  };
}

const rows = toVersionRows([response('2.0.0', '2026-03-02T00:00:00Z', 'active', true), response('1.1.0', '2026-03-01T00:00:00Z'), response('1.0.0', '2026-02-01T00:00:00Z')]);
const pick = (version: string) => rows.filter((r) => r.version === version);
const running: Record<string, string[]> = { '2.0.0': ['staging', 'production'], '1.1.0': ['canary'] };
const runningIn = (version: string) => running[version] ?? [];

describe('status change confirmation', () => {
  it('deprecating the deployed latest: latest stays, how another would become latest, and which environments run it', () => {
    const detail = statusConfirmationDetail({ rows, affected: pick('2.0.0'), to: 'deprecated', runningIn });
    assert.deepEqual(detail.split('\n'), [
      'Latest stays 2.0.0.',
      'A deprecated version stays latest until a higher version is published (deleting 2.0.0 instead would make 1.1.0 latest).',
      '2.0.0 runs in staging and production (Environments view): they keep running it, but clients and installers are told it is deprecated; deploy another version there.',
    ]);
  });

  it('deleting the deployed latest: which version becomes latest, and that the environments run a version that leaves the listings', () => {
    const detail = statusConfirmationDetail({ rows, affected: pick('2.0.0'), to: 'deleted', runningIn });
    assert.deepEqual(detail.split('\n'), [
      '1.1.0 becomes latest (instead of 2.0.0).',
      '2.0.0 runs in staging and production (Environments view): they keep running it, but it leaves the registry’s listings and cannot be installed from it; deploy another version there first.',
    ]);
  });

  it('all versions: names each deployed version', () => {
    const detail = statusConfirmationDetail({ rows, affected: rows, to: 'deleted', runningIn });
    assert.match(detail, /2\.0\.0 runs in staging and production; 1\.1\.0 runs in canary \(Environments view\)/);
  });

  it('a version no environment runs, or a restore: no environment line', () => {
    assert.equal(statusConfirmationDetail({ rows, affected: pick('1.0.0'), to: 'deprecated', runningIn }), 'Latest stays 2.0.0.');
    assert.doesNotMatch(statusConfirmationDetail({ rows, affected: pick('2.0.0'), to: 'active', runningIn }), /runs in/);
  });
});

describe('status change outcome messages', () => {
  const base = { verb: 'Deprecate', subject: 'io.github.alice/weather@2.0.0', registry: 'Local', reason: "The registry's answer was cut off (PATCH /v0.1/servers/x/versions/2.0.0/status): the connection dropped" };

  it('not made: names the action, what happened, what the registry shows, and that retrying is safe', () => {
    const message = statusFailureMessage({ ...base, outcome: 'not-made', current: 'active' });
    assert.equal(
      message,
      "Could not deprecate io.github.alice/weather@2.0.0 on Local: The registry's answer was cut off (PATCH /v0.1/servers/x/versions/2.0.0/status): the connection dropped. The registry was asked afterwards: it still shows active. Retrying is safe.",
    );
    assert.equal(offersRetry({ outcome: 'not-made' }), true);
  });

  it('unknown: says the registry could not be asked, and Retry is offered', () => {
    assert.match(statusFailureMessage({ ...base, outcome: 'unknown' }), /could not be asked afterwards whether it made the change\. Retrying is safe/);
    assert.equal(offersRetry({ outcome: 'unknown' }), true);
  });

  it('refused: the registry’s reason and hint; Retry only when it asked to wait', () => {
    const message = statusFailureMessage({ ...base, verb: 'Delete', outcome: 'refused', reason: 'Registry returned 403: You do not have publish or edit permissions for this server', hint: 'Your sign-in does not have permission for this server.', status: 403 });
    assert.equal(message, 'Could not delete io.github.alice/weather@2.0.0 on Local: Registry returned 403: You do not have publish or edit permissions for this server. Your sign-in does not have permission for this server.');
    assert.equal(offersRetry({ outcome: 'refused', status: 403 }), false);
    assert.equal(offersRetry({ outcome: 'refused', status: 429 }), true);
  });

  it('recovered: says the change was made although the answer was lost', () => {
    assert.equal(recoveredMessage('Deprecated', base.subject, 'Local'), 'Deprecated io.github.alice/weather@2.0.0 on Local: the connection was lost after sending, but the registry made the change.');
  });

  it('already: the registry had the status asked for', () => {
    assert.equal(alreadyMessage(base.subject, 'Local', 'deprecated'), 'io.github.alice/weather@2.0.0 on Local is already deprecated: nothing changed.');
  });
});

describe('status change sentences in the display language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('come from VS Code\'s translations once the extension shares them (app.ts), whole sentences with their values', () => {
    l10n.config({ contents: {
      'Latest stays {0}.': 'Neueste bleibt {0}.',
      '{0} runs in {1}': '{0} läuft in {1}',
      '{0} and {1}': '{0} und {1}',
      '{0} (Environments view): they keep running it, but clients and installers are told it is deprecated; deploy another version there.': '{0} (Umgebungen): sie führen sie weiter aus.',
    } });
    const detail = statusConfirmationDetail({ rows, affected: pick('1.1.0'), to: 'deprecated', runningIn: () => ['staging', 'production'] });
    assert.deepEqual(detail.split('\n'), ['Neueste bleibt 2.0.0.', '1.1.0 läuft in staging und production (Umgebungen): sie führen sie weiter aus.']);
  });
});

