// Runs a deploy command as a VS Code task (output in the terminal) and waits for its exit code.
import * as vscode from 'vscode';

export interface TaskRun {
  readonly exitCode: number | undefined;
}

export async function runShellTask(name: string, commandLine: string, env: Record<string, string>, token?: vscode.CancellationToken): Promise<TaskRun> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  const execution = new vscode.ShellExecution(commandLine, { env, cwd: folder?.uri.fsPath });
  const task = new vscode.Task({ type: 'mcpVersions.deploy', name }, folder ?? vscode.TaskScope.Workspace, name, 'MCP Versions', execution, []);
  task.presentationOptions = { reveal: vscode.TaskRevealKind.Always, panel: vscode.TaskPanelKind.Dedicated, clear: true };
  return new Promise<TaskRun>((resolve, reject) => {
    let running: vscode.TaskExecution | undefined;
    const disposables: vscode.Disposable[] = [];
    const finish = (run: TaskRun) => {
      for (const d of disposables) d.dispose();
      resolve(run);
    };
    disposables.push(
      vscode.tasks.onDidEndTaskProcess((e) => {
        if (e.execution === running || e.execution.task.name === name) finish({ exitCode: e.exitCode });
      }),
      vscode.tasks.onDidEndTask((e) => {
        // A task that could not start a process ends without onDidEndTaskProcess.
        if (e.execution === running) setTimeout(() => finish({ exitCode: undefined }), 500);
      }),
    );
    if (token) disposables.push(token.onCancellationRequested(() => running?.terminate()));
    vscode.tasks.executeTask(task).then(
      (execution) => {
        running = execution;
      },
      (error) => {
        for (const d of disposables) d.dispose();
        reject(error);
      },
    );
  });
}
