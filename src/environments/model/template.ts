// The deploy command template: `${version}`, `${environment}`, `${server}` substituted, and the same values
// always passed as MCP_VERSION, MCP_ENVIRONMENT, MCP_SERVER (the safe way: the registry accepts nearly any
// version string). Values written inline go into a shell command line, so only characters that need no
// quoting are accepted, and none that the command would read as an option or a path out of its folder.

import * as l10n from '@vscode/l10n';

export interface DeployVariables {
  readonly version: string;
  readonly environment: string;
  readonly server: string;
}

const SHELL_SAFE = /^[A-Za-z0-9._+@:/~-]+$/;
const PLACEHOLDER = /\$\{(version|environment|server)\}/g;
const ENV_NAME: Record<keyof DeployVariables, string> = { version: 'MCP_VERSION', environment: 'MCP_ENVIRONMENT', server: 'MCP_SERVER' };

export function isShellSafe(value: string): boolean {
  return SHELL_SAFE.test(value);
}

/** Why a value cannot be written inline into a command line, or undefined when it can. */
export function inlineValueProblem(value: string): string | undefined {
  if (value === '') return l10n.t('it is empty');
  if (!isShellSafe(value)) return l10n.t('it contains characters that are not safe in a shell command');
  if (value.startsWith('-')) return l10n.t('it starts with "-", so the command would read it as an option');
  if (value.startsWith('~') || value.includes(':~')) return l10n.t('it starts with "~", so the shell would read it as a home folder');
  if (value.split(/[/\\]/).includes('..')) return l10n.t('it contains a ".." path segment');
  return undefined;
}

/** The placeholders a template writes inline. */
export function inlinePlaceholders(template: string): (keyof DeployVariables)[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as keyof DeployVariables))];
}

/**
 * The command line, or throws (with a message for the user) when a value the template writes inline is not
 * safe there. Values the template does not use inline are not checked: they only travel as MCP_* variables.
 * Other `${…}` are left to the shell.
 */
export function substituteDeployCommand(template: string, vars: DeployVariables): string {
  for (const key of inlinePlaceholders(template)) {
    const problem = inlineValueProblem(vars[key]);
    if (problem) {
      const instead = l10n.t('Use the {0} environment variable in the deploy command instead of {1} (quoted, e.g. "{2}").', ENV_NAME[key], `\${${key}}`, `$${ENV_NAME[key]}`);
      throw new Error(`${unsafeValueSentence(key, vars[key], problem)} ${instead}`);
    }
  }
  return template.replace(PLACEHOLDER, (_, key: keyof DeployVariables) => vars[key]);
}

function unsafeValueSentence(key: keyof DeployVariables, value: string, problem: string): string {
  switch (key) {
    case 'version': return l10n.t('The version "{0}" cannot be written into the deploy command: {1}. Nothing was run.', value, problem);
    case 'environment': return l10n.t('The environment "{0}" cannot be written into the deploy command: {1}. Nothing was run.', value, problem);
    case 'server': return l10n.t('The server "{0}" cannot be written into the deploy command: {1}. Nothing was run.', value, problem);
  }
}

export function deployEnvironmentVariables(vars: DeployVariables): Record<string, string> {
  return { MCP_VERSION: vars.version, MCP_ENVIRONMENT: vars.environment, MCP_SERVER: vars.server };
}
