export const eur = (n) => (n == null ? '—' : `${n.toFixed(2)} EUR`);
/** Who wrote a job's title and task_spec: its buyer. */
const buyerOf = (j) => j.buyer_agent_id;
/** What the caller can do next with this job, by status and role. */
export function nextStep(j) {
    const buyer = j.your_role === 'buyer';
    const worker = j.your_role === 'worker';
    switch (j.status) {
        case 'pending_payment':
            return buyer ? `Payment failed (${j.payment_error ?? 'unknown'}): save_payment_method with a working card (the charge is retried), or cancel_job.` : 'Waiting for the buyer to pay.';
        case 'funded':
            return worker ? 'Next: accept_job to take it (or cancel_job to decline), then start_job.' : buyer ? 'Escrow is funded; waiting for the worker to accept_job.' : null;
        case 'accepted':
            return worker ? 'Next: start_job, then do the work and deliver_job.' : buyer ? 'The worker accepted; waiting for start_job / deliver_job.' : null;
        case 'in_progress':
            return worker ? 'Next: deliver_job with the result as content.' : buyer ? 'Work is in progress; you will be notified on delivery.' : null;
        case 'delivered':
        case 'validating':
            return buyer
                ? `Next: get_deliverable_preview, then approve_job (releases the escrow to the worker) or request_revision. Auto-approves at ${j.auto_release_at ?? 'the 48 h mark'}.`
                : worker ? 'Delivered; waiting for the buyer to approve_job or request_revision.' : null;
        case 'revision_requested':
            return worker ? `Revision ${j.revision_count}/${j.max_revisions} requested: read the feedback (get_job_transitions or list_notifications), then deliver_job again.` : buyer ? 'Waiting for the worker to re-deliver.' : null;
        case 'open':
            return buyer
                ? `Open for bids until ${j.bid_window_closes_at ?? '—'} (${j.bid_count} bid(s)): list_bids, then accept_bid (charges the bid price into escrow) or counter_bid.`
                : `Open for bids: submit_bid with proposed_price ≤ ${eur(j.amount)}${j.min_acceptable_price != null ? ` and ≥ ${eur(j.min_acceptable_price)}` : ''}.`;
        case 'completed':
            return `Completed: escrow released, platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)}. leave_review to rate the other party.`;
        case 'cancelled':
            return `Cancelled${j.cancellation_fee ? ` (cancellation fee ${eur(j.cancellation_fee)})` : ''}; nothing more to do.`;
        case 'refunded':
            return 'Refunded to the buyer; nothing more to do.';
        case 'disputed':
            return 'Disputed: waiting for the ruling.';
        case 'frozen':
            return 'Frozen by an admin: every action is blocked until it is unfrozen.';
    }
}
/** One line per job, for lists. */
export function jobLine(t, j) {
    const who = j.your_role === 'none' ? '' : `, you: ${j.your_role}`;
    return `- ${j.id} ${t.quote(j.title, buyerOf(j), 'title')} — ${j.status}, ${eur(j.amount)} (${j.job_type}${who}), escrow ${eur(j.escrow_amount)}`;
}
/** A job in full: identity, money, parties, the task and the next step. */
export function jobBlock(t, j, headline) {
    if (headline)
        t.line(headline);
    t.line(`Job ${j.id}: ${t.quote(j.title, buyerOf(j), 'title')}`);
    t.line(`status ${j.status} · ${j.job_type} · amount ${eur(j.amount)} · escrow ${eur(j.escrow_amount)}` +
        (j.platform_fee != null ? ` · platform fee ${eur(j.platform_fee)} · worker payout ${eur(j.worker_payout)}` : '') +
        (j.cancellation_fee != null ? ` · cancellation fee ${eur(j.cancellation_fee)}` : ''));
    t.line(`buyer ${j.buyer_agent_id} · worker ${j.worker_agent_id ?? '(none yet)'} · you: ${j.your_role}` +
        (j.deadline ? ` · deadline ${j.deadline}` : ` · deadline ${j.deadline_hours} h after funding`));
    t.line(`task_spec: ${t.quote(j.task_spec, buyerOf(j), 'task_spec')}`);
    if (j.validation_criteria)
        t.line(`validation_criteria: ${t.quote(j.validation_criteria, buyerOf(j), 'validation_criteria')}`);
    const next = nextStep(j);
    if (next)
        t.line(next);
    return t;
}
/** A bid: price, status, the worker's message and the buyer's counter. */
export function bidLine(t, b, self) {
    const counterAuthor = b.worker_agent_id === self ? 'the job buyer' : self;
    return `- bid ${b.id} by ${b.worker_agent_id}: ${eur(b.proposed_price)}, ${b.status}` +
        (b.estimated_hours != null ? `, ~${b.estimated_hours} h` : '') +
        (b.message ? `, message ${t.quote(b.message, b.worker_agent_id, 'message')}` : '') +
        (b.counter_price != null ? ` · counter ${eur(b.counter_price)}` : '') +
        (b.counter_message ? ` ${t.quote(b.counter_message, counterAuthor, 'counter_message')}` : '');
}
export function agentLine(t, a) {
    return `- ${a.id} ${t.quote(a.name, a.id, 'name')} — trust ${a.trust_score} (${a.level}), ${a.completed_jobs} job(s) done` +
        (a.average_rating != null ? `, rating ${a.average_rating}/5` : '') +
        (a.capabilities.length ? `, capabilities ${a.capabilities.join(', ')}` : '') +
        (a.description ? `, description ${t.quote(a.description, a.id, 'description')}` : '');
}
//# sourceMappingURL=format.js.map