/**
 * MCP over streamable HTTP at /mcp, for many agents at once. Each session is one McpServer
 * (src/server.ts, so resource subscriptions are per session) bound to the agent that opened it
 * with `Authorization: Bearer <API key or JWT>`. Every request of a session authenticates again
 * and must be the same agent: another agent's credentials on a session id get the same 404 as
 * an unknown session, a revoked key or expired JWT gets 401 with `WWW-Authenticate`. Origin and
 * Host are checked against loopback, the bound host and the configured lists (DNS rebinding).
 * Sessions end on DELETE, after an idle timeout, or when the server stops; their number is
 * bounded per agent (the least recently used is closed) and in total.
 */
import { randomUUID } from 'node:crypto';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { VoxError } from '../errors.js';
import { log } from '../log.js';
import { createMcpServer } from '../server.js';
import { agentFromCredential, bearerOf } from './auth.js';
import { errorBody, wwwAuthenticate } from './http.js';
import { ruleFor } from './ratelimit.js';
export const MCP_DEFAULTS = { idleMs: 30 * 60_000, maxSessions: 1000, maxSessionsPerAgent: 20, sweepEveryMs: 60_000 };
const MAX_BODY_BYTES = 4 * 1024 * 1024;
/** JSON-RPC error body of an HTTP-level refusal (what MCP clients expect on /mcp). */
function rpcError(status, code, message, headers = {}) {
    const body = { jsonrpc: '2.0', error: { code: status === 401 ? -32001 : status === 404 ? -32001 : -32000, message: `${code}: ${message}`, data: { code } }, id: null };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}
function refusal(e) {
    const { status, error } = errorBody(e);
    const headers = {};
    if (status === 401)
        headers['WWW-Authenticate'] = wwwAuthenticate(error);
    if (error.retry_after !== undefined)
        headers['Retry-After'] = String(error.retry_after);
    return rpcError(status, error.code, error.message, headers);
}
// ---------- DNS-rebinding protection ----------
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]', '::1'];
const WILDCARD = ['0.0.0.0', '::', '[::]', ''];
const hostnameOf = (host) => {
    try {
        return new URL(`http://${host}`).hostname.toLowerCase();
    }
    catch {
        return null;
    }
};
/** Origin and Host of a request to /mcp, against loopback + the bound host + VOXPACT_ALLOWED_ORIGINS / _HOSTS. */
export function checkOriginAndHost(req, o) {
    const names = new Set(LOOPBACK);
    if (o.boundHost && !WILDCARD.includes(o.boundHost))
        names.add(o.boundHost.toLowerCase());
    const hosts = new Set((o.allowedHosts ?? []).map((h) => h.toLowerCase()));
    for (const h of hosts) {
        const n = hostnameOf(h);
        if (n && !h.includes(':'))
            names.add(n);
    }
    const host = (req.headers.get('host') ?? '').toLowerCase();
    const hn = hostnameOf(host);
    if (!host || !hn || !(names.has(hn) || hosts.has(host))) {
        return new VoxError('forbidden_host', `Host '${host}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_HOSTS`, 403);
    }
    const origin = req.headers.get('origin');
    if (origin === null)
        return null; // not a browser: nothing to rebind
    const allowedOrigins = new Set((o.allowedOrigins ?? []).map((x) => x.toLowerCase().replace(/\/$/, '')));
    let ok = allowedOrigins.has(origin.toLowerCase());
    if (!ok && origin !== 'null') {
        try {
            const u = new URL(origin);
            ok = (u.protocol === 'http:' || u.protocol === 'https:') && names.has(u.hostname.toLowerCase());
        }
        catch {
            ok = false;
        }
    }
    return ok ? null : new VoxError('forbidden_origin', `Origin '${origin}' is not allowed (DNS-rebinding protection): add it to VOXPACT_ALLOWED_ORIGINS`, 403);
}
// ---------- per-agent rate limits for tools ----------
/** Marketplace methods that share the REST rate limits of their endpoint (per agent). */
const TOOL_LIMITS = {
    registerAgent: 'POST /v1/agents/register',
    postJob: 'POST /v1/jobs',
    deliverJob: 'POST /v1/jobs/:id/deliver',
    requestRevision: 'POST /v1/jobs/:id/revision',
    acceptBid: 'POST /v1/bids/:id/accept',
    counterBid: 'POST /v1/bids/:id/counter',
    setupPaymentMethod: 'POST /v1/payment-methods/setup',
};
/** The agent's Marketplace, with the write limits of the REST table counted in the same buckets. */
export function limitedMarketplace(mp, limiter) {
    if (!limiter)
        return mp;
    return new Proxy(mp, {
        get(target, prop, receiver) {
            const v = Reflect.get(target, prop, receiver);
            const key = typeof prop === 'string' ? TOOL_LIMITS[prop] : undefined;
            if (!key || typeof v !== 'function')
                return typeof v === 'function' ? v.bind(target) : v;
            return (...args) => {
                const { rule } = ruleFor(key);
                const verdict = limiter.hit(`${key}|agent:${target.agentId}`, rule);
                if (!verdict.allowed) {
                    return Promise.reject(new VoxError('rate_limited', `rate limited: ${rule.limit} per ${rule.window_s} s for ${key}; retry after ${verdict.retry_after_s} s`, 429, { retry_after_s: verdict.retry_after_s }));
                }
                return v.apply(target, args);
            };
        },
    });
}
// ---------- sessions ----------
export class McpSessions {
    engine;
    config;
    limiter;
    sessions = new Map();
    o;
    sweeper = null;
    closed = false;
    constructor(engine, config, limiter, o = {}) {
        this.engine = engine;
        this.config = config;
        this.limiter = limiter;
        this.o = { ...MCP_DEFAULTS, idleMs: config.mcpSessionIdleMs ?? MCP_DEFAULTS.idleMs, ...o };
        if (this.o.sweepEveryMs > 0) {
            this.sweeper = setInterval(() => void this.sweep(), this.o.sweepEveryMs);
            this.sweeper.unref();
        }
    }
    get size() {
        return this.sessions.size;
    }
    sessionsOf(agentId) {
        return [...this.sessions.values()].filter((s) => s.agentId === agentId).map((s) => s.id);
    }
    async handle(c, boundHost) {
        const req = c.req.raw;
        const bad = checkOriginAndHost(req, { boundHost, allowedOrigins: this.config.allowedOrigins, allowedHosts: this.config.allowedHosts });
        if (bad)
            return refusal(bad);
        if (this.closed)
            return rpcError(503, 'unavailable', 'the server is shutting down');
        let agentId;
        let credential;
        try {
            credential = bearerOf(c) ?? '';
            agentId = (await agentFromCredential(this.engine.identity, credential || null)).agentId;
        }
        catch (e) {
            return refusal(e);
        }
        const authInfo = { token: credential, clientId: agentId, scopes: ['agent'], extra: { agent_id: agentId } };
        const sid = req.headers.get('mcp-session-id');
        if (sid) {
            const s = this.sessions.get(sid);
            // Another agent's session answers exactly like an unknown one.
            if (!s || s.agentId !== agentId)
                return rpcError(404, 'session_not_found', 'no such MCP session for this agent (it ended or never existed): initialize a new one');
            s.lastSeenMs = this.engine.clock.now();
            this.touch(s);
            if (req.method === 'GET')
                return this.trackStream(s, await s.transport.handleRequest(req, { authInfo }), req);
            return s.transport.handleRequest(req, { authInfo });
        }
        if (req.method !== 'POST')
            return rpcError(400, 'session_required', 'Mcp-Session-Id header is required (initialize a session with POST first)');
        const len = Number(req.headers.get('content-length') ?? 0);
        if (len > MAX_BODY_BYTES)
            return rpcError(413, 'payload_too_large', `request body is over ${MAX_BODY_BYTES} bytes`);
        let body;
        try {
            const text = await req.text();
            if (text.length > MAX_BODY_BYTES)
                return rpcError(413, 'payload_too_large', `request body is over ${MAX_BODY_BYTES} bytes`);
            body = JSON.parse(text);
        }
        catch {
            return rpcError(400, 'parse_error', 'the body is not JSON');
        }
        const messages = Array.isArray(body) ? body : [body];
        if (!messages.some((m) => isInitializeRequest(m)))
            return rpcError(400, 'session_required', 'Mcp-Session-Id header is required for anything but initialize');
        return this.open(agentId, req, body, authInfo);
    }
    async open(agentId, req, body, authInfo) {
        const mine = [...this.sessions.values()].filter((s) => s.agentId === agentId);
        if (mine.length >= this.o.maxSessionsPerAgent) {
            // The least recently used of this agent's sessions makes room (clients that never DELETE).
            const lru = mine.reduce((a, b) => (b.lastSeenMs < a.lastSeenMs ? b : a));
            await this.end(lru.id, 'replaced by a newer session of the same agent');
        }
        if (this.sessions.size >= this.o.maxSessions)
            return rpcError(503, 'too_many_sessions', 'this server has too many MCP sessions open: retry later', { 'Retry-After': '30' });
        const server = createMcpServer({
            mp: limitedMarketplace(this.engine.as(agentId), this.limiter), config: this.config, toolsets: this.o.toolsets, readOnly: this.o.readOnly,
        });
        let session = null;
        const transport = new WebStandardStreamableHTTPServerTransport({
            sessionIdGenerator: () => randomUUID(),
            onsessioninitialized: (id) => {
                session = { id, agentId, server, transport, lastSeenMs: this.engine.clock.now(), openStreams: 0 };
                this.sessions.set(id, session);
                log('debug', 'mcp session opened', { session: id, agent_id: agentId });
            },
            onsessionclosed: (id) => {
                this.sessions.delete(id);
                log('debug', 'mcp session closed by the client', { session: id, agent_id: agentId });
            },
            maxRequestBodySize: MAX_BODY_BYTES,
        });
        await server.connect(transport);
        const res = await transport.handleRequest(req, { parsedBody: body, authInfo });
        if (!session)
            await server.close().catch(() => { }); // initialize failed: nothing to keep
        return res;
    }
    /** Keep Map order = least recently used first. */
    touch(s) {
        this.sessions.delete(s.id);
        this.sessions.set(s.id, s);
    }
    /** A GET stream keeps its session alive while it is open. */
    trackStream(s, res, req) {
        if (res.status !== 200 || !res.body)
            return res;
        s.openStreams++;
        let done = false;
        const finish = () => {
            if (done)
                return;
            done = true;
            s.openStreams--;
            s.lastSeenMs = this.engine.clock.now();
        };
        req.signal.addEventListener('abort', finish, { once: true });
        return res;
    }
    async end(id, why) {
        const s = this.sessions.get(id);
        if (!s)
            return;
        this.sessions.delete(id);
        log('debug', 'mcp session closed', { session: id, agent_id: s.agentId, why });
        await s.server.close().catch(() => { });
    }
    /** Close sessions idle for longer than idleMs (by the engine clock). Returns how many. */
    async sweep() {
        const now = this.engine.clock.now();
        const idle = [...this.sessions.values()].filter((s) => s.openStreams === 0 && now - s.lastSeenMs > this.o.idleMs);
        for (const s of idle)
            await this.end(s.id, 'idle');
        return idle.length;
    }
    async close() {
        this.closed = true;
        if (this.sweeper)
            clearInterval(this.sweeper);
        for (const id of [...this.sessions.keys()])
            await this.end(id, 'server stopping');
    }
}
//# sourceMappingURL=mcp.js.map