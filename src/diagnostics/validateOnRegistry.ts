// "Validate on Registry": POST /validate on the target registry, its issues shown as diagnostics.
import * as vscode from 'vscode';
import type { UserPrompts } from '../commands/prompts';
import { UserFacingError, withProgress } from '../commands/registerCommand';
import type { ValidationIssue } from '../registry';
import { abortSignalFor } from '../util/cancellation';
import type { WorkspaceRegistry } from '../workspace/registryForWorkspace';
import { readText, type ServerJsonFiles } from '../workspace/serverJsonFiles';
import { parseIssuePath, rangeForPath } from './jsonPaths';
import { LineIndex } from './lineIndex';
import { notShownYet } from './model/oneLine';
import { DIAGNOSTIC_SOURCE } from './serverJsonDiagnostics';

export const REGISTRY_DIAGNOSTIC_SOURCE = 'MCP Registry';

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The registry's validation issues on a file, whoever asked for them (Validate on Registry, Publish). */
export interface RegistryIssues {
  /**
   * Replaces the file's registry issues with these, placed on the lines they are about (an issue on a line
   * where the editor already shows the same severity is not shown again); returns how many are errors.
   */
  show(uri: vscode.Uri, text: string, issues: readonly ValidationIssue[]): number;
  /** Every issue the registry reported on the file, those not shown again included. */
  get(uri: vscode.Uri): readonly vscode.Diagnostic[];
}

export class RegistryValidation implements RegistryIssues, vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mcp-versions-registry');
  /** What the registry said, per file; the collection shows those of them the editor does not already show. */
  private readonly reported = new Map<string, vscode.Diagnostic[]>();
  private readonly visible = new Map<string, vscode.Diagnostic[]>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly registry: WorkspaceRegistry, files: ServerJsonFiles, private readonly ui: UserPrompts) {
    this.subscriptions = [
      // The registry's answer is about the text it was sent: drop it once the file changes or goes.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.forget(event.document.uri);
      }),
      files.onDidChange((uri) => {
        const gone: vscode.Uri[] = [];
        this.collection.forEach((candidate) => {
          if ((!uri || uri.toString() === candidate.toString()) && !files.get(candidate)) gone.push(candidate);
        });
        for (const candidate of gone) this.forget(candidate);
      }),
      // The editor's own problems come and go: show again what they stop covering, hide what they start to.
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) if (this.reported.has(uri.toString())) this.showNotRepeated(uri);
      }),
    ];
  }

  async validate(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
    const target = this.registry.target();
    if (!target) throw new UserFacingError(vscode.l10n.t('No registry is configured in mcpVersions.registries.'), [
      { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries') },
    ]);
    const text = await readText(uri);
    if (text === undefined) throw new UserFacingError(vscode.l10n.t('{0} could not be read.', vscode.workspace.asRelativePath(uri)));
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      throw new UserFacingError(vscode.l10n.t('{0} is not valid JSON ({1}); fix it before validating on the registry.', vscode.workspace.asRelativePath(uri), error instanceof Error ? error.message : String(error)), [
        { title: vscode.l10n.t('Show Problems'), run: () => vscode.commands.executeCommand('workbench.actions.view.problems') },
      ]);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw new UserFacingError(vscode.l10n.t('server.json must contain a JSON object.'));
    const result = await withProgress({ title: vscode.l10n.t('Validating on {0}…', target.name), cancellable: true }, (_progress, token) =>
      target.client.validate(body as Record<string, unknown>, { signal: abortSignalFor(token) }));
    this.show(uri, text, result.issues);
    const diagnostics = [...this.get(uri)];
    void this.summarize(target.name, result.valid, diagnostics, diagnostics.length - (this.visible.get(uri.toString())?.length ?? 0));
    return diagnostics;
  }

  show(uri: vscode.Uri, text: string, issues: readonly ValidationIssue[]): number {
    const lines = new LineIndex(text);
    const diagnostics = issues.map((issue) => toDiagnostic(issue, text, lines));
    this.reported.set(uri.toString(), diagnostics);
    this.showNotRepeated(uri);
    return diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  }

  get(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.reported.get(uri.toString()) ?? [];
  }

  private showNotRepeated(uri: vscode.Uri): void {
    const shown = vscode.languages.getDiagnostics(uri)
      .filter((d) => d.source === DIAGNOSTIC_SOURCE)
      .map((d) => ({ line: d.range.start.line, severity: d.severity }));
    const visible = notShownYet(this.get(uri), shown, (d) => ({ line: d.range.start.line, severity: d.severity }));
    const current = this.visible.get(uri.toString()) ?? [];
    // Setting the collection fires onDidChangeDiagnostics again: only set it when what is shown changes.
    if (visible.length === current.length && visible.every((d, i) => d === current[i])) return;
    this.visible.set(uri.toString(), visible);
    this.collection.set(uri, visible);
  }

  private forget(uri: vscode.Uri): void {
    this.reported.delete(uri.toString());
    this.visible.delete(uri.toString());
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.collection.dispose();
  }

  private async summarize(registryName: string, valid: boolean, diagnostics: vscode.Diagnostic[], alreadyShown: number): Promise<void> {
    const count = (severity: vscode.DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
    const errors = count(vscode.DiagnosticSeverity.Error);
    const warnings = count(vscode.DiagnosticSeverity.Warning);
    const details = [
      errors && vscode.l10n.t('{0} error{1}', errors, errors === 1 ? '' : 's'),
      warnings && vscode.l10n.t('{0} warning{1}', warnings, warnings === 1 ? '' : 's'),
      alreadyShown && vscode.l10n.t('{0} of them already shown in Problems', alreadyShown),
    ].filter(Boolean).join(', ');
    const message = valid
      ? details ? vscode.l10n.t('{0}: server.json is valid ({1}).', registryName, details) : vscode.l10n.t('{0}: server.json is valid.', registryName)
      : details ? vscode.l10n.t('{0}: server.json is not valid — {1}.', registryName, details) : vscode.l10n.t('{0}: server.json is not valid.', registryName);
    const show = vscode.l10n.t('Show Problems');
    const picked = diagnostics.length > 0 ? await this.ui.info(message, show) : await this.ui.info(message);
    if (picked === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
}

function toDiagnostic(issue: ValidationIssue, text: string, lines: LineIndex): vscode.Diagnostic {
  const { start, end } = rangeForPath(text, parseIssuePath(issue.path));
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  const message = issue.path ? `${issue.message} (${issue.path})` : issue.message;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(from.line, from.character, to.line, to.character), message, SEVERITIES[issue.severity] ?? vscode.DiagnosticSeverity.Error);
  diagnostic.source = REGISTRY_DIAGNOSTIC_SOURCE;
  diagnostic.code = issue.reference && /^https:\/\//.test(issue.reference) ? { value: issue.type, target: vscode.Uri.parse(issue.reference) } : issue.type;
  return diagnostic;
}

