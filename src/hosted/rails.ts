/**
 * The hosted proxy's own env rails (VOXPACT_MAX_JOB_EUR, VOXPACT_CONFIRM_ABOVE_EUR), on top of the
 * upstream engine's spending policy: the upstream engine cannot know them, so this proxy checks
 * them before forwarding a charge. Above the maximum: refused. Above the threshold: refused with
 * `approval_required` and an approval of this proxy's (in memory, bound to the call), which only
 * the human in the MCP client can approve (approveByClient); or the call carries an approval_id
 * of the upstream's, which the upstream checks (its owner approved that exact call).
 */
import { createHash, randomUUID } from 'node:crypto';
import { VoxError } from '../errors.js';
import { formatEur } from '../money.js';
import { canonical } from '../engine/ids.js';
import { APPROVAL_TTL_MS, type ApprovalDetails, type Rails, shortName, summaryOf } from '../engine/policy.js';
import type { PublicAgent } from '../schemas.js';

type Local = { hash: string; approved: boolean; expiresAt: number };

export class ProxyRails {
  private readonly local = new Map<string, Local>();
  constructor(private readonly rails: Rails | undefined, private readonly now: () => number) {}

  /** Does a charge of `amountCents` concern this proxy at all (for the caller: fetch the payee only then)? */
  applies(amountCents: number): boolean {
    const r = this.rails;
    return !!r && ((r.maxJobCents != null && amountCents > r.maxJobCents) || (r.confirmAboveCents != null && amountCents > r.confirmAboveCents));
  }

  /**
   * Before forwarding a charge. Returns the approval_id to forward upstream (an upstream one, or
   * none once one of this proxy's was used here).
   */
  gate(o: { action: 'post_job' | 'accept_bid'; args: unknown; amountCents: number; field: string; title: string; payee: PublicAgent; approvalId?: string }): string | undefined {
    const r = this.rails;
    if (!r || !this.applies(o.amountCents)) return o.approvalId;
    if (r.maxJobCents != null && o.amountCents > r.maxJobCents) {
      throw new VoxError('spending_rail_exceeded', `${o.field}: ${formatEur(o.amountCents)} is above this MCP server's per-job maximum of ${formatEur(r.maxJobCents)} (VOXPACT_MAX_JOB_EUR); nothing was charged. Choose a smaller amount or ask the human to raise the maximum.`, 403, { field: o.field });
    }
    const hash = createHash('sha256').update(canonical({ action: o.action, args: o.args, amount: o.amountCents })).digest('hex');
    const mine = o.approvalId ? this.local.get(o.approvalId) : undefined;
    if (mine) {
      if (mine.hash !== hash) throw new VoxError('approval_mismatch', `approval_id: approval '${o.approvalId}' was given for another call; nothing was charged`, 409, { field: 'approval_id' });
      if (mine.expiresAt <= this.now()) throw new VoxError('approval_expired', `approval '${o.approvalId}' expired; call without approval_id to ask again`, 410, { field: 'approval_id' });
      if (!mine.approved) throw new VoxError('approval_pending', `approval '${o.approvalId}' waits for the human in the MCP client; nothing was charged`, 403, { field: 'approval_id' });
      this.local.delete(o.approvalId!);
      return undefined;
    }
    if (o.approvalId) return o.approvalId; // the upstream's own: it checks that its owner approved this very call
    const details: ApprovalDetails = {
      action: o.action, amount: o.amountCents / 100, title: o.title,
      reasons: [`${formatEur(o.amountCents)} is above this MCP server's confirmation threshold of ${formatEur(r.confirmAboveCents!)} (VOXPACT_CONFIRM_ABOVE_EUR)`],
      payee: { id: o.payee.id, trust_score: o.payee.trust_score, tier: o.payee.level, completed_jobs: o.payee.completed_jobs, name_self_chosen: shortName(o.payee.name) },
    };
    const id = randomUUID();
    this.local.set(id, { hash, approved: false, expiresAt: this.now() + APPROVAL_TTL_MS });
    const summary = summaryOf(details);
    throw new VoxError('approval_required', `${summary} The human confirms it in the MCP client; nothing was charged. Then retry the same call with approval_id "${id}".`,
      403, { approval_id: id, approval_url: null, summary, status: 'pending' });
  }

  /** The human confirmed in the MCP client (tools/rails.ts). Only this proxy's approvals. */
  approve(id: string) {
    const a = this.local.get(id);
    if (!a || a.expiresAt <= this.now()) throw new VoxError('not_found', `approval '${id}' is not one of this MCP server's; the owner approves it at its approval_url`, 404, { field: 'approval_id' });
    a.approved = true;
    return { id, status: 'approved' as const };
  }
}
