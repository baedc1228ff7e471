// Builds the production bundle and packages the .vsix with @vscode/vsce; prints its path and size.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export function packageVsix() {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
  const out = join(root, `${name}-${version}.vsix`);
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out],
    { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  const kb = statSync(out).size / 1024;
  console.log(`packaged ${out} (${kb.toFixed(1)} KB); its largest entries:`);
  const listed = execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  const entries = listed.trim().split('\n').map((file) => ({ file, kb: statSync(join(root, file)).size / 1024 })).sort((a, b) => b.kb - a.kb);
  for (const entry of entries.slice(0, 12)) console.log(`${entry.kb.toFixed(1).padStart(9)} KB  ${entry.file}`);
  if (entries.some((entry) => entry.file.endsWith('.map'))) throw new Error('the .vsix would carry source maps');
  return { path: out, kb };
}

if (process.argv[1] === new URL(import.meta.url).pathname) packageVsix();
