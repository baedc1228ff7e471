// Shared steps of the first-publish suites: scripted answers to Create server.json / Start New Version /
// Set Up Publishing in CI (api.start.setPrompts), and project folders written outside the workspace.
import * as vscode from 'vscode';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { StartPrompts } from '../../../../src/start/prompts';

export interface StartCall {
  kind: 'input' | 'pick' | 'pickMany' | 'message';
  title: string;
  items?: string[];
  actions?: string[];
  /** For inputs: the prefilled value and what validateInput said of it and of each answer tried. */
  value?: string;
  validation?: { value: string; message: string | undefined }[];
}

/** Answers like a user; every question is recorded. Inputs are checked with the box's own validateInput. */
export class ScriptedStartPrompts implements StartPrompts {
  readonly calls: StartCall[] = [];
  /** Typed answers by title fragment; an answer refused by validateInput is not accepted (the next one is tried). */
  inputs: [RegExp, string[]][] = [];
  /** Picks by title fragment: the labels to choose (first match). */
  picks: [RegExp, RegExp][] = [];
  pickManys: [RegExp, RegExp[]][] = [];
  /** Message answers: the action to choose, by message fragment. */
  messages: [RegExp, string][] = [];
  folder: vscode.Uri | undefined;

  async input(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const call: StartCall = { kind: 'input', title: options.title ?? '', value: options.value, validation: [] };
    this.calls.push(call);
    const answers = this.inputs.find(([title]) => title.test(call.title))?.[1] ?? [];
    for (const value of answers) {
      const message = await Promise.resolve(options.validateInput?.(value));
      const text = typeof message === 'string' ? message : message?.message;
      call.validation!.push({ value, message: text ?? undefined });
      if (!text) return value;
    }
    return undefined;
  }

  async pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
    const call: StartCall = { kind: 'pick', title: options.title ?? '', items: items.map((item) => item.label) };
    this.calls.push(call);
    const label = this.picks.find(([title]) => title.test(call.title))?.[1];
    return label ? items.find((item) => label.test(item.label)) : undefined;
  }

  async pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<readonly T[] | undefined> {
    const call: StartCall = { kind: 'pickMany', title: options.title ?? '', items: items.map((item) => `${item.picked ? '[x] ' : ''}${item.label}`) };
    this.calls.push(call);
    const labels = this.pickManys.find(([title]) => title.test(call.title))?.[1];
    return labels ? items.filter((item) => labels.some((label) => label.test(item.label))) : undefined;
  }

  async message(_severity: 'information' | 'warning', text: string, _options: { modal?: boolean; detail?: string }, ...actions: string[]): Promise<string | undefined> {
    this.calls.push({ kind: 'message', title: text, actions });
    return this.messages.find(([fragment]) => fragment.test(text))?.[1];
  }

  async pickFolder(): Promise<vscode.Uri | undefined> {
    return this.folder;
  }

  last(kind: StartCall['kind']): StartCall | undefined {
    return [...this.calls].reverse().find((call) => call.kind === kind);
  }
}

let count = 0;

/** A project folder outside the workspace, optionally a git repository with an origin remote. */
export function writeProject(files: Record<string, string>, options: { remote?: string } = {}): { dir: string; uri: vscode.Uri; read(path: string): string; file(path: string): vscode.Uri } {
  const dir = mkdtempSync(join(tmpdir(), `mcpv-start-${++count}-`));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  if (options.remote) {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    execFileSync('git', ['remote', 'add', 'origin', options.remote], { cwd: dir });
  }
  return { dir, uri: vscode.Uri.file(dir), read: (path) => readFileSync(join(dir, path), 'utf8'), file: (path) => vscode.Uri.file(join(dir, path)) };
}
