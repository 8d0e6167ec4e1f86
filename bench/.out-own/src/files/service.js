import { log } from '../log.js';
import { LocalBlobStore } from './local.js';
import { FILES_PATH_PREFIX, UrlSigner } from './signing.js';
export class FileService {
    config;
    clock;
    gate;
    signer;
    local;
    s3 = null;
    attached = null;
    listening = null;
    server = null;
    constructor(config, secret, clock, gate) {
        this.config = config;
        this.clock = clock;
        this.gate = gate;
        this.signer = new UrlSigner(secret);
        this.local = config.s3 ? null : new LocalBlobStore(config.dir, this.signer, () => this.urlBase());
    }
    get kind() {
        return this.config.s3 ? 's3' : 'local';
    }
    localStore() {
        return this.local;
    }
    /** The configured store (S3: the SDK loads now, the first time). */
    store() {
        if (this.local)
            return Promise.resolve(this.local);
        this.s3 ??= import('./s3.js').then((m) => m.S3BlobStore.create(this.config.s3, this.clock)).catch((e) => {
            this.s3 = null;
            throw e;
        });
        return this.s3;
    }
    /** An HTTP server already serves `filesRoutes` at `${baseUrl}${FILES_PATH_PREFIX}`: sign URLs for it. */
    attachHttp(baseUrl) {
        this.attached = (this.config.publicUrl ?? baseUrl).replace(/\/+$/, '');
    }
    /** Where signed URLs point; starts the loopback listener on first use when nothing is attached. */
    urlBase() {
        if (this.attached)
            return Promise.resolve(this.attached);
        this.listening ??= this.listen().catch((e) => {
            this.listening = null;
            throw e;
        });
        return this.listening;
    }
    /** The loopback listener's address once started (tests, diagnostics). */
    listenerAddress() {
        const a = this.server?.address();
        return a ? `http://127.0.0.1:${a.port}` : null;
    }
    async listen() {
        // hono and the file routes load with the first file URL, not when the server starts
        const [{ Hono }, { filesRoutes }, { serve }] = await Promise.all([import('hono'), import('./http.js'), import('@hono/node-server')]);
        const app = new Hono().route(FILES_PATH_PREFIX, filesRoutes(this));
        const port = this.config.port;
        try {
            const bound = await new Promise((ok, ko) => {
                const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => ok(info.port));
                s.once('error', ko);
                this.server = s;
            });
            this.server.unref(); // a stdio server lives as long as its stdin, not its file listener
            log('info', 'file URLs served by a loopback listener', { url: `http://127.0.0.1:${bound}${FILES_PATH_PREFIX}` });
            return this.config.publicUrl ?? `http://127.0.0.1:${bound}`;
        }
        catch (e) {
            this.server = null;
            if (e.code === 'EADDRINUSE' && port !== 0 && (await this.sameStoreAt(port))) {
                log('info', 'file URLs served by another process on this database', { port });
                return this.config.publicUrl ?? `http://127.0.0.1:${port}`;
            }
            throw new Error(`cannot serve file URLs on 127.0.0.1:${port} (${e.message}); set VOXPACT_FILES_PORT to a free port or 0`);
        }
    }
    /** Does the listener on `port` serve this very database (same signing secret)? */
    async sameStoreAt(port) {
        try {
            const r = await fetch(`http://127.0.0.1:${port}${FILES_PATH_PREFIX}/_health`, { signal: AbortSignal.timeout(2000) });
            const body = (await r.json());
            return body.store_id === this.signer.storeId();
        }
        catch {
            return false;
        }
    }
    async close() {
        const s = this.server;
        this.server = null;
        this.listening = null;
        if (s) {
            s.closeAllConnections?.();
            await new Promise((ok) => s.close(() => ok()));
        }
        if (this.s3)
            await (await this.s3.catch(() => null))?.close();
    }
}
//# sourceMappingURL=service.js.map