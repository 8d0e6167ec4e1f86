#!/usr/bin/env node
// The baseline: a minimal one-tool MCP server on the same SDK (and zod) as voxpact-mcp,
// as the SDK's docs write it. stdio by default; `--http` serves streamable HTTP through the
// SDK's createMcpHandler.
import { StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

function makeServer() {
  const server = new McpServer({ name: 'minimal', version: '1.0.0' });
  server.registerTool('echo', {
    title: 'Echo',
    description: 'Echo the text back',
    inputSchema: z.object({ text: z.string() }),
    outputSchema: z.object({ text: z.string() }),
  }, async ({ text }) => ({ content: [{ type: 'text', text }], structuredContent: { text } }));
  return server;
}

if (process.argv.includes('--http')) {
  // The SDK's own HTTP entry (both protocol eras, a fresh server per request), served by hono.
  const { createMcpHandler } = await import('@modelcontextprotocol/server');
  const { serve } = await import('@hono/node-server');
  const token = process.env.BENCH_TOKEN ?? 'bench';
  const handler = createMcpHandler(makeServer);
  // The same kind of gate voxpact-mcp has: a bearer token on every request.
  const fetch = (req) => (req.headers.get('authorization') === `Bearer ${token}`
    ? handler.fetch(req)
    : Response.json({ error: 'unauthorized' }, { status: 401 }));
  const srv = serve({ fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(JSON.stringify({ listening: info.port }) + '\n');
  });
  void srv;
} else {
  await makeServer().connect(new StdioServerTransport());
}
