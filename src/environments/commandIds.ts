// The Environments view's command ids (registered at activation; their code loads on first use).
export const COMMANDS = {
  refresh: 'mcpVersions.environments.refresh',
  deployVersion: 'mcpVersions.environments.deployVersion',
  deployToEnvironment: 'mcpVersions.environments.deployToEnvironment',
  promote: 'mcpVersions.environments.promote',
  rollBack: 'mcpVersions.environments.rollBack',
  setHeaderSecret: 'mcpVersions.environments.setHeaderSecret',
  configure: 'mcpVersions.environments.configure',
} as const;
