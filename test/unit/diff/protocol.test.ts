import * as assert from 'node:assert/strict';
import { isPanelState, isWebviewMessage } from '../../../src/diff/protocol';

describe('diff panel protocol', () => {
  const published = { registryUrl: 'http://127.0.0.1:1', registryName: 'Local', serverName: 'io.github.acme/weather', version: '1.0.0' };

  it('restores only a state holding two version references', () => {
    assert.equal(isPanelState({ left: published, right: { workspaceFile: 'file:///w/server.json' } }), true);
    assert.equal(isPanelState({ left: published }), false);
    assert.equal(isPanelState({ left: { ...published, version: '' }, right: published }), false);
    assert.equal(isPanelState({ left: { workspaceFile: 42 }, right: published }), false);
    assert.equal(isPanelState(undefined), false);
    assert.equal(isPanelState('{"left":{}}'), false);
  });

  it('accepts only the messages the webview may send', () => {
    for (const type of ['ready', 'swap', 'retry', 'openJsonDiff', 'copyMarkdown']) assert.equal(isWebviewMessage({ type }), true, type);
    assert.equal(isWebviewMessage({ type: 'rendered', rows: 3 }), true);
    assert.equal(isWebviewMessage({ type: 'rendered' }), false);
    assert.equal(isWebviewMessage({ type: 'fetch', url: 'http://evil.example' }), false);
    assert.equal(isWebviewMessage(null), false);
  });
});
