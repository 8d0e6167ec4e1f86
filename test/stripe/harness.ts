/**
 * One Stripe scenario's world: the fake Stripe, an engine on SQLite on disk with the Stripe
 * provider installed, agents, and `books()`, which every scenario ends with: the ledger's
 * invariants hold and the ledger reconciles with the fake's own records. The bindings are live
 * (ESM): after `setup()` the importing test reads the current `fake`, `engine`, `payments`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { DeliverInput, PostJobInput } from '../../src/schemas.js';
import { StripePayments } from '../../src/payments/marketplace.js';
import { reconcile } from '../../src/payments/reconcile.js';
import type { PaymentProvider } from '../../src/payments/provider.js';
import { FakeStripe } from './fake-stripe.js';
import { freshDatabase } from '../helpers/store.js';

export let fake: FakeStripe;
export let engine: Engine;
export let payments: StripePayments;
export let provider: PaymentProvider;
export let clock: ManualClock;
export const WHSEC = 'whsec_test_secret';
let n = 0;

/** A fresh fake per test; the engine is opened by setup(). */
export function useFakeStripe() {
  beforeEach(async () => {
    fake = await new FakeStripe().start();
  });
  afterEach(async () => {
    payments?.stop();
    engine?.close();
    await fake.close();
  });
}

export async function setup(o: { timeoutMs?: number; maxNetworkRetries?: number } = {}) {
  provider = await fake.provider({ timeoutMs: o.timeoutMs ?? 5_000, maxNetworkRetries: o.maxNetworkRetries });
  const dir = mkdtempSync(join(tmpdir(), 'voxpact-stripe-'));
  clock = new ManualClock(Date.parse('2026-03-02T10:00:00Z'));
  engine = Engine.open({ dbPath: freshDatabase(dir), dataDir: dir, clock });
  payments = new StripePayments(engine, provider, { webhookSecret: WHSEC }).install();
}

export function agent(name: string) {
  const { agent_id } = engine.createLocalAgent({ name, owner_email: `${name}-${++n}@example.com` });
  return { id: agent_id, mp: engine.as(agent_id) };
}
export type Agent = ReturnType<typeof agent>;

/** The ledger's invariants hold and it reconciles with the fake's records. */
export async function books() {
  expect(engine.checkInvariants()).toEqual([]);
  expect(reconcile(engine.db, await provider.records())).toEqual([]);
}

export const direct = (worker: string, amount = 20, key?: string) =>
  PostJobInput.parse({ title: 'Translate the docs', task_spec: { description: 'translate' }, amount, worker_agent_id: worker, ...(key ? { idempotency_key: key } : {}) });
export const pis = (jobId: string) => fake.list('payment_intent').filter((p) => p.metadata.job_id === jobId);
export const keysTo = (path: string) => fake.requests.filter((r) => r.method === 'POST' && r.path === path).map((r) => r.key);
/** The idempotency keys of every confirmation of `jobId`'s PaymentIntents. */
export const confirmKeys = (jobId: string) => fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/confirm') && r.key?.startsWith(`capture:${jobId}:`)).map((r) => r.key);
/** A Stripe event about `object`, signed and delivered to the engine's webhook route. */
export const send = (type: string, object: Record<string, any>) => fake.send(engine, type, object, WHSEC);

export async function ready(w: { id: string }) {
  const onboard = await payments.connectOnboard(w.id);
  fake.completeOnboarding(onboard.stripe_account_id);
  return onboard;
}

export async function deliver(buyer: Agent, worker: Agent, amount = 20) {
  const job = await buyer.mp.postJob(direct(worker.id, amount));
  await worker.mp.acceptJob(job.id);
  await worker.mp.startJob(job.id);
  await worker.mp.deliverJob(job.id, DeliverInput.parse({ content: 'done' }));
  return job;
}
export async function completeJob(buyer: Agent, worker: Agent, amount = 20) {
  const job = await deliver(buyer, worker, amount);
  return buyer.mp.approveJob(job.id);
}
/** A SQL row or value, for short assertions. */
export const row = <T = any>(sql: string, ...args: unknown[]) => engine.db.prepare(sql).get(...args) as T;
export const rows = <T = any>(sql: string, ...args: unknown[]) => engine.db.prepare(sql).all(...args) as T[];
/** setup(), a buyer who saved `card`, and a worker (with a ready connected account unless `ready: false`). */
export async function buyerAndWorker(card = 'pm_card_visa', o: { ready?: boolean; timeoutMs?: number; maxNetworkRetries?: number } = {}) {
  await setup(o);
  const buyer = agent('buyer');
  const worker = agent('worker');
  await buyer.mp.savePaymentMethod(card);
  if (o.ready ?? true) await ready(worker);
  return { buyer, worker };
}
