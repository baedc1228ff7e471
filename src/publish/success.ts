// After the registry has the version: the Registry view selects it, the optional git tag, and a message offering "Compare with Previous".
import * as vscode from 'vscode';
import type { PublishOutcome } from './model/outcome';
import { createAnnotatedTag } from './git';
import type { ReleaseContext } from './releaseContext';
import type { PublishServices } from './services';
import { displayUrl } from '../util/displayUrl';

const COMPARE_COMMAND = 'mcpVersions.version.compareWithPrevious';

export interface FinishInput {
  readonly uri: vscode.Uri;
  readonly release: ReleaseContext;
  readonly announce: string;
}

export async function finishPublish(s: PublishServices, outcome: PublishOutcome, input: FinishInput): Promise<void> {
  // The store already updated every view from the registry's answer; the Registry view also selects the version.
  const node = await s.revealVersion(outcome.registry.url, outcome.serverName, outcome.version);
  let tagText = '';
  const tag = input.release.tagToCreate;
  if (outcome.kind === 'published' && tag && input.release.git) {
    const created = await createAnnotatedTag(input.release.git.root, tag, `${outcome.serverName} ${outcome.version} published to ${outcome.registry.name}`);
    outcome.tag = created.ok ? { name: tag } : { name: tag, error: created.error };
    tagText = created.ok ? vscode.l10n.t(' Tagged {0}.', tag) : vscode.l10n.t(' The git tag {0} could not be created: {1}', tag, created.error);
    if (!created.ok) s.log.warn(`Publish: git tag ${tag} failed: ${created.error}`);
  }
  s.log.info(`Publish: ${outcome.kind} ${outcome.serverName}@${outcome.version} on ${displayUrl(outcome.registry.url)}${outcome.recovered ? ' (recovered after a lost response)' : ''}`);
  const compare = vscode.l10n.t('Compare with Previous');
  const actions = node?.row.previous !== undefined ? [compare] : [];
  void s.prompts.info(`${input.announce}${tagText}`, ...actions).then((picked) => {
    if (picked === compare) void vscode.commands.executeCommand(COMPARE_COMMAND, node);
  });
}
