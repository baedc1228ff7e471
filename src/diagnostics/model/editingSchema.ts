// The server.json schema as VS Code's JSON service gets it from us: everything it needs for completion and
// hover (properties, types, descriptions, examples), without the validation keywords our own checks already
// apply with the registry's rules and severities — so one problem shows once, not once from each. An `enum`
// becomes `examples`: still offered as completions, no longer judged (VS Code would name only the first
// branch's values). `type` stays for completion (a wrong type may then show twice).

const VALIDATION_ONLY = new Set([
  'maxLength', 'minLength', 'pattern', 'format', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum',
  'minItems', 'maxItems', 'uniqueItems', 'required', 'minProperties', 'maxProperties', 'not', 'const',
  'dependencies', 'dependentRequired', 'if', 'then', 'else',
]);
/** Keys whose value is data (a value of the document), not a sub-schema. */
const DATA = new Set(['default', 'example', 'examples', 'description', 'title', '$comment']);
/** Keys whose value maps names to sub-schemas. */
const SCHEMA_MAPS = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

export function editingSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(editingSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (VALIDATION_ONLY.has(key)) continue;
    if (key === 'additionalProperties' && value === false) continue;
    if (key === 'enum' && Array.isArray(value)) {
      const examples = Array.isArray((schema as { examples?: unknown }).examples) ? (schema as { examples: unknown[] }).examples : [];
      out.examples = [...value, ...examples.filter((example) => !value.includes(example))];
    } else if (DATA.has(key)) {
      if (key !== 'examples' || !('enum' in schema)) out[key] = value;
    } else if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, editingSchema(sub)]));
    } else if (key === 'oneOf') out.anyOf = editingSchema(value); // without the keywords above, several branches match
    else out[key] = editingSchema(value);
  }
  return out;
}
