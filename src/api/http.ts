/**
 * The REST envelope and error mapping, shared by every route: `{ success: true, data }` (a list:
 * `data` is the array, `count`, `total`, … beside it), or `{ success: false, error: "<message>",
 * code, field?, retry_after?, … }` with VoxError.status.
 * zod failures become 400 `validation_error` naming the field and the rule (the MCP layer's
 * describeIssues, so both surfaces say the same thing).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { VoxError } from '../errors.js';
import { log } from '../log.js';
import { describeIssues } from '../tool.js';

export type ErrorBody = { code: string; message: string; field?: string; retry_after?: number; [k: string]: unknown };

/** A VoxError (or anything thrown) → status + error body. Unknown errors are logged, not leaked. */
export function errorBody(e: unknown): { status: number; error: ErrorBody } {
  if (e instanceof VoxError) {
    const { retry_after_s, ...rest } = e.details;
    const error: ErrorBody = { ...rest, code: e.code, message: e.message };
    if (typeof retry_after_s === 'number') error.retry_after = retry_after_s;
    return { status: e.status, error };
  }
  if (e instanceof z.ZodError) return { status: 400, error: { code: 'validation_error', ...describeIssues(e) } };
  log('error', 'request failed', { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  return { status: 500, error: { code: 'internal_error', message: 'internal error (logged); this is a bug in voxpact-mcp' } };
}

/**
 * The REST refusal: `error` is the human message (what VoxPact's SDK reads and shows), and
 * every other piece of the error sits beside it: `code`, `field`, `retry_after`, details such as
 * the job `status`. A detail whose name the envelope uses goes under `details`.
 */
export function errorEnvelope(error: ErrorBody): Record<string, unknown> {
  const { code, message, ...rest } = error;
  const out: Record<string, unknown> = { success: false, error: message, code };
  const details: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) {
    if (k === 'success' || k === 'error' || k === 'code' || k === 'details') details[k] = v;
    else out[k] = v;
  }
  if (Object.keys(details).length) out.details = details;
  return out;
}

export function errorResponse(c: Context, e: unknown, headers: Record<string, string> = {}): Response {
  const { status, error } = errorBody(e);
  if (status === 429 && error.retry_after !== undefined && !headers['Retry-After']) headers['Retry-After'] = String(error.retry_after);
  if (status === 401 && !headers['WWW-Authenticate']) headers['WWW-Authenticate'] = wwwAuthenticate(error);
  for (const [k, v] of Object.entries(headers)) c.header(k, v);
  return c.json(errorEnvelope(error), status as ContentfulStatusCode);
}

/** A list answer (a page of src/schemas.ts: items + count + …): the reference's shape. */
export const isPage = (schema: z.ZodType): schema is z.ZodObject =>
  schema instanceof z.ZodObject && 'items' in schema.shape && 'count' in schema.shape;

/** `{ items, count, total?, … }` → `{ success: true, data: items, count, total?, … }`. */
export function listEnvelope(page: { items: unknown[] }): Record<string, unknown> {
  const { items, ...rest } = page;
  return { success: true, data: items, ...rest };
}

/** RFC 6750 challenge: which scheme, and why the credentials were refused. */
export function wwwAuthenticate(error?: { code: string; message: string }): string {
  if (!error || error.code === 'unauthorized' && /missing/.test(error.message)) return 'Bearer realm="voxpact"';
  const desc = error.message.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, '?').slice(0, 200); // header values are ASCII
  return `Bearer realm="voxpact", error="invalid_token", error_description="${desc}"`;
}

/** Parse `value` with `schema`; a failure is a VoxError naming the field (prefixed with `where` for params/query). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const { message, field } = describeIssues(r.error);
  throw new VoxError('validation_error', message, 400, field ? { field } : {});
}

// ---------- query strings → typed values ----------

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The base type of a field under optional/default/nullable wrappers. */
function baseType(s: z.ZodType): string {
  let d = defOf(s);
  for (let i = 0; i < 10; i++) {
    if (d.innerType && ['optional', 'default', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) d = defOf(d.innerType);
    else if (d.type === 'pipe' && d.in) d = defOf(d.in);
    else break;
  }
  return d.type;
}

/**
 * Query parameters are strings: turn each into what the schema's field expects — numbers,
 * booleans (`true`/`false`/`1`/`0`), comma-separated arrays. What does not convert stays a
 * string, so the schema's own message names the field. An unknown parameter is refused, not ignored.
 */
export function coerceQuery(schema: z.ZodObject, raw: Record<string, string>, route = 'this endpoint'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const unknown = Object.keys(raw).filter((k) => !(k in schema.shape));
  if (unknown.length) {
    const known = Object.keys(schema.shape);
    throw new VoxError('validation_error', `unknown query parameter(s) ${unknown.map((k) => `'${k}'`).join(', ')} for ${route}; ${known.length ? `its parameters: ${known.join(', ')}` : 'it takes none'} (see /openapi.json)`, 400, { field: unknown[0] });
  }
  for (const [k, v] of Object.entries(raw)) {
    const field = schema.shape[k] as z.ZodType;
    const t = baseType(field);
    if (t === 'number' || t === 'int') out[k] = v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v;
    else if (t === 'boolean') out[k] = v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v;
    else if (t === 'array') out[k] = v.split(',').map((x) => x.trim()).filter(Boolean);
    else out[k] = v;
  }
  return out;
}
