// The deploy command template: `${version}`, `${environment}`, `${server}` substituted, and the same values
// passed as MCP_VERSION, MCP_ENVIRONMENT, MCP_SERVER. Values go into a shell command line, so only
// characters that need no quoting are accepted.

export interface DeployVariables {
  readonly version: string;
  readonly environment: string;
  readonly server: string;
}

const SHELL_SAFE = /^[A-Za-z0-9._+@:/~-]+$/;

export function isShellSafe(value: string): boolean {
  return SHELL_SAFE.test(value);
}

/** The command line, or throws when a value would need shell quoting. Other `${…}` are left to the shell. */
export function substituteDeployCommand(template: string, vars: DeployVariables): string {
  for (const [key, value] of Object.entries(vars)) {
    if (!isShellSafe(value)) throw new Error(`The ${key} "${value}" contains characters that are not safe in a shell command.`);
  }
  return template.replace(/\$\{(version|environment|server)\}/g, (_, key: keyof DeployVariables) => vars[key]);
}

export function deployEnvironmentVariables(vars: DeployVariables): Record<string, string> {
  return { MCP_VERSION: vars.version, MCP_ENVIRONMENT: vars.environment, MCP_SERVER: vars.server };
}
