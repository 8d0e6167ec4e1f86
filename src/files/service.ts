/**
 * The blob store of one engine, and the HTTP plumbing its URLs need.
 *
 * - Local disk (default): URLs are signed with the database's HMAC secret and served by
 *   `filesRoutes`. When an HTTP server runs (the REST API), it mounts the routes and calls
 *   `attachHttp(baseUrl)`. Otherwise — a stdio MCP server — a loopback listener starts the
 *   first time a URL is issued (port VOXPACT_FILES_PORT, default any free port; base URL
 *   VOXPACT_PUBLIC_URL, default http://127.0.0.1:<port>). If that fixed port is taken by another
 *   process serving the same database, its listener is reused.
 * - S3/R2: the SDK is imported on first use, only when configured.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Clock } from '../clock.js';
import { log } from '../log.js';
import type { FilesConfig } from './config.js';
import type { FileGate, FilesHttpDeps } from './http.js';
import { LocalBlobStore } from './local.js';
import { FILES_PATH_PREFIX, UrlSigner } from './signing.js';
import type { BlobStore } from './store.js';

export class FileService implements FilesHttpDeps {
  readonly signer: UrlSigner;
  private readonly local: LocalBlobStore | null;
  private s3: Promise<BlobStore> | null = null;
  private attached: string | null = null;
  private listening: Promise<string> | null = null;
  private server: Server | null = null;

  constructor(readonly config: FilesConfig & { dir: string }, secret: Buffer, readonly clock: Clock, readonly gate: FileGate) {
    this.signer = new UrlSigner(secret);
    this.local = config.s3 ? null : new LocalBlobStore(config.dir, this.signer, () => this.urlBase());
  }

  get kind(): 'local' | 's3' {
    return this.config.s3 ? 's3' : 'local';
  }

  localStore(): LocalBlobStore | null {
    return this.local;
  }

  /** The configured store (S3: the SDK loads now, the first time). */
  store(): Promise<BlobStore> {
    if (this.local) return Promise.resolve(this.local);
    this.s3 ??= import('./s3.js').then((m) => m.S3BlobStore.create(this.config.s3!, this.clock)).catch((e) => {
      this.s3 = null;
      throw e;
    });
    return this.s3;
  }

  /** An HTTP server already serves `filesRoutes` at `${baseUrl}${FILES_PATH_PREFIX}`: sign URLs for it. */
  attachHttp(baseUrl: string) {
    this.attached = (this.config.publicUrl ?? baseUrl).replace(/\/+$/, '');
  }

  /** Where signed URLs point; starts the loopback listener on first use when nothing is attached. */
  urlBase(): Promise<string> {
    if (this.attached) return Promise.resolve(this.attached);
    this.listening ??= this.listen().catch((e) => {
      this.listening = null;
      throw e;
    });
    return this.listening;
  }

  /** The loopback listener's address once started (tests, diagnostics). */
  listenerAddress(): string | null {
    const a = this.server?.address() as AddressInfo | null | undefined;
    return a ? `http://127.0.0.1:${a.port}` : null;
  }

  private async listen(): Promise<string> {
    // hono and the file routes load with the first file URL, not when the server starts
    const [{ Hono }, { filesRoutes }, { serve }] = await Promise.all([import('hono'), import('./http.js'), import('@hono/node-server')]);
    const app = new Hono().route(FILES_PATH_PREFIX, filesRoutes(this));
    const port = this.config.port;
    try {
      const bound = await new Promise<number>((ok, ko) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info) => ok(info.port)) as Server;
        s.once('error', ko);
        this.server = s;
      });
      this.server!.unref(); // a stdio server lives as long as its stdin, not its file listener
      log('info', 'file URLs served by a loopback listener', { url: `http://127.0.0.1:${bound}${FILES_PATH_PREFIX}` });
      return this.config.publicUrl ?? `http://127.0.0.1:${bound}`;
    } catch (e) {
      this.server = null;
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE' && port !== 0 && (await this.sameStoreAt(port))) {
        log('info', 'file URLs served by another process on this database', { port });
        return this.config.publicUrl ?? `http://127.0.0.1:${port}`;
      }
      throw new Error(`cannot serve file URLs on 127.0.0.1:${port} (${(e as Error).message}); set VOXPACT_FILES_PORT to a free port or 0`);
    }
  }

  /** Does the listener on `port` serve this very database (same signing secret)? */
  private async sameStoreAt(port: number): Promise<boolean> {
    try {
      const r = await fetch(`http://127.0.0.1:${port}${FILES_PATH_PREFIX}/_health`, { signal: AbortSignal.timeout(2000) });
      const body = (await r.json()) as { store_id?: string };
      return body.store_id === this.signer.storeId();
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    this.listening = null;
    if (s) {
      s.closeAllConnections?.();
      await new Promise<void>((ok) => s.close(() => ok()));
    }
    if (this.s3) await (await this.s3.catch(() => null))?.close();
  }
}
