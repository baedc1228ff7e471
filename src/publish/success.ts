// After the registry has the version: the workspace view and Registry tree update, the optional git
// tag, and a message offering "Compare with Previous".
import * as vscode from 'vscode';
import type { ServerResponse } from '../registry';
import type { PublishOutcome } from './flow';
import { createAnnotatedTag } from './git';
import type { ReleaseContext } from './releaseContext';
import type { PublishServices } from './services';
import { refreshAndReveal } from './treeUpdate';
import { displayUrl } from '../util/displayUrl';

const COMPARE_COMMAND = 'mcpVersions.version.compareWithPrevious';

export interface FinishInput {
  readonly uri: vscode.Uri;
  readonly release: ReleaseContext;
  readonly announce: string;
  /** Every version of the server as the registry now holds them, when known without asking again. */
  readonly versions?: readonly ServerResponse[];
}

export async function finishPublish(s: PublishServices, outcome: PublishOutcome, input: FinishInput): Promise<void> {
  // The workspace view compares its files with the registry: only a file of the workspace changed standing.
  if (s.workspace.files.get(input.uri)) s.workspace.publishedVersions.clear();
  const node = await refreshAndReveal(s.tree, outcome.registry.url, outcome.serverName, outcome.version, s.log, input.versions);
  let tagText = '';
  const tag = input.release.tagToCreate;
  if (outcome.kind === 'published' && tag && input.release.git) {
    const created = await createAnnotatedTag(input.release.git.root, tag, `${outcome.serverName} ${outcome.version} published to ${outcome.registry.name}`);
    outcome.tag = created.ok ? { name: tag } : { name: tag, error: created.error };
    tagText = created.ok ? ` Tagged ${tag}.` : ` The git tag ${tag} could not be created: ${created.error}`;
    if (!created.ok) s.log.warn(`Publish: git tag ${tag} failed: ${created.error}`);
  }
  s.log.info(`Publish: ${outcome.kind} ${outcome.serverName}@${outcome.version} on ${displayUrl(outcome.registry.url)}${outcome.recovered ? ' (recovered after a lost response)' : ''}`);
  const compare = 'Compare with Previous';
  const actions = node?.row.previous !== undefined ? [compare] : [];
  void s.prompts.info(`${input.announce}${tagText}`, ...actions).then((picked) => {
    if (picked === compare) void vscode.commands.executeCommand(COMPARE_COMMAND, node);
  });
}
