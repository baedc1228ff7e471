// VS Code's JSON language service (its own validation, completion and hover in server.json) loads the schema a
// document names in `$schema` from the network; offline, or where VS Code only downloads from trusted domains
// (1.139 does not trust static.modelcontextprotocol.io), Problems shows "Unable to load schema". This serves
// every official schema shipped in dist/schemas/official as read-only `mcp-versions-schema:` documents, and
// on request (a command, or a quick fix on that problem) points `json.schemas` in the user's settings at them.
import * as vscode from 'vscode';
import type { ActivationHost } from '../util/activationHost';
import { registerCommand, UserFacingError, type CommandContext } from '../commands/registerCommand';
import { SETTING } from '../util/settings';
import { DIAGNOSTIC_SOURCE } from './serverJsonDiagnostics';
import { BUNDLED_SCHEME, parseBundledIndex, servesBundled, withBundledSchemas, withoutBundledSchemas, type BundledSchema, type SettingsChange } from './model/jsonSchemaSettings';
import { editingSchema } from './model/editingSchema';

export const USE_BUNDLED_SCHEMAS_COMMAND = 'mcpVersions.useBundledSchemas';
export const STOP_BUNDLED_SCHEMAS_COMMAND = 'mcpVersions.stopUsingBundledSchemas';

const [JSON_SECTION, SCHEMAS_KEY] = SETTING.jsonSchemas.split('.') as [string, string];

export function registerBundledSchemas(context: vscode.ExtensionContext, ctx: CommandContext, host: ActivationHost): void {
  const dir = vscode.Uri.joinPath(context.extensionUri, 'dist', 'schemas', 'official');
  let index: Promise<BundledSchema[]> | undefined;
  const bundled = () => (index ??= readText(vscode.Uri.joinPath(dir, 'index.json')).then((text) => parseBundledIndex(JSON.parse(text)), (error: unknown) => {
    ctx.log.warn(`no bundled server.json schemas: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }));
  const userSchemas = () => vscode.workspace.getConfiguration(JSON_SECTION).inspect<unknown>(SCHEMAS_KEY)?.globalValue;
  context.subscriptions.push(
    host.contentProvider(BUNDLED_SCHEME, {
      async provideTextDocumentContent(uri) {
        const file = uri.path.replace(/^\//, '');
        if (!(await bundled()).some((schema) => schema.file === file)) throw new Error(vscode.l10n.t('No server.json schema {0} in MCP Versions', uri.toString()));
        // For completion and hover only: our own checks report the problems (see model/editingSchema.ts).
        return JSON.stringify(editingSchema(JSON.parse(await readText(vscode.Uri.joinPath(dir, file)))));
      },
    }),
    registerCommand(ctx, USE_BUNDLED_SCHEMAS_COMMAND, async (): Promise<SettingsChange> => {
      const schemas = await bundled();
      if (schemas.length === 0) throw new UserFacingError(vscode.l10n.t('This build of MCP Versions ships no server.json schemas (dist/schemas/official is missing); nothing was changed.'));
      const change = withBundledSchemas(userSchemas(), schemas);
      await vscode.workspace.getConfiguration(JSON_SECTION).update(SCHEMAS_KEY, change.value, vscode.ConfigurationTarget.Global);
      ctx.log.info(`json.schemas (user settings): ${change.added.length} official server.json schemas served by MCP Versions; kept the user's own entry for ${change.keptUsers.join(', ') || 'none'}`);
      void ctx.ui.info(change.keptUsers.length === 0
        ? vscode.l10n.t('VS Code\'s JSON validation, completion and hover now use the {0} server.json schemas shipped with MCP Versions, offline too (user setting json.schemas).', change.added.length)
        : vscode.l10n.t('VS Code\'s JSON validation now uses the server.json schemas shipped with MCP Versions (user setting json.schemas), except where your settings already name one: {0}.', change.keptUsers.join(', ')));
      return change;
    }),
    registerCommand(ctx, STOP_BUNDLED_SCHEMAS_COMMAND, async () => {
      await vscode.workspace.getConfiguration(JSON_SECTION).update(SCHEMAS_KEY, withoutBundledSchemas(userSchemas()), vscode.ConfigurationTarget.Global);
    }),
    vscode.languages.registerCodeActionsProvider([{ language: 'json' }, { language: 'jsonc' }], {
      async provideCodeActions(_document, _range, codeActionContext) {
        // VS Code's own "Unable to load schema from '<url>'" (source `json` on 1.139; the message is localized).
        const fromVsCode = codeActionContext.diagnostics.filter((diagnostic) => diagnostic.source !== DIAGNOSTIC_SOURCE && diagnostic.message.includes('://'));
        if (fromVsCode.length === 0) return [];
        const schemas = await bundled();
        const unloaded = fromVsCode.filter((diagnostic) => schemas.some((schema) => diagnostic.message.includes(schema.url) && !servesBundled(userSchemas(), schema.url)));
        if (unloaded.length === 0) return [];
        const action = new vscode.CodeAction(vscode.l10n.t('Use the server.json schemas shipped with MCP Versions (works offline)'), vscode.CodeActionKind.QuickFix);
        action.diagnostics = unloaded;
        action.command = { command: USE_BUNDLED_SCHEMAS_COMMAND, title: action.title };
        return [action];
      },
    }, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}
