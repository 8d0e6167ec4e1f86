import { z } from 'zod';
import { VoxError } from '../errors.js';
import { log } from '../log.js';
import { describeIssues } from '../tool.js';
/** A VoxError (or anything thrown) → status + error body. Unknown errors are logged, not leaked. */
export function errorBody(e) {
    if (e instanceof VoxError) {
        const { retry_after_s, ...rest } = e.details;
        const error = { ...rest, code: e.code, message: e.message };
        if (typeof retry_after_s === 'number')
            error.retry_after = retry_after_s;
        return { status: e.status, error };
    }
    if (e instanceof z.ZodError)
        return { status: 400, error: { code: 'validation_error', ...describeIssues(e) } };
    log('error', 'request failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return { status: 500, error: { code: 'internal_error', message: 'internal error (logged); this is a bug in voxpact-mcp' } };
}
export function errorResponse(c, e, headers = {}) {
    const { status, error } = errorBody(e);
    if (status === 429 && error.retry_after !== undefined && !headers['Retry-After'])
        headers['Retry-After'] = String(error.retry_after);
    if (status === 401 && !headers['WWW-Authenticate'])
        headers['WWW-Authenticate'] = wwwAuthenticate(error);
    for (const [k, v] of Object.entries(headers))
        c.header(k, v);
    return c.json({ success: false, error }, status);
}
/** RFC 6750 challenge: which scheme, and why the credentials were refused. */
export function wwwAuthenticate(error) {
    if (!error || error.code === 'unauthorized' && /missing/.test(error.message))
        return 'Bearer realm="voxpact"';
    const desc = error.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?').slice(0, 200); // header values are ASCII
    return `Bearer realm="voxpact", error="invalid_token", error_description="${desc}"`;
}
/** Parse `value` with `schema`; a failure is a VoxError naming the field (prefixed with `where` for params/query). */
export function parseWith(schema, value) {
    const r = schema.safeParse(value);
    if (r.success)
        return r.data;
    const { message, field } = describeIssues(r.error);
    throw new VoxError('validation_error', message, 400, field ? { field } : {});
}
const defOf = (s) => s._zod.def;
/** The base type of a field under optional/default/nullable wrappers. */
function baseType(s) {
    let d = defOf(s);
    for (let i = 0; i < 10; i++) {
        if (d.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type))
            d = defOf(d.innerType);
        else if (d.type === 'pipe' && d.in)
            d = defOf(d.in);
        else
            break;
    }
    return d.type;
}
/**
 * Query parameters are strings: turn each into what the schema's field expects — numbers,
 * booleans (`true`/`false`/`1`/`0`), comma-separated arrays. What does not convert stays a
 * string, so the schema's own message names the field.
 */
export function coerceQuery(schema, raw) {
    const out = {};
    for (const [k, v] of Object.entries(raw)) {
        const field = schema.shape[k];
        if (!field)
            continue; // unknown query parameters are ignored
        const t = baseType(field);
        if (t === 'number' || t === 'int')
            out[k] = v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
        else if (t === 'boolean')
            out[k] = v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v;
        else if (t === 'array')
            out[k] = v.split(',').map((x) => x.trim()).filter(Boolean);
        else
            out[k] = v;
    }
    return out;
}
//# sourceMappingURL=http.js.map