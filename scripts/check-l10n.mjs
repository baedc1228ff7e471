// Fails when a user-facing string in the vscode side of src/ is written inline instead of through
// vscode.l10n.t(...): the message of show{Information,Warning,Error}Message and of the prompt seams
// (prompts.info/warning/notify/confirm), and the title/placeHolder/placeholder/prompt/detail of quick
// picks, input boxes, progress and message options. Pure modules (no vscode, see check-imports.mjs)
// cannot localize; the vscode side shows what they return. Run by `npm run lint`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
const PURE = [/^registry\//, /^versioning\//, /^serverJson\//, /^changes\//, /(^|\/)model\//, /^store\/store.ts$/, /^init\//, /^installed\//];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : name.endsWith('.ts') ? [path] : [];
  });
}

// A string or template literal (one line) that holds words, not only `${...}` placeholders.
const LITERAL = String.raw`(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|\`(?:[^\`\\\n]|\\.)*\`)`;
const PATTERNS = [
  ['message', new RegExp(String.raw`\bshow(?:Information|Warning|Error)Message\(\s*(${LITERAL})`, 'g')],
  ['message', new RegExp(String.raw`\bprompts(?:\(\))?\.(?:info|warning|confirm)\(\s*(${LITERAL})`, 'g')],
  ['message', new RegExp(String.raw`\bprompts(?:\(\))?\.notify\(\s*'\w+',\s*(${LITERAL})`, 'g')],
  ['title, placeholder or prompt', new RegExp(String.raw`(?<![\w.])(?:title|placeHolder|placeholder|prompt|detail)\s*[:=]\s*(${LITERAL})`, 'g')],
];
// An example URL (a placeholder such as https://mcp.example.com/mcp) is not words to translate.
const hasWords = (literal) => {
  const text = literal.slice(1, -1).replace(/\$\{[^}]*\}/g, '');
  return !/^[a-z]+:\/\/\S*$/.test(text) && /[A-Za-z]{2}/.test(text);
};
const stripComments = (text) => text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

const problems = [];
for (const file of walk(src)) {
  const rel = relative(src, file).split('\\').join('/');
  if (PURE.some((pattern) => pattern.test(rel))) continue;
  const text = stripComments(readFileSync(file, 'utf8'));
  for (const [what, pattern] of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (!hasWords(match[1])) continue;
      const line = text.slice(0, match.index).split('\n').length;
      problems.push(`src/${rel}:${line}: inline ${what} ${match[1].slice(0, 60)} — use vscode.l10n.t(...)`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check-l10n: ${problems.length} user-facing string(s) outside vscode.l10n.t`);
  process.exit(1);
}
console.log('check-l10n: every message, title, placeholder and prompt in the vscode side goes through vscode.l10n.t');
