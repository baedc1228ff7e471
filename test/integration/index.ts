// Entry point VS Code loads as --extensionTestsPath: runs the mocha suites inside the extension host.
import * as vscode from 'vscode';
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format } from 'node:util';

const repoRoot = resolve(__dirname, '../../..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const SummaryReporter = require(join(repoRoot, 'test/mocha-summary-reporter.cjs'));
const OUT = '__MCPV_OUT__ ';
const print = (...args: unknown[]) => console.log(OUT + format(...args));

export function run(): Promise<void> {
  print(`VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.UIKind[vscode.env.uiKind]})`);
  Mocha.reporters.Base.consoleLog = print;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: SummaryReporter });
  if (process.env.MCPV_GREP) mocha.grep(process.env.MCPV_GREP);
  if (process.env.MCPV_GREP_INVERT) mocha.invert();
  const suiteDir = process.env.MCPV_SUITE_DIR ?? join(__dirname, 'suite');
  const files = readdirSync(suiteDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(process.env.MCPV_SUITE_SUFFIX ?? '.test.js'))
    // MCPV_SUITE_ONLY: comma-separated files or folders of the suite dir to run (the oldest VS Code runs a subset).
    .filter((f) => !process.env.MCPV_SUITE_ONLY || process.env.MCPV_SUITE_ONLY.split(',').some((p) => f === p || f.startsWith(`${p}/`)))
    .sort();
  for (const f of files) mocha.addFile(join(suiteDir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration tests failed`)) : resolve()));
  });
}
