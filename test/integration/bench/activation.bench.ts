// Measures activation inside the real extension host: module load + activate(), as VS Code does it.
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
    const out = process.env.MCPV_BENCH_OUT;
    if (out) appendFileSync(out, `${JSON.stringify({ activation_ms: ms })}\n`);
  });
});
