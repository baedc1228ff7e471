// "Publish Version": pick the file and registry, save, refuse local errors, pre-flight on the registry
// (validate, existing version, latest prediction, package ownership, sign-in) in parallel, a modal
// confirmation, then one POST. A lost response is resolved by looking the version up, never by posting again.
import path from 'node:path';
import * as vscode from 'vscode';
import { UserCancelledError, withProgress } from '../commands/registerCommand';
import { getRegistryToken, withRegistryToken, type TokenTarget } from '../auth/tokens';
import { officialMeta, RegistryError, type RegistryClient, type ServerResponse } from '../registry';
import { normalizeRegistryUrl, readRegistries, type RegistryConfig } from '../registries/config';
import { validateServerJson } from '../serverJson';
import { readText } from '../workspace/serverJsonFiles';
import { abortSignalFor } from '../util/cancellation';
import { duplicateError, PublishError, publishFailure, retryAction, showProblems, type FailureContext } from './errors';
import { checkPackageOwnership, ownershipVerdict, type OwnershipCheck, type PackageRegistryBases } from './ownership';
import { attachProvenance, sameDocument, type Json } from './model/provenance';
import { releaseContext, type ReleaseContext } from './releaseContext';
import type { PublishServices } from './services';
import { lookUpVersion, mayHaveLanded } from '../store';
import type { PublishOutcome } from './model/outcome';
import { publishConfirmation } from './model/confirmation';

export type { PublishOutcome } from './model/outcome';
import { finishPublish } from './success';
import { requireTrust } from '../trust';

export interface PublishOptions {
  /** Aborts the publish while it can still be stopped (until the POST is sent). */
  signal?: AbortSignal;
  /** Publish even though npm/PyPI ownership could not be verified. */
  skipOwnership?: boolean;
  /** Where the ownership check reads npm and PyPI (tests stand in for them; the document must name the official ones). */
  packageRegistries?: PackageRegistryBases;
}

interface Prepared {
  ctx: FailureContext;
  uri: vscode.Uri;
  text: string;
  document: Json;
  registry: RegistryConfig;
  client: RegistryClient;
  target: TokenTarget;
  release: ReleaseContext;
}

export async function publishVersion(s: PublishServices, arg: unknown, options: PublishOptions = {}): Promise<PublishOutcome> {
  requireTrust(vscode.l10n.t('Publish Version'));
  const uri = await s.workspace.resolveServerJson(arg, vscode.l10n.t('Publish Version'));
  const registry = await targetRegistry(s);
  await saveIfDirty(s, uri);
  const text = await readText(uri);
  if (text === undefined) throw new PublishError(vscode.l10n.t('{0} could not be read.', vscode.workspace.asRelativePath(uri)), [], 'invalid-local');
  const document = refuseLocalErrors(uri, text);
  const serverName = document.name as string;
  const version = document.version as string;
  const client = s.clientFor(registry.url);
  const target: TokenTarget = { name: registry.name, url: registry.url, auth: registry.auth, client };
  const ctx: FailureContext = { uri, registry, serverName, version, permissions: s.identity.permissionsFor(registry.url) };
  throwIfAborted(options.signal);

  const checks = await withProgress({ title: vscode.l10n.t('Checking {0}@{1} on {2}…', serverName, version, registry.name), cancellable: true }, async (_progress, token) => {
    const signal = combine(abortSignalFor(token), options.signal);
    try {
      const packages = Array.isArray(document.packages) ? (document.packages as Json[]) : [];
      const repository = typeof document.repository === 'object' && document.repository !== null ? (document.repository as Json).url : undefined;
      const [validation, versions, ownership, release] = await Promise.all([
        client.validate(document, { signal }),
        // Fresh, through the store: the confirmation and the views after the publish start from the registry's list.
        s.store.versionsOrThrow(registry.url, serverName, { fresh: true, signal }),
        options.skipOwnership ? Promise.resolve([]) : checkPackageOwnership(serverName, packages, { signal, bases: options.packageRegistries }),
        releaseContext(uri.fsPath, version, typeof repository === 'string' ? repository : undefined, { createTag: s.gitTagEnabled(), tool: s.tool }),
        // Signing in now reports a sign-in problem before the confirmation and warms the token.
        getRegistryToken(target, signal),
      ]);
      return { validation, versions, ownership, release };
    } catch (error) {
      if (token.isCancellationRequested || options.signal?.aborted) throw new UserCancelledError();
      if (error instanceof RegistryError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'cut-off')) {
        throw new PublishError(vscode.l10n.t('{0} could not be asked before publishing: {1}. Nothing was published.', registry.name, error.message), [retryAction(uri)], 'unreachable');
      }
      if (error instanceof RegistryError) throw publishFailure(error, ctx);
      throw error;
    }
  });

  const errors = s.issues.show(uri, text, checks.validation.issues);
  if (!checks.validation.valid || errors > 0) {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new PublishError(vscode.l10n.t('{0} rejects {1}: {2} problem{3}, shown in the file. Nothing was published.', registry.name, vscode.workspace.asRelativePath(uri), errors || 'some', errors === 1 ? '' : 's'), [showProblems], 'invalid-remote');
  }
  const existing = checks.versions.find((response) => response.server.version === version);
  if (existing) {
    if (!sameDocument(existing.server as unknown as Json, document)) throw duplicateError(ctx, officialMeta(existing).status === 'deleted');
    const outcome = alreadyPublished(ctx, existing, checks.ownership);
    await finishPublish(s, outcome, { uri, release: checks.release, announce: vscode.l10n.t('{0}@{1} is already published to {2} with exactly this server.json — nothing to do.', serverName, version, registry.name) });
    return outcome;
  }
  const ownership = ownershipVerdict(registry.name, registry.url, checks.ownership);
  if (ownership.rejects.length > 0) {
    throw new PublishError(
      vscode.l10n.t('{0} would reject this publish: {1}', registry.name, ownership.rejects.map((c) => c.message).join(' ')),
      [{ title: vscode.l10n.t('Publish Anyway'), run: () => vscode.commands.executeCommand('mcpVersions.publishVersion', uri, { skipOwnership: true }) }],
      'ownership',
    );
  }

  const attached = attachProvenance(document, checks.release.input);
  const prepared: Prepared = { ctx, uri, text, document, registry, client, target, release: checks.release };
  const confirmation = publishConfirmation({
    registry,
    serverName,
    version,
    existing: checks.versions,
    ownership: checks.ownership,
    provenance: attached.provenance,
    provenanceNote: attached.note,
    now: new Date().toISOString(),
    notesMissing: checks.release.input.notes ? undefined : { changelog: checks.release.changelogPath && path.basename(checks.release.changelogPath) },
  });
  const action = confirmation.action;
  const answer = await s.prompts.warning(confirmation.message, { modal: true, detail: confirmation.detail }, action);
  if (answer !== action) throw new UserCancelledError();

  const response = await send(s, prepared, attached.body, options.signal);
  if (response.recovered) s.store.recovered(registry.url, response.response);
  const outcome: PublishOutcome = {
    kind: 'published',
    serverName,
    version,
    registry: { name: registry.name, url: registry.url },
    isLatest: officialMeta(response.response).isLatest,
    response: response.response,
    ownership: checks.ownership,
    provenance: attached.provenance,
    recovered: response.recovered || undefined,
  };
  const recoveredText = response.recovered ? vscode.l10n.t(' (the connection was lost after sending, but the registry has it)') : '';
  await finishPublish(s, outcome, { uri, release: checks.release, announce: vscode.l10n.t('Published {0}@{1} to {2}{3}{4}.', serverName, version, registry.name, outcome.isLatest ? ' — it is now the latest version' : '', recoveredText) });
  return outcome;
}

/** The one POST, cancellable until it is sent; a lost answer is settled by looking the version up. */
async function send(s: PublishServices, p: Prepared, body: Json, external?: AbortSignal): Promise<{ response: ServerResponse; recovered: boolean }> {
  const { ctx, client, target } = p;
  return withProgress({ title: vscode.l10n.t('Publishing {0}@{1} to {2}…', ctx.serverName, ctx.version, ctx.registry.name), cancellable: true }, async (progress, token) => {
    const signal = combine(abortSignalFor(token), external);
    let sent = false;
    try {
      // Through the store: the new version reaches every view from the registry's answer, and the audit trail.
      const response = await s.store.publish(ctx.registry.url, body, (post) =>
        withRegistryToken(
          target,
          (jwt) => {
            if (signal?.aborted) throw new UserCancelledError();
            sent = true;
            progress.report({ message: vscode.l10n.t('sent; waiting for the registry (no longer cancellable)') });
            return post(jwt);
          },
          signal,
        ),
      );
      return { response, recovered: false };
    } catch (error) {
      if (error instanceof UserCancelledError || (!sent && signal?.aborted)) throw new UserCancelledError();
      if (!(error instanceof RegistryError)) throw error;
      if (sent && mayHaveLanded(error)) {
        progress.report({ message: vscode.l10n.t('the answer was lost; checking whether the registry has the version…') });
        const found = await lookUpVersion(client, ctx.serverName, ctx.version);
        if (found && sameDocument(found.server as unknown as Json, p.document)) return { response: found, recovered: true };
        if (found) throw duplicateError(ctx, officialMeta(found).status === 'deleted');
        if (found === null) {
          throw new PublishError(vscode.l10n.t('{0}@{1}: the connection to {2} failed ({3}), and it is not published. Retrying is safe.', ctx.serverName, ctx.version, ctx.registry.name, error.message), [retryAction(p.uri)], error.kind === 'http' ? 'server-error' : 'unreachable');
        }
        throw new PublishError(vscode.l10n.t('The connection to {0} failed after sending ({1}) and the registry could not be asked whether {2}@{3} was stored. Retry checks first and never publishes twice.', ctx.registry.name, error.message, ctx.serverName, ctx.version), [retryAction(p.uri)], 'unreachable');
      }
      if (error.isDuplicateVersion) {
        const found = await lookUpVersion(client, ctx.serverName, ctx.version);
        if (found && sameDocument(found.server as unknown as Json, p.document)) return { response: found, recovered: true };
      }
      if (error.kind === 'http' && error.status === 422) {
        const result = await client.validate(p.document).catch(() => undefined);
        if (result && result.issues.length > 0) {
          const errors = s.issues.show(p.uri, p.text, result.issues);
          void vscode.commands.executeCommand('workbench.actions.view.problems');
          throw new PublishError(vscode.l10n.t('{0} rejected server.json: {1} problem{2}, shown in the file. Nothing was published.', ctx.registry.name, errors || result.issues.length, (errors || result.issues.length) === 1 ? '' : 's'), [showProblems], 'invalid-remote');
        }
      }
      throw publishFailure(error, { ...ctx, permissions: s.identity.permissionsFor(ctx.registry.url) });
    }
  });
}

function alreadyPublished(ctx: FailureContext, response: ServerResponse, ownership: OwnershipCheck[]): PublishOutcome {
  return {
    kind: 'already-published',
    serverName: ctx.serverName,
    version: ctx.version,
    registry: { name: ctx.registry.name, url: ctx.registry.url },
    isLatest: officialMeta(response).isLatest,
    response,
    ownership,
  };
}

async function targetRegistry(s: PublishServices): Promise<RegistryConfig> {
  const configured = readRegistries();
  let target = s.workspace.registry.target();
  if (configured.length > 1 && !s.hasRememberedTarget()) target = await s.workspace.registry.select();
  const config = target && configured.find((r) => r.url === normalizeRegistryUrl(target.url));
  if (!config) {
    throw new PublishError(vscode.l10n.t('No registry to publish to: add one to the setting mcpVersions.registries.'), [
      { title: vscode.l10n.t('Open Settings'), run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries') },
    ], 'no-registry');
  }
  return config;
}

async function saveIfDirty(s: PublishServices, uri: vscode.Uri): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..').toString();
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && (d.uri.toString() === uri.toString() || (d.uri.toString().startsWith(`${folder}/`) && /(^|\/)CHANGELOG\.md$/i.test(d.uri.path))));
  if (dirty.length === 0) return;
  const names = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
  const save = vscode.l10n.t('Save and Continue');
  const answer = await s.prompts.warning(vscode.l10n.t('Save {0} before publishing?', names), { modal: true, detail: vscode.l10n.t('Publish sends the saved file; unsaved changes would not be published.') }, save);
  if (answer !== save) throw new UserCancelledError();
  for (const document of dirty) if (!(await document.save())) throw new PublishError(vscode.l10n.t('{0} could not be saved.', vscode.workspace.asRelativePath(document.uri)), [], 'invalid-local');
}

/** The parsed document, or a PublishError when the file has errors (from the Problems view or computed now). */
function refuseLocalErrors(uri: vscode.Uri, text: string): Json {
  const shown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'MCP Versions' && d.severity === vscode.DiagnosticSeverity.Error);
  const computed = validateServerJson(text).filter((p) => p.severity === 'error');
  const count = Math.max(shown.length, computed.length);
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    document = undefined;
  }
  const isObject = typeof document === 'object' && document !== null && !Array.isArray(document);
  const named = isObject && typeof (document as Json).name === 'string' && typeof (document as Json).version === 'string';
  if (count > 0 || !named) {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    const first = shown[0]?.message ?? computed[0]?.message ?? vscode.l10n.t('server.json needs a name and a version');
    throw new PublishError(vscode.l10n.t('{0} has {1} error{2} ({3}). Fix {4} before publishing.', vscode.workspace.asRelativePath(uri), count || 1, count > 1 ? 's' : '', first, count > 1 ? 'them' : 'it'), [showProblems], 'invalid-local');
  }
  return document as Json;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new UserCancelledError();
}

function combine(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}
