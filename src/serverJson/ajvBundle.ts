// ajv and its formats, bundled on their own (dist/lazy/ajv.js) and required when a schema is first compiled:
// the schema compiler costs nothing at activation.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

export { Ajv, addFormats };
