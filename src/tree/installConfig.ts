// The `servers` entry (plus `inputs`) of VS Code's mcp.json for one published version, the way the
// MCP gallery records an installed server ("gallery" and "version" included).
import type { Argument, KeyValueInput, Package, RemoteTransport, ServerJSON } from '../registry';

export interface McpInput {
  type: 'promptString';
  id: string;
  description: string;
  password?: boolean;
  default?: string;
}

export type McpServerEntry =
  | { type: 'stdio'; command: string; args: string[]; env?: Record<string, string>; gallery: string; version: string }
  | { type: 'http' | 'sse'; url: string; headers?: Record<string, string>; gallery: string; version: string };

export interface McpJsonSnippet {
  servers: Record<string, McpServerEntry>;
  inputs?: McpInput[];
}

/** Thrown when a version has nothing VS Code can launch (e.g. only an MCPB bundle). */
export class NotInstallableError extends Error {}

const RUNNABLE_ORDER = ['npm', 'pypi', 'oci', 'nuget'];

export function buildInstallConfig(server: ServerJSON, galleryUrl: string): McpJsonSnippet {
  const inputs = new InputCollector();
  const pkg = pickPackage(server.packages ?? []);
  let entry: McpServerEntry;
  if (pkg) entry = packageEntry(pkg, server.version, galleryUrl, inputs);
  else if (server.remotes?.length) entry = remoteEntry(server.remotes[0], server.version, galleryUrl, inputs);
  else throw new NotInstallableError(`${server.name}@${server.version} has no npm, PyPI, OCI or NuGet package and no remote`);
  const snippet: McpJsonSnippet = { servers: { [server.name]: entry } };
  if (inputs.list.length > 0) snippet.inputs = inputs.list;
  return snippet;
}

function pickPackage(packages: Package[]): Package | undefined {
  for (const type of RUNNABLE_ORDER) {
    const found = packages.find((p) => String(p.registryType).toLowerCase() === type);
    if (found) return found;
  }
  return undefined;
}

function packageEntry(pkg: Package, serverVersion: string, gallery: string, inputs: InputCollector): McpServerEntry {
  const version = pkg.version ?? serverVersion;
  const runtimeArgs = argumentsOf(pkg.runtimeArguments, inputs);
  const packageArgs = argumentsOf(pkg.packageArguments, inputs);
  const env = environmentOf(pkg.environmentVariables, inputs);
  let command: string;
  let args: string[];
  switch (String(pkg.registryType).toLowerCase()) {
    case 'npm':
      command = 'npx';
      args = [...runtimeArgs, '-y', `${pkg.identifier}@${version}`, ...packageArgs];
      break;
    case 'pypi':
      command = 'uvx';
      args = [...runtimeArgs, `${pkg.identifier}==${version}`, ...packageArgs];
      break;
    case 'oci': {
      command = 'docker';
      const envFlags = Object.keys(env ?? {}).flatMap((name) => ['-e', name]);
      args = ['run', '-i', '--rm', ...envFlags, ...runtimeArgs, pkg.identifier, ...packageArgs];
      break;
    }
    default:
      command = 'dnx';
      args = [...runtimeArgs, `${pkg.identifier}@${version}`, '--yes', ...(packageArgs.length ? ['--', ...packageArgs] : [])];
  }
  const entry: McpServerEntry = { type: 'stdio', command, args, gallery, version: serverVersion };
  if (env) entry.env = env;
  return entry;
}

function remoteEntry(remote: RemoteTransport, version: string, gallery: string, inputs: InputCollector): McpServerEntry {
  const type = remote.type === 'sse' ? 'sse' : 'http';
  const url = remote.url.replace(/\{([A-Za-z0-9_.-]+)\}/g, (_, name: string) => inputs.ref(name, remote.variables?.[name] ?? {}));
  const entry: McpServerEntry = { type, url, gallery, version };
  const headers = environmentOf(remote.headers, inputs);
  if (headers) entry.headers = headers;
  return entry;
}

/** Env vars / headers: fixed values as is, secrets and required values without a default as inputs. */
function environmentOf(items: KeyValueInput[] | undefined, inputs: InputCollector): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const item of items ?? []) {
    if (item.value !== undefined && !item.isSecret && !/\{[A-Za-z0-9_.-]+\}/.test(item.value)) out[item.name] = item.value;
    else if (item.isSecret || item.isRequired || item.value !== undefined) out[item.name] = inputs.ref(item.name, item);
    else if (item.default !== undefined) out[item.name] = item.default;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function argumentsOf(items: Argument[] | undefined, inputs: InputCollector): string[] {
  const out: string[] = [];
  for (const arg of items ?? []) {
    if (arg.type === 'positional') {
      const value = arg.value ?? arg.default;
      if (value !== undefined) out.push(value);
      else if (arg.isRequired || arg.valueHint) out.push(inputs.ref(arg.valueHint ?? 'argument', arg));
    } else {
      const value = arg.value ?? arg.default;
      if (value !== undefined) out.push(arg.name, value);
      else if (arg.isRequired) out.push(arg.name, inputs.ref(arg.name.replace(/^-+/, ''), arg));
    }
  }
  return out;
}

class InputCollector {
  readonly list: McpInput[] = [];

  ref(name: string, input: { description?: string; isSecret?: boolean; default?: string }): string {
    const id = name.replace(/[^A-Za-z0-9_.-]+/g, '_') || 'value';
    if (!this.list.some((i) => i.id === id)) {
      const entry: McpInput = { type: 'promptString', id, description: input.description?.trim() || name };
      if (input.isSecret) entry.password = true;
      if (input.default !== undefined && !input.isSecret) entry.default = input.default;
      this.list.push(entry);
    }
    return `\${input:${id}}`;
  }
}
