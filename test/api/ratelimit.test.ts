/**
 * Rate limits: the reference's table, an exact sliding window on the injected clock, per IP and
 * per agent, 429 with Retry-After and the RateLimit-* headers, bounded memory, and the MCP
 * tools counted in the same per-agent buckets.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { VoxError } from '../../src/errors.js';
import type { Marketplace } from '../../src/marketplace.js';
import { DEFAULT_RULE, RATE_LIMITS, RateLimiter, limitedMarketplace, ruleFor } from '../../src/api/ratelimit.js';
import { ROUTES, routeKey } from '../../src/api/routes.js';
import { type Harness, expectError, expectOk, startServer } from './helpers.js';

const H = 3600, M = 60;

describe('the table', () => {
  it('has every limit of the API reference', () => {
    const reference: Record<string, [number, number]> = {
      'POST /v1/agents/register': [3, H], 'POST /v1/agents/auth/token': [10, 15 * M], 'POST /v1/agents/activate': [5, H],
      'POST /v1/jobs': [30, H], 'POST /v1/jobs/:id/deliver': [10, H], 'POST /v1/jobs/:id/revision': [5, H],
      'POST /v1/jobs/:id/dispute': [3, H], 'POST /v1/jobs/:id/messages': [60, M], 'POST /v1/jobs/:id/files/upload-url': [20, H],
      'POST /v1/jobs/:id/files/:fileId/confirm': [20, H], 'GET /v1/jobs/:id/files/:fileId/download-url': [60, H],
      'GET /v1/jobs/:id/files/:fileId/preview': [30, H], 'POST /v1/bids/:id/accept': [5, H], 'POST /v1/bids/:id/counter': [10, H],
      'POST /v1/payment-methods/setup': [5, H], 'POST /v1/owners/kyc/start': [2, 24 * H], 'GET /v1/dashboard': [30, M], 'GET /v1/jobs/open': [20, M],
    };
    for (const [k, [limit, window_s]] of Object.entries(reference)) expect(RATE_LIMITS[k], k).toEqual({ limit, window_s, source: 'reference' });
    // every limited key that names one of our routes is spelled exactly like the route
    const keys = new Set(ROUTES.map(routeKey));
    for (const k of Object.keys(RATE_LIMITS).filter((k) => RATE_LIMITS[k].source === 'ours')) expect(keys.has(k), k).toBe(true);
    expect(ruleFor('GET /v1/agents/me')).toEqual({ key: '*', rule: DEFAULT_RULE });
  });
});

describe('RateLimiter', () => {
  it('is an exact sliding window on the injected clock', () => {
    const clock = new ManualClock();
    const rl = new RateLimiter(clock);
    const rule = { limit: 3, window_s: H, source: 'ours' as const };
    expect(rl.hit('k', rule)).toMatchObject({ allowed: true, remaining: 2, reset_s: H });
    clock.advance(30 * M * 1000);
    rl.hit('k', rule);
    clock.advance(29 * M * 1000);
    expect(rl.hit('k', rule)).toMatchObject({ allowed: true, remaining: 0 });
    const refused = rl.hit('k', rule);
    expect(refused).toMatchObject({ allowed: false, remaining: 0, retry_after_s: M }); // the first request leaves the window in 1 min
    clock.advance(M * 1000);
    expect(rl.hit('k', rule).allowed).toBe(true); // exactly one slot came free
    expect(rl.hit('k', rule).allowed).toBe(false);
    expect(rl.hit('other', rule).allowed).toBe(true); // buckets are independent
  });

  it('keeps memory bounded: least recently used buckets go first', () => {
    const rl = new RateLimiter(new ManualClock(), 100);
    const rule = { limit: 5, window_s: H, source: 'ours' as const };
    for (let i = 0; i < 1000; i++) rl.hit(`ip:${i}`, rule);
    expect(rl.size.timestamps).toBeLessThanOrEqual(100);
    for (let i = 0; i < 50; i++) rl.hit('hot', rule);
    expect(rl.hit('hot', rule).allowed).toBe(false);
    expect(rl.size.timestamps).toBeLessThanOrEqual(100);
  });

  it('counts MCP tool calls in the per-agent bucket of their endpoint', async () => {
    const rl = new RateLimiter(new ManualClock());
    let calls = 0;
    const fake = { agentId: 'ag_x', counterBid: async () => ++calls, getJob: async () => 'job' } as unknown as Marketplace;
    const mp = limitedMarketplace(fake, rl);
    for (let i = 0; i < 10; i++) await mp.counterBid('b', { counter_price: 5 });
    const e = await mp.counterBid('b', { counter_price: 5 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(VoxError);
    expect(e).toMatchObject({ code: 'rate_limited', status: 429, details: { retry_after_s: H } });
    expect(calls).toBe(10);
    expect(await mp.getJob('j')).toBe('job'); // reads are not limited
    expect(mp.agentId).toBe('ag_x');
    // the REST endpoint shares the bucket
    expect(rl.hit('POST /v1/bids/:id/counter|agent:ag_x', RATE_LIMITS['POST /v1/bids/:id/counter']).allowed).toBe(false);
  });
});

describe('over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer({ config: { trustProxy: true } });
  });
  afterAll(() => h?.close());
  const from = (ip: string) => ({ 'X-Forwarded-For': ip });

  it('POST /v1/agents/register: 3 per hour per IP, 429 with Retry-After and RateLimit headers', async () => {
    const ip = { headers: from('10.0.0.1') };
    for (let i = 0; i < 3; i++) {
      const r = await h.api('POST', '/v1/agents/register', { ...ip, body: {} }); // refused by validation, but counted
      expect(r.status).toBe(400);
      expect(r.headers.get('ratelimit-limit')).toBe('3');
      expect(r.headers.get('ratelimit-remaining')).toBe(String(2 - i));
    }
    const r = await h.api('POST', '/v1/agents/register', { ...ip, body: {} });
    const e = expectError(r, 429, 'rate_limited');
    expect(e.retry_after).toBe(H);
    expect(r.headers.get('retry-after')).toBe(String(H));
    expect(r.headers.get('ratelimit-remaining')).toBe('0');
    expect(r.headers.get('ratelimit-reset')).toBe(String(H));
    expect(r.headers.get('ratelimit-policy')).toBe(`3;w=${H}`);
    expect((await h.api('POST', '/v1/agents/register', { headers: from('10.0.0.2'), body: {} })).status).toBe(400); // another IP
    h.clock.advance(H * 1000);
    expect((await h.api('POST', '/v1/agents/register', { ...ip, body: {} })).status).toBe(400);
  });

  it('POST /v1/agents/auth/token: 10 per 15 minutes per IP (key guessing)', async () => {
    const ip = { headers: from('10.0.1.1') };
    for (let i = 0; i < 10; i++) expectError(await h.api('POST', '/v1/agents/auth/token', { ...ip, body: { api_key: 'vxp_live_guess' } }), 401);
    const r = await h.api('POST', '/v1/agents/auth/token', { ...ip, body: { api_key: 'vxp_live_guess' } });
    expect(expectError(r, 429, 'rate_limited').retry_after).toBe(15 * M);
  });

  it('GET /v1/dashboard: 30 per minute per agent across IPs, and per IP across agents', async () => {
    const a = await h.agent('dash-a');
    const b = await h.agent('dash-b');
    for (let i = 0; i < 30; i++) expectOk(await h.api('GET', '/v1/dashboard', { token: a.token, headers: from(`10.1.0.${i % 3}`) }));
    // agent a is out, whichever IP it comes from
    expectError(await h.api('GET', '/v1/dashboard', { token: a.token, headers: from('10.9.9.9') }), 429, 'rate_limited');
    // 10.1.0.0 served 10 of a's requests: b still has room there; then fill that IP
    for (let i = 0; i < 20; i++) expectOk(await h.api('GET', '/v1/dashboard', { token: b.token, headers: from('10.1.0.0') }));
    const r = await h.api('GET', '/v1/dashboard', { token: b.token, headers: from('10.1.0.0') });
    expectError(r, 429, 'rate_limited');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    expectOk(await h.api('GET', '/v1/dashboard', { token: b.token, headers: from('10.2.0.1') }));
    h.clock.advance(M * 1000);
    expectOk(await h.api('GET', '/v1/dashboard', { token: a.token, headers: from('10.9.9.9') }));
  });

  it('every other endpoint has the default limit and says so in its headers', async () => {
    const a = await h.agent('plain');
    const r = await h.api('GET', '/v1/agents/me', { token: a.token, headers: from('10.3.0.1') });
    expectOk(r);
    expect(r.headers.get('ratelimit-limit')).toBe(String(DEFAULT_RULE.limit));
    expect(r.headers.get('ratelimit-policy')).toBe(`${DEFAULT_RULE.limit};w=${DEFAULT_RULE.window_s}`);
  });
});
