// The questions Create server.json, Start New Version and Set Up Publishing in CI ask, through the
// extension's interaction layer (ctx.ui); integration tests answer them there (api.ui) or substitute these
// directly (api.start.setPrompts).
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';

export interface StartPrompts {
  input(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<T | undefined>;
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Thenable<readonly T[] | undefined>;
  /** A message with actions; `modal` ones block until answered. Resolves to the action picked. */
  message(severity: 'information' | 'warning', text: string, options: { modal?: boolean; detail?: string }, ...actions: string[]): Thenable<string | undefined>;
  /** A folder chosen in the OS dialog (Start New Version outside the workspace folders). */
  pickFolder(title: string): Thenable<vscode.Uri | undefined>;
}

/** The questions asked through the interaction layer (`ctx.ui`), as every command asks. */
export function startPromptsOn(ui: Prompts): StartPrompts {
  return {
    input: (options) => ui.input(options),
    pick: (items, options) => ui.pick(items, options),
    pickMany: (items, options) => ui.pickMany(items, options),
    // Information messages here are never modal and carry no detail.
    message: (severity, text, options, ...actions) => (severity === 'warning' ? ui.warning(text, options, ...actions) : ui.info(text, ...actions)),
    pickFolder: (title) => ui.pickFolder(title),
  };
}
