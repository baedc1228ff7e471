import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { only, serverJson, validate } from './support';

describe('server.json problems in the user\'s language', () => {
  afterEach(() => l10n.config({ contents: {} }));

  it('come from VS Code\'s translations once the extension shares them (app.ts): message and quick fix, whole sentences with their values', () => {
    l10n.config({ contents: {
      'The registry will refuse `websiteUrl`: it must use https (it uses {0})': 'Die Registry lehnt `websiteUrl` ab: es muss https verwenden (verwendet wird {0})',
      'Use https:// for the website': 'https:// für die Website verwenden',
      '{0} must have required property {1}': '{0} braucht die Pflichteigenschaft {1}',
    } });
    const website = only(validate(serverJson({ websiteUrl: 'http://example.com' })), 'website-url-invalid-scheme');
    assert.equal(website.message, 'Die Registry lehnt `websiteUrl` ab: es muss https verwenden (verwendet wird http)');
    assert.equal(website.fix?.title, 'https:// für die Website verwenden');
    const missing = only(validate(serverJson({ description: undefined })), 'schema');
    assert.equal(missing.message, 'server.json braucht die Pflichteigenschaft `description`');
  });

  it('are English again once the translations are gone: a text is translated when it is built, not when the module loads', () => {
    const withComment = '{\n  // weather\n  "name": "io.github.alice/weather"\n}';
    l10n.config({ contents: { 'Comments are not allowed in server.json (the registry accepts strict JSON only)': 'Kommentare sind in server.json nicht erlaubt (die Registry nimmt nur striktes JSON an)' } });
    assert.equal(only(validate(withComment), 'json-syntax').message, 'Kommentare sind in server.json nicht erlaubt (die Registry nimmt nur striktes JSON an)');
    l10n.config({ contents: {} });
    assert.equal(only(validate(withComment), 'json-syntax').message, 'Comments are not allowed in server.json (the registry accepts strict JSON only)');
  });
});
