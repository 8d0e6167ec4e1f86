/**
 * Model-based test of the marketplace: random command sequences (fast-check `commands`) run on
 * the engine (a real SQLite file) and on the model (model.ts); after every command the whole
 * observable state is compared and the invariants checked (commands.ts `verify`).
 *
 * Default: 30 runs of up to 150 commands. VOXPACT_LONG=1: 400 runs of up to 250 commands.
 * Replay a failure with the same settings (VOXPACT_LONG too, if it was set): VOXPACT_MODEL_SEED=<seed>
 * VOXPACT_MODEL_PATH=<path> (both printed by fast-check), optionally VOXPACT_MODEL_REPLAY=<replayPath>.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ownerApproves, scale, openWorld, T0 } from '../fixtures/world.js';
import { UpdateAgentInput } from '../../src/schemas.js';
import { type Real, commandArb, setupArb, verify } from './commands.js';
import { Model } from './model.js';

const numRuns = Number(process.env.VOXPACT_MODEL_RUNS ?? scale(30, 400));
const maxCommands = scale(150, 250);
const seed = process.env.VOXPACT_MODEL_SEED ? Number(process.env.VOXPACT_MODEL_SEED) : undefined;
const path = process.env.VOXPACT_MODEL_PATH || undefined;
/** The commands' own replay string, printed as /*replayPath="…"*\/ next to a counterexample. */
const replayPath = process.env.VOXPACT_MODEL_REPLAY || undefined;

const totals = { runs: 0, commands: 0, ok: 0, refused: 0, retries: 0, timersFired: 0, releases: 0, cancellations: 0, disputes: 0, rulings: 0, deepest: new Map<string, number>() };

/** Every command is followed by the full comparison. */
const checked = [commandArb].map((arb) => arb.map((cmd) => {
  const wrapped: fc.AsyncCommand<Model, Real> = {
    check: (m) => cmd.check(m),
    run: async (m, r) => {
      await cmd.run(m, r);
      verify(m, r, cmd.toString());
    },
    toString: () => cmd.toString(),
  };
  return wrapped;
}));

describe('marketplace model', () => {
  it(`random command sequences keep the engine equal to the model (${numRuns} runs × ≤ ${maxCommands} commands)`, async () => {
    await fc.assert(
      fc.asyncProperty(setupArb, fc.commands(checked, { maxCommands, size: 'max', replayPath }), async (setup, cmds) => {
        if (process.env.VOXPACT_MODEL_DEBUG) console.log(`run with ${[...cmds].length} commands`);
        const w = openWorld({ prefix: 'model' });
        const model = new Model(T0);
        try {
          const agents = setup.map((s, i) => {
            const a = w.agent(`model-agent-${i}`, { card: s.card, capabilities: s.caps, trust: s.trust });
            if (s.capCents != null) void a.mp.updateMyAgent(UpdateAgentInput.parse({ monthly_spending_limit: s.capCents / 100 }));
            model.agents.push({ idx: i, id: a.id, trust: s.trust, card: s.card, capCents: s.capCents, caps: [...s.caps] });
            return { id: a.id, mp: ownerApproves(w.engine, a.id, a.mp) }; // the model is about the other rules: the owner approves every spend
          });
          const real: Real = { engine: w.engine, clock: w.clock, agents };
          verify(model, real, 'setup');
          await fc.asyncModelRun(() => ({ model, real }), cmds);
        } finally {
          totals.runs++;
          for (const k of ['commands', 'ok', 'refused', 'retries', 'timersFired', 'releases', 'cancellations', 'disputes', 'rulings'] as const) totals[k] += model.stats[k];
          for (const j of model.jobs) totals.deepest.set(j.status, (totals.deepest.get(j.status) ?? 0) + 1);
          w.close();
        }
      }),
      { numRuns, seed, path, verbose: 0 },
    );
  }, scale(120_000, 3_600_000));

  afterAll(() => {
    const statuses = [...totals.deepest].map(([s, n]) => `${s} ${n}`).join(', ');
    console.log(`[model] ${totals.runs} runs (incl. shrinking), ${totals.commands} commands executed (${totals.ok} accepted, ${totals.refused} refused, ${totals.retries} keyed retries), ` +
      `${totals.timersFired} timers fired, ${totals.releases} releases, ${totals.cancellations} cancellations, ${totals.disputes} disputes (${totals.rulings} ruled); final job statuses: ${statuses}`);
    expect(totals.runs).toBeGreaterThan(0);
  });
});
