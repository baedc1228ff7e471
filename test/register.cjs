// Lets plain mocha under Node load TypeScript directly (unit layer), transpiled by esbuild.
const { transformSync } = require('esbuild');
const fs = require('node:fs');

require.extensions['.ts'] = function loadTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    loader: 'ts',
    format: 'cjs',
    supported: { 'dynamic-import': false }, // import('./x') as require: Node's import() wants a file extension
    target: 'node20',
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
};
