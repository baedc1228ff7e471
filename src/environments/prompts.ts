// The questions a deployment asks, through the extension's interaction layer (ctx.ui); integration tests
// answer them there (api.ui) or substitute these directly (`api.environments.setPrompts`).
import type { Prompts } from '../commands/prompts';

export interface PickItem<T> {
  readonly label: string;
  readonly description?: string;
  readonly detail?: string;
  readonly value: T;
}

export interface DeployPrompts {
  /** A modal confirmation; true when the user chose `action`. */
  confirm(message: string, detail: string, action: string): Promise<boolean>;
  /** Resolves to what the user typed, undefined when dismissed. */
  input(options: { title: string; prompt: string; placeHolder?: string; password?: boolean; validate?: (value: string) => string | undefined }): Promise<string | undefined>;
  pick<T>(items: readonly PickItem<T>[], options: { title: string; placeHolder?: string }): Promise<T | undefined>;
  /** A non-modal notification; resolves to the chosen action. Callers do not wait for it. */
  notify(severity: 'info' | 'error', message: string, actions: readonly string[]): Promise<string | undefined>;
}

/** The deployment's questions asked through the interaction layer (`ctx.ui`), as every command asks. */
export function deployPromptsOn(ui: Prompts): DeployPrompts {
  return {
    async confirm(message, detail, action) {
      const answer = await ui.warning(message, { modal: true, detail }, action);
      return answer === action;
    },
    async input(options) {
      return ui.input({
        title: options.title,
        prompt: options.prompt,
        placeHolder: options.placeHolder,
        password: options.password,
        ignoreFocusOut: true,
        validateInput: options.validate,
      });
    },
    async pick(items, options) {
      const picked = await ui.pick(
        items.map((item) => ({ label: item.label, description: item.description, detail: item.detail, item })),
        { title: options.title, placeHolder: options.placeHolder, matchOnDescription: true },
      );
      return picked?.item.value;
    },
    async notify(severity, message, actions) {
      return severity === 'error' ? ui.error(message, ...actions) : ui.info(message, ...actions);
    },
  };
}
