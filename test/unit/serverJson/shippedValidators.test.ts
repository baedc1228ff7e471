// The validators the build generates (dist/schemas/official/*.validate.js, ajv's standalone code) must say
// exactly what compiling the schema at run time says: the same problems, messages, paths and ranges.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { validateServerJson, type Problem } from '../../../src/serverJson';
import type { ShippedValidator } from '../../../src/serverJson/types';
import { readSharedJson, repoRoot } from './support';

const officialDir = path.join(repoRoot, 'dist/schemas/official');

/** Fresh schema objects (a compiled validator is cached per object) and, when asked, their shipped validators. */
function load(withShipped: boolean, calls = new Map<string, number>()): { schemas: Record<string, object>; shipped: Map<object, ShippedValidator> } {
  const index = JSON.parse(readFileSync(path.join(officialDir, 'index.json'), 'utf8')) as { url: string; file: string }[];
  const schemas: Record<string, object> = {};
  const shipped = new Map<object, ShippedValidator>();
  for (const { url, file } of index) {
    const schema = JSON.parse(readFileSync(path.join(officialDir, file), 'utf8')) as object;
    schemas[url] = schema;
    if (!withShipped) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const validate = require(path.join(officialDir, file.replace(/\.json$/, '.validate.js'))) as ShippedValidator;
    // Counted, so the test knows the shipped validator is the one that ran.
    const counted = ((data: unknown) => {
      calls.set(file, (calls.get(file) ?? 0) + 1);
      const valid = validate(data);
      counted.errors = validate.errors;
      return valid;
    }) as ShippedValidator;
    shipped.set(schema, counted);
  }
  return { schemas, shipped };
}

/** Each seed server as published, and edited into shapes the schema refuses (anyOf/oneOf failures included). */
function documents(): { label: string; text: string }[] {
  const seed = readSharedJson('seed-2025-09-21.json') as Record<string, unknown>[];
  const index = JSON.parse(readFileSync(path.join(officialDir, 'index.json'), 'utf8')) as { url: string }[];
  const out: { label: string; text: string }[] = [];
  seed.forEach((entry, i) => {
    const { _meta: _ignored, ...server } = entry;
    const $schema = index[i % index.length].url;
    const doc = { $schema, ...server } as Record<string, unknown>;
    out.push({ label: `${String(entry.name)} as published`, text: JSON.stringify(doc, null, 2) });
    const broken = structuredClone(doc);
    delete broken.description;
    broken.version = 12;
    const packages = broken.packages as Record<string, unknown>[] | undefined;
    if (packages?.[0]) packages[0].transport = { type: 'carrier-pigeon', url: 7 };
    broken.remotes = [{ type: 'sse' }, { type: 'streamable-http', url: 'not a url', headers: [{ value: 1 }] }];
    broken.repository = { url: 42 };
    broken.unexpected = true;
    out.push({ label: `${String(entry.name)} broken`, text: JSON.stringify(broken, null, 2) });
  });
  return out;
}

describe('validators shipped with the extension (generated at build time)', () => {
  it('exist for every official schema the build ships', () => {
    const index = JSON.parse(readFileSync(path.join(officialDir, 'index.json'), 'utf8')) as { file: string }[];
    assert.ok(index.length >= 7);
    for (const { file } of index) assert.ok(existsSync(path.join(officialDir, file.replace(/\.json$/, '.validate.js'))), `${file}: npm run build writes its validator`);
  });

  it('report exactly what the compiled schema reports, over every real seed server and broken edits of each', () => {
    const compiled = load(false);
    const calls = new Map<string, number>();
    const shipped = load(true, calls);
    let withSchemaProblems = 0;
    for (const { label, text } of documents()) {
      const expected: Problem[] = validateServerJson(text, { schemas: compiled.schemas });
      const actual: Problem[] = validateServerJson(text, { schemas: shipped.schemas, shippedValidators: shipped.shipped });
      assert.deepEqual(actual, expected, label);
      if (expected.some((p) => p.severity === 'error')) withSchemaProblems++;
    }
    assert.ok(withSchemaProblems >= 358, `the broken edits are refused (${withSchemaProblems} documents with errors)`);
    assert.equal(calls.size, Object.keys(shipped.schemas).length, `every shipped validator ran: ${[...calls.keys()].join(', ')}`);
  });
});
