// Every way a publish can fail, as a message the user can act on (UserFacingError with actions).
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import { publishableNamespaces, RegistryError, type Permission } from '../registry';
import { forbiddenReason } from './model/forbidden';
import { signInActions } from '../auth';

export const PUBLISH_COMMAND = 'mcpVersions.publishVersion';
export const BUMP_COMMAND = 'mcpVersions.bumpVersion';

/** Carries what failed, for callers that look (tests, the retry logic). */
export class PublishError extends UserFacingError {
  constructor(
    message: string,
    actions: { title: string; run: () => unknown }[],
    readonly reason: PublishFailure,
  ) {
    super(message, actions);
  }
}

export type PublishFailure =
  | 'invalid-local'
  | 'invalid-remote'
  | 'duplicate'
  | 'ownership'
  | 'unauthorized'
  | 'forbidden'
  | 'rate-limited'
  | 'server-error'
  | 'unreachable'
  | 'rejected'
  | 'no-registry';

export interface FailureContext {
  readonly uri: vscode.Uri;
  readonly registry: { name: string; url: string };
  readonly serverName: string;
  readonly version: string;
  /** What the identity may publish to, when known. */
  readonly permissions?: readonly Permission[];
}

export const showProblems = { title: vscode.l10n.t('Show Problems'), run: () => vscode.commands.executeCommand('workbench.actions.view.problems') };

export function retryAction(uri: vscode.Uri) {
  return { title: vscode.l10n.t('Retry'), run: () => vscode.commands.executeCommand(PUBLISH_COMMAND, uri) };
}

export function bumpAction(uri: vscode.Uri) {
  return { title: vscode.l10n.t('Bump Version'), run: () => vscode.commands.executeCommand(BUMP_COMMAND, uri) };
}

export function duplicateError(ctx: FailureContext, deleted: boolean): PublishError {
  const subject = `${ctx.serverName}@${ctx.version}`;
  const why = deleted
    ? vscode.l10n.t('{0} was published to {1} before and deleted; a deleted version still holds its number.', subject, ctx.registry.name)
    : vscode.l10n.t('{0} is already published to {1} with different content.', subject, ctx.registry.name);
  return new PublishError(vscode.l10n.t('{0} Published versions cannot change: bump the version to publish this server.json.', why), [bumpAction(ctx.uri)], 'duplicate');
}

/** A RegistryError from POST /publish (other than a lost connection, handled by the caller) as a PublishError. */
export function publishFailure(error: RegistryError, ctx: FailureContext): PublishError {
  const registry = ctx.registry.name;
  const status = error.status ?? 0;
  if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'cut-off') {
    return new PublishError(vscode.l10n.t('{0} could not be asked: {1}. Nothing was published.', registry, error.message), [retryAction(ctx.uri)], 'unreachable');
  }
  if (error.isDuplicateVersion) return duplicateError(ctx, false);
  if (status === 401) {
    return new PublishError(vscode.l10n.t('{0} refused the sign-in ({1}). Sign in again and retry.', registry, error.message), signInActions(ctx.registry), 'unauthorized');
  }
  if (status === 403) return new PublishError(forbiddenMessage(error, ctx), signInActions(ctx.registry), 'forbidden');
  if (status === 429) {
    const when = error.retryAfterSeconds === undefined ? vscode.l10n.t('in a moment') : vscode.l10n.t('in {0} s (at {1})', error.retryAfterSeconds, new Date(Date.now() + error.retryAfterSeconds * 1000).toLocaleTimeString());
    return new PublishError(vscode.l10n.t('{0} is rate limiting requests; nothing was published. Retry {1}.', registry, when), [retryAction(ctx.uri)], 'rate-limited');
  }
  if (status >= 500) return new PublishError(vscode.l10n.t('{0} had an internal error ({1}); {2}@{3} is not published.', registry, error.message, ctx.serverName, ctx.version), [retryAction(ctx.uri)], 'server-error');
  const texts = [error.detail, ...error.errors.map((e) => e.message)].filter((t): t is string => !!t);
  if (texts.some((t) => /registry validation failed for package|ownership|mcpName|mcp-name/i.test(t))) {
    return new PublishError(
      vscode.l10n.t('{0} could not verify that you own a package: {1}. npm packages need "mcpName": "{2}" in the published package.json; PyPI and NuGet need "mcp-name: {3}" in the README.', registry, error.message, ctx.serverName, ctx.serverName),
      [retryAction(ctx.uri)],
      'ownership',
    );
  }
  if (texts.some((t) => /4\s?KB limit/i.test(t))) {
    return new PublishError(vscode.l10n.t('{0} refused the publisher-provided _meta block: {1}. Shorten the publisher-provided metadata in server.json\'s _meta (4 KB at most).', registry, error.message), [], 'rejected');
  }
  const why = [error.message, error.hint].filter((t): t is string => !!t).map(asSentence).join(' ');
  return new PublishError(vscode.l10n.t('{0} refused {1}@{2}: {3} Nothing was published.', registry, ctx.serverName, ctx.version, why), [retryAction(ctx.uri)], 'rejected');
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function forbiddenMessage(error: RegistryError, ctx: FailureContext): string {
  const namespaces = error.namespaces ?? (ctx.permissions ? publishableNamespaces(ctx.permissions) : undefined);
  const reason = forbiddenReason(ctx.serverName, namespaces);
  const org = /^io\.github\.([^/]+)\//.exec(ctx.serverName)?.[1];
  if (reason.kind === 'covered') {
    // The namespace is not what was refused: say what the registry said, and the likely reason.
    const said = error.detail ?? error.title ?? error.message;
    const why = org
      ? vscode.l10n.t('Publishing under a GitHub organisation also needs the Owner role in {0} (the official registry checks it since v1.8.0); sign in again so the registry reads your current rights.', org)
      : vscode.l10n.t('Sign in again so the registry reads your current rights.');
    return vscode.l10n.t('{0} refused to publish {1}@{2} (HTTP 403: {3}) Your sign-in covers {4}, so the namespace is not the reason. {5} Nothing was published.', ctx.registry.name, ctx.serverName, ctx.version, asSentence(said), reason.pattern, why);
  }
  if (reason.kind === 'case') {
    return vscode.l10n.t('{0} refused to publish {1}@{2}: server names are case-sensitive, and your sign-in may publish to {3}, which does not cover {1}. Rename the server to {4}. Nothing was published.', ctx.registry.name, ctx.serverName, ctx.version, reason.pattern, reason.suggestion);
  }
  const allowed = namespaces === undefined
    ? vscode.l10n.t('your sign-in has no permission for it.')
    : namespaces.length === 0
      ? vscode.l10n.t('your sign-in may not publish to any namespace.')
      : vscode.l10n.t('your sign-in may publish only to {0}, and none of these covers it.', namespaces.join(', '));
  let message = vscode.l10n.t('{0} refused to publish {1}@{2}: {3}', ctx.registry.name, ctx.serverName, ctx.version, allowed);
  if (org && !(namespaces ?? []).some((n) => n.startsWith(`io.github.${org}/`))) {
    message += vscode.l10n.t(' To publish under io.github.{0}/*, you must be an Owner of the {1} organisation on GitHub, and sign in with a token that can read organisation memberships (read:org scope, or Members: read for a fine-grained token).', org, org);
  }
  return message + vscode.l10n.t(' Nothing was published.');
}
