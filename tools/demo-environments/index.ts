// Demo environments: real MCP servers on 127.0.0.1 that report the version they were "deployed" with.
// Each instance reads `<dir>/<environment>.json` ({ "version": … }) at every initialize, so deploy.mjs
// (which writes that file after a short delay, like a rollout) really changes what the endpoint reports.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface DemoEnvironmentOptions {
  readonly name: string;
  /** 0 or undefined: a free port. */
  readonly port?: number;
  /** Written to the state file when there is none yet. */
  readonly initialVersion?: string;
  /** Added before every answer (a far-away server). */
  readonly latencyMs?: number;
  /** Headers a request must carry (e.g. an Authorization a secret header provides); otherwise 401. */
  readonly requiredHeaders?: Readonly<Record<string, string>>;
}

export interface DemoEnvironmentsOptions {
  /** Folder of the state files (deploy.mjs --dir). */
  readonly dir: string;
  /** serverInfo.name every instance reports. */
  readonly serverName?: string;
  readonly environments: readonly DemoEnvironmentOptions[];
}

export interface DemoEnvironments {
  /** MCP endpoint URL per environment name. */
  readonly endpoints: Record<string, string>;
  /** Number of MCP requests (POSTs) each environment answered. */
  requestCount(name: string): number;
  close(): Promise<void>;
}

export const DEMO_SERVER_NAME = 'io.github.example/weather';
/** deploy.mjs in the source tree (also when this module runs transpiled from out/tools/demo-environments). */
export const DEPLOY_SCRIPT = [path.join(__dirname, 'deploy.mjs'), path.resolve(__dirname, '..', '..', '..', 'tools', 'demo-environments', 'deploy.mjs')].find((p) => existsSync(p)) ?? path.join(__dirname, 'deploy.mjs');

export function stateFile(dir: string, environment: string): string {
  return path.join(dir, `${environment}.json`);
}

/** The version in an environment's state file, or undefined when nothing was deployed yet. */
export function readDeployedVersion(dir: string, environment: string): string | undefined {
  try {
    const state = JSON.parse(readFileSync(stateFile(dir, environment), 'utf8')) as { version?: unknown };
    return typeof state.version === 'string' ? state.version : undefined;
  } catch {
    return undefined;
  }
}

export function writeDeployedVersion(dir: string, environment: string, version: string): void {
  mkdirSync(dir, { recursive: true });
  const file = stateFile(dir, environment);
  writeFileSync(`${file}.tmp`, JSON.stringify({ version, deployedAt: new Date().toISOString() }) + '\n');
  renameSync(`${file}.tmp`, file);
}

export async function startDemoEnvironments(options: DemoEnvironmentsOptions): Promise<DemoEnvironments> {
  mkdirSync(options.dir, { recursive: true });
  const servers: Server[] = [];
  const endpoints: Record<string, string> = {};
  const counts = new Map<string, number>();
  try {
    for (const env of options.environments) {
      if (env.initialVersion && !readDeployedVersion(options.dir, env.name)) writeDeployedVersion(options.dir, env.name, env.initialVersion);
      const server = createServer((req, res) => {
        if (req.method === 'POST') counts.set(env.name, (counts.get(env.name) ?? 0) + 1);
        void handle(req, res, options, env);
      });
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(env.port ?? 0, '127.0.0.1', () => resolve());
      });
      endpoints[env.name] = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
    }
  } catch (error) {
    await closeAll(servers);
    throw error;
  }
  return { endpoints, requestCount: (name) => counts.get(name) ?? 0, close: () => closeAll(servers) };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: DemoEnvironmentsOptions, env: DemoEnvironmentOptions): Promise<void> {
  try {
    if (env.latencyMs) await new Promise((r) => setTimeout(r, env.latencyMs));
    if (!new URL(req.url ?? '/', 'http://127.0.0.1').pathname.startsWith('/mcp')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    for (const [name, value] of Object.entries(env.requiredHeaders ?? {})) {
      if (req.headers[name.toLowerCase()] !== value) {
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unauthorized' }));
        return;
      }
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end();
      return;
    }
    const version = readDeployedVersion(options.dir, env.name) ?? '0.0.0';
    const mcp = new McpServer({ name: options.serverName ?? DEMO_SERVER_NAME, version });
    mcp.registerTool('environment', { description: 'Which environment and version this is.' }, () => ({
      content: [{ type: 'text', text: `${env.name} runs ${version}` }],
    }));
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    await mcp.connect(transport);
    await transport.handleRequest(req, res);
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
  }
}

async function closeAll(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (s) =>
        new Promise<void>((resolve) => {
          if (!s.listening) return resolve();
          s.close(() => resolve());
          s.closeAllConnections();
        }),
    ),
  );
}
