/**
 * Webhook deliveries end to end: the engine's events outbox → signed POSTs to a real receiver
 * on 127.0.0.1, verified by the `standardwebhooks` package (an independent implementation)
 * and by our own helper; retries on the 5m → 30m → 2h schedule driven by a ManualClock;
 * Retry-After; 410; the delivery log; two workers on one database.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/index.js';
import { emit } from '../../src/engine/context.js';
import { writeTx } from '../../src/engine/db.js';
import { configureWebhooks } from '../../src/webhooks/options.js';
import { runWebhookDeliveries } from '../../src/webhooks/worker.js';
import { verifyWebhook } from '../../src/webhooks/verify.js';
import { MAX_RETRY_AFTER_MS } from '../../src/webhooks/store.js';
import { HOUR, MINUTE, type WAgent, openHarness } from './harness.js';
import { type Receiver, startReceiver } from './receiver.js';

let rx: Receiver;
const open: { close(): void }[] = [];
beforeAll(async () => {
  configureWebhooks({ allowLoopback: true });
  rx = await startReceiver();
});
afterAll(() => rx.close());
afterEach(() => {
  rx.reset();
  while (open.length) open.pop()!.close();
});

function harness() {
  const h = openHarness(rx);
  open.push(h);
  return h;
}

/** Verify one received request both ways and return the envelope. */
function verifyBoth(secret: string, r: { headers: Record<string, unknown>; body: string }) {
  const headers = r.headers as Record<string, string>;
  const viaLib = new Webhook(secret).verify(r.body, headers) as Record<string, unknown>;
  const ours = verifyWebhook(secret, r.body, headers);
  expect(ours.payload).toEqual(viaLib);
  expect(ours.id).toBe(headers['webhook-id']);
  // The reference's own header verifies alone, too.
  const { 'webhook-signature': _s, ...voxOnly } = headers;
  expect(verifyWebhook(secret, r.body, voxOnly).payload).toEqual(viaLib);
  return viaLib;
}

/** The event types the real flows of the first test produce. */
const DRIVEN = [
  'bid.accepted', 'bid.countered', 'bid.received', 'job.accepted', 'job.cancelled', 'job.completed', 'job.created', 'job.deadline_expired',
  'job.delivered', 'job.expired', 'job.frozen', 'job.revision_requested', 'job.stale_cancelled', 'payment.failed', 'payment.received',
  'review.received', 'trust.updated',
].sort();

/** Event types the engine can emit: every `emit(ctx, …, 'a.b', …)` in src/. */
function emittedTypes(): string[] {
  const root = new URL('../../src/', import.meta.url).pathname;
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(root);
  const types = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/emit\(\s*ctx,\s*[^,]+,\s*'([a-z_]+\.[a-z_]+)'/g)) types.add(m[1]);
  return [...types].sort();
}

describe('signed deliveries', () => {
  it('the events of real flows reach the right agent, exactly once, signed for both schemes', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    const bidder = h.agent('bidder');
    const poor = h.agent('poor', { card: 'pm_card_chargeDeclined' });

    // A direct job with a revision, approved and reviewed.
    const j1 = await h.directJob(b, w); // job.created → worker
    await w.mp.acceptJob(j1.id); // job.accepted → buyer
    await w.mp.startJob(j1.id);
    await h.deliver(w, j1.id); // job.delivered → buyer
    await h.revise(b, j1.id); // job.revision_requested → worker
    await h.deliver(w, j1.id);
    await b.mp.approveJob(j1.id); // payment.received → worker, job.completed → buyer, trust.updated
    await b.mp.leaveReview(j1.id, { rating: 5 }); // review.received → worker
    // An open job: bid, counter, accept, then the buyer cancels.
    const j2 = await h.openJob(b);
    const bid = await h.bid(bidder, j2.id, 25); // bid.received → buyer
    await b.mp.counterBid(bid.id, { counter_price: 22 }); // bid.countered → bidder
    await b.mp.acceptBid(bid.id); // bid.accepted → bidder
    await h.cancel(b, j2.id, 'no longer needed'); // job.cancelled → bidder
    // A declined card, a freeze, a stale job and a missed deadline.
    await h.directJob(poor, w); // payment.failed → poor
    const j4 = await h.directJob(b, w);
    h.engine.freezeJob(j4.id, 'audit'); // job.frozen → both
    await h.directJob(b, w, { deadline_hours: 1 }); // never accepted → job.stale_cancelled
    const j6 = await h.directJob(b, w, { deadline_hours: 1 });
    await w.mp.acceptJob(j6.id); // accepted, never delivered → job.deadline_expired
    h.clock.advance(2 * HOUR);
    h.engine.runTimers();
    h.clock.advance(25 * HOUR);
    h.engine.runTimers(); // the unpaid job → job.expired

    const run = await runWebhookDeliveries(h.engine);
    const events = h.events();
    expect(run).toMatchObject({ attempted: events.length, delivered: events.length, retrying: 0, failed: 0 });
    expect(rx.requests).toHaveLength(events.length);

    const byId = new Map([b, w, bidder, poor].map((a) => [a.id, a] as [string, WAgent]));
    for (const e of events) {
      const a = byId.get(e.agent_id)!;
      const got = rx.to(a.path).filter((r) => r.headers['webhook-id'] === `evt_${e.seq}`);
      expect(got, `${e.event} (evt_${e.seq}) to ${a.name}`).toHaveLength(1);
      expect(got[0].body).toBe(e.payload); // the envelope exactly as the outbox holds it
      const env = verifyBoth(a.secret, got[0]);
      expect(env.event).toBe(e.event);
      expect(typeof env.timestamp).toBe('string');
      expect(got[0].headers['content-type']).toBe('application/json');
      // Nobody else's secret verifies it.
      for (const other of byId.values()) if (other !== a) expect(() => verifyWebhook(other.secret, got[0].body, got[0].headers as never)).toThrow(/signature/);
    }
    const delivered = new Set(events.map((e) => e.event));
    expect([...delivered].sort()).toEqual(expect.arrayContaining(DRIVEN));
    // Every delivery is done; a second run sends nothing.
    expect(h.deliveries().every((d) => d.status === 'delivered')).toBe(true);
    expect((await runWebhookDeliveries(h.engine)).attempted).toBe(0);
  });

  it('every event type emitted anywhere in src/ is delivered, signed, to the agent it was emitted for', async () => {
    const h = harness();
    const a = h.agent('alpha');
    const b = h.agent('beta');
    const types = emittedTypes().filter((t) => t !== 'webhook.disabled'); // sent when the endpoint is gone: never delivered
    expect(types.length).toBeGreaterThanOrEqual(DRIVEN.length);
    writeTx(h.engine.db, () => {
      types.forEach((t, i) => emit(h.engine.ctx, (i % 2 ? b : a).id, t, null, { probe: i }, `probe ${t}`));
    });
    const run = await runWebhookDeliveries(h.engine);
    expect(run).toMatchObject({ attempted: types.length, delivered: types.length });
    types.forEach((t, i) => {
      const who = i % 2 ? b : a;
      const got = rx.to(who.path).filter((r) => JSON.parse(r.body).event === t);
      expect(got, t).toHaveLength(1);
      expect(verifyBoth(who.secret, got[0])).toMatchObject({ event: t, probe: i });
    });
  });

  it('an agent without a webhook_url gets no deliveries; the secret comes with the key and survives rotation', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker', { webhook: false });
    expect(b.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(b.secret.slice(6), 'base64')).toHaveLength(32);
    expect(w.secret).not.toBe(b.secret);
    await h.directJob(b, w);
    expect(h.deliveries()).toEqual([]);
    h.engine.rotateKey(b.id);
    const mails = h.engine.outbox().filter((m) => m.body.includes(b.id) && /API key/.test(m.subject));
    expect(mails).toHaveLength(2);
    expect(mails[1].body).toContain(b.secret);
  });
});

describe('retries', () => {
  it('a failing receiver is retried after 5 m, 30 m and 2 h, then the delivery fails for good; the log shows each attempt', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    rx.respond((r) => (r.path === w.path ? { status: 500, body: 'boom' } : { status: 200 }));
    const job = await h.directJob(b, w); // job.created → worker
    const t0 = h.clock.now();
    const first = await runWebhookDeliveries(h.engine);
    expect(first).toMatchObject({ attempted: 1, retrying: 1 });

    const schedule = [5 * MINUTE, 30 * MINUTE, 2 * HOUR];
    let at = t0;
    for (const [i, delay] of schedule.entries()) {
      h.clock.advance(delay - 1000);
      expect((await runWebhookDeliveries(h.engine)).attempted, `not before ${delay / MINUTE} min`).toBe(0);
      h.clock.advance(1000);
      at += delay;
      const r = await runWebhookDeliveries(h.engine);
      expect(r).toMatchObject({ attempted: 1, ...(i < 2 ? { retrying: 1 } : { failed: 1 }) });
    }
    h.clock.advance(24 * HOUR);
    expect((await runWebhookDeliveries(h.engine)).attempted).toBe(0);

    const sent = rx.to(w.path);
    expect(sent).toHaveLength(4);
    expect(new Set(sent.map((r) => r.headers['webhook-id'])).size).toBe(1); // one event, one idempotency key
    for (const r of sent) verifyBoth(w.secret, r);

    const log = await w.mp.getWebhookLog(20, 0);
    expect(log.total).toBe(4);
    expect(log.pending_deliveries).toBe(0);
    expect(log.items.map((e) => [e.attempt, e.retry_count, e.status, e.http_status])).toEqual([
      [4, 3, 'failed', 500], [3, 2, 'retrying', 500], [2, 1, 'retrying', 500], [1, 0, 'retrying', 500],
    ]);
    expect(log.items[3].next_retry_at).toBe(new Date(t0 + 5 * MINUTE).toISOString());
    expect(log.items[2].next_retry_at).toBe(new Date(t0 + 35 * MINUTE).toISOString());
    expect(log.items[1].next_retry_at).toBe(new Date(t0 + 155 * MINUTE).toISOString());
    expect(log.items[0].next_retry_at).toBeNull();
    expect(log.items[0]).toMatchObject({ event: 'job.created', job_id: job.id, event_id: sent[0].headers['webhook-id'], url: rx.url + w.path });
    expect(log.items[0].error).toBe('HTTP 500: boom');
    // The buyer's log holds only its own deliveries.
    expect((await b.mp.getWebhookLog(20, 0)).items.every((e) => e.url === rx.url + b.path)).toBe(true);
  });

  it('a receiver that recovers gets the retry; timeouts and refused connections are retried too', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    let down = true;
    rx.respond((r) => (r.path === w.path && down ? { status: 200, delayMs: 1500 } : { status: 204 }));
    await h.directJob(b, w);
    const r1 = await runWebhookDeliveries(h.engine, { timeoutMs: 300 });
    expect(r1).toMatchObject({ attempted: 1, retrying: 1 });
    const log1 = await w.mp.getWebhookLog(5, 0);
    expect(log1.items[0]).toMatchObject({ status: 'retrying', http_status: null });
    expect(log1.items[0].error).toMatch(/timed out after 300 ms/);
    down = false;
    h.clock.advance(5 * MINUTE);
    expect(await runWebhookDeliveries(h.engine)).toMatchObject({ attempted: 1, delivered: 1 });
    expect((await w.mp.getWebhookLog(5, 0)).items[0]).toMatchObject({ status: 'delivered', http_status: 204, attempt: 2, error: null });

    // Nothing listening: connection refused is a failed attempt, not a crash.
    const dead = h.agent('dead');
    h.engine.db.prepare('UPDATE agents SET webhook_url = ? WHERE id = ?').run('http://127.0.0.1:1/hook', dead.id);
    await h.directJob(b, dead);
    expect(await runWebhookDeliveries(h.engine)).toMatchObject({ attempted: 1, retrying: 1 });
    expect((await dead.mp.getWebhookLog(5, 0)).items[0].error).toMatch(/ECONNREFUSED/);
  });

  it('Retry-After is honoured: never sooner than asked, the backoff when it asks less, capped at 24 h, HTTP dates too', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const cases: [string, string, number][] = [
      ['asks-1h', '3600', HOUR],
      ['asks-10s', '10', 5 * MINUTE],
      ['asks-forever', '99999999', MAX_RETRY_AFTER_MS],
      ['asks-date', 'DATE+2h', 2 * HOUR],
    ];
    const agents = cases.map(([name]) => h.agent(name));
    rx.respond((r) => {
      const i = agents.findIndex((a) => a.path === r.path);
      if (i < 0) return { status: 200 };
      const v = cases[i][1];
      return { status: 503, headers: { 'retry-after': v === 'DATE+2h' ? new Date(Date.now() + 2 * HOUR + 1000).toUTCString() : v } };
    });
    for (const a of agents) await h.directJob(b, a);
    const t0 = h.clock.now();
    await runWebhookDeliveries(h.engine);
    for (const [i, a] of agents.entries()) {
      const e = (await a.mp.getWebhookLog(1, 0)).items[0];
      expect(e.status).toBe('retrying');
      expect(e.http_status).toBe(503);
      const wait = Date.parse(e.next_retry_at!) - t0;
      if (cases[i][0] === 'asks-date') expect(Math.abs(wait - cases[i][2])).toBeLessThanOrEqual(5_000);
      else expect(wait).toBe(cases[i][2]);
    }
    // The one that asked for an hour is not retried at the 5-minute mark.
    h.clock.advance(5 * MINUTE);
    const r = await runWebhookDeliveries(h.engine);
    expect(r.attempted).toBe(1); // only 'asks-10s'
    expect(rx.to(agents[0].path)).toHaveLength(1);
    h.clock.advance(55 * MINUTE);
    await runWebhookDeliveries(h.engine);
    expect(rx.to(agents[0].path)).toHaveLength(2);
  });
});

describe('410 Gone', () => {
  it('disables the endpoint (URL kept), stops its queue, notifies the agent; a new webhook_url re-enables it', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    rx.respond((r) => (r.path === w.path ? { status: 410 } : { status: 200 }));
    await h.directJob(b, w);
    await h.directJob(b, w);
    const r = await runWebhookDeliveries(h.engine, { concurrency: 1 });
    expect(r).toMatchObject({ attempted: 1, disabled: 1 });
    expect(rx.to(w.path)).toHaveLength(1);

    const me = await w.mp.getMyAgent();
    expect(me.webhook_url).toBe(rx.url + w.path);
    const log = await w.mp.getWebhookLog(10, 0);
    expect(log.webhook_disabled_at).not.toBeNull();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ status: 'disabled', http_status: 410, next_retry_at: null });
    expect(log.pending_deliveries).toBe(0);
    const notes = await w.mp.listNotifications({ unread_only: false, limit: 50, offset: 0 });
    expect(notes.items.find((n) => n.type === 'webhook_disabled')?.message).toMatch(/410 Gone.*webhook_url/);

    // New events are not queued while disabled; nothing is retried later.
    await h.directJob(b, w);
    h.clock.advance(3 * HOUR);
    expect((await runWebhookDeliveries(h.engine)).attempted).toBe(0);

    rx.respond(() => ({ status: 200 }));
    await w.mp.updateMyAgent({ webhook_url: rx.url + w.path });
    expect((await w.mp.getWebhookLog(1, 0)).webhook_disabled_at).toBeNull();
    await h.directJob(b, w);
    expect(await runWebhookDeliveries(h.engine)).toMatchObject({ attempted: 1, delivered: 1 });
    expect(rx.to(w.path)).toHaveLength(2);
  });
});

describe('redirects', () => {
  it('follows 307/308 to a checked address, refuses a hop to a private address, does not follow 302', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const ok = h.agent('moved');
    const evil = h.agent('evil');
    const found = h.agent('found');
    rx.respond((r) => {
      if (r.path === ok.path) return { status: 308, headers: { location: `${ok.path}/v2` } };
      if (r.path === evil.path) return { status: 307, headers: { location: 'http://10.0.0.1/internal' } };
      if (r.path === found.path) return { status: 302, headers: { location: `${found.path}/v2` } };
      return { status: 200 };
    });
    for (const a of [ok, evil, found]) await h.directJob(b, a);
    await runWebhookDeliveries(h.engine);
    const moved = rx.to(`${ok.path}/v2`);
    expect(moved).toHaveLength(1);
    verifyBoth(ok.secret, moved[0]);
    expect((await ok.mp.getWebhookLog(1, 0)).items[0]).toMatchObject({ status: 'delivered', url: `${rx.url}${ok.path}/v2` });
    const e = (await evil.mp.getWebhookLog(1, 0)).items[0];
    expect(e).toMatchObject({ status: 'retrying', http_status: null, url: 'http://10.0.0.1/internal' });
    expect(e.error).toMatch(/refused: .*private \(10\.0\.0\.0\/8\)/);
    const f = (await found.mp.getWebhookLog(1, 0)).items[0];
    expect(f).toMatchObject({ status: 'retrying', http_status: 302 });
    expect(f.error).toMatch(/not followed/);
    expect(rx.to(`${found.path}/v2`)).toHaveLength(0);
  });
});

describe('retention', () => {
  it('finished deliveries, their log and their events are forgotten after 30 days; pending ones are kept', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    const down = h.agent('down');
    rx.respond((r) => (r.path === down.path ? { status: 500 } : { status: 200 }));
    await h.directJob(b, w);
    await runWebhookDeliveries(h.engine);
    const [old] = (await w.mp.getWebhookLog(10, 0)).items;
    expect(old.status).toBe('delivered');
    const t0 = h.clock.now();
    h.clock.advance(31 * 24 * HOUR);
    await h.directJob(b, down); // a fresh event whose delivery keeps failing
    await runWebhookDeliveries(h.engine);
    expect((await w.mp.getWebhookLog(10, 0)).items.map((e) => e.event_id)).not.toContain(old.event_id);
    const events = h.engine.db.prepare('SELECT seq, created_at FROM events').all() as { seq: number; created_at: number }[];
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.created_at > t0)).toBe(true); // the old events are gone, the recent ones kept
    expect(h.deliveries().every((d) => d.created_at > t0)).toBe(true);
    expect(h.deliveries().find((d) => d.agent_id === down.id)?.status).toBe('pending'); // still being retried
  });
});

describe('several workers on one database', () => {
  it('never send one delivery twice', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    const N = 40;
    for (let i = 0; i < N; i++) await h.directJob(b, w);
    const other = Engine.open({ dbPath: h.dbPath, clock: h.clock });
    open.push({ close: () => other.close() });
    rx.respond(() => ({ status: 200, delayMs: 15 }));
    const [r1, r2, r3] = await Promise.all([
      runWebhookDeliveries(h.engine, { concurrency: 3 }),
      runWebhookDeliveries(other, { concurrency: 3 }),
      runWebhookDeliveries(other, { concurrency: 3 }), // same connection: joins the run in flight
    ]);
    expect(r3).toBe(r2);
    expect(r1.attempted + r2.attempted).toBe(N);
    expect(r1.attempted).toBeGreaterThan(0);
    expect(r2.attempted).toBeGreaterThan(0);
    const ids = rx.requests.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(N);
    expect(new Set(ids).size).toBe(N);
    expect(h.deliveries().every((d) => d.status === 'delivered' && d.attempts === 1)).toBe(true);
  });

  it('a delivery whose sender died is taken over when its lease runs out', async () => {
    const h = harness();
    const b = h.agent('buyer');
    const w = h.agent('worker');
    await h.directJob(b, w);
    // Simulate a worker that claimed the delivery and crashed before recording anything.
    h.engine.db.prepare("UPDATE webhook_deliveries SET status = 'sending', claim_id = 'dead-worker', attempts = 1, next_attempt_at = ?").run(h.clock.now() + 2 * MINUTE);
    expect((await runWebhookDeliveries(h.engine)).attempted).toBe(0);
    h.clock.advance(2 * MINUTE);
    expect(await runWebhookDeliveries(h.engine)).toMatchObject({ attempted: 1, delivered: 1 });
    expect((await w.mp.getWebhookLog(1, 0)).items[0].attempt).toBe(2);
  });
});
