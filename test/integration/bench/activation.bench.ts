// Measures activation inside the real extension host: module load + activate(), as VS Code does it, and
// activation_breakdown: host_and_load_ms (the total minus activate()'s own parts: VS Code's work and loading the
// bundle) and each part of activate().
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { appendFileSync } from 'node:fs';

describe('benchmark: activation', () => {
  it('activates the extension and records the time', async () => {
    const extension = vscode.extensions.getExtension('mcp-versions.mcp-versions');
    assert.ok(extension && !extension.isActive, 'the extension must not be active before the measurement');
    const started = performance.now();
    await extension.activate();
    const ms = performance.now() - started;
    // What activate() itself spent, by part; the rest is VS Code's own work (the extension context, its state)
    // and loading the bundle.
    const parts = (extension.exports as { activation?: Record<string, number> }).activation ?? {};
    const activateMs = Object.values(parts).reduce((a, b) => a + b, 0);
    const breakdown = { host_and_load_ms: ms - activateMs, ...Object.fromEntries(Object.entries(parts).map(([k, v]) => [`${k}_ms`, v])) };
    const out = process.env.MCPV_BENCH_OUT;
    if (out) appendFileSync(out, `${JSON.stringify({ activation_ms: ms, activation_breakdown: breakdown })}\n`);
  });
});
