import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { attachProvenance, documentDigest, PROVENANCE_KEY, PUBLISHER_META_LIMIT, readProvenance, sameDocument, storedShape, type Json } from '../../../src/publish/model/provenance';

const PUBLISHER = 'io.modelcontextprotocol.registry/publisher-provided';

function doc(extra: Json = {}): Json {
  return {
    $schema: 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json',
    name: 'io.modelcontextprotocol.anonymous/weather',
    description: 'Weather',
    version: '1.2.0',
    packages: [{ registryType: 'npm', identifier: '@acme/weather', version: '1.2.0', transport: { type: 'stdio' } }],
    ...extra,
  };
}

const blockSize = (body: Json) => Buffer.byteLength(JSON.stringify((body._meta as Json)[PUBLISHER]));

describe('publish provenance', () => {
  it('records commit, tag, notes and the checksum of the document without the provenance block', () => {
    const document = doc();
    const { body, provenance } = attachProvenance(document, { commit: 'abc123', tag: 'v1.2.0', notes: '- Faster forecasts', tool: 'mcp-versions 0.1.0' });
    assert.deepEqual(provenance, { sha256: documentDigest(document), commit: 'abc123', tag: 'v1.2.0', notes: '- Faster forecasts', tool: 'mcp-versions 0.1.0' });
    assert.deepEqual(((body._meta as Json)[PUBLISHER] as Json)[PROVENANCE_KEY], provenance);
    const canonical = '{"$schema":"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json","description":"Weather","name":"io.modelcontextprotocol.anonymous/weather","packages":[{"identifier":"@acme/weather","registryType":"npm","transport":{"type":"stdio"},"version":"1.2.0"}],"version":"1.2.0"}';
    assert.equal(provenance!.sha256, createHash('sha256').update(canonical).digest('hex'));
    assert.equal(document._meta, undefined, 'the input document is not modified');
  });

  it('keeps the publisher’s own _meta content next to ours and in the checksum', () => {
    const document = doc({ _meta: { [PUBLISHER]: { 'com.acme/build': { id: 7 } } } });
    const { body, provenance } = attachProvenance(document, {});
    const block = (body._meta as Json)[PUBLISHER] as Json;
    assert.deepEqual(block['com.acme/build'], { id: 7 });
    assert.notEqual(provenance!.sha256, documentDigest(doc()), 'the publisher block is part of the published document');
    assert.equal(readProvenance(body)?.matches, true);
  });

  it('verifies what the registry returns and flags a changed document', () => {
    const { body } = attachProvenance(doc(), { commit: 'abc' });
    // The registry stores known fields only and adds nothing to server; key order may differ.
    const returned = JSON.parse(JSON.stringify({ ...body, unknownField: 'dropped by the registry' })) as Json;
    delete returned.unknownField;
    assert.equal(readProvenance(returned)?.matches, true);
    const tampered = { ...returned, description: 'Changed after publishing' };
    const check = readProvenance(tampered)!;
    assert.equal(check.matches, false);
    assert.equal(check.actual, documentDigest(tampered));
    assert.equal(readProvenance(doc()), undefined, 'documents without provenance have nothing to verify');
  });

  it('shortens long release notes with "…" and a link so the block stays within 4 KB', () => {
    const notes = Array.from({ length: 400 }, (_, i) => `- change number ${i}`).join('\n');
    const { body, provenance, note } = attachProvenance(doc(), { commit: 'c'.repeat(40), notes, notesUrl: 'https://github.com/acme/weather/blob/c/CHANGELOG.md' });
    assert.ok(blockSize(body) <= PUBLISHER_META_LIMIT);
    assert.ok(blockSize(body) > PUBLISHER_META_LIMIT - 40, 'the notes fill the space left');
    assert.ok(provenance!.notes!.endsWith('…'));
    assert.ok(notes.startsWith(provenance!.notes!.slice(0, -1)));
    assert.equal(provenance!.notesUrl, 'https://github.com/acme/weather/blob/c/CHANGELOG.md');
    assert.match(note!, /shortened/);
  });

  it('leaves the provenance out rather than exceed the limit the publisher already used', () => {
    const big = { [PUBLISHER]: { 'com.acme/blob': 'x'.repeat(4080) } };
    const { body, provenance, note } = attachProvenance(doc({ _meta: big }), { notes: 'hello' });
    assert.equal(provenance, undefined);
    assert.deepEqual(body._meta, big);
    assert.match(note!, /No provenance/);
  });

  it('never produces a block over the limit, whatever the notes (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6000, unit: 'grapheme' }), fc.string({ maxLength: 2000 }), (notes, own) => {
        const document = own ? doc({ _meta: { [PUBLISHER]: { 'com.acme/x': own } } }) : doc();
        const { body } = attachProvenance(document, { commit: 'a'.repeat(40), tag: 'v1.2.0', notes, notesUrl: 'https://example.com/CHANGELOG.md' });
        const meta = body._meta as Json | undefined;
        if (meta) assert.ok(Buffer.byteLength(JSON.stringify(meta[PUBLISHER])) <= PUBLISHER_META_LIMIT);
        assert.equal(documentDigest(body), documentDigest(document), 'provenance never changes the checksummed document');
      }),
      { numRuns: 60 },
    );
  });

  it('compares publications ignoring key order, unknown fields and provenance', () => {
    const a = doc();
    const b = JSON.parse(JSON.stringify({ version: '1.2.0', ...a, extra: true })) as Json;
    assert.equal(sameDocument(a, attachProvenance(b, { commit: 'x' }).body), true);
    assert.equal(sameDocument(a, { ...a, description: 'Other' }), false);
    assert.deepEqual(Object.keys(storedShape({ ...a, extra: 1 })).sort(), Object.keys(a).sort());
  });
});
