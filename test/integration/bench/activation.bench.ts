// Measures activation inside the real extension host, as VS Code does it:
// - activation_ms: the extension's own cost, what VS Code's "Running Extensions" view shows: loading its code
//   (dist/extension.js and the chunks it imports) plus activate();
// - activation_total_ms: what `extension.activate()` took end to end, VS Code's own work included (the
//   extension's context, its storage), beside activation_empty_extension_ms: the same for an extension that
//   does nothing (test/fixtures/empty-extension), activated right after ours; a first copy of it is activated
//   before ours and pays the host's warm-up (activation_first_extension_ms), as some extension always does;
// - activation_breakdown: load_ms and each part of activate();
// - features_start_ms: what the first use then pays to load the features (src/app.ts, dist/lazy) and start them,
//   with features_start_breakdown: load_ms and each part of starting them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { appendFileSync } from 'node:fs';
import { Module } from 'node:module';
import type { McpVersionsTestApi } from '../../../src/extension';

type Loader = (module: NodeJS.Module, filename: string) => void;

/** Times the loading of every file under `dir` that is required from outside it (the outermost loads). */
function timeLoads(dir: string): { ms: () => number; restore: () => void } {
  const loaders = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  const original = loaders['.js'];
  let total = 0;
  let depth = 0;
  loaders['.js'] = (module, filename) => {
    if (!filename.startsWith(dir)) return original(module, filename);
    const started = depth === 0 ? performance.now() : 0;
    depth++;
    try { original(module, filename); }
    finally { depth--; if (depth === 0) total += performance.now() - started; }
  };
  return { ms: () => total, restore: () => { loaders['.js'] = original; } };
}

async function activationMs(extension: vscode.Extension<unknown>): Promise<number> {
  assert.ok(!extension.isActive, `${extension.id} must not be active before the measurement`);
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

describe('benchmark: activation', () => {
  it('activates the extension and records the time', async () => {
    const first = vscode.extensions.getExtension('mcp-versions-bench.first');
    const empty = vscode.extensions.getExtension('mcp-versions-bench.empty');
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions');
    assert.ok(first && empty && extension);
    const firstMs = await activationMs(first);
    const loads = timeLoads(`${extension.extensionPath}/dist/`);
    const totalMs = await activationMs(extension);
    loads.restore();
    const emptyMs = await activationMs(empty);
    // What activate() itself spent, by part.
    const parts = (extension.exports as { activation?: Record<string, number> }).activation ?? {};
    const activateMs = Object.values(parts).reduce((a, b) => a + b, 0);
    const breakdown = { load_ms: loads.ms(), ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [`${k}_ms`, v])) };
    const startLoads = timeLoads(`${extension.extensionPath}/dist/`);
    const startedAt = performance.now();
    const api = await (extension.exports as McpVersionsTestApi).features();
    const startMs = performance.now() - startedAt;
    startLoads.restore();
    const startBreakdown = { load_ms: startLoads.ms(), ...Object.fromEntries(Object.entries(api.startup).map(([k, v]) => [`${k}_ms`, v])) };
    const figures = { features_start_ms: startMs, features_start_breakdown: startBreakdown, activation_ms: loads.ms() + activateMs, activation_total_ms: totalMs, activation_empty_extension_ms: emptyMs, activation_first_extension_ms: firstMs, activation_breakdown: breakdown };
    const out = process.env.MCPV_BENCH_OUT;
    if (out) appendFileSync(out, `${JSON.stringify(figures)}\n`);
  });
});
