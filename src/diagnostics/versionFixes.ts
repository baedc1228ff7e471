// Quick fixes for version problems: the nearest versions the registry accepts in place of a refused one
// (a range, a wildcard, "latest"), and Bump Version for a version that is already published. Nothing
// offered is refused by the registry's rules or taken by the server (src/versioning).
import * as vscode from 'vscode';
import { findNodeAtOffset, getNodePath, parseTree, type Node } from 'jsonc-parser';
import { checkVersionString, nearestValidVersions, suggestNextVersions } from '../versioning';
import { topLevelStrings } from './jsonPaths';
import { DIAGNOSTIC_SOURCE } from './serverJsonDiagnostics';

const REFUSED = new Set(['version-looks-like-range', 'reserved-version-string', 'version-empty']);
const TAKEN = 'version-already-published';
const BUMP_COMMAND = 'mcpVersions.bumpVersion';
const MAX_FIXES = 3;

/** The server's versions on the target registry (deleted ones included), or undefined when they cannot be had. */
export type TakenVersions = (serverName: string) => Promise<readonly string[] | undefined>;

export class VersionQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly taken: TakenVersions) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const wanted = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (REFUSED.has(codeOf(d)) || codeOf(d) === TAKEN));
    if (wanted.length === 0) return [];
    const text = document.getText();
    const root = parseTree(text);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of wanted) {
      const node = root && findNodeAtOffset(root, document.offsetAt(diagnostic.range.start) + 1);
      if (node?.type !== 'string' || typeof node.value !== 'string') continue;
      const path = getNodePath(node);
      const isServerVersion = path.length === 1 && path[0] === 'version';
      if (codeOf(diagnostic) === TAKEN) {
        if (isServerVersion) actions.push(bumpAction(document.uri, diagnostic));
        continue;
      }
      const name = topLevelStrings(text, ['name']).name;
      const taken = isServerVersion && name ? (await this.taken(name)) ?? [] : [];
      const candidates = isServerVersion ? serverCandidates(node.value, taken) : packageCandidates(node.value, topLevelStrings(text, ['version']).version);
      candidates.forEach((version, index) => actions.push(replaceAction(document, node, version, diagnostic, index === 0)));
    }
    return actions;
  }
}

/** Nearest versions to the refused one; for "latest" or "" the next free versions from what is published. */
function serverCandidates(value: string, taken: readonly string[]): string[] {
  const nearest = nearestValidVersions(value, { taken, limit: MAX_FIXES });
  if (nearest.length > 0) return nearest;
  return suggestNextVersions({ existing: taken })
    .filter((s) => s.kind === 'first' || s.kind === 'patch' || s.kind === 'minor' || s.kind === 'major')
    .map((s) => s.version)
    .slice(0, MAX_FIXES);
}

/** A package's own version: the nearest ones, or the server version when it is accepted. */
function packageCandidates(value: string, serverVersion: string | undefined): string[] {
  const nearest = nearestValidVersions(value, { limit: MAX_FIXES });
  if (nearest.length > 0) return nearest;
  return serverVersion !== undefined && serverVersion !== value && checkVersionString(serverVersion).ok ? [serverVersion] : [];
}

function replaceAction(document: vscode.TextDocument, node: Node, version: string, diagnostic: vscode.Diagnostic, preferred: boolean): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t('Use {0}', version), vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(node.offset), document.positionAt(node.offset + node.length)), JSON.stringify(version));
  action.edit = edit;
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

function bumpAction(uri: vscode.Uri, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(vscode.l10n.t('Bump Version…'), vscode.CodeActionKind.QuickFix);
  action.command = { title: vscode.l10n.t('Bump Version…'), command: BUMP_COMMAND, arguments: [uri] };
  action.diagnostics = [diagnostic];
  action.isPreferred = true;
  return action;
}

function codeOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return code === undefined ? '' : typeof code === 'object' ? String(code.value) : String(code);
}
