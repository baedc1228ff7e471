// HTTP plumbing: path normalisation (308, %00, 404 hints), bodies (size, content type, JSON), faults,
// the /_local control routes, and writing replies.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { checkFaultRule, FaultSet, type FaultRule } from './faults';
import { jsonReply, problemReply, ProblemError, statusTitle, type Reply } from './problem';
import { handleApi, type RouteContext } from './routes';

export interface HttpOptions {
  ctx: RouteContext;
  faults: FaultSet;
  maxBodyBytes: number;
  /** Required in the `x-local-registry-secret` header of every `/_local/*` request. */
  controlSecret: string;
  log: (line: string) => void;
  onRequest: (method: string, path: string) => void;
}

const API_PREFIX = /^\/(v0\.1|v0)(\/.*)$/;
export const CONTROL_SECRET_HEADER = 'x-local-registry-secret';
export const MAX_JSON_DEPTH = 64;
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;
const LOOPBACK_ORIGIN = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d{1,5})?$/i;

/** Only loopback names: a page on another name that resolves to 127.0.0.1 (DNS rebinding) is refused. */
export function isLoopbackHost(host: string | undefined): boolean {
  return host !== undefined && LOOPBACK_HOST.test(host.trim());
}

/** Whether a JSON text nests arrays/objects deeper than `max` (one linear pass, strings skipped). */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

function secretMatches(given: string | string[] | undefined, secret: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<{ data: Buffer; tooLarge: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve({ data: Buffer.concat(chunks), tooLarge }));
    req.on('error', reject);
  });
}

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined || value.trim() === '') return true;
  const type = value.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json') || type === 'text/json';
}

function bodyReader(req: IncomingMessage, maxBytes: number): (optional?: boolean) => Promise<unknown> {
  let pending: Promise<{ data: Buffer; tooLarge: boolean }> | undefined;
  return async (optional = false) => {
    pending ??= readBody(req, maxBytes);
    const { data, tooLarge } = await pending;
    if (tooLarge) throw new ProblemError(413, `request body is too large (limit ${maxBytes} bytes)`);
    if (data.length === 0) {
      if (optional) return {};
      throw new ProblemError(400, 'request body is required');
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      throw new ProblemError(415, `unsupported content type ${req.headers['content-type']}; expected application/json`);
    }
    const text = data.toString('utf8');
    if (jsonNestsDeeperThan(text, MAX_JSON_DEPTH)) throw new ProblemError(400, `request body nests deeper than ${MAX_JSON_DEPTH} levels`);
    try {
      return JSON.parse(text) as unknown;
    } catch (err) {
      throw new ProblemError(400, 'request body is not valid JSON', [{ message: (err as Error).message, location: 'body' }]);
    }
  };
}

/** CORS for loopback origins only (a local web tool), never `*`: requests may carry Authorization. */
function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin !== undefined && LOOPBACK_ORIGIN.test(origin) ? { 'access-control-allow-origin': origin, vary: 'Origin' } : { vary: 'Origin' };
}

function render(reply: Reply, origin?: string): { head: Record<string, string>; payload: Buffer } {
  const payload = typeof reply.body === 'string' ? Buffer.from(reply.body) : reply.body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(reply.body));
  const head: Record<string, string> = {
    'content-type': reply.contentType ?? 'application/json',
    'content-length': String(payload.length),
    ...corsHeaders(origin),
    ...reply.headers,
  };
  return { head, payload };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed || res.headersSent) return;
  const { head, payload } = render(reply, res.req.headers.origin);
  res.writeHead(reply.status, head);
  res.end(payload);
}

function errorReply(err: unknown, log: (line: string) => void): Reply {
  if (err instanceof ProblemError) return problemReply(err.status, err.detail, err.errors, err.headers);
  log(`internal error: ${(err as Error)?.stack ?? String(err)}`);
  return problemReply(500, 'Internal server error');
}

function notFound(pathname: string, versioned: boolean): Reply {
  return versioned ? problemReply(404, 'Endpoint not found') : problemReply(404, `Endpoint not found. Did you mean /v0.1${pathname} or /v0${pathname}?`);
}

async function localControl(req: IncomingMessage, pathname: string, faults: FaultSet, maxBodyBytes: number, secret: string): Promise<Reply> {
  // Browsers send Origin on cross-origin and on most same-origin non-GET requests; our tools never do.
  if (req.headers.origin !== undefined) throw new ProblemError(403, 'the control routes do not accept browser requests');
  if (!secretMatches(req.headers[CONTROL_SECRET_HEADER], secret)) {
    throw new ProblemError(403, `the control routes need this run's secret in the ${CONTROL_SECRET_HEADER} header (printed when the registry starts)`);
  }
  const id = /^\/_local\/faults\/([^/]+)$/.exec(pathname)?.[1];
  if (pathname === '/_local/faults') {
    if (req.method === 'GET') return jsonReply({ faults: faults.list() });
    if (req.method === 'DELETE') {
      faults.clear();
      return jsonReply({ cleared: true });
    }
    if (req.method === 'POST') {
      const rule = await bodyReader(req, maxBodyBytes)();
      const errors = checkFaultRule(rule);
      if (errors.length > 0) throw new ProblemError(422, 'validation failed', errors);
      return jsonReply({ id: faults.add(rule as FaultRule) });
    }
    throw new ProblemError(405, 'Method not allowed');
  }
  if (id && req.method === 'DELETE') {
    faults.remove(decodeURIComponent(id));
    return jsonReply({ removed: true });
  }
  throw new ProblemError(404, 'Endpoint not found');
}

const FABRICATED_PARTIAL = '{"servers":[{"server":{"name":"io.modelcontextprotocol.anonymous/partial","description":"connection reset mid-body';

/** Applies a non-latency fault; returns true when the request has been dealt with. */
async function applyFault(fault: FaultRule, req: IncomingMessage, res: ServerResponse, run: () => Promise<Reply>, hanging: Set<ServerResponse>): Promise<void> {
  switch (fault.kind) {
    case 'status':
      return send(res, problemReply(fault.status ?? 500, `Injected fault: ${statusTitle(fault.status ?? 500)}`));
    case 'rate-limit':
      return send(res, problemReply(429, 'Rate limit exceeded, retry later', undefined, { 'retry-after': String(fault.retryAfterSeconds ?? 1) }));
    case 'malformed': {
      const body = '{"servers":[{"server":{"name":"io.modelcontextprotocol.anonymous/trunc';
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
      res.end(body);
      return;
    }
    case 'timeout':
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
      if (fault.ms !== undefined) setTimeout(() => res.destroy(), fault.ms).unref();
      return;
    case 'reset': {
      const readOnly = req.method === 'GET' || req.method === 'HEAD';
      let payload: Buffer;
      let head: Record<string, string>;
      let status = 200;
      if (fault.afterHandling || readOnly) {
        const reply = await run().catch((err: unknown) => errorReply(err, () => undefined));
        ({ head, payload } = render(reply, req.headers.origin));
        status = reply.status;
      } else {
        payload = Buffer.from(FABRICATED_PARTIAL.padEnd(400, ' '));
        head = { 'content-type': 'application/json', 'content-length': String(payload.length * 2) };
      }
      res.writeHead(status, { ...head, 'content-length': String(Math.max(payload.length, 64) * 2) });
      res.write(payload.subarray(0, Math.max(1, Math.floor(payload.length / 2))), () => res.destroy());
      return;
    }
    default:
      return;
  }
}

export function createRegistryServer(options: HttpOptions): { server: Server; closeHanging: () => void } {
  const { ctx, faults, maxBodyBytes, log } = options;
  const hanging = new Set<ServerResponse>();
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    void (async () => {
      const rawUrl = req.url ?? '/';
      const method = (req.method ?? 'GET').toUpperCase();
      const rawPath = rawUrl.split('?', 1)[0];
      const rawQuery = rawUrl.slice(rawPath.length + 1);
      if (!isLoopbackHost(req.headers.host)) {
        res.setHeader('connection', 'close');
        return send(res, problemReply(421, `This registry answers only loopback host names (127.0.0.1, localhost, [::1]), not ${JSON.stringify(req.headers.host ?? '')}`));
      }
      if (/%00/i.test(rawUrl) || rawUrl.includes('\0')) return send(res, problemReply(400, 'Invalid request: null bytes are not allowed in the URL'));
      if (rawPath.startsWith('/_local/')) return send(res, await localControl(req, rawPath, faults, maxBodyBytes, options.controlSecret).catch((e: unknown) => errorReply(e, log)));
      options.onRequest(method, rawPath);
      if (method === 'OPTIONS') {
        // Same CORS policy as upstream: PATCH is not among the allowed methods.
        return send(res, { status: 204, body: '', contentType: 'text/plain', headers: { 'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS', 'access-control-allow-headers': 'Authorization, Content-Type', 'access-control-max-age': '300' } });
      }
      if (rawPath.length > 1 && rawPath.endsWith('/')) {
        const location = rawPath.replace(/\/+$/, '') + (rawQuery ? `?${rawQuery}` : '');
        return send(res, { status: 308, headers: { location }, body: '', contentType: 'text/plain' });
      }
      const api = API_PREFIX.exec(rawPath);
      const readJson = bodyReader(req, maxBodyBytes);
      const run = async (): Promise<Reply> => {
        if (!api) {
          if (rawPath === '/' && method === 'GET') {
            return { status: 200, contentType: 'text/html; charset=utf-8', body: '<!doctype html><title>Local MCP Registry</title><h1>Local MCP Registry</h1><p>API: <a href="/v0.1/servers">/v0.1/servers</a></p>' };
          }
          return notFound(rawPath, false);
        }
        const reply = await handleApi(ctx, {
          method,
          path: api[2],
          query: new URLSearchParams(rawQuery),
          headers: req.headers,
          body: readJson,
        });
        return reply ?? notFound(rawPath, true);
      };
      const plan = faults.plan(method, rawPath);
      if (plan.delayMs > 0) await new Promise((r) => setTimeout(r, plan.delayMs));
      if (plan.fault) return applyFault(plan.fault, req, res, run, hanging);
      const reply = await run().catch((e: unknown) => errorReply(e, log));
      // Let the client finish sending before answering, so it sees the reply rather than EPIPE.
      await readJson(true).catch(() => undefined);
      send(res, reply);
    })().catch((err: unknown) => {
      log(`request failed: ${String(err)}`);
      if (!res.headersSent) send(res, problemReply(500, 'Internal server error'));
      else res.destroy();
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\ncontent-type: application/problem+json\r\nconnection: close\r\n\r\n{"title":"Bad Request","status":400,"detail":"Malformed HTTP request"}');
    else socket.destroy();
  });
  return {
    server,
    closeHanging: () => {
      for (const res of hanging) res.destroy();
      for (const socket of sockets) socket.destroy();
    },
  };
}
