// Problems of server.json files in the editor: live diagnostics, quick fixes and "Validate on Registry".
import * as vscode from 'vscode';
import { registerCommand, type CommandContext } from '../commands/registerCommand';
import type { WorkspaceServices } from '../workspace';
import { SchemaStore } from './schemaStore';
import { ServerJsonQuickFixes } from './quickFixes';
import { DEBOUNCE_MS, ServerJsonDiagnostics, type DiagnosticsUpdate } from './serverJsonDiagnostics';
import { RegistryValidation, type RegistryIssues } from './validateOnRegistry';
import { VersionQuickFixes } from './versionFixes';

export type { DiagnosticsUpdate } from './serverJsonDiagnostics';

/** What the integration tests and benchmark read through the extension's API. */
export interface DiagnosticsApi {
  readonly debounceMs: number;
  readonly onDidUpdate: vscode.Event<DiagnosticsUpdate>;
  /** Resolves when no validation is scheduled or running. */
  idle(): Promise<void>;
  /** The registry's /validate issues on files (Validate on Registry and Publish share them). */
  readonly registryIssues: RegistryIssues;
}

export function registerDiagnostics(context: vscode.ExtensionContext, ctx: CommandContext, workspace: WorkspaceServices): DiagnosticsApi {
  const schemas = new SchemaStore(context.globalStorageUri, ctx.log, undefined, vscode.Uri.joinPath(context.extensionUri, 'dist', 'schemas', 'server.schema.json'));
  const diagnostics = new ServerJsonDiagnostics(workspace.files, workspace.registry, workspace.publishedVersions, schemas, ctx.log);
  const registryValidation = new RegistryValidation(workspace.registry, workspace.files, ctx.ui);
  context.subscriptions.push(
    diagnostics,
    registryValidation,
    vscode.languages.registerCodeActionsProvider(
      [{ pattern: '**/server.json' }],
      new ServerJsonQuickFixes(diagnostics),
      ServerJsonQuickFixes.metadata,
    ),
    vscode.languages.registerCodeActionsProvider([{ pattern: '**/server.json' }], new VersionQuickFixes(async (name) => {
      const target = workspace.registry.target();
      const lookup = target && (await workspace.publishedVersions.lookup(target.client, name));
      return lookup?.kind === 'found' ? lookup.rows.map((row) => row.version) : lookup?.kind === 'not-found' ? [] : undefined;
    }), VersionQuickFixes.metadata),
    registerCommand(ctx, 'mcpVersions.validateOnRegistry', async (arg?: unknown) => {
      const uri = await workspace.resolveServerJson(arg, vscode.l10n.t('Validate on Registry'));
      return registryValidation.validate(uri);
    }),
  );
  return {
    debounceMs: DEBOUNCE_MS,
    onDidUpdate: diagnostics.onDidUpdate,
    registryIssues: registryValidation,
    async idle() {
      await workspace.files.idle();
      await diagnostics.idle();
    },
  };
}
