import { serve } from '@hono/node-server';
import { log, setLogLevel } from '../log.js';
import { openEngine, startTimers } from '../stdio.js';
import { createApp } from './app.js';
const urlHost = (h) => (h.includes(':') ? `[${h}]` : h);
export async function serveHttp(o) {
    const host = o.host ?? o.config.httpHost ?? '127.0.0.1';
    const port = o.port ?? o.config.httpPort ?? 8787;
    const engine = o.engine ?? openEngine(o.config);
    // STRIPE_SECRET_KEY: real money through Stripe (src/payments); without it `stripe` is never loaded.
    const stripe = !o.engine && process.env.STRIPE_SECRET_KEY ? await (await import('../payments/index.js')).paymentsFromEnv(engine) : null;
    const app = createApp({ engine, config: o.config, boundHost: host, ...o.app, mcp: { toolsets: o.toolsets, readOnly: o.readOnly, ...o.app?.mcp } });
    const stopTimers = o.timers === false ? () => { } : startTimers(engine, o.config.timerIntervalMs);
    let server;
    const address = await new Promise((resolve, reject) => {
        server = serve({ fetch: app.fetch, port, hostname: host }, resolve);
        server.once('error', reject);
    });
    const url = `http://${urlHost(host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host)}:${address.port}`;
    engine.files.service.attachHttp(url); // signed file URLs point here (/files), not at a separate listener
    let closing = null;
    const close = () => (closing ??= (async () => {
        stopTimers();
        stripe?.stop();
        await app.voxpact.shutdown();
        await new Promise((resolve) => {
            server.close(() => resolve());
            server.closeIdleConnections?.();
            // Streams still open after a grace period are cut.
            setTimeout(() => server.closeAllConnections?.(), 2000).unref();
        });
        if (!o.engine)
            engine.close();
    })());
    return { url, port: address.port, app, engine, close };
}
/** The CLI branch: serve until SIGINT/SIGTERM. */
export async function runHttp(o) {
    setLogLevel(o.config.logLevel);
    const s = await serveHttp(o);
    process.stderr.write(`voxpact-mcp: listening on ${s.url} (REST ${s.url}/v1, OpenAPI ${s.url}/openapi.json, MCP ${s.url}/mcp, events ${s.url}/v1/events)\n`);
    let stopping = false;
    const stop = (signal) => {
        if (stopping)
            return;
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
//# sourceMappingURL=serve.js.map