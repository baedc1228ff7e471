import * as vscode from 'vscode';

/** The "MCP Versions" log channel. Never pass tokens or Authorization headers to it. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('MCP Versions', { log: true });
}
