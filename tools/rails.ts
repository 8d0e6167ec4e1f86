/**
 * This server's own spending rails (beyond the engine's monthly cap), from configuration:
 * a per-job maximum, and a threshold above which a human confirms in the MCP client (src/confirm.ts).
 * Refuses when the client cannot ask or the human does not confirm — nothing is charged then.
 */
import { VoxError } from '../src/errors.js';
import { formatEur } from '../src/money.js';
import type { ToolCtx } from '../src/tool.js';
import { type Ask, ConfirmationNeeded, questionHash } from '../src/confirm.js';

/**
 * Ask the human to confirm `ask.message` (a yes/no question titled `ask.title`), after every other
 * check of the call passed. Returns once the human has confirmed exactly this question (the retried
 * call, src/confirm.ts); the first time it throws ConfirmationNeeded, which becomes the question.
 * `what` names the action in refusals; `hint` says what the human can do instead when this client
 * cannot ask.
 */
export async function confirmWithHuman(ctx: ToolCtx, ask: Ask): Promise<void> {
  if (ctx.confirmed === questionHash(ask)) return;
  if (!ctx.canElicit) {
    throw new VoxError('confirmation_required',
      `${ask.what} needs a human's confirmation, and this MCP client cannot ask one (no elicitation support). Nothing was done. ${ask.hint}`, 403);
  }
  throw new ConfirmationNeeded(ask);
}

/** Before a capture of `amountCents` to `payee`: the per-job maximum, then the confirmation threshold. */
export async function checkSpend(ctx: ToolCtx, o: { amountCents: number; payeeId: string; payeeName: string; title: string; field: string }) {
  const { maxJobCents, confirmAboveCents } = ctx.config;
  if (maxJobCents != null && o.amountCents > maxJobCents) {
    throw new VoxError('spending_rail_exceeded',
      `${o.field}: ${formatEur(o.amountCents)} is above this server's per-job maximum of ${formatEur(maxJobCents)} (VOXPACT_MAX_JOB_EUR); nothing was charged. Choose a smaller amount or ask the human to raise the maximum.`,
      403, { field: o.field });
  }
  if (confirmAboveCents != null && o.amountCents > confirmAboveCents) {
    await confirmWithHuman(ctx, {
      amountCents: o.amountCents,
      message: `Pay ${formatEur(o.amountCents)} into escrow to ${o.payeeName} (${o.payeeId}) for '${o.title}'?`,
      title: 'Confirm payment',
      what: `paying ${formatEur(o.amountCents)} (above the ${formatEur(confirmAboveCents)} confirmation threshold)`,
      hint: 'Ask the human to do it from a client that supports confirmations, or to raise VOXPACT_CONFIRM_ABOVE_EUR.',
    });
  }
}
