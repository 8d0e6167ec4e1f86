/**
 * `voxpact-mcp admin …`: the human side of the marketplace, on the local database.
 *
 *   admin disputes list [--status arbitrating|ruled|escalated|resolved] [--json]
 *   admin disputes show ID [--json]
 *   admin disputes resolve ID --ruling buyer_wins|worker_wins|split [--worker-share N] [--note T] [--json]
 *   admin jobs freeze ID --reason R [--json]
 *   admin jobs unfreeze ID --reason R [--json]
 *   admin stripe failures | chargebacks | margin [--json]
 *   admin stripe retry KEY [--json]
 *
 * A resolution moves the escrow at once (Tier 2 is final); freezing blocks every action on the
 * job and tells both parties. Errors name the flag to fix; a usage mistake exits 2.
 */
import type { Config } from './config.js';
import { ResolveDisputeInput } from './schemas.js';
import { VoxError } from './errors.js';
import { margin, retryRefundNow, stripeChargebacks, stripeFailures } from './payments/operator.js';
import { formatEur as eur } from './money.js';

export type AdminFlags = { status?: string; ruling?: string; 'worker-share'?: string; note?: string; reason?: string; json?: boolean };

export const ADMIN_HELP = `  voxpact-mcp admin disputes list [--status S] [--json]
      Disputes, those waiting for a human first (OVERDUE past the 48 h SLA).
  voxpact-mcp admin disputes show ID [--json]
  voxpact-mcp admin disputes resolve ID --ruling buyer_wins|worker_wins|split [--worker-share N] [--note T]
      Rule as a human (Tier 2): the escrow moves at once (refund, release minus fee, or split).
  voxpact-mcp admin jobs freeze ID --reason R     Block every action on a job; both parties are told.
  voxpact-mcp admin jobs unfreeze ID --reason R   Back to the status it had.
  voxpact-mcp admin stripe failures [--json]     Refunds Stripe refused or that failed later, payouts that wait and why,
      payments awaiting the bank. A refund marked FINAL is not retried by itself: fix it, then retry it.
  voxpact-mcp admin stripe retry KEY             Retry a failed refund at the server's next settle pass.
  voxpact-mcp admin stripe chargebacks [--json]  Card holders' disputes of charges, and the jobs they froze.
  voxpact-mcp admin stripe margin [--json]       Platform fees and activation fees minus Stripe's fees and chargeback losses.
`;

const STATUSES = ['arbitrating', 'ruled', 'escalated', 'resolved'];

/** Run one admin command. `usage(msg)` makes the error a usage error (exit 2). */
export async function runAdmin(args: string[], v: AdminFlags, config: Config, usage: (msg: string) => Error): Promise<void> {
  const [area, verb, id, ...extra] = args;
  if (extra.length) throw usage(`unexpected argument(s): ${extra.join(' ')}`);
  const needId = () => {
    if (!id) throw usage(`admin ${area} ${verb} needs an id`);
    return id;
  };
  const { openEngine } = await import('./stdio.js');
  const engine = openEngine(config);
  const out = (data: unknown, text: string) => console.log(v.json ? JSON.stringify(data, null, 2) : text);
  try {
    switch (`${area} ${verb}`) {
      case 'disputes list': {
        if (v.status !== undefined && !STATUSES.includes(v.status)) throw usage(`--status must be one of ${STATUSES.join(', ')} (got '${v.status}')`);
        const rows = engine.judging.listDisputes({ status: v.status });
        return out(rows, rows.length
          ? rows.map((d) => `${d.id}  job ${d.job_id}  ${d.status}${d.overdue ? ' OVERDUE' : ''}  tier ${d.tier}  opened by ${d.opened_by} ${d.created_at}` +
            (d.ruling ? `  ruling ${d.ruling}${d.worker_share_percent != null ? ` ${d.worker_share_percent}%` : ''}` : '') +
            (d.status === 'escalated' ? `  due ${d.sla_due_at}` : d.status === 'ruled' ? `  final ${d.review_deadline}` : '')).join('\n')
          : 'No disputes.');
      }
      case 'disputes show': {
        const s = engine.judging.showDispute(needId());
        const d = s.dispute;
        return out(s, [
          `Dispute ${d.id}: ${d.status}, tier ${d.tier}`,
          `Job ${s.job.id} "${s.job.title}" (${s.job.status}), ${s.job.amount.toFixed(2)} EUR; buyer ${s.job.buyer_agent_id}, worker ${s.job.worker_agent_id}`,
          `Opened by the ${d.opened_by} at ${d.created_at}: ${d.reason}`,
          ...d.evidence_items.map((e) => `  evidence (${e.type}) ${e.label}: ${e.content}`),
          d.validation ? `Validation: ${d.validation.summary.status} (${d.validation.summary.validator_type}, consensus ${d.validation.summary.consensus}) — ${d.validation.summary.reasoning ?? ''}` : 'Validation: none',
          d.tier1 ? `Tier 1 (AI): ${d.tier1.ruling}${d.tier1.worker_share_percent != null ? ` ${d.tier1.worker_share_percent}%` : ''} at ${d.tier1.confidence} — ${d.tier1.reasoning}` : '',
          d.ruling ? `Ruling: ${d.ruling}${d.worker_share_percent != null ? ` ${d.worker_share_percent}%` : ''} by ${d.ruled_by}${d.confidence != null ? ` (confidence ${d.confidence})` : ''}${d.reasoning ? ` — ${d.reasoning}` : ''}` : 'Ruling: none yet',
          d.escalated_at ? `Escalated ${d.escalated_at}: ${d.escalation_reason}; due ${d.sla_due_at}` : '',
          d.settlement ? `Settled ${d.resolved_at}: worker ${d.settlement.worker_payout.toFixed(2)} EUR, fee ${d.settlement.platform_fee.toFixed(2)} EUR, refunded ${d.settlement.refunded_to_buyer.toFixed(2)} EUR` : '',
          `${s.messages} message(s) on the job.`,
        ].filter(Boolean).join('\n'));
      }
      case 'disputes resolve': {
        const disputeId = needId();
        if (!v.ruling) throw usage('admin disputes resolve needs --ruling buyer_wins|worker_wins|split');
        const share = v['worker-share'];
        if (share !== undefined && !/^\d+$/.test(share)) throw usage(`--worker-share must be a whole percent 1–99 (got '${share}')`);
        const parsed = ResolveDisputeInput.safeParse({ ruling: v.ruling, worker_share_percent: share === undefined ? undefined : Number(share), note: v.note });
        if (!parsed.success) {
          const i = parsed.error.issues[0];
          const flag = i.path[0] === 'worker_share_percent' ? '--worker-share' : i.path[0] === 'note' ? '--note' : '--ruling';
          throw usage(`${flag} ${i.message}${flag === '--ruling' ? ' (buyer_wins, worker_wins or split)' : ''}`);
        }
        const d = engine.judging.resolveDispute(disputeId, parsed.data);
        return out(d, `Dispute ${d.id} resolved: ${d.ruling}${d.worker_share_percent != null ? ` (${d.worker_share_percent}% to the worker)` : ''}. Job ${d.job_id} is ${d.job_status}: ` +
          `worker ${d.settlement!.worker_payout.toFixed(2)} EUR, platform fee ${d.settlement!.platform_fee.toFixed(2)} EUR, refunded ${d.settlement!.refunded_to_buyer.toFixed(2)} EUR.`);
      }
      case 'jobs freeze':
      case 'jobs unfreeze': {
        const jobId = needId();
        if (!v.reason?.trim()) throw usage(`admin jobs ${verb} needs --reason (both parties are told why)`);
        const j = verb === 'freeze' ? engine.freezeJob(jobId, v.reason) : engine.unfreezeJob(jobId, v.reason);
        return out({ job_id: j.id, status: j.status }, `Job ${j.id} is now ${j.status}.`);
      }
      case 'stripe failures': {
        const rows = stripeFailures(engine.db);
        return out(rows, rows.length
          ? rows.map((f) => `${f.kind} ${f.key}  ${eur(f.amount_cents)}  job ${f.job_id ?? '-'}  ${f.attempts} attempt(s)  ` +
            (f.kind === 'refund' ? (f.next_retry_at == null ? 'FINAL' : `retry at ${new Date(f.next_retry_at).toISOString()}`) : '') + `  ${f.error ?? ''}`).join('\n')
          : 'Nothing failed or waiting.');
      }
      case 'stripe retry': {
        const key = needId();
        if (!retryRefundNow(engine.db, key, engine.clock.now())) throw usage(`no failed refund with key '${key}' (see: voxpact-mcp admin stripe failures)`);
        return out({ key, retry: 'next settle pass' }, `Refund ${key} is retried at the server's next settle pass.`);
      }
      case 'stripe chargebacks': {
        const rows = stripeChargebacks(engine.db);
        return out(rows, rows.length
          ? rows.map((d) => `${d.id}  ${d.status}  ${eur(d.amount_cents)}  job ${d.job_id ?? '-'}${d.froze_job ? ' (frozen)' : ''}  ${d.payment_intent_id}  ${new Date(d.created_at).toISOString()}`).join('\n')
          : 'No chargebacks.');
      }
      case 'stripe margin': {
        const m = margin(engine.db);
        return out(m, [`Platform fees     ${eur(m.platform_fees_cents)}`, `Activation fees   ${eur(m.activation_fees_cents)}`,
          `Stripe's fees    -${eur(m.stripe_fees_cents)}`, `Chargebacks      -${eur(m.chargeback_losses_cents)}`, `Margin            ${eur(m.margin_cents)}`].join('\n'));
      }
      default:
        throw usage(`unknown admin command '${args.slice(0, 2).join(' ')}' (admin disputes list|show|resolve, admin jobs freeze|unfreeze, admin stripe failures|retry|chargebacks|margin)`);
    }
  } catch (e) {
    if (e instanceof VoxError) throw new Error(`${e.code}: ${e.message}`);
    throw e;
  } finally {
    engine.close();
  }
}
