/**
 * Which registry package a command line runs: npx/npm exec/pnpm dlx/yarn dlx/bunx (npm), uvx/uv tool
 * run/pipx run (PyPI), docker/podman run (OCI), dnx/dotnet tool exec (NuGet), behind wrappers such as
 * `cmd /c`, `bash -c "…"`, `powershell -Command "…"`, `env VAR=1` and full paths to the program.
 */
import validSemver from 'semver/functions/valid';
import { programName, splitToken, type Token } from './tokens';
import type { InstalledPackage, VersionSite } from './types';

export interface CommandReading {
  readonly package?: InstalledPackage;
  /** A remote reached through a local proxy (`npx mcp-remote https://…`); the proxy is `via`. */
  readonly remoteUrl?: string;
  readonly via?: InstalledPackage;
}

const MAX_UNWRAP = 8;
const SHELLS = new Set(['bash', 'sh', 'zsh', 'dash', 'ksh', 'fish']);
const MCP_REMOTE_PROXIES = new Set(['mcp-remote']);

/** Reads the package a command runs; an empty reading means a local command (or one we cannot tell). */
export function readCommand(words: readonly Token[]): CommandReading {
  const tokens = unwrap(words);
  if (tokens.length === 0) return {};
  const program = programName(tokens[0].value);
  const rest = tokens.slice(1);
  const sub = rest[0] ? rest[0].value.toLowerCase() : '';
  switch (program) {
    case 'npx': case 'pnpx': return npmRunner(program, rest, NPX_VALUE_FLAGS);
    case 'bunx': return npmRunner(program, rest, BUNX_VALUE_FLAGS);
    case 'npm': return sub === 'exec' || sub === 'x' ? npmRunner('npm', rest.slice(1), NPX_VALUE_FLAGS) : {};
    case 'pnpm': return sub === 'dlx' ? npmRunner('pnpm', rest.slice(1), PNPM_VALUE_FLAGS) : {};
    case 'yarn': return sub === 'dlx' ? npmRunner('yarn', rest.slice(1), YARN_VALUE_FLAGS) : {};
    case 'bun': return sub === 'x' ? npmRunner('bun', rest.slice(1), BUNX_VALUE_FLAGS) : {};
    case 'uvx': return pythonRunner('uvx', rest, UV_VALUE_FLAGS, '--from');
    case 'uv': return sub === 'tool' && rest[1]?.value === 'run' ? pythonRunner('uv', rest.slice(2), UV_VALUE_FLAGS, '--from') : {};
    case 'pipx': return sub === 'run' ? pythonRunner('pipx', rest.slice(1), PIPX_VALUE_FLAGS, '--spec') : {};
    case 'docker': case 'podman': return containerRunner(program, rest);
    case 'dnx': return nugetRunner('dnx', rest);
    case 'dotnet':
      if (sub === 'dnx') return nugetRunner('dotnet', rest.slice(1));
      // `dotnet tool run` runs a tool of the local manifest by its command name, not a package id.
      return sub === 'tool' && rest[1]?.value === 'exec' ? nugetRunner('dotnet', rest.slice(2)) : {};
    default: return {};
  }
}

/** Strips `cmd /c`, `bash -c "…"`, `env A=1`, `exec` in front of the real command. */
function unwrap(words: readonly Token[]): Token[] {
  let tokens = [...words];
  for (let round = 0; round < MAX_UNWRAP && tokens.length > 0; round++) {
    const program = programName(tokens[0].value);
    let next: Token[] | undefined;
    if (program === 'cmd') next = afterCmdSwitches(tokens.slice(1));
    else if (SHELLS.has(program)) next = shellScript(tokens.slice(1));
    else if (program === 'powershell' || program === 'pwsh') next = powershellCommand(tokens.slice(1));
    else if (program === 'env') next = afterEnvAssignments(tokens.slice(1));
    else if (program === 'exec' || program === 'command') next = tokens.slice(1);
    if (!next) return tokens;
    tokens = next;
  }
  return tokens;
}

function afterCmdSwitches(tokens: Token[]): Token[] | undefined {
  let index = 0;
  while (index < tokens.length && /^\/[a-z]$/i.test(tokens[index].value)) {
    const flag = tokens[index++].value.toLowerCase();
    if (flag === '/c' || flag === '/k') {
      const rest = tokens.slice(index);
      return rest.length === 1 && /\s/.test(rest[0].value.trim()) ? splitToken(rest[0], true) : rest;
    }
  }
  return undefined;
}

function shellScript(tokens: Token[]): Token[] | undefined {
  for (let index = 0; index < tokens.length; index++) {
    const flag = tokens[index].value;
    if (/^--[a-z-]+$/i.test(flag)) continue;
    if (!/^-[a-z]+$/i.test(flag)) return undefined;
    if (flag.includes('c') && tokens[index + 1]) {
      const words = splitToken(tokens[index + 1]);
      // `cd dir && npx …`, `source ~/.nvm/nvm.sh; npx …`: the last command is the server.
      const last = words.reduce((from, word, at) => (['&&', ';', '||'].includes(word.value) ? at + 1 : from), 0);
      return words.slice(last);
    }
  }
  return undefined;
}

function powershellCommand(tokens: Token[]): Token[] | undefined {
  const flag = tokens.findIndex((token) => /^-c(ommand)?$/i.test(token.value));
  if (flag < 0) return undefined;
  const rest = tokens.slice(flag + 1);
  return rest.length === 1 ? splitToken(rest[0], true) : rest;
}

function afterEnvAssignments(tokens: Token[]): Token[] {
  let index = 0;
  while (index < tokens.length) {
    const value = tokens[index].value;
    if (value === '-u' || value === '--unset') index += 2;
    else if (value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) index++;
    else break;
  }
  return tokens.slice(index);
}

// ---- options -------------------------------------------------------------------------------------

const NPX_VALUE_FLAGS = new Set(['-p', '--package', '-c', '--call', '--registry', '--cache', '--userconfig', '--loglevel',
  '--node-options', '--shell', '--script-shell', '-w', '--workspace', '--prefix', '--npm']);
const PNPM_VALUE_FLAGS = new Set(['--package', '--dir', '-C', '--reporter', '--allow-build']);
const YARN_VALUE_FLAGS = new Set(['-p', '--package']);
const BUNX_VALUE_FLAGS = new Set(['-p', '--package', '--cwd']);
const UV_VALUE_FLAGS = new Set(['--from', '--with', '-w', '--with-editable', '--with-requirements', '--python', '-p', '--index',
  '--index-url', '-i', '--extra-index-url', '--default-index', '--find-links', '-f', '--directory', '--project',
  '--config-file', '--cache-dir', '--constraints', '-c', '--overrides', '--build-constraints', '--python-platform',
  '--color', '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '--exclude-newer', '--link-mode',
  '--reinstall-package', '--upgrade-package', '-P', '--refresh-package', '--env-file', '--allow-insecure-host',
  '--config-setting', '-C', '--no-build-isolation-package', '--no-binary-package', '--only-binary-package']);
const PIPX_VALUE_FLAGS = new Set(['--spec', '--python', '--index-url', '-i', '--pip-args', '--fetch-python', '--path']);
const DOCKER_VALUE_FLAGS = new Set(['-e', '--env', '--env-file', '-v', '--volume', '--name', '--network', '--net', '-p',
  '--publish', '--mount', '-w', '--workdir', '-u', '--user', '--entrypoint', '-l', '--label', '--label-file', '--platform',
  '--pull', '--cpus', '-m', '--memory', '--memory-swap', '--add-host', '--dns', '-h', '--hostname', '--ipc', '--pid',
  '--runtime', '--restart', '--security-opt', '--cap-add', '--cap-drop', '--device', '--tmpfs', '--log-driver',
  '--log-opt', '--ulimit', '--shm-size', '--stop-signal', '--stop-timeout', '--group-add', '--cidfile', '--expose',
  '--gpus', '--volumes-from', '--link', '--network-alias', '--ip', '--ip6', '--mac-address', '--cgroupns', '--userns',
  '--uts', '--health-cmd', '--health-interval', '--health-retries', '--health-timeout', '--health-start-period',
  '--cpu-shares', '-c', '--cpuset-cpus', '--attach', '-a', '--sysctl', '--storage-opt', '--detach-keys', '--isolation',
  '--annotation', '--dns-option', '--dns-search', '--domainname', '--secret', '--arch', '--os', '--pod']);
const DOCKER_GLOBAL_VALUE_FLAGS = new Set(['--context', '-c', '--host', '-H', '--config', '--log-level', '-l',
  '--connection', '--url', '--identity', '--root', '--runroot']);
const NUGET_VALUE_FLAGS = new Set(['--version', '--source', '--add-source', '--configfile', '--framework', '-v', '--verbosity', '--arch']);

interface Scan {
  /** The first word that is no option (or the one after `--`), and its index in the list. */
  readonly positional?: number;
  /** Values of options, by option name ('--package=x' and '--package x' alike); first wins. */
  readonly values: Map<string, { token: Token; offset: number }>;
}

/** Walks options up to the first positional word; options in `valueFlags` take the next word (or `=value`). */
function scanOptions(tokens: readonly Token[], valueFlags: ReadonlySet<string>, start = 0, stopAtDoubleDash = true): Scan {
  const values = new Map<string, { token: Token; offset: number }>();
  for (let index = start; index < tokens.length; index++) {
    const value = tokens[index].value;
    if (value === '--') return stopAtDoubleDash ? { positional: tokens[index + 1] ? index + 1 : undefined, values } : { values };
    if (!value.startsWith('-') || value === '-') return { positional: index, values };
    const equals = value.indexOf('=');
    if (value.startsWith('--') && equals > 0) {
      const name = value.slice(0, equals);
      if (!values.has(name)) values.set(name, { token: tokens[index], offset: equals + 1 });
    } else if (valueFlags.has(value)) {
      if (tokens[index + 1] && !values.has(value)) values.set(value, { token: tokens[index + 1], offset: 0 });
      index++;
    } else if (!value.startsWith('--') && value.length > 2) {
      // -eFOO=1 / -p8080:80 carry their value; -it / -ip are switches, the last one may take the next word.
      if (!valueFlags.has(value.slice(0, 2)) && valueFlags.has(`-${value[value.length - 1]}`)) index++;
    }
  }
  return { values };
}

function valueOf(scan: Scan, ...names: string[]): { token: Token; offset: number } | undefined {
  for (const name of names) {
    const found = scan.values.get(name);
    if (found) return found;
  }
  return undefined;
}

// ---- npm -----------------------------------------------------------------------------------------

/** npm packages that run the user's own script (`npx tsx src/index.ts`): the server is local. */
const NPM_SCRIPT_RUNNERS = new Set(['tsx', 'ts-node', 'node', 'nodemon', 'vite-node', 'bun', 'deno', 'esno', 'jiti']);
const NPM_NAME = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/i;

function npmRunner(runner: string, tokens: readonly Token[], valueFlags: ReadonlySet<string>): CommandReading {
  const scan = scanOptions(tokens, valueFlags);
  const packageOption = valueOf(scan, '--package', '-p');
  const spec = packageOption ?? (scan.positional === undefined ? undefined : { token: tokens[scan.positional], offset: 0 });
  if (!spec) return {};
  const found = npmSpec(runner, spec.token, spec.offset);
  if (!found || NPM_SCRIPT_RUNNERS.has(found.identifier)) return {};
  if (MCP_REMOTE_PROXIES.has(found.identifier) && scan.positional !== undefined) {
    const url = tokens.slice(scan.positional + (packageOption ? 0 : 1)).find((token) => /^https?:\/\//i.test(token.value));
    if (url) return { remoteUrl: url.value, via: found };
  }
  return { package: found };
}

function npmSpec(runner: string, token: Token, offset: number): InstalledPackage | undefined {
  const text = token.value.slice(offset);
  const at = text.indexOf('@', text.startsWith('@') ? 1 : 0);
  const name = at < 0 ? text : text.slice(0, at);
  if (!NPM_NAME.test(name)) return undefined;
  const spec = at < 0 ? '' : text.slice(at + 1);
  const site = siteOf(token, offset + name.length, offset + text.length, '@');
  return withVersion({ registryType: 'npm', identifier: name, runner, versionSite: site }, spec, validSemver(spec) !== null);
}

// ---- PyPI ----------------------------------------------------------------------------------------

const PYPI_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?/;

function pythonRunner(runner: string, tokens: readonly Token[], valueFlags: ReadonlySet<string>, fromFlag: string): CommandReading {
  const scan = scanOptions(tokens, valueFlags);
  const from = valueOf(scan, fromFlag);
  const spec = from ?? (scan.positional === undefined ? undefined : { token: tokens[scan.positional], offset: 0 });
  if (!spec) return {};
  const found = pypiSpec(runner, spec.token, spec.offset);
  return found ? { package: found } : {};
}

function pypiSpec(runner: string, token: Token, offset: number): InstalledPackage | undefined {
  const text = token.value.slice(offset);
  const name = PYPI_NAME.exec(text)?.[0];
  if (!name) return undefined;
  let end = name.length;
  const extras = /^\[[^\]]*\]/.exec(text.slice(end));
  if (extras) end += extras[0].length;
  const rest = text.slice(end);
  if (rest !== '' && !/^\s*(===?|~=|!=|<=?|>=?|@)/.test(rest)) return undefined;
  // Direct references (`name @ git+https://…`, `name @ ./dir`) are no registry package.
  if (/^\s*@\s*[./~]/.test(rest) || rest.includes('://')) return undefined;
  const exact = /^\s*(?:===?|@)\s*([0-9A-Za-z][0-9A-Za-z.+!_-]*)$/.exec(rest);
  const version = exact && exact[1] !== 'latest' && !rest.includes('*') ? exact[1] : undefined;
  const spec = version ?? rest.trim().replace(/^@\s*/, '');
  const separator = rest.trimStart().startsWith('@') ? '@' : '==';
  const site = siteOf(token, offset + end, offset + text.length, separator);
  return withVersion({ registryType: 'pypi', identifier: name, runner, versionSite: site }, spec, version !== undefined);
}

// ---- OCI -----------------------------------------------------------------------------------------

const OCI_NAME = /^[a-z0-9][a-z0-9._-]*(?::[0-9]+)?(?:\/[a-z0-9][a-z0-9._-]*)*$/i;

function containerRunner(runner: string, tokens: readonly Token[]): CommandReading {
  const global = scanOptions(tokens, DOCKER_GLOBAL_VALUE_FLAGS, 0, false);
  let index = global.positional;
  if (index === undefined) return {};
  if (tokens[index].value === 'container') index++;
  if (tokens[index]?.value !== 'run') return {};
  const scan = scanOptions(tokens, DOCKER_VALUE_FLAGS, index + 1);
  return scan.positional === undefined ? {} : ociImage(runner, tokens[scan.positional]);
}

function ociImage(runner: string, token: Token): CommandReading {
  const text = token.value;
  const at = text.indexOf('@');
  const beforeDigest = at < 0 ? text : text.slice(0, at);
  const digest = at < 0 ? undefined : text.slice(at + 1);
  const colon = beforeDigest.lastIndexOf(':');
  const tag = colon > beforeDigest.lastIndexOf('/') ? beforeDigest.slice(colon + 1) : undefined;
  const name = tag === undefined ? beforeDigest : beforeDigest.slice(0, colon);
  if (!OCI_NAME.test(name) || (digest !== undefined && !/^[a-z0-9]+:[a-f0-9]{32,}$/i.test(digest))) return {};
  const site = siteOf(token, name.length, text.length, ':');
  const base: InstalledPackage = { registryType: 'oci', identifier: name, runner, versionSite: site, ...(digest ? { digest } : {}) };
  return { package: withVersion(base, tag ?? '', tag !== undefined && tag !== 'latest') };
}

// ---- NuGet ---------------------------------------------------------------------------------------

const NUGET_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const NUGET_EXACT = /^\d+(?:\.\d+){1,3}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

function nugetRunner(runner: string, tokens: readonly Token[]): CommandReading {
  const scan = scanOptions(tokens, NUGET_VALUE_FLAGS);
  if (scan.positional === undefined) return {};
  const token = tokens[scan.positional];
  const at = token.value.indexOf('@');
  const name = at < 0 ? token.value : token.value.slice(0, at);
  if (!NUGET_NAME.test(name)) return {};
  const after = scanOptions(tokens, NUGET_VALUE_FLAGS, scan.positional + 1);
  const versionOption = at < 0 ? valueOf(after, '--version') ?? valueOf(scan, '--version') : undefined;
  if (versionOption) {
    const spec = versionOption.token.value.slice(versionOption.offset);
    const site = siteOf(versionOption.token, versionOption.offset, versionOption.token.value.length, '');
    return { package: withVersion({ registryType: 'nuget', identifier: name, runner, versionSite: site }, spec, NUGET_EXACT.test(spec)) };
  }
  const spec = at < 0 ? '' : token.value.slice(at + 1);
  const site = siteOf(token, name.length, token.value.length, '@');
  return { package: withVersion({ registryType: 'nuget', identifier: name, runner, versionSite: site }, spec, NUGET_EXACT.test(spec)) };
}

// ---- shared --------------------------------------------------------------------------------------

function siteOf(token: Token, start: number, end: number, separator: string): VersionSite | undefined {
  if (!token.path || token.source === undefined || token.offset === undefined) return undefined;
  return { path: token.path, value: token.source, start: token.offset + start, end: token.offset + end, separator };
}

function withVersion(base: InstalledPackage, spec: string, exact: boolean): InstalledPackage {
  if (spec === '') return base;
  return exact ? { ...base, version: spec } : { ...base, versionSpec: spec };
}
