// MCP Versions: Bump Version — pick the next version (checked against the registry, deleted versions
// included), then move every version field of the workspace in one undoable edit.
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError } from '../commands/registerCommand';
import { abortSignalFor } from '../util/cancellation';
import { settings } from '../util/settings';
import { applyBumps, prepareBump, undoBump, type AppliedBump } from './applyBump';
import {
  buildVersionPicker,
  changelogEntry,
  checkTypedVersion,
  CUSTOM_ITEM,
  PREID_CHOICES,
  PRERELEASE_ITEM,
  readServerJsonFacts,
  suggestionsFor,
  takenReason,
  type PickerView,
  type RegistryKnowledge,
} from './model';
import type { Prompts } from '../commands/prompts';
import { bumpPromptsOn, type BumpPrompts } from './prompts';
import type { RegistryClient } from '../registry';
import { readRegistryKnowledge, type TargetRegistry } from './registryKnowledge';
import { channelOf, isValidPreid, preidProblem } from '../versioning';

/** One more action the bump's success notification may offer (e.g. "Create Tag" where CI publishes on tags). */
export type BumpSuccessAction = (serverJson: vscode.Uri, version: string) => Promise<{ title: string; run: () => Promise<void> } | undefined>;

export interface BumpDeps {
  readonly log: vscode.LogOutputChannel;
  /** The workspace's target registry and its client, or undefined when none is configured. */
  readonly target: () => (TargetRegistry & { client: RegistryClient }) | undefined;
  /** The interaction layer (messages, progress; the default questions). */
  readonly ui: Prompts;
  readonly prompts: () => BumpPrompts;
  /** Features above bump add their success actions here (the CI tag). */
  readonly successActions?: () => readonly BumpSuccessAction[];
}

export interface BumpOutcome {
  readonly serverJson: string;
  readonly from: string;
  readonly to: string;
  /** URIs of the files that changed. */
  readonly files: readonly string[];
  readonly warnings: readonly string[];
  readonly notes: readonly string[];
}

/** A `vscode.Uri`, or an object with a `uri` field (a node of the workspace view). */
export function uriOfArgument(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (arg && typeof arg === 'object' && 'uri' in arg && (arg as { uri: unknown }).uri instanceof vscode.Uri) return (arg as { uri: vscode.Uri }).uri;
  return undefined;
}

async function chooseServerJson(prompts: BumpPrompts): Promise<vscode.Uri> {
  const found = await vscode.workspace.findFiles('**/server.json', '**/node_modules/**');
  const active = vscode.window.activeTextEditor?.document.uri;
  const files = [...found].sort((a, b) => Number(b.toString() === active?.toString()) - Number(a.toString() === active?.toString()) || a.path.localeCompare(b.path));
  if (files.length === 0) throw new UserFacingError(vscode.l10n.t('There is no server.json in this workspace to bump.'));
  if (files.length === 1) return files[0];
  const picked = await prompts.pickServerJson(files.map((uri) => ({
    uri,
    label: vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1),
    description: uri.toString() === active?.toString() ? vscode.l10n.t('active editor') : undefined,
  })));
  if (!picked) throw new UserCancelledError();
  return picked;
}

async function readKnowledge(deps: BumpDeps, name: string | undefined, local: unknown): Promise<RegistryKnowledge> {
  const registry = deps.target();
  if (!registry || !name) return { kind: 'no-registry' };
  return deps.ui.progress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the versions of {0} from {1}…', name, registry.name), cancellable: true },
    (_progress, token) => readRegistryKnowledge(registry.client, registry, name, local, abortSignalFor(token)),
  );
}

/** Asks for the next version until one is acceptable; undefined when the user gives up. */
async function chooseVersion(prompts: BumpPrompts, name: string, current: string, knowledge: RegistryKnowledge): Promise<string | undefined> {
  const base = buildVersionPicker(name, current, knowledge, suggestionsFor(current, knowledge));
  let view: PickerView = base;
  for (let round = 0; round < 50; round++) {
    const picked = await prompts.pickVersion(view);
    if (picked === undefined) return undefined;
    let version: string | undefined;
    if (picked === PRERELEASE_ITEM) {
      const channel = channelOf(current);
      const choices = channel && !PREID_CHOICES.includes(channel as never) ? [channel, ...PREID_CHOICES] : [...PREID_CHOICES].sort((a, b) => Number(b === channel) - Number(a === channel));
      const preid = await prompts.pickPreid(vscode.l10n.t('{0}: pre-release', base.title), choices.filter(isValidPreid), preidProblem);
      if (preid === undefined || !isValidPreid(preid)) continue;
      version = suggestionsFor(current, knowledge, preid).find((s) => s.kind === 'prerelease')?.version;
    } else if (picked === CUSTOM_ITEM) {
      const recommended = base.items.find((item) => item.recommended && !item.refusal)?.version;
      version = await prompts.inputVersion({
        title: vscode.l10n.t('{0}: custom version', base.title),
        prompt: vscode.l10n.t('The next version of {0} (now {1})', name, current),
        value: recommended,
        check: (value) => checkTypedVersion(value, current, knowledge),
      });
      if (version === undefined) continue;
      if (checkTypedVersion(version, current, knowledge)?.severity === 'error') {
        view = { ...base, placeholder: checkTypedVersion(version, current, knowledge)!.message };
        continue;
      }
    } else {
      const item = base.items.find((candidate) => candidate.id === picked);
      if (item?.refusal) {
        view = { ...base, placeholder: item.refusal };
        continue;
      }
      version = item?.version;
    }
    if (version === undefined) continue;
    const refusal = takenReason(version, knowledge);
    if (refusal) {
      view = { ...base, placeholder: refusal };
      continue;
    }
    return version;
  }
  return undefined;
}

/** Adds the new version's CHANGELOG.md entry beside server.json, when there is a changelog without one. */
async function changelogAction(serverJson: vscode.Uri, version: string, reasons: readonly string[]): Promise<(() => Promise<void>) | undefined> {
  const uri = vscode.Uri.joinPath(serverJson, '..', 'CHANGELOG.md');
  const document = await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
  if (!document) return undefined;
  const entry = changelogEntry(document.getText(), version, new Date().toISOString().slice(0, 10), reasons);
  if (!entry) return undefined;
  return async () => {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, document.positionAt(entry.offset), entry.text);
    if (!(await vscode.workspace.applyEdit(edit))) throw new UserFacingError(vscode.l10n.t('The entry could not be added to {0}.', vscode.workspace.asRelativePath(uri)));
    const at = document.positionAt(entry.offset + entry.bodyAt);
    await vscode.window.showTextDocument(document, { selection: new vscode.Range(at, document.lineAt(at.line).range.end) });
  };
}

async function firstAction(actions: readonly BumpSuccessAction[], uri: vscode.Uri, version: string): Promise<{ title: string; run: () => Promise<void> } | undefined> {
  for (const action of actions) {
    const offered = await action(uri, version);
    if (offered) return offered;
  }
  return undefined;
}

function offerUndo(deps: BumpDeps, prompts: BumpPrompts, applied: AppliedBump, message: string, warnings: readonly string[], addChangelog?: () => Promise<void>, tag?: { title: string; run: () => Promise<void> }): void {
  const undo = vscode.l10n.t('Undo');
  const showLog = vscode.l10n.t('Show Log');
  const changelog = vscode.l10n.t('Add CHANGELOG Entry');
  const text = addChangelog ? `${message} ${vscode.l10n.t('CHANGELOG.md has no entry for it yet.')}` : message;
  const notifier = prompts.notify ? prompts : bumpPromptsOn(deps.ui);
  const shown = notifier.notify!(warnings.length > 0 ? `${text} ${warnings.join(' ')}` : text, [...(addChangelog ? [changelog] : []), ...(tag ? [tag.title] : []), undo, showLog], warnings.length > 0 ? 'warning' : 'information');
  void Promise.resolve(shown).then(async (choice) => {
    if (choice === showLog) deps.log.show(true);
    if (choice === changelog) await addChangelog?.().catch((error: unknown) => deps.log.error(`Bump Version: ${String(error)}`));
    if (tag && choice === tag.title) await tag.run();
    if (choice !== undo) return;
    const restored = await undoBump(applied);
    deps.log.info(`Bump Version: undo ${restored ? 'restored every place' : 'did not restore every place'}`);
  });
}

export async function runBumpVersion(deps: BumpDeps, arg: unknown): Promise<BumpOutcome | undefined> {
  const prompts = deps.prompts();
  const uri = uriOfArgument(arg) ?? (await chooseServerJson(prompts));
  const document = await vscode.workspace.openTextDocument(uri);
  const text = document.getText();
  const facts = readServerJsonFacts(text);
  if (typeof facts === 'string') throw new UserFacingError(`${vscode.workspace.asRelativePath(uri)}: ${facts}.`);
  const name = facts.name ?? vscode.workspace.asRelativePath(uri);
  const knowledge = await readKnowledge(deps, facts.name, JSON.parse(text));
  if (knowledge.kind === 'unreachable') deps.log.warn(`Bump Version: ${knowledge.registryName} unreachable: ${knowledge.message}`);

  const version = await chooseVersion(prompts, name, facts.version, knowledge);
  if (version === undefined) throw new UserCancelledError();
  if (version === facts.version) {
    const PUBLISH_VERSION = vscode.l10n.t('Publish Version');
    void deps.ui.info(
      vscode.l10n.t('{0} stays at {1}: it is not published yet, so it can be published as it is.', name, version),
      PUBLISH_VERSION,
    ).then((choice) => choice === PUBLISH_VERSION ? vscode.commands.executeCommand('mcpVersions.publishVersion', uri) : undefined);
    return { serverJson: uri.toString(), from: version, to: version, files: [], warnings: [], notes: [] };
  }
  const prepared = await prepareBump(uri, version);
  const preview = settings.bumpPreview(uri);
  const [applied] = (await applyBumps([prepared], { preview })) ?? [];
  const { plan } = prepared;
  for (const note of plan.notes) deps.log.info(`Bump Version: ${note}`);
  for (const warning of plan.warnings) deps.log.warn(`Bump Version: ${warning}`);
  if (!applied || applied.changed.length === 0) {
    void deps.ui.info(vscode.l10n.t('Bump Version: nothing was changed; {0} stays at {1}.', name, plan.from));
    return { serverJson: uri.toString(), from: plan.from, to: plan.from, files: [], warnings: plan.warnings, notes: plan.notes };
  }
  const places = plan.files.reduce((sum, file) => sum + file.edits.length, 0);
  const message = vscode.l10n.t('Bumped {0} {1} → {2}: {3} place{4} in {5} file{6}.', name, plan.from, plan.to, places, places === 1 ? '' : 's', applied.changed.length, applied.changed.length === 1 ? '' : 's');
  deps.log.info(`Bump Version: ${message} ${applied.changed.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ')}`);
  const reasons = knowledge.kind === 'found' ? knowledge.impact?.reasons ?? [] : [];
  offerUndo(deps, prompts, applied, message, plan.warnings, await changelogAction(uri, plan.to, reasons), await firstAction(deps.successActions?.() ?? [], uri, plan.to));
  return { serverJson: uri.toString(), from: plan.from, to: plan.to, files: applied.changed.map((d) => d.uri.toString()), warnings: plan.warnings, notes: plan.notes };
}
