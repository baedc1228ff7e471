// Shared steps of the "This Workspace" and diagnostics suites: the running extension's API, a local
// registry with published versions, and a scratch folder of server.json variants.
import * as vscode from 'vscode';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RegistryClient } from '../../../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../../../../tools/local-registry';
import { extensionApi, waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const schemaDir = join(sharedDir, 'mcp-registry', 'server-json');
export const SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

export const api = extensionApi;

export interface TestRegistry {
  reg: LocalRegistry;
  client: RegistryClient;
  token: string;
  publish(name: string, version: string): Promise<void>;
  remove(name: string, version: string): Promise<void>;
}

let shared: Promise<TestRegistry> | undefined;

/**
 * A local registry the extension targets (only entry of mcpVersions.registries), with the bundled
 * schemas as fallback. One registry serves every suite of this folder (each uses its own server names);
 * it closes after the whole run.
 */
export async function startTargetRegistry(): Promise<TestRegistry> {
  shared ??= (async () => {
    const reg = await startLocalRegistry({ sharedDir, seed: 'none' });
    const client = new RegistryClient(reg.url);
    const token = reg.mintToken([{ action: 'publish', resource: 'io.github.acme-labs/*' }]);
    return {
      reg,
      client,
      token,
      publish: async (name: string, version: string) => {
        await client.publish(minimalServer(name, version), token);
      },
      remove: async (name: string, version: string) => {
        await client.setVersionStatus(name, version, { status: 'deleted' }, token);
      },
    };
  })();
  const registry = await shared;
  const config = vscode.workspace.getConfiguration('mcpVersions');
  await config.update('schemaDirectory', schemaDir, vscode.ConfigurationTarget.Global);
  await config.update('registries', [{ name: 'Local Test Registry', url: registry.reg.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
  return registry;
}

/** Puts the settings back; the registry itself stays up for the next suite. */
export async function stopTargetRegistry(): Promise<void> {
  const config = vscode.workspace.getConfiguration('mcpVersions');
  await config.update('registries', undefined, vscode.ConfigurationTarget.Global);
  await config.update('schemaDirectory', undefined, vscode.ConfigurationTarget.Global);
}

after(async () => {
  const registry = shared && (await shared);
  shared = undefined;
  await registry?.reg.close();
});

export function minimalServer(name: string, version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $schema: SCHEMA_URL, name, description: `Test server ${name}`, version, ...extra };
}

export function serverText(name: string, version: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify(minimalServer(name, version, extra), null, 2)}\n`;
}

/**
 * Server.json variants in a scratch folder inside the opened fixture folder (code-server reloads the
 * window when a second workspace folder is added, so variants cannot live in a folder of their own).
 * Written through VS Code's file service, so the workbench hears of each change even when the OS file
 * watcher is slow; deleted again by `remove()`.
 */
export class VariantsFolder {
  readonly path: string;
  readonly uri: vscode.Uri;

  private constructor(name: string) {
    this.path = join(repoRoot, 'test/fixtures/sample-server', `scratch-${name}`);
    rmSync(this.path, { recursive: true, force: true });
    this.uri = vscode.Uri.file(this.path);
  }

  /** Files are relative paths → text. */
  static async create(name: string, files: Record<string, string>): Promise<VariantsFolder> {
    const folder = new VariantsFolder(name);
    for (const [relative, text] of Object.entries(files)) await folder.write(relative, text);
    return folder;
  }

  fileUri(relative: string): vscode.Uri {
    return vscode.Uri.joinPath(this.uri, relative);
  }

  async write(relative: string, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(this.fileUri(relative), new TextEncoder().encode(text));
  }

  async delete(relative: string): Promise<void> {
    await vscode.workspace.fs.delete(this.fileUri(relative), { recursive: true, useTrash: false });
  }

  async remove(): Promise<void> {
    await vscode.workspace.fs.delete(this.uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** Replaces the whole text of an open document (unsaved). */
export async function setText(document: vscode.TextDocument, text: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.fsPath}`);
}

/** Reverts and closes every editor, so no test leaves a dirty document behind. */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.uri.scheme !== 'file') continue;
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function nodeState(uri: vscode.Uri, expected: string | RegExp): Promise<string> {
  const { workspace } = await api();
  let last = 'absent';
  try {
    return await waitFor(`${uri.fsPath} to be ${String(expected)}`, async () => {
      const node = workspace.nodes().find((candidate) => candidate.uri === uri.toString());
      if (!node) return undefined;
      last = `${node.state} (${node.description})`;
      const matches = typeof expected === 'string' ? node.state === expected : expected.test(node.state);
      return matches ? node.state : undefined;
    }, 30_000);
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}; last seen: ${last}`, { cause: error });
  }
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MCP Versions');
}

export function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** Zero-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at === -1) throw new Error(`${needle} not in the text`);
  return text.slice(0, at).split('\n').length - 1;
}

/** Leaves only "This Workspace" in the MCP Versions side bar (optionally wider), for README screenshots; returns an undo. */
export async function stageWorkspaceView(options: { widen: boolean }): Promise<() => Promise<void>> {
  await vscode.commands.executeCommand('workbench.view.extension.mcpVersions');
  const available = new Set(await vscode.commands.getCommands(true));
  for (const view of ['mcpVersions.registry', 'mcpVersions.environments']) {
    if (available.has(`${view}.removeView`)) await vscode.commands.executeCommand(`${view}.removeView`);
  }
  // In code-server these commands resize the editor area: "decrease" widens the side bar.
  const steps = options.widen ? 8 : 0;
  await vscode.commands.executeCommand('mcpVersions.workspace.focus');
  for (let i = 0; i < steps; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
  return async () => {
    await vscode.commands.executeCommand('mcpVersions.workspace.focus');
    for (let i = 0; i < steps; i++) await vscode.commands.executeCommand('workbench.action.increaseViewWidth');
    await vscode.commands.executeCommand('workbench.action.resetViewLocations');
  };
}
