// dev helper: in-process round trips (InMemoryTransport) — JS cost per call without pipes.
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir, postJobArgs } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { createMcpServer } from '../dist/src/server.js';
import { loadConfig } from '../dist/src/config.js';

async function pair(server) {
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(b);
  let id = 0; const pending = new Map();
  a.onmessage = (m) => { const p = pending.get(m.id); if (p) { pending.delete(m.id); m.error ? p.rej(new Error(m.error.message)) : p.res(m.result); } };
  await a.start();
  const req = (method, params) => new Promise((res, rej) => { const i = ++id; pending.set(i, { res, rej }); a.send({ jsonrpc: '2.0', id: i, method, params }); });
  await req('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } });
  await a.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return req;
}
const minimal = new McpServer({ name: 'm', version: '1' });
minimal.registerTool('echo', { inputSchema: { text: z.string() }, outputSchema: { text: z.string() } }, async ({ text }) => ({ content: [{ type: 'text', text }], structuredContent: { text } }));
const d = mkdtempSync('/tmp/vin-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const config = { ...loadConfig({}), dataDir: d };
const vox = createMcpServer({ mp: engine.as(m.buyer.agent_id), config });
const rm = await pair(minimal); const rv = await pair(vox);
const job = (await rv('tools/call', { name: 'post_job', arguments: postJobArgs(m.worker.agent_id) })).structuredContent;
const ops = {
  echo: () => rm('tools/call', { name: 'echo', arguments: { text: 'benchmark' } }),
  get_job: () => rv('tools/call', { name: 'get_job', arguments: { job_id: job.id } }),
  post_job: () => rv('tools/call', { name: 'post_job', arguments: postJobArgs(m.worker.agent_id) }),
  list: () => rv('tools/list', {}),
};
const N = { echo: 2000, get_job: 2000, post_job: 300, list: 100 };
for (const [k, op] of Object.entries(ops)) for (let i = 0; i < 100; i++) await op();
for (let r = 0; r < 3; r++) {
  const line = [];
  for (const [k, op] of Object.entries(ops)) {
    const c0 = process.cpuUsage(); const t0 = performance.now();
    for (let i = 0; i < N[k]; i++) { const x = await op(); if (x.isError) throw new Error(JSON.stringify(x)); }
    const cpu = process.cpuUsage(c0); const wall = performance.now() - t0;
    line.push(`${k} cpu ${((cpu.user + cpu.system) / N[k]).toFixed(0)}µs wall ${(wall / N[k] * 1000).toFixed(0)}µs`);
  }
  console.log(line.join(' | '));
}
engine.close(); rmSync(d, { recursive: true });
