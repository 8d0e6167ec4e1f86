/**
 * The HTTP server of the embedded marketplace, as a Hono app: the REST API of the route table
 * (routes.ts) at /v1, /openapi.json generated from the same table, MCP over streamable HTTP at
 * /mcp (mcp.ts) and Server-Sent Events at /v1/events (events.ts). Each /v1 request: per-IP rate
 * limit → authentication → per-agent rate limit → params/query/body parsed with the route's zod
 * schemas (unknown fields and query parameters refused) → one handler call → `{ success: true, data }`
 * (a list: `data` is the array, `count`/`total`/… beside it); any refusal →
 * `{ success: false, error: "<message>", code, field?, retry_after?, … }` with its status (http.ts).
 */
import { locationOf } from '../engine/db.js';
import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import { z } from 'zod';
import { VoxError, notFound } from '../errors.js';
import { log } from '../log.js';
import type { Marketplace } from '../marketplace.js';
import { Acknowledgement } from '../schemas.js';
import { VERSION } from '../server.js';
import { authorize } from './auth.js';
import { readBody as readBodyBytes, readText } from './body.js';
import { EventsHub, type EventsOptions } from './events.js';
import { coerceQuery, errorResponse, isPage, listEnvelope, parseWith } from './http.js';
import { McpSessions, type McpHttpOptions, embeddedMcpBackend } from './mcp.js';
import { oauthRoutes, resourceMetadataUrl, resourceUrl } from './oauth.js';
import { openApiDocument } from './openapi.js';
import { RateLimiter, type Verdict, clientIp, hitRoute, rateLimitHeaders, routeRefusal, ruleFor, tightest } from './ratelimit.js';
import { ROUTES, type Route, checkRoutes, routeKey } from './routes.js';
import { filesRoutes } from '../files/http.js';
import { FILES_PATH_PREFIX } from '../files/signing.js';
import { webRoutes } from '../web/routes.js';

export type AppOptions = {
  engine: Engine;
  config: Config;
  /** The route table (default ROUTES; other modules append to it). */
  routes?: readonly Route[];
  /** false: no rate limits (tests of other things); or a limiter to share. Default: one on the engine's database and clock. */
  rateLimits?: false | RateLimiter;
  events?: EventsOptions;
  mcp?: McpHttpOptions;
  /** The host the server is bound to: allowed as Host/Origin of /mcp besides loopback. */
  boundHost?: string;
};

export type VoxApp = Hono & {
  voxpact: { limiter: RateLimiter | null; events: EventsHub; mcp: McpSessions; routes: readonly Route[]; shutdown(): Promise<void> };
};

const MAX_BODY_BYTES = 4 * 1024 * 1024;
const NO_QUERY = z.object({});

/**
 * Path parameters: a malformed id is not found, like an unknown one (404 naming what was not
 * found: the path segment before the parameter, singular).
 */
function parsePathParams(r: Route, raw: Record<string, string>): Record<string, unknown> {
  const p = r.params!.safeParse(raw);
  if (p.success) return p.data;
  const name = p.error.issues[0]?.path[0];
  const segments = r.path.split('/');
  const at = segments.indexOf(`:${String(name)}`);
  const what = at > 0 ? segments[at - 1].replace(/s$/, '').replace(/-/g, ' ') : 'resource';
  throw notFound(what, String(raw[String(name)] ?? ''));
}

/** A route's body as an object: JSON, or (routes with rawBody) a body of another Content-Type. */
async function readBody(c: Context, r: Route): Promise<Record<string, unknown>> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  // curl -d sends JSON as application/x-www-form-urlencoded unless told otherwise: read it as JSON, as always.
  const json = type === '' || type === 'application/json' || type.endsWith('+json') || type === 'application/x-www-form-urlencoded';
  if (r.rawBody && !json) {
    const bytes = await readBodyBytes(c.req.raw, MAX_BODY_BYTES);
    return bytes.length ? r.rawBody(bytes, c.req.header('Content-Type')!.trim()) : {};
  }
  const text = await readText(c.req.raw, MAX_BODY_BYTES); // streamed: cut off at the limit, never read whole
  let raw: unknown = {};
  if (text.trim() !== '') {
    try {
      raw = JSON.parse(text);
    } catch {
      throw new VoxError('invalid_json', 'the request body is not valid JSON', 400);
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new VoxError('validation_error', 'the request body must be a JSON object', 400);
  return raw as Record<string, unknown>;
}

/** `/v1/jobs/:id` → a regex, to tell 405 from 404. */
const pathRegex = (p: string) => new RegExp('^' + p.replace(/:[A-Za-z_]+/g, '[^/]+') + '/?$');

export function createApp(o: AppOptions): VoxApp {
  const { engine, config } = o;
  const routes = o.routes ?? ROUTES;
  checkRoutes(routes);
  const limiter = o.rateLimits === false ? null : o.rateLimits ?? new RateLimiter(engine.clock, undefined, locationOf(engine.db));
  const events = new EventsHub(engine, o.events);
  const mcp = new McpSessions(embeddedMcpBackend(engine, limiter), config, {
    oauth: { resource: (c) => resourceUrl(c, config), metadataUrl: (c) => resourceMetadataUrl(c, config) },
    ...o.mcp,
  });
  const app = new Hono();

  app.onError((e, c) => errorResponse(c, e));

  // Static segments before parameters, so /v1/jobs/open is not taken for /v1/jobs/:id.
  const ordered = [...routes].sort((a, b) => (a.path.match(/:/g)?.length ?? 0) - (b.path.match(/:/g)?.length ?? 0));
  for (const r of ordered) app.on(r.method, r.path, (c) => handle(c, r));

  async function handle(c: Context, r: Route): Promise<Response> {
    const key = routeKey(r);
    const verdicts: Verdict[] = [];
    const rl = () => (verdicts.length ? rateLimitHeaders(tightest(verdicts)) : {});
    const limit = (who: string) => {
      const v = hitRoute(limiter, r.aliasOf ?? key, who); // an alias counts against its route's limit
      if (!v) return;
      verdicts.push(v);
      const refused = routeRefusal(v, key);
      if (refused) throw refused;
    };
    try {
      const ip = clientIp(c, config);
      limit(`ip:${ip}`);
      const { principal, credential } = await authorize(engine.identity, r.auth, c, c.req.query('token')).catch((e) => {
        // A refused `ApiKey` is a failed login: it counts against the token endpoint's limit per IP (10 / 15 min).
        if (limiter && e instanceof VoxError && e.status === 401 && /^ApiKey\s/i.test(c.req.header('Authorization') ?? '')) {
          const login = ruleFor('POST /v1/agents/auth/token');
          const v = limiter.hit(`${login.key}|ip:${ip}`, login.rule);
          if (!v.allowed) throw new VoxError('rate_limited', `too many refused API keys from this address: retry after ${v.retry_after_s} s`, 429, { retry_after_s: v.retry_after_s });
        }
        throw e;
      });
      if (principal) limit(principal.scope === 'agent' ? `agent:${principal.agentId}` : `owner:${principal.ownerId}`);

      const params = r.params ? parsePathParams(r, c.req.param()) : {};
      const query = r.query ? parseWith(r.query, coerceQuery(r.query, c.req.query(), key)) : (coerceQuery(NO_QUERY, c.req.query(), key), {});
      let body: Record<string, unknown> = {};
      if (r.body) {
        body = await readBody(c, r);
        const known = (r.body as { shape?: Record<string, unknown> }).shape;
        const unknown = known ? Object.keys(body).filter((k) => !(k in known)) : [];
        if (unknown.length) {
          throw new VoxError('validation_error', `unknown field(s) ${unknown.map((k) => `'${k}'`).join(', ')} for ${key}; its fields: ${Object.keys(known!).join(', ')} (see /openapi.json)`, 400, { field: unknown[0] });
        }
      }
      const idempotencyKey = r.idempotent ? c.req.header('Idempotency-Key') : undefined;
      if (idempotencyKey !== undefined && r.body && 'idempotency_key' in (r.body as { shape?: object }).shape!) {
        if (body.idempotency_key !== undefined && body.idempotency_key !== idempotencyKey) {
          throw new VoxError('validation_error', 'idempotency_key in the body differs from the Idempotency-Key header: send one of them', 400, { field: 'idempotency_key' });
        }
        body.idempotency_key = idempotencyKey;
      }
      const parsedBody = r.body ? parseWith(r.body, body) : {};

      const agentId = principal?.scope === 'agent' ? principal.agentId : '';
      let mp: Marketplace | null = null;
      const ctx = {
        c, engine, config, events, principal, agentId, params, query, body: parsedBody, idempotencyKey,
        origin: new URL(c.req.url).origin,
        get mp(): Marketplace {
          if (!agentId) throw new VoxError('internal_error', `${key} has no agent`, 500);
          return (mp ??= engine.as(agentId));
        },
        reauthenticate: async () => {
          if (credential) await engine.identity.authenticate(credential);
        },
      };
      for (const [k, v] of Object.entries(rl())) c.header(k, v);
      const result = await r.handler(ctx);
      if (result instanceof Response) return result;
      // The answer is exactly the published schema: unknown fields are stripped, a mismatch is our bug.
      const out = r.response.safeParse(result);
      if (!out.success) {
        log('error', 'answer does not match its schema', { route: key, issues: out.error.issues.slice(0, 5) });
        throw new VoxError('internal_error', `${key} produced an invalid answer (logged); this is a bug in voxpact-mcp`, 500);
      }
      const envelope = isPage(r.response) ? listEnvelope(out.data as { items: unknown[] }) : { success: true, data: out.data } as Record<string, unknown>;
      if (r.response === Acknowledgement) envelope.message = (out.data as { message: string }).message;
      return c.json(envelope, (r.status ?? 200) as ContentfulStatusCode);
    } catch (e) {
      if (e instanceof VoxError && e.status >= 500) log('error', 'request failed', { route: key, code: e.code, message: e.message });
      return errorResponse(c, e, rl());
    }
  }

  // /openapi.json: generated once, the server URL filled in per request.
  let doc: Record<string, unknown> | null = null;
  app.get('/openapi.json', (c) => {
    doc ??= openApiDocument(routes, { version: VERSION });
    return c.json({ ...doc, servers: [{ url: new URL(c.req.url).origin }] });
  });
  app.get('/', (c) => c.json({
    success: true,
    data: { name: 'VoxPact (voxpact-mcp embedded server)', version: VERSION, openapi: '/openapi.json', rest: '/v1', mcp: '/mcp', events: '/v1/events?token=<jwt>' },
  }));
  app.get('/health', (c) => c.json({ success: true, status: 'ok', data: { status: 'ok', ok: true, version: VERSION } }));

  // Signed file URLs of the local store (PUT upload / GET download); no JWT: the signature is the credential.
  app.route(FILES_PATH_PREFIX, filesRoutes(engine.files.service));

  app.all('/mcp', (c) => mcp.handle(c, o.boundHost ?? config.httpHost));
  // OAuth 2.1 for clients that add /mcp by URL: discovery, registration, tokens (the owner's consent: src/web/oauth.ts).
  oauthRoutes(app, engine, config, limiter);

  // The owner's web pages (activation, login, dashboard, job, admin): src/web, cookie sessions.
  app.route('/', webRoutes({ engine, config, events, trustProxy: config.trustProxy, limiter }));

  const patterns = routes.map((r) => ({ r, re: pathRegex(r.path) }));
  app.notFound((c) => {
    const allowed = patterns.filter((p) => p.re.test(c.req.path)).map((p) => p.r.method);
    if (allowed.length) {
      c.header('Allow', [...new Set(allowed)].join(', '));
      return errorResponse(c, new VoxError('method_not_allowed', `${c.req.method} is not allowed on ${c.req.path} (allowed: ${[...new Set(allowed)].join(', ')})`, 405));
    }
    return errorResponse(c, new VoxError('not_found', `no such endpoint: ${c.req.method} ${c.req.path} (see /openapi.json)`, 404));
  });

  return Object.assign(app, {
    voxpact: {
      limiter, events, mcp, routes,
      async shutdown() {
        events.close();
        await mcp.close();
        if (o.rateLimits === undefined) limiter?.close(); // made here: its database connection too
      },
    },
  });
}

