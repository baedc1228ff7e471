// The parts of the MCP SDK the live probe uses, split into a file of their own under dist/lazy/
// (with zod) and loaded at the first probe, not at activation.
export { Client } from '@modelcontextprotocol/sdk/client/index.js';
export { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
export { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
