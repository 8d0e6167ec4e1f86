/**
 * Several servers behind a load balancer (docs/scaling.md): three `voxpact-mcp --transport http`
 * processes on one database — PostgreSQL in the postgres project, one SQLite file in the default
 * one — behind a loopback round-robin balancer (test/helpers/round-robin.ts), so consecutive
 * requests of one client land on different servers. Concurrent REST lifecycles; one-winner races
 * sent to all three servers at once; timers coming due under all three servers' timer loops;
 * and a `kill -9` of one server in the middle of a burst.
 * Every operation a client was told succeeded (2xx) must be in the database, nothing may have
 * happened twice, and the ledger must be exact (`voxpact-mcp ledger check`).
 *
 * Each agent speaks from its own loopback address (127.0.0.x) and the servers trust the
 * balancer's X-Forwarded-For, so per-IP rate limits count each agent, as in production.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent as Dispatcher, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { DeliverInput, PostJobInput } from '../../src/schemas.js';
import { DIST_CLI } from '../fixtures/world.js';
import { spawnHttpServer } from '../helpers/http-server.js';
import { type Balancer, roundRobin } from '../helpers/round-robin.js';
import { dropDatabase, freshDatabase, onPostgres } from '../helpers/store.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
type Res = { status: number; body: Any };

const dir = mkdtempSync(join(tmpdir(), 'voxpact-multi-'));
const db = freshDatabase(dir);
const env = {
  ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_DATABASE_URL: onPostgres ? db : '', VOXPACT_TRUST_PROXY: '1',
  VOXPACT_LOG_LEVEL: 'error', VOXPACT_TIMER_INTERVAL_MS: '250',
};
const PAIRS = 10;
const servers: { child: ChildProcess; url: string }[] = [];
let lb: Balancer;

/** One agent as a client: its own source address, its JWT. */
class Actor {
  private readonly dispatcher: Dispatcher;
  constructor(readonly id: string, private readonly token: string, ip: string) {
    this.dispatcher = new Dispatcher({ localAddress: ip });
  }
  async send(method: string, path: string, body?: unknown, key?: string): Promise<Res> {
    const r = await request(lb.url + path, {
      method: method as 'GET' | 'POST', dispatcher: this.dispatcher,
      headers: { Authorization: `Bearer ${this.token}`, ...(body ? { 'Content-Type': 'application/json' } : {}), ...(key ? { 'Idempotency-Key': key } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await r.body.text();
    return { status: r.statusCode, body: text ? JSON.parse(text) : null };
  }
  close() {
    return this.dispatcher.close();
  }
}

type Pair = { buyer: Actor; worker: Actor };
let pairs: Pair[] = [];
let raceBuyers: Actor[] = [];
let bidders: Actor[] = [];

/** Every 2xx a client got for a state change: what must be in the database afterwards. */
const acked: { op: string; job: string; by: string; amount_cents?: number }[] = [];
let unknowns = 0; // answers a client could not know the outcome of (502): resolved by retrying

/**
 * A careful client's request: a 502 means the server may or may not have done it, so the same
 * request is sent again — with the same Idempotency-Key where the route takes one (the retry
 * answers the first result), otherwise asking `done()` whether the lost attempt went through
 * when the retry is refused with 409.
 */
async function act(a: Actor, path: string, body: unknown, o: { key?: string; done?: () => Promise<Any | null> } = {}): Promise<Res> {
  let lost = false;
  for (let attempt = 0; attempt < 6; attempt++) {
    const r = await a.send('POST', path, body, o.key);
    if (r.status === 502 || r.status === 503) {
      (lost = true, unknowns++);
      continue;
    }
    if (lost && r.status === 409 && o.done) {
      const first = await o.done();
      if (first) return { status: 200, body: { success: true, data: first } };
    }
    return r;
  }
  throw new Error(`POST ${path}: no answer after 6 attempts`);
}

const ok = (r: Res, what: string, status = 200) => {
  if (r.status !== status || r.body?.success !== true) throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
};

/** The job as `a` sees it if its status is one of `statuses`, else null. */
const jobIn = (a: Actor, id: string, statuses: string[]) => async () => {
  const j = ok(await a.send('GET', `/v1/jobs/${id}`), `GET job ${id}`);
  return statuses.includes(j.status) ? j : null;
};

const AFTER_ACCEPT = ['accepted', 'in_progress', 'delivered', 'completed'];
const AFTER_START = ['in_progress', 'delivered', 'completed'];

/** post → accept → start → deliver → approve through the balancer, each acknowledged step recorded. */
async function lifecycle({ buyer, worker }: Pair, tag: string, amount: number, upTo: 'delivered' | 'completed' = 'completed') {
  const key = `${tag}-${randomUUID()}`;
  const job = ok(await act(buyer, '/v1/jobs', {
    title: `Multi-server job ${tag}`, task_spec: { description: 'Summarise the report' }, amount, worker_agent_id: worker.id,
  }, { key: `post-${key}` }), 'post', 201);
  acked.push({ op: 'post', job: job.id, by: buyer.id, amount_cents: Math.round(amount * 100) });
  ok(await act(worker, `/v1/jobs/${job.id}/accept`, {}, { done: jobIn(worker, job.id, AFTER_ACCEPT) }), 'accept');
  acked.push({ op: 'accept', job: job.id, by: worker.id });
  ok(await act(worker, `/v1/jobs/${job.id}/start`, {}, { done: jobIn(worker, job.id, AFTER_START) }), 'start');
  acked.push({ op: 'start', job: job.id, by: worker.id });
  ok(await act(worker, `/v1/jobs/${job.id}/deliver`, { content: `five bullet points for ${tag}` }, { key: `deliver-${key}` }), 'deliver');
  acked.push({ op: 'deliver', job: job.id, by: worker.id });
  if (upTo === 'delivered') return job.id as string;
  const done = ok(await act(buyer, `/v1/jobs/${job.id}/approve`, {}, { key: `approve-${key}` }), 'approve');
  expect(done.status).toBe('completed');
  acked.push({ op: 'approve', job: job.id, by: buyer.id });
  return job.id as string;
}

beforeAll(async () => {
  // Agents and their JWTs are made directly on the database: the JWT signing key lives there, so
  // a token made here is valid on every server (nothing but the database is shared).
  const engine = Engine.open({ dbPath: db });
  let ip = 10;
  const actor = async (name: string, card?: string) => {
    const r = engine.createLocalAgent({ name, owner_email: `${name}@multi.example`, card });
    return new Actor(r.agent_id, (await engine.identity.exchangeApiKey(r.api_key)).token, `127.0.0.${ip++}`);
  };
  for (let i = 0; i < PAIRS; i++) pairs.push({ buyer: await actor(`buyer-${i}`, 'pm_card_visa'), worker: await actor(`worker-${i}`) });
  raceBuyers = [await actor('race-buyer-a', 'pm_card_visa'), await actor('race-buyer-b', 'pm_card_visa')];
  bidders = [await actor('bidder-0'), await actor('bidder-1'), await actor('bidder-2')];
  engine.close();
  const start = () => spawnHttpServer(['--host', '127.0.0.1', '--port', '0'], env);
  servers.push(...await Promise.all([start(), start(), start()]));
  lb = await roundRobin(servers.map((s) => s.url));
});

afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM');
  await lb?.close();
  await Promise.all([...pairs.flatMap((p) => [p.buyer, p.worker]), ...raceBuyers, ...bidders].map((a) => a.close()));
  dropDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

/** What the database holds, read after the servers are done. */
function check() {
  const engine = Engine.open({ dbPath: db });
  try {
    expect(engine.checkInvariants()).toEqual([]);
    const q = (sql: string, ...a: unknown[]) => engine.db.prepare(sql).all(...a) as Any[];
    // Every acknowledged operation is there.
    for (const a of acked) {
      const [j] = q('SELECT id, buyer_id, worker_id, status, amount_cents FROM jobs WHERE id = ?', a.job);
      expect(j, `${a.op} of ${a.job}`).toBeDefined();
      if (a.op === 'post') expect(j).toMatchObject({ buyer_id: a.by, ...(a.amount_cents ? { amount_cents: a.amount_cents } : {}) });
      const reached = { post: ['funded', ...AFTER_ACCEPT], accept_bid: ['funded', ...AFTER_ACCEPT], accept: AFTER_ACCEPT, start: AFTER_START, deliver: ['delivered', 'completed'], approve: ['completed'] }[a.op]!;
      expect(reached, `${a.op} of ${a.job} acknowledged, job is ${j.status}`).toContain(j.status);
    }
    // Nothing twice: one job per acknowledged post (retries with the same key made none), one
    // capture per job, one release and one (embedded, immediate) payout per completed job, and
    // no money left in a completed job's escrow.
    const posted = acked.filter((a) => a.op === 'post');
    const buyers = [...new Set(posted.map((a) => a.by))];
    const jobs = q(`SELECT id, status FROM jobs WHERE buyer_id IN (${buyers.map(() => '?').join(', ')})`, ...buyers);
    expect(jobs.map((j) => j.id).sort()).toEqual(posted.map((a) => a.job).sort());
    for (const j of jobs) {
      const kinds = Object.fromEntries(q('SELECT kind, COUNT(*) AS n FROM ledger_txns WHERE job_id = ? GROUP BY kind', j.id).map((r) => [r.kind, Number(r.n)]));
      expect(kinds, `ledger of ${j.id} (${j.status})`).toEqual(j.status === 'completed' ? { capture: 1, release: 1, payout: 1 } : { capture: 1 });
      if (j.status === 'completed') expect(q('SELECT balance_cents FROM balances WHERE account = ?', `escrow:${j.id}`)[0]?.balance_cents ?? 0).toBe(0);
    }
  } finally {
    engine.close();
  }
  // The operator's check, as a cron job would run it: the CLI on the same database.
  const r = spawnSync(process.execPath, [DIST_CLI, 'ledger', 'check', '--json'], { env });
  expect(r.status, r.stderr.toString()).toBe(0);
  expect(JSON.parse(r.stdout.toString())).toMatchObject({ ok: true, violations: [] });
}

describe(`three servers behind a round-robin balancer (${onPostgres ? 'PostgreSQL' : 'one SQLite file'})`, () => {
  it('concurrent lifecycles: each step may land on any server; all complete, the ledger exact', async () => {
    const before = servers.map((s) => lb.served.get(s.url)!);
    await Promise.all(pairs.map(async (p, i) => {
      for (let k = 0; k < 3; k++) await lifecycle(p, `a${i}.${k}`, 5 + i + k / 4);
    }));
    // All three servers did a share of the work.
    for (const [i, s] of servers.entries()) expect(lb.served.get(s.url)! - before[i]).toBeGreaterThan(20);
    check();
  }, 120_000);

  it('accept_bid sent to all three servers at once: exactly one bid wins, one capture', async () => {
    const [buyer] = raceBuyers;
    const job = ok(await act(buyer, '/v1/jobs', { title: 'Open race job', task_spec: { description: 'Translate to French' }, amount: 20, job_type: 'open' }, { key: randomUUID() }), 'post open', 201);
    acked.push({ op: 'post', job: job.id, by: buyer.id }); // its amount becomes the accepted bid's
    const bids = [];
    for (const [i, b] of bidders.entries()) bids.push(ok(await act(b, `/v1/jobs/${job.id}/bids`, { proposed_price: 12 + i }, { key: randomUUID() }), 'bid', 201));
    // Three concurrent requests through a round robin: one to each server.
    const rs = await Promise.all(bids.map((b) => buyer.send('POST', `/v1/bids/${b.id}/accept`, {})));
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const won = rs.findIndex((r) => r.status === 200);
    for (const r of rs.filter((x) => x.status === 409)) expect(r.body).toMatchObject({ success: false, code: expect.any(String) });
    const j = ok(await buyer.send('GET', `/v1/jobs/${job.id}`), 'get');
    expect(j).toMatchObject({ status: 'accepted', worker_agent_id: bidders[won].id, amount: 12 + won });
    acked.push({ op: 'accept_bid', job: job.id, by: buyer.id });
    check();
  }, 60_000);

  it('one accept_bid with one Idempotency-Key on all three servers at once: one capture, every answer the same', async () => {
    const [, buyer] = raceBuyers;
    const job = ok(await act(buyer, '/v1/jobs', { title: 'Open idempotent job', task_spec: { description: 'Translate to German' }, amount: 20, job_type: 'open' }, { key: randomUUID() }), 'post open', 201);
    acked.push({ op: 'post', job: job.id, by: buyer.id }); // its amount becomes the accepted bid's
    const bid = ok(await act(bidders[0], `/v1/jobs/${job.id}/bids`, { proposed_price: 15 }, { key: randomUUID() }), 'bid', 201);
    const key = randomUUID();
    const rs = await Promise.all([0, 1, 2].map(() => buyer.send('POST', `/v1/bids/${bid.id}/accept`, {}, key)));
    expect(rs.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(rs[1].body.data).toEqual(rs[0].body.data);
    expect(rs[2].body.data).toEqual(rs[0].body.data);
    check();
  }, 60_000);

  it('approve sent to all three servers at once: one wins, one release', async () => {
    const id = await lifecycle(pairs[0], 'approve-race', 9, 'delivered');
    const rs = await Promise.all([0, 1, 2].map(() => pairs[0].buyer.send('POST', `/v1/jobs/${id}/approve`, {})));
    expect(rs.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    acked.push({ op: 'approve', job: id, by: pairs[0].buyer.id });
    check();
  }, 60_000);

  it('timers come due while all three servers run their timer loops: each fires once', async () => {
    // Jobs delivered 49 h ago, made directly on the database on a clock that far back: their 48 h
    // auto-release (and their deadlines) are due now, and every server's loop (every 250 ms) races for them.
    const HOUR = 3_600_000;
    const engine = Engine.open({ dbPath: db, clock: new ManualClock(Date.now() - 49 * HOUR) });
    const ids: string[] = [];
    try {
      for (const { buyer, worker } of pairs.slice(2, 8)) {
        const B = engine.as(buyer.id), W = engine.as(worker.id);
        const j = await B.postJob(PostJobInput.parse({ title: 'Left without a review', task_spec: { description: 'Summarise' }, amount: 8, worker_agent_id: worker.id }));
        await W.acceptJob(j.id);
        await W.startJob(j.id);
        await W.deliverJob(j.id, DeliverInput.parse({ content: 'done' }));
        acked.push({ op: 'post', job: j.id, by: buyer.id, amount_cents: 800 });
        ids.push(j.id);
      }
    } finally {
      engine.close();
    }
    const statuses = async () => Promise.all(ids.map(async (id, i) => ok(await pairs[2 + i].buyer.send('GET', `/v1/jobs/${id}`), 'get').status));
    for (let t = 0; t < 100 && (await statuses()).some((st) => st !== 'completed'); t++) await new Promise((r) => setTimeout(r, 100));
    expect(await statuses()).toEqual(ids.map(() => 'completed'));
    const e = Engine.open({ dbPath: db });
    try {
      const timers = e.db.prepare(`SELECT job_id, kind, fired_at, outcome FROM timers WHERE job_id IN (${ids.map(() => '?').join(', ')})`).all(...ids) as Any[];
      expect(timers.filter((t) => t.kind === 'auto_release').map((t) => t.outcome)).toEqual(ids.map(() => 'released'));
      expect(timers.filter((t) => t.fired_at != null && String(t.outcome).startsWith('error'))).toEqual([]);
    } finally {
      e.close();
    }
    check(); // one release and one payout per job: fired once, by whichever server got there first
  }, 60_000);

  it('kill -9 of one server mid-burst: the balancer drops it, clients retry, nothing acknowledged is lost or doubled', async () => {
    const victim = servers[1];
    const start = acked.length;
    const LIFECYCLES = 4;
    let killedAt = -1;
    const killed = new Promise<void>((resolve) => {
      const watch = setInterval(() => {
        // A third of the way into the burst: every client has requests in flight.
        if (acked.length - start >= (PAIRS * LIFECYCLES * 5) / 3) {
          clearInterval(watch);
          killedAt = acked.length - start;
          victim.child.kill('SIGKILL');
          victim.child.once('exit', () => resolve());
        }
      }, 2);
    });
    await Promise.all(pairs.map(async (p, i) => {
      for (let k = 0; k < LIFECYCLES; k++) await lifecycle(p, `c${i}.${k}`, 6 + i / 2 + k / 4);
    }));
    await killed;
    expect(killedAt).toBeLessThan(PAIRS * LIFECYCLES * 5);
    expect(lb.down.has(victim.url)).toBe(true);
    console.log(`[multi-server] killed ${victim.url} after ${killedAt} of ${PAIRS * LIFECYCLES * 5} acknowledged steps; ${lb.dropped} requests dropped in flight (502), ${unknowns} retried`);
    // The two left go on serving.
    await lifecycle(pairs[1], 'after-kill', 7);
    check();
  }, 120_000);
});
