import * as vscode from 'vscode';

/**
 * Registers `ids` now and loads the module that implements them at the first call of any: `register` then
 * registers the real commands under the same ids and the call is handed on to them. Keeps a feature's command
 * code out of activation. `ids` must be every id `register` registers (take both from one constant).
 */
export function lazyCommands<M>(ids: readonly string[], load: () => Promise<M>, register: (module: M) => vscode.Disposable[]): vscode.Disposable {
  let registered: vscode.Disposable[] | undefined;
  let loading: Promise<void> | undefined;
  const ensure = () =>
    (loading ??= load().then((module) => {
      for (const stub of stubs) stub.dispose();
      registered = register(module);
    }));
  const stubs = ids.map((id) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      await ensure();
      return vscode.commands.executeCommand(id, ...args);
    }),
  );
  return {
    dispose: () => {
      for (const disposable of registered ?? stubs) disposable.dispose();
    },
  };
}
