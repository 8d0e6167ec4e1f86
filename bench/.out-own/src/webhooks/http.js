/**
 * One webhook POST over undici, through the SSRF guard: resolve and vet, connect only to the
 * vetted addresses, a hard time limit per hop, 307/308 redirects followed (same method and
 * body) up to `maxRedirects`, each hop vetted again; other redirects are not followed and count
 * as a failed delivery. Never throws: the outcome says what happened.
 */
import { SsrfError, loadUndici, pinnedAgent, vetUrl } from './ssrf.js';
const MAX_ERROR_BODY_CHARS = 200;
const MAX_ERROR_BODY_BYTES = 1024;
/** Retry-After as seconds: delta-seconds or an HTTP date (relative to `nowMs`). */
export function parseRetryAfter(v, nowMs) {
    const raw = Array.isArray(v) ? v[0] : v;
    if (!raw)
        return null;
    if (/^\s*\d+\s*$/.test(raw))
        return Number(raw);
    const at = Date.parse(raw);
    if (Number.isNaN(at))
        return null;
    return Math.max(0, Math.ceil((at - nowMs) / 1000));
}
/** The start of an error answer, for the log; the rest is never read (a receiver cannot make us buffer much). */
async function readSnippet(body) {
    const chunks = [];
    let size = 0;
    try {
        for await (const c of body) {
            chunks.push(c);
            size += c.length;
            if (size >= MAX_ERROR_BODY_BYTES)
                break;
        }
    }
    catch {
        /* a broken body: keep what came */
    }
    finally {
        body.destroy();
    }
    return Buffer.concat(chunks).subarray(0, MAX_ERROR_BODY_BYTES).toString('utf8').replace(/\uFFFD+$/, '')
        .replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, MAX_ERROR_BODY_CHARS);
}
export async function postWebhook(rawUrl, body, headers, o) {
    const started = Date.now();
    let url = rawUrl;
    const done = (p) => ({ ...p, duration_ms: Date.now() - started, url });
    for (let hop = 0;; hop++) {
        let target;
        try {
            target = await vetUrl(url, { allowLoopback: o.allowLoopback, resolve: o.resolve });
        }
        catch (e) {
            if (e instanceof SsrfError)
                return done({ ok: false, status: null, retry_after_s: null, error: `refused: ${e.message}`, refused: true });
            throw e;
        }
        const dispatcher = pinnedAgent(target.addresses, o.timeoutMs);
        try {
            const res = await loadUndici().request(target.url, {
                method: 'POST',
                body,
                headers: { 'content-type': 'application/json', 'user-agent': o.userAgent ?? 'VoxPact-Webhooks/1', ...headers },
                dispatcher,
                signal: AbortSignal.timeout(o.timeoutMs),
                headersTimeout: o.timeoutMs,
                bodyTimeout: o.timeoutMs,
            });
            const status = res.statusCode;
            const location = res.headers.location;
            if ((status === 307 || status === 308) && typeof location === 'string') {
                await res.body.dump({ limit: 64 * 1024 }).catch(() => { });
                if (hop >= o.maxRedirects)
                    return done({ ok: false, status, retry_after_s: null, error: `too many redirects (more than ${o.maxRedirects})`, refused: false });
                url = new URL(location, target.url).toString();
                continue;
            }
            const retryAfter = parseRetryAfter(res.headers['retry-after'], Date.now());
            if (status >= 200 && status < 300) {
                await res.body.dump({ limit: 64 * 1024 }).catch(() => { });
                return done({ ok: true, status, retry_after_s: null, error: null, refused: false });
            }
            const snippet = await readSnippet(res.body);
            const redirectNote = status >= 300 && status < 400 ? ' (redirects other than 307/308 are not followed: use the final URL)' : '';
            return done({ ok: false, status, retry_after_s: retryAfter, error: `HTTP ${status}${redirectNote}${snippet ? `: ${snippet}` : ''}`, refused: false });
        }
        catch (e) {
            const err = e;
            const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError' || /timeout/i.test(err.code ?? '') || /Timeout/.test(err.name);
            const what = timedOut ? `timed out after ${o.timeoutMs} ms` : `${err.cause?.code ?? err.code ?? err.name}: ${err.cause?.message ?? err.message}`;
            return done({ ok: false, status: null, retry_after_s: null, error: what, refused: false });
        }
        finally {
            dispatcher.destroy().catch(() => { });
        }
    }
}
//# sourceMappingURL=http.js.map