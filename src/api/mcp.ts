/**
 * MCP over streamable HTTP at /mcp, for many agents at once, in both protocol revisions. A
 * 2026-07-28 request (it carries the protocol envelope in `_meta`) is stateless and goes to
 * src/api/mcp-stateless.ts. A 2025 (or older) client keeps its session: each session is one
 * McpServer (src/server.ts, so resource subscriptions are per session) bound to the agent that
 * opened it with `Authorization: Bearer <API key or JWT>`, with an event store so a dropped stream
 * resumes with `Last-Event-ID`. Every request of a session authenticates again
 * and must be the same agent: another agent's credentials on a session id get the same 404 as
 * an unknown session, a revoked key or expired JWT gets 401 with `WWW-Authenticate`. Origin and
 * Host are checked against loopback, the bound host and the configured lists (DNS rebinding).
 * Sessions end on DELETE, after an idle timeout, or when the server stops; their number is
 * bounded per agent (the least recently used is closed) and in total.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import { WebStandardStreamableHTTPServerTransport, isInitializeRequest, isLegacyRequest } from '@modelcontextprotocol/server';
import type { McpServer } from '@modelcontextprotocol/server';
import type { ConfirmationStore } from '../confirm.js';
import { MemoryEventStore } from './event-store.js';
import { StatelessMcp } from './mcp-stateless.js';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import { VoxError } from '../errors.js';
import { OAuthStore, oauthOf, sameResource } from '../engine/oauth.js';
import { log } from '../log.js';
import type { Marketplace } from '../marketplace.js';
import { createMcpServer } from '../server.js';
import { DISCOVERY_TOOLS } from '../../tools/index.js';
import { agentFromCredential, bearerOf } from './auth.js';
import { readText } from './body.js';
import { errorBody, wwwAuthenticate } from './http.js';
import { AUTH_FAILURES, type RateLimiter, clientIp, limitedMarketplace, rateLimited } from './ratelimit.js';

export type McpHttpOptions = {
  toolsets?: string[];
  readOnly?: boolean;
  /** Close a session with no request and no open stream for this long (default 30 min). */
  idleMs?: number;
  maxSessions?: number;
  maxSessionsPerAgent?: number;
  /** How often idle sessions are looked for (real time; 0 = never, tests call sweep()). */
  sweepEveryMs?: number;
  /**
   * OAuth (embedded, src/api/oauth.ts): this server's resource indicator, which an OAuth access
   * token must name as its audience, and the RFC 9728 metadata URL every 401 points to.
   */
  oauth?: { resource(c: Context): string; metadataUrl(c: Context): string };
};
export const MCP_DEFAULTS = { idleMs: 30 * 60_000, maxSessions: 1000, maxSessionsPerAgent: 20, sweepEveryMs: 60_000 } as const;
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Where a session's agent and Marketplace come from. Embedded: the local engine (every request
 * re-authenticates, so a revoked key ends the session). Hosted (src/hosted/http.ts): the REST
 * API the sessions proxy to, asked once per session.
 */
export interface McpBackend {
  now(): number;
  /** A new session's agent and Marketplace, from the bearer credential; throws a VoxError (401) when refused. */
  open(credential: string): Promise<{ agentId: string; mp: Marketplace; close?(): Promise<void> }>;
  /** The agent of `credential` on a request to an open session of `session.agentId`; throws a VoxError (401) when refused. */
  check(credential: string, session: { agentId: string; credential: string }): Promise<string>;
  /** Where spending confirmations are signed and spent once (src/confirm.ts). */
  confirmations: ConfirmationStore;
  /** Subscribe to credential revocations (embedded: Identity.onRevoked); returns the unsubscribe function. */
  onRevoked?(fn: () => void): () => void;
  /** The server's limiter (embedded): failed credentials count per IP (AUTH_FAILURES). */
  limiter?: RateLimiter | null;
  /** Without credentials: a Marketplace with only the public reads and registration (embedded); absent = 401. */
  anonymous?(): OpenedSession;
  /** The Marketplace of an API key given inline on a tool call (`api_key`); throws a VoxError (401, 429). */
  agentOfKey?(apiKey: string, ip?: string): Promise<Marketplace>;
}

type OpenedSession = Awaited<ReturnType<McpBackend['open']>>;

/** The embedded engine's sessions: the agent of an API key or JWT, with the REST write limits. */
export function embeddedMcpBackend(engine: Engine, limiter: RateLimiter | null): McpBackend {
  // An API key, an agent JWT, or an OAuth access token (src/engine/oauth.ts): the agent its owner granted, within the connection's policy.
  const grantOf = async (credential: string) => (await OAuthStore.isAccessToken(credential)
    ? oauthOf(engine.ctx).verifyAccessToken(credential)
    : { agentId: (await agentFromCredential(engine.identity, credential || null)).agentId, policy: undefined });
  return {
    now: () => engine.clock.now(),
    async open(credential) {
      const { agentId, policy } = await grantOf(credential);
      return { agentId, mp: limitedMarketplace(engine.as(agentId, policy), limiter) };
    },
    check: async (credential) => (await grantOf(credential)).agentId,
    confirmations: engine.confirmations,
    onRevoked: (fn) => engine.identity.onRevoked(fn),
    limiter,
    anonymous: () => ({ agentId: '', mp: anonymousMarketplace(engine) }),
    async agentOfKey(apiKey, ip) {
      // Checked per call like a login: refused keys count against the failed-credentials limit of the address.
      const failures = `${AUTH_FAILURES.key}|ip:${ip ?? 'unknown'}`;
      const before = limiter?.peek(failures, AUTH_FAILURES.rule);
      if (before && !before.allowed) throw rateLimited(before, 'refused API keys from this address');
      try {
        return limitedMarketplace(engine.as(engine.authenticate(apiKey)), limiter);
      } catch (e) {
        if (limiter && e instanceof VoxError && e.status === 401) limiter.hit(failures, AUTH_FAILURES.rule);
        throw e;
      }
    },
  };
}

/**
 * The Marketplace of a caller without credentials: the public reads (search agents, open jobs,
 * profiles, platform terms) and registration, as the REST API serves them without a token;
 * anything else is a 401 that says how to sign in.
 */
function anonymousMarketplace(engine: Engine): Marketplace {
  const open = engine.anonymous as Record<string, unknown>;
  return new Proxy({} as Marketplace, {
    get(_t, prop) {
      if (prop === 'agentId') return '';
      if (typeof prop === 'string' && typeof open[prop] === 'function') return open[prop];
      return () => Promise.reject(new VoxError('unauthorized', 'this needs an agent: send Authorization: Bearer <API key or JWT>, or api_key on the call', 401));
    },
  });
}

/**
 * The method of a request in `body` that a caller without credentials may not make, if any: it
 * may open a connection, list and run the discovery tools, read prompts, and run any tool with
 * its `api_key` inline (src/tool.ts); everything else answers 401, as before.
 */
function needsAgent(body: unknown): string | null {
  for (const m of Array.isArray(body) ? body : [body]) {
    const msg = m as { method?: unknown; params?: { name?: unknown; arguments?: { api_key?: unknown } } } | null;
    if (!msg || typeof msg.method !== 'string' || msg.method.startsWith('notifications/')) continue;
    if (['initialize', 'ping', 'server/discover', 'tools/list', 'prompts/list', 'prompts/get'].includes(msg.method)) continue;
    if (msg.method === 'tools/call' && (DISCOVERY_TOOLS.includes(String(msg.params?.name)) || typeof msg.params?.arguments?.api_key === 'string')) continue;
    return msg.method === 'tools/call' ? `the tool ${String(msg.params?.name)}` : msg.method;
  }
  return null;
}

type Session = {
  id: string;
  agentId: string;
  /** The bearer credential that opened it (the hosted backend compares later requests with it). */
  credential: string;
  close?(): Promise<void>;
  server: McpServer;
  transport: WebStandardStreamableHTTPServerTransport;
  lastSeenMs: number;
  openStreams: number;
};

/** JSON-RPC error body of an HTTP-level refusal (what MCP clients expect on /mcp). */
function rpcError(status: number, code: string, message: string, headers: Record<string, string> = {}): Response {
  const body = { jsonrpc: '2.0', error: { code: status === 401 ? -32001 : status === 404 ? -32001 : -32000, message: `${code}: ${message}`, data: { code } }, id: null };
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function refusal(e: unknown): Response {
  const { status, error } = errorBody(e);
  const headers: Record<string, string> = {};
  if (status === 401) headers['WWW-Authenticate'] = wwwAuthenticate(error);
  if (error.retry_after !== undefined) headers['Retry-After'] = String(error.retry_after);
  return rpcError(status, error.code, error.message, headers);
}

// ---------- DNS-rebinding protection ----------

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];
const WILDCARD = ['0.0.0.0', '::', '[::]', ''];
const hostnameOf = (host: string) => {
  try {
    return new URL(`http://${host}`).hostname.toLowerCase();
  } catch {
    return null;
  }
};

/** Origin and Host of a request to /mcp, against loopback + the bound host + VOXPACT_ALLOWED_ORIGINS / _HOSTS. */
export function checkOriginAndHost(req: Request, o: { boundHost?: string; allowedOrigins?: string[]; allowedHosts?: string[] }): VoxError | null {
  const names = new Set(LOOPBACK);
  if (o.boundHost && !WILDCARD.includes(o.boundHost)) names.add(o.boundHost.toLowerCase());
  const hosts = new Set((o.allowedHosts ?? []).map((h) => h.toLowerCase()));
  for (const h of hosts) {
    const n = hostnameOf(h);
    if (n && !h.includes(':')) names.add(n);
  }
  const host = (req.headers.get('host') ?? '').toLowerCase();
  const hn = hostnameOf(host);
  if (!host || !hn || !(names.has(hn) || hosts.has(host))) {
    return new VoxError('forbidden_host', `Host '${host}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_HOSTS`, 403);
  }
  const origin = req.headers.get('origin');
  if (origin === null) return null; // not a browser: nothing to rebind
  const allowedOrigins = new Set((o.allowedOrigins ?? []).map((x) => x.toLowerCase().replace(/\/$/, '')));
  let ok = allowedOrigins.has(origin.toLowerCase());
  if (!ok && origin !== 'null') {
    try {
      const u = new URL(origin);
      ok = (u.protocol === 'http:' || u.protocol === 'https:') && names.has(u.hostname.toLowerCase());
    } catch {
      ok = false;
    }
  }
  return ok ? null : new VoxError('forbidden_origin', `Origin '${origin}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_ORIGINS`, 403);
}

/**
 * A POST's JSON body, read as a stream and cut off at MAX_BODY_BYTES (src/api/body.ts: a large body
 * never sits in memory whole), or the refusal: 413 over the limit, -32700 when it is not JSON.
 */
async function readBody(req: Request): Promise<{ body: unknown } | Response> {
  let text: string;
  try {
    text = await readText(req, MAX_BODY_BYTES);
  } catch (e) {
    return refusal(e);
  }
  try {
    return { body: JSON.parse(text) };
  } catch {
    const body = { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: the body is not JSON' }, id: null };
    return new Response(JSON.stringify(body), { status: 400, headers: { 'Content-Type': 'application/json' } });
  }
}

/** The audience of an OAuth access token in the Authorization header (unverified: the backend verifies it), else null. */
async function audienceOf(c: Context): Promise<string[] | null> {
  const credential = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!credential || !(await OAuthStore.isAccessToken(credential))) return null;
  const { decodeJwt } = await import('jose');
  try {
    return [decodeJwt(credential).aud ?? []].flat().map(String);
  } catch {
    return null;
  }
}

/** Does `body` open a 2025 session (an initialize request)? */
const opensSession = (body: unknown) => (Array.isArray(body) ? body : [body]).some((m) => isInitializeRequest(m));

// ---------- sessions ----------

export class McpSessions {
  private readonly sessions = new Map<string, Session>();
  private readonly o: Required<Omit<McpHttpOptions, 'toolsets' | 'readOnly' | 'oauth'>> & Pick<McpHttpOptions, 'toolsets' | 'readOnly' | 'oauth'>;
  private sweeper: NodeJS.Timeout | null = null;
  private closed = false;
  /** 2026-07-28 requests: no sessions, one handler per credential. */
  readonly stateless: StatelessMcp;
  private readonly unsubscribe: (() => void) | undefined;

  constructor(private readonly backend: McpBackend, private readonly config: Config, o: McpHttpOptions = {}) {
    this.o = { ...MCP_DEFAULTS, idleMs: config.mcpSessionIdleMs ?? MCP_DEFAULTS.idleMs, ...o };
    this.stateless = new StatelessMcp(config, {
      toolsets: this.o.toolsets, readOnly: this.o.readOnly, idleMs: this.o.idleMs, maxBodyBytes: MAX_BODY_BYTES, confirmations: backend.confirmations,
      agentOfKey: backend.agentOfKey?.bind(backend),
    }, () => backend.now());
    // A rotated key or an ended owner session closes the sessions and listen streams it opened at once, not at their next request.
    this.unsubscribe = backend.onRevoked?.(() => void this.endRevoked());
    if (this.o.sweepEveryMs > 0) {
      this.sweeper = setInterval(() => void this.sweep(), this.o.sweepEveryMs);
      this.sweeper.unref();
    }
  }

  get size() {
    return this.sessions.size;
  }
  sessionsOf(agentId: string) {
    return [...this.sessions.values()].filter((s) => s.agentId === agentId).map((s) => s.id);
  }

  async handle(c: Context, boundHost?: string): Promise<Response> {
    const oauth = this.o.oauth;
    if (!oauth) return this.serve(c, boundHost);
    // An OAuth access token is only good for this server's /mcp (RFC 8707); its signature and grant are checked by the backend.
    const aud = await audienceOf(c);
    const res = aud && !aud.some((a) => sameResource(a, oauth.resource(c)))
      ? refusal(new VoxError('invalid_token', `this access token is for ${aud.join(', ')}, not for ${oauth.resource(c)}`, 401))
      : await this.serve(c, boundHost);
    // Every 401 tells an OAuth client where to start (RFC 9728 §5.1).
    if (res.status === 401) res.headers.set('WWW-Authenticate', `${res.headers.get('WWW-Authenticate') ?? 'Bearer realm="voxpact"'}, resource_metadata="${oauth.metadataUrl(c)}"`);
    return res;
  }

  private async serve(c: Context, boundHost?: string): Promise<Response> {
    const req = c.req.raw;
    const bad = checkOriginAndHost(req, { boundHost, allowedOrigins: this.config.allowedOrigins, allowedHosts: this.config.allowedHosts });
    if (bad) return refusal(bad);
    if (this.closed) return rpcError(503, 'unavailable', 'the server is shutting down');
    // Failed credentials are counted per IP; past the limit nothing is checked (key guessing).
    const limiter = this.backend.limiter;
    const failures = `${AUTH_FAILURES.key}|ip:${clientIp(c, this.config)}`;
    if (limiter) {
      const v = limiter.peek(failures, AUTH_FAILURES.rule);
      if (!v.allowed) return refusal(rateLimited(v, 'failed /mcp credentials from this address'));
    }
    const refused = (e: unknown) => {
      if (limiter && e instanceof VoxError && e.status === 401) limiter.hit(failures, AUTH_FAILURES.rule);
      return refusal(e);
    };
    const credential = bearerOf(c) ?? '';
    let parsedBody: unknown;
    if (req.method === 'POST') {
      const read = await readBody(req);
      if (read instanceof Response) return read;
      parsedBody = read.body;
    }
    const anonymous = credential === '' && !!this.backend.anonymous;
    if (anonymous) {
      const what = needsAgent(parsedBody);
      if (what) {
        return refusal(new VoxError('unauthorized', `missing credentials: ${what} needs an agent. Send Authorization: Bearer <API key or JWT> (or api_key on a tool call); without credentials only ${DISCOVERY_TOOLS.join(', ')} run`, 401));
      }
    }
    const ip = clientIp(c, this.config);
    if (!(await isLegacyRequest(req, parsedBody))) return this.handleStateless(req, credential, parsedBody, refused, ip);
    const sid = req.headers.get('mcp-session-id');
    if (sid) {
      const s = this.sessions.get(sid);
      let agentId: string;
      try {
        // A session opened without credentials stays one: it is used without them too.
        agentId = anonymous && s?.agentId === '' ? '' : await this.backend.check(credential, { agentId: s?.agentId ?? '', credential: s?.credential ?? '' });
      } catch (e) {
        return refused(e);
      }
      // Another agent's session answers exactly like an unknown one.
      if (!s || s.agentId !== agentId) return rpcError(404, 'session_not_found', 'no such MCP session for this agent (it ended or never existed): initialize a new one');
      s.lastSeenMs = this.backend.now();
      this.touch(s);
      const authInfo = this.authInfo(credential, agentId, ip);
      if (req.method === 'GET') return this.trackStream(s, await s.transport.handleRequest(req, { authInfo }), req);
      return s.transport.handleRequest(req, { authInfo, parsedBody });
    }
    // Credentials first (a refusal is a 401 whatever the body), then the initialize request.
    let opened: OpenedSession;
    try {
      opened = anonymous ? this.backend.anonymous!() : await this.backend.open(credential);
    } catch (e) {
      return refused(e);
    }
    if (req.method !== 'POST' || !opensSession(parsedBody)) {
      await opened.close?.();
      return rpcError(400, 'session_required', req.method === 'POST'
        ? 'Mcp-Session-Id header is required for anything but initialize (or send a 2026-07-28 request, which needs no session)'
        : 'Mcp-Session-Id header is required (initialize a session with POST first)');
    }
    return this.open(opened, credential, req, parsedBody, ip);
  }

  /** A 2026-07-28 request: authenticated on its own, answered by its agent's stateless handler. */
  private async handleStateless(req: Request, credential: string, parsedBody: unknown, refused: (e: unknown) => Response, ip: string): Promise<Response> {
    try {
      const anonymous = credential === '' && !!this.backend.anonymous;
      const entry = await this.stateless.handlerFor(credential, async () => (anonymous ? this.backend.anonymous!() : this.backend.open(credential)));
      // Every request proves its credential again (a revoked key or an expired JWT stops at once).
      const agentId = anonymous ? '' : await this.backend.check(credential, { agentId: entry.agentId, credential });
      if (agentId !== entry.agentId) return rpcError(401, 'unauthorized', 'this credential no longer belongs to the agent it was issued for');
      return await entry.handler.fetch(req, { authInfo: this.authInfo(credential, agentId, ip), parsedBody });
    } catch (e) {
      return refused(e);
    }
  }

  private authInfo(credential: string, agentId: string, ip: string) {
    return { token: credential, clientId: agentId, scopes: agentId ? ['agent'] : [], extra: { agent_id: agentId, ip } };
  }

  private async open(opened: OpenedSession, credential: string, req: Request, body: unknown, ip: string): Promise<Response> {
    const { agentId, mp } = opened;
    const mine = [...this.sessions.values()].filter((s) => s.agentId === agentId);
    if (mine.length >= this.o.maxSessionsPerAgent) {
      // The least recently used of this agent's sessions makes room (clients that never DELETE).
      const lru = mine.reduce((a, b) => (b.lastSeenMs < a.lastSeenMs ? b : a));
      await this.end(lru.id, 'replaced by a newer session of the same agent');
    }
    if (this.sessions.size >= this.o.maxSessions) {
      await opened.close?.();
      return rpcError(503, 'too_many_sessions', 'this server has too many MCP sessions open: retry later', { 'Retry-After': '30' });
    }
    const server = createMcpServer({
      mp, config: this.config, confirmations: this.backend.confirmations, toolsets: this.o.toolsets, readOnly: this.o.readOnly,
      anonymous: agentId === '', agentOfKey: this.backend.agentOfKey?.bind(this.backend),
    });
    let session: Session | null = null;
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        session = { id, agentId, credential, close: opened.close, server, transport, lastSeenMs: this.backend.now(), openStreams: 0 };
        this.sessions.set(id, session);
        log('debug', 'mcp session opened', { session: id, agent_id: agentId });
      },
      onsessionclosed: (id) => {
        this.sessions.delete(id);
        void opened.close?.();
        log('debug', 'mcp session closed by the client', { session: id, agent_id: agentId });
      },
      maxRequestBodySize: MAX_BODY_BYTES,
      eventStore: new MemoryEventStore(),
    });
    await server.connect(transport);
    const res = await transport.handleRequest(req, { parsedBody: body, authInfo: this.authInfo(credential, agentId, ip) });
    if (!session) {
      // initialize failed: nothing to keep
      await server.close().catch(() => {});
      await opened.close?.();
    }
    return res;
  }

  /** Keep Map order = least recently used first. */
  private touch(s: Session) {
    this.sessions.delete(s.id);
    this.sessions.set(s.id, s);
  }

  /** A GET stream keeps its session alive while it is open. */
  private trackStream(s: Session, res: Response, req: Request): Response {
    if (res.status !== 200 || !res.body) return res;
    s.openStreams++;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      s.openStreams--;
      s.lastSeenMs = this.backend.now();
    };
    req.signal.addEventListener('abort', finish, { once: true });
    return res;
  }

  private async end(id: string, why: string) {
    const s = this.sessions.get(id);
    if (!s) return;
    this.sessions.delete(id);
    log('debug', 'mcp session closed', { session: id, agent_id: s.agentId, why });
    await s.server.close().catch(() => {});
    await s.close?.().catch(() => {});
  }

  /** Close every session and stateless handler whose credential no longer authenticates as its agent. */
  private async endRevoked() {
    const still = (credential: string, agentId: string) => this.backend.check(credential, { agentId, credential }).then((id) => id === agentId, () => false);
    for (const s of [...this.sessions.values()]) {
      if (!(await still(s.credential, s.agentId))) await this.end(s.id, 'credentials revoked');
    }
    await this.stateless.endRevoked(still);
  }

  /** Close sessions idle for longer than idleMs (by the engine clock). Returns how many. */
  async sweep(): Promise<number> {
    const now = this.backend.now();
    const idle = [...this.sessions.values()].filter((s) => s.openStreams === 0 && now - s.lastSeenMs > this.o.idleMs);
    for (const s of idle) await this.end(s.id, 'idle');
    return idle.length + (await this.stateless.sweep());
  }

  async close() {
    this.closed = true;
    this.unsubscribe?.();
    if (this.sweeper) clearInterval(this.sweeper);
    for (const id of [...this.sessions.keys()]) await this.end(id, 'server stopping');
    await this.stateless.close();
  }
}
