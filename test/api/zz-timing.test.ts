import { it } from 'vitest';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { startServer } from '/work/main/test/api/helpers.js';
it('timing', async () => {
  const h = await startServer({ rateLimits: false });
  const a = await h.agent('t');
  const post = async (body: unknown, headers: Record<string,string>) => { const t=Date.now(); const r = await fetch(`${h.base}/mcp`, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream', Authorization: `Bearer ${a.key}`, ...headers }, body: JSON.stringify(body) }); const txt = await r.text(); console.log(r.status, Date.now()-t, txt.slice(0,80)); return r; };
  const r = await post({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: 'raw', version: '1' } } }, {});
  const sid = r.headers.get('mcp-session-id')!;
  await post({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} }, { 'mcp-session-id': sid, 'mcp-protocol-version': LATEST_PROTOCOL_VERSION });
  const t = Date.now(); const tok = await h.tokenFor(a.key); console.log('token', Date.now()-t);
  await h.close();
});
