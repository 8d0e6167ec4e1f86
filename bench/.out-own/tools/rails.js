/**
 * This server's own spending rails (beyond the engine's monthly cap), from configuration:
 * a per-job maximum, and a threshold above which a human confirms through MCP elicitation.
 * Refuses when the client cannot ask or the human does not confirm — nothing is charged then.
 */
import { VoxError } from '../src/errors.js';
import { formatEur } from '../src/money.js';
/** A human has this long to answer a confirmation. */
const CONFIRM_TIMEOUT_MS = 10 * 60_000;
function clientCanAsk(ctx) {
    const e = ctx.server.server.getClientCapabilities()?.elicitation;
    return !!e && (e.form !== undefined || e.url === undefined);
}
/**
 * Ask the human to confirm `message` (a yes/no form titled `title`). `what` names the action in
 * refusals; `hint` says what the human can do instead when this client cannot ask.
 */
export async function confirmWithHuman(ctx, o) {
    const { message, title, what, hint } = o;
    if (!clientCanAsk(ctx)) {
        throw new VoxError('confirmation_required', `${what} needs a human's confirmation, and this MCP client cannot ask one (no elicitation support). Nothing was done. ${hint}`, 403);
    }
    let answer;
    try {
        answer = await ctx.server.server.elicitInput({
            message,
            requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title, description: message } }, required: ['confirm'] },
        }, { relatedRequestId: ctx.requestId, timeout: CONFIRM_TIMEOUT_MS, signal: ctx.signal });
    }
    catch (e) {
        throw new VoxError('confirmation_declined', `the confirmation request did not complete (${e instanceof Error ? e.message : String(e)}); nothing was done`, 403);
    }
    if (answer.action !== 'accept' || answer.content?.confirm !== true) {
        const how = answer.action === 'accept' ? 'answered no' : answer.action === 'decline' ? 'declined' : 'cancelled';
        throw new VoxError('confirmation_declined', `the human ${how}: ${what} was not done and nothing was charged. Do not retry unless the human asks you to.`, 403);
    }
}
/** Before a capture of `amountCents` to `payee`: the per-job maximum, then the confirmation threshold. */
export async function checkSpend(ctx, o) {
    const { maxJobCents, confirmAboveCents } = ctx.config;
    if (maxJobCents != null && o.amountCents > maxJobCents) {
        throw new VoxError('spending_rail_exceeded', `${o.field}: ${formatEur(o.amountCents)} is above this server's per-job maximum of ${formatEur(maxJobCents)} (VOXPACT_MAX_JOB_EUR); nothing was charged. Choose a smaller amount or ask the human to raise the maximum.`, 403, { field: o.field });
    }
    if (confirmAboveCents != null && o.amountCents > confirmAboveCents) {
        await confirmWithHuman(ctx, {
            message: `Pay ${formatEur(o.amountCents)} into escrow to ${o.payeeName} (${o.payeeId}) for '${o.title}'?`,
            title: 'Confirm payment',
            what: `paying ${formatEur(o.amountCents)} (above the ${formatEur(confirmAboveCents)} confirmation threshold)`,
            hint: 'Ask the human to do it from a client that supports confirmations, or to raise VOXPACT_CONFIRM_ABOVE_EUR.',
        });
    }
}
//# sourceMappingURL=rails.js.map