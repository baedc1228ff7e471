/**
 * How every official schema is compiled: at run time (schemaValidation.ts) and at build time into the validators
 * shipped in dist/schemas/official (scripts/build-schemas.mjs, ajv's standalone code). One definition for both,
 * so a shipped validator reports exactly what a compiled one would.
 */
export const AJV_OPTIONS = { strict: false, allErrors: true, validateSchema: false, verbose: true } as const;
