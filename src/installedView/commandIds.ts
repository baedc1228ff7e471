// The Installed view's command ids (registered at activation; their code loads on first use).
export const INSTALLED_COMMANDS = {
  refresh: 'mcpVersions.installed.refresh',
  update: 'mcpVersions.installed.update',
  pin: 'mcpVersions.installed.pin',
  compare: 'mcpVersions.installed.compareWithLatest',
  openInRegistry: 'mcpVersions.installed.openInRegistry',
  openConfig: 'mcpVersions.installed.openConfig',
} as const;
