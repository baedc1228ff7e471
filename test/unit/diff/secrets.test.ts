import * as assert from 'node:assert/strict';
import { maskSecrets, SECRET_MASK } from '../../../src/diff/secrets';
import { SECRET, weather } from './fixtures';

describe('JSON diff documents: secret masking', () => {
  it('masks value and default of secret inputs, and of the variables inside them, and nothing else', () => {
    const server = weather('1.0.0');
    (server.remotes as Record<string, unknown>[])[0].headers = [
      { name: 'Authorization', isSecret: true, value: 'Bearer {token}', variables: { token: { default: SECRET } } },
      { name: 'X-Region', value: 'eu' },
    ];
    const masked = maskSecrets(server) as ReturnType<typeof weather>;
    const text = JSON.stringify(masked);
    assert.ok(!text.includes(SECRET));
    const pkg = (masked.packages as { environmentVariables: { name: string; default?: string }[] }[])[0];
    assert.deepEqual(pkg.environmentVariables.map((v) => v.default), [SECRET_MASK, 'eu']);
    const headers = (masked.remotes as { headers: { value?: string; variables?: Record<string, { default?: string }> }[] }[])[0].headers;
    assert.equal(headers[0].value, SECRET_MASK);
    assert.equal(headers[0].variables?.token.default, SECRET_MASK);
    assert.equal(headers[1].value, 'eu');
    assert.equal(masked.description, 'Weather forecasts');
  });

  it('keeps a key named __proto__ as data', () => {
    const masked = maskSecrets(JSON.parse('{"__proto__": {"isSecret": true, "value": "x"}}')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(masked), ['__proto__']);
    assert.equal(Object.getPrototypeOf(masked), Object.prototype);
  });
});
