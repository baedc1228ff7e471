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
  const uri = await s.workspace.resolveServerJson(arg, 'Publish Version');
  const registry = await targetRegistry(s);
  await saveIfDirty(s, uri);
  const text = await readText(uri);
  if (text === undefined) throw new PublishError(`${vscode.workspace.asRelativePath(uri)} could not be read.`, [], 'invalid-local');
  const document = refuseLocalErrors(uri, text);
  const serverName = document.name as string;
  const version = document.version as string;
  const client = s.clientFor(registry.url);
  const target: TokenTarget = { name: registry.name, url: registry.url, auth: registry.auth, client };
  const ctx: FailureContext = { uri, registry, serverName, version, permissions: s.identity.permissionsFor(registry.url) };
  throwIfAborted(options.signal);

  const checks = await withProgress({ title: `Checking ${serverName}@${version} on ${registry.name}…`, cancellable: true }, async (_progress, token) => {
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
      if (error instanceof RegistryError && (error.kind === 'network' || error.kind === 'timeout')) {
        throw new PublishError(`Could not reach ${registry.name}: ${error.message}. Nothing was published.`, [retryAction(uri)], 'unreachable');
      }
      if (error instanceof RegistryError) throw publishFailure(error, ctx);
      throw error;
    }
  });

  const errors = s.issues.show(uri, text, checks.validation.issues);
  if (!checks.validation.valid || errors > 0) {
    void vscode.commands.executeCommand('workbench.actions.view.problems');
    throw new PublishError(`${registry.name} rejects ${vscode.workspace.asRelativePath(uri)}: ${errors || 'some'} problem${errors === 1 ? '' : 's'}, shown in the file. Nothing was published.`, [showProblems], 'invalid-remote');
  }
  const existing = checks.versions.find((response) => response.server.version === version);
  if (existing) {
    if (!sameDocument(existing.server as unknown as Json, document)) throw duplicateError(ctx, officialMeta(existing).status === 'deleted');
    const outcome = alreadyPublished(ctx, existing, checks.ownership);
    await finishPublish(s, outcome, { uri, release: checks.release, announce: `${serverName}@${version} is already published to ${registry.name} with exactly this server.json — nothing to do.` });
    return outcome;
  }
  const ownership = ownershipVerdict(registry.name, registry.url, checks.ownership);
  if (ownership.rejects.length > 0) {
    throw new PublishError(
      `${registry.name} would reject this publish: ${ownership.rejects.map((c) => c.message).join(' ')}`,
      [{ title: 'Publish Anyway', run: () => vscode.commands.executeCommand('mcpVersions.publishVersion', uri, { skipOwnership: true }) }],
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
  const recoveredText = response.recovered ? ' (the connection was lost after sending, but the registry has it)' : '';
  await finishPublish(s, outcome, { uri, release: checks.release, announce: `Published ${serverName}@${version} to ${registry.name}${outcome.isLatest ? ' — it is now the latest version' : ''}${recoveredText}.` });
  return outcome;
}

/** The one POST, cancellable until it is sent; a lost answer is settled by looking the version up. */
async function send(s: PublishServices, p: Prepared, body: Json, external?: AbortSignal): Promise<{ response: ServerResponse; recovered: boolean }> {
  const { ctx, client, target } = p;
  return withProgress({ title: `Publishing ${ctx.serverName}@${ctx.version} to ${ctx.registry.name}…`, cancellable: true }, async (progress, token) => {
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
            progress.report({ message: 'sent; waiting for the registry (no longer cancellable)' });
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
        progress.report({ message: 'the answer was lost; checking whether the registry has the version…' });
        const found = await lookUp(client, ctx.serverName, ctx.version);
        if (found && sameDocument(found.server as unknown as Json, p.document)) return { response: found, recovered: true };
        if (found) throw duplicateError(ctx, officialMeta(found).status === 'deleted');
        if (found === null) {
          throw new PublishError(`${ctx.serverName}@${ctx.version}: the connection to ${ctx.registry.name} failed (${error.message}), and it is not published. Retrying is safe.`, [retryAction(p.uri)], error.kind === 'http' ? 'server-error' : 'unreachable');
        }
        throw new PublishError(`The connection to ${ctx.registry.name} failed after sending (${error.message}) and the registry could not be asked whether ${ctx.serverName}@${ctx.version} was stored. Retry checks first and never publishes twice.`, [retryAction(p.uri)], 'unreachable');
      }
      if (error.isDuplicateVersion) {
        const found = await lookUp(client, ctx.serverName, ctx.version);
        if (found && sameDocument(found.server as unknown as Json, p.document)) return { response: found, recovered: true };
      }
      if (error.kind === 'http' && error.status === 422) {
        const result = await client.validate(p.document).catch(() => undefined);
        if (result && result.issues.length > 0) {
          const errors = s.issues.show(p.uri, p.text, result.issues);
          void vscode.commands.executeCommand('workbench.actions.view.problems');
          throw new PublishError(`${ctx.registry.name} rejected server.json: ${errors || result.issues.length} problem${(errors || result.issues.length) === 1 ? '' : 's'}, shown in the file. Nothing was published.`, [showProblems], 'invalid-remote');
        }
      }
      throw publishFailure(error, { ...ctx, permissions: s.identity.permissionsFor(ctx.registry.url) });
    }
  });
}

function mayHaveLanded(error: RegistryError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'parse' || (error.kind === 'http' && (error.status ?? 0) >= 500);
}

/** The version (including deleted) or null when the registry says it does not exist; undefined when it cannot be asked. */
async function lookUp(client: RegistryClient, name: string, version: string): Promise<ServerResponse | null | undefined> {
  try {
    return await client.getServerVersion(name, version, { includeDeleted: true });
  } catch (error) {
    if (error instanceof RegistryError && error.kind === 'http' && error.status === 404) return null;
    return undefined;
  }
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
    throw new PublishError('No registry to publish to: add one to the setting mcpVersions.registries.', [
      { title: 'Open Settings', run: () => vscode.commands.executeCommand('workbench.action.openSettings', 'mcpVersions.registries') },
    ], 'no-registry');
  }
  return config;
}

async function saveIfDirty(s: PublishServices, uri: vscode.Uri): Promise<void> {
  const folder = vscode.Uri.joinPath(uri, '..').toString();
  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && (d.uri.toString() === uri.toString() || (d.uri.toString().startsWith(`${folder}/`) && /(^|\/)CHANGELOG\.md$/i.test(d.uri.path))));
  if (dirty.length === 0) return;
  const names = dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(', ');
  const save = 'Save and Continue';
  const answer = await s.prompts.warning(`Save ${names} before publishing?`, { modal: true, detail: 'Publish sends the saved file; unsaved changes would not be published.' }, save);
  if (answer !== save) throw new UserCancelledError();
  for (const document of dirty) if (!(await document.save())) throw new PublishError(`${vscode.workspace.asRelativePath(document.uri)} could not be saved.`, [], 'invalid-local');
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
    const first = shown[0]?.message ?? computed[0]?.message ?? 'server.json needs a name and a version';
    throw new PublishError(`${vscode.workspace.asRelativePath(uri)} has ${count || 1} error${count > 1 ? 's' : ''} (${first}). Fix ${count > 1 ? 'them' : 'it'} before publishing.`, [showProblems], 'invalid-local');
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
