/**
 * Rate limits: one table of data (the reference's, plus ours where it is silent), one limiter,
 * and buckets keyed the same whichever door a request comes through — `<route key>|ip:<address>`
 * and `<route key>|agent:<id>`. The REST routes, the MCP tools that do what a limited route does
 * (TOOL_ROUTES), the web forms (login, verify, select, activate, pay) and failed credentials on
 * /mcp all count in the same buckets. The request times live in SQLite (table rate_hits), on
 * the marketplace database when there is one, so several server processes on one database see
 * the same counts; an exact sliding window. 429 answers carry `Retry-After`; limited answers the
 * IETF draft headers `RateLimit-Limit`, `-Remaining`, `-Reset` and `-Policy`. The number of
 * stored times is bounded (the oldest go first). Time comes from the injected clock.
 */
import Database from 'better-sqlite3';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Clock } from '../clock.js';
import { type DB, writeTx } from '../engine/db.js';
import { PgDatabase, isPostgresUrl } from '../engine/pg.js';
import { VoxError } from '../errors.js';
import type { Marketplace } from '../marketplace.js';

export type RateRule = { limit: number; window_s: number; source: 'reference' | 'ours' };

const H = 3600, M = 60;
const ref = (limit: number, window_s: number): RateRule => ({ limit, window_s, source: 'reference' });
const ours = (limit: number, window_s: number): RateRule => ({ limit, window_s, source: 'ours' });

/**
 * Keyed by route (`METHOD /path` as in the route table). Routes not listed share DEFAULT_RULE.
 * (The reference's 1 bid / 5 min per agent per job is enforced by the engine.)
 */
export const RATE_LIMITS: Record<string, RateRule> = {
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
/** ours: failed credentials (401) per IP on /mcp, whatever the key or token guessed. */
export const AUTH_FAILURES = { key: 'auth failures', rule: ours(20, 15 * M) } as const;
/** ours: every other /v1 endpoint ("all endpoints are rate-limited"). */
export const DEFAULT_RULE: RateRule = ours(300, M);
export const ruleFor = (routeKey: string): { key: string; rule: RateRule } =>
  RATE_LIMITS[routeKey] ? { key: routeKey, rule: RATE_LIMITS[routeKey] } : { key: '*', rule: DEFAULT_RULE };

/** Bound on remembered request times (~40 bytes each in SQLite). */
export const MAX_TIMESTAMPS = 1_000_000;
/** The longest window of the table (kyc: a day); older times are purged. */
const LONGEST_WINDOW_MS = 24 * H * 1000;
const PURGE_EVERY = 1000;

export type Verdict = { allowed: boolean; limit: number; remaining: number; reset_s: number; retry_after_s: number; window_s: number };

/** The advisory lock of the limiter's write transactions on PostgreSQL ("voxr"). */
const RATE_LOCK = 0x766f7872;

export class RateLimiter {
  private readonly db: DB;
  /** Times stored, as this process last knew (re-counted when it evicts). */
  private stored: number;
  private hits = 0;

  /**
   * `dbPath`: the marketplace database (shared by every process on it); its own connection with
   * synchronous=NORMAL, so counting a request does not cost an fsync. Without one: in memory.
   * On PostgreSQL (a URL): its own connection, whose write transactions take the limiter's own
   * lock (not the engine's), and the rate_hits table the marketplace migrations made.
   */
  constructor(private readonly clock: Clock, private readonly maxTimestamps = MAX_TIMESTAMPS, dbPath?: string) {
    if (dbPath && isPostgresUrl(dbPath)) {
      this.db = new PgDatabase(dbPath, RATE_LOCK) as unknown as DB;
    } else {
      const shared = dbPath !== undefined && dbPath !== '' && dbPath !== ':memory:';
      this.db = Object.defineProperty(new Database(shared ? dbPath : ':memory:'), 'dialect', { value: 'sqlite' }) as DB;
      this.db.pragma('busy_timeout = 10000');
      if (shared) this.db.pragma('synchronous = NORMAL');
      // The limiter's own table (also on its in-memory database), so not a marketplace migration.
      this.db.exec('CREATE TABLE IF NOT EXISTS rate_hits (bucket TEXT NOT NULL, at INTEGER NOT NULL); CREATE INDEX IF NOT EXISTS rate_hits_bucket ON rate_hits(bucket, at)');
    }
    this.stored = this.count();
  }

  private count() {
    return (this.db.prepare('SELECT COUNT(*) n FROM rate_hits').get() as { n: number }).n;
  }

  /** Count one request in `bucket` if the rule allows it; say how much is left either way. */
  hit(bucket: string, rule: RateRule): Verdict {
    return this.look(bucket, rule, true);
  }

  /** What `hit` would answer, without counting anything. */
  peek(bucket: string, rule: RateRule): Verdict {
    return this.look(bucket, rule, false);
  }

  private look(bucket: string, rule: RateRule, count: boolean): Verdict {
    const now = this.clock.now();
    const windowMs = rule.window_s * 1000;
    const { n, first, allowed } = writeTx(this.db, () => {
      this.stored -= this.db.prepare('DELETE FROM rate_hits WHERE bucket = ? AND at <= ?').run(bucket, now - windowMs).changes;
      const r = this.db.prepare('SELECT COUNT(*) n, MIN(at) first FROM rate_hits WHERE bucket = ?').get(bucket) as { n: number; first: number | null };
      const ok = r.n < rule.limit;
      if (ok && count) {
        this.db.prepare('INSERT INTO rate_hits (bucket, at) VALUES (?, ?)').run(bucket, now);
        this.stored++;
        return { n: r.n + 1, first: r.first ?? now, allowed: true };
      }
      return { ...r, allowed: ok };
    });
    if (count && ++this.hits % PURGE_EVERY === 0) this.purge(now);
    if (this.stored > this.maxTimestamps) this.evict();
    const untilOldestExpires_s = first !== null && n ? Math.max(1, Math.ceil((first + windowMs - now) / 1000)) : rule.window_s;
    return {
      allowed, limit: rule.limit, remaining: Math.max(0, rule.limit - n), window_s: rule.window_s,
      reset_s: untilOldestExpires_s, retry_after_s: allowed ? 0 : untilOldestExpires_s,
    };
  }

  /** Times older than any window. */
  private purge(now: number) {
    this.stored -= this.db.prepare('DELETE FROM rate_hits WHERE at <= ?').run(now - LONGEST_WINDOW_MS).changes;
  }

  /** Past the bound: the oldest times go first (the buckets not used lately). */
  private evict() {
    writeTx(this.db, () => {
      this.stored = this.count();
      const excess = this.stored - this.maxTimestamps;
      if (excess > 0) this.stored -= this.db.prepare('DELETE FROM rate_hits WHERE rowid IN (SELECT rowid FROM rate_hits ORDER BY at, rowid LIMIT ?)').run(excess).changes;
    });
  }

  get size() {
    const r = this.db.prepare('SELECT COUNT(DISTINCT bucket) b, COUNT(*) t FROM rate_hits').get() as { b: number; t: number };
    return { buckets: r.b, timestamps: r.t };
  }

  close() {
    this.db.close();
  }
}

/** The refusal of a verdict that is not allowed. */
export function rateLimited(v: Verdict, what: string): VoxError {
  return new VoxError('rate_limited', `rate limited: ${v.limit} requests per ${v.window_s} s on ${what}; retry after ${v.retry_after_s} s`, 429, { retry_after_s: v.retry_after_s });
}

/** Count one request of route `routeKey` for `who` (`ip:…`, `agent:…`) in the route's bucket; null without a limiter. */
export function hitRoute(limiter: RateLimiter | null, routeKey: string, who: string): Verdict | null {
  if (!limiter) return null;
  const { key, rule } = ruleFor(routeKey);
  return limiter.hit(`${key}|${who}`, rule);
}
/** The 429 of route `routeKey`'s verdict `v`, or null when it is allowed. */
export const routeRefusal = (v: Verdict, routeKey: string): VoxError | null => (v.allowed ? null : rateLimited(v, ruleFor(routeKey).key === '*' ? 'this API' : routeKey));
/** `hitRoute`, throwing the 429 past the limit. */
export function limitRoute(limiter: RateLimiter | null, routeKey: string, who: string): Verdict | null {
  const v = hitRoute(limiter, routeKey, who);
  const refused = v && routeRefusal(v, routeKey);
  if (refused) throw refused;
  return v;
}

/**
 * The client address for per-IP limits: the socket's; behind `trustedHops` proxies (VOXPACT_TRUST_PROXY=N)
 * the X-Forwarded-For entry the outermost trusted proxy appended — N from the right. Entries to
 * its left were written by the client and prove nothing.
 */
export function clientIp(c: Context, config: { trustProxy?: boolean; trustProxyHops?: number }): string {
  const trustedHops = config.trustProxyHops ?? (config.trustProxy ? 1 : 0);
  if (trustedHops > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '').split(',').map((x) => x.trim()).filter(Boolean);
    if (hops.length) return hops[Math.max(0, hops.length - trustedHops)];
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // not running on a Node socket (app.request in tests)
  }
}

// ---------- the MCP tools: the same buckets as their REST routes ----------

/** Marketplace methods that do what a limited REST route does, and count in its per-agent bucket. */
export const TOOL_ROUTES: Partial<Record<keyof Marketplace, string>> = {
  registerAgent: 'POST /v1/agents/register',
  postJob: 'POST /v1/jobs',
  deliverJob: 'POST /v1/jobs/:id/deliver',
  requestRevision: 'POST /v1/jobs/:id/revision',
  openDispute: 'POST /v1/jobs/:id/dispute',
  sendMessage: 'POST /v1/jobs/:id/messages',
  requestUpload: 'POST /v1/jobs/:id/files/upload-url',
  confirmUpload: 'POST /v1/jobs/:id/files/:fileId/confirm',
  getFileDownloadUrl: 'GET /v1/jobs/:id/files/:fileId/download-url',
  previewFile: 'GET /v1/jobs/:id/files/:fileId/preview',
  acceptBid: 'POST /v1/bids/:id/accept',
  counterBid: 'POST /v1/bids/:id/counter',
  setupPaymentMethod: 'POST /v1/payment-methods/setup',
  getDashboard: 'GET /v1/dashboard',
};

/** The agent's Marketplace with the limits of TOOL_ROUTES counted in the REST buckets (per agent). */
export function limitedMarketplace(mp: Marketplace, limiter: RateLimiter | null): Marketplace {
  if (!limiter) return mp;
  return new Proxy(mp, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      const key = typeof prop === 'string' ? TOOL_ROUTES[prop as keyof Marketplace] : undefined;
      if (!key || typeof v !== 'function') return typeof v === 'function' ? v.bind(target) : v;
      return (...args: unknown[]) => {
        try {
          limitRoute(limiter, key, `agent:${target.agentId}`);
        } catch (e) {
          return Promise.reject(e);
        }
        return (v as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

/** The IETF draft headers for the most constraining verdict. */
export function rateLimitHeaders(v: Verdict): Record<string, string> {
  const h: Record<string, string> = {
    'RateLimit-Limit': String(v.limit),
    'RateLimit-Remaining': String(v.remaining),
    'RateLimit-Reset': String(v.reset_s),
    'RateLimit-Policy': `${v.limit};w=${v.window_s}`,
  };
  if (!v.allowed) h['Retry-After'] = String(v.retry_after_s);
  return h;
}

/** Of several verdicts (IP, agent), the one the client must respect. */
export function tightest(vs: Verdict[]): Verdict {
  return vs.reduce((a, b) => (!b.allowed && a.allowed) || (b.allowed === a.allowed && b.remaining < a.remaining) ? b : a);
}
