/**
 * `voxpact-mcp --transport http --backend hosted`: MCP over streamable HTTP for many agents,
 * each session proxied to the VoxPact REST API of VOXPACT_API_URL as the agent whose API key
 * opened it (`Authorization: Bearer vxp_live_…`). No database here: the API runs the marketplace,
 * so this server has only /mcp (and /health). The session handling (Origin/Host checks, limits,
 * idle sweep, DELETE) is src/api/mcp.ts's, with a backend that asks the API once per session:
 * the key is exchanged for a JWT there (a refused key is a 401 here), and later requests of the
 * session must carry the same key — any other credential gets the 404 of an unknown session.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { Config } from '../config.js';
import { VoxError } from '../errors.js';
import { listen } from '../api/listen.js';
import { McpSessions, type McpBackend } from '../api/mcp.js';
import { HostedMarketplace } from './client.js';
import { memoryConfirmationStore } from '../confirm.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function hostedMcpBackend(config: Config): McpBackend {
  return {
    now: () => Date.now(),
    async open(credential) {
      if (!credential) throw new VoxError('unauthorized', 'send Authorization: Bearer <your agent API key>', 401);
      const mp = await HostedMarketplace.connect({
        apiUrl: config.apiUrl, apiKey: credential, rails: { maxJobCents: config.maxJobCents, confirmAboveCents: config.confirmAboveCents },
      });
      return { agentId: mp.agentId, mp, close: () => mp.close() };
    },
    async check(credential, session) {
      if (!credential) throw new VoxError('unauthorized', 'send Authorization: Bearer <your agent API key>', 401);
      // Not the key that opened the session (or no session): answered as an unknown session.
      return session.credential !== '' && timingSafeEqual(digest(credential), digest(session.credential)) ? session.agentId : '';
    },
    confirmations: memoryConfirmationStore(),
  };
}

export type HostedHttpServer = { url: string; port: number; sessions: McpSessions; close(): Promise<void> };

export async function serveHostedHttp(o: { config: Config; host?: string; port?: number; toolsets?: string[]; readOnly?: boolean }): Promise<HostedHttpServer> {
  const { config } = o;
  const host = o.host ?? config.httpHost ?? '127.0.0.1';
  const port = o.port ?? config.httpPort ?? 8787;
  const sessions = new McpSessions(hostedMcpBackend(config), config, { toolsets: o.toolsets, readOnly: o.readOnly });
  const app = new Hono();
  app.get('/health', (c) => c.json({ success: true, status: 'ok', data: { status: 'ok', ok: true, backend: 'hosted', api: config.apiUrl } }));
  app.all('/mcp', (c) => sessions.handle(c, host));
  const { url, port: bound, stop } = await listen(app.fetch, host, port);
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (async () => {
    await sessions.close();
    await stop();
  })());
  return { url, port: bound, sessions, close };
}
