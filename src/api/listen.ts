/**
 * An HTTP listener for a fetch handler (Hono's), as both HTTP servers use it: the embedded one
 * (serve.ts) and the hosted MCP proxy (src/hosted/http.ts).
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

export type Listener = {
  /** `http://host:port`, with a wildcard host shown as 127.0.0.1. */
  url: string;
  port: number;
  /** Stop accepting, close idle connections; streams still open after 2 s are cut. */
  stop(): Promise<void>;
};

export async function listen(fetch: (req: Request) => Response | Promise<Response>, host: string, port: number): Promise<Listener> {
  let server: Server;
  const address = await new Promise<AddressInfo>((resolve, reject) => {
    server = serve({ fetch, port, hostname: host }, resolve) as Server;
    server.once('error', reject);
  });
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`,
    port: address.port,
    stop: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections?.();
      setTimeout(() => server.closeAllConnections?.(), 2000).unref();
    }),
  };
}
