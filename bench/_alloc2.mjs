// allocation per call ≈ scavenges × semi-space (run with --max-semi-space-size=1 --min-semi-space-size=1)
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { marketDir, postJobArgs } from './lib/setup.mjs';
const out = process.env.OUT ?? '../dist';
const { Engine } = await import(`${out}/src/engine/index.js`);
const { createMcpServer } = await import(`${out}/src/server.js`);
const { loadConfig } = await import(`${out}/src/config.js`);
async function pair(server) {
  const [a, b] = InMemoryTransport.createLinkedPair(); await server.connect(b);
  let id = 0; const pending = new Map();
  a.onmessage = (m) => { const p = pending.get(m.id); if (p) { pending.delete(m.id); p(m.result); } };
  await a.start();
  // serialise like a real transport would, so both sides pay the same JSON costs
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
let scav = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail?.kind === 1) scav++; }).observe({ entryTypes: ['gc'] });
const ops = {
  echo: () => call(rm, 'echo', { text: 'benchmark' }),
  get_job: () => call(rv, 'get_job', { job_id: job.id }),
  list_jobs: () => call(rv, 'list_jobs', {}),
  get_my_agent: () => call(rv, 'get_my_agent', {}),
  list_notifications: () => call(rv, 'list_notifications', {}),
};
for (const [k, op] of Object.entries(ops)) {
  for (let i = 0; i < 300; i++) await op();
  await new Promise((r) => setTimeout(r, 20)); scav = 0;
  const N = 5000; for (let i = 0; i < N; i++) await op();
  await new Promise((r) => setTimeout(r, 20));
  console.log(k.padEnd(20), 'KB allocated per call ≈', (scav * 1024 / N).toFixed(1));
}
engine.close(); rmSync(d, { recursive: true });
