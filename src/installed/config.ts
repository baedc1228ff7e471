/**
 * Reads the MCP servers of one client config file: VS Code's mcp.json (`servers`), Cursor's, Claude
 * Code's and Claude Desktop's (`mcpServers`). Text it cannot read becomes a problem, never a guess.
 */
import { getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { parseErrorWords } from '../util/jsoncErrors';
import { readCommand } from './commands';
import { argToken, programName, splitWords, type Token } from './tokens';
import type { ConfigKind, ConfigProblem, InstalledEntry, InstalledServers, JsonPath } from './types';

/** Larger config files are refused rather than parsed (a real one is a few kilobytes). */
export const MAX_CONFIG_LENGTH = 1_000_000;
/** Syntax errors after the first few are consequences of the first; they are not listed. */
const MAX_SYNTAX_PROBLEMS = 5;

const SERVERS_KEY: Record<ConfigKind, string> = { vscode: 'servers', cursor: 'mcpServers', 'claude-code': 'mcpServers', 'claude-desktop': 'mcpServers' };
const FILE_LABEL: Record<ConfigKind, string> = { vscode: 'mcp.json', cursor: '.cursor/mcp.json', 'claude-code': '.mcp.json', 'claude-desktop': 'claude_desktop_config.json' };
/** VS Code and Cursor read their files as JSONC; Claude Code and Claude Desktop read strict JSON. */
const LENIENT: Record<ConfigKind, boolean> = { vscode: true, cursor: true, 'claude-code': false, 'claude-desktop': false };

export function installedServersFrom(text: string, kind: ConfigKind): InstalledServers {
  const problems: ConfigProblem[] = [];
  const file = FILE_LABEL[kind];
  if (text.length > MAX_CONFIG_LENGTH) return { entries: [], problems: [{ message: `${file} is too large to read (${text.length} characters)` }] };
  if (text.trim() === '') return { entries: [], problems: [] };

  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: !LENIENT[kind], allowTrailingComma: LENIENT[kind], allowEmptyContent: false });
  const lines = new Lines(text);
  for (const error of errors.slice(0, MAX_SYNTAX_PROBLEMS)) problems.push(syntaxProblem(lines, error, file, kind));
  // A client does not load a file with a syntax error, so neither do we: no entries from a guess.
  if (errors.length > 0 || !root) return { entries: [], problems };
  if (root.type !== 'object') return { entries: [], problems: [at(lines, root, `${file} must contain a JSON object, not ${describe(root)}`)] };

  const serversKey = SERVERS_KEY[kind];
  const servers = lastProperty(root, serversKey);
  if (!servers) {
    const other = kind === 'vscode' ? 'mcpServers' : 'servers';
    const misplaced = lastProperty(root, other);
    if (misplaced) problems.push(at(lines, misplaced.parent ?? misplaced, `${file} lists servers under "${serversKey}", not "${other}": these are not loaded`));
    return { entries: [], problems };
  }
  if (servers.type !== 'object') return { entries: [], problems: [at(lines, servers, `"${serversKey}" must be an object of named servers, not ${describe(servers)}`)] };

  // Like JSON.parse, the last definition of a name wins; it takes the place of its last definition.
  const byKey = new Map<string, InstalledEntry>();
  const seen = new Set<string>();
  for (const property of servers.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = String(keyNode.value);
    if (seen.has(key)) {
      problems.push({ ...at(lines, keyNode, `"${key}" is defined more than once; the last definition is used`), key });
      byKey.delete(key);
    }
    seen.add(key);
    const entry = readEntry(lines, key, [serversKey, key], valueNode, kind, problems);
    if (entry) byKey.set(key, entry);
  }
  const entries = [...byKey.values()];
  return { entries, problems };
}

function readEntry(lines: Lines, key: string, jsonPath: JsonPath, node: Node, kind: ConfigKind, problems: ConfigProblem[]): InstalledEntry | undefined {
  const problem = (target: Node, message: string) => problems.push({ ...at(lines, target, message), key });
  if (node.type !== 'object') {
    problem(node, `Server "${key}" must be an object, not ${describe(node)}`);
    return undefined;
  }
  const field = (name: string) => lastProperty(node, name);
  const stringField = (name: string): string | undefined => {
    const value = field(name);
    if (!value) return undefined;
    if (value.type === 'string') return value.value as string;
    problem(value, `"${name}" of server "${key}" must be a string, not ${describe(value)}`);
    return undefined;
  };

  const common: { disabled?: true; gallery?: string | true; galleryVersion?: string } = {};
  const disabled = field('disabled');
  if (disabled?.type === 'boolean' && disabled.value === true) common.disabled = true;
  if (kind === 'vscode') {
    const gallery = field('gallery');
    if (gallery?.type === 'string' && gallery.value !== '') common.gallery = gallery.value as string;
    else if (gallery?.type === 'boolean' && gallery.value === true) common.gallery = true;
    else if (gallery && gallery.type !== 'boolean') problem(gallery, `"gallery" of server "${key}" must be a URL or true, not ${describe(gallery)}`);
    const version = stringField('version');
    if (version !== undefined && version !== '') common.galleryVersion = version;
  }

  const type = stringField('type');
  const url = stringField('url') ?? stringField('serverUrl');
  const command = stringField('command');
  if (type !== undefined && !['stdio', 'http', 'sse', 'streamable-http', 'streamableHttp'].includes(type)) {
    problem(field('type')!, `"type" of server "${key}" is "${type}"; expected "stdio", "http" or "sse"`);
  }
  if (command !== undefined && command.trim() === '' && url === undefined) {
    problem(field('command')!, `"command" of server "${key}" is empty`);
    return undefined;
  }
  if (command === undefined && url === undefined) {
    if (!field('command') && !field('url') && !field('serverUrl')) problem(node, `Server "${key}" has neither "command" nor "url"`);
    return undefined;
  }
  if (url !== undefined && (command === undefined || type === 'http' || type === 'sse')) {
    return { key, jsonPath, transport: type === 'sse' ? 'sse' : 'http', remoteUrl: url, ...common };
  }

  const argsNode = field('args');
  let args: string[] = [];
  let argTokens: Token[] = [];
  if (argsNode) {
    const items = argsNode.type === 'array' ? argsNode.children ?? [] : [];
    if (argsNode.type !== 'array' || items.some((item) => item.type !== 'string')) {
      problem(argsNode, `"args" of server "${key}" must be a list of strings`);
      return { key, jsonPath, transport: 'stdio', command: command!, local: true, ...common };
    }
    args = items.map((item) => item.value as string);
    argTokens = args.map((value, index) => argToken(value, [...jsonPath, 'args', index]));
  }
  const reading = readCommand([...commandTokens(command!, [...jsonPath, 'command']), ...argTokens]);
  return {
    key,
    jsonPath,
    transport: 'stdio',
    command: command!,
    args,
    ...(reading.package ? { package: reading.package } : {}),
    ...(reading.remoteUrl ? { remoteUrl: reading.remoteUrl, via: reading.via } : {}),
    ...(!reading.package && !reading.remoteUrl ? { local: true as const } : {}),
    ...common,
  };
}

/**
 * The command as words. A command with blanks is a whole command line ("npx -y pkg") unless it is
 * a path with blanks ("C:\\Program Files\\nodejs\\npx.cmd"), i.e. unless its first word names no
 * program we know.
 */
function commandTokens(command: string, path: JsonPath): Token[] {
  if (!/\s/.test(command.trim())) return [argToken(command, path)];
  const windows = /^[a-z]:\\|\\/i.test(command);
  const words = splitWords(command, path, windows);
  const first = words[0] ? programName(words[0].value) : '';
  return words.length > 1 && KNOWN_PROGRAMS.has(first) ? words : [argToken(command, path)];
}

const KNOWN_PROGRAMS = new Set(['npx', 'pnpx', 'bunx', 'npm', 'pnpm', 'yarn', 'bun', 'uvx', 'uv', 'pipx', 'docker', 'podman',
  'dnx', 'dotnet', 'cmd', 'powershell', 'pwsh', 'bash', 'sh', 'zsh', 'env', 'node', 'python', 'python3', 'deno']);

function lastProperty(object: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const property of object.children ?? []) {
    if (property.children?.[0]?.value === name) found = property.children[1];
  }
  return found;
}

function describe(node: Node): string {
  if (node.type === 'null') return 'null';
  if (node.type === 'array') return 'a list';
  if (node.type === 'object') return 'an object';
  const value = getNodeValue(node);
  return `the ${node.type} ${JSON.stringify(typeof value === 'string' ? value.slice(0, 60) : value)}`.slice(0, 80);
}

/** 1-based line numbers of offsets, from one pass over the text. */
class Lines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let index = text.indexOf('\n'); index >= 0; index = text.indexOf('\n', index + 1)) this.starts.push(index + 1);
  }

  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }
}

function at(lines: Lines, node: Node, message: string): ConfigProblem {
  return { message, offset: node.offset, length: node.length, line: lines.lineOf(node.offset) };
}

function syntaxProblem(lines: Lines, error: ParseError, file: string, kind: ConfigKind): ConfigProblem {
  const code = printParseErrorCode(error.error);
  const line = lines.lineOf(error.offset);
  let what = parseErrorWords(error);
  if (!LENIENT[kind] && (code === 'ValueExpected' || code === 'PropertyNameExpected') && previousNonBlank(lines.text, error.offset) === ',') {
    what = 'trailing commas are not allowed in this file';
  }
  return { message: `${file} cannot be read: ${what} on line ${line}`, offset: error.offset, length: error.length, line };
}

function previousNonBlank(text: string, offset: number): string | undefined {
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text[index])) index--;
  return index >= 0 ? text[index] : undefined;
}
