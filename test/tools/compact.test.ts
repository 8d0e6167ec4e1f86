/**
 * Issue 14 over real stdio with the SDK client: compact answers of state changes, the whole job
 * with its revision feedback, paged previews, errors that name the tool to use instead, losing
 * bidders told, notifications since a cursor and marked read in one call, ids where a model has
 * them, honest annotations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@modelcontextprotocol/client';
import { type Any, type CliAgent, type StdioWorld, call, ok, stdioWorld } from '../helpers/stdio.js';

let world: StdioWorld;
let buyer: CliAgent;
let worker: CliAgent;
let rival: CliAgent;
let b: Client;
let w: Client;
let r: Client;
const SPEC = 'SPEC-MARKER translate the whole annual report, every chapter, keep the tables.';

beforeAll(async () => {
  world = stdioWorld('compact');
  buyer = world.createAgent('compact-buyer', ['--card', 'pm_card_visa']);
  worker = world.createAgent('compact-worker', ['--capabilities', 'translate']);
  rival = world.createAgent('compact-rival', ['--capabilities', 'translate']);
  [b, w, r] = await Promise.all([world.connect(buyer), world.connect(worker), world.connect(rival)]);
});
afterAll(() => world?.close());

async function deliveredJob(content: string) {
  const job = (await ok(b, 'create_job', { title: 'Translate the report', task_spec: { description: SPEC }, amount: 12, worker_agent_id: worker.agent_id })).data;
  await ok(w, 'accept_job', { job_id: job.id });
  await ok(w, 'start_job', { job_id: job.id });
  await ok(w, 'deliver_job', { job_id: job.id, content });
  return job.id as string;
}

describe('compact answers', () => {
  it('a state change answers what changed — status, money, fee, next step — never the task_spec or the deliverable', async () => {
    const posted = await ok(b, 'create_job', { title: 'Translate the report', task_spec: { description: SPEC }, amount: 12, worker_agent_id: worker.agent_id });
    expect(posted.data).toMatchObject({ status: 'funded', escrow_amount: 12, money_moved: '12.00 EUR charged into escrow', your_role: 'buyer' });
    expect(posted.data.task_spec).toBeUndefined();
    expect(posted.text).not.toContain('SPEC-MARKER');
    const accepted = await ok(w, 'accept_job', { job_id: posted.data.id });
    expect(accepted.data).toMatchObject({ status: 'accepted', next_step: expect.stringMatching(/start_job/) });
    expect(accepted.text).not.toContain('SPEC-MARKER');
    await ok(w, 'start_job', { job_id: posted.data.id });
    const delivered = await ok(w, 'deliver_job', { job_id: posted.data.id, content: 'DELIVERABLE-MARKER übersetzt' });
    expect(delivered.data.job).toMatchObject({ status: 'delivered' });
    expect(delivered.data.deliverable).toMatchObject({ revision_number: 1, content_type: 'text/plain' });
    expect(delivered.data.deliverable.content).toBeUndefined();
    expect(JSON.stringify(delivered)).not.toContain('DELIVERABLE-MARKER');
    const approved = await ok(b, 'approve_job', { job_id: posted.data.id });
    expect(approved.data).toMatchObject({ status: 'completed', escrow_amount: 0, platform_fee: 1.2, worker_payout: 10.8 });
    expect(approved.data.money_moved).toBe('12.00 EUR released from escrow: platform fee 1.20 EUR, worker payout 10.80 EUR');
    expect(approved.text).not.toContain('SPEC-MARKER');
  });

  it('get_job_status has the whole job and the latest revision feedback, fenced as the buyer\'s words', async () => {
    const id = await deliveredJob('first try');
    await ok(b, 'request_revision', { job_id: id, feedback: 'FEEDBACK-ONE keep the tables as tables.' });
    await ok(w, 'deliver_job', { job_id: id, content: 'second try' });
    await ok(b, 'request_revision', { job_id: id, feedback: 'FEEDBACK-TWO chapter 3 is missing.' });
    const s = await ok(w, 'get_job_status', { job_id: id });
    expect(s.data).toMatchObject({ status: 'revision_requested', revision_count: 2, revision_feedback: 'FEEDBACK-TWO chapter 3 is missing.', task_spec: { description: SPEC } });
    expect(s.text).toMatch(/latest revision feedback: <untrusted-[0-9a-f]{8} source="agent [^"]+" field="revision_feedback">FEEDBACK-TWO/);
    expect(s.text).not.toContain('FEEDBACK-ONE');
  });

  it('before payment the preview is an excerpt; once paid, a long deliverable is read a page at a time and the pages join to the whole', async () => {
    const long = Array.from({ length: 3000 }, (_, i) => `line ${i} é`).join('\n');
    const id = await deliveredJob(long);
    const excerpt = await ok(b, 'get_deliverable_preview', { job_id: id, max_chars: 50000 });
    expect(excerpt.data.preview.length).toBeLessThanOrEqual(2000); // never the whole work before payment (docs/security.md)
    expect(excerpt.data.next_offset).toBeNull();
    await ok(b, 'approve_job', { job_id: id });
    const first = await ok(b, 'get_deliverable', { job_id: id, max_chars: 5000 });
    expect(first.data).toMatchObject({ offset: 0, next_offset: 5000, total_chars: long.length });
    expect(first.text).toContain('More: call again with offset 5000.');
    let text = first.data.content;
    for (let at = first.data.next_offset; at != null;) {
      const p = await ok(b, 'get_deliverable', { job_id: id, offset: at, max_chars: '50000' });
      text += p.data.content;
      at = p.data.next_offset;
    }
    expect(text).toBe(long);
  });
});

describe('lists stay short', () => {
  it('get_open_jobs shows the start of a long task_spec, fenced, and where to read it whole', async () => {
    const long = `LONG-SPEC ${'translate every paragraph carefully; '.repeat(200)}`;
    const job = (await ok(b, 'create_job', { title: 'Long open job', task_spec: { description: long }, amount: 40, job_type: 'open', bid_window_hours: 24 })).data;
    const board = await ok(w, 'get_open_jobs', { q: 'paragraph' });
    const line = board.text.split('\n').find((l: string) => l.includes('LONG-SPEC'))!;
    expect(line).toMatch(/^ {2}task_spec: <untrusted-([0-9a-f]{8}) [^>]+>\{"description":"LONG-SPEC .{500,600}…<\/untrusted-\1> \(the first 600 of \d+ characters: get_job_status /);
    expect(line).toContain(`get_job_status ${job.id} for all`);
    expect(board.text.length).toBeLessThan(long.length);
  });
});

describe('errors name the tool to use instead', () => {
  it('a buyer calling accept_job on a delivered job is told about approve_job / request_revision; nothing changes', async () => {
    const id = await deliveredJob('done');
    const e = await call(b, 'accept_job', { job_id: id });
    expect(e.data.error.code).toBe('forbidden');
    expect(e.data.error.message).toMatch(/use approve_job or request_revision/);
    const again = await call(w, 'accept_job', { job_id: id });
    expect(again.data.error.code).toBe('invalid_status');
    expect(again.data.error.message).toMatch(/As the worker of this 'delivered' job, use open_dispute/);
    expect((await ok(b, 'get_job_status', { job_id: id })).data.status).toBe('delivered');
  });
});

describe('bids and notifications', () => {
  it('losing bidders are told; notifications since a cursor, marked read in one call', async () => {
    const job = (await ok(b, 'create_job', { title: 'Open translation', task_spec: { description: 'x' }, amount: 30, job_type: 'open', bid_window_hours: 24 })).data;
    expect((await ok(r, 'list_notifications', {})).data).toMatchObject({ items: [], cursor: null }); // nothing yet: no cursor, list without since
    const start = await ok(w, 'list_notifications', {});
    const cursor = start.data.cursor;
    expect(cursor).toMatch(/^\d{4}-.+\|[0-9a-f-]{36}$/);
    const theirs = await ok(r, 'submit_bid', { job_id: job.id, amount: '20' });
    expect(theirs.data.proposed_price).toBe(20);
    await ok(w, 'submit_bid', { job_id: job.id, proposed_price: 25 });
    const hired = await ok(b, 'accept_bid', { bid_id: theirs.data.id });
    expect(hired.data).toMatchObject({ job: { status: 'accepted', money_moved: '20.00 EUR charged into escrow' }, bid: { id: theirs.data.id, status: 'accepted' } });

    const news = await ok(w, 'list_notifications', { since: cursor });
    expect(news.data.items.map((n: Any) => n.type)).toEqual(['bid_rejected']);
    expect(news.data.items[0].message).toMatch(/not selected: another bid was accepted/);
    expect((await ok(w, 'list_notifications', { since: news.data.cursor })).data.items).toEqual([]);

    const unread = (await ok(w, 'list_notifications', { unread_only: true, limit: 5 })).data;
    expect(unread.unread_count).toBeGreaterThan(5);
    const bad = await call(w, 'mark_notifications_read', { notification_ids: [unread.items[0].id, '00000000-0000-4000-8000-000000000000'] });
    expect(bad.data.error).toMatchObject({ code: 'not_found', field: 'notification_ids' });
    expect((await ok(w, 'list_notifications', { unread_only: true })).data.unread_count).toBe(unread.unread_count);
    const marked = await ok(w, 'mark_notifications_read', { notification_ids: unread.items.map((n: Any) => n.id) });
    expect(marked.data.marked).toBe(unread.items.length);
    expect((await ok(w, 'list_notifications', { unread_only: true })).data.unread_count).toBe(unread.unread_count - unread.items.length);
    expect((await ok(w, 'mark_notifications_read', { all: true })).data.marked).toBe(unread.unread_count - unread.items.length);
  });
});

describe('ids where a model has them', () => {
  it('list_jobs takes status as a list or a comma-separated string; request_dispute_review takes the job id', async () => {
    const asList = await ok(b, 'list_jobs', { status: ['funded', 'completed'], role: 'buyer' });
    const asString = await ok(b, 'list_jobs', { status: 'funded,completed', role: 'buyer' });
    expect(asList.data.items.map((j: Any) => j.id)).toEqual(asString.data.items.map((j: Any) => j.id));
    expect(asList.data.items.every((j: Any) => ['funded', 'completed'].includes(j.status))).toBe(true);
    expect(asList.data.items[0].task_spec).toBeUndefined(); // a list is a summary

    const id = await deliveredJob('disputed');
    await ok(b, 'open_dispute', { job_id: id, reason: 'The delivery misses chapter 3.' });
    // Without an AI arbiter the dispute went straight to a human: found by its job, then refused as already there.
    const review = await call(b, 'request_dispute_review', { job_id: id });
    expect(review.data.error.code).toBe('already_escalated');
    const none = await call(b, 'request_dispute_review', {});
    expect(none.data.error).toMatchObject({ code: 'validation_error', field: 'job_id' });
  });
});

describe('honest annotations', () => {
  it('every tool that charges or releases money is destructive; nothing that moves money is read-only', async () => {
    const c = await world.connect(buyer, { args: ['--toolsets', 'all'] });
    const by = Object.fromEntries((await c.listTools()).tools.map((t) => [t.name, t.annotations!]));
    for (const name of ['create_job', 'accept_bid', 'approve_job', 'cancel_job', 'open_dispute', 'save_payment_method', 'update_my_agent']) {
      expect(by[name], name).toMatchObject({ destructiveHint: true, readOnlyHint: false });
    }
    expect(by.connect_status.readOnlyHint).toBe(false); // checking pays out what waited for the account
  });
});
