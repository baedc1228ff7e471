// Every server.json of the workspace (all folders, any depth, outside node_modules), kept current from
// the file system and from unsaved editor text.
import * as vscode from 'vscode';
import { readLocalServer, type LocalServer } from './localServer';
import { isServerJson } from '../util/serverJsonPath';

export const SERVER_JSON_GLOB = '**/server.json';
export const EXCLUDE_GLOB = '**/node_modules/**';
const DEBOUNCE_MS = 150;

export interface ServerJsonFile {
  readonly uri: vscode.Uri;
  readonly text: string;
  readonly local: LocalServer;
}

export { isServerJson };

export class ServerJsonFiles implements vscode.Disposable {
  private readonly files = new Map<string, ServerJsonFile>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly pending = new Set<Promise<void>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** A file was added, changed or removed (its uri), or the whole set was rescanned (undefined). */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];
  private scanning: Promise<void> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const watcher = vscode.workspace.createFileSystemWatcher(SERVER_JSON_GLOB);
    // A folder created or deleted as a whole (checkout, copy, rm -r) may be reported without the files inside it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      folders,
      folders.onDidCreate((uri) => this.maybeFolderCreated(uri)),
      folders.onDidDelete((uri) => this.removeUnder(uri)),
      watcher.onDidCreate((uri) => this.schedule(uri)),
      watcher.onDidChange((uri) => this.schedule(uri)),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.files.has(event.document.uri.toString())) this.schedule(event.document.uri);
      }),
      // Closing a dirty editor without saving brings the file's text back.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.files.has(document.uri.toString())) this.schedule(document.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.rescan()),
      this.changed,
    );
  }

  all(): ServerJsonFile[] {
    return [...this.files.values()].sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
  }

  get(uri: vscode.Uri): ServerJsonFile | undefined {
    return this.files.get(uri.toString());
  }

  /** Resolves when the first scan (or a running rescan) is done. */
  ready(): Promise<void> {
    return this.scanning ?? this.rescan();
  }

  /** Resolves when no file update is pending. */
  async idle(): Promise<void> {
    await this.ready();
    while (this.timers.size > 0 || this.pending.size > 0) {
      await Promise.all([...this.pending, new Promise((resolve) => setTimeout(resolve, DEBOUNCE_MS))]);
    }
  }

  rescan(): Promise<void> {
    const scan = (async () => {
      const uris = await vscode.workspace.findFiles(SERVER_JSON_GLOB, EXCLUDE_GLOB);
      const found = new Set(uris.map((uri) => uri.toString()));
      for (const key of [...this.files.keys()]) if (!found.has(key)) this.files.delete(key);
      await Promise.all(uris.map((uri) => this.load(uri, false)));
      this.log.info(`This Workspace: ${uris.length} server.json file${uris.length === 1 ? '' : 's'}`);
      this.changed.fire(undefined);
    })().catch((error: unknown) => this.log.error(`This Workspace: scanning for server.json failed: ${String(error)}`));
    this.scanning = scan;
    return scan;
  }

  private schedule(uri: vscode.Uri): void {
    if (!isServerJson(uri)) return;
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      const job = this.load(uri, true).finally(() => this.pending.delete(job));
      this.pending.add(job);
    }, DEBOUNCE_MS));
  }

  private readonly createdCandidates = new Set<string>();
  private folderTimer: ReturnType<typeof setTimeout> | undefined;

  private maybeFolderCreated(uri: vscode.Uri): void {
    if (isServerJson(uri) || /\/(node_modules|\.git)(\/|$)/.test(uri.path) || this.createdCandidates.size >= 50) return;
    this.createdCandidates.add(uri.toString());
    clearTimeout(this.folderTimer);
    this.folderTimer = setTimeout(() => {
      const candidates = [...this.createdCandidates].map((key) => vscode.Uri.parse(key));
      this.createdCandidates.clear();
      void Promise.all(candidates.map((candidate) => Promise.resolve(vscode.workspace.fs.stat(candidate)).then((stat) => stat.type & vscode.FileType.Directory, () => 0)))
        .then((kinds) => (kinds.some((kind) => kind !== 0) ? this.rescan() : undefined));
    }, DEBOUNCE_MS);
  }

  private removeUnder(folder: vscode.Uri): void {
    const prefix = `${folder.toString()}/`;
    const gone = [...this.files.keys()].filter((key) => key.startsWith(prefix));
    for (const key of gone) this.files.delete(key);
    if (gone.length > 0) this.changed.fire(undefined);
  }

  private remove(uri: vscode.Uri): void {
    if (this.files.delete(uri.toString())) this.changed.fire(uri);
  }

  private async load(uri: vscode.Uri, notify: boolean): Promise<void> {
    const text = await readText(uri);
    if (text === undefined) {
      this.remove(uri);
      return;
    }
    const previous = this.files.get(uri.toString());
    if (previous?.text === text) return;
    this.files.set(uri.toString(), { uri, text, local: readLocalServer(text) });
    if (notify) this.changed.fire(uri);
  }

  dispose(): void {
    clearTimeout(this.folderTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The editor's text when the file is open (it may be unsaved), else the file on disk; undefined if it is gone. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
  if (open && !open.isClosed) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
