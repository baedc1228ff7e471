import type { EnvVar, Project } from './project';
import { isRecord, readJson, stringField, type ProjectFiles } from './projectFiles';
import type { DraftNote } from './types';

/** manifest.json of an MCP Bundle (MCPB, formerly DXT): name, version, description, user_config. */
export function mcpbProject(files: ProjectFiles, notes: DraftNote[]): Project | undefined {
  const file = 'manifest.json';
  if (!files.has(file)) return undefined;
  const manifest = readJson(files, file, notes);
  if (!manifest || !isRecord(manifest.server) || (manifest.manifest_version === undefined && manifest.dxt_version === undefined)) return undefined;
  const identifier = stringField(manifest, 'name');
  if (!identifier) return undefined;
  return {
    kind: 'mcpb',
    file,
    identifier,
    version: stringField(manifest, 'version'),
    description: stringField(manifest, 'description'),
    title: stringField(manifest, 'display_name'),
    marker: { type: 'none' },
    repositoryUrl: stringField(manifest, 'repository', 'url'),
    publishable: true,
    fields: {},
    environment: userConfigEnvironment(manifest, file),
    notes: [],
  };
}

/** Environment variables of `server.mcp_config.env` that take a `${user_config.x}` value. */
function userConfigEnvironment(manifest: Record<string, unknown>, file: string): EnvVar[] {
  const server = manifest.server as Record<string, unknown>;
  const env = isRecord(server.mcp_config) && isRecord(server.mcp_config.env) ? server.mcp_config.env : {};
  const userConfig = isRecord(manifest.user_config) ? manifest.user_config : {};
  const found: EnvVar[] = [];
  for (const [name, value] of Object.entries(env)) {
    const key = typeof value === 'string' ? /^\$\{user_config\.([^}]+)\}$/.exec(value)?.[1] : undefined;
    const option = key !== undefined && isRecord(userConfig[key]) ? userConfig[key] as Record<string, unknown> : undefined;
    if (!option) continue;
    const fallback = option.default;
    found.push({
      name,
      description: stringField(option, 'description') ?? stringField(option, 'title'),
      isSecret: option.sensitive === true || undefined,
      isRequired: option.required === true || undefined,
      default: option.sensitive !== true && (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean') ? String(fallback) : undefined,
      source: file,
    });
  }
  return found;
}
