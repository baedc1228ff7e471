// Steps shared by the Bump Version suites: the running extension's API, a local registry with published
// versions, a temporary copy of the sample server, scripted prompts, and the real undo (answering VS Code's
// "Undo in N Files" dialog).
import * as vscode from 'vscode';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { BumpPrompts } from '../../../../src/bump/prompts';
import type { PickerView } from '../../../../src/bump/model';
import { RegistryClient } from '../../../../src/registry';
import { startLocalRegistry, type LocalRegistry } from '../../../../tools/local-registry';
import { evaluate, extensionApi, waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

export { extensionApi };

export interface TestRegistry {
  readonly reg: LocalRegistry;
  publish(document: Record<string, unknown>): Promise<void>;
  remove(name: string, version: string): Promise<void>;
  close(): Promise<void>;
}

/** A local registry that is the only entry of mcpVersions.registries while the suite runs. */
export async function startTargetRegistry(): Promise<TestRegistry> {
  const reg = await startLocalRegistry({ sharedDir, seed: 'none' });
  const client = new RegistryClient(reg.url);
  const token = reg.mintToken([{ action: 'publish', resource: 'io.github.acme-labs/*' }]);
  const config = vscode.workspace.getConfiguration('mcpVersions');
  await config.update('registries', [{ name: 'Local Test Registry', url: reg.url, auth: 'none' }], vscode.ConfigurationTarget.Global);
  return {
    reg,
    publish: async (document) => {
      await client.publish(document, token);
    },
    remove: async (name, version) => {
      await client.setVersionStatus(name, version, { status: 'deleted' }, token);
    },
    close: async () => {
      await config.update('registries', undefined, vscode.ConfigurationTarget.Global);
      await reg.close();
    },
  };
}

export function server(name: string, version: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { $schema: SCHEMA_URL, name, description: `Test server ${name}`, version, ...extra };
}

/**
 * A temporary folder outside the workspace, with a copy of test/fixtures/sample-server in `weather/`.
 * (The fixture folder itself is shared with other suites and runs, so it is never edited; a bump works on
 * any server.json it is given.)
 */
export class TempFolder {
  readonly path = mkdtempSync(join(tmpdir(), 'mcpv-bump-'));

  constructor(files: Record<string, string> = {}) {
    cpSync(join(repoRoot, 'test/fixtures/sample-server'), join(this.path, 'weather'), { recursive: true });
    for (const [relative, text] of Object.entries(files)) this.write(relative, text);
  }

  read(relative: string): string {
    return readFileSync(join(this.path, relative), 'utf8');
  }

  file(relative: string): vscode.Uri {
    return vscode.Uri.file(join(this.path, relative));
  }

  write(relative: string, text: string): void {
    mkdirSync(dirname(join(this.path, relative)), { recursive: true });
    writeFileSync(join(this.path, relative), text);
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** One scripted answer per prompt call; each step sees what the prompt was shown. */
export type PickStep = (view: PickerView) => string | undefined;

/**
 * Prompts driven by the test instead of a person (installed through `api.bump.setPrompts`). They record
 * every picker and input check they were shown.
 */
export class ScriptedPrompts implements BumpPrompts {
  readonly views: PickerView[] = [];
  readonly checks: { value: string; result: ReturnType<Parameters<BumpPrompts['inputVersion']>[0]['check']> }[] = [];
  readonly notifications: { message: string; actions: readonly string[] }[] = [];

  constructor(
    private readonly picks: PickStep[],
    private readonly answers: { preid?: string; typed?: string[]; notification?: string } = {},
  ) {}

  async notify(message: string, actions: readonly string[]): Promise<string | undefined> {
    this.notifications.push({ message, actions });
    return this.answers.notification;
  }

  async pickServerJson(): Promise<vscode.Uri | undefined> {
    return undefined;
  }

  async pickVersion(view: PickerView): Promise<string | undefined> {
    this.views.push(view);
    const step = this.picks.shift();
    return step?.(view);
  }

  async pickPreid(_title: string, choices: readonly string[]): Promise<string | undefined> {
    return this.answers.preid ?? choices[0];
  }

  async inputVersion(options: Parameters<BumpPrompts['inputVersion']>[0]): Promise<string | undefined> {
    for (const value of this.answers.typed ?? []) {
      const result = options.check(value);
      this.checks.push({ value, result });
      if (result?.severity !== 'error') return value;
    }
    return undefined;
  }
}

export const pickKind = (kind: string): PickStep => (view) => view.items.find((item) => item.id.startsWith(`${kind}:`))?.id;
export const pickId = (id: string): PickStep => () => id;
export const cancel: PickStep = () => undefined;

/** Waits until `restored()`, answering VS Code's "Undo in N Files" dialog when it shows. */
export async function confirmUndoInAllFiles(restored: () => boolean): Promise<void> {
  await waitFor('the bump to be undone', async () => {
    if (restored()) return true;
    await evaluate(`(() => {
      const button = [...document.querySelectorAll('.monaco-dialog-box .monaco-button')].find((b) => /^Undo in \\d+ Files/.test(b.textContent || ''));
      if (button) button.click();
      return !!button;
    })()`);
    return undefined;
  }, 20_000);
}

/** Ctrl+Z in the server.json editor, confirming VS Code's "Undo in N Files" dialog when it asks. */
export async function undoInEditor(uri: vscode.Uri, restored: () => boolean): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  const undo = vscode.commands.executeCommand('undo');
  await confirmUndoInAllFiles(restored);
  await undo;
}

export async function saveAll(uris: readonly vscode.Uri[]): Promise<void> {
  for (const uri of uris) {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty) await document.save();
  }
}
