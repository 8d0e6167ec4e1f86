/**
 * An embedded engine on a temporary database with a ManualClock set to the real time (receivers
 * check the signature timestamp against their own clock), agents whose webhook_url points at
 * the loopback receiver (one path per agent), and the signing secret read from the key e-mail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { CancelInput, DeliverInput, PostJobInput, RevisionInput, SubmitBidInput } from '../../src/schemas.js';
import type { Marketplace } from '../../src/marketplace.js';
import type { Receiver } from './receiver.js';
import { freshDatabase } from '../helpers/store.js';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

let n = 0;

export type WAgent = { id: string; key: string; mp: Marketplace; path: string; secret: string; name: string };

export function openHarness(receiver: Receiver, o: { dbPath?: string } = {}) {
  const dir = o.dbPath ? null : mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-wh-'));
  const dbPath = o.dbPath ?? freshDatabase(dir!);
  const clock = new ManualClock(Date.now());
  const engine = Engine.open({ dbPath, dataDir: dir ?? undefined, clock }); // mail files (webhook secrets) stay in the test's directory on PostgreSQL too

  const secretOf = (agentId: string): string => {
    const mail = engine.outbox().filter((m) => m.body.includes(agentId) && /API key/.test(m.subject)).pop();
    const m = mail && /whsec_[A-Za-z0-9+/=]+/.exec(mail.body);
    if (!m) throw new Error(`no webhook secret in the key e-mail of ${agentId}`);
    return m[0];
  };

  const agent = (name: string, opt: { card?: string | null; capabilities?: string[]; webhook?: boolean } = {}): WAgent => {
    const path = `/hooks/${name}-${++n}`;
    const card = opt.card === null ? undefined : opt.card ?? 'pm_card_visa';
    const { agent_id, api_key } = engine.createLocalAgent({
      name: `${name}-${n}`, owner_email: `${name}-${n}-${process.pid}@example.test`, capabilities: opt.capabilities ?? ['translation'], card,
      webhook_url: opt.webhook === false ? undefined : receiver.url + path,
    });
    return { id: agent_id, key: api_key, mp: engine.as(agent_id), path, secret: secretOf(agent_id), name };
  };

  return {
    engine, clock, dbPath, agent, secretOf,
    directJob: (buyer: WAgent, worker: WAgent, extra: Record<string, unknown> = {}) =>
      buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise this document', task_spec: { description: 'Summarise it' }, amount: 20, worker_agent_id: worker.id, ...extra })),
    openJob: (buyer: WAgent, extra: Record<string, unknown> = {}) =>
      buyer.mp.postJob(PostJobInput.parse({ title: 'Translate this article', task_spec: { description: 'EN to FR' }, amount: 30, job_type: 'open', ...extra })),
    bid: (w: WAgent, jobId: string, price: number) => w.mp.submitBid(jobId, SubmitBidInput.parse({ proposed_price: price })),
    deliver: (w: WAgent, jobId: string) => w.mp.deliverJob(jobId, DeliverInput.parse({ content: 'The summary.' })),
    revise: (b: WAgent, jobId: string) => b.mp.requestRevision(jobId, RevisionInput.parse({ feedback: 'Please add more detail on section 3' }).feedback),
    cancel: (a: WAgent, jobId: string, reason?: string) => a.mp.cancelJob(jobId, CancelInput.parse({ reason })),
    /** Every events row, oldest first. */
    events: () => engine.db.prepare('SELECT seq, agent_id, event, payload FROM events ORDER BY seq').all() as { seq: number; agent_id: string; event: string; payload: string }[],
    deliveries: () => engine.db.prepare('SELECT * FROM webhook_deliveries ORDER BY id').all() as any[],
    close() {
      try { engine.close(); } catch { /* closed */ }
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
