import * as assert from 'node:assert/strict';
import { displayUrl } from '../../../src/util/displayUrl';

describe('URLs in the log', () => {
  it('drop user info and query values', () => {
    assert.equal(displayUrl('https://user:pa55@mcp.example.com:8443/mcp?key=s3cret#frag'), 'https://mcp.example.com:8443/mcp?…');
    assert.equal(displayUrl('http://127.0.0.1:9/v0.1/servers?cursor=abc&limit=30', { queryNames: true }), 'http://127.0.0.1:9/v0.1/servers?cursor&limit');
    assert.equal(displayUrl('https://reg.example/path'), 'https://reg.example/path');
  });

  it('cut what is not a URL at its query, without user info', () => {
    assert.equal(displayUrl('ht tp://u:p@host/x?token=1'), 'ht tp://host/x');
  });
});
