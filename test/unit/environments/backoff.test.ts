import * as assert from 'node:assert/strict';
import { MAX_BACKOFF_SECONDS, nextPollSeconds } from '../../../src/environments/model';

describe('polling backoff', () => {
  it('polls at the configured interval while the endpoint answers', () => {
    assert.equal(nextPollSeconds(30, 0), 30);
  });

  it('doubles per consecutive failure up to five minutes', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 50].map((n) => nextPollSeconds(30, n)), [60, 120, 240, 300, 300, 300]);
    assert.equal(MAX_BACKOFF_SECONDS, 300);
  });

  it('never polls more often than the interval, even when it is longer than five minutes', () => {
    assert.equal(nextPollSeconds(600, 3), 600);
  });
});
