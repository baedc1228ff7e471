// The official server.json schemas, written into dist/schemas/ at every build from the upstream copies
// beside the project (../shared/mcp-registry/server-json), never committed:
// - dist/schemas/server.schema.json: the current one (our own validator);
// - dist/schemas/server.editing.schema.json: the current one without the validation keywords our checks apply
//   (src/diagnostics/model/editingSchema.ts): package.json's jsonValidation, for completion and hover;
// - dist/schemas/official/<file> and index.json ({ url, file } for every schema's `$id`): what the extension
//   serves to VS Code's JSON language service for each official `$schema` URL (src/jsonSchemas).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

/** The extension's own editingSchema(), loaded from its TypeScript source (one definition for both uses). */
function loadEditingSchema() {
  const source = new URL('../src/diagnostics/model/editingSchema.ts', import.meta.url);
  const { code } = transformSync(readFileSync(source, 'utf8'), { loader: 'ts', format: 'cjs' });
  const module = { exports: {} };
  new Function('module', 'exports', code)(module, module.exports);
  return module.exports.editingSchema;
}

/** @param {string} root the project folder */
export function buildServerJsonSchemas(root) {
  const version = /CURRENT_SCHEMA_VERSION = '([^']+)'/.exec(readFileSync(join(root, 'src/serverJson/schemaVersions.ts'), 'utf8'))?.[1];
  const sourceDir = join(root, '..', 'shared', 'mcp-registry', 'server-json');
  if (!version || !existsSync(sourceDir)) {
    console.warn(`warning: ${sourceDir} not found; dist/schemas not written (VS Code will fetch the schemas online)`);
    return;
  }
  const outDir = join(root, 'dist/schemas');
  const officialDir = join(outDir, 'official');
  rmSync(officialDir, { recursive: true, force: true });
  mkdirSync(officialDir, { recursive: true });
  const index = [];
  for (const name of readdirSync(sourceDir).filter((n) => /^server\.schema\..+\.json$/.test(n)).sort()) {
    const schema = JSON.parse(readFileSync(join(sourceDir, name), 'utf8'));
    if (typeof schema.$id !== 'string' || !/^https:\/\//.test(schema.$id)) continue;
    const text = `${JSON.stringify(schema)}\n`;
    writeFileSync(join(officialDir, name), text);
    index.push({ url: schema.$id, file: name });
    if (name === `server.schema.${version}.json`) {
      writeFileSync(join(outDir, 'server.schema.json'), text);
      writeFileSync(join(outDir, 'server.editing.schema.json'), `${JSON.stringify(loadEditingSchema()(schema))}\n`);
    }
  }
  writeFileSync(join(officialDir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
  if (!existsSync(join(outDir, 'server.schema.json'))) console.warn(`warning: server.schema.${version}.json not in ${sourceDir}`);
}
