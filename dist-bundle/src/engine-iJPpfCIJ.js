import { B as iso, V as systemClock, a as percentOf, i as formatEur, n as centsToEur, t as cents, z as HOUR_MS } from "./cli.js";
import { v as JSONRPCMessageSchema } from "./server-BaF2RavM.js";
import { _ as sha256, a as postWebhook, b as openDb, c as adjustTrust, d as json, f as sendMail, g as newApiKey, h as keyPrefix, i as webhookLog, l as changed, m as isWellFormedApiKey, o as ensureWebhookSecret, p as agentId, u as emit, v as token, x as writeTx, y as uuid } from "./store-raYM8lku.js";
import { a as VoxError, c as unauthorized, o as invalid$1, s as notFound } from "./tools-CuMQhOl4.js";
import { J as CANCEL_FEES, Q as tierOf, V as TERMINAL_STATUSES, X as TIERS, Y as LIMITS, Z as TRUST, m as JOB_STATUSES } from "./schemas-DVqlCfnt.js";
import { n as webhookOptions } from "./options-B7kdEozO.js";
import { n as log } from "./log-CSTmx6go.js";
import { join } from "node:path";
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from "node:crypto";

// node_modules/@modelcontextprotocol/sdk/dist/esm/shared/stdio.js
const STDIO_DEFAULT_MAX_BUFFER_SIZE = 0xa00000;
/**
* Buffers a continuous stdio stream into discrete JSON-RPC messages.
*/
var ReadBuffer = class {
	constructor(options) {
		this._maxBufferSize = options?.maxBufferSize ?? 0xa00000;
	}
	append(chunk) {
		if ((this._buffer?.length ?? 0) + chunk.length > this._maxBufferSize) {
			this.clear();
			throw new Error(`ReadBuffer exceeded maximum size of ${this._maxBufferSize} bytes`);
		}
		this._buffer = this._buffer ? Buffer.concat([this._buffer, chunk]) : chunk;
	}
	readMessage() {
		if (!this._buffer) return null;
		const index = this._buffer.indexOf("\n");
		if (index === -1) return null;
		const line = this._buffer.toString("utf8", 0, index).replace(/\r$/, "");
		this._buffer = this._buffer.subarray(index + 1);
		return deserializeMessage(line);
	}
	clear() {
		this._buffer = void 0;
	}
};
function deserializeMessage(line) {
	return JSONRPCMessageSchema.parse(JSON.parse(line));
}
function serializeMessage(message) {
	return JSON.stringify(message) + "\n";
}

// dist/src/engine/ledger.js
const acct = {
	funding: (agentId) => `funding:${agentId}`,
	escrow: (jobId) => `escrow:${jobId}`,
	payable: (agentId) => `payable:${agentId}`,
	payout: (agentId) => `payout:${agentId}`,
	fees: "platform:fees",
	activation: "platform:activation"
};
const MUST_NOT_GO_NEGATIVE = /^(escrow|payable|platform):/;
/** Statuses in which a job's escrow holds its full amount. */
const HELD_STATUSES = [
	"funded",
	"accepted",
	"in_progress",
	"delivered",
	"validating",
	"revision_requested",
	"disputed"
];
var LedgerError = class extends Error {};
/**
* Post one transaction. `ref` makes it happen at most once: a second post with the same ref is
* refused by the UNIQUE constraint (the caller's transaction rolls back), so a retry never moves
* money twice. Must run inside the caller's write transaction.
*/
function post(db, t) {
	const entries = t.entries.filter((e) => e.amount_cents !== 0);
	for (const e of entries) if (!Number.isSafeInteger(e.amount_cents)) throw new LedgerError(`non-integer cents in ${t.kind}: ${e.amount_cents}`);
	const sum = entries.reduce((s, e) => s + e.amount_cents, 0);
	if (sum !== 0) throw new LedgerError(`ledger transaction ${t.kind} does not balance (sum ${sum})`);
	if (entries.length < 2) throw new LedgerError(`ledger transaction ${t.kind} moves nothing`);
	const txnId = Number(db.prepare("INSERT INTO ledger_txns (kind, job_id, agent_id, ref, created_at) VALUES (?, ?, ?, ?, ?)").run(t.kind, t.job_id ?? null, t.agent_id ?? null, t.ref, t.at).lastInsertRowid);
	const insert = db.prepare("INSERT INTO ledger_entries (txn_id, account, amount_cents, created_at) VALUES (?, ?, ?, ?)");
	const bump = db.prepare("INSERT INTO balances (account, balance_cents) VALUES (?, ?) ON CONFLICT(account) DO UPDATE SET balance_cents = balance_cents + excluded.balance_cents RETURNING balance_cents");
	for (const e of entries) {
		insert.run(txnId, e.account, e.amount_cents, t.at);
		const { balance_cents } = bump.get(e.account, e.amount_cents);
		if (balance_cents < 0 && MUST_NOT_GO_NEGATIVE.test(e.account)) throw new LedgerError(`${t.kind} would take ${e.account} negative (${balance_cents})`);
	}
	return txnId;
}
function balance(db, account) {
	return db.prepare("SELECT balance_cents FROM balances WHERE account = ?").get(account)?.balance_cents ?? 0;
}
/**
* The invariants of DESIGN.md, checked over the whole database. Returns the violations (empty
* when the books are right). Tests call it after every operation; `voxpact-mcp ledger check` too.
*/
function checkInvariants(db) {
	const bad = [];
	const total = db.prepare("SELECT COALESCE(SUM(amount_cents), 0) s FROM ledger_entries").get();
	if (total.s !== 0) bad.push(`all entries sum to ${total.s}, not 0`);
	for (const r of db.prepare("SELECT txn_id, SUM(amount_cents) s FROM ledger_entries GROUP BY txn_id HAVING s <> 0").all()) bad.push(`transaction ${r.txn_id} sums to ${r.s}`);
	for (const r of db.prepare(`SELECT b.account, b.balance_cents, COALESCE((SELECT SUM(amount_cents) FROM ledger_entries e WHERE e.account = b.account), 0) s
      FROM balances b WHERE b.balance_cents <> s`).all()) bad.push(`balance of ${r.account} is ${r.balance_cents} but its entries sum to ${r.s}`);
	for (const r of db.prepare(`SELECT account, balance_cents FROM balances WHERE balance_cents < 0
      AND (account LIKE 'escrow:%' OR account LIKE 'payable:%' OR account LIKE 'platform:%')`).all()) bad.push(`${r.account} is negative (${r.balance_cents})`);
	const jobs = db.prepare(`SELECT j.id, j.status, j.frozen_from, j.amount_cents, COALESCE(b.balance_cents, 0) escrow
      FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id`).all();
	for (const j of jobs) {
		const status = j.status === "frozen" ? j.frozen_from : j.status;
		const expected = HELD_STATUSES.includes(status) ? j.amount_cents : 0;
		if (j.escrow !== expected) bad.push(`job ${j.id} is '${j.status}' with escrow ${j.escrow}, expected ${expected}`);
	}
	const orphan = db.prepare(`SELECT account FROM balances WHERE account LIKE 'escrow:%' AND balance_cents <> 0
      AND substr(account, 8) NOT IN (SELECT id FROM jobs)`).all();
	for (const o of orphan) bad.push(`${o.account} holds money but has no job`);
	return bad;
}

// dist/src/engine/payments.js
/**
* The embedded payment provider: a card network in a table. It accepts Stripe's test
* payment-method ids so the same agent code works here and against Stripe in test mode.
* Charges are recorded in `charges`; the ledger records the money they move.
*/
const DECLINED = {
	code: "card_declined",
	message: "Your card was declined."
};
const INSUFFICIENT = {
	code: "insufficient_funds",
	message: "Your card has insufficient funds."
};
const EXPIRED = {
	code: "expired_card",
	message: "Your card has expired."
};
/** Stripe's test payment-method ids and what a charge on each does. */
const TEST_CARDS = {
	pm_card_visa: {
		brand: "visa",
		last4: "4242"
	},
	pm_card_visa_debit: {
		brand: "visa",
		last4: "5556"
	},
	pm_card_mastercard: {
		brand: "mastercard",
		last4: "4444"
	},
	pm_card_amex: {
		brand: "amex",
		last4: "8431"
	},
	pm_card_chargeDeclined: {
		brand: "visa",
		last4: "0002",
		decline: DECLINED
	},
	pm_card_insufficientFunds: {
		brand: "visa",
		last4: "9995",
		decline: INSUFFICIENT
	},
	pm_card_chargeDeclinedInsufficientFunds: {
		brand: "visa",
		last4: "9995",
		decline: INSUFFICIENT
	},
	pm_card_chargeDeclinedExpiredCard: {
		brand: "visa",
		last4: "0069",
		decline: EXPIRED
	}
};
function testCard(paymentMethodId) {
	const card = TEST_CARDS[paymentMethodId];
	if (!card) throw new VoxError("invalid_payment_method", `payment_method_id '${paymentMethodId}' is not a card the embedded provider knows; use one of ${Object.keys(TEST_CARDS).join(", ")}`, 400, { field: "payment_method_id" });
	return card;
}
/** Charge a saved card. The embedded network answers at once and never times out. */
function chargeCard(testToken) {
	const card = testCard(testToken);
	return card.decline ? {
		ok: false,
		...card.decline
	} : { ok: true };
}

// dist/src/engine/views.js
/** Database rows → the API's response shapes (EUR numbers, ISO times). One place for each. */
const isoOrNull = (ms) => ms == null ? null : iso(ms);
const eurOrNull = (c) => c == null ? null : centsToEur(c);
function jobView(j, viewer, bidder = false) {
	const role = j.buyer_id === viewer ? "buyer" : j.worker_id === viewer ? "worker" : bidder ? "bidder" : "none";
	return {
		id: j.id,
		title: j.title,
		task_spec: JSON.parse(j.task_spec),
		amount: centsToEur(j.amount_cents),
		job_type: j.job_type,
		status: j.status,
		buyer_agent_id: j.buyer_id,
		worker_agent_id: j.worker_id,
		deadline_hours: j.deadline_hours,
		deadline: isoOrNull(j.deadline_at),
		bid_window_hours: j.bid_window_hours,
		bid_window_closes_at: isoOrNull(j.bid_window_closes_at),
		min_acceptable_price: eurOrNull(j.min_acceptable_price_cents),
		required_capabilities: JSON.parse(j.required_capabilities),
		validation_criteria: json(j.validation_criteria),
		auto_accept_rule: json(j.auto_accept_rule),
		max_revisions: j.max_revisions,
		revision_count: j.revision_count,
		escrow_amount: centsToEur(j.escrow_cents ?? 0),
		platform_fee: eurOrNull(j.platform_fee_cents),
		worker_payout: eurOrNull(j.worker_payout_cents),
		cancellation_fee: eurOrNull(j.cancellation_fee_cents),
		bid_count: j.bid_count,
		payment_error: j.payment_error,
		your_role: role,
		created_at: iso(j.created_at),
		updated_at: iso(j.updated_at),
		delivered_at: isoOrNull(j.delivered_at),
		auto_release_at: j.delivered_at != null && (j.status === "delivered" || j.status === "validating") ? iso(j.delivered_at + LIMITS.auto_release_hours * 36e5) : null,
		completed_at: isoOrNull(j.completed_at)
	};
}
function publicAgentView(a) {
	return {
		id: a.id,
		name: a.name,
		description: a.description,
		capabilities: JSON.parse(a.capabilities),
		rate_card: json(a.rate_card),
		trust_score: a.trust_score,
		level: tierOf(a.trust_score).tier,
		status: a.status,
		completed_jobs: a.completed_jobs,
		average_rating: a.rating_count ? Math.round(a.rating_sum / a.rating_count * 100) / 100 : null,
		created_at: iso(a.created_at)
	};
}
const bidView = (b) => ({
	id: b.id,
	job_id: b.job_id,
	worker_agent_id: b.worker_id,
	proposed_price: centsToEur(b.proposed_price_cents),
	estimated_hours: b.estimated_hours,
	message: b.message,
	status: b.status,
	counter_price: eurOrNull(b.counter_price_cents),
	counter_message: b.counter_message,
	created_at: iso(b.created_at)
});
const notificationView = (n) => ({
	...n,
	read: n.read === 1,
	created_at: iso(n.created_at)
});
const paymentMethodView = (p) => ({
	id: p.id,
	brand: p.brand,
	last4: p.last4,
	exp_month: p.exp_month,
	exp_year: p.exp_year,
	is_default: p.is_default === 1
});
const trustView = (t) => ({
	old_score: t.old_score,
	new_score: t.new_score,
	delta: t.delta,
	reason: t.reason,
	job_id: t.job_id,
	triggered_at: iso(t.created_at)
});
const reviewView = (r) => ({
	job_id: r.job_id,
	reviewer_agent_id: r.reviewer_id,
	rating: r.rating,
	comment: r.comment,
	created_at: iso(r.created_at)
});

// dist/src/engine/cards.js
/** Saved cards (per owner, shared by the owner's agents), captures into escrow, the monthly cap. */
const ownerOf = (ctx, agentId) => ctx.db.prepare("SELECT owner_id FROM agents WHERE id = ?").get(agentId).owner_id;
function setupIntent(ctx, agentId) {
	const id = token("seti", 24);
	const secret = `${id}_secret_${token("s", 24).slice(2)}`;
	ctx.db.prepare("INSERT INTO setup_intents (id, agent_id, client_secret, created_at) VALUES (?, ?, ?, ?)").run(id, agentId, secret, ctx.clock.now());
	return {
		setup_intent_id: id,
		client_secret: secret
	};
}
/** Save a card for the agent's owner. The first card (or make_default) becomes the default. */
function saveCard(ctx, agentId, paymentMethodId, makeDefault = false) {
	const card = testCard(paymentMethodId);
	const owner = ownerOf(ctx, agentId);
	const hasDefault = ctx.db.prepare("SELECT 1 FROM payment_methods WHERE owner_id = ? AND is_default = 1 AND deleted_at IS NULL").get(owner);
	const isDefault = makeDefault || !hasDefault;
	if (isDefault) ctx.db.prepare("UPDATE payment_methods SET is_default = 0 WHERE owner_id = ?").run(owner);
	const id = token("pm", 24);
	const now = new Date(ctx.clock.now());
	ctx.db.prepare("INSERT INTO payment_methods (id, owner_id, test_token, brand, last4, exp_month, exp_year, is_default, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(id, owner, paymentMethodId, card.brand, card.last4, 12, now.getUTCFullYear() + 3, isDefault ? 1 : 0, now.getTime());
	changed(ctx, agentId, null, "payment_method");
	return paymentMethodView(ctx.db.prepare("SELECT * FROM payment_methods WHERE id = ?").get(id));
}
function listCards(ctx, agentId) {
	return ctx.db.prepare("SELECT * FROM payment_methods WHERE owner_id = ? AND deleted_at IS NULL ORDER BY is_default DESC, created_at").all(ownerOf(ctx, agentId)).map(paymentMethodView);
}
function deleteCard(ctx, agentId, id) {
	const owner = ownerOf(ctx, agentId);
	const row = ctx.db.prepare("SELECT * FROM payment_methods WHERE id = ? AND owner_id = ? AND deleted_at IS NULL").get(id, owner);
	if (!row) throw notFound("payment method", id);
	ctx.db.prepare("UPDATE payment_methods SET deleted_at = ?, is_default = 0 WHERE id = ?").run(ctx.clock.now(), id);
	if (row.is_default) ctx.db.prepare(`UPDATE payment_methods SET is_default = 1 WHERE id = (SELECT id FROM payment_methods WHERE owner_id = ? AND deleted_at IS NULL ORDER BY created_at DESC LIMIT 1)`).run(owner);
	changed(ctx, agentId, null, "payment_method");
	return {
		id,
		deleted: true
	};
}
function defaultCard(ctx, agentId) {
	return ctx.db.prepare("SELECT * FROM payment_methods WHERE owner_id = ? AND is_default = 1 AND deleted_at IS NULL").get(ownerOf(ctx, agentId));
}
/** Start of the current calendar month in UTC. */
function monthStart(nowMs) {
	const d = new Date(nowMs);
	return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}
/**
* Spent this month = money that left the card for jobs this calendar month (UTC), net of
* refunds booked this month, never below 0. Activation fees do not count.
*/
function spentThisMonthCents(ctx, agentId) {
	const r = ctx.db.prepare(`SELECT COALESCE(SUM(e.amount_cents), 0) s FROM ledger_entries e JOIN ledger_txns t ON t.id = e.txn_id
      WHERE e.account = ? AND e.created_at >= ? AND t.kind <> 'activation_fee'`).get(acct.funding(agentId), monthStart(ctx.clock.now()));
	return Math.max(0, -r.s);
}
/** Refuse a capture that would take the agent over its monthly cap; say how much is left. */
function checkMonthlyLimit(ctx, agentId, amountCents) {
	const row = ctx.db.prepare("SELECT monthly_spending_limit_cents l FROM agents WHERE id = ?").get(agentId);
	if (row.l == null) return;
	const spent = spentThisMonthCents(ctx, agentId);
	const left = Math.max(0, row.l - spent);
	if (amountCents > left) throw new VoxError("monthly_limit_exceeded", `monthly spending limit reached: ${formatEur(amountCents)} needed, ${formatEur(left)} left of ${formatEur(row.l)} this month (resets on the 1st, UTC)`, 402, {
		left_this_month: left / 100,
		monthly_spending_limit: row.l / 100,
		spent_this_month: spent / 100
	});
}
/**
* Charge the buyer's default card into the job's escrow. The cap and a missing card refuse
* (nothing changes); a decline is returned so the caller decides (pending_payment, or refuse).
*/
function capture(ctx, buyerId, jobId, amountCents, ref) {
	checkMonthlyLimit(ctx, buyerId, amountCents);
	const card = defaultCard(ctx, buyerId);
	if (!card) throw new VoxError("payment_method_required", "no saved card: call setup_payment_method and save_payment_method first", 402);
	const res = chargeCard(card.test_token);
	const chargeId = `pi_${uuid().replace(/-/g, "")}`;
	const now = ctx.clock.now();
	ctx.db.prepare("INSERT INTO charges (id, agent_id, job_id, payment_method_id, amount_cents, purpose, status, error_code, created_at) VALUES (?, ?, ?, ?, ?, 'escrow', ?, ?, ?)").run(chargeId, buyerId, jobId, card.id, amountCents, res.ok ? "succeeded" : "failed", res.ok ? null : res.code, now);
	if (!res.ok) return {
		...res,
		payment_intent_id: chargeId
	};
	post(ctx.db, {
		kind: "capture",
		job_id: jobId,
		agent_id: buyerId,
		ref,
		at: now,
		entries: [{
			account: acct.funding(buyerId),
			amount_cents: -amountCents
		}, {
			account: acct.escrow(jobId),
			amount_cents: amountCents
		}]
	});
	return { ok: true };
}

// dist/src/engine/accounts.js
/** Owners and agents: registration, activation, API keys, profiles, discovery, reviews, trust. */
function getAgentRow(ctx, id) {
	const row = ctx.db.prepare("SELECT * FROM agents WHERE id = ? AND status <> 'deleted'").get(id);
	if (!row) throw notFound("agent", id);
	return row;
}
function ownerFor(ctx, email) {
	const e = email.toLowerCase();
	const found = ctx.db.prepare("SELECT id FROM owners WHERE email = ?").get(e);
	if (found) return found.id;
	const id = `own_${uuid().replace(/-/g, "")}`;
	ctx.db.prepare("INSERT INTO owners (id, email, created_at) VALUES (?, ?, ?)").run(id, e, ctx.clock.now());
	return id;
}
/** Keep the FTS index and the capability index in step with an agent's searchable fields. */
function indexAgent(ctx, id) {
	const a = ctx.db.prepare("SELECT rowid, name, description, capabilities, status FROM agents WHERE id = ?").get(id);
	const caps = JSON.parse(a.capabilities);
	ctx.db.prepare("DELETE FROM agents_fts WHERE rowid = ?").run(a.rowid);
	ctx.db.prepare("DELETE FROM agent_capabilities WHERE agent_id = ?").run(id);
	if (a.status !== "active") return;
	ctx.db.prepare("INSERT INTO agents_fts (rowid, name, description, capabilities) VALUES (?, ?, ?, ?)").run(a.rowid, a.name, a.description ?? "", caps.join(" "));
	const ins = ctx.db.prepare("INSERT OR IGNORE INTO agent_capabilities (agent_id, capability) VALUES (?, ?)");
	for (const c of caps) ins.run(id, c);
}
/** Register: the agent waits for its owner to open the activation link in the e-mail. */
function registerAgent(ctx, input) {
	const now = ctx.clock.now();
	const owner = ownerFor(ctx, input.owner_email);
	const id = agentId(now);
	const token = uuid();
	ctx.db.prepare(`INSERT INTO agents (id, owner_id, name, description, capabilities, webhook_url, rate_card, status, trust_score, activation_token, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending_verification', 50, ?, ?)`).run(id, owner, input.name, input.description ?? null, JSON.stringify(input.capabilities ?? []), input.webhook_url ?? null, input.rate_card ? JSON.stringify(input.rate_card) : null, token, now);
	const { fee_cents } = activationFee(ctx, owner, id);
	sendMail(ctx, input.owner_email, `Activate your VoxPact agent "${input.name}"`, `Your agent ${input.name} (${id}) was registered.\n\nActivation token: ${token}\nOpen: /activate?token=${token}\n` + (fee_cents ? `Activation fee: ${(fee_cents / 100).toFixed(2)} EUR.\n` : "Your first agent is free.\n"));
	return {
		agent_id: id,
		status: "pending_verification",
		message: "Activation link sent to owner email"
	};
}
/** First active agent per owner is free; each further one costs the activation fee. */
function activationFee(ctx, ownerId, agentId) {
	return { fee_cents: ctx.db.prepare("SELECT COUNT(*) n FROM agents WHERE owner_id = ? AND id <> ? AND status = 'active'").get(ownerId, agentId).n === 0 ? 0 : LIMITS.activation_fee_cents };
}
function activationInfo(ctx, token) {
	const a = ctx.db.prepare("SELECT a.id, a.name, a.owner_id, a.status, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.activation_token = ?").get(token);
	if (!a) throw new VoxError("invalid_token", "activation token is unknown or already used", 404, { field: "token" });
	const { fee_cents } = activationFee(ctx, a.owner_id, a.id);
	return {
		agent_id: a.id,
		agent_name: a.name,
		owner_email: a.email,
		status: a.status,
		fee_amount: centsToEur(fee_cents),
		currency: "EUR"
	};
}
/**
* Activate. Free → active at once and the API key is mailed. Paid → a checkout the owner pays
* (`payCheckout`); the key is mailed when it is paid. Returns the plaintext key only to
* in-process callers (the CLI); the REST API never returns it.
*/
function activate(ctx, token, termsAgreed) {
	if (termsAgreed !== true) throw invalid$1("terms_agreed", "must be true: the owner must agree to the Terms & Privacy Policy");
	const info = activationInfo(ctx, token);
	if (info.fee_amount === 0) return {
		...issueKey(ctx, info.agent_id, "activated"),
		status: "active",
		fee_amount: 0
	};
	const existing = ctx.db.prepare("SELECT id FROM checkouts WHERE agent_id = ? AND status = 'open'").get(info.agent_id);
	const checkoutId = existing?.id ?? `cs_${uuid().replace(/-/g, "")}`;
	if (!existing) {
		ctx.db.prepare("INSERT INTO checkouts (id, agent_id, amount_cents, status, created_at) VALUES (?, ?, ?, 'open', ?)").run(checkoutId, info.agent_id, cents(info.fee_amount), ctx.clock.now());
		ctx.db.prepare("UPDATE agents SET status = 'pending_payment' WHERE id = ?").run(info.agent_id);
	}
	return {
		agent_id: info.agent_id,
		status: "pending_payment",
		checkout_id: checkoutId,
		checkout_url: `/checkout/${checkoutId}`,
		fee_amount: info.fee_amount
	};
}
/** Pay an activation checkout with a card (a test payment-method id in embedded mode). */
function payCheckout(ctx, checkoutId, cardToken) {
	const c = ctx.db.prepare("SELECT * FROM checkouts WHERE id = ?").get(checkoutId);
	if (!c) throw notFound("checkout", checkoutId);
	if (c.status === "paid") throw new VoxError("already_paid", "this checkout is already paid", 409);
	const res = chargeCard(cardToken);
	const now = ctx.clock.now();
	ctx.db.prepare("INSERT INTO charges (id, agent_id, job_id, amount_cents, purpose, status, error_code, created_at) VALUES (?, ?, NULL, ?, 'activation_fee', ?, ?, ?)").run(`ch_${uuid().replace(/-/g, "")}`, c.agent_id, c.amount_cents, res.ok ? "succeeded" : "failed", res.ok ? null : res.code, now);
	if (!res.ok) throw new VoxError(res.code, `activation fee not paid: ${res.message}`, 402);
	post(ctx.db, {
		kind: "activation_fee",
		agent_id: c.agent_id,
		ref: `activation:${c.id}`,
		at: now,
		entries: [{
			account: acct.funding(c.agent_id),
			amount_cents: -c.amount_cents
		}, {
			account: acct.activation,
			amount_cents: c.amount_cents
		}]
	});
	ctx.db.prepare("UPDATE checkouts SET status = 'paid', paid_at = ? WHERE id = ?").run(now, c.id);
	return {
		...issueKey(ctx, c.agent_id, "activated"),
		status: "active"
	};
}
/** Make a new API key, store only its hash, mail it to the owner; every older key dies now. */
function issueKey(ctx, agentId, why) {
	const key = newApiKey();
	const now = ctx.clock.now();
	const wasActive = ctx.db.prepare("SELECT status FROM agents WHERE id = ?").get(agentId).status === "active";
	ctx.db.prepare(`UPDATE agents SET api_key_hash = ?, api_key_prefix = ?, key_issued_at = ?, status = 'active', activation_token = NULL,
      activated_at = COALESCE(activated_at, ?) WHERE id = ?`).run(sha256(key), keyPrefix(key), now, now, agentId);
	if (!wasActive) indexAgent(ctx, agentId);
	ctx.db.prepare("UPDATE agents SET token_version = token_version + 1 WHERE id = ?").run(agentId);
	const a = ctx.db.prepare("SELECT a.name, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?").get(agentId);
	const webhookSecret = ensureWebhookSecret(ctx, agentId);
	sendMail(ctx, a.email, `Your VoxPact API key for "${a.name}"`, `Agent ${a.name} (${agentId}) ${why}.\n\nAPI key (shown once, store it safely):\n${key}\n\nExchange it for a JWT at POST /v1/agents/auth/token, or set VOXPACT_API_KEY for the MCP server.\n\nWebhook signing secret (verifies X-VoxPact-Signature and webhook-signature on the events sent to your webhook_url; key rotation does not change it):\n${webhookSecret}\n`);
	return {
		agent_id: agentId,
		api_key: key
	};
}
/** API key → agent id. Cheap format check first, so junk never touches the database. */
function authenticate(ctx, apiKey) {
	if (!isWellFormedApiKey(apiKey)) throw unauthorized("API key is malformed (expected vxp_live_… with a valid checksum)");
	const row = ctx.db.prepare("SELECT id FROM agents WHERE api_key_hash = ? AND status = 'active'").get(sha256(apiKey));
	if (!row) throw unauthorized("API key is not valid (rotated, revoked or never issued)");
	return row.id;
}
/** Permanently delete an agent of the caller's owner; refused while it has active jobs. */
function deleteAgent(ctx, callerId, targetId) {
	const caller = getAgentRow(ctx, callerId);
	const target = getAgentRow(ctx, targetId);
	if (caller.owner_id !== target.owner_id) throw notFound("agent", targetId);
	const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE (buyer_id = ? OR worker_id = ?) AND status NOT IN ('completed','cancelled','refunded')`).get(targetId, targetId);
	if (active.n > 0) throw new VoxError("active_jobs", `agent has ${active.n} active job(s); complete or cancel them first`, 409);
	ctx.db.prepare("UPDATE bids SET status = 'withdrawn' WHERE worker_id = ? AND status IN ('active','countered')").run(targetId);
	ctx.db.prepare("UPDATE agents SET status = 'deleted', api_key_hash = NULL WHERE id = ?").run(targetId);
	indexAgent(ctx, targetId);
	return {
		agent_id: targetId,
		deleted: true
	};
}
function privateAgent(ctx, id) {
	const a = getAgentRow(ctx, id);
	const tier = tierOf(a.trust_score);
	const owner = ctx.db.prepare("SELECT email FROM owners WHERE id = ?").get(a.owner_id);
	const spent = spentThisMonthCents(ctx, id);
	const limit = a.monthly_spending_limit_cents;
	return {
		...publicAgentView(a),
		owner_email: owner.email,
		webhook_url: a.webhook_url,
		platform_fee_percent: tier.fee_percent,
		max_job_amount: centsToEur(tier.max_job_amount_cents),
		max_active_jobs: tier.max_active_jobs,
		monthly_spending_limit: limit == null ? null : centsToEur(limit),
		spent_this_month: centsToEur(spent),
		left_this_month: limit == null ? null : centsToEur(Math.max(0, limit - spent))
	};
}
function updateAgent(ctx, id, input) {
	getAgentRow(ctx, id);
	const sets = [];
	const vals = [];
	const set = (col, v) => (sets.push(`${col} = ?`), vals.push(v));
	if (input.webhook_url !== void 0) set("webhook_url", input.webhook_url);
	if (input.webhook_url !== void 0) set("webhook_disabled_at", null);
	if (input.description !== void 0) set("description", input.description);
	if (input.capabilities !== void 0) set("capabilities", JSON.stringify(input.capabilities));
	if (input.rate_card !== void 0) set("rate_card", JSON.stringify(input.rate_card));
	if (input.monthly_spending_limit !== void 0) set("monthly_spending_limit_cents", input.monthly_spending_limit === null ? null : cents(input.monthly_spending_limit));
	if (sets.length) {
		ctx.db.prepare(`UPDATE agents SET ${sets.join(", ")} WHERE id = ?`).run(...vals, id);
		indexAgent(ctx, id);
		changed(ctx, id, null, "agent");
	}
	return privateAgent(ctx, id);
}
function publicAgent(ctx, id) {
	const a = getAgentRow(ctx, id);
	if (a.status !== "active") throw notFound("agent", id);
	return publicAgentView(a);
}
/** FTS5 (bm25 over name, description, capabilities), then trust; capability and trust filters. */
function searchAgents(ctx, input) {
	const where = ["a.status = 'active'"];
	const args = [];
	let from = "agents a";
	let order = "a.trust_score DESC, a.completed_jobs DESC, a.created_at DESC";
	let rel = "NULL";
	const match = ftsQuery(input.q);
	if (match) {
		from = "agents_fts f JOIN agents a ON a.rowid = f.rowid";
		where.push("agents_fts MATCH ?");
		args.push(match);
		rel = "bm25(agents_fts, 10.0, 2.0, 5.0)";
		order = `${rel}, a.trust_score DESC`;
	}
	if (input.capabilities?.length) {
		where.push(`a.id IN (SELECT agent_id FROM agent_capabilities WHERE capability IN (${input.capabilities.map(() => "?").join(",")}))`);
		args.push(...input.capabilities);
	}
	if (input.min_trust_score !== void 0) where.push("a.trust_score >= ?"), args.push(input.min_trust_score);
	const items = ctx.db.prepare(`SELECT a.*, ${rel} AS relevance FROM ${from} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ?`).all(...args, input.limit).map((r) => ({
		...publicAgentView(r),
		...r.relevance != null ? { relevance: Math.round(-r.relevance * 1e3) / 1e3 } : {}
	}));
	return {
		items,
		count: items.length
	};
}
/**
* Free text → an FTS5 query: each word becomes a quoted prefix term, OR-ed, so user input can
* never be FTS syntax (no injection, no syntax errors) and partial words still match.
*/
function ftsQuery(q) {
	const words = (q ?? "").toLowerCase().match(/[\p{L}\p{N}]+/gu)?.slice(0, 20) ?? [];
	return words.length ? words.map((w) => `"${w}"*`).join(" OR ") : null;
}
function listReviews(ctx, agentId, limit, offset) {
	publicAgent(ctx, agentId);
	const rows = ctx.db.prepare("SELECT * FROM reviews WHERE reviewee_id = ? ORDER BY created_at DESC LIMIT ? OFFSET ?").all(agentId, limit, offset);
	const total = ctx.db.prepare("SELECT COUNT(*) n FROM reviews WHERE reviewee_id = ?").get(agentId).n;
	return {
		items: rows.map(reviewView),
		count: rows.length,
		total
	};
}
function trustHistory(ctx, agentId, limit, offset) {
	const rows = ctx.db.prepare("SELECT * FROM trust_events WHERE agent_id = ? ORDER BY id DESC LIMIT ? OFFSET ?").all(agentId, limit, offset);
	const total = ctx.db.prepare("SELECT COUNT(*) n FROM trust_events WHERE agent_id = ?").get(agentId).n;
	return {
		items: rows.map(trustView),
		count: rows.length,
		total
	};
}

// dist/src/engine/transitions.js
const ACTIVE_WORK = [
	"accepted",
	"in_progress",
	"revision_requested"
];
const TRANSITIONS = [
	{
		action: "post_direct",
		from: [null],
		actor: "buyer",
		to: "funded",
		effect: "capture",
		event: "job.created",
		note: "direct job; the card is charged into escrow at once"
	},
	{
		action: "post_direct_unpaid",
		from: [null],
		actor: "buyer",
		to: "pending_payment",
		effect: "none",
		event: "payment.failed",
		note: "direct job whose capture failed"
	},
	{
		action: "payment_succeeded",
		from: ["pending_payment"],
		actor: "system",
		to: "funded",
		effect: "capture",
		event: "job.created",
		note: "a working card was saved; the capture is retried"
	},
	{
		action: "payment_expired",
		from: ["pending_payment"],
		actor: "system",
		to: "cancelled",
		effect: "none",
		event: "job.expired",
		note: "still unpaid 24 h after posting"
	},
	{
		action: "post_open",
		from: [null],
		actor: "buyer",
		to: "open",
		effect: "none",
		note: "open job; bidding, nothing captured"
	},
	{
		action: "accept_bid",
		from: ["open"],
		actor: "buyer",
		to: "accepted",
		effect: "capture",
		event: "bid.accepted",
		note: "captured at the bid price; worker assigned; other bids rejected"
	},
	{
		action: "bid_window_closed",
		from: ["open"],
		actor: "system",
		to: "cancelled",
		effect: "none",
		event: "job.expired",
		note: "bid window closed with no active bid, or bids left unaccepted for 7 days after it"
	},
	{
		action: "accept",
		from: ["funded"],
		actor: "worker",
		to: "accepted",
		effect: "none",
		event: "job.accepted",
		note: "the assigned worker takes the direct job"
	},
	{
		action: "start",
		from: ["accepted"],
		actor: "worker",
		to: "in_progress",
		effect: "none",
		note: "work underway"
	},
	{
		action: "deliver",
		from: ["in_progress", "revision_requested"],
		actor: "worker",
		to: "delivered",
		effect: "none",
		event: "job.delivered",
		note: "auto-release timer set for 48 h"
	},
	{
		action: "validate",
		from: ["delivered"],
		actor: "system",
		to: "validating",
		effect: "none",
		note: "dual-model validation running (validation issue)"
	},
	{
		action: "validated",
		from: ["validating"],
		actor: "system",
		to: "delivered",
		effect: "none",
		note: "validation finished; awaiting the buyer"
	},
	{
		action: "approve",
		from: ["delivered", "validating"],
		actor: "buyer",
		to: "completed",
		effect: "release",
		event: "payment.received",
		note: "escrow released minus the platform fee of the worker's tier"
	},
	{
		action: "auto_release",
		from: ["delivered", "validating"],
		actor: "system",
		to: "completed",
		effect: "release",
		event: "payment.received",
		note: "48 h after delivery with no action from the buyer"
	},
	{
		action: "request_revision",
		from: ["delivered", "validating"],
		actor: "buyer",
		to: "revision_requested",
		effect: "none",
		event: "job.revision_requested",
		note: "up to max_revisions (default 2)"
	},
	{
		action: "cancel",
		from: [
			"open",
			"pending_payment",
			"funded"
		],
		actor: "buyer",
		to: "cancelled",
		effect: "refund",
		event: "job.cancelled",
		note: "full refund, no fee"
	},
	{
		action: "cancel",
		from: ACTIVE_WORK,
		actor: "buyer",
		to: "cancelled",
		effect: "cancel_fee",
		event: "job.cancelled",
		note: "accepted: 5 % fee to the platform; in progress or in revision: 25 % to the worker"
	},
	{
		action: "withdraw",
		from: ["funded", ...ACTIVE_WORK],
		actor: "worker",
		to: "cancelled",
		effect: "refund",
		event: "job.cancelled",
		note: "the worker declines or gives up: full refund; once accepted, a worker-fault trust penalty"
	},
	{
		action: "stale_cancel",
		from: ["funded"],
		actor: "system",
		to: "cancelled",
		effect: "refund",
		event: "job.stale_cancelled",
		note: "the worker never accepted before the deadline: full refund"
	},
	{
		action: "deadline_expired",
		from: ACTIVE_WORK,
		actor: "system",
		to: "cancelled",
		effect: "refund",
		event: "job.deadline_expired",
		note: "not delivered by the deadline: full refund, worker-fault trust penalty"
	},
	{
		action: "dispute",
		from: [
			"delivered",
			"validating",
			"revision_requested"
		],
		actor: "buyer",
		to: "disputed",
		effect: "none",
		event: "job.disputed",
		note: "disputes issue"
	},
	{
		action: "dispute",
		from: [
			"delivered",
			"validating",
			"revision_requested"
		],
		actor: "worker",
		to: "disputed",
		effect: "none",
		event: "job.disputed",
		note: "disputes issue"
	},
	{
		action: "resolve_worker_wins",
		from: ["disputed"],
		actor: "admin",
		to: "completed",
		effect: "release",
		event: "dispute.resolved",
		note: "disputes issue"
	},
	{
		action: "resolve_buyer_wins",
		from: ["disputed"],
		actor: "admin",
		to: "refunded",
		effect: "refund",
		event: "dispute.resolved",
		note: "disputes issue"
	},
	{
		action: "resolve_split",
		from: ["disputed"],
		actor: "admin",
		to: "completed",
		effect: "dispute_ruling",
		event: "dispute.resolved",
		note: "disputes issue"
	}
];
/** The row for `action` by `actor` from `from`, or undefined when the move is not allowed. */
function findTransition(action, actor, from) {
	return TRANSITIONS.find((r) => r.action === action && r.actor === actor && r.from.includes(from));
}
/** Statuses from which `action` is allowed for `actor`, for error messages an LLM can act on. */
function allowedFrom(action, actor) {
	const out = /* @__PURE__ */ new Set();
	for (const r of TRANSITIONS) if (r.action === action && (!actor || r.actor === actor)) {
		for (const f of r.from) if (f) out.add(f);
	}
	return [...out];
}

// dist/src/engine/timers.js
function schedule(ctx, kind, jobId, dueAt) {
	ctx.db.prepare("INSERT INTO timers (kind, job_id, due_at, created_at) VALUES (?, ?, ?, ?)").run(kind, jobId, dueAt, ctx.clock.now());
}
/** Fire every timer due now, oldest first. Returns how many fired, by kind. */
function runDueTimers(ctx, handlers, max = 1e4) {
	const byKind = {};
	let fired = 0;
	const pick = ctx.db.prepare("SELECT id, kind, job_id, due_at FROM timers WHERE fired_at IS NULL AND due_at <= ? ORDER BY due_at, id LIMIT 1");
	const mark = ctx.db.prepare("UPDATE timers SET fired_at = ?, outcome = ? WHERE id = ? AND fired_at IS NULL");
	while (fired < max) {
		if (!writeTx(ctx.db, () => {
			const now = ctx.clock.now();
			const t = pick.get(now);
			if (!t) return false;
			let outcome;
			try {
				outcome = ctx.db.transaction(() => handlers[t.kind](ctx, t.job_id, t.due_at))();
			} catch (e) {
				outcome = `error: ${e.message}`;
				log("error", "timer failed", {
					timer: t.id,
					kind: t.kind,
					job_id: t.job_id,
					error: e.message
				});
			}
			mark.run(now, outcome, t.id);
			byKind[t.kind] = (byKind[t.kind] ?? 0) + 1;
			return true;
		})) break;
		fired++;
	}
	return {
		fired,
		by_kind: byKind
	};
}

// dist/src/engine/jobs.js
/**
* Jobs: posting, the lifecycle moves of the transition table, and the money each move makes.
* Every exported function runs inside the caller's write transaction (src/engine/embedded.ts).
*/
const JOB_SELECT = `SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents FROM jobs j LEFT JOIN balances b ON b.account = 'escrow:' || j.id`;
const TOOL_FOR = {
	accept: "accept_job",
	start: "start_job",
	deliver: "deliver_job",
	approve: "approve_job",
	request_revision: "request_revision",
	cancel: "cancel_job",
	withdraw: "cancel_job",
	accept_bid: "accept_bid",
	dispute: "open_dispute"
};
function loadJob(ctx, id) {
	const j = ctx.db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id);
	if (!j) throw notFound("job", id);
	return j;
}
const isBidder = (ctx, jobId, agentId) => !!ctx.db.prepare("SELECT 1 FROM bids WHERE job_id = ? AND worker_id = ?").get(jobId, agentId);
/**
* The job as `viewer` may see it. Buyer and worker see their jobs; anyone sees a job open for
* bids (it is public in browse_open_jobs) and bidders see the jobs they bid on. Everyone else
* gets not_found — the same answer as for a job that does not exist.
*/
function visibleJob(ctx, viewer, id) {
	const j = ctx.db.prepare(`${JOB_SELECT} WHERE j.id = ?`).get(id);
	if (!j) throw notFound("job", id);
	if (j.buyer_id === viewer || j.worker_id === viewer || j.status === "open" || isBidder(ctx, id, viewer)) return j;
	throw notFound("job", id);
}
const view = (ctx, viewer, j) => jobView(j, viewer, isBidder(ctx, j.id, viewer));
function roleOf(j, agentId) {
	return j.buyer_id === agentId ? "buyer" : j.worker_id === agentId ? "worker" : null;
}
/**
* Apply one row of the transition table: refuse what the table does not allow (with a message
* saying what would be allowed), record the transition, carry out the row's money effect.
*/
function move(ctx, j, action, actor, actorAgentId, reason, patch = {}) {
	const tool = TOOL_FOR[action] ?? action;
	if (j.status === "frozen") throw new VoxError("job_frozen", `job is frozen by an admin; ${tool} is blocked until it is unfrozen`, 409);
	const row = findTransition(action, actor, j.status);
	if (!row) {
		const allowed = allowedFrom(action, actor);
		if (!allowed.length) throw new VoxError("forbidden", `the ${actor} of a job cannot call ${tool}`, 403);
		throw new VoxError("invalid_status", `job is '${j.status}'; ${tool} needs ${allowed.map((s) => `'${s}'`).join(" or ")}`, 409, { status: j.status });
	}
	writeMove(ctx, j, action, actor, actorAgentId, row.to, reason, patch);
	if (j.status === "open") unindexOpenJob(ctx, j.id);
	const next = loadJob(ctx, j.id);
	applyEffect(ctx, next, j.status, row.effect);
	for (const a of partiesOf(ctx, next)) changed(ctx, a, j.id, "job");
	assertEscrow(ctx, j.id);
	return loadJob(ctx, j.id);
}
function partiesOf(ctx, j) {
	const ids = /* @__PURE__ */ new Set([j.buyer_id]);
	if (j.worker_id) ids.add(j.worker_id);
	if (j.job_type === "open") for (const b of ctx.db.prepare("SELECT DISTINCT worker_id FROM bids WHERE job_id = ?").all(j.id)) ids.add(b.worker_id);
	return [...ids];
}
/** TigerBeetle-style assertion: a job's escrow matches its status after every move. */
function assertEscrow(ctx, jobId) {
	const j = loadJob(ctx, jobId);
	const expected = HELD_STATUSES.includes(j.status === "frozen" ? j.frozen_from : j.status) ? j.amount_cents : 0;
	if (j.escrow_cents !== expected) throw new LedgerError(`job ${jobId} is '${j.status}' with escrow ${j.escrow_cents}, expected ${expected}`);
}
function applyEffect(ctx, j, from, effect) {
	switch (effect) {
		case "capture":
		case "none": return;
		case "release": return release(ctx, j);
		case "refund": return refund(ctx, j);
		case "cancel_fee": return cancelSettlement(ctx, j, from);
		default: throw new Error(`effect ${effect} is not implemented yet`);
	}
}
/** Escrow → worker (minus the platform fee of the worker's tier) → paid out; fee → platform. */
function release(ctx, j) {
	const worker = getAgentRow(ctx, j.worker_id);
	const feePercent = tierOf(worker.trust_score).fee_percent;
	const fee = percentOf(j.amount_cents, feePercent);
	const net = j.amount_cents - fee;
	const at = ctx.clock.now();
	post(ctx.db, {
		kind: "release",
		job_id: j.id,
		agent_id: worker.id,
		ref: `release:${j.id}`,
		at,
		entries: [
			{
				account: acct.escrow(j.id),
				amount_cents: -j.amount_cents
			},
			{
				account: acct.payable(worker.id),
				amount_cents: net
			},
			{
				account: acct.fees,
				amount_cents: fee
			}
		]
	});
	payout(ctx, j.id, worker.id, net, "release");
	ctx.db.prepare("UPDATE jobs SET platform_fee_cents = ?, worker_payout_cents = ?, completed_at = ? WHERE id = ?").run(fee, net, at, j.id);
	ctx.db.prepare("UPDATE agents SET completed_jobs = completed_jobs + 1 WHERE id = ?").run(worker.id);
	emit(ctx, worker.id, "payment.received", j.id, {
		job_id: j.id,
		amount: net / 100,
		platform_fee: fee / 100
	}, `"${j.title}" completed: ${formatEur(net)} paid out (${formatEur(j.amount_cents)} minus ${feePercent}% platform fee ${formatEur(fee)}).`);
	emit(ctx, j.buyer_id, "job.completed", j.id, {
		job_id: j.id,
		payout_status: "paid"
	}, `"${j.title}" completed and ${formatEur(j.amount_cents)} released to the worker.`);
	adjustTrust(ctx, worker.id, TRUST.completed_worker, "job completed", j.id);
	adjustTrust(ctx, j.buyer_id, TRUST.completed_buyer, "job completed", j.id);
}
/** Embedded payouts settle at once to the worker's (simulated) bank account. */
function payout(ctx, jobId, workerId, amountCents, why) {
	if (amountCents <= 0) return;
	post(ctx.db, {
		kind: "payout",
		job_id: jobId,
		agent_id: workerId,
		ref: `payout:${why}:${jobId}`,
		at: ctx.clock.now(),
		entries: [{
			account: acct.payable(workerId),
			amount_cents: -amountCents
		}, {
			account: acct.payout(workerId),
			amount_cents: amountCents
		}]
	});
}
function refund(ctx, j) {
	const held = balance(ctx.db, acct.escrow(j.id));
	if (held === 0) return;
	post(ctx.db, {
		kind: "refund",
		job_id: j.id,
		agent_id: j.buyer_id,
		ref: `refund:${j.id}`,
		at: ctx.clock.now(),
		entries: [{
			account: acct.escrow(j.id),
			amount_cents: -held
		}, {
			account: acct.funding(j.buyer_id),
			amount_cents: held
		}]
	});
}
/** Buyer cancels after acceptance: 5 % to the platform, or 25 % to the worker once work began. */
function cancelSettlement(ctx, j, from) {
	const rule = CANCEL_FEES[from];
	const fee = percentOf(j.amount_cents, rule.percent);
	const to = rule.to === "platform" ? acct.fees : acct.payable(j.worker_id);
	post(ctx.db, {
		kind: "cancel_settlement",
		job_id: j.id,
		agent_id: j.buyer_id,
		ref: `cancel:${j.id}`,
		at: ctx.clock.now(),
		entries: [
			{
				account: acct.escrow(j.id),
				amount_cents: -j.amount_cents
			},
			{
				account: acct.funding(j.buyer_id),
				amount_cents: j.amount_cents - fee
			},
			{
				account: to,
				amount_cents: fee
			}
		]
	});
	ctx.db.prepare("UPDATE jobs SET cancellation_fee_cents = ?, worker_payout_cents = ? WHERE id = ?").run(fee, rule.to === "worker" ? fee : null, j.id);
	if (rule.to === "worker") {
		payout(ctx, j.id, j.worker_id, fee, "compensation");
		emit(ctx, j.worker_id, "payment.received", j.id, {
			job_id: j.id,
			amount: fee / 100,
			platform_fee: 0
		}, `"${j.title}" was cancelled while in progress: ${formatEur(fee)} (${rule.percent}%) paid to you as compensation.`);
	}
}
function indexOpenJob(ctx, id, title, description, caps) {
	const { rowid } = ctx.db.prepare("SELECT rowid FROM jobs WHERE id = ?").get(id);
	ctx.db.prepare("INSERT INTO jobs_fts (rowid, title, description, capabilities) VALUES (?, ?, ?, ?)").run(rowid, title, description, caps.join(" "));
}
function unindexOpenJob(ctx, id) {
	ctx.db.prepare("DELETE FROM jobs_fts WHERE rowid = (SELECT rowid FROM jobs WHERE id = ?)").run(id);
}
/** An agent can take a job only within its tier's limits (amount, concurrent active jobs). */
function checkWorkerLimits(ctx, workerId, amountCents, field) {
	const w = getAgentRow(ctx, workerId);
	const tier = tierOf(w.trust_score);
	if (amountCents > tier.max_job_amount_cents) throw new VoxError("tier_limit_exceeded", `${field}: ${formatEur(amountCents)} is above the ${tier.tier} tier's job limit of ${formatEur(tier.max_job_amount_cents)} for worker ${workerId}`, 422, { field });
	const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE worker_id = ? AND status IN ('accepted','in_progress','delivered','validating','revision_requested','disputed')`).get(workerId);
	if (active.n >= tier.max_active_jobs) throw new VoxError("tier_limit_exceeded", `worker ${workerId} already has ${active.n} active jobs, the ${tier.tier} tier's limit`, 422, { field });
}
function missingCapabilities(ctx, agentId, required) {
	const caps = JSON.parse(getAgentRow(ctx, agentId).capabilities);
	return required.filter((c) => !caps.includes(c));
}
function postJob(ctx, buyerId, input) {
	const now = ctx.clock.now();
	const amount = cents(input.amount);
	const isOpen = input.job_type === "open";
	if (isOpen) {
		if (input.worker_agent_id) throw invalid$1("worker_agent_id", "must be omitted for open jobs: workers bid instead");
		if (input.min_acceptable_price !== void 0 && cents(input.min_acceptable_price) > amount) throw invalid$1("min_acceptable_price", `must not exceed amount, the max budget (${input.amount})`);
	} else {
		if (!input.worker_agent_id) throw invalid$1("worker_agent_id", "is required for direct jobs (use job_type \"open\" to take bids)");
		if (input.bid_window_hours !== void 0) throw invalid$1("bid_window_hours", "applies to open jobs only");
		if (input.min_acceptable_price !== void 0) throw invalid$1("min_acceptable_price", "applies to open jobs only");
		if (input.worker_agent_id === buyerId) throw invalid$1("worker_agent_id", "must be another agent: you cannot hire yourself");
		if (!ctx.db.prepare("SELECT status FROM agents WHERE id = ? AND status = 'active'").get(input.worker_agent_id)) throw new VoxError("not_found", `worker_agent_id '${input.worker_agent_id}' is not an active agent`, 404, { field: "worker_agent_id" });
		const missing = missingCapabilities(ctx, input.worker_agent_id, input.required_capabilities ?? []);
		if (missing.length) throw new VoxError("missing_capabilities", `worker_agent_id lacks required_capabilities: ${missing.join(", ")}`, 422, { field: "required_capabilities" });
		checkWorkerLimits(ctx, input.worker_agent_id, amount, "amount");
	}
	const id = uuid();
	const caps = input.required_capabilities ?? [];
	const windowHours = isOpen ? input.bid_window_hours ?? LIMITS.bid_window_hours_default : null;
	ctx.db.prepare(`INSERT INTO jobs (id, buyer_id, worker_id, job_type, status, title, task_spec, amount_cents, budget_cents, deadline_hours,
      bid_window_hours, bid_window_closes_at, min_acceptable_price_cents, required_capabilities, validation_criteria, auto_accept_rule,
      max_revisions, created_at, updated_at) VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, buyerId, input.worker_agent_id ?? null, input.job_type, input.title, JSON.stringify(input.task_spec), amount, amount, input.deadline_hours, windowHours, windowHours ? now + windowHours * HOUR_MS : null, input.min_acceptable_price !== void 0 ? cents(input.min_acceptable_price) : null, JSON.stringify(caps), input.validation_criteria ? JSON.stringify(input.validation_criteria) : null, input.auto_accept_rule ? JSON.stringify(input.auto_accept_rule) : null, input.max_revisions, now, now);
	const ins = ctx.db.prepare("INSERT INTO job_capabilities (job_id, capability) VALUES (?, ?)");
	for (const c of new Set(caps)) ins.run(id, c);
	const fresh = {
		...loadJob(ctx, id),
		status: null
	};
	if (isOpen) {
		const j = move(ctx, fresh, "post_open", "buyer", buyerId, null);
		indexOpenJob(ctx, id, input.title, String(input.task_spec.description ?? ""), caps);
		schedule(ctx, "bid_window", id, j.bid_window_closes_at);
		return j;
	}
	const outcome = capture(ctx, buyerId, id, amount, `capture:${id}`);
	if (!outcome.ok) {
		const j = move(ctx, fresh, "post_direct_unpaid", "buyer", buyerId, `capture failed: ${outcome.code}`, { payment_error: `${outcome.code}: ${outcome.message}` });
		emit(ctx, buyerId, "payment.failed", id, {
			job_id: id,
			payment_intent_id: outcome.payment_intent_id,
			error: outcome.message
		}, `Payment for "${input.title}" failed (${outcome.code}: ${outcome.message}). Save a working card to retry, or cancel the job.`);
		schedule(ctx, "payment_expiry", id, now + LIMITS.pending_payment_expiry_hours * HOUR_MS);
		return j;
	}
	return fund(ctx, fresh, "post_direct", buyerId);
}
/** Direct job money is in escrow: start the deadline clock and tell the worker. */
function fund(ctx, j, action, actorId) {
	const now = ctx.clock.now();
	const deadline = now + j.deadline_hours * HOUR_MS;
	const next = move(ctx, j, action, action === "post_direct" ? "buyer" : "system", actorId, null, {
		funded_at: now,
		deadline_at: deadline,
		payment_error: null
	});
	schedule(ctx, "deadline", j.id, deadline);
	emit(ctx, next.worker_id, "job.created", j.id, {
		job_id: j.id,
		worker_agent_id: next.worker_id,
		title: next.title,
		task_spec: JSON.parse(next.task_spec),
		amount: next.amount_cents / 100,
		deadline: new Date(deadline).toISOString(),
		required_capabilities: JSON.parse(next.required_capabilities)
	}, `New direct job "${next.title}" for ${formatEur(next.amount_cents)} is funded and waits for you: accept_job to take it.`);
	return next;
}
/** A working card was saved: charge the buyer's unpaid direct jobs again. */
function retryPendingPayments(ctx, buyerId) {
	const jobs = ctx.db.prepare("SELECT id FROM jobs WHERE buyer_id = ? AND status = 'pending_payment' ORDER BY created_at").all(buyerId);
	const funded = [];
	for (const { id } of jobs) {
		const j = loadJob(ctx, id);
		let outcome;
		try {
			outcome = capture(ctx, buyerId, id, j.amount_cents, `capture:${id}`);
		} catch (e) {
			if (e instanceof VoxError) break;
			throw e;
		}
		if (!outcome.ok) {
			ctx.db.prepare("UPDATE jobs SET payment_error = ? WHERE id = ?").run(`${outcome.code}: ${outcome.message}`, id);
			continue;
		}
		fund(ctx, j, "payment_succeeded", null);
		funded.push(id);
	}
	return funded;
}
function requireRole(j, agentId, role, tool) {
	if (roleOf(j, agentId) !== role) throw new VoxError("forbidden", `only the job's ${role} can call ${tool}`, 403);
}
function acceptJob(ctx, agentId, jobId) {
	const j = visibleJob(ctx, agentId, jobId);
	requireRole(j, agentId, "worker", "accept_job");
	if (j.status === "funded") checkWorkerLimits(ctx, agentId, 0, "job_id");
	const next = move(ctx, j, "accept", "worker", agentId, null);
	emit(ctx, j.buyer_id, "job.accepted", j.id, {
		job_id: j.id,
		worker_agent_id: agentId
	}, `"${j.title}" was accepted by the worker.`);
	return next;
}
function startJob(ctx, agentId, jobId) {
	const j = visibleJob(ctx, agentId, jobId);
	requireRole(j, agentId, "worker", "start_job");
	return move(ctx, j, "start", "worker", agentId, null);
}
function deliverJob(ctx, agentId, jobId, input, file) {
	const j = visibleJob(ctx, agentId, jobId);
	requireRole(j, agentId, "worker", "deliver_job");
	if (!file && (input.content === void 0 || input.content.length === 0)) throw invalid$1("content", "is required: the deliverable text (or filename + content_base64 to deliver a file)");
	const now = ctx.clock.now();
	const n = ctx.db.prepare("SELECT COUNT(*) n FROM deliverables WHERE job_id = ?").get(jobId).n + 1;
	const next = move(ctx, j, "deliver", "worker", agentId, null, { delivered_at: now });
	const id = uuid();
	const content = file ? file.text : input.content;
	const size = file ? file.size_bytes : Buffer.byteLength(content);
	ctx.db.prepare("INSERT INTO deliverables (id, job_id, revision_number, content_type, content, size_bytes, sha256, metadata, created_at, file_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").run(id, jobId, n, input.content_type, content, size, file ? file.sha256 : sha256(content), input.metadata ? JSON.stringify(input.metadata) : null, now, file?.file_id ?? null);
	schedule(ctx, "auto_release", jobId, now + LIMITS.auto_release_hours * HOUR_MS);
	emit(ctx, j.buyer_id, "job.delivered", jobId, {
		job_id: jobId,
		deliverable_id: id,
		file_id: file?.file_id ?? null,
		filename: file?.filename ?? null,
		file_size_bytes: size,
		revision_number: n
	}, `"${j.title}" was delivered (revision ${n}). Review it with get_deliverable_preview, then approve_job or request_revision; it auto-approves in ${LIMITS.auto_release_hours} h.`);
	return {
		job: next,
		deliverable: deliverableOf(ctx, jobId, "full")
	};
}
const PREVIEW_FULL_BYTES = 0xa00000;
const PREVIEW_PARTIAL_BYTES = 524288;
function deliverableOf(ctx, jobId, mode) {
	const d = ctx.db.prepare("SELECT * FROM deliverables WHERE job_id = ? ORDER BY revision_number DESC LIMIT 1").get(jobId);
	if (!d) throw new VoxError("not_found", "this job has no deliverable yet", 404);
	const text = d.content ?? "";
	const partial = mode === "preview" && d.size_bytes > PREVIEW_FULL_BYTES;
	const preview = partial ? Buffer.from(text).subarray(0, PREVIEW_PARTIAL_BYTES).toString("utf8") : text;
	return {
		id: d.id,
		job_id: d.job_id,
		revision_number: d.revision_number,
		content_type: d.content_type,
		content: mode === "full" ? text : null,
		preview: mode === "preview" ? preview : null,
		is_partial: partial,
		size_bytes: d.size_bytes,
		sha256: d.sha256,
		metadata: d.metadata ? JSON.parse(d.metadata) : null,
		created_at: new Date(d.created_at).toISOString(),
		file_id: d.file_id ?? null,
		filename: d.file_id ? ctx.db.prepare("SELECT original_filename n FROM files WHERE id = ?").get(d.file_id)?.n ?? null : null
	};
}
/** Buyer previews from delivery on; the worker always sees its own work. */
function deliverablePreview(ctx, agentId, jobId) {
	if (!roleOf(visibleJob(ctx, agentId, jobId), agentId)) throw notFound("job", jobId);
	return deliverableOf(ctx, jobId, "preview");
}
/** The full deliverable: the worker any time, the buyer only once the job is completed (paid). */
function deliverableFull(ctx, agentId, jobId) {
	const j = visibleJob(ctx, agentId, jobId);
	const role = roleOf(j, agentId);
	if (!role) throw notFound("job", jobId);
	if (role === "buyer" && j.status !== "completed") throw new VoxError("invalid_status", `job is '${j.status}'; the full deliverable is available once the job is completed — use get_deliverable_preview, then approve_job`, 409);
	return deliverableOf(ctx, jobId, "full");
}
function approveJob(ctx, agentId, jobId) {
	const j = visibleJob(ctx, agentId, jobId);
	requireRole(j, agentId, "buyer", "approve_job");
	return move(ctx, j, "approve", "buyer", agentId, null);
}
function requestRevision(ctx, agentId, jobId, feedback) {
	const j = visibleJob(ctx, agentId, jobId);
	requireRole(j, agentId, "buyer", "request_revision");
	if (j.revision_count >= j.max_revisions && ["delivered", "validating"].includes(j.status)) throw new VoxError("max_revisions_reached", `this job allows ${j.max_revisions} revision(s) and all were used; approve_job or open a dispute`, 409);
	const minDeadline = ctx.clock.now() + LIMITS.revision_min_hours_left * HOUR_MS;
	const deadline = Math.max(j.deadline_at ?? 0, minDeadline);
	const next = move(ctx, j, "request_revision", "buyer", agentId, feedback, {
		revision_count: j.revision_count + 1,
		deadline_at: deadline
	});
	if (deadline !== j.deadline_at) schedule(ctx, "deadline", jobId, deadline);
	emit(ctx, j.worker_id, "job.revision_requested", jobId, {
		job_id: jobId,
		feedback
	}, `Revision requested on "${j.title}": ${feedback}`);
	return next;
}
/** Buyer cancels (fees by status) or the worker withdraws (full refund, trust penalty). */
function cancelJob(ctx, agentId, jobId, reason) {
	const j = visibleJob(ctx, agentId, jobId);
	const role = roleOf(j, agentId);
	if (!role) throw notFound("job", jobId);
	const next = move(ctx, j, role === "buyer" ? "cancel" : "withdraw", role, agentId, reason ?? null);
	rejectOpenBids(ctx, jobId);
	const fee = next.cancellation_fee_cents ?? 0;
	const other = role === "buyer" ? j.worker_id : j.buyer_id;
	if (other) emit(ctx, other, "job.cancelled", jobId, {
		job_id: jobId,
		reason: reason ?? null,
		refunded_to: "buyer",
		cancellation_fee: fee / 100
	}, `"${j.title}" was cancelled by the ${role}${reason ? `: ${reason}` : ""}.`);
	if (role === "worker" && j.status !== "funded") adjustTrust(ctx, agentId, TRUST.worker_fault_cancel, "job cancelled by worker", jobId);
	return next;
}
function rejectOpenBids(ctx, jobId) {
	ctx.db.prepare("UPDATE bids SET status = 'rejected', updated_at = ? WHERE job_id = ? AND status IN ('active','countered')").run(ctx.clock.now(), jobId);
}
function listJobs(ctx, agentId, input) {
	const statuses = input.status ? input.status.split(",").map((s) => s.trim()).filter(Boolean) : [];
	for (const s of statuses) if (!JOB_STATUSES.includes(s)) throw invalid$1("status", `contains '${s}', which is not a job status (${JOB_STATUSES.join(", ")})`);
	const branches = [];
	if (input.role !== "worker") branches.push("SELECT id, created_at FROM jobs WHERE buyer_id = @me");
	if (input.role !== "buyer") branches.push("SELECT id, created_at FROM jobs WHERE worker_id = @me");
	const statusSql = statuses.length ? `AND j.status IN (${statuses.map((_, i) => `@s${i}`).join(",")})` : "";
	const params = {
		me: agentId,
		limit: input.limit,
		offset: input.offset
	};
	statuses.forEach((s, i) => params[`s${i}`] = s);
	const base = `FROM (${branches.join(" UNION ")}) ids JOIN jobs j ON j.id = ids.id LEFT JOIN balances b ON b.account = 'escrow:' || j.id WHERE 1 = 1 ${statusSql}`;
	const rows = ctx.db.prepare(`SELECT j.*, COALESCE(b.balance_cents, 0) AS escrow_cents ${base} ORDER BY j.created_at DESC, j.id LIMIT @limit OFFSET @offset`).all(params);
	const total = ctx.db.prepare(`SELECT COUNT(*) n ${base}`).get(params).n;
	return {
		items: rows.map((r) => jobView(r, agentId)),
		count: rows.length,
		total
	};
}
/** Open jobs: bm25 relevance to `q` then the buyer's tier; without `q`, newest first. */
function browseOpenJobs(ctx, viewer, input) {
	const now = ctx.clock.now();
	const where = [
		"j.status = 'open'",
		"j.bidding_closed = 0",
		"j.bid_window_closes_at > @now"
	];
	const params = {
		now,
		limit: input.limit,
		offset: input.offset
	};
	let from = "jobs j";
	let order = "j.created_at DESC, j.id";
	let rel = "NULL";
	const match = ftsQuery(input.q);
	if (match) {
		from = "jobs_fts f JOIN jobs j ON j.rowid = f.rowid JOIN agents buyer ON buyer.id = j.buyer_id";
		where.push("jobs_fts MATCH @match");
		params.match = match;
		rel = "bm25(jobs_fts, 10.0, 3.0, 5.0)";
		order = `${rel}, buyer.trust_score DESC, j.created_at DESC`;
	}
	if (input.capabilities?.length) {
		where.push(`j.id IN (SELECT job_id FROM job_capabilities WHERE capability IN (${input.capabilities.map((_, i) => `@c${i}`).join(",")}))`);
		input.capabilities.forEach((c, i) => params[`c${i}`] = c);
	}
	if (input.min_budget !== void 0) where.push("j.budget_cents >= @min"), params.min = cents(input.min_budget);
	if (input.max_budget !== void 0) where.push("j.budget_cents <= @max"), params.max = cents(input.max_budget);
	const items = ctx.db.prepare(`SELECT j.*, 0 AS escrow_cents, ${rel} AS relevance FROM ${from} WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT @limit OFFSET @offset`).all(params).map((r) => ({
		...jobView(r, viewer ?? ""),
		...r.relevance != null ? { relevance: Math.round(-r.relevance * 1e3) / 1e3 } : {}
	}));
	return {
		items,
		count: items.length
	};
}
function jobTransitions(ctx, agentId, jobId) {
	if (!roleOf(visibleJob(ctx, agentId, jobId), agentId)) throw notFound("job", jobId);
	return ctx.db.prepare("SELECT from_status, to_status, action, actor, actor_agent_id, reason, created_at FROM transitions WHERE job_id = ? ORDER BY id").all(jobId);
}
const isTerminal = (s) => TERMINAL_STATUSES.includes(s);
/** Admin freeze: every action is blocked, money stays where it is, timers pause. */
function freezeJob(ctx, jobId, reason) {
	const j = loadJob(ctx, jobId);
	if (isTerminal(j.status) || j.status === "frozen") throw new VoxError("invalid_status", `job is '${j.status}'; only an active job can be frozen`, 409);
	recordAdminMove(ctx, j, "freeze", "frozen", reason, { frozen_from: j.status });
	for (const a of [j.buyer_id, j.worker_id].filter(Boolean)) emit(ctx, a, "job.frozen", jobId, {
		job_id: jobId,
		reason
	}, `"${j.title}" was frozen by an admin: ${reason}. All actions are blocked until it is unfrozen.`);
	return loadJob(ctx, jobId);
}
/** Unfreeze: back to the status it had; the deadline and auto-release clocks restart fairly. */
function unfreezeJob(ctx, jobId, reason) {
	const j = loadJob(ctx, jobId);
	if (j.status !== "frozen") throw new VoxError("invalid_status", `job is '${j.status}'; unfreeze needs 'frozen'`, 409);
	const now = ctx.clock.now();
	const back = j.frozen_from;
	const patch = { frozen_from: null };
	if (j.deadline_at != null && j.deadline_at < now + LIMITS.revision_min_hours_left * 36e5) patch.deadline_at = now + LIMITS.revision_min_hours_left * HOUR_MS;
	if (back === "delivered" || back === "validating") patch.delivered_at = now;
	recordAdminMove(ctx, j, "unfreeze", back, reason, patch);
	const next = loadJob(ctx, jobId);
	if (next.deadline_at != null) schedule(ctx, "deadline", jobId, next.deadline_at);
	if (patch.delivered_at) schedule(ctx, "auto_release", jobId, now + LIMITS.auto_release_hours * HOUR_MS);
	if (back === "open" && next.bid_window_closes_at != null) schedule(ctx, "bid_window", jobId, Math.max(now, next.bid_window_closes_at));
	if (back === "pending_payment") schedule(ctx, "payment_expiry", jobId, now + LIMITS.pending_payment_expiry_hours * HOUR_MS);
	return next;
}
/** Write the new status (plus patch) and the transition record. */
function writeMove(ctx, j, action, actor, actorAgentId, to, reason, patch) {
	const now = ctx.clock.now();
	const sets = {
		...patch,
		status: to,
		updated_at: now
	};
	const cols = Object.keys(sets);
	ctx.db.prepare(`UPDATE jobs SET ${cols.map((c) => `${c} = ?`).join(", ")} WHERE id = ?`).run(...cols.map((c) => sets[c]), j.id);
	ctx.db.prepare("INSERT INTO transitions (job_id, from_status, to_status, action, actor, actor_agent_id, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(j.id, j.status, to, action, actor, actorAgentId, reason, now);
}
function recordAdminMove(ctx, j, action, to, reason, patch) {
	writeMove(ctx, j, action, "admin", null, to, reason, patch);
	for (const a of partiesOf(ctx, j)) changed(ctx, a, j.id, "job");
	assertEscrow(ctx, j.id);
}

// dist/src/engine/timer-handlers.js
/** What each durable timer does when it fires. Each re-checks the job and may do nothing. */
const activeBids = (ctx, jobId) => ctx.db.prepare("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status IN ('active','countered')").get(jobId).n;
const TIMER_HANDLERS = {
	/** Bidding closes. With no bid the job ends; with bids the buyer has a grace period to pick one. */
	bid_window(ctx, jobId) {
		const j = loadJob(ctx, jobId);
		if (j.status !== "open") return "skipped: no longer open";
		if (activeBids(ctx, jobId) === 0) {
			move(ctx, j, "bid_window_closed", "system", null, "bid window closed with no bids");
			emit(ctx, j.buyer_id, "job.expired", jobId, {
				job_id: jobId,
				reason: "bid_window_closed"
			}, `Bidding on "${j.title}" closed with no bids; the job was closed. Nothing was charged.`);
			return "closed: no bids";
		}
		ctx.db.prepare("UPDATE jobs SET bidding_closed = 1, updated_at = ? WHERE id = ?").run(ctx.clock.now(), jobId);
		ctx.db.prepare("DELETE FROM jobs_fts WHERE rowid = (SELECT rowid FROM jobs WHERE id = ?)").run(jobId);
		schedule(ctx, "accept_grace", jobId, ctx.clock.now() + LIMITS.accept_grace_hours * HOUR_MS);
		return "bidding closed; bids stay acceptable";
	},
	accept_grace(ctx, jobId) {
		const j = loadJob(ctx, jobId);
		if (j.status !== "open") return "skipped: a bid was accepted";
		move(ctx, j, "bid_window_closed", "system", null, "no bid accepted within the grace period");
		rejectOpenBids(ctx, jobId);
		emit(ctx, j.buyer_id, "job.expired", jobId, {
			job_id: jobId,
			reason: "no_bid_accepted"
		}, `No bid on "${j.title}" was accepted in time; the job was closed. Nothing was charged.`);
		return "closed: no bid accepted";
	},
	/** Deadline: a funded job never accepted is stale; accepted work not delivered has expired. */
	deadline(ctx, jobId) {
		const j = loadJob(ctx, jobId);
		if (j.deadline_at == null || j.deadline_at > ctx.clock.now()) return "skipped: deadline moved";
		if (j.status === "funded") {
			move(ctx, j, "stale_cancel", "system", null, "worker did not accept before the deadline");
			for (const a of [j.buyer_id, j.worker_id]) emit(ctx, a, "job.stale_cancelled", jobId, {
				job_id: jobId,
				reason: "not_accepted"
			}, `"${j.title}" was auto-cancelled: the worker did not accept before the deadline. The buyer was refunded in full.`);
			return "stale_cancelled";
		}
		if ([
			"accepted",
			"in_progress",
			"revision_requested"
		].includes(j.status)) {
			move(ctx, j, "deadline_expired", "system", null, "not delivered by the deadline");
			for (const a of [j.buyer_id, j.worker_id]) emit(ctx, a, "job.deadline_expired", jobId, { job_id: jobId }, `"${j.title}" missed its deadline; the buyer was refunded in full.`);
			adjustTrust(ctx, j.worker_id, TRUST.worker_fault_cancel, "deadline missed", jobId);
			return "deadline_expired";
		}
		return `skipped: '${j.status}'`;
	},
	/** 48 h after the latest delivery with no answer from the buyer: release the escrow. */
	auto_release(ctx, jobId) {
		const j = loadJob(ctx, jobId);
		if (!["delivered", "validating"].includes(j.status)) return `skipped: '${j.status}'`;
		if ((j.delivered_at ?? 0) + LIMITS.auto_release_hours * 36e5 > ctx.clock.now()) return "skipped: re-delivered since";
		move(ctx, j, "auto_release", "system", null, `no buyer action ${LIMITS.auto_release_hours} h after delivery`);
		return "released";
	},
	payment_expiry(ctx, jobId) {
		const j = loadJob(ctx, jobId);
		if (j.status !== "pending_payment") return `skipped: '${j.status}'`;
		move(ctx, j, "payment_expired", "system", null, "unpaid 24 h after posting");
		emit(ctx, j.buyer_id, "job.expired", jobId, {
			job_id: jobId,
			reason: "payment_not_completed"
		}, `"${j.title}" was never paid and has been cancelled.`);
		return "expired";
	}
};

// dist/src/engine/bids.js
/** Bidding on open jobs: submit, list, counter, accept (capture at the bid price). */
function loadBid(ctx, id) {
	const b = ctx.db.prepare("SELECT * FROM bids WHERE id = ?").get(id);
	if (!b) throw notFound("bid", id);
	return b;
}
function submitBid(ctx, agentId, jobId, input) {
	const j = visibleJob(ctx, agentId, jobId);
	const now = ctx.clock.now();
	if (j.job_type !== "open") throw notFound("open job", jobId);
	if (j.buyer_id === agentId) throw new VoxError("forbidden", "you cannot bid on your own job", 403);
	if (j.status !== "open") throw new VoxError("invalid_status", `job is '${j.status}'; submit_bid needs 'open'`, 409, { status: j.status });
	if (j.bidding_closed || (j.bid_window_closes_at ?? 0) <= now) throw new VoxError("bidding_closed", "the bid window of this job has closed", 409);
	const price = cents(input.proposed_price);
	if (price > j.budget_cents) throw new VoxError("validation_error", `proposed_price must be at most the job's budget of ${formatEur(j.budget_cents)} (got ${input.proposed_price})`, 400, { field: "proposed_price" });
	if (j.min_acceptable_price_cents != null && price < j.min_acceptable_price_cents) throw new VoxError("below_min_acceptable_price", `proposed_price must be at least the job's min_acceptable_price of ${formatEur(j.min_acceptable_price_cents)} (got ${input.proposed_price})`, 400, { field: "proposed_price" });
	const caps = JSON.parse(getAgentRow(ctx, agentId).capabilities);
	const missing = JSON.parse(j.required_capabilities).filter((c) => !caps.includes(c));
	if (missing.length) throw new VoxError("missing_capabilities", `this job requires capabilities you lack: ${missing.join(", ")} (update_my_agent to add them if you have them)`, 422, { field: "capabilities" });
	checkWorkerLimits(ctx, agentId, price, "proposed_price");
	const previous = ctx.db.prepare("SELECT * FROM bids WHERE job_id = ? AND worker_id = ? ORDER BY created_at DESC LIMIT 1").get(jobId, agentId);
	const takesCounter = previous?.status === "countered" && previous.counter_price_cents === price;
	if (previous && !takesCounter && now - previous.created_at < LIMITS.bid_interval_ms) {
		const retry = Math.ceil((previous.created_at + LIMITS.bid_interval_ms - now) / 1e3);
		throw new VoxError("rate_limited", `one bid per agent per job per 5 minutes: retry after ${retry} s`, 429, {
			retry_after_s: retry,
			retry_after: retry
		});
	}
	if (ctx.db.prepare("SELECT COUNT(*) n FROM bids WHERE job_id = ? AND status IN ('active','countered') AND worker_id <> ?").get(jobId, agentId).n >= LIMITS.active_bids_per_job_max) throw new VoxError("too_many_bids", `this job already has ${LIMITS.active_bids_per_job_max} active bids`, 409);
	ctx.db.prepare("UPDATE bids SET status = 'withdrawn', updated_at = ? WHERE job_id = ? AND worker_id = ? AND status IN ('active','countered')").run(now, jobId, agentId);
	const id = uuid();
	ctx.db.prepare(`INSERT INTO bids (id, job_id, worker_id, proposed_price_cents, estimated_hours, message, status, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`).run(id, jobId, agentId, price, input.estimated_hours ?? null, input.message ?? null, now, now);
	ctx.db.prepare("UPDATE jobs SET bid_count = (SELECT COUNT(*) FROM bids WHERE job_id = ? AND status IN ('active','countered')), updated_at = ? WHERE id = ?").run(jobId, now, jobId);
	emit(ctx, j.buyer_id, "bid.received", jobId, {
		job_id: jobId,
		bid_id: id,
		worker_agent_id: agentId,
		proposed_price: price / 100
	}, `New bid of ${formatEur(price)} on "${j.title}" from ${agentId}. Review with list_bids, then accept_bid or counter_bid.`);
	changed(ctx, agentId, jobId, "bid");
	return bidView(loadBid(ctx, id));
}
/** The buyer sees every bid; a worker only its own; anyone else learns nothing. */
function listBids(ctx, agentId, jobId) {
	const rows = visibleJob(ctx, agentId, jobId).buyer_id === agentId ? ctx.db.prepare("SELECT * FROM bids WHERE job_id = ? ORDER BY created_at").all(jobId) : ctx.db.prepare("SELECT * FROM bids WHERE job_id = ? AND worker_id = ? ORDER BY created_at").all(jobId, agentId);
	return {
		items: rows.map(bidView),
		count: rows.length
	};
}
/** A bid the caller may act on as the job's buyer (not_found for anyone else). */
function buyersBid(ctx, agentId, bidId) {
	const b = loadBid(ctx, bidId);
	const j = loadJob(ctx, b.job_id);
	if (j.buyer_id !== agentId) {
		if (b.worker_id === agentId) throw new VoxError("forbidden", "only the job's buyer can accept or counter a bid", 403);
		throw notFound("bid", bidId);
	}
	return {
		b,
		j
	};
}
function counterBid(ctx, agentId, bidId, input) {
	const { b, j } = buyersBid(ctx, agentId, bidId);
	if (j.status !== "open") throw new VoxError("invalid_status", `job is '${j.status}'; counter_bid needs 'open'`, 409);
	if (b.status !== "active" && b.status !== "countered") throw new VoxError("invalid_status", `bid is '${b.status}'; counter_bid needs an active bid`, 409);
	const price = cents(input.counter_price);
	const now = ctx.clock.now();
	ctx.db.prepare("UPDATE bids SET status = 'countered', counter_price_cents = ?, counter_message = ?, updated_at = ? WHERE id = ?").run(price, input.message ?? null, now, bidId);
	emit(ctx, b.worker_id, "bid.countered", j.id, {
		job_id: j.id,
		bid_id: bidId,
		counter_price: price / 100,
		message: input.message ?? null
	}, `The buyer of "${j.title}" countered your bid with ${formatEur(price)}. To take it, submit_bid with proposed_price ${price / 100}.`);
	return bidView(loadBid(ctx, bidId));
}
/** What accepting a bid would charge and to whom (for the MCP layer's human confirmation). */
function quoteBid(ctx, agentId, bidId) {
	const { b, j } = buyersBid(ctx, agentId, bidId);
	return {
		amount: b.proposed_price_cents / 100,
		payee_agent_id: b.worker_id,
		payee_name: getAgentRow(ctx, b.worker_id).name,
		job_id: j.id,
		job_title: j.title
	};
}
/**
* Accept: capture at the bid price, assign the worker, reject every other bid. The write
* transaction serialises concurrent accepts: the second sees the job no longer open.
*/
function acceptBid(ctx, agentId, bidId) {
	const { b, j } = buyersBid(ctx, agentId, bidId);
	if (j.status !== "open") throw new VoxError("invalid_status", `job is '${j.status}'; accept_bid needs 'open' (a bid was already accepted or the job closed)`, 409, { status: j.status });
	if (b.status !== "active" && b.status !== "countered") throw new VoxError("invalid_status", `bid is '${b.status}'; accept_bid needs an active bid`, 409);
	if (getAgentRow(ctx, b.worker_id).status !== "active") throw new VoxError("invalid_status", "the bidder is no longer active", 409);
	checkWorkerLimits(ctx, b.worker_id, b.proposed_price_cents, "bid_id");
	const outcome = capture(ctx, agentId, j.id, b.proposed_price_cents, `capture:${j.id}`);
	if (!outcome.ok) {
		emit(ctx, agentId, "payment.failed", j.id, {
			job_id: j.id,
			payment_intent_id: outcome.payment_intent_id,
			error: outcome.message
		}, `Payment to accept a bid on "${j.title}" failed: ${outcome.message}`);
		throw new VoxError(outcome.code, `payment failed: ${outcome.message} The bid was not accepted; save another card and retry.`, 402);
	}
	const now = ctx.clock.now();
	const deadline = now + j.deadline_hours * HOUR_MS;
	ctx.db.prepare("UPDATE bids SET status = 'accepted', updated_at = ? WHERE id = ?").run(now, bidId);
	rejectOpenBids(ctx, j.id);
	const next = move(ctx, {
		...j,
		amount_cents: b.proposed_price_cents
	}, "accept_bid", "buyer", agentId, null, {
		worker_id: b.worker_id,
		amount_cents: b.proposed_price_cents,
		funded_at: now,
		deadline_at: deadline
	});
	schedule(ctx, "deadline", j.id, deadline);
	emit(ctx, b.worker_id, "bid.accepted", j.id, {
		job_id: j.id,
		bid_id: bidId,
		agreed_price: b.proposed_price_cents / 100,
		deadline: new Date(deadline).toISOString()
	}, `Your bid of ${formatEur(b.proposed_price_cents)} on "${j.title}" was accepted and is in escrow. start_job, then deliver_job before ${new Date(deadline).toISOString()}.`);
	return {
		job: next,
		bid: bidView(loadBid(ctx, bidId))
	};
}

// dist/src/engine/inbox.js
/** Notifications, reviews, payouts history and the one-call dashboard. */
function listNotifications(ctx, agentId, input) {
	const rows = ctx.db.prepare(`SELECT * FROM notifications WHERE agent_id = ? ${input.unread_only ? "AND read = 0" : ""} ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`).all(agentId, input.limit, input.offset);
	return {
		items: rows.map(notificationView),
		count: rows.length,
		unread_count: unreadCount(ctx, agentId)
	};
}
const unreadCount = (ctx, agentId) => ctx.db.prepare("SELECT COUNT(*) n FROM notifications WHERE agent_id = ? AND read = 0").get(agentId).n;
function markRead(ctx, agentId, id) {
	const row = ctx.db.prepare("SELECT * FROM notifications WHERE id = ? AND agent_id = ?").get(id, agentId);
	if (!row) throw notFound("notification", id);
	if (!row.read) {
		ctx.db.prepare("UPDATE notifications SET read = 1 WHERE id = ?").run(id);
		changed(ctx, agentId, null, "notification");
	}
	return notificationView({
		...row,
		read: 1
	});
}
function markAllRead(ctx, agentId) {
	const marked = ctx.db.prepare("UPDATE notifications SET read = 1 WHERE agent_id = ? AND read = 0").run(agentId).changes;
	if (marked) changed(ctx, agentId, null, "notification");
	return { marked };
}
/** One rating per party per completed job; it moves the other party's trust score. */
function leaveReview(ctx, agentId, jobId, input) {
	const j = visibleJob(ctx, agentId, jobId);
	const role = roleOf(j, agentId);
	if (!role) throw notFound("job", jobId);
	if (j.status !== "completed") throw new VoxError("invalid_status", `job is '${j.status}'; leave_review needs 'completed'`, 409);
	if (ctx.db.prepare("SELECT 1 FROM reviews WHERE job_id = ? AND reviewer_id = ?").get(jobId, agentId)) throw new VoxError("already_reviewed", "you already reviewed this job; a review is left once per party", 409);
	const reviewee = role === "buyer" ? j.worker_id : j.buyer_id;
	const now = ctx.clock.now();
	ctx.db.prepare("INSERT INTO reviews (job_id, reviewer_id, reviewee_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(jobId, agentId, reviewee, input.rating, input.comment ?? null, now);
	ctx.db.prepare("UPDATE agents SET rating_sum = rating_sum + ?, rating_count = rating_count + 1 WHERE id = ?").run(input.rating, reviewee);
	emit(ctx, reviewee, "review.received", jobId, {
		job_id: jobId,
		rating: input.rating
	}, `You received a ${input.rating}/5 review on "${j.title}".`);
	adjustTrust(ctx, reviewee, TRUST.rating_delta[input.rating], `${input.rating}/5 rating received`, jobId);
	return reviewView({
		job_id: jobId,
		reviewer_id: agentId,
		rating: input.rating,
		comment: input.comment ?? null,
		created_at: now
	});
}
/** Earnings as a worker: releases (gross, fee, net) and cancellation compensation. */
function payouts(ctx, agentId) {
	const rows = ctx.db.prepare(`SELECT id, status, amount_cents, platform_fee_cents, worker_payout_cents, completed_at, updated_at FROM jobs
      WHERE worker_id = ? AND worker_payout_cents IS NOT NULL ORDER BY COALESCE(completed_at, updated_at) DESC`).all(agentId);
	const items = rows.map((r) => r.status === "completed" ? {
		job_id: r.id,
		gross_eur: centsToEur(r.amount_cents),
		platform_fee_eur: centsToEur(r.platform_fee_cents),
		net_eur: centsToEur(r.worker_payout_cents),
		kind: "release",
		completed_at: iso(r.completed_at)
	} : {
		job_id: r.id,
		gross_eur: centsToEur(r.worker_payout_cents),
		platform_fee_eur: 0,
		net_eur: centsToEur(r.worker_payout_cents),
		kind: "cancellation_compensation",
		completed_at: iso(r.updated_at)
	});
	const total = rows.reduce((s, r) => s + r.worker_payout_cents, 0);
	return {
		total_earned: centsToEur(total),
		total_jobs: items.filter((p) => p.kind === "release").length,
		payouts: items
	};
}
function dashboard(ctx, agentId) {
	const me = getAgentRow(ctx, agentId);
	const agent = privateAgent(ctx, agentId);
	const agents = ctx.db.prepare("SELECT id, name, status FROM agents WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at").all(me.owner_id);
	const recent = ctx.db.prepare(`SELECT id, title, status, amount_cents FROM (
      SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE buyer_id = ? ORDER BY created_at DESC LIMIT 10)
      UNION SELECT * FROM (SELECT id, title, status, amount_cents, created_at FROM jobs WHERE worker_id = ? ORDER BY created_at DESC LIMIT 10))
      ORDER BY created_at DESC LIMIT 10`).all(agentId, agentId);
	const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE (buyer_id = ? OR worker_id = ?) AND status NOT IN ('completed','cancelled','refunded')`).get(agentId, agentId);
	const card = defaultCard(ctx, agentId);
	const spent = spentThisMonthCents(ctx, agentId);
	const limit = me.monthly_spending_limit_cents;
	return {
		agent,
		agents,
		recent_jobs: recent.map((r) => ({
			id: r.id,
			title: r.title,
			status: r.status,
			amount: centsToEur(r.amount_cents)
		})),
		active_jobs_count: active.n,
		spending: {
			month: new Date(monthStart(ctx.clock.now())).toISOString().slice(0, 7),
			spent: centsToEur(spent),
			limit: limit == null ? null : centsToEur(limit),
			left: limit == null ? null : centsToEur(Math.max(0, limit - spent))
		},
		unread_notifications: unreadCount(ctx, agentId),
		payment: {
			card_count: listCards(ctx, agentId).length,
			default_card: card ? {
				brand: card.brand,
				last4: card.last4
			} : null
		},
		connect: {
			connected: false,
			is_ready: false
		},
		trust_history: trustHistory(ctx, agentId, 10, 0).items
	};
}

// dist/src/engine/platform.js
/** get_platform_info: fees by tier, limits and currency, straight from src/limits.ts. */
const VERSION = "0.1.0";
function platformInfo(backend, rails) {
	const tiers = TIERS.map((t, i) => ({
		tier: t.tier,
		min_score: t.min_score,
		max_score: i === 0 ? 100 : TIERS[i - 1].min_score - 1,
		platform_fee_percent: t.fee_percent,
		max_job_amount: t.max_job_amount_cents / 100,
		max_active_jobs: t.max_active_jobs
	}));
	return {
		name: "VoxPact",
		version: VERSION,
		currency: "EUR",
		backend,
		tiers,
		cancellation_fees: {
			open: "no charge (nothing captured yet)",
			pending_payment: "full refund, no fee",
			funded: "full refund, no fee",
			accepted: `${CANCEL_FEES.accepted.percent}% fee charged to the buyer`,
			in_progress: `${CANCEL_FEES.in_progress.percent}% of the job amount paid to the worker as compensation`,
			revision_requested: `${CANCEL_FEES.revision_requested.percent}% of the job amount paid to the worker as compensation`,
			worker_withdraws: "full refund to the buyer; the worker loses trust"
		},
		limits: {
			min_job_amount: LIMITS.job_min_amount_cents / 100,
			min_bid: LIMITS.bid_min_cents / 100,
			deadline_hours_default: LIMITS.deadline_hours_default,
			deadline_hours_max: LIMITS.deadline_hours_max,
			bid_window_hours_default: LIMITS.bid_window_hours_default,
			bid_window_hours_max: LIMITS.bid_window_hours_max,
			active_bids_per_job_max: LIMITS.active_bids_per_job_max,
			bid_interval_minutes: LIMITS.bid_interval_ms / 6e4,
			max_revisions_default: LIMITS.max_revisions_default,
			auto_release_hours: LIMITS.auto_release_hours,
			capabilities_max: LIMITS.capabilities_max,
			activation_fee: LIMITS.activation_fee_cents / 100
		},
		spending_rails: {
			max_job_amount: rails.maxJobCents == null ? null : rails.maxJobCents / 100,
			confirm_above: rails.confirmAboveCents == null ? null : rails.confirmAboveCents / 100
		}
	};
}

// dist/src/webhooks/ping.js
/**
* `webhook.ping` at registration: POSTed before the agent is written, answered 2xx within
* 5 seconds or the registration fails. The agent has no signing secret yet (it comes with the
* API key at activation), so the ping carries `webhook-id` and `webhook-timestamp` but no
* signature: a receiver answers 2xx to any body whose event is `webhook.ping`.
*/
const PING_EVENT = "webhook.ping";
async function pingWebhook(webhookUrl, info = {}, overrides = {}) {
	const o = webhookOptions(overrides);
	const nowMs = o.signingNowMs();
	const body = JSON.stringify({
		event: PING_EVENT,
		timestamp: new Date(nowMs).toISOString(),
		...info.agent_name ? { agent_name: info.agent_name } : {},
		message: "VoxPact is verifying this webhook_url. Answer with any 2xx status within 5 seconds."
	});
	const headers = {
		"webhook-id": `ping_${randomUUID()}`,
		"webhook-timestamp": String(Math.floor(nowMs / 1e3))
	};
	const r = await postWebhook(webhookUrl, body, headers, {
		allowLoopback: o.allowLoopback,
		timeoutMs: o.pingTimeoutMs,
		maxRedirects: o.maxRedirects,
		resolve: overrides.resolve
	});
	if (r.ok) return {
		status: r.status,
		duration_ms: r.duration_ms
	};
	const limitS = o.pingTimeoutMs / 1e3;
	const why = r.refused ? r.error.replace(/^refused: /, "it is refused: ") : r.status == null ? `it did not answer (${r.error})` : `it answered ${r.error}`;
	throw new VoxError("webhook_verification_failed", `webhook_url ${webhookUrl} failed the webhook.ping check: ${why}. It must be a public HTTPS endpoint answering the ping with HTTP 2xx within ${limitS} s; fix it and register again.`, 422, { field: "webhook_url" });
}

// dist/src/engine/embedded.js
/**
* The embedded backend: the Marketplace interface over the engine, for one agent. Each call is
* one SQLite write transaction (BEGIN IMMEDIATE) or a plain read; money-moving calls with an
* idempotency_key store their first answer in the same transaction.
*/
const IDEMPOTENCY_TTL_MS = 864e5;
var EmbeddedMarketplace = class {
	ctx;
	agentId;
	rails;
	constructor(ctx, agentId, rails = {
		maxJobCents: null,
		confirmAboveCents: null
	}) {
		this.ctx = ctx;
		this.agentId = agentId;
		this.rails = rails;
	}
	write(fn) {
		try {
			return Promise.resolve(writeTx(this.ctx.db, fn));
		} catch (e) {
			return Promise.reject(e);
		}
	}
	/** Reads run in a deferred transaction: one consistent WAL snapshot for all their queries. */
	read(fn) {
		try {
			return Promise.resolve(this.ctx.db.transaction(fn).deferred());
		} catch (e) {
			return Promise.reject(e);
		}
	}
	/**
	* Run `fn` at most once per (agent, key): a retry with the same arguments gets the first
	* answer; the same key with other arguments is refused. Inside the write transaction, so
	* the answer and the effects commit together or not at all.
	*/
	once(operation, key, args, fn) {
		return this.write(() => {
			if (!key) return fn();
			const hash = createHash("sha256").update(JSON.stringify({
				operation,
				args
			})).digest("hex");
			const now = this.ctx.clock.now();
			const prior = this.ctx.db.prepare("SELECT operation, request_hash, response, created_at FROM idempotency WHERE agent_id = ? AND key = ?").get(this.agentId, key);
			if (prior && prior.created_at + IDEMPOTENCY_TTL_MS > now) {
				if (prior.request_hash !== hash) throw new VoxError("idempotency_key_reused", `idempotency_key '${key}' was already used for a different request (${prior.operation}); use a new key for a new request`, 422, { field: "idempotency_key" });
				return JSON.parse(prior.response);
			}
			const result = fn();
			this.ctx.db.prepare("INSERT OR REPLACE INTO idempotency (agent_id, key, operation, request_hash, response, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(this.agentId, key, operation, hash, JSON.stringify(result), now);
			return result;
		});
	}
	job(row) {
		return view(this.ctx, this.agentId, row);
	}
	registerAgent(input) {
		return pingWebhook(input.webhook_url, { agent_name: input.name }).then(() => this.write(() => registerAgent(this.ctx, input)));
	}
	searchAgents(input) {
		return this.read(() => searchAgents(this.ctx, input));
	}
	getPlatformInfo() {
		return this.read(() => platformInfo("embedded", this.rails));
	}
	getDashboard() {
		return this.read(() => dashboard(this.ctx, this.agentId));
	}
	getMyAgent() {
		return this.read(() => privateAgent(this.ctx, this.agentId));
	}
	updateMyAgent(input) {
		return this.write(() => updateAgent(this.ctx, this.agentId, input));
	}
	getAgent(id) {
		return this.read(() => publicAgent(this.ctx, id));
	}
	listAgentReviews(id, limit, offset) {
		return this.read(() => listReviews(this.ctx, id, limit, offset));
	}
	getTrustHistory(limit, offset) {
		return this.read(() => trustHistory(this.ctx, this.agentId, limit, offset));
	}
	postJob(input) {
		const { idempotency_key, ...args } = input;
		return this.once("post_job", idempotency_key, args, () => this.job(postJob(this.ctx, this.agentId, input)));
	}
	listJobs(input) {
		return this.read(() => listJobs(this.ctx, this.agentId, input));
	}
	getJob(id) {
		return this.read(() => this.job(visibleJob(this.ctx, this.agentId, id)));
	}
	browseOpenJobs(input) {
		return this.read(() => browseOpenJobs(this.ctx, this.agentId, input));
	}
	getJobTransitions(id) {
		return this.read(() => {
			const items = jobTransitions(this.ctx, this.agentId, id).map((t) => ({
				...t,
				created_at: new Date(t.created_at).toISOString()
			}));
			return {
				items,
				count: items.length
			};
		});
	}
	acceptJob(id) {
		return this.write(() => this.job(acceptJob(this.ctx, this.agentId, id)));
	}
	startJob(id) {
		return this.write(() => this.job(startJob(this.ctx, this.agentId, id)));
	}
	deliverJob(id, input) {
		const { idempotency_key, ...args } = input;
		return this.once("deliver_job", idempotency_key, {
			id,
			...args
		}, () => {
			const r = deliverJob(this.ctx, this.agentId, id, input);
			return {
				job: this.job(r.job),
				deliverable: r.deliverable
			};
		});
	}
	getDeliverablePreview(id) {
		return this.read(() => deliverablePreview(this.ctx, this.agentId, id));
	}
	getDeliverable(id) {
		return this.read(() => deliverableFull(this.ctx, this.agentId, id));
	}
	approveJob(id, opts = {}) {
		return this.once("approve_job", opts.idempotency_key, { id }, () => this.job(approveJob(this.ctx, this.agentId, id)));
	}
	requestRevision(id, feedback) {
		return this.write(() => this.job(requestRevision(this.ctx, this.agentId, id, feedback)));
	}
	cancelJob(id, input) {
		return this.once("cancel_job", input.idempotency_key, {
			id,
			reason: input.reason
		}, () => this.job(cancelJob(this.ctx, this.agentId, id, input.reason)));
	}
	submitBid(jobId, input) {
		const { idempotency_key, ...args } = input;
		return this.once("submit_bid", idempotency_key, {
			jobId,
			...args
		}, () => submitBid(this.ctx, this.agentId, jobId, input));
	}
	listBids(jobId) {
		return this.read(() => listBids(this.ctx, this.agentId, jobId));
	}
	acceptBid(bidId, opts = {}) {
		return this.once("accept_bid", opts.idempotency_key, { bidId }, () => {
			const r = acceptBid(this.ctx, this.agentId, bidId);
			return {
				job: this.job(r.job),
				bid: r.bid
			};
		});
	}
	counterBid(bidId, input) {
		return this.write(() => counterBid(this.ctx, this.agentId, bidId, input));
	}
	quoteBid(bidId) {
		return this.read(() => quoteBid(this.ctx, this.agentId, bidId));
	}
	leaveReview(jobId, input) {
		return this.write(() => leaveReview(this.ctx, this.agentId, jobId, input));
	}
	listNotifications(input) {
		return this.read(() => listNotifications(this.ctx, this.agentId, input));
	}
	markNotificationRead(id) {
		return this.write(() => markRead(this.ctx, this.agentId, id));
	}
	markAllNotificationsRead() {
		return this.write(() => markAllRead(this.ctx, this.agentId));
	}
	listPaymentMethods() {
		return this.read(() => {
			const items = listCards(this.ctx, this.agentId);
			return {
				items,
				count: items.length
			};
		});
	}
	setupPaymentMethod() {
		return this.write(() => setupIntent(this.ctx, this.agentId));
	}
	savePaymentMethod(pmId, opts = {}) {
		return this.write(() => {
			const pm = saveCard(this.ctx, this.agentId, pmId, opts.make_default);
			return {
				...pm,
				retried_jobs: pm.is_default ? retryPendingPayments(this.ctx, this.agentId) : []
			};
		});
	}
	deletePaymentMethod(id) {
		return this.write(() => deleteCard(this.ctx, this.agentId, id));
	}
	getPayouts() {
		return this.read(() => payouts(this.ctx, this.agentId));
	}
	getWebhookLog(limit, offset) {
		return this.read(() => webhookLog(this.ctx, this.agentId, limit, offset));
	}
	changesSince(afterSeq) {
		return this.read(() => this.ctx.db.prepare("SELECT seq, agent_id, job_id, type FROM changes WHERE agent_id = ? AND seq > ? ORDER BY seq LIMIT 500").all(this.agentId, afterSeq));
	}
	latestChangeSeq() {
		return this.read(() => this.ctx.db.prepare("SELECT COALESCE(MAX(seq), 0) s FROM changes").get().s);
	}
};

// node_modules/jose/dist/webapi/lib/buffer_utils.js
const encoder = new TextEncoder();
const decoder = new TextDecoder();
const strictDecoder = new TextDecoder("utf-8", { fatal: !0 });
function concat(...buffers) {
	const size = buffers.reduce((acc, { length }) => acc + length, 0), buf = new Uint8Array(size);
	let i = 0;
	for (const buffer of buffers) buf.set(buffer, i), i += buffer.length;
	return buf;
}
const NON_ASCII = /[^\x00-\x7f]/;
function encode$1(string) {
	if (typeof string == "string" && string.length >= 128) {
		if (NON_ASCII.test(string)) throw new TypeError("non-ASCII string encountered in encode()");
		return encoder.encode(string);
	}
	const bytes = new Uint8Array(string.length);
	for (let i = 0; i < string.length; i++) {
		const code = string.charCodeAt(i);
		if (code > 127) throw new TypeError("non-ASCII string encountered in encode()");
		bytes[i] = code;
	}
	return bytes;
}
function encodeBase64(input, url = !1) {
	if (Uint8Array.prototype.toBase64) return input.toBase64({
		alphabet: url ? "base64url" : "base64",
		omitPadding: url
	});
	const CHUNK_SIZE = 32768, arr = [];
	for (let i = 0; i < input.length; i += CHUNK_SIZE) arr.push(String.fromCharCode.apply(null, input.subarray(i, i + CHUNK_SIZE)));
	const encoded = btoa(arr.join(""));
	return url ? encoded.replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_") : encoded;
}
function decodeBase64(encoded, url = !1) {
	if (Uint8Array.fromBase64) return Uint8Array.fromBase64(encoded, { alphabet: url ? "base64url" : "base64" });
	if (url) {
		if (encoded.includes("+") || encoded.includes("/")) throw new TypeError("Invalid base64url");
		encoded = encoded.replace(/-/g, "+").replace(/_/g, "/");
	}
	const binary = atob(encoded), bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

// node_modules/jose/dist/webapi/util/errors.js
var JOSEError = class extends Error {
	static code = "ERR_JOSE_GENERIC";
	code = "ERR_JOSE_GENERIC";
	constructor(message, options) {
		super(message, options), this.name = this.constructor.name, Error.captureStackTrace?.(this, this.constructor);
	}
};
var JWTClaimValidationFailed = class extends JOSEError {
	static code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
	code = "ERR_JWT_CLAIM_VALIDATION_FAILED";
	claim;
	reason;
	payload;
	constructor(message, payload, claim = "unspecified", reason = "unspecified") {
		super(message, { cause: {
			claim,
			reason,
			payload
		} }), this.claim = claim, this.reason = reason, this.payload = payload;
	}
};
var JWTExpired = class extends JOSEError {
	static code = "ERR_JWT_EXPIRED";
	code = "ERR_JWT_EXPIRED";
	claim;
	reason;
	payload;
	constructor(message, payload, claim = "unspecified", reason = "unspecified") {
		super(message, { cause: {
			claim,
			reason,
			payload
		} }), this.claim = claim, this.reason = reason, this.payload = payload;
	}
};
var JOSEAlgNotAllowed = class extends JOSEError {
	static code = "ERR_JOSE_ALG_NOT_ALLOWED";
	code = "ERR_JOSE_ALG_NOT_ALLOWED";
};
var JOSENotSupported = class extends JOSEError {
	static code = "ERR_JOSE_NOT_SUPPORTED";
	code = "ERR_JOSE_NOT_SUPPORTED";
};
var JWSInvalid = class extends JOSEError {
	static code = "ERR_JWS_INVALID";
	code = "ERR_JWS_INVALID";
};
var JWTInvalid = class extends JOSEError {
	static code = "ERR_JWT_INVALID";
	code = "ERR_JWT_INVALID";
};
var JWSSignatureVerificationFailed = class extends JOSEError {
	static code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
	code = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED";
	constructor(message = "signature verification failed", options) {
		super(message, options);
	}
};

// node_modules/jose/dist/webapi/util/base64url.js
const invalid = "The input to be decoded is not correctly encoded.";
function decode(input) {
	try {
		return decodeBase64(typeof input == "string" ? input : decoder.decode(input), !0);
	} catch (cause) {
		throw new TypeError(invalid, { cause });
	}
}
function encode(input) {
	return encodeBase64(typeof input == "string" ? encoder.encode(input) : input, !0);
}

// node_modules/jose/dist/webapi/lib/validate.js
function isObject(input) {
	if (typeof input != "object" || input === null || Object.prototype.toString.call(input) !== "[object Object]") return !1;
	const prototype = Object.getPrototypeOf(input);
	return prototype === null || Object.getPrototypeOf(prototype) === null;
}
function isDisjoint(...headers) {
	const parameters = /* @__PURE__ */ new Set();
	for (const header of headers) if (header) for (const parameter of Object.keys(header)) {
		if (parameters.has(parameter)) return !1;
		parameters.add(parameter);
	}
	return !0;
}
function assertNotSet(value, name) {
	if (value !== void 0) throw new TypeError(`${name} can only be called once`);
}
function decodeBase64url(value, label, ErrorClass) {
	try {
		return decode(value);
	} catch (cause) {
		throw new ErrorClass(`Failed to base64url decode the ${label}`, { cause });
	}
}
function encodeAsciiMember(value, label, ErrorClass) {
	try {
		return encode$1(value);
	} catch (cause) {
		throw new ErrorClass(`The ${label} is not a valid base64url string`, { cause });
	}
}
function parseJoseHeader(encodedProtectedHeader, ErrorClass, message) {
	let parsed;
	try {
		parsed = JSON.parse(strictDecoder.decode(decode(encodedProtectedHeader)));
	} catch (cause) {
		throw new ErrorClass(message, { cause });
	}
	if (!isObject(parsed)) throw new ErrorClass(message);
	return parsed;
}
const JWS_RECOGNIZED = {
	__proto__: null,
	b64: !0
};
function validateAlgorithms(option, algorithms) {
	if (algorithms !== void 0 && (!Array.isArray(algorithms) || algorithms.some((s) => typeof s != "string"))) throw new TypeError(`"${option}" option must be an array of strings`);
	return algorithms === void 0 ? void 0 : new Set(algorithms);
}
function validateCritDuplicates(Err, protectedHeader) {
	const { crit } = protectedHeader ?? {};
	if (Array.isArray(crit) && new Set(crit).size !== crit.length) throw new Err("\"crit\" (Critical) Header Parameter MUST NOT contain duplicate values");
}
function validateCrit(Err, recognizedDefault, recognizedOption, protectedHeader, joseHeader) {
	if (joseHeader.crit !== void 0 && protectedHeader?.crit === void 0) throw new Err("\"crit\" (Critical) Header Parameter MUST be integrity protected");
	if (!protectedHeader || protectedHeader.crit === void 0) return [];
	if (!Array.isArray(protectedHeader.crit) || protectedHeader.crit.length === 0 || protectedHeader.crit.some((input) => typeof input != "string" || input.length === 0)) throw new Err("\"crit\" (Critical) Header Parameter MUST be an array of non-empty strings when present");
	const recognized = recognizedOption === void 0 ? recognizedDefault : {
		__proto__: null,
		...recognizedOption,
		...recognizedDefault
	};
	for (const parameter of protectedHeader.crit) {
		if (!(parameter in recognized)) throw new JOSENotSupported(`Extension Header Parameter "${parameter}" is not recognized`);
		if (!Object.hasOwn(joseHeader, parameter) || joseHeader[parameter] === void 0) throw new Err(`Extension Header Parameter "${parameter}" is missing`);
		if (recognized[parameter] && (!Object.hasOwn(protectedHeader, parameter) || protectedHeader[parameter] === void 0)) throw new Err(`Extension Header Parameter "${parameter}" MUST be integrity protected`);
	}
	return protectedHeader.crit;
}
function validateB64(protectedHeader, extensions) {
	if (extensions.includes("b64")) {
		const b64 = protectedHeader.b64;
		if (typeof b64 != "boolean") throw new JWSInvalid("The \"b64\" (base64url-encode payload) Header Parameter must be a boolean");
		return b64;
	}
	return !0;
}
function serializeJoseHeader(Err, header) {
	let serialized, parsed;
	try {
		serialized = JSON.stringify(header), parsed = JSON.parse(serialized);
	} catch (cause) {
		throw new Err("JOSE Header is not valid JSON", { cause });
	}
	if (!isObject(parsed)) throw new Err("JOSE Header is not a JSON object");
	return [parsed, serialized];
}

// node_modules/jose/dist/webapi/lib/key.js
const tag = (key) => key[Symbol.toStringTag];
const jwkMatchesOp = (entry, key, usage) => {
	const { alg } = entry;
	if (key.use !== void 0) {
		const expected = usage === "sign" || usage === "verify" ? "sig" : "enc";
		if (key.use !== expected) throw new TypeError(`Invalid key for this operation, its "use" must be "${expected}" when present`);
	}
	if (key.kty === "AKP" && key.alg === void 0) throw new TypeError("missing \"alg\" (Algorithm) Parameter value");
	if (key.alg !== void 0 && key.alg !== alg) throw new TypeError(`Invalid key for this operation, its "alg" must be "${alg}" when present`);
	if (Array.isArray(key.key_ops)) {
		const expectedKeyOp = usage === "encrypt" || usage === "decrypt" ? entry.ops?.[usage === "encrypt" ? 0 : 1] : usage;
		if (expectedKeyOp && !key.key_ops.includes(expectedKeyOp)) throw new TypeError(`Invalid key for this operation, its "key_ops" must include "${expectedKeyOp}" when present`);
	}
};
async function prepareKey(entry, key, usage) {
	const { alg, secret } = entry, requiresPrivateKey = usage === "decrypt" || usage === "sign";
	if (secret && key instanceof Uint8Array) return key;
	let normalized, keyObject;
	if (isObject(key)) {
		if (normalized = normalizeJwk(key), typeof normalized.kty != "string") throw invalidKeyType(alg, key, secret);
		if (!(secret ? normalized.kty === "oct" && typeof normalized.k == "string" : normalized.kty !== "oct" && (requiresPrivateKey ? normalized.kty === "AKP" && typeof normalized.priv == "string" || typeof normalized.d == "string" : normalized.d === void 0 && normalized.priv === void 0))) throw new TypeError(secret ? "JSON Web Key for symmetric algorithms must have JWK \"kty\" (Key Type) equal to \"oct\" and the JWK \"k\" (Key Value) present" : `JSON Web Key for this operation must be a ${requiresPrivateKey ? "private" : "public"} JWK`);
		if (jwkMatchesOp(entry, normalized, usage), normalized.kty === "oct") return decode(normalized.k);
		if (!Object.isFrozen(key)) {
			const { key_ops } = key;
			Array.isArray(key_ops) && Object.freeze(key_ops), Object.freeze(key);
		}
	} else {
		if (!isKeyLike(key)) throw invalidKeyType(alg, key, secret);
		const expectedType = secret ? "secret" : requiresPrivateKey ? "private" : "public";
		if (key.type !== expectedType && (secret || [
			"secret",
			"public",
			"private"
		].includes(key.type))) throw new TypeError(`${tag(key)} instances must be of type "${expectedType}" for the ${alg} algorithm`);
		if (isCryptoKey(key)) return key;
		if (keyObject = key, keyObject.type === "secret") return keyObject.export();
	}
	cache ||= /* @__PURE__ */ new WeakMap();
	const cacheKey = key;
	let cached = cache.get(cacheKey);
	if (cached?.[alg]) return cached[alg];
	if (cached || cache.set(cacheKey, cached = {}), keyObject && typeof keyObject.toCryptoKey == "function") {
		const isPublic = keyObject.type === "public", crv = nist[keyObject.asymmetricKeyDetails?.namedCurve], params = entry.resolve?.({
			crv,
			asymmetricKeyType: keyObject.asymmetricKeyType
		}) ?? entry.subtle;
		return cached[alg] = keyObject.toCryptoKey(params, isPublic, entry.usages[isPublic ? 0 : 1]);
	}
	return normalized ??= keyObject.export({ format: "jwk" }), normalized.alg = alg, cached[alg] = await jwkToKey(entry, normalized);
}
let cache;
const nist = {
	__proto__: null,
	prime256v1: "P-256",
	secp384r1: "P-384",
	secp521r1: "P-521"
};
const isCryptoKey = (key) => {
	if (key?.[Symbol.toStringTag] === "CryptoKey") return !0;
	try {
		return key instanceof CryptoKey;
	} catch {
		return !1;
	}
};
const isKeyObject = (key) => key?.[Symbol.toStringTag] === "KeyObject";
const isKeyLike = (key) => isCryptoKey(key) || isKeyObject(key);
function message(msg, actual, ...types) {
	if (types.length > 2) {
		const last = types.pop();
		msg += `one of type ${types.join(", ")}, or ${last}.`;
	} else types.length === 2 ? msg += `one of type ${types[0]} or ${types[1]}.` : msg += `of type ${types[0]}.`;
	return actual == null ? msg += ` Received ${actual}` : typeof actual == "function" && actual.name ? msg += ` Received function ${actual.name}` : typeof actual == "object" && actual != null && actual.constructor?.name && (msg += ` Received an instance of ${actual.constructor.name}`), msg;
}
function invalidKeyType(alg, actual, secret) {
	const types = [
		"CryptoKey",
		"KeyObject",
		"JSON Web Key"
	];
	return secret && types.push("Uint8Array"), new TypeError(message(`Key for the ${alg} algorithm must be `, actual, ...types));
}
const unusable = (name, prop = "algorithm.name") => /* @__PURE__ */ new TypeError(`CryptoKey does not support this operation, its ${prop} must be ${name}`);
function checkUsage(key, usage) {
	if (usage && !key.usages.includes(usage)) throw new TypeError(`CryptoKey does not support this operation, its usages must include ${usage}.`);
}
function checkModulusLength(alg, key) {
	const { modulusLength } = key.algorithm;
	if (typeof modulusLength != "number" || modulusLength < 2048) throw new TypeError(`${alg} requires key modulusLength to be 2048 bits or larger`);
}
function checkCryptoKey(key, expected, usage) {
	const algorithm = key.algorithm;
	if (algorithm.name !== expected.name) throw unusable(expected.name);
	if (expected.hash && algorithm.hash?.name !== expected.hash) throw unusable(expected.hash, "algorithm.hash");
	if (expected.namedCurve && algorithm.namedCurve !== expected.namedCurve) throw unusable(expected.namedCurve, "algorithm.namedCurve");
	if (expected.length !== void 0 && algorithm.length !== expected.length) throw unusable(expected.length, "algorithm.length");
	checkUsage(key, usage);
}
function snapshotJwk(jwk) {
	return {
		__proto__: null,
		...jwk
	};
}
function normalizeJwk(jwk) {
	const normalized = snapshotJwk(jwk);
	if (normalized.ext !== void 0 && typeof normalized.ext != "boolean") throw new TypeError("\"ext\" (Extractable) Parameter must be a boolean");
	if (normalized.key_ops !== void 0) {
		const value = normalized.key_ops, keyOps = Array.isArray(value) ? [...value] : void 0;
		if (!keyOps || keyOps.some((operation) => typeof operation != "string") || new Set(keyOps).size !== keyOps.length) throw new TypeError("\"key_ops\" (Key Operations) Parameter must be an array of unique strings");
		normalized.key_ops = keyOps;
	}
	return normalized;
}
async function jwkToKey(entry, jwk, extractable) {
	if (!entry.kty.includes(jwk.kty)) throw new JOSENotSupported("Invalid or unsupported JWK \"alg\" (Algorithm) Parameter value");
	const algorithm = entry.resolve?.({
		kty: jwk.kty,
		crv: jwk.crv
	}) ?? entry.subtle, isPrivate = !!(jwk.d || jwk.priv), keyData = {
		...jwk,
		ext: extractable ?? jwk.ext
	};
	return keyData.kty !== "AKP" && delete keyData.alg, delete keyData.use, crypto.subtle.importKey("jwk", keyData, algorithm, keyData.ext ?? !isPrivate, jwk.key_ops ?? entry.usages[isPrivate ? 1 : 0]);
}
async function rawKey(key, expected, usage, extractable = !1) {
	return key instanceof Uint8Array && (key = await crypto.subtle.importKey("raw", key, expected, extractable, [usage])), checkCryptoKey(key, expected, usage), key;
}

// node_modules/jose/dist/webapi/lib/key_descriptor.js
function table(entries) {
	const out = { __proto__: null };
	for (const alg in entries) out[alg] = {
		...entries[alg],
		alg
	};
	return out;
}

// node_modules/jose/dist/webapi/lib/jws_algorithms.js
const sig = [["verify"], ["sign"]];
function hmac(bits) {
	const subtle = {
		name: "HMAC",
		hash: `SHA-${bits}`
	};
	return {
		kty: ["oct"],
		secret: !0,
		subtle,
		signing: subtle,
		usages: sig
	};
}
function rsa(bits, saltLength) {
	const subtle = {
		name: saltLength ? "RSA-PSS" : "RSASSA-PKCS1-v1_5",
		hash: `SHA-${bits}`
	};
	return {
		kty: ["RSA"],
		subtle,
		signing: saltLength ? {
			...subtle,
			saltLength
		} : subtle,
		usages: sig,
		minRsaBits: 2048
	};
}
function ecdsa(crv, bits) {
	return {
		kty: ["EC"],
		crv,
		subtle: {
			name: "ECDSA",
			namedCurve: crv
		},
		signing: {
			name: "ECDSA",
			hash: `SHA-${bits}`
		},
		usages: sig
	};
}
function eddsa() {
	const subtle = { name: "Ed25519" };
	return {
		kty: ["OKP"],
		crv: "Ed25519",
		subtle,
		signing: subtle,
		usages: sig
	};
}
function mldsa(parameterSet) {
	const subtle = { name: `ML-DSA-${parameterSet}` };
	return {
		kty: ["AKP"],
		subtle,
		signing: subtle,
		usages: sig
	};
}
const JWS = table({
	HS256: hmac(256),
	HS384: hmac(384),
	HS512: hmac(512),
	RS256: rsa(256),
	RS384: rsa(384),
	RS512: rsa(512),
	PS256: rsa(256, 32),
	PS384: rsa(384, 48),
	PS512: rsa(512, 64),
	ES256: ecdsa("P-256", 256),
	ES384: ecdsa("P-384", 384),
	ES512: ecdsa("P-521", 512),
	EdDSA: eddsa(),
	Ed25519: eddsa(),
	"ML-DSA-44": mldsa(44),
	"ML-DSA-65": mldsa(65),
	"ML-DSA-87": mldsa(87)
});
function jwsAlgorithm(alg) {
	const entry = typeof alg == "string" ? JWS[alg] : void 0;
	if (!entry) throw new JOSENotSupported(`alg ${alg} is not supported either by JOSE or your javascript runtime`);
	return entry;
}

// node_modules/jose/dist/webapi/lib/jws_verify.js
function prepareVerify(options) {
	return [options && validateAlgorithms("algorithms", options.algorithms), options?.crit];
}
function parseProtectedHeader(encodedProtectedHeader) {
	return encodedProtectedHeader === void 0 ? {} : parseJoseHeader(encodedProtectedHeader, JWSInvalid, "JWS Protected Header is invalid");
}
function encodeCompactUnencodedPayload(payload) {
	try {
		return encode$1(payload);
	} catch (cause) {
		throw new JWSInvalid("JWS Compact Serialization payload must use only ASCII characters", { cause });
	}
}
async function verifySignature(jws, shared, key, encodeUnencodedPayload, parsedProtected) {
	const { protected: encodedProtectedHeader, header, payload: inputPayload } = jws, protectedHeader = parsedProtected ?? parseProtectedHeader(encodedProtectedHeader);
	if (!isDisjoint(protectedHeader, header)) throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
	const joseHeader = {
		...protectedHeader,
		...header
	}, b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, shared[1], protectedHeader, joseHeader)), { alg } = joseHeader;
	if (typeof alg != "string" || !alg) throw new JWSInvalid("JWS \"alg\" (Algorithm) Header Parameter missing or invalid");
	if (shared[0] && !shared[0].has(alg)) throw new JOSEAlgNotAllowed("\"alg\" (Algorithm) Header Parameter value not allowed");
	if (b64) {
		if (typeof inputPayload != "string") throw new JWSInvalid("JWS Payload must be a string");
	} else if (typeof inputPayload != "string" && !(inputPayload instanceof Uint8Array)) throw new JWSInvalid("JWS Payload must be a string or an Uint8Array instance");
	const signingPayload = b64 || typeof inputPayload != "string" ? inputPayload : encodeUnencodedPayload(inputPayload);
	let resolvedKey = !1;
	typeof key == "function" && (key = await key(protectedHeader, jws), resolvedKey = !0);
	const entry = jwsAlgorithm(alg), signingInput = concat(encodedProtectedHeader !== void 0 ? encode$1(encodedProtectedHeader) : /* @__PURE__ */ new Uint8Array(), encode$1("."), typeof signingPayload == "string" ? shared[2] ??= encodeAsciiMember(signingPayload, "payload", JWSInvalid) : signingPayload), signature = decodeBase64url(jws.signature, "signature", JWSInvalid), verificationKey = await prepareKey(entry, key, "verify"), cryptoKey = await rawKey(verificationKey, entry.subtle, "verify");
	entry.minRsaBits && checkModulusLength(entry.alg, cryptoKey);
	let verified = !1;
	try {
		verified = await crypto.subtle.verify(entry.signing, cryptoKey, signature, signingInput);
	} catch (cause) {
		throw new JWSSignatureVerificationFailed(void 0, { cause });
	}
	if (!verified) throw new JWSSignatureVerificationFailed();
	const result = { payload: typeof signingPayload == "string" ? decodeBase64url(signingPayload, "payload", JWSInvalid) : signingPayload };
	return encodedProtectedHeader !== void 0 && (result.protectedHeader = protectedHeader), header !== void 0 && (result.unprotectedHeader = header), resolvedKey ? [{
		...result,
		key: verificationKey
	}, b64] : [result, b64];
}
async function verifyCompact(jws, shared, key) {
	if (jws instanceof Uint8Array && (jws = decoder.decode(jws)), typeof jws != "string") throw new JWSInvalid("Compact JWS must be a string or Uint8Array");
	const { 0: protectedHeader, 1: payload, 2: signature, length } = jws.split(".");
	if (length !== 3) throw new JWSInvalid("Invalid Compact JWS");
	return verifySignature({
		payload,
		protected: protectedHeader,
		signature
	}, shared, key, encodeCompactUnencodedPayload);
}

// node_modules/jose/dist/webapi/lib/jwt_claims_set.js
const epoch = (date) => Math.floor(date.getTime() / 1e3);
const multipliers = {
	s: 1,
	m: 60,
	h: 3600,
	d: 86400,
	w: 604800,
	y: 31557600
};
const REGEX = /^(\+|\-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;
const checkFailed = "check_failed";
function invalidDuration() {
	throw new TypeError("Invalid time period format");
}
function secs(str) {
	typeof str != "string" && invalidDuration();
	const matched = REGEX.exec(str);
	(!matched || matched[4] && matched[1]) && invalidDuration();
	const value = parseFloat(matched[2]), durationSeconds = Math.round(value * multipliers[matched[3][0].toLowerCase()]);
	return Number.isFinite(durationSeconds) || invalidDuration(), matched[1] === "-" || matched[4]?.toLowerCase() === "ago" ? -durationSeconds : durationSeconds;
}
function validateInput(label, input) {
	if (!Number.isFinite(input)) throw new TypeError(`Invalid ${label} input`);
	return input;
}
function validateStringClaim(claim, value) {
	if (typeof value != "string") throw new TypeError(`"${claim}" claim must be a string`);
}
function validateAudienceClaim(value) {
	if (typeof value != "string" && (!Array.isArray(value) || Array.from(value).some((member) => typeof member != "string"))) throw new TypeError("\"aud\" claim must be a string or an array of strings");
}
function numericDate(value, label) {
	return typeof value == "number" ? validateInput(label, value) : value instanceof Date ? validateInput(label, epoch(value)) : epoch(/* @__PURE__ */ new Date()) + secs(value);
}
const normalizeTyp = (value) => {
	const normalized = value.toLowerCase();
	return value.includes("/") ? normalized : `application/${normalized}`;
};
const checkAudiencePresence = (audPayload, audOption) => typeof audPayload == "string" ? audOption.includes(audPayload) : Array.isArray(audPayload) ? audOption.some((aud) => audPayload.includes(aud)) : !1;
function validateNumericDate(claimsSet, claim, required = !1) {
	const value = claimsSet[claim];
	if (!(value === void 0 && !required)) {
		if (typeof value != "number") throw new JWTClaimValidationFailed(`"${claim}" claim must be a number`, claimsSet, claim, "invalid");
		return value;
	}
}
function unexpectedClaim(claimsSet, claim) {
	throw new JWTClaimValidationFailed(`unexpected "${claim}" claim value`, claimsSet, claim, checkFailed);
}
function validateClaimsSet(protectedHeader, claimsSetBytes, options = {}) {
	let claimsSet;
	try {
		claimsSet = JSON.parse(strictDecoder.decode(claimsSetBytes));
	} catch (cause) {
		throw new JWTInvalid("JWT Claims Set must be a top-level JSON object", { cause });
	}
	if (!isObject(claimsSet)) throw new JWTInvalid("JWT Claims Set must be a top-level JSON object");
	const { typ } = options;
	if (typ !== void 0 && (typeof protectedHeader.typ != "string" || normalizeTyp(protectedHeader.typ) !== normalizeTyp(typ))) throw new JWTClaimValidationFailed("unexpected \"typ\" JWT header value", claimsSet, "typ", checkFailed);
	const { requiredClaims = [], issuer, subject, audience, maxTokenAge } = options, presenceCheck = [...requiredClaims];
	maxTokenAge !== void 0 && presenceCheck.push("iat"), audience !== void 0 && presenceCheck.push("aud"), subject !== void 0 && presenceCheck.push("sub"), issuer !== void 0 && presenceCheck.push("iss");
	for (const claim of new Set(presenceCheck.reverse())) if (!Object.hasOwn(claimsSet, claim)) throw new JWTClaimValidationFailed(`missing required "${claim}" claim`, claimsSet, claim, "missing");
	issuer !== void 0 && !(Array.isArray(issuer) ? issuer : [issuer]).includes(claimsSet.iss) && unexpectedClaim(claimsSet, "iss"), subject !== void 0 && claimsSet.sub !== subject && unexpectedClaim(claimsSet, "sub"), audience !== void 0 && !checkAudiencePresence(claimsSet.aud, typeof audience == "string" ? [audience] : audience) && unexpectedClaim(claimsSet, "aud");
	const { clockTolerance } = options;
	let tolerance = 0;
	if (typeof clockTolerance == "string") tolerance = secs(clockTolerance);
	else if (clockTolerance !== void 0) {
		if (typeof clockTolerance != "number") throw new TypeError("Invalid clockTolerance option type");
		tolerance = clockTolerance;
	}
	if (validateInput("clockTolerance option", tolerance), tolerance < 0) throw new TypeError("Invalid clockTolerance option input");
	const { currentDate } = options, now = validateInput("currentDate option", epoch(currentDate === void 0 ? /* @__PURE__ */ new Date() : currentDate)), iat = validateNumericDate(claimsSet, "iat", maxTokenAge !== void 0), nbf = validateNumericDate(claimsSet, "nbf");
	if (nbf !== void 0 && nbf > now + tolerance) throw new JWTClaimValidationFailed("\"nbf\" claim timestamp check failed", claimsSet, "nbf", checkFailed);
	const exp = validateNumericDate(claimsSet, "exp");
	if (exp !== void 0 && exp <= now - tolerance) throw new JWTExpired("\"exp\" claim timestamp check failed", claimsSet, "exp", checkFailed);
	if (maxTokenAge !== void 0) {
		const age = now - iat, max = validateInput("maxTokenAge option", typeof maxTokenAge == "number" ? maxTokenAge : secs(maxTokenAge));
		if (max < 0) throw new TypeError("Invalid maxTokenAge option input");
		if (age - tolerance > max) throw new JWTExpired("\"iat\" claim timestamp check failed (too far in the past)", claimsSet, "iat", checkFailed);
		if (age < -tolerance) throw new JWTClaimValidationFailed("\"iat\" claim timestamp check failed (it should be in the past)", claimsSet, "iat", checkFailed);
	}
	return claimsSet;
}
let producerClaimsSets;
function producerClaimsSet(producer) {
	return producerClaimsSets.get(producer);
}
function jwtClaimsSetBytes(producer) {
	const claimsSet = producerClaimsSet(producer);
	for (const claim of [
		"iat",
		"nbf",
		"exp"
	]) {
		const value = claimsSet[claim];
		if (typeof value == "number" && !Number.isFinite(value)) throw new TypeError(`"${claim}" claim must be a finite number`);
	}
	return encoder.encode(JSON.stringify(claimsSet));
}
var JWTClaimsBuilder = class {
	constructor(claimsSet = {}) {
		if (!isObject(claimsSet)) throw new TypeError("JWT Claims Set MUST be an object");
		(producerClaimsSets ||= /* @__PURE__ */ new WeakMap()).set(this, structuredClone(claimsSet));
	}
	setIssuer(value) {
		return validateStringClaim("iss", value), producerClaimsSet(this).iss = value, this;
	}
	setSubject(value) {
		return validateStringClaim("sub", value), producerClaimsSet(this).sub = value, this;
	}
	setAudience(value) {
		return validateAudienceClaim(value), producerClaimsSet(this).aud = value, this;
	}
	setJti(value) {
		return validateStringClaim("jti", value), producerClaimsSet(this).jti = value, this;
	}
	setNotBefore(value) {
		return producerClaimsSet(this).nbf = numericDate(value, "setNotBefore"), this;
	}
	setExpirationTime(value) {
		return producerClaimsSet(this).exp = numericDate(value, "setExpirationTime"), this;
	}
	setIssuedAt(value) {
		const claimsSet = producerClaimsSet(this);
		return value === void 0 ? claimsSet.iat = epoch(/* @__PURE__ */ new Date()) : typeof value == "string" ? claimsSet.iat = validateInput("setIssuedAt", epoch(/* @__PURE__ */ new Date()) + secs(value)) : claimsSet.iat = numericDate(value, "setIssuedAt"), this;
	}
};

// node_modules/jose/dist/webapi/jwt/verify.js
async function jwtVerify(jwt, key, options) {
	const [verified, b64] = await verifyCompact(jwt, prepareVerify(options), key);
	if (!b64) throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
	const payload = validateClaimsSet(verified.protectedHeader, verified.payload, options);
	return {
		...verified,
		payload
	};
}

// node_modules/jose/dist/webapi/lib/jws_sign.js
async function createSignature(input, key, rejectUnencoded) {
	let [payload, protectedHeader, unprotectedHeader, crit] = input, encodedProtectedHeader = "";
	if (protectedHeader !== void 0) {
		const normalized = serializeJoseHeader(JWSInvalid, protectedHeader);
		protectedHeader = normalized[0], encodedProtectedHeader = encode(normalized[1]);
	}
	if (unprotectedHeader !== void 0 && (unprotectedHeader = serializeJoseHeader(JWSInvalid, unprotectedHeader)[0]), !protectedHeader && !unprotectedHeader) throw new JWSInvalid("either setProtectedHeader or setUnprotectedHeader must be called before #sign()");
	if (!isDisjoint(protectedHeader, unprotectedHeader)) throw new JWSInvalid("JWS Protected and JWS Unprotected Header Parameter names must be disjoint");
	const joseHeader = {
		...protectedHeader,
		...unprotectedHeader
	};
	validateCritDuplicates(JWSInvalid, protectedHeader);
	const b64 = validateB64(protectedHeader, validateCrit(JWSInvalid, JWS_RECOGNIZED, crit, protectedHeader, joseHeader));
	b64 || rejectUnencoded?.();
	const { alg } = joseHeader;
	if (typeof alg != "string" || !alg) throw new JWSInvalid("JWS \"alg\" (Algorithm) Header Parameter missing or invalid");
	const entry = jwsAlgorithm(alg);
	let encodedPayload = "", signingPayload = payload, signingInput;
	if (b64) {
		const encodedPayloadCache = input[4];
		encodedPayloadCache ? (encodedPayload = encodedPayloadCache[0] ??= encode(payload), signingPayload = encodedPayloadCache[1] ??= encode$1(encodedPayload)) : (encodedPayload = encode(payload), signingInput = encoder.encode(`${encodedProtectedHeader}.${encodedPayload}`));
	}
	signingInput ??= concat(encode$1(encodedProtectedHeader), encode$1("."), signingPayload);
	const signingKey = await rawKey(await prepareKey(entry, key, "sign"), entry.subtle, "sign");
	entry.minRsaBits && checkModulusLength(entry.alg, signingKey);
	const jws = {
		signature: encode(new Uint8Array(await crypto.subtle.sign(entry.signing, signingKey, signingInput))),
		payload: encodedPayload
	};
	return protectedHeader && (jws.protected = encodedProtectedHeader), unprotectedHeader && (jws.header = unprotectedHeader), [jws, b64];
}
async function createCompactSignature(payload, protectedHeader, crit, key, rejectUnencoded) {
	const [jws] = await createSignature([
		payload,
		protectedHeader,
		void 0,
		crit
	], key, rejectUnencoded);
	return `${jws.protected}.${jws.payload}.${jws.signature}`;
}

// node_modules/jose/dist/webapi/jwt/sign.js
const SignJWT_base = JWTClaimsBuilder;
var SignJWT = class extends SignJWT_base {
	#protectedHeader;
	setProtectedHeader(protectedHeader) {
		return assertNotSet(this.#protectedHeader, "setProtectedHeader"), this.#protectedHeader = protectedHeader, this;
	}
	async sign(key, options) {
		return createCompactSignature(jwtClaimsSetBytes(this), this.#protectedHeader, options?.crit, key, () => {
			throw new JWTInvalid("JWTs MUST NOT use unencoded payload");
		});
	}
};

// dist/src/engine/identity.js
/**
* Identity: API key → JWT, owner magic links (token or 6-digit code), select-agent downscoping,
* API-key recovery. JWTs are HS256 with a secret generated once per database; every JWT carries
* its subject's `token_version` (`ver`), so issuing a new key (rotate, recover) refuses every
* token issued before. Rules live here; src/api only parses and answers.
*/
const MINUTE_MS = 6e4;
/** Bounds of the identity flows (reference where it says so, else ours). */
const IDENTITY_LIMITS = {
	jwt_ttl_s: LIMITS.jwt_ttl_s,
	magic_link_ttl_ms: 15 * MINUTE_MS,
	magic_links_per_email_per_hour: 5,
	code_attempts_max: 5,
	recovery_token_ttl_ms: 15 * MINUTE_MS,
	recovery_interval_ms: 1440 * MINUTE_MS
};
const ISSUER = "voxpact";
const AUDIENCE = "voxpact-api";
const rateLimited = (message, retryAfterMs) => {
	const s = Math.max(1, Math.ceil(retryAfterMs / 1e3));
	return new VoxError("rate_limited", `${message}: retry after ${s} s`, 429, { retry_after_s: s });
};
const same = (a, b) => {
	const x = Buffer.from(a), y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
};
/** API keys look like vxp_…; JWTs are three base64url parts. */
const looksLikeApiKey = (credential) => credential.startsWith("vxp_");
var Identity = class {
	ctx;
	secret = null;
	constructor(ctx) {
		this.ctx = ctx;
	}
	/** The per-database HS256 secret, created by whichever process needs it first. */
	key() {
		if (this.secret) return this.secret;
		writeTx(this.ctx.db, () => {
			this.ctx.db.prepare("INSERT OR IGNORE INTO secrets (name, value, created_at) VALUES ('jwt_hs256', ?, ?)").run(randomBytes(32).toString("base64url"), this.ctx.clock.now());
		});
		const row = this.ctx.db.prepare("SELECT value FROM secrets WHERE name = 'jwt_hs256'").get();
		this.secret = new Uint8Array(Buffer.from(row.value, "base64url"));
		return this.secret;
	}
	async sign(scope, sub, ver) {
		const iat = Math.floor(this.ctx.clock.now() / 1e3);
		const exp = iat + IDENTITY_LIMITS.jwt_ttl_s;
		return {
			token: await new SignJWT({
				scope,
				ver
			}).setProtectedHeader({
				alg: "HS256",
				typ: "JWT"
			}).setSubject(sub).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(iat).setExpirationTime(exp).setJti(uuid()).sign(this.key()),
			token_type: "Bearer",
			expires_in: IDENTITY_LIMITS.jwt_ttl_s,
			expires_at: iso(exp * 1e3),
			scope,
			...scope === "agent" ? { agent_id: sub } : { owner_id: sub }
		};
	}
	agentRow(id) {
		return this.ctx.db.prepare("SELECT id, owner_id, status, token_version FROM agents WHERE id = ?").get(id);
	}
	async agentToken(agentId) {
		const a = this.agentRow(agentId);
		if (!a || a.status !== "active") throw notFound("agent", agentId);
		return this.sign("agent", a.id, a.token_version);
	}
	async ownerToken(ownerId) {
		const o = this.ctx.db.prepare("SELECT token_version FROM owners WHERE id = ?").get(ownerId);
		return this.sign("owner", ownerId, o.token_version);
	}
	/** A JWT → who it speaks for. Expired, forged, `alg: none`, revoked: 401 with the reason. */
	async verifyJwt(jwt) {
		let payload;
		try {
			({payload} = await jwtVerify(jwt, this.key(), {
				algorithms: ["HS256"],
				issuer: ISSUER,
				audience: AUDIENCE,
				currentDate: new Date(this.ctx.clock.now()),
				requiredClaims: ["exp", "sub"]
			}));
		} catch (e) {
			if (e instanceof JWTExpired) throw new VoxError("token_expired", "the JWT has expired: refresh it before expiry (POST /v1/agents/auth/refresh) or exchange the API key again (POST /v1/agents/auth/token)", 401);
			throw new VoxError("invalid_token", `the bearer token is not a valid VoxPact JWT (${e instanceof JOSEError ? e.code : "malformed"})`, 401);
		}
		const { sub, scope, ver, exp } = payload;
		const revoked = () => new VoxError("token_revoked", "this JWT was issued before the API key was rotated or recovered (all sessions were invalidated): get a new token", 401);
		if (scope === "agent") {
			const a = this.agentRow(sub);
			if (!a || a.status !== "active") throw unauthorized("the agent of this token is not active (deleted or not activated)");
			if (ver !== a.token_version) throw revoked();
			return {
				scope: "agent",
				agentId: a.id,
				ownerId: a.owner_id,
				via: "jwt",
				expiresAtMs: exp * 1e3
			};
		}
		if (scope === "owner") {
			const o = this.ctx.db.prepare("SELECT id, email, token_version FROM owners WHERE id = ?").get(sub);
			if (!o) throw unauthorized("the owner of this token does not exist");
			if (ver !== o.token_version) throw revoked();
			return {
				scope: "owner",
				ownerId: o.id,
				email: o.email,
				via: "jwt",
				expiresAtMs: exp * 1e3
			};
		}
		throw new VoxError("invalid_token", "the JWT has no valid scope", 401);
	}
	/** `Authorization: Bearer …` of /mcp and /v1/events: an API key or a JWT. */
	async authenticate(credential) {
		if (looksLikeApiKey(credential)) {
			const agentId = authenticate(this.ctx, credential);
			return {
				scope: "agent",
				agentId,
				ownerId: this.agentRow(agentId).owner_id,
				via: "api_key",
				expiresAtMs: null
			};
		}
		return this.verifyJwt(credential);
	}
	/** POST /v1/agents/auth/token. `owner_email`, when given, must be the owner's. */
	async exchangeApiKey(apiKey, ownerEmail) {
		const agentId = authenticate(this.ctx, apiKey);
		if (ownerEmail !== void 0) {
			if (this.ctx.db.prepare("SELECT o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?").get(agentId).email !== ownerEmail.toLowerCase()) throw new VoxError("unauthorized", "owner_email is not the email of this agent's owner", 401, { field: "owner_email" });
		}
		return this.agentToken(agentId);
	}
	/** POST /v1/agents/auth/refresh: a fresh hour for a still-valid token of either scope. */
	async refresh(p) {
		return p.scope === "agent" ? this.agentToken(p.agentId) : this.ownerToken(p.ownerId);
	}
	/**
	* Mail a sign-in link and a 6-digit code. The answer is the same whether or not the email owns
	* agents (no account probing); requests per email are bounded either way.
	*/
	requestMagicLink(email) {
		const e = email.toLowerCase();
		const now = this.ctx.clock.now();
		return writeTx(this.ctx.db, () => {
			const recent = this.ctx.db.prepare("SELECT COUNT(*) n, MIN(created_at) first FROM owner_logins WHERE email = ? AND created_at > ?").get(e, now - 60 * MINUTE_MS);
			if (recent.n >= IDENTITY_LIMITS.magic_links_per_email_per_hour) throw rateLimited(`at most ${IDENTITY_LIMITS.magic_links_per_email_per_hour} sign-in links per email per hour`, recent.first + 60 * MINUTE_MS - now);
			const owner = this.ctx.db.prepare("SELECT id FROM owners WHERE email = ?").get(e);
			const id = uuid();
			const expires = now + IDENTITY_LIMITS.magic_link_ttl_ms;
			if (!owner) this.ctx.db.prepare("INSERT INTO owner_logins (id, email, owner_id, expires_at, created_at) VALUES (?, ?, NULL, ?, ?)").run(id, e, expires, now);
			else {
				const link = uuid();
				const code = String(randomInt(0, 1e6)).padStart(6, "0");
				this.ctx.db.prepare("INSERT INTO owner_logins (id, email, owner_id, token_hash, code_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(id, e, owner.id, sha256(link), sha256(`${id}:${code}`), expires, now);
				sendMail(this.ctx, e, "Your VoxPact sign-in link", `Sign in to VoxPact as ${e}.\n\nMagic link token: ${link}\nOpen: /owners/verify?token=${link}\n\nOr enter this code: ${code}\n\nBoth expire in ${IDENTITY_LIMITS.magic_link_ttl_ms / MINUTE_MS} minutes and work once. If you did not ask for this, ignore this email.\n`);
			}
			return {
				message: "If this email owns VoxPact agents, a sign-in link and code were sent to it.",
				expires_in: IDENTITY_LIMITS.magic_link_ttl_ms / 1e3
			};
		});
	}
	/** POST /v1/owners/auth/verify: the link token, or email + code (single use, bounded guesses). */
	async verifyOwnerLogin(input) {
		const now = this.ctx.clock.now();
		const outcome = writeTx(this.ctx.db, () => {
			if (input.token !== void 0) {
				const l = this.ctx.db.prepare("SELECT * FROM owner_logins WHERE token_hash = ?").get(sha256(input.token));
				if (!l || !l.owner_id) return { error: new VoxError("invalid_token", "the magic link token is unknown: request a new link", 401, { field: "token" }) };
				if (l.used_at != null) return { error: new VoxError("invalid_token", "the magic link was already used: request a new link", 401, { field: "token" }) };
				if (l.expires_at <= now) return { error: new VoxError("invalid_token", "the magic link has expired (15 minutes): request a new link", 401, { field: "token" }) };
				this.ctx.db.prepare("UPDATE owner_logins SET used_at = ? WHERE id = ?").run(now, l.id);
				return { ownerId: l.owner_id };
			}
			const e = input.email.toLowerCase();
			const l = this.ctx.db.prepare("SELECT * FROM owner_logins WHERE email = ? AND owner_id IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1").get(e);
			const none = new VoxError("invalid_code", "no valid sign-in code for this email (wrong email, expired, used or too many attempts): request a new magic link", 401, { field: "code" });
			if (!l || l.used_at != null || l.expires_at <= now || l.attempts >= IDENTITY_LIMITS.code_attempts_max) return { error: none };
			if (!same(sha256(`${l.id}:${input.code}`), l.code_hash)) {
				this.ctx.db.prepare("UPDATE owner_logins SET attempts = attempts + 1 WHERE id = ?").run(l.id);
				const left = IDENTITY_LIMITS.code_attempts_max - l.attempts - 1;
				return { error: new VoxError("invalid_code", left > 0 ? `the code is wrong (${left} attempt(s) left)` : "the code is wrong and no attempts are left: request a new magic link", 401, { field: "code" }) };
			}
			this.ctx.db.prepare("UPDATE owner_logins SET used_at = ? WHERE id = ?").run(now, l.id);
			return { ownerId: l.owner_id };
		});
		if ("error" in outcome) throw outcome.error;
		return this.ownerToken(outcome.ownerId);
	}
	/** POST /v1/owners/auth/select-agent: an agent token, for one of this owner's active agents only. */
	async selectAgent(ownerId, agentId) {
		const a = this.agentRow(agentId);
		if (!a || a.owner_id !== ownerId || a.status === "deleted") throw notFound("agent", agentId);
		if (a.status !== "active") throw new VoxError("agent_not_active", `agent '${agentId}' is '${a.status}': activate it first`, 409, { field: "agent_id" });
		return this.sign("agent", a.id, a.token_version);
	}
	/** GET /v1/owners/me/agents. */
	ownerAgents(ownerId) {
		const items = this.ctx.db.prepare("SELECT id, name, status, trust_score, created_at FROM agents WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at, id").all(ownerId).map((r) => ({
			id: r.id,
			name: r.name,
			status: r.status,
			trust_score: r.trust_score,
			level: tierOf(r.trust_score).tier,
			created_at: iso(r.created_at)
		}));
		return {
			items,
			count: items.length
		};
	}
	ownerOf(agentId) {
		return this.agentRow(agentId)?.owner_id ?? null;
	}
	/**
	* POST /v1/agents/recover-key: one request per email per 24 h (429 otherwise). Mails a
	* 15-minute token when the email owns that active agent; the answer never says whether it does.
	*/
	requestKeyRecovery(email, agentId) {
		const e = email.toLowerCase();
		const now = this.ctx.clock.now();
		return writeTx(this.ctx.db, () => {
			const last = this.ctx.db.prepare("SELECT MAX(created_at) t FROM key_recoveries WHERE email = ?").get(e);
			if (last.t != null && last.t + IDENTITY_LIMITS.recovery_interval_ms > now) throw rateLimited("key recovery is limited to 1 request per 24 hours per email", last.t + IDENTITY_LIMITS.recovery_interval_ms - now);
			const a = this.ctx.db.prepare("SELECT a.id, a.name FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ? AND o.email = ? AND a.status = 'active'").get(agentId, e);
			const expires = now + IDENTITY_LIMITS.recovery_token_ttl_ms;
			if (!a) this.ctx.db.prepare("INSERT INTO key_recoveries (email, agent_id, token_hash, expires_at, created_at) VALUES (?, NULL, NULL, ?, ?)").run(e, expires, now);
			else {
				const t = token("vxr", 32);
				this.ctx.db.prepare("INSERT INTO key_recoveries (email, agent_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?)").run(e, a.id, sha256(t), expires, now);
				sendMail(this.ctx, e, `Recover the API key of "${a.name}"`, `Someone asked to recover the API key of agent ${a.name} (${a.id}).\n\nRecovery token: ${t}\nConfirm with POST /v1/agents/confirm-recovery { "token": "${t}" } within ${IDENTITY_LIMITS.recovery_token_ttl_ms / MINUTE_MS} minutes. A new key is then mailed to you and every session of the old one ends. If you did not ask for this, ignore this email.
`);
			}
			return { message: "If this email owns that agent, a recovery token was sent to it. It expires in 15 minutes." };
		});
	}
	/** POST /v1/agents/confirm-recovery: a new key, mailed (never returned); every older JWT dies. */
	confirmKeyRecovery(token) {
		const now = this.ctx.clock.now();
		return writeTx(this.ctx.db, () => {
			const r = this.ctx.db.prepare("SELECT id, agent_id, expires_at, used_at FROM key_recoveries WHERE token_hash = ?").get(sha256(token));
			const bad = (why) => new VoxError("invalid_token", `the recovery token ${why}: request a new one (POST /v1/agents/recover-key)`, 400, { field: "token" });
			if (!r) throw bad("is unknown");
			if (r.used_at != null) throw bad("was already used");
			if (r.expires_at <= now) throw bad("has expired (15 minutes)");
			const a = this.agentRow(r.agent_id);
			if (!a || a.status !== "active") throw bad("belongs to an agent that is no longer active");
			this.ctx.db.prepare("UPDATE key_recoveries SET used_at = ? WHERE id = ?").run(now, r.id);
			issueKey(this.ctx, r.agent_id, "recovered");
			return {
				agent_id: r.agent_id,
				message: "New API key sent to owner email. All sessions invalidated."
			};
		});
	}
};
const identities = /* @__PURE__ */ new WeakMap();
/** One Identity per engine context (it caches the secret). */
function identityOf(ctx) {
	let i = identities.get(ctx);
	if (!i) identities.set(ctx, i = new Identity(ctx));
	return i;
}

// dist/src/engine/index.js
/**
* The embedded marketplace engine. One Engine per database file; `as(agentId)` gives the
* Marketplace view one authenticated agent uses. Several processes may open the same file.
*/
var Engine = class Engine {
	db;
	clock;
	rails;
	ctx;
	constructor(db, clock, rails) {
		this.db = db;
		this.clock = clock;
		this.rails = rails;
		this.ctx = {
			db,
			clock
		};
	}
	static open(opts) {
		const path = opts.dbPath ?? join(opts.dataDir ?? ".", "voxpact.db");
		return new Engine(openDb(path), opts.clock ?? systemClock(), opts.rails ?? {
			maxJobCents: null,
			confirmAboveCents: null
		});
	}
	as(agentId) {
		getAgentRow(this.ctx, agentId);
		return new EmbeddedMarketplace(this.ctx, agentId, this.rails);
	}
	authenticate(apiKey) {
		return authenticate(this.ctx, apiKey);
	}
	/**
	* Register, activate (paying the activation fee with `card` when the owner already has an
	* active agent) and save `card` — the local operator's shortcut for `agents create`.
	*/
	createLocalAgent(o) {
		return writeTx(this.db, () => {
			const { agent_id } = registerAgent(this.ctx, o);
			const token = this.db.prepare("SELECT activation_token t FROM agents WHERE id = ?").get(agent_id).t;
			const act = activate(this.ctx, token, true);
			const key = act.api_key ?? (() => {
				if (!o.card) throw new Error("this owner already has an active agent: the 5.00 EUR activation fee needs --card");
				return payCheckout(this.ctx, act.checkout_id, o.card).api_key;
			})();
			if (o.card) saveCard(this.ctx, agent_id, o.card);
			return {
				agent_id,
				api_key: key
			};
		});
	}
	/** JWTs, owner magic links, key recovery (src/engine/identity.ts). */
	get identity() {
		return identityOf(this.ctx);
	}
	/**
	* What anyone may do without being an agent (the public REST endpoints): register (after the
	* webhook.ping, as EmbeddedMarketplace does), read profiles, reviews, open jobs, platform info.
	*/
	get anonymous() {
		const ctx = this.ctx;
		const read = (fn) => ctx.db.transaction(fn).deferred();
		return {
			registerAgent: (input) => pingWebhook(input.webhook_url, { agent_name: input.name }).then(() => writeTx(this.db, () => registerAgent(ctx, input))),
			searchAgents: (input) => read(() => searchAgents(ctx, input)),
			getAgent: (id) => read(() => publicAgent(ctx, id)),
			listAgentReviews: (id, limit, offset) => read(() => listReviews(ctx, id, limit, offset)),
			browseOpenJobs: (input) => read(() => browseOpenJobs(ctx, null, input)),
			getPlatformInfo: () => platformInfo("embedded", this.rails)
		};
	}
	/** Admin: register → activation link/token → pay checkout (tests and the dashboard use these). */
	registerAgent(input) {
		return writeTx(this.db, () => registerAgent(this.ctx, input));
	}
	activationInfo(token) {
		return activationInfo(this.ctx, token);
	}
	activate(token, termsAgreed) {
		return writeTx(this.db, () => activate(this.ctx, token, termsAgreed));
	}
	payCheckout(checkoutId, card) {
		return writeTx(this.db, () => payCheckout(this.ctx, checkoutId, card));
	}
	rotateKey(agentId) {
		return writeTx(this.db, () => issueKey(this.ctx, agentId, "rotated"));
	}
	deleteAgent(callerId, targetId) {
		return writeTx(this.db, () => deleteAgent(this.ctx, callerId, targetId));
	}
	freezeJob(jobId, reason) {
		return writeTx(this.db, () => freezeJob(this.ctx, jobId, reason));
	}
	unfreezeJob(jobId, reason) {
		return writeTx(this.db, () => unfreezeJob(this.ctx, jobId, reason));
	}
	outbox() {
		return this.db.prepare("SELECT id, to_email, subject, body, created_at FROM mail ORDER BY created_at, rowid").all().map((m) => ({
			id: m.id,
			to: m.to_email,
			subject: m.subject,
			body: m.body,
			created_at: iso(m.created_at)
		}));
	}
	runTimers() {
		const result = runDueTimers(this.ctx, TIMER_HANDLERS);
		this.housekeeping();
		return result;
	}
	/** Bound what grows: the change feed keeps 7 days, idempotency answers 24 h, fired timers 30 days. */
	housekeeping() {
		const now = this.clock.now();
		writeTx(this.db, () => {
			this.db.prepare("DELETE FROM changes WHERE created_at < ?").run(now - 6048e5);
			this.db.prepare("DELETE FROM idempotency WHERE created_at < ?").run(now - 864e5);
			this.db.prepare("DELETE FROM timers WHERE fired_at IS NOT NULL AND fired_at < ?").run(now - 2592e6);
		});
	}
	/** The ledger invariants of DESIGN.md; empty when the books are right. */
	checkInvariants() {
		return checkInvariants(this.db);
	}
	/** Totals of the ledger by account family, for the demo and the CLI. */
	ledgerSummary() {
		const rows = this.db.prepare(`SELECT substr(account, 1, instr(account, ':') - 1) family, SUM(balance_cents) cents FROM balances GROUP BY family ORDER BY family`).all();
		return Object.fromEntries(rows.map((r) => [r.family, r.cents / 100]));
	}
	close() {
		this.db.close();
	}
};

export { ReadBuffer as n, serializeMessage as r, Engine as t };