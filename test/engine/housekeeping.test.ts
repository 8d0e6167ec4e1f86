/**
 * Housekeeping (Engine.runTimers): the change feed keeps 7 days. It is cut in seq order (no
 * created_at index is written on every operation for it), so this checks the cut: exactly the
 * rows older than 7 days go, the newest survive, and seqs are never reused after a full cut.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PostJobInput } from '../../src/schemas.js';
import { HOUR, openWorld, type World } from '../fixtures/world.js';

let w: World;
afterEach(() => w?.close());

const DAY = 24 * HOUR;
const feed = () => w.db.prepare('SELECT seq, created_at FROM changes ORDER BY seq').all() as { seq: number; created_at: number }[];

describe('change feed housekeeping', () => {
  it('drops the changes older than 7 days, keeps the rest, never reuses a seq', async () => {
    w = openWorld({ prefix: 'housekeeping' });
    const buyer = w.agent('Keep Buyer');
    const worker = w.agent('Keep Worker');
    const post = () => buyer.mp.postJob(PostJobInput.parse({ title: 'Summarise', task_spec: { description: 'a text' }, amount: 10, worker_agent_id: worker.id }));

    await post();
    const old = feed();
    w.clock.advance(3 * DAY);
    await post();
    const recent = feed().filter((c) => c.seq > old.at(-1)!.seq);
    expect(old.length).toBeGreaterThan(0);
    expect(recent.length).toBeGreaterThan(0);

    w.clock.advance(4 * DAY + HOUR); // the first rows are now older than 7 days, the second ones 4 days old
    w.engine.runTimers();
    const left = feed();
    expect(left.every((c) => c.created_at >= w.clock.now() - 7 * DAY)).toBe(true);
    expect(left.slice(0, recent.length)).toEqual(recent); // then whatever the timers that fired just now wrote

    w.clock.advance(30 * DAY); // everything is old: the feed empties
    w.engine.runTimers();
    expect(feed()).toEqual([]);
    await post();
    expect(Math.min(...feed().map((c) => c.seq))).toBeGreaterThan(recent.at(-1)!.seq);
  });
});
