import * as vscode from 'vscode';

/** An AbortSignal that aborts when the token is cancelled (already aborted if it is). Dispose the listener with the token. */
export function abortSignalFor(token: vscode.CancellationToken | undefined): AbortSignal | undefined {
  if (!token) return undefined;
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort(new vscode.CancellationError());
  else {
    const listener = token.onCancellationRequested(() => {
      listener.dispose();
      controller.abort(new vscode.CancellationError());
    });
  }
  return controller.signal;
}

/** A fresh token source whose signal is handed to a request; cancel it to abort the request. */
export function cancellableSignal(): { signal: AbortSignal; cancel(): void } {
  const controller = new AbortController();
  return { signal: controller.signal, cancel: () => controller.abort(new vscode.CancellationError()) };
}
