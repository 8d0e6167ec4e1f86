#!/usr/bin/env node
// The baseline: a minimal one-tool MCP server on the same SDK (and zod) as voxpact-mcp,
// as the SDK's README writes it. stdio by default; `--http` serves streamable HTTP the way
// the SDK's own example does (express via createMcpExpressApp, one transport per session).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { z } from 'zod';

function makeServer() {
  const server = new McpServer({ name: 'minimal', version: '1.0.0' });
  server.registerTool('echo', {
    title: 'Echo',
    description: 'Echo the text back',
    inputSchema: { text: z.string() },
    outputSchema: { text: z.string() },
  }, async ({ text }) => ({ content: [{ type: 'text', text }], structuredContent: { text } }));
  return server;
}

if (process.argv.includes('--http')) {
  const { randomUUID } = await import('node:crypto');
  const { createMcpExpressApp } = await import('@modelcontextprotocol/sdk/server/express.js');
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  const { isInitializeRequest } = await import('@modelcontextprotocol/sdk/types.js');
  const token = process.env.BENCH_TOKEN ?? 'bench';
  const app = createMcpExpressApp();
  const transports = new Map();
  // The same kind of gate voxpact-mcp has: a bearer token on every request.
  app.use((req, res, next) => (req.headers.authorization === `Bearer ${token}` ? next() : res.status(401).json({ error: 'unauthorized' })));
  app.post('/mcp', async (req, res) => {
    const sid = req.headers['mcp-session-id'];
    let transport = sid ? transports.get(sid) : undefined;
    if (!transport) {
      if (sid || !isInitializeRequest(req.body)) return res.status(400).json({ jsonrpc: '2.0', error: { code: -32000, message: 'Bad Request: No valid session ID provided' }, id: null });
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        onsessioninitialized: (id) => transports.set(id, transport),
      });
      transport.onclose = () => transport.sessionId && transports.delete(transport.sessionId);
      await makeServer().connect(transport);
    }
    await transport.handleRequest(req, res, req.body);
  });
  const session = async (req, res) => {
    const transport = transports.get(req.headers['mcp-session-id']);
    if (!transport) return res.status(400).send('Invalid or missing session ID');
    await transport.handleRequest(req, res);
  };
  app.get('/mcp', session);
  app.delete('/mcp', session);
  const srv = app.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ listening: srv.address().port }) + '\n');
  });
} else {
  await makeServer().connect(new StdioServerTransport());
}
