// Turns bump plans into one WorkspaceEdit (one undo step), with Refactor Preview entries when asked,
// saves the files that were not dirty before, and undoes it again on request.
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import { gatherBumpInputs } from './gatherInputs';
import { BumpPlanError, planBump, type BumpPlan } from './model';

export interface PreparedBump {
  readonly serverJson: vscode.Uri;
  readonly plan: BumpPlan;
  /** Files the plan edits: URI and the exact text the offsets refer to. */
  readonly files: ReadonlyMap<string, { uri: vscode.Uri; text: string }>;
}

export interface AppliedBump {
  readonly serverJson: vscode.Uri;
  /** Documents whose text changed (in preview, the user may untick entries). */
  readonly changed: readonly vscode.TextDocument[];
  /** Documents saved after the edit because they were not dirty before it. */
  readonly saved: readonly vscode.TextDocument[];
  /** Text of each changed document before the bump, by URI string. */
  readonly before: ReadonlyMap<string, string>;
}

const relative = (id: string) => vscode.workspace.asRelativePath(vscode.Uri.parse(id), true);

/** Computes every edit of a bump; a file that cannot be read or parsed refuses the whole bump. */
export async function prepareBump(serverJson: vscode.Uri, newVersion: string): Promise<PreparedBump> {
  try {
    const gathered = await gatherBumpInputs(serverJson, newVersion);
    const planned = planBump(gathered.inputs, { describe: relative });
    const plan = { ...planned, notes: [...gathered.notes, ...planned.notes] };
    const files = new Map([...gathered.files].filter(([id]) => plan.files.some((file) => file.id === id)));
    return { serverJson, plan, files };
  } catch (error) {
    if (error instanceof BumpPlanError) throw new UserFacingError(vscode.l10n.t('Nothing was changed. {0}', error.message));
    throw error;
  }
}

/** Offset → Position for a text, as TextDocument.positionAt counts (UTF-16 units; \r\n, \r and \n end lines). */
function positionsOf(text: string): (offset: number) => vscode.Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 13 || c === 10) starts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return new vscode.Position(low, offset - starts[low]);
  };
}

/**
 * Runs `task` over `items` a few at a time, in order. Opening many documents at once races VS Code's
 * release of extension-opened models (it keeps about 50), so the documents are handled in small batches.
 */
async function inChunks<T, R>(items: readonly T[], task: (item: T) => PromiseLike<R>, size = 8): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(task))));
  return results;
}

/** Applies the bumps as one workspace edit; undefined when the user discarded the preview. */
export async function applyBumps(bumps: readonly PreparedBump[], options: { preview: boolean }): Promise<AppliedBump[] | undefined> {
  const edit = new vscode.WorkspaceEdit();
  const documents = new Map<string, { readonly uri: vscode.Uri; readonly wasDirty: boolean; readonly text: string }>();
  for (const bump of bumps) {
    for (const file of bump.plan.files) {
      const source = bump.files.get(file.id)!;
      // Only documents VS Code already has open can be dirty or differ from disk; the others are edited
      // from the text read a moment ago, without opening them first (opening is what costs time).
      const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === file.id && !document.isClosed);
      if (open && open.getText() !== source.text) {
        throw new UserFacingError(vscode.l10n.t('Nothing was changed: {0} changed while the bump was prepared. Run Bump Version again.', relative(file.id)));
      }
      documents.set(file.id, { uri: source.uri, wasDirty: open?.isDirty ?? false, text: source.text });
      const positionAt = positionsOf(source.text);
      for (const planned of file.edits) {
        edit.replace(source.uri, new vscode.Range(positionAt(planned.offset), positionAt(planned.offset + planned.length)), planned.newText, {
          needsConfirmation: false,
          label: `${bump.plan.from} → ${bump.plan.to}: ${relative(file.id)}`,
          description: planned.label,
          iconPath: new vscode.ThemeIcon('tag'),
        });
      }
    }
  }
  if (options.preview && documents.size > 0) {
    // VS Code opens the Refactor Preview when an entry needs confirmation, but shows such entries unticked.
    // So only this empty insertion needs it: every real change starts ticked and can be unticked.
    const first = bumps.find((bump) => bump.plan.files.length > 0)!;
    edit.insert(first.serverJson, new vscode.Position(0, 0), '', {
      needsConfirmation: true,
      label: `Review: bump ${bumps.length === 1 ? `${first.plan.from} → ${first.plan.to}` : `${bumps.length} servers`}`,
      description: vscode.l10n.t('Every change below is ticked; untick what should keep its current version, then Apply.'),
      iconPath: new vscode.ThemeIcon('info'),
    });
  }
  if (documents.size === 0) return bumps.map((bump) => ({ serverJson: bump.serverJson, changed: [], saved: [], before: new Map() }));
  const applied = await vscode.workspace.applyEdit(edit, { isRefactoring: options.preview });
  if (!applied) return undefined;

  // Re-open each document right before reading or saving it: VS Code keeps only so many models opened by
  // extensions, so TextDocument objects from before the edit may be closed by now.
  const after = await inChunks([...documents.values()], async (entry) => {
    const document = await vscode.workspace.openTextDocument(entry.uri);
    if (document.getText() === entry.text) return undefined;
    const saved = !entry.wasDirty && (await document.save());
    return { document, text: entry.text, saved };
  });
  const changed = after.filter((entry) => entry !== undefined);
  const saved = changed.filter((entry) => entry.saved).map((entry) => entry.document);
  if (changed.length === 0) return undefined;
  return bumps.map((bump) => {
    const mine = changed.filter((entry) => bump.plan.files.some((file) => file.id === entry.document.uri.toString()));
    return {
      serverJson: bump.serverJson,
      changed: mine.map((entry) => entry.document),
      saved: saved.filter((document) => mine.some((entry) => entry.document === document)),
      before: new Map(mine.map((entry) => [entry.document.uri.toString(), entry.text])),
    };
  });
}

/**
 * Undoes a bump the way Ctrl+Z does: `undo` in the server.json editor, which undoes the whole workspace
 * edit (VS Code asks once to undo it in every file). Files the bump saved are saved again afterwards.
 */
export async function undoBump(applied: AppliedBump): Promise<boolean> {
  const target = applied.changed.find((document) => document.uri.toString() === applied.serverJson.toString()) ?? applied.changed[0];
  if (!target) return false;
  await vscode.window.showTextDocument(target.uri, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('undo');
  const current = await Promise.all(applied.changed.map((document) => vscode.workspace.openTextDocument(document.uri)));
  const restored = current.every((document) => document.getText() === applied.before.get(document.uri.toString()));
  for (const uri of applied.saved.map((document) => document.uri)) {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.isDirty && document.getText() === applied.before.get(uri.toString())) await document.save();
  }
  return restored;
}
