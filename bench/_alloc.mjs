// allocation per call, in-process through the MCP server (InMemoryTransport)
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { createMcpServer } from '../dist/src/server.js';
import { loadConfig } from '../dist/src/config.js';
async function pair(server) {
  const [a, b] = InMemoryTransport.createLinkedPair(); await server.connect(b);
  let id = 0; const pending = new Map();
  a.onmessage = (m) => { const p = pending.get(m.id); if (p) { pending.delete(m.id); p(m.result); } };
  await a.start();
  const req = (method, params) => new Promise((res) => { const i = ++id; pending.set(i, res); a.send(JSON.parse(JSON.stringify({ jsonrpc: '2.0', id: i, method, params }))); });
  await req('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } });
  return req;
}
const minimal = new McpServer({ name: 'm', version: '1' });
minimal.registerTool('echo', { inputSchema: { text: z.string() }, outputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }], structuredContent: { text } }));
const d = mkdtempSync('/tmp/vin-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const vox = createMcpServer({ mp: engine.as(m.buyer.agent_id), config: { ...loadConfig({}), dataDir: d } });
const rm = await pair(minimal); const rv = await pair(vox);
const job = (await rv('tools/call', { name: 'post_job', arguments: postJobArgs(m.worker.agent_id) })).structuredContent;
const call = (req, name, args) => req('tools/call', { name, arguments: args });
const ops = {
  echo: () => call(rm, 'echo', { text: 'benchmark' }),
  get_job: () => call(rv, 'get_job', { job_id: job.id }),
  list_jobs: () => call(rv, 'list_jobs', {}),
  get_my_agent: () => call(rv, 'get_my_agent', {}),
  list_notifications: () => call(rv, 'list_notifications', {}),
};
const { getHeapStatistics } = await import('node:v8');
for (const [k, op] of Object.entries(ops)) {
  for (let i = 0; i < 200; i++) await op();
  const before = getHeapStatistics().total_allocated_bytes ?? 0;
  const N = 2000; const t = performance.now();
  for (let i = 0; i < N; i++) await op();
  const el = performance.now() - t;
  global.gc(); const h0 = process.memoryUsage();
  for (let i = 0; i < 5000; i++) await op();
  const h1 = process.memoryUsage(); global.gc(); const h2 = process.memoryUsage();
  console.log(k.padEnd(20), 'µs/call', (el / N * 1000).toFixed(0), 'heap before', (h0.heapUsed/2**20).toFixed(1), 'after 5k', (h1.heapUsed/2**20).toFixed(1), 'after gc', (h2.heapUsed/2**20).toFixed(1), 'rss', (h1.rss/2**20).toFixed(0), 'ext', (h1.external/2**20).toFixed(1), 'ab', (h1.arrayBuffers/2**20).toFixed(1));
}
engine.close(); rmSync(d, { recursive: true });
