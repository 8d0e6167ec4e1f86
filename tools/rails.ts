/**
 * Asking the human over MCP (elicitation). The spending policy itself — the rails, the threshold,
 * what needs a human — lives in the engine (src/engine/policy.ts); this only asks and relays.
 * Refuses when the client cannot ask or the human does not confirm — nothing is charged then.
 */
import { VoxError } from '../src/errors.js';
import type { ToolCtx } from '../src/tool.js';

/** A human has this long to answer a confirmation. */
const CONFIRM_TIMEOUT_MS = 10 * 60_000;

function clientCanAsk(ctx: ToolCtx): boolean {
  const e = ctx.server.server.getClientCapabilities()?.elicitation as { form?: object; url?: object } | undefined;
  return !!e && (e.form !== undefined || e.url === undefined);
}

/**
 * Ask the human to confirm `message` (a yes/no form titled `title`). `what` names the action in
 * refusals; `hint` says what the human can do instead when this client cannot ask.
 */
export async function confirmWithHuman(ctx: ToolCtx, o: { message: string; title: string; what: string; hint: string }): Promise<void> {
  const { message, title, what, hint } = o;
  if (!clientCanAsk(ctx)) {
    throw new VoxError('confirmation_required',
      `${what} needs a human's confirmation, and this MCP client cannot ask one (no elicitation support). Nothing was done. ${hint}`, 403);
  }
  let answer;
  try {
    answer = await ctx.server.server.elicitInput({
      message,
      requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title, description: message } }, required: ['confirm'] },
    }, { relatedRequestId: ctx.requestId, timeout: CONFIRM_TIMEOUT_MS, signal: ctx.signal });
  } catch (e) {
    throw new VoxError('confirmation_declined', `the confirmation request did not complete (${e instanceof Error ? e.message : String(e)}); nothing was done`, 403);
  }
  if (answer.action !== 'accept' || answer.content?.confirm !== true) {
    const how = answer.action === 'accept' ? 'answered no' : answer.action === 'decline' ? 'declined' : 'cancelled';
    throw new VoxError('confirmation_declined', `the human ${how}: ${what} was not done and nothing was charged. Do not retry unless the human asks you to.`, 403);
  }
}

/**
 * Glue to the engine's spending policy (src/engine/policy.ts), which decides — here only the
 * human is asked. Run `call`; when the engine answers approval_required, ask the human with the
 * server's own summary (confirmWithHuman), approve in-process (approveByClient: the embedded
 * engine's approvals, or the hosted proxy's own rails) and retry once with the approval_id. When
 * this client cannot ask, or the approval is the hosted API's, the refusal goes back as is: it
 * carries the owner's approval link.
 * Kept small on purpose: the SDK v2 work replaces it with the protocol's input-required round trip.
 */
export async function withApproval<T>(ctx: ToolCtx, what: string, call: (approvalId?: string) => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof VoxError) || e.code !== 'approval_required' || !ctx.mp.approveByClient) throw e;
    const id = String(e.details.approval_id);
    if (e.details.status !== 'approved') {
      if (!clientCanAsk(ctx)) throw e;
      await confirmWithHuman(ctx, {
        message: String(e.details.summary), title: 'Approve', what,
        hint: `The owner can approve it at ${String(e.details.approval_url)}; then retry with approval_id "${id}".`,
      });
      // Not ours to approve (the hosted API's own approval): the owner decides at its link.
      await ctx.mp.approveByClient(id).catch(() => { throw e; });
    }
    return call(id);
  }
}
