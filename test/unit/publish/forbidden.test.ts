import * as assert from 'node:assert/strict';
import { forbiddenReason } from '../../../src/publish/model/forbidden';

describe('why a publish was refused with 403', () => {
  it('a namespace that covers the name: the namespace is not the reason', () => {
    assert.deepEqual(forbiddenReason('io.github.acme-labs/weather', ['io.github.alice/*', 'io.github.acme-labs/*']), { kind: 'covered', pattern: 'io.github.acme-labs/*' });
  });

  it('a namespace that differs only in letter case: says so and suggests the name it covers', () => {
    assert.deepEqual(forbiddenReason('io.github.Acme-Labs/weather', ['io.github.alice/*', 'io.github.acme-labs/*']), {
      kind: 'case',
      pattern: 'io.github.acme-labs/*',
      suggestion: 'io.github.acme-labs/weather',
    });
  });

  it('no namespace covers it, or none is known', () => {
    assert.deepEqual(forbiddenReason('io.github.acme-labs/weather', ['io.github.alice/*']), { kind: 'outside', namespaces: ['io.github.alice/*'] });
    assert.deepEqual(forbiddenReason('io.github.acme-labs/weather', []), { kind: 'outside', namespaces: [] });
    assert.deepEqual(forbiddenReason('io.github.acme-labs/weather', undefined), { kind: 'outside', namespaces: undefined });
  });
});
