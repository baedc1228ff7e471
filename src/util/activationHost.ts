import * as vscode from 'vscode';

/**
 * What activation registered before the features were loaded (src/extension.ts): the views VS Code shows, the
 * serializer that restores webview panels, the content providers of the extension's schemes. A feature takes
 * its part here instead of registering it again.
 */
export interface ActivationHost {
  /** The view `id` (contributed in package.json), now showing `provider`'s data. */
  treeView<T>(id: string, provider: vscode.TreeDataProvider<T>): vscode.TreeView<T>;
  /** Restores the webview panels of `viewType` with `serializer`. */
  webviewSerializer(viewType: string, serializer: vscode.WebviewPanelSerializer): vscode.Disposable;
  /** Serves the documents of `scheme` with `provider`. */
  contentProvider(scheme: string, provider: vscode.TextDocumentContentProvider): vscode.Disposable;
}
