// Every way a publish can fail, as a message the user can act on (UserFacingError with actions).
import * as vscode from 'vscode';
import { UserFacingError } from '../commands/registerCommand';
import { matchesResource, publishableNamespaces, RegistryError, type Permission } from '../registry';
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

export const showProblems = { title: 'Show Problems', run: () => vscode.commands.executeCommand('workbench.actions.view.problems') };

export function retryAction(uri: vscode.Uri) {
  return { title: 'Retry', run: () => vscode.commands.executeCommand(PUBLISH_COMMAND, uri) };
}

export function bumpAction(uri: vscode.Uri) {
  return { title: 'Bump Version', run: () => vscode.commands.executeCommand(BUMP_COMMAND, uri) };
}

export function duplicateError(ctx: FailureContext, deleted: boolean): PublishError {
  const subject = `${ctx.serverName}@${ctx.version}`;
  const why = deleted
    ? `${subject} was published to ${ctx.registry.name} before and deleted; a deleted version still holds its number.`
    : `${subject} is already published to ${ctx.registry.name} with different content.`;
  return new PublishError(`${why} Published versions cannot change: bump the version to publish this server.json.`, [bumpAction(ctx.uri)], 'duplicate');
}

/** A RegistryError from POST /publish (other than a lost connection, handled by the caller) as a PublishError. */
export function publishFailure(error: RegistryError, ctx: FailureContext): PublishError {
  const registry = ctx.registry.name;
  const status = error.status ?? 0;
  if (error.kind === 'network' || error.kind === 'timeout') {
    return new PublishError(`Could not reach ${registry}: ${error.message}. Nothing was published.`, [retryAction(ctx.uri)], 'unreachable');
  }
  if (error.isDuplicateVersion) return duplicateError(ctx, false);
  if (status === 401) {
    return new PublishError(`${registry} refused the sign-in (${error.message}). Sign in again and retry.`, signInActions(ctx.registry), 'unauthorized');
  }
  if (status === 403) return new PublishError(forbiddenMessage(error, ctx), signInActions(ctx.registry), 'forbidden');
  if (status === 429) {
    const when = error.retryAfterSeconds === undefined ? 'in a moment' : `in ${error.retryAfterSeconds} s (at ${new Date(Date.now() + error.retryAfterSeconds * 1000).toLocaleTimeString()})`;
    return new PublishError(`${registry} is rate limiting requests; nothing was published. Retry ${when}.`, [retryAction(ctx.uri)], 'rate-limited');
  }
  if (status >= 500) return new PublishError(`${registry} had an internal error (${error.message}); ${ctx.serverName}@${ctx.version} is not published.`, [retryAction(ctx.uri)], 'server-error');
  const texts = [error.detail, ...error.errors.map((e) => e.message)].filter((t): t is string => !!t);
  if (texts.some((t) => /registry validation failed for package|ownership|mcpName|mcp-name/i.test(t))) {
    return new PublishError(
      `${registry} could not verify that you own a package: ${error.message}. npm packages need "mcpName": "${ctx.serverName}" in the published package.json; PyPI and NuGet need "mcp-name: ${ctx.serverName}" in the README.`,
      [retryAction(ctx.uri)],
      'ownership',
    );
  }
  if (texts.some((t) => /4\s?KB limit/i.test(t))) {
    return new PublishError(`${registry} refused the publisher-provided _meta block: ${error.message}. Shorten the publisher-provided metadata in server.json's _meta (4 KB at most).`, [], 'rejected');
  }
  const why = [error.message, error.hint].filter((t): t is string => !!t).map(asSentence).join(' ');
  return new PublishError(`${registry} refused ${ctx.serverName}@${ctx.version}: ${why} Nothing was published.`, [retryAction(ctx.uri)], 'rejected');
}

function asSentence(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function forbiddenMessage(error: RegistryError, ctx: FailureContext): string {
  const namespaces = error.namespaces ?? (ctx.permissions ? publishableNamespaces(ctx.permissions) : undefined);
  const covering = namespaces?.find((pattern) => matchesResource(pattern, ctx.serverName));
  if (covering) {
    // The namespace is not what was refused: say what the registry said, and the likely reason.
    const said = error.detail ?? error.title ?? error.message;
    const org = /^io\.github\.([^/]+)\//.exec(ctx.serverName)?.[1];
    const why = org
      ? `Publishing under a GitHub organisation also needs the Owner role in ${org} (the official registry checks it since v1.8.0); sign in again so the registry reads your current rights.`
      : 'Sign in again so the registry reads your current rights.';
    return `${ctx.registry.name} refused to publish ${ctx.serverName}@${ctx.version} (HTTP 403: ${asSentence(said)}) Your sign-in covers ${covering}, so the namespace is not the reason. ${why} Nothing was published.`;
  }
  const allowed = namespaces === undefined
    ? 'Your sign-in has no permission for it.'
    : namespaces.length === 0
      ? 'Your sign-in may not publish to any namespace.'
      : `Your sign-in may publish to ${namespaces.join(', ')}.`;
  let message = `You cannot publish ${ctx.serverName} to ${ctx.registry.name}. ${allowed}`;
  const org = /^io\.github\.([^/]+)\//.exec(ctx.serverName)?.[1];
  if (org && !(namespaces ?? []).some((n) => n.startsWith(`io.github.${org}/`))) {
    message += ` To publish under io.github.${org}/*, you must be an Owner of the ${org} organisation on GitHub, and sign in with a token that can read organisation memberships (read:org scope, or Members: read for a fine-grained token).`;
  }
  return message;
}
