/**
 * `voxpact-mcp --transport http [--host 127.0.0.1] [--port 8787]`: the embedded engine served
 * over HTTP (REST /v1, /openapi.json, MCP at /mcp, SSE at /v1/events), with the timers and
 * webhook deliveries running. Prints the listening URL on stderr; stops cleanly on SIGINT/SIGTERM.
 */
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import { log, setLogLevel } from '../log.js';
import { openEngine, startTimers } from '../stdio.js';
import { type AppOptions, type VoxApp, createApp } from './app.js';
import { listen } from './listen.js';

export type HttpServer = { url: string; port: number; app: VoxApp; engine: Engine; close(): Promise<void> };

export type ServeOptions = {
  config: Config;
  host?: string;
  port?: number;
  /** An engine to serve (tests); default: open the one of config. It is closed with the server only if opened here. */
  engine?: Engine;
  toolsets?: string[];
  readOnly?: boolean;
  /** Run timers and webhook deliveries (default true). */
  timers?: boolean;
  app?: Partial<Omit<AppOptions, 'engine' | 'config'>>;
};

export async function serveHttp(o: ServeOptions): Promise<HttpServer> {
  const host = o.host ?? o.config.httpHost ?? '127.0.0.1';
  const port = o.port ?? o.config.httpPort ?? 8787;
  const engine = o.engine ?? openEngine(o.config);
  // STRIPE_SECRET_KEY: real money through Stripe (src/payments); without it `stripe` is never loaded.
  const stripe = !o.engine && process.env.STRIPE_SECRET_KEY ? await (await import('../payments/index.js')).paymentsFromEnv(engine) : null;
  const app = createApp({ engine, config: o.config, boundHost: host, ...o.app, mcp: { toolsets: o.toolsets, readOnly: o.readOnly, ...o.app?.mcp } });
  const stopTimers = o.timers === false ? () => {} : startTimers(engine, o.config.timerIntervalMs);
  const { url, port: bound, stop } = await listen(app.fetch, host, port);
  engine.attachHttp(url); // mail links and signed file URLs point here (/files), not at a separate listener
  let closing: Promise<void> | null = null;
  const close = () => (closing ??= (async () => {
    stopTimers();
    stripe?.stop();
    await app.voxpact.shutdown();
    await stop();
    if (!o.engine) engine.close();
  })());
  return { url, port: bound, app, engine, close };
}

/**
 * The CLI branch: serve until SIGINT/SIGTERM. Embedded: this file's server. Hosted
 * (VOXPACT_BACKEND=hosted): MCP at /mcp only, each session proxied to VOXPACT_API_URL with its
 * own API key (src/hosted/http.ts).
 */
export async function runHttp(o: ServeOptions): Promise<{ url: string; close(): Promise<void> }> {
  setLogLevel(o.config.logLevel);
  let s: { url: string; close(): Promise<void> };
  if (o.config.backend === 'hosted') {
    const { serveHostedHttp } = await import('../hosted/http.js');
    s = await serveHostedHttp({ config: o.config, host: o.host, port: o.port, toolsets: o.toolsets, readOnly: o.readOnly });
    process.stderr.write(`voxpact-mcp: listening on ${s.url} (MCP ${s.url}/mcp for many agents, each session proxied to ${o.config.apiUrl} as the agent of its Bearer API key)\n`);
  } else {
    s = await serveHttp(o);
    process.stderr.write(`voxpact-mcp: listening on ${s.url} (REST ${s.url}/v1, OpenAPI ${s.url}/openapi.json, MCP ${s.url}/mcp, events ${s.url}/v1/events)\n`);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping', { signal });
    s.close().then(() => process.exit(0), (e) => {
      process.stderr.write(`voxpact-mcp: error while stopping: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  return s;
}
