// The `mcpVersions.environments` setting, read defensively: a bad entry is reported, never thrown.

import * as l10n from '@vscode/l10n';

export interface HeaderConfig {
  readonly name: string;
  /** The value lives in SecretStorage ("Set Header Secret…"), never in settings. */
  readonly secret: boolean;
  /** Plain (non-secret) value from settings. */
  readonly value?: string;
}

export interface EnvironmentConfig {
  readonly name: string;
  /** Name of the MCP server this environment runs (as published in the registry). */
  readonly server: string;
  /** Registry name or URL from mcpVersions.registries; undefined means the first one. */
  readonly registry?: string;
  /** MCP endpoint (streamable HTTP, or legacy SSE). */
  readonly endpoint: string;
  readonly headers: readonly HeaderConfig[];
  /** Shell command template run as a task; `${version}`, `${environment}`, `${server}` substituted. */
  readonly deploy?: string;
  /** The environment a version must have been live on before it may go here. */
  readonly requires?: string;
  readonly verifyTimeoutSeconds: number;
}

export interface EnvironmentsReadResult {
  readonly environments: EnvironmentConfig[];
  /** One line per ignored entry or field, for the log and the view. */
  readonly problems: string[];
}

export const DEFAULT_VERIFY_TIMEOUT_SECONDS = 60;

const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export function readEnvironments(raw: unknown): EnvironmentsReadResult {
  const environments: EnvironmentConfig[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { environments, problems };
  if (!Array.isArray(raw)) return { environments, problems: [l10n.t('{0} must be an array', 'mcpVersions.environments')] };
  const seen = new Set<string>();
  raw.forEach((entry, index) => {
    const where = `mcpVersions.environments[${index}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push(l10n.t('{0} is not an object', where));
      return;
    }
    const e = entry as Record<string, unknown>;
    if (!nonEmpty(e.name) || !nonEmpty(e.server) || !nonEmpty(e.endpoint)) {
      problems.push(l10n.t('{0} needs name, server and endpoint', where));
      return;
    }
    const name = e.name.trim();
    if (seen.has(name)) {
      problems.push(l10n.t('{0}: environment "{1}" is defined twice; the first one is used', where, name));
      return;
    }
    if (!/^https?:\/\//i.test(e.endpoint.trim())) {
      problems.push(l10n.t('{0}: endpoint must be an http(s) URL', where));
      return;
    }
    seen.add(name);
    const timeout = typeof e.verifyTimeoutSeconds === 'number' && e.verifyTimeoutSeconds > 0 ? e.verifyTimeoutSeconds : DEFAULT_VERIFY_TIMEOUT_SECONDS;
    environments.push({
      name,
      server: e.server.trim(),
      registry: nonEmpty(e.registry) ? e.registry.trim() : undefined,
      endpoint: e.endpoint.trim(),
      headers: readHeaders(e.headers, where, problems),
      deploy: nonEmpty(e.deploy) ? e.deploy : undefined,
      requires: nonEmpty(e.requires) ? e.requires.trim() : undefined,
      verifyTimeoutSeconds: timeout,
    });
  });
  for (const env of environments) {
    if (env.requires && !environments.some((other) => other.name === env.requires)) {
      problems.push(l10n.t('environment "{0}" requires "{1}", which is not defined', env.name, env.requires));
    }
  }
  return { environments, problems };
}

function readHeaders(raw: unknown, where: string, problems: string[]): HeaderConfig[] {
  if (!Array.isArray(raw)) return [];
  const headers: HeaderConfig[] = [];
  for (const h of raw) {
    if (typeof h !== 'object' || h === null || !nonEmpty((h as Record<string, unknown>).name)) continue;
    const { name, secret, value } = h as Record<string, unknown>;
    const isSecret = secret === true;
    if (isSecret && value !== undefined) {
      problems.push(l10n.t('{0}: header "{1}" is secret; its value in settings is ignored (use "Set Header Secret…")', where, String(name)));
    }
    headers.push({ name: String(name).trim(), secret: isSecret, value: !isSecret && typeof value === 'string' ? value : undefined });
  }
  return headers;
}

/** The environment listed before `name` (the one a promotion takes its version from). */
export function previousEnvironment(environments: readonly EnvironmentConfig[], name: string): EnvironmentConfig | undefined {
  const index = environments.findIndex((e) => e.name === name);
  return index > 0 ? environments[index - 1] : undefined;
}
