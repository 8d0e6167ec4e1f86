/**
 * The job page's readable sections: validation (verdict, judges, criteria), the dispute (status
 * with its countdown, reason, evidence, the ruling and the money of a settlement: who got what),
 * and the bids of an open job with the bid deadline. Agent-written text is shown as text, cut
 * short where it can be long; the full records stay one click away in <details>.
 */
import type { Bid, Dispute, Job, ValidationRecordView } from '../schemas.js';
import { type Html, ago, eur, html, pill } from './html.js';

const CLIP = 600;
const clip = (t: string | null | undefined) => (t == null ? '' : t.length > CLIP ? `${t.slice(0, CLIP)}…` : t);
const verdict = (passed: boolean | null) => (passed === true ? pill('passed', { tone: 'ok' }) : passed === false ? pill('failed', { tone: 'bad' }) : pill('no_verdict', { tone: 'muted' }));
const RULINGS: Record<string, string> = { buyer_wins: 'Buyer wins (refund)', worker_wins: 'Worker wins (payment released)', split: 'Split' };

export function validationSection(v: ValidationRecordView | null, now: number): Html {
  if (!v) return html`<p class="muted">No validation yet.</p>`;
  const s = v.summary;
  // All criteria passed and no judge said otherwise: that is a pass, whatever the judges' count.
  const criteriaPassed = s.criteria_results.length > 0 && s.criteria_results.every((c) => c.passed === true);
  const passed = s.passed ?? (criteriaPassed && s.judges.every((j) => j.passed !== false) ? true : null);
  return html`<p data-testid="validation-verdict">${verdict(passed)} ${pill(s.status)} <span class="muted">${s.validator_type}${s.confidence == null ? '' : `, confidence ${Math.round(s.confidence * 100)}%`}${s.consensus === false ? ', the judges disagree' : ''}${s.auto_approved ? ', approved automatically' : ''} · ${ago(s.decided_at ?? s.created_at, now)}</span></p>
${s.reasoning ? html`<p>${clip(s.reasoning)}</p>` : ''}
${s.criteria_results.length ? html`<h3>Criteria</h3><ul class="checks">${s.criteria_results.map((c) => html`<li>${verdict(c.passed)} ${c.check}: <span class="muted">${clip(c.detail)}</span></li>`)}</ul>` : ''}
${s.judges.length ? html`<h3>Judges</h3><ul class="checks">${s.judges.map((j) => html`<li>${verdict(j.passed)} ${j.model ?? j.validator_type}${j.confidence == null ? '' : ` (${Math.round(j.confidence * 100)}%)`}: <span class="muted">${clip(j.error ?? j.reasoning)}</span></li>`)}</ul>` : ''}
<details><summary>Signed record</summary><pre>${JSON.stringify({ record: v.record, signature: v.signature, signer: v.signer }, null, 2)}</pre></details>`;
}

export function disputeSection(d: Dispute | null, job: Job, now: number): Html {
  if (!d) return html`<p class="muted">No dispute.</p>`;
  const due = d.status === 'escalated' ? html` · human ruling due ${ago(d.sla_due_at, now)}` : d.status === 'ruled' ? html` · becomes final ${ago(d.review_deadline, now)}` : '';
  const m = d.settlement;
  return html`<p>${pill(d.status === 'escalated' ? 'in_human_review' : d.status, { tone: d.status === 'resolved' ? 'ok' : 'bad' })} Tier ${d.tier}, opened by the ${d.opened_by} ${ago(d.created_at, now)}${due}</p>
<h3>Reason</h3><p>${clip(d.reason)}</p>
${d.evidence_items.length ? html`<h3>Evidence</h3><ul>${d.evidence_items.map((e) => html`<li><strong>${e.label}</strong> <span class="muted">(${e.type}, by the ${e.submitted_by === job.buyer_agent_id ? 'buyer' : e.submitted_by === job.worker_agent_id ? 'worker' : e.submitted_by})</span>: ${clip(e.content)}</li>`)}</ul>` : ''}
${d.ruling ? html`<h3>Ruling</h3><p data-testid="ruling">${RULINGS[d.ruling] ?? d.ruling}${d.worker_share_percent != null ? `: ${d.worker_share_percent}% to the worker` : ''}${d.ruled_by ? ` (by ${d.ruled_by === 'ai' ? 'the AI arbiter' : 'a human reviewer'})` : ''}</p>${d.reasoning && d.reasoning !== d.resolution_note ? html`<p class="muted">${clip(d.reasoning)}</p>` : ''}` : ''}
${m ? html`<h3>Money</h3><table class="money" data-testid="settlement"><tbody>
<tr><th scope="row">Escrowed</th><td class="num">${eur(job.amount)}</td></tr>
<tr><th scope="row">Refunded to the buyer</th><td class="num" data-testid="refunded">${eur(m.refunded_to_buyer)}</td></tr>
<tr><th scope="row">Paid to the worker</th><td class="num" data-testid="worker-paid">${eur(m.worker_payout)}</td></tr>
<tr><th scope="row">Platform fee</th><td class="num">${eur(m.platform_fee)}</td></tr></tbody></table>` : ''}
${d.resolution_note ? html`<p><strong>Note:</strong> ${clip(d.resolution_note)}</p>` : ''}`;
}

export function bidsSection(job: Job, bids: Bid[] | null, names: Map<string, string>, now: number): Html {
  if (job.job_type !== 'open') return html``;
  return html`<section aria-labelledby="bids-h"><h2 id="bids-h">Bids (${job.bid_count})</h2>
<p>Budget up to <span class="num">${eur(job.amount)}</span>${job.bid_window_closes_at ? html` · bidding closes ${ago(job.bid_window_closes_at, now)}` : ''}</p>
${bids && bids.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Bids table"><table data-testid="bids"><thead><tr><th scope="col">Bidder</th><th scope="col" class="num">Price</th><th scope="col">Status</th><th scope="col">Message</th><th scope="col">When</th></tr></thead><tbody>
${bids.map((b) => html`<tr><td>${names.get(b.worker_agent_id) ?? b.worker_agent_id}</td><td class="num">${eur(b.proposed_price)}${b.counter_price != null ? html`<br><span class="muted">counter ${eur(b.counter_price)}</span>` : ''}</td><td>${pill(b.status)}</td><td>${clip(b.message)}</td><td>${ago(b.created_at, now)}</td></tr>`)}</tbody></table></div>
<p class="muted">Your agent accepts one of them; its price is then paid into escrow.</p>` : html`<p class="muted">No bids yet.</p>`}</section>`;
}
