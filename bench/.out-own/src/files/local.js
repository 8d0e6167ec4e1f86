/**
 * The default store: files on local disk under `${dataDir}/files`. A key becomes a path only
 * through `pathOf`, which accepts nothing but the shape `objectKey` makes and checks the result
 * stays under the root. Writes go to a temporary file renamed into place, so a reader never
 * sees half an object. URLs are HMAC-signed (src/files/signing.ts) and served by
 * `filesRoutes` (src/files/http.ts).
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, rmdir, stat } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isObjectKey } from './names.js';
import { StoreError } from './store.js';
export class LocalBlobStore {
    signer;
    urlBase;
    kind = 'local';
    root;
    /** `urlBase` gives the base URL of whichever HTTP server serves `filesRoutes` (started on demand). */
    constructor(root, signer, urlBase) {
        this.signer = signer;
        this.urlBase = urlBase;
        this.root = resolve(root);
    }
    /** The only way from a key to a filesystem path. */
    pathOf(key) {
        if (!isObjectKey(key))
            throw new StoreError('invalid_key', `not an object key: ${JSON.stringify(key.slice(0, 200))}`);
        const p = resolve(this.root, ...key.split('/'));
        if (!p.startsWith(this.root + sep))
            throw new StoreError('invalid_key', 'object key escapes the store root');
        return p;
    }
    async info(path) {
        try {
            const s = await stat(path, { bigint: true });
            if (!s.isFile())
                return null;
            return { size_bytes: Number(s.size), etag: `${s.ino}-${s.size}-${s.mtimeNs}`, content_type: null };
        }
        catch (e) {
            if (e.code === 'ENOENT')
                return null;
            throw e;
        }
    }
    async put(key, body, _contentType) {
        return this.write(key, [body], Number.MAX_SAFE_INTEGER);
    }
    /**
     * Stream `source` into the object, refusing (and leaving nothing behind) once more than
     * `maxBytes` arrive. The object appears atomically when the upload completes.
     */
    async write(key, source, maxBytes) {
        const path = this.pathOf(key);
        await mkdir(dirname(path), { recursive: true });
        const tmp = `${path}.upload-${randomBytes(6).toString('hex')}`;
        const out = createWriteStream(tmp, { flags: 'wx' });
        let size = 0;
        try {
            for await (const chunk of source) {
                size += chunk.byteLength;
                if (size > maxBytes)
                    throw new StoreError('too_large', `the upload is larger than its limit of ${maxBytes} bytes`);
                if (!out.write(chunk))
                    await new Promise((ok, ko) => { out.once('drain', ok); out.once('error', ko); });
            }
            await new Promise((ok, ko) => out.end((e) => (e ? ko(e) : ok())));
            const fh = await open(tmp, 'r');
            try {
                await fh.sync();
            }
            finally {
                await fh.close();
            }
            await rename(tmp, path);
        }
        catch (e) {
            out.destroy();
            await rm(tmp, { force: true });
            throw e;
        }
        return (await this.info(path));
    }
    head(key) {
        return this.info(this.pathOf(key));
    }
    async get(key, range) {
        const path = this.pathOf(key);
        const info = await this.info(path);
        if (!info)
            throw new StoreError('not_found', `no object at ${key}`);
        const start = Math.max(0, range?.start ?? 0);
        const end = Math.min(info.size_bytes - 1, range?.end ?? info.size_bytes - 1);
        if (end < start)
            return Buffer.alloc(0);
        const fh = await open(path, 'r');
        try {
            const buf = Buffer.alloc(end - start + 1);
            let off = 0;
            while (off < buf.length) {
                const { bytesRead } = await fh.read(buf, off, buf.length - off, start + off);
                if (bytesRead === 0)
                    break;
                off += bytesRead;
            }
            return buf.subarray(0, off);
        }
        finally {
            await fh.close();
        }
    }
    async stream(key, range) {
        const path = this.pathOf(key);
        if (!(await this.info(path)))
            throw new StoreError('not_found', `no object at ${key}`);
        return createReadStream(path, range ? { start: range.start, end: range.end } : {});
    }
    async delete(key) {
        const path = this.pathOf(key);
        await rm(path, { force: true });
        // Tidy the per-file directory (<purpose>/<job>/<file>/) when it is empty; leave the rest.
        await rmdir(dirname(path)).catch(() => { });
    }
    async presignPut(key, o) {
        this.pathOf(key);
        return this.signer.url(await this.urlBase(), { method: 'PUT', key, file_id: o.file_id, agent_id: o.agent_id, expires_at: o.expires_at, content_type: o.content_type, max_bytes: o.max_bytes });
    }
    async presignGet(key, o) {
        this.pathOf(key);
        return this.signer.url(await this.urlBase(), { method: 'GET', key, file_id: o.file_id, agent_id: o.agent_id, expires_at: o.expires_at });
    }
    async close() { }
}
//# sourceMappingURL=local.js.map