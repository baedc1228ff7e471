import * as assert from 'node:assert/strict';
import { verifyLiveVersion, type ProbeResult } from '../../../src/environments/model';

const ok = (version: string): ProbeResult => ({ ok: true, version, serverName: 's', latencyMs: 1, transport: 'streamable-http' });
const down: ProbeResult = { ok: false, error: 'unreachable (ECONNREFUSED)', latencyMs: 1 };

function sequence(results: ProbeResult[]): { probe: () => Promise<ProbeResult>; calls: () => number } {
  let i = 0;
  return { probe: async () => results[Math.min(i++, results.length - 1)], calls: () => i };
}

describe('verifying a deployment against the endpoint', () => {
  it('succeeds as soon as the endpoint reports the target version', async () => {
    const s = sequence([ok('1.0.0'), down, ok('1.1.0'), ok('1.0.0')]);
    const outcome = await verifyLiveVersion(s.probe, '1.1.0', { timeoutMs: 5_000, intervalMs: 1 });
    assert.equal(outcome.verified, true);
    assert.equal(outcome.attempts, 3);
    assert.equal(s.calls(), 3);
  });

  it('gives up after the timeout and says what the endpoint still reports', async () => {
    const outcome = await verifyLiveVersion(sequence([ok('1.0.0')]).probe, '1.1.0', { timeoutMs: 30, intervalMs: 5 });
    assert.equal(outcome.verified, false);
    assert.equal(outcome.lastSeen, '1.0.0');
    assert.ok(outcome.attempts >= 2);
  });

  it('reports the last error when the endpoint never answered', async () => {
    const outcome = await verifyLiveVersion(sequence([down]).probe, '1.1.0', { timeoutMs: 10, intervalMs: 5 });
    assert.equal(outcome.verified, false);
    assert.equal(outcome.lastSeen, undefined);
    assert.match(outcome.lastError!, /ECONNREFUSED/);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const s = sequence([ok('1.0.0')]);
    const probe = async () => {
      controller.abort();
      return s.probe();
    };
    const outcome = await verifyLiveVersion(probe, '1.1.0', { timeoutMs: 60_000, intervalMs: 60_000, signal: controller.signal });
    assert.equal(outcome.verified, false);
    assert.equal(outcome.attempts, 1);
  });
});
