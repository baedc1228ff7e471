// Problems of every server.json in the workspace (and any open one), live as it is edited: the checks of
// src/serverJson with the official schema, the package.json / pyproject.toml next to it and the versions
// already on the target registry.
import * as vscode from 'vscode';
import type { Problem, QuickFix, ValidationContext, WorkspaceFile } from '../serverJson';
import type { PublishedVersionsCache } from '../workspace/publishedVersions';
import type { WorkspaceRegistry } from '../workspace/registryForWorkspace';
import { isServerJson, readText, type ServerJsonFiles } from '../workspace/serverJsonFiles';
import { topLevelStrings } from './jsonPaths';
import { onDidChangeShownDocuments, withoutSyntaxVsCodeReports } from './jsonService';
import { LineIndex } from './lineIndex';
import type { SchemaStore } from './schemaStore';
import { SETTING } from '../util/settings';

export const DIAGNOSTIC_SOURCE = 'MCP Versions';
export const DEBOUNCE_MS = 150;
const MANIFESTS = ['package.json', 'pyproject.toml'] as const;

export interface DiagnosticsUpdate {
  readonly uri: vscode.Uri;
  /** The document version validated, for open documents. */
  readonly version: number | undefined;
  readonly count: number;
  /** Gathering the inputs, validating and publishing the diagnostics (the debounce delay excluded). */
  readonly ms: number;
}

interface StoredFix {
  readonly range: vscode.Range;
  readonly code: string;
  readonly message: string;
  readonly fix: QuickFix;
}

export interface FixSet {
  readonly version: number | undefined;
  readonly text: string;
  readonly fixes: StoredFix[];
  /** The text of each other file (by uri) the fixes were computed against. */
  readonly otherFiles: Map<string, string>;
}

const SEVERITIES: Record<Problem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class ServerJsonDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('mcp-versions');
  private readonly fixSets = new Map<string, FixSet>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly generations = new Map<string, number>();
  private readonly running = new Set<Promise<void>>();
  private readonly manifestTexts = new Map<string, Promise<string | undefined>>();
  private readonly updated = new vscode.EventEmitter<DiagnosticsUpdate>();
  readonly onDidUpdate = this.updated.event;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly files: ServerJsonFiles,
    private readonly registry: WorkspaceRegistry,
    private readonly cache: PublishedVersionsCache,
    private readonly schemas: SchemaStore,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const manifestWatcher = vscode.workspace.createFileSystemWatcher('**/{package.json,pyproject.toml}');
    const cleared = cache.onDidClear(() => this.validateAll());
    this.disposables = [
      this.collection,
      this.updated,
      manifestWatcher,
      manifestWatcher.onDidChange((uri) => this.manifestChanged(uri)),
      manifestWatcher.onDidCreate((uri) => this.manifestChanged(uri)),
      manifestWatcher.onDidDelete((uri) => this.manifestChanged(uri)),
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document.uri, 0)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0) return;
        if (isManifest(event.document.uri)) this.manifestChanged(event.document.uri);
        else this.schedule(event.document.uri, DEBOUNCE_MS);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.schedule(document.uri, 0)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (isManifest(document.uri)) this.manifestChanged(document.uri);
        else if (isServerJson(document.uri) && !this.files.get(document.uri)) this.forget(document.uri);
      }),
      files.onDidChange((uri) => {
        if (!uri) {
          this.pruneGone();
          this.validateAll();
        }
        else if (this.files.get(uri)) this.schedule(uri, 0);
        else if (!isBeingEdited(uri)) this.forget(uri);
      }),
      registry.onDidChange(() => this.validateAll()),
      onDidChangeShownDocuments((uris) => uris.forEach((uri) => this.schedule(uri, 0))),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTING.schemaDirectory)) {
          this.schemas.reset();
          this.validateAll();
        }
        else if (event.affectsConfiguration('json.validate.enable')) this.validateAll();
      }),
      { dispose: () => cleared.dispose() },
    ];
    this.validateAll();
  }

  /** The quick fixes computed with the current diagnostics of this uri. */
  fixSet(uri: vscode.Uri): FixSet | undefined {
    return this.fixSets.get(uri.toString());
  }

  /** Resolves when no validation is scheduled or running. */
  async idle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      await Promise.all([...this.running, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
  }

  validateAll(): void {
    for (const file of this.files.all()) this.schedule(file.uri, 0);
    for (const document of vscode.workspace.textDocuments) this.schedule(document.uri, 0);
  }

  private schedule(uri: vscode.Uri, delay: number): void {
    if (!isServerJson(uri) || uri.scheme === 'git' || uri.scheme === 'output') return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.generations.set(key, (this.generations.get(key) ?? 0) + 1);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const run = this.validate(uri).catch((error: unknown) => this.log.error(`diagnostics for ${uri.fsPath} failed: ${String(error)}`));
      const tracked = run.finally(() => this.running.delete(tracked));
      this.running.add(tracked);
    }, delay));
  }

  /** Drops the diagnostics of files that left the workspace (e.g. their folder was deleted), unless unsaved edits keep them alive. */
  private pruneGone(): void {
    const gone: vscode.Uri[] = [];
    this.collection.forEach((uri) => {
      if (!this.files.get(uri) && !isBeingEdited(uri)) gone.push(uri);
    });
    for (const uri of gone) this.forget(uri);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.collection.delete(uri);
    this.fixSets.delete(uri.toString());
  }

  private async validate(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    const generation = this.generations.get(key);
    const started = performance.now();
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === key && !candidate.isClosed);
    // A document VS Code still holds for a file that left the workspace (deleted, editor closed) is not checked.
    if (!this.files.get(uri) && !isShownInTab(uri)) return this.forget(uri);
    const text = document ? document.getText() : this.files.get(uri)?.text ?? (await readText(uri));
    if (text === undefined) return this.forget(uri);
    const top = topLevelStrings(text, ['$schema', 'name']);
    // The checks (and the schema compiler behind them) are loaded with the first server.json checked.
    const [schemas, context, { validateServerJson }] = await Promise.all([this.schemas.schemasFor(top.$schema), this.contextFor(uri, top.name), import('../serverJson/validate')]);
    if (this.generations.get(key) !== generation) return;
    const problems = withoutSyntaxVsCodeReports(uri, text, validateServerJson(text, { schemas, context, shippedValidators: this.schemas.shippedValidators }));
    const positions = document ?? new LineIndex(text);
    const toRange = (start: number, end: number) => {
      const from = positions.positionAt(start);
      const to = positions.positionAt(Math.max(start, end));
      return new vscode.Range(from.line, from.character, to.line, to.character);
    };
    const fixes: StoredFix[] = [];
    const diagnostics = problems.map((problem) => {
      const range = toRange(problem.range.start, problem.range.end);
      const diagnostic = new vscode.Diagnostic(range, problem.message, SEVERITIES[problem.severity] ?? vscode.DiagnosticSeverity.Error);
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = problem.code;
      if (problem.fix) fixes.push({ range, code: problem.code, message: problem.message, fix: problem.fix });
      return diagnostic;
    });
    const otherFiles = new Map<string, string>();
    for (const file of [context.packageJson, context.pyprojectToml]) if (file) otherFiles.set(file.path, file.text);
    this.fixSets.set(key, { version: document?.version, text, fixes, otherFiles });
    this.collection.set(uri, diagnostics);
    this.updated.fire({ uri, version: document?.version, count: diagnostics.length, ms: performance.now() - started });
  }

  private async contextFor(uri: vscode.Uri, name: string | undefined): Promise<ValidationContext> {
    const folder = vscode.Uri.joinPath(uri, '..');
    const [packageJson, pyprojectToml] = await Promise.all(MANIFESTS.map((manifest) => this.manifest(vscode.Uri.joinPath(folder, manifest))));
    return { packageJson, pyprojectToml, publishedVersions: this.publishedVersions(uri, name) };
  }

  /** The versions on the target registry when already known; otherwise starts the lookup and validates again when it is back. */
  private publishedVersions(uri: vscode.Uri, name: string | undefined): string[] | undefined {
    const target = this.registry.target();
    if (!name || !target) return undefined;
    const settled = this.cache.settled(target.client, name);
    if (settled) return settled.kind === 'found' ? settled.rows.map((row) => row.version) : settled.kind === 'not-found' ? [] : undefined;
    void this.cache.lookup(target.client, name).then(() => this.schedule(uri, 0));
    return undefined;
  }

  private manifest(uri: vscode.Uri): Promise<WorkspaceFile | undefined> {
    const key = uri.toString();
    let text = this.manifestTexts.get(key);
    if (!text) {
      text = readText(uri);
      this.manifestTexts.set(key, text);
    }
    return text.then((content) => (content === undefined ? undefined : { path: key, text: content }));
  }

  private manifestChanged(uri: vscode.Uri): void {
    this.manifestTexts.delete(uri.toString());
    const folder = vscode.Uri.joinPath(uri, '..').toString();
    for (const file of this.files.all()) if (vscode.Uri.joinPath(file.uri, '..').toString() === folder) this.schedule(file.uri, DEBOUNCE_MS);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** Shown in an editor tab with unsaved changes (or not a file on disk at all): its problems stay even when the file is gone. */
function isBeingEdited(uri: vscode.Uri): boolean {
  const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
  return isShownInTab(uri) && !!document && (document.isDirty || uri.scheme !== 'file');
}

function isShownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

function isManifest(uri: vscode.Uri): boolean {
  return MANIFESTS.some((name) => uri.path.endsWith(`/${name}`));
}
