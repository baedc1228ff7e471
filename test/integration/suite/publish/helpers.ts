// Shared steps of the publish suites: the running extension's API, a local registry, scripted prompts
// (the extension's UserPrompts are injectable: tests answer every question instead of a person),
// and server.json fixtures written to a temporary folder outside the workspace.
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { UserPrompts } from '../../../../src/commands/prompts';
import { startLocalRegistry, type LocalRegistry, type LocalRegistryOptions } from '../../../../tools/local-registry';
import { extensionApi, waitFor } from '../../harness';

export const repoRoot = resolve(__dirname, '../../../../..');
export const sharedDir = resolve(repoRoot, '..', 'shared');
export const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

export const api = extensionApi;

export function startRegistry(options: LocalRegistryOptions = {}): Promise<LocalRegistry> {
  return startLocalRegistry({ sharedDir, ...options });
}

export async function useRegistry(registry: { name: string; url: string; auth: string }): Promise<void> {
  await vscode.workspace.getConfiguration('mcpVersions').update('registries', [registry], vscode.ConfigurationTarget.Global);
  const { registryTree } = await api();
  await waitFor('the tree to use the registry', () => (registryTree.provider.registries.map((r) => r.config.url).join(' ') === registry.url ? true : undefined));
}

export interface PromptCall {
  kind: 'warning' | 'info' | 'input' | 'pick';
  message: string;
  detail?: string;
  modal?: boolean;
  actions?: string[];
}

/** Answers the extension's questions like a user would; records every question asked. */
export class ScriptedPrompts implements UserPrompts {
  readonly calls: PromptCall[] = [];
  /** Modal/warning answer: by default the first action (e.g. "Publish"). */
  onWarning: (call: PromptCall) => string | undefined = (call) => call.actions?.[0];
  onInput: (options: vscode.InputBoxOptions) => string | undefined = () => undefined;
  onPick: (labels: string[]) => number = () => -1;

  warning(message: string, options: vscode.MessageOptions, ...actions: string[]): Thenable<string | undefined> {
    const call: PromptCall = { kind: 'warning', message, detail: options.detail, modal: options.modal, actions };
    this.calls.push(call);
    return Promise.resolve(this.onWarning(call));
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.calls.push({ kind: 'info', message, actions });
    return Promise.resolve(undefined);
  }

  input(options: vscode.InputBoxOptions): Thenable<string | undefined> {
    this.calls.push({ kind: 'input', message: options.prompt ?? options.title ?? '' });
    return Promise.resolve(this.onInput(options));
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined> {
    this.calls.push({ kind: 'pick', message: options.title ?? '', actions: items.map((i) => i.label) });
    return Promise.resolve(items[this.onPick(items.map((i) => i.label))]);
  }

  confirmations(): PromptCall[] {
    return this.calls.filter((c) => c.kind === 'warning' && c.modal && c.message.startsWith('Publish '));
  }
}

export async function usePrompts(prompts: ScriptedPrompts): Promise<void> {
  (await api()).publish.prompts.use(prompts);
}

export async function resetPrompts(): Promise<void> {
  (await api()).publish.prompts.reset();
}

export interface Fixture {
  dir: string;
  uri: vscode.Uri;
  text: string;
}

let fixtureCount = 0;

/** A folder (optionally a git repository) with a server.json and a CHANGELOG.md; not part of the workspace. */
export function writeFixture(name: string, version: string, options: { git?: boolean; extra?: Record<string, unknown>; changelog?: string } = {}): Fixture {
  const dir = mkdtempSync(join(tmpdir(), `mcpv-publish-${++fixtureCount}-`));
  const document = {
    $schema: SCHEMA,
    name,
    description: 'A server the publish tests publish',
    version,
    repository: { url: 'https://github.com/acme/publish-test', source: 'github' },
    packages: [{ registryType: 'oci', identifier: `ghcr.io/acme/publish-test:${version}`, transport: { type: 'stdio' } }],
    ...options.extra,
  };
  const text = `${JSON.stringify(document, null, 2)}\n`;
  writeFileSync(join(dir, 'server.json'), text);
  writeFileSync(join(dir, 'CHANGELOG.md'), options.changelog ?? `# Changelog\n\n## ${version}\n- Published by the publish tests.\n\n## 0.0.1\n- Older.\n`);
  if (options.git) {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'Test', GIT_AUTHOR_EMAIL: 'test@example.com', GIT_COMMITTER_NAME: 'Test', GIT_COMMITTER_EMAIL: 'test@example.com' };
    execFileSync('git', ['init', '-q'], { cwd: dir, env });
    execFileSync('git', ['add', '.'], { cwd: dir, env });
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', 'commit', '-qm', 'release'], { cwd: dir, env });
  }
  return { dir, uri: vscode.Uri.file(join(dir, 'server.json')), text };
}

export function fileText(fixture: Fixture): string {
  return readFileSync(fixture.uri.fsPath, 'utf8');
}

/** A loopback HTTP server answering from a route table; closed by the caller. */
export async function loopbackServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string; port: number; close(): Promise<void> }> {
  const server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
}

export async function registryJson<T>(url: string): Promise<{ status: number; body: T }> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as T };
}

/** A fault that answers 500 to the next POST to `path` (default /publish): still listed afterwards means no such POST was made. */
export function postSentinel(reg: LocalRegistry, path = '/publish$'): { unused(): boolean; remove(): void } {
  const id = reg.faults.add({ kind: 'status', status: 500, method: 'POST', path, times: 1 });
  return { unused: () => reg.faults.list().some((f) => (f as { id?: string }).id === id), remove: () => reg.faults.remove(id) };
}
