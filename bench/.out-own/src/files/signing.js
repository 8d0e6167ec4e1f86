/**
 * HMAC-SHA256 signed URLs for the local store (what S3 presigning is for S3). The signature
 * covers the method, the object key, the file id, the agent the URL was issued to, the expiry
 * and, for uploads, the content type and the size limit — so a URL cannot be stretched in time,
 * pointed at another object or file, or used to upload something else. The secret is per
 * database (kept in SQLite): every process on one database can verify every URL.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
export const FILES_PATH_PREFIX = '/files';
const VERSION = '1';
const encodeKey = (key) => key.split('/').map(encodeURIComponent).join('/');
export class UrlSigner {
    secret;
    constructor(secret) {
        this.secret = secret;
    }
    mac(r) {
        const canonical = [`v${VERSION}`, r.method, r.key, r.file_id, r.agent_id, String(r.expires_at), r.content_type ?? '', r.max_bytes == null ? '' : String(r.max_bytes)].join('\n');
        return createHmac('sha256', this.secret).update(canonical).digest();
    }
    /** `${base}/files/<key>?…&sig=…` */
    url(base, r) {
        const q = new URLSearchParams({ v: VERSION, fid: r.file_id, aid: r.agent_id, exp: String(r.expires_at) });
        if (r.content_type != null)
            q.set('ct', r.content_type);
        if (r.max_bytes != null)
            q.set('max', String(r.max_bytes));
        q.set('sig', this.mac(r).toString('base64url'));
        return `${base.replace(/\/+$/, '')}${FILES_PATH_PREFIX}/${encodeKey(r.key)}?${q}`;
    }
    /** Check a request against its signature and expiry (`now` from the injected clock). */
    verify(method, key, query, now) {
        if (method !== 'PUT' && method !== 'GET')
            return { ok: false, status: 400, code: 'method_not_allowed', message: 'signed URLs take PUT (upload) or GET (download)' };
        const [v, fid, aid, exp, sig] = ['v', 'fid', 'aid', 'exp', 'sig'].map((k) => query.get(k));
        if (v !== VERSION || !fid || !aid || !exp || !sig || !/^\d{1,16}$/.test(exp)) {
            return { ok: false, status: 403, code: 'invalid_signature', message: 'the URL is not a complete signed URL: ask for a new one' };
        }
        const max = query.get('max');
        const req = {
            method, key, file_id: fid, agent_id: aid, expires_at: Number(exp),
            content_type: query.get('ct') ?? undefined, max_bytes: max != null && /^\d{1,16}$/.test(max) ? Number(max) : undefined,
        };
        const given = Buffer.from(sig, 'base64url');
        const want = this.mac(req);
        if (given.length !== want.length || !timingSafeEqual(given, want)) {
            return { ok: false, status: 403, code: 'invalid_signature', message: 'the signature does not match this URL (it was changed, or is for another file or method): ask for a new URL' };
        }
        if (req.expires_at <= now) {
            return { ok: false, status: 403, code: 'url_expired', message: `the URL expired at ${new Date(req.expires_at).toISOString()}: ask for a new one` };
        }
        return { ok: true, req };
    }
    /** A short public fingerprint of the secret: tells two processes whether they share a database. */
    storeId() {
        return createHmac('sha256', this.secret).update('voxpact-files-store-id').digest('hex').slice(0, 16);
    }
}
//# sourceMappingURL=signing.js.map