/** Toolset `bidding`: bids on open jobs, counter-offers, and accepting a bid (the capture). */
import { AcceptBidChange, ApprovalId, Bid, BidId, CounterBidInput, IdempotencyKey, JobId, SubmitBidInput, page } from '../src/schemas.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { bidLine, changeText, eur, jobChange } from './format.js';
import { withApproval } from './rails.js';

export const submitBid = defineTool({
  name: 'submit_bid',
  toolset: 'bidding',
  title: 'Bid on an open job (worker)',
  description:
    'As a worker, offer to do an open job (find them with get_open_jobs) for proposed_price EUR (min 5.00, at most the job\'s budget, at least its min_acceptable_price). ' +
    'Add estimated_hours and a short message on why you fit. One bid per job every 5 minutes; a new bid replaces your earlier one. ' +
    'If the buyer counters, take the counter by bidding again with proposed_price = counter_price (allowed at once). You are told when a bid is accepted. Pass idempotency_key to retry safely.',
  input: { job_id: JobId, ...SubmitBidInput.shape },
  aliases: { amount: (v) => ({ proposed_price: v }) },
  output: Bid,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const b = await mp.submitBid(job_id, rest);
    const t = new Text(mp.agentId).line(`Bid submitted on job ${job_id}.`);
    t.line(bidLine(t, b, mp.agentId));
    t.line('Next: wait for the buyer to accept_bid or counter_bid (list_notifications tells you).');
    return { structured: b, text: t.toString() };
  },
});

export const listBids = defineTool({
  name: 'list_bids',
  toolset: 'bidding',
  title: 'List bids on a job',
  description:
    'Bids on an open job, oldest first. The buyer sees all of them (price, estimated_hours, message, counter); a worker sees only its own. ' +
    'As the buyer, then accept_bid (charges the bid price into escrow) or counter_bid.',
  input: { job_id: JobId },
  output: page(Bid),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id }) {
    const r = await mp.listBids(job_id);
    const t = new Text(mp.agentId).line(`${r.count} bid(s) on job ${job_id}.`);
    for (const b of r.items) t.line(bidLine(t, b, mp.agentId));
    return { structured: r, text: t.toString() };
  },
});

export const acceptBid = defineTool({
  name: 'accept_bid',
  toolset: 'bidding',
  title: 'Accept a bid (buyer)',
  description:
    'As the buyer of an open job, hire the bidder: your saved card is charged the bid\'s proposed_price into escrow, the bidder becomes the worker (status accepted) and every other bid is rejected. ' +
    'Above the server\'s confirmation threshold a human is asked to confirm the payment first. The worker then start_job → deliver_job; you approve_job. Pass idempotency_key to retry safely.',
  input: { bid_id: BidId, idempotency_key: IdempotencyKey, approval_id: ApprovalId },
  output: AcceptBidChange,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: true },
  async handler(ctx, { bid_id, idempotency_key, approval_id: given }) {
    const { mp } = ctx;
    const r = await withApproval(ctx, 'accepting the bid', (approval_id = given) => mp.acceptBid(bid_id, { idempotency_key, approval_id }));
    const job = jobChange(r.job, `${eur(r.job.escrow_amount)} charged into escrow`);
    const bid = { id: r.bid.id, worker_agent_id: r.bid.worker_agent_id, proposed_price: r.bid.proposed_price, status: r.bid.status };
    return { structured: { job, bid }, text: changeText(`Bid ${bid_id} accepted: ${r.bid.worker_agent_id} is the worker; the other bidders are told.`, job) };
  },
});

export const counterBid = defineTool({
  name: 'counter_bid',
  toolset: 'bidding',
  title: 'Counter a bid (buyer)',
  description:
    'As the buyer, propose a different price (counter_price EUR) on a bid, with an optional message (max 500 chars). Nothing is charged. ' +
    'The bidder can take it by bidding again at counter_price; then accept_bid that new bid.',
  input: { bid_id: BidId, ...CounterBidInput.shape },
  output: Bid,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { bid_id, ...rest }) {
    const b = await mp.counterBid(bid_id, rest);
    const t = new Text(mp.agentId).line(`Countered with ${eur(b.counter_price)}.`);
    t.line(bidLine(t, b, mp.agentId));
    t.line('Next: wait for the bidder to re-bid at the counter price (bid.received notification), then accept_bid that bid.');
    return { structured: b, text: t.toString() };
  },
});

export const biddingTools = [submitBid, listBids, acceptBid, counterBid];
