// Set Up Publishing in CI: writes the GitHub Actions workflow (src/init ciWorkflow) that publishes
// server.json on a version tag, and a "Create Tag" action for Bump Version once that workflow exists.
import { execFile } from 'node:child_process';
import * as vscode from 'vscode';
import { UserCancelledError, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { CI_WORKFLOW_PATH, ciWorkflow, packageKindsOf, type PackageKind } from '../init';
import { createAnnotatedTag } from '../publish/git';
import type { StartDeps } from './createServerJson';
import type { PreviewDocuments } from './newVersion';
import { exists, readText } from './readProject';

export interface CiOutcome {
  readonly uri: vscode.Uri;
  readonly yaml: string;
  readonly secrets: readonly string[];
  readonly notes: readonly string[];
}

const KIND_LABELS: Record<PackageKind, string> = { npm: 'npm', pypi: 'PyPI', nuget: 'NuGet', cargo: 'crates.io', oci: 'container image (OCI)', mcpb: 'MCP bundle (MCPB)' };

async function chooseServerJson(deps: StartDeps, arg: unknown): Promise<vscode.Uri> {
  if (arg instanceof vscode.Uri) return arg;
  const found = await vscode.workspace.findFiles('**/server.json', '**/node_modules/**', 50);
  if (found.length === 0) throw new UserFacingError(vscode.l10n.t('There is no server.json in this workspace yet: create one first.'), [{ title: vscode.l10n.t('Create server.json'), run: () => vscode.commands.executeCommand('mcpVersions.createServerJson') }]);
  if (found.length === 1) return found[0];
  const picked = await deps.prompts().pick(found.map((uri) => ({ label: vscode.workspace.asRelativePath(uri, true), uri })), { title: vscode.l10n.t('Set Up Publishing in CI'), placeHolder: vscode.l10n.t('Which server.json does the workflow publish?') });
  if (!picked) throw new UserCancelledError();
  return picked.uri;
}

export async function runSetUpCiPublishing(deps: StartDeps, previews: PreviewDocuments, arg: unknown): Promise<CiOutcome> {
  const title = vscode.l10n.t('Set Up Publishing in CI');
  const serverJson = await chooseServerJson(deps, arg);
  const root = vscode.workspace.getWorkspaceFolder(serverJson)?.uri ?? vscode.Uri.joinPath(serverJson, '..');
  let parsed: unknown;
  try {
    parsed = JSON.parse((await readText(serverJson)) ?? '');
  } catch {
    throw new UserFacingError(vscode.l10n.t('{0} is not valid JSON: fix it first.', vscode.workspace.asRelativePath(serverJson)));
  }
  const kinds = packageKindsOf(parsed);
  let publishPackages: PackageKind[] = [];
  if (kinds.length > 0) {
    const picked = await deps.prompts().pickMany(kinds.map((kind) => ({ label: KIND_LABELS[kind], description: vscode.l10n.t("build and publish it before server.json"), packageKind: kind })), { title, placeHolder: vscode.l10n.t('Which packages should the workflow publish first? (none: your release process already does)') });
    if (!picked) throw new UserCancelledError();
    publishPackages = picked.map((item) => item.packageKind);
  }
  const directory = vscode.Uri.joinPath(serverJson, '..').path.slice(root.path.length).replace(/^\/+/, '');
  const workflow = ciWorkflow({ publishPackages, ...(directory ? { directory } : {}) });
  const target = vscode.Uri.joinPath(root, workflow.path);
  const edit = new vscode.WorkspaceEdit();
  let changes = true;
  if (await exists(target)) {
    const existing = await vscode.workspace.openTextDocument(target);
    if (existing.getText() !== workflow.yaml) {
      const compare = vscode.l10n.t('Compare');
      const replace = vscode.l10n.t('Replace');
      let choice = await deps.prompts().message('warning', vscode.l10n.t('{0} already exists.', workflow.path), { modal: true, detail: vscode.l10n.t('Compare it with the workflow MCP Versions would write, or replace it (Undo restores it).') }, compare, replace);
      if (choice === compare) {
        await vscode.commands.executeCommand('vscode.diff', target, previews.add(workflow.yaml, 'publish-mcp.yml'), vscode.l10n.t('{0} ↔ proposed', workflow.path));
        choice = await deps.prompts().message('warning', vscode.l10n.t('Replace {0} with the proposed workflow?', workflow.path), { modal: true }, replace);
      }
      if (choice !== replace) throw new UserCancelledError();
      edit.replace(target, new vscode.Range(new vscode.Position(0, 0), existing.positionAt(existing.getText().length)), workflow.yaml);
    } else {
      changes = false;
    }
  } else {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..')); // createFile does not make parent folders
    edit.createFile(target, { overwrite: false, contents: new TextEncoder().encode(workflow.yaml) }, { label: title, needsConfirmation: false });
  }
  if (changes && !(await vscode.workspace.applyEdit(edit))) throw new UserFacingError(vscode.l10n.t('{0} could not be written.', workflow.path));
  const document = await vscode.workspace.openTextDocument(target);
  if (document.isDirty) await document.save();
  await vscode.window.showTextDocument(document, { preview: false });
  for (const note of workflow.notes) deps.log.info(`Set Up Publishing in CI: ${note}`);
  const secrets = workflow.secrets.length > 0 ? vscode.l10n.t('Repository secrets it reads: {0}.', workflow.secrets.join(', ')) : vscode.l10n.t('It needs no stored secret: it signs in with GitHub OIDC.');
  const showLog = vscode.l10n.t('Show Log');
  void Promise.resolve(deps.prompts().message('information', `${vscode.l10n.t('{0} publishes server.json when you push a tag v<version>.', workflow.path)} ${secrets} ${workflow.notes.join(' ')}`, {}, showLog))
    .then((choice) => (choice === showLog ? deps.log.show(true) : undefined));
  return { uri: target, yaml: document.getText(), secrets: workflow.secrets, notes: workflow.notes };
}

/**
 * For Bump Version: when the project publishes from CI (the workflow file exists beside or above server.json),
 * the action that creates the annotated tag v<version> the workflow publishes on.
 */
export async function ciTagAction(serverJson: vscode.Uri, version: string, { log, ui }: CommandContext): Promise<{ title: string; run: () => Promise<void> } | undefined> {
  if (serverJson.scheme !== 'file' || !(await findWorkflow(serverJson))) return undefined;
  const tag = `v${version}`;
  return {
    title: vscode.l10n.t('Create Tag {0}', tag),
    run: async () => {
      const folder = vscode.Uri.joinPath(serverJson, '..').fsPath;
      const committed = await versionAtHead(folder);
      if (committed !== version) {
        log.warn(`Bump Version: the tag ${tag} was not created: server.json at HEAD is ${committed ?? 'not readable'}`);
        void ui.warning(vscode.l10n.t('The tag {0} was not created: server.json in the last commit is at {1}, and the workflow publishes only when the tag equals it. Commit the bump, then create the tag (git tag -a {0} -m "Release {2}").', tag, committed ?? '?', version), {});
        return;
      }
      const result = await createAnnotatedTag(folder, tag, `Release ${version}`);
      if (result.ok) {
        log.info(`Bump Version: created the tag ${tag}`);
        void ui.info(vscode.l10n.t('Created the tag {0} on the commit of the bump. Pushing it (git push origin {0}) starts the publish workflow.', tag));
      } else {
        log.warn(`Bump Version: the tag ${tag} was not created: ${result.error}`);
        void ui.warning(vscode.l10n.t('The tag {0} was not created: {1}', tag, result.error), {});
      }
    },
  };
}

/** The publish workflow in server.json's folder or above it, up to the workspace folder (or 8 levels). */
async function findWorkflow(serverJson: vscode.Uri): Promise<vscode.Uri | undefined> {
  const stop = vscode.workspace.getWorkspaceFolder(serverJson)?.uri.path;
  let dir = vscode.Uri.joinPath(serverJson, '..');
  for (let level = 0; level < 8; level++) {
    const candidate = vscode.Uri.joinPath(dir, CI_WORKFLOW_PATH);
    if (await exists(candidate)) return candidate;
    const parent = vscode.Uri.joinPath(dir, '..');
    if (dir.path === stop || parent.path === dir.path) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The version of server.json in HEAD (`git show HEAD:./server.json`), undefined when git cannot say. */
function versionAtHead(folder: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['show', 'HEAD:./server.json'], { cwd: folder, timeout: 10_000, windowsHide: true, maxBuffer: 4_000_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } }, (error, stdout) => {
      if (error) return resolve(undefined);
      try {
        const version = (JSON.parse(stdout) as { version?: unknown }).version;
        resolve(typeof version === 'string' ? version : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}
