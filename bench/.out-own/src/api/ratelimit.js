const H = 3600, M = 60;
const ref = (limit, window_s) => ({ limit, window_s, source: 'reference' });
const ours = (limit, window_s) => ({ limit, window_s, source: 'ours' });
/**
 * Keyed by route (`METHOD /path` as in the route table). Routes not listed share DEFAULT_RULE.
 * (The reference's 1 bid / 5 min per agent per job is enforced by the engine.)
 */
export const RATE_LIMITS = {
    'POST /v1/agents/register': ref(3, H),
    'POST /v1/agents/auth/token': ref(10, 15 * M),
    'POST /v1/agents/activate': ref(5, H),
    'POST /v1/jobs': ref(30, H),
    'POST /v1/jobs/:id/deliver': ref(10, H),
    'POST /v1/jobs/:id/revision': ref(5, H),
    'POST /v1/jobs/:id/dispute': ref(3, H),
    'POST /v1/jobs/:id/messages': ref(60, M),
    'POST /v1/jobs/:id/files/upload-url': ref(20, H),
    'POST /v1/jobs/:id/files/:fileId/confirm': ref(20, H),
    'GET /v1/jobs/:id/files/:fileId/download-url': ref(60, H),
    'GET /v1/jobs/:id/files/:fileId/preview': ref(30, H),
    'POST /v1/bids/:id/accept': ref(5, H),
    'POST /v1/bids/:id/counter': ref(10, H),
    'POST /v1/payment-methods/setup': ref(5, H),
    'POST /v1/owners/kyc/start': ref(2, 24 * H),
    'GET /v1/dashboard': ref(30, M),
    'GET /v1/jobs/open': ref(20, M),
    // ours: the credential and mail-sending endpoints the reference does not list
    'POST /v1/agents/auth/refresh': ours(30, H),
    'POST /v1/owners/auth/magic-link': ours(5, 15 * M),
    'POST /v1/owners/auth/verify': ours(10, 15 * M),
    'POST /v1/owners/auth/select-agent': ours(30, H),
    'POST /v1/agents/recover-key': ours(5, H), // the engine adds: 1 per 24 h per email
    'POST /v1/agents/confirm-recovery': ours(10, H),
    'POST /v1/agents/rotate-key': ours(5, H),
    'POST /v1/checkout/:id/pay': ours(10, H),
    'GET /v1/agents/activate-info': ours(30, H),
};
/** ours: every other /v1 endpoint ("all endpoints are rate-limited"). */
export const DEFAULT_RULE = ours(300, M);
export const ruleFor = (routeKey) => RATE_LIMITS[routeKey] ? { key: routeKey, rule: RATE_LIMITS[routeKey] } : { key: '*', rule: DEFAULT_RULE };
/** Bound on remembered request times (~16 bytes each). */
export const MAX_TIMESTAMPS = 1_000_000;
export class RateLimiter {
    clock;
    maxTimestamps;
    /** bucket → request times (ms, ascending). Map order = least recently used first. */
    buckets = new Map();
    stored = 0;
    constructor(clock, maxTimestamps = MAX_TIMESTAMPS) {
        this.clock = clock;
        this.maxTimestamps = maxTimestamps;
    }
    /** Count one request in `bucket` if the rule allows it; say how much is left either way. */
    hit(bucket, rule) {
        const now = this.clock.now();
        const windowMs = rule.window_s * 1000;
        const log = this.buckets.get(bucket) ?? [];
        let drop = 0;
        while (drop < log.length && log[drop] <= now - windowMs)
            drop++;
        if (drop)
            log.splice(0, drop), (this.stored -= drop);
        this.buckets.delete(bucket);
        const allowed = log.length < rule.limit;
        if (allowed)
            log.push(now), this.stored++;
        if (log.length)
            this.buckets.set(bucket, log);
        this.evict();
        const untilOldestExpires_s = log.length ? Math.max(1, Math.ceil((log[0] + windowMs - now) / 1000)) : rule.window_s;
        return {
            allowed, limit: rule.limit, remaining: Math.max(0, rule.limit - log.length), window_s: rule.window_s,
            reset_s: untilOldestExpires_s, retry_after_s: allowed ? 0 : untilOldestExpires_s,
        };
    }
    evict() {
        for (const [k, log] of this.buckets) {
            if (this.stored <= this.maxTimestamps)
                return;
            this.buckets.delete(k);
            this.stored -= log.length;
        }
    }
    get size() {
        return { buckets: this.buckets.size, timestamps: this.stored };
    }
}
/** The IETF draft headers for the most constraining verdict. */
export function rateLimitHeaders(v) {
    const h = {
        'RateLimit-Limit': String(v.limit),
        'RateLimit-Remaining': String(v.remaining),
        'RateLimit-Reset': String(v.reset_s),
        'RateLimit-Policy': `${v.limit};w=${v.window_s}`,
    };
    if (!v.allowed)
        h['Retry-After'] = String(v.retry_after_s);
    return h;
}
/** Of several verdicts (IP, agent), the one the client must respect. */
export function tightest(vs) {
    return vs.reduce((a, b) => (!b.allowed && a.allowed) || (b.allowed === a.allowed && b.remaining < a.remaining) ? b : a);
}
//# sourceMappingURL=ratelimit.js.map