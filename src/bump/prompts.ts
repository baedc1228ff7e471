// The interactive steps of Bump Version behind a small interface, so integration tests can script them
// (through the extension API). Production asks the simple questions through the interaction layer (ctx.ui);
// the version picker and the version box are VS Code widgets of their own (refusals, live warnings).
import * as vscode from 'vscode';
import type { Prompts } from '../commands/prompts';
import type { InputCheck, PickerView } from './model';

export interface ServerJsonChoice {
  readonly uri: vscode.Uri;
  readonly label: string;
  readonly description?: string;
}

export interface VersionInputOptions {
  readonly title: string;
  readonly prompt: string;
  readonly value?: string;
  readonly placeholder?: string;
  /** The message to show as the user types; an `error` refuses the value. */
  readonly check: (value: string) => InputCheck | undefined;
}

export interface BumpPrompts {
  /** Which server.json to bump (palette use with several files). */
  pickServerJson(choices: readonly ServerJsonChoice[]): Promise<vscode.Uri | undefined>;
  /** The id of the accepted item; an item with a `refusal` is never accepted (its refusal is shown instead). */
  pickVersion(view: PickerView): Promise<string | undefined>;
  /** A pre-release identifier: one of `choices` or typed. */
  pickPreid(title: string, choices: readonly string[], check: (preid: string) => string | undefined): Promise<string | undefined>;
  inputVersion(options: VersionInputOptions): Promise<string | undefined>;
  /** The outcome, with its actions; resolves to the action chosen (tests may leave it out: the window's notification is used). */
  notify?(message: string, actions: readonly string[], severity: 'information' | 'warning'): Thenable<string | undefined>;
}

const OTHER_PREID = vscode.l10n.t('Other…');

/** Bump Version's questions: the simple ones through `ui`, the version picker and box as their own widgets. */
export function bumpPromptsOn(ui: Prompts): BumpPrompts {
  return { ...versionWidgets, ...asked(ui) };
}

const asked = (ui: Prompts): Pick<BumpPrompts, 'pickServerJson' | 'pickPreid' | 'notify'> => ({
  async pickServerJson(choices) {
    const picked = await ui.pick(
      choices.map((choice) => ({ label: choice.label, description: choice.description, iconPath: new vscode.ThemeIcon('json'), uri: choice.uri })),
      { title: vscode.l10n.t('Bump Version'), placeHolder: vscode.l10n.t('Which server.json?') },
    );
    return picked?.uri;
  },

  notify(message, actions, severity) {
    return severity === 'warning' ? ui.warning(message, {}, ...actions) : ui.info(message, ...actions);
  },

  async pickPreid(title, choices, check) {
    const picked = await ui.pick(
      [...choices.map((label) => ({ label, iconPath: new vscode.ThemeIcon('beaker') })), { label: OTHER_PREID, iconPath: new vscode.ThemeIcon('edit') }],
      { title, placeHolder: vscode.l10n.t('Pre-release identifier') },
    );
    if (!picked) return undefined;
    if (picked.label !== OTHER_PREID) return picked.label;
    return ui.input({ title, prompt: vscode.l10n.t('Pre-release identifier (letters, digits, hyphens, dots), e.g. preview or dev'), validateInput: check });
  },
});

const versionWidgets: Pick<BumpPrompts, 'pickVersion' | 'inputVersion'> = {
  pickVersion(view) {
    return new Promise((resolve) => {
      const pick = vscode.window.createQuickPick<vscode.QuickPickItem & { id: string; refusal?: string }>();
      pick.title = view.title;
      pick.placeholder = view.placeholder;
      pick.matchOnDescription = true;
      pick.matchOnDetail = true;
      pick.items = view.items.map((item) => ({
        id: item.id,
        refusal: item.refusal,
        label: `$(${item.icon}) ${item.label}`,
        description: item.description,
        detail: item.detail,
      }));
      const recommended = pick.items.find((item) => view.items.find((v) => v.id === item.id)?.recommended && !item.refusal);
      if (recommended) pick.activeItems = [recommended];
      // QuickPick.prompt exists from VS Code 1.108; older versions show the refusal in the placeholder instead.
      const withPrompt = pick as { prompt?: string };
      const hasPrompt = 'prompt' in pick;
      const showRefusal = (text: string | undefined): void => {
        if (hasPrompt) withPrompt.prompt = text;
        else pick.placeholder = text ?? view.placeholder;
      };
      let result: string | undefined;
      pick.onDidAccept(() => {
        const item = pick.selectedItems[0] ?? pick.activeItems[0];
        if (!item) return;
        if (item.refusal) {
          showRefusal(`$(error) ${item.refusal}`);
          return;
        }
        result = item.id;
        pick.hide();
      });
      pick.onDidChangeActive(() => showRefusal(undefined));
      pick.onDidHide(() => {
        pick.dispose();
        resolve(result);
      });
      pick.show();
    });
  },

  inputVersion(options) {
    return new Promise((resolve) => {
      const input = vscode.window.createInputBox();
      input.title = options.title;
      input.prompt = options.prompt;
      input.placeholder = options.placeholder;
      input.value = options.value ?? '';
      const validate = (value: string): InputCheck | undefined => {
        const check = options.check(value);
        input.validationMessage = check
          ? { message: check.message, severity: check.severity === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning }
          : undefined;
        return check;
      };
      if (input.value) validate(input.value);
      let result: string | undefined;
      input.onDidChangeValue(validate);
      input.onDidAccept(() => {
        if (validate(input.value)?.severity === 'error') return;
        result = input.value;
        input.hide();
      });
      input.onDidHide(() => {
        input.dispose();
        resolve(result);
      });
      input.show();
    });
  },
};
