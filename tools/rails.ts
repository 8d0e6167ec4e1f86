/**
 * Asking the human in the MCP client. The spending policy itself — the rails, the threshold, what
 * needs a human — lives in the engine (src/engine/policy.ts); this only asks and relays. The
 * question travels as the protocol's input_required round trip (src/confirm.ts; elicitation for
 * 2025 clients). Refuses when the client cannot ask or the human does not confirm — nothing is
 * charged then.
 */
import { VoxError } from '../src/errors.js';
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

/**
 * Glue to the engine's spending policy (src/engine/policy.ts), which decides — here only the
 * human is asked. Run `call`; when the engine answers approval_required (it validated everything
 * else first), ask the human with the engine's own summary, approve in-process (approveByClient:
 * the embedded engine's approvals, or the hosted proxy's own rails) and retry once with the
 * approval_id. The engine gives the same pending approval for the same call, so the question and
 * the approval survive the round trip. When this client cannot ask, or the approval is the hosted
 * API's, the refusal goes back as is: it carries the owner's approval link.
 */
export async function withApproval<T>(ctx: ToolCtx, what: string, call: (approvalId?: string) => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof VoxError) || e.code !== 'approval_required' || !ctx.mp.approveByClient) throw e;
    const id = String(e.details.approval_id);
    if (e.details.status !== 'approved') {
      if (!ctx.canElicit) throw e;
      const amount = typeof e.details.amount === 'number' ? Math.round(e.details.amount * 100) : undefined;
      await confirmWithHuman(ctx, {
        message: String(e.details.summary), title: 'Approve', what, amountCents: amount,
        hint: `The owner can approve it at ${String(e.details.approval_url)}; then retry with approval_id "${id}".`,
      });
      // Not ours to approve (the hosted API's own approval): the owner decides at its link.
      await ctx.mp.approveByClient(id).catch(() => { throw e; });
    }
    return call(id);
  }
}
