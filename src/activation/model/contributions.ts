// What activation must register before the features load: everything package.json says VS Code may ask for.

/** The commands, views, webview panel types and schemes VS Code may ask the extension for. */
export interface Contributions {
  commands: readonly string[];
  views: readonly string[];
  webviewPanels: readonly string[];
  schemes: readonly string[];
}

export function contributionsOf(manifest: unknown): Contributions {
  const m = manifest as { contributes?: { commands?: { command: string }[]; views?: Record<string, { id: string }[]> }; activationEvents?: string[] };
  const events = (prefix: string) => (m.activationEvents ?? []).filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length));
  return {
    commands: [...new Set([...(m.contributes?.commands ?? []).map((c) => c.command), ...events('onCommand:')])],
    views: Object.values(m.contributes?.views ?? {}).flat().map((v) => v.id),
    webviewPanels: events('onWebviewPanel:'),
    schemes: events('onFileSystem:'),
  };
}
