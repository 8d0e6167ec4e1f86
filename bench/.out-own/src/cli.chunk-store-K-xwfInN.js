import { c as iso } from "./cli.js";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { crc32 } from "node:zlib";
import Database from "better-sqlite3";

// bench/.out/src/engine/migrations.js
/**
* Versioned schema. Each entry runs once, in order, inside one transaction; PRAGMA user_version
* records how far a database has come. Never edit a shipped migration: add the next one.
* Money columns are integer cents (`_cents`), times are epoch milliseconds (`_at`).
*/
const MIGRATIONS = [
	`
  CREATE TABLE owners (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE agents (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES owners(id),
    name TEXT NOT NULL,
    description TEXT,
    capabilities TEXT NOT NULL DEFAULT '[]',
    webhook_url TEXT,
    rate_card TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending_verification','pending_payment','active','deleted')),
    trust_score REAL NOT NULL DEFAULT 50 CHECK (trust_score BETWEEN 0 AND 100),
    monthly_spending_limit_cents INTEGER CHECK (monthly_spending_limit_cents >= 0),
    api_key_hash TEXT UNIQUE,
    api_key_prefix TEXT,
    key_issued_at INTEGER,
    activation_token TEXT UNIQUE,
    completed_jobs INTEGER NOT NULL DEFAULT 0,
    rating_sum INTEGER NOT NULL DEFAULT 0,
    rating_count INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    activated_at INTEGER
  );
  CREATE INDEX agents_owner ON agents(owner_id);
  CREATE TABLE agent_capabilities (
    agent_id TEXT NOT NULL REFERENCES agents(id),
    capability TEXT NOT NULL,
    PRIMARY KEY (capability, agent_id)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE agents_fts USING fts5(name, description, capabilities, content='', contentless_delete=1);

  CREATE TABLE checkouts (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents(id),
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','paid')),
    created_at INTEGER NOT NULL,
    paid_at INTEGER
  );

  CREATE TABLE payment_methods (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES owners(id),
    test_token TEXT NOT NULL,
    brand TEXT NOT NULL,
    last4 TEXT NOT NULL,
    exp_month INTEGER NOT NULL,
    exp_year INTEGER NOT NULL,
    is_default INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    deleted_at INTEGER
  );
  CREATE INDEX payment_methods_owner ON payment_methods(owner_id);
  CREATE TABLE setup_intents (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE charges (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    job_id TEXT,
    payment_method_id TEXT,
    amount_cents INTEGER NOT NULL,
    purpose TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('succeeded','failed')),
    error_code TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX charges_job ON charges(job_id);

  CREATE TABLE jobs (
    id TEXT PRIMARY KEY,
    buyer_id TEXT NOT NULL REFERENCES agents(id),
    worker_id TEXT REFERENCES agents(id),
    job_type TEXT NOT NULL CHECK (job_type IN ('direct','open')),
    status TEXT NOT NULL,
    frozen_from TEXT,
    title TEXT NOT NULL,
    task_spec TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents >= 500),
    budget_cents INTEGER NOT NULL,
    deadline_hours INTEGER NOT NULL,
    deadline_at INTEGER,
    bid_window_hours INTEGER,
    bid_window_closes_at INTEGER,
    bidding_closed INTEGER NOT NULL DEFAULT 0,
    min_acceptable_price_cents INTEGER,
    required_capabilities TEXT NOT NULL DEFAULT '[]',
    validation_criteria TEXT,
    auto_accept_rule TEXT,
    max_revisions INTEGER NOT NULL,
    revision_count INTEGER NOT NULL DEFAULT 0,
    platform_fee_cents INTEGER,
    worker_payout_cents INTEGER,
    cancellation_fee_cents INTEGER,
    bid_count INTEGER NOT NULL DEFAULT 0,
    payment_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    funded_at INTEGER,
    delivered_at INTEGER,
    completed_at INTEGER
  );
  CREATE INDEX jobs_buyer ON jobs(buyer_id, created_at);
  CREATE INDEX jobs_worker ON jobs(worker_id, created_at);
  CREATE INDEX jobs_open ON jobs(created_at) WHERE status = 'open' AND bidding_closed = 0;
  CREATE TABLE job_capabilities (
    job_id TEXT NOT NULL REFERENCES jobs(id),
    capability TEXT NOT NULL,
    PRIMARY KEY (capability, job_id)
  ) WITHOUT ROWID;
  CREATE VIRTUAL TABLE jobs_fts USING fts5(title, description, capabilities, content='', contentless_delete=1);

  CREATE TABLE transitions (
    id INTEGER PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    from_status TEXT,
    to_status TEXT NOT NULL,
    action TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_agent_id TEXT,
    reason TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX transitions_job ON transitions(job_id, id);

  CREATE TABLE bids (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    worker_id TEXT NOT NULL REFERENCES agents(id),
    proposed_price_cents INTEGER NOT NULL CHECK (proposed_price_cents >= 500),
    estimated_hours REAL,
    message TEXT,
    status TEXT NOT NULL CHECK (status IN ('active','countered','accepted','rejected','withdrawn')),
    counter_price_cents INTEGER,
    counter_message TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX bids_job ON bids(job_id, created_at);
  CREATE INDEX bids_worker ON bids(worker_id, job_id, created_at);

  CREATE TABLE deliverables (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    revision_number INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    content TEXT,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    metadata TEXT,
    created_at INTEGER NOT NULL,
    UNIQUE (job_id, revision_number)
  );

  -- Double-entry ledger. Transactions and entries are immutable: a mistake is corrected by
  -- another transaction. Each transaction's entries sum to zero (checked at write time).
  CREATE TABLE ledger_txns (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    job_id TEXT,
    agent_id TEXT,
    ref TEXT UNIQUE,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX ledger_txns_job ON ledger_txns(job_id);
  CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    txn_id INTEGER NOT NULL REFERENCES ledger_txns(id),
    account TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents <> 0),
    created_at INTEGER NOT NULL
  );
  CREATE INDEX ledger_entries_account ON ledger_entries(account, created_at);
  CREATE INDEX ledger_entries_txn ON ledger_entries(txn_id);
  CREATE TABLE balances (
    account TEXT PRIMARY KEY,
    balance_cents INTEGER NOT NULL
  ) WITHOUT ROWID;

  CREATE TABLE timers (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    job_id TEXT,
    due_at INTEGER NOT NULL,
    fired_at INTEGER,
    outcome TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX timers_due ON timers(due_at) WHERE fired_at IS NULL;
  CREATE INDEX timers_job ON timers(job_id);

  CREATE TABLE notifications (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    message TEXT NOT NULL,
    job_id TEXT,
    read INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX notifications_agent ON notifications(agent_id, created_at);

  -- Every event of the reference's webhook list, as an outbox: webhooks are delivered from it.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id TEXT NOT NULL,
    event TEXT NOT NULL,
    job_id TEXT,
    payload TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX events_agent ON events(agent_id, seq);

  -- What changed for whom: followed by MCP resource subscriptions in every process.
  CREATE TABLE changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_id TEXT NOT NULL,
    job_id TEXT,
    type TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX changes_agent ON changes(agent_id, seq);

  CREATE TABLE mail (
    id TEXT PRIMARY KEY,
    to_email TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );

  CREATE TABLE reviews (
    job_id TEXT NOT NULL REFERENCES jobs(id),
    reviewer_id TEXT NOT NULL,
    reviewee_id TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (job_id, reviewer_id)
  );
  CREATE INDEX reviews_reviewee ON reviews(reviewee_id, created_at);

  CREATE TABLE trust_events (
    id INTEGER PRIMARY KEY,
    agent_id TEXT NOT NULL,
    old_score REAL NOT NULL,
    new_score REAL NOT NULL,
    delta REAL NOT NULL,
    reason TEXT NOT NULL,
    job_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX trust_events_agent ON trust_events(agent_id, id);

  CREATE TABLE idempotency (
    agent_id TEXT NOT NULL,
    key TEXT NOT NULL,
    operation TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, key)
  );
  `,
	`
  CREATE TABLE secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  -- Every JWT carries the subject's token_version; bumping it refuses all tokens issued before.
  ALTER TABLE agents ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE owners ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE owner_logins (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL,
    owner_id TEXT,
    token_hash TEXT UNIQUE,
    code_hash TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX owner_logins_email ON owner_logins(email, created_at);
  CREATE TABLE key_recoveries (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    agent_id TEXT,
    token_hash TEXT UNIQUE,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX key_recoveries_email ON key_recoveries(email, created_at);
  -- What a change refers to (for 'notification' changes: the notification id and the events
  -- row), so /v1/events can send the notification and the event's payload.
  ALTER TABLE changes ADD COLUMN ref TEXT;
  ALTER TABLE changes ADD COLUMN event_seq INTEGER;
  `,
	`
  ALTER TABLE agents ADD COLUMN webhook_secret TEXT;
  ALTER TABLE agents ADD COLUMN webhook_disabled_at INTEGER;
  -- One row per event to deliver. 'sending' rows are leased: next_attempt_at is the lease end,
  -- after which another worker may take the delivery over (the sender crashed).
  CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY,
    event_seq INTEGER NOT NULL UNIQUE,
    agent_id TEXT NOT NULL,
    event TEXT NOT NULL,
    job_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('pending','sending','delivered','failed','skipped')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER,
    claim_id TEXT,
    last_http_status INTEGER,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_attempt_at) WHERE status IN ('pending','sending');
  CREATE INDEX webhook_deliveries_agent ON webhook_deliveries(agent_id, status);
  CREATE TABLE webhook_attempts (
    id INTEGER PRIMARY KEY,
    delivery_id INTEGER NOT NULL,
    agent_id TEXT NOT NULL,
    event_seq INTEGER NOT NULL,
    event TEXT NOT NULL,
    job_id TEXT,
    url TEXT,
    attempt INTEGER NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('delivered','retrying','failed','disabled')),
    http_status INTEGER,
    error TEXT,
    next_retry_at INTEGER,
    duration_ms INTEGER,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX webhook_attempts_agent ON webhook_attempts(agent_id, id);
  -- The outbox is filled in the same transaction as the event: every event of an agent with a
  -- working webhook_url gets a delivery.
  CREATE TRIGGER events_webhook_outbox AFTER INSERT ON events
  WHEN EXISTS (SELECT 1 FROM agents WHERE id = NEW.agent_id AND webhook_url IS NOT NULL AND webhook_disabled_at IS NULL AND status = 'active')
  BEGIN
    INSERT INTO webhook_deliveries (event_seq, agent_id, event, job_id, status, attempts, next_attempt_at, created_at, updated_at)
    VALUES (NEW.seq, NEW.agent_id, NEW.event, NEW.job_id, 'pending', 0, NEW.created_at, NEW.created_at, NEW.created_at);
  END;
  `,
	`
  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    uploaded_by TEXT NOT NULL REFERENCES agents(id),
    purpose TEXT NOT NULL CHECK (purpose IN ('input','deliverable')),
    upload_status TEXT NOT NULL CHECK (upload_status IN ('pending','confirmed','failed','deleted')),
    original_filename TEXT NOT NULL,
    storage_key TEXT NOT NULL UNIQUE,
    store TEXT NOT NULL,
    content_type TEXT NOT NULL,
    declared_size_bytes INTEGER NOT NULL CHECK (declared_size_bytes > 0),
    size_bytes INTEGER,
    sha256 TEXT,
    etag TEXT,
    detected_type TEXT,
    revision_number INTEGER NOT NULL,
    deliverable_id TEXT,
    metadata TEXT,
    failure_reason TEXT,
    upload_expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    confirmed_at INTEGER,
    deleted_at INTEGER,
    object_removed_at INTEGER
  );
  CREATE INDEX files_job ON files(job_id, purpose, created_at);
  -- Who got which URL, downloaded or previewed which file, when. Append-only.
  CREATE TABLE file_access_log (
    id INTEGER PRIMARY KEY,
    file_id TEXT NOT NULL,
    job_id TEXT NOT NULL,
    agent_id TEXT,
    action TEXT NOT NULL,
    detail TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX file_access_log_file ON file_access_log(file_id, id);
  -- A deliverable may be a confirmed file (its bytes live in the blob store).
  ALTER TABLE deliverables ADD COLUMN file_id TEXT;
  `,
	`
  -- One row per validation run of a delivery. 'running' rows are leased (lease_until) so a
  -- crashed runner's work is taken over; record + signature are the signed verifiable record.
  CREATE TABLE validations (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    deliverable_id TEXT NOT NULL,
    revision_number INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','running','passed','failed','unavailable','superseded')),
    plan TEXT NOT NULL,
    claim_id TEXT,
    lease_until INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    passed INTEGER,
    confidence REAL,
    consensus INTEGER,
    validator_type TEXT,
    reasoning TEXT,
    auto_approved INTEGER NOT NULL DEFAULT 0,
    record TEXT,
    signature TEXT,
    created_at INTEGER NOT NULL,
    decided_at INTEGER
  );
  CREATE INDEX validations_job ON validations(job_id, created_at);
  CREATE INDEX validations_deliverable ON validations(deliverable_id, created_at);
  CREATE INDEX validations_runnable ON validations(created_at) WHERE status IN ('pending','running');
  -- Agents whose MCP client can sample, per process, refreshed while the session lives.
  CREATE TABLE sampling_presence (
    agent_id TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (agent_id, instance_id)
  ) WITHOUT ROWID;

  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL REFERENCES jobs(id),
    sender_id TEXT NOT NULL,
    recipient_id TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('question','reply','info','update')),
    content TEXT NOT NULL,
    file_id TEXT,
    created_at INTEGER NOT NULL
  );
  CREATE INDEX messages_job ON messages(job_id, created_at);

  -- One dispute per job (a ruling ends the job). Money moves only when status becomes 'resolved'.
  CREATE TABLE disputes (
    id TEXT PRIMARY KEY,
    job_id TEXT NOT NULL UNIQUE REFERENCES jobs(id),
    opened_by TEXT NOT NULL,
    opener_role TEXT NOT NULL CHECK (opener_role IN ('buyer','worker')),
    reason TEXT NOT NULL,
    evidence TEXT NOT NULL DEFAULT '[]',
    validation_id TEXT,
    status TEXT NOT NULL CHECK (status IN ('arbitrating','ruled','escalated','resolved')),
    tier INTEGER NOT NULL CHECK (tier IN (1, 2)),
    ruling TEXT CHECK (ruling IN ('buyer_wins','worker_wins','split')),
    worker_share_percent INTEGER CHECK (worker_share_percent BETWEEN 1 AND 99),
    confidence REAL,
    reasoning TEXT,
    ruled_by TEXT CHECK (ruled_by IN ('ai','admin')),
    arbiter_model TEXT,
    arbiter_record TEXT,
    arbiter_signature TEXT,
    tier1 TEXT,
    ruled_at INTEGER,
    review_deadline_at INTEGER,
    escalated_at INTEGER,
    escalated_by TEXT,
    escalation_reason TEXT,
    sla_due_at INTEGER,
    sla_breached_at INTEGER,
    resolved_at INTEGER,
    resolution_note TEXT,
    worker_payout_cents INTEGER,
    platform_fee_cents INTEGER,
    refund_cents INTEGER,
    claim_id TEXT,
    lease_until INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX disputes_status ON disputes(status, created_at);
  `,
	`
  ALTER TABLE mail ADD COLUMN body_path TEXT;
  `,
	`
  -- A worker's active-job count (every post_job direct, accept_job, submit_bid, accept_bid)
  -- reads its active jobs only, not its whole history.
  CREATE INDEX jobs_worker_status ON jobs(worker_id, status);
  -- search_agents without q: the first page of active agents by rank straight from the index.
  CREATE INDEX agents_rank ON agents(trust_score DESC, completed_jobs DESC, created_at DESC) WHERE status = 'active';
  `,
	`
  CREATE TABLE stripe_customers (owner_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE TABLE stripe_accounts (
    owner_id TEXT PRIMARY KEY,
    account_id TEXT NOT NULL UNIQUE,
    charges_enabled INTEGER NOT NULL DEFAULT 0,
    payouts_enabled INTEGER NOT NULL DEFAULT 0,
    details_submitted INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  -- One row per provider call keyed by its idempotency key (= the ledger ref it settles).
  CREATE TABLE provider_calls (
    idempotency_key TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('charge','refund','transfer')),
    job_id TEXT,
    ledger_ref TEXT,
    object_id TEXT,
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL,
    error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX provider_calls_job ON provider_calls(job_id);
  -- Payouts the Stripe provider owes workers: a transfer once the worker's account is ready.
  CREATE TABLE stripe_payouts (
    ref TEXT PRIMARY KEY,
    job_id TEXT NOT NULL,
    worker_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
    status TEXT NOT NULL CHECK (status IN ('pending_retry','paid')),
    transfer_id TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE INDEX stripe_payouts_status ON stripe_payouts(status, worker_id);
  CREATE TABLE stripe_events (id TEXT PRIMARY KEY, type TEXT NOT NULL, received_at INTEGER NOT NULL);
  -- Owner identity verification (POST /v1/owners/kyc/start): the Stripe Identity session and its outcome.
  CREATE TABLE stripe_kyc (owner_id TEXT PRIMARY KEY, session_id TEXT NOT NULL, status TEXT NOT NULL, last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
  `
];

// bench/.out/src/engine/db.js
/**
* Open (and migrate) the marketplace database. WAL lets several processes — two stdio servers
* started by two clients — read while one writes; synchronous=FULL makes a committed payment
* survive power loss; the busy timeout makes writers queue instead of failing.
*/
function openDb(path) {
	if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
	const db = new Database(path);
	db.pragma("journal_mode = WAL");
	db.pragma("synchronous = FULL");
	db.pragma("busy_timeout = 10000");
	db.pragma("foreign_keys = ON");
	migrate(db);
	cacheStatements(db);
	return db;
}
/** Distinct SQL texts kept prepared per connection (SQL built from variable parts has few shapes). */
const STATEMENT_CACHE_MAX = 500;
/**
* better-sqlite3 statements are reusable, and preparing costs more than running most of ours:
* `db.prepare(sql)` answers from a per-connection cache keyed by the SQL text (oldest dropped
* beyond STATEMENT_CACHE_MAX). A statement is shared by every caller of the same SQL: each one
* gets it back in the default row mode (a `pluck()`/`raw()`/`expand()` of an earlier caller is
* undone), but never `bind()` one or hold an `iterate()` open across another use of its SQL.
*/
function cacheStatements(db) {
	const prepare = db.prepare.bind(db);
	const cache = /* @__PURE__ */ new Map();
	db.prepare = ((sql) => {
		let stmt = cache.get(sql);
		if (stmt === void 0) {
			stmt = prepare(sql);
			if (cache.size >= STATEMENT_CACHE_MAX) cache.delete(cache.keys().next().value);
			cache.set(sql, stmt);
		} else if (stmt.reader) stmt.pluck(false).raw(false).expand(false);
		return stmt;
	});
}
function migrate(db) {
	db.transaction(() => {
		const version = db.pragma("user_version", { simple: true });
		for (let v = version; v < MIGRATIONS.length; v++) {
			db.exec(MIGRATIONS[v]);
			db.pragma(`user_version = ${v + 1}`);
		}
	}).immediate();
}
/**
* One transaction function per connection, reused for every operation: building one with
* `db.transaction(fn)` costs more than a short read. It runs the function it is given; nested
* calls become savepoints as with any better-sqlite3 transaction.
*/
const runners = /* @__PURE__ */ new WeakMap();
function runner(db) {
	let r = runners.get(db);
	if (!r) runners.set(db, r = db.transaction((fn) => fn()));
	return r;
}
/** Run `fn` as one write transaction (BEGIN IMMEDIATE: take the write lock up front). */
function writeTx(db, fn) {
	return runner(db).immediate(fn);
}
/** Run `fn` as one deferred (read) transaction: one consistent WAL snapshot for all its queries. */
function readTx(db, fn) {
	return runner(db).deferred(fn);
}

// bench/.out/src/engine/ids.js
const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function base62(length) {
	let out = "";
	while (out.length < length) for (const b of randomBytes(length * 2)) if (b < 248 && out.length < length) out += B62[b % 62];
	return out;
}
function toBase62(n, width) {
	let s = "";
	for (let i = 0; i < width; i++) s = B62[n % 62] + s, n = Math.floor(n / 62);
	return s;
}
/** Agent ids sort by creation time: `ag_` + 10 chars of time + 16 random (Crockford base32). */
function agentId(nowMs) {
	let t = "";
	for (let i = 0, n = nowMs; i < 10; i++) t = CROCKFORD[n % 32] + t, n = Math.floor(n / 32);
	const r = randomBytes(16);
	let rand = "";
	for (const b of r) rand += CROCKFORD[b % 32];
	return `ag_${t}${rand}`;
}
const uuid = () => randomUUID();
const token = (prefix, length = 24) => `${prefix}_${base62(length)}`;
/**
* API keys: `vxp_live_` + 30 random base62 characters + a 6-character CRC32 checksum of them,
* so a scanner can tell a real leaked key from a look-alike without asking the server.
*/
const KEY_PREFIX = "vxp_live_";
function newApiKey() {
	const body = base62(30);
	return KEY_PREFIX + body + toBase62(crc32(body), 6);
}
function isWellFormedApiKey(key) {
	if (!key.startsWith(KEY_PREFIX) || key.length !== 45) return false;
	const body = key.slice(9, -6);
	if (!/^[0-9A-Za-z]+$/.test(body)) return false;
	return toBase62(crc32(body), 6) === key.slice(-6);
}
const sha256 = (s) => createHash("sha256").update(s).digest("hex");
/** The part of a key that may be shown later to recognise it ("vxp_live_AbC1…"). */
const keyPrefix = (key) => key.slice(0, 13);

// bench/.out/src/engine/context.js
/**
* What every engine module shares: the database, the clock, and the side-effect writers that
* must happen inside the operation's transaction (events, notifications, change feed, trust).
*/
/** Human titles for notifications; the type is the event name with '_' for '.'. */
const TITLES = {
	"job.created": "New job assigned",
	"job.accepted": "Job accepted",
	"job.delivered": "Work delivered",
	"job.revision_requested": "Revision requested",
	"job.completed": "Job completed",
	"job.cancelled": "Job cancelled",
	"job.stale_cancelled": "Job auto-cancelled",
	"job.deadline_expired": "Deadline missed",
	"job.expired": "Job expired",
	"bid.received": "New bid",
	"bid.accepted": "Bid accepted",
	"bid.rejected": "Bid not selected",
	"bid.countered": "Counter-offer received",
	"payment.received": "Payment received",
	"payment.failed": "Payment failed",
	"trust.updated": "Trust score changed",
	"review.received": "New review",
	"job.frozen": "Job frozen",
	"job.file_uploaded": "Input file uploaded",
	"webhook.disabled": "Webhook endpoint disabled",
	"job.validation_passed": "Validation passed",
	"job.validation_failed": "Validation failed",
	"job.validation_unavailable": "Validation unavailable",
	"job.message": "New message",
	"job.disputed": "Dispute opened",
	"dispute.ruled": "Dispute ruling (Tier 1)",
	"dispute.escalated": "Dispute sent to human review",
	"dispute.resolved": "Dispute resolved"
};
/**
* Record an event for one agent: an `events` row (the webhook outbox, payload in the
* reference's envelope), a notification, and a change-feed row for resource subscribers.
*/
function emit(ctx, agentId, event, jobId, payload, message) {
	const at = ctx.clock.now();
	const body = {
		event,
		timestamp: iso(at),
		...payload
	};
	const notificationId = uuid();
	const ev = ctx.db.prepare("INSERT INTO events (agent_id, event, job_id, payload, created_at) VALUES (?, ?, ?, ?, ?)").run(agentId, event, jobId, JSON.stringify(body), at);
	ctx.db.prepare("INSERT INTO notifications (id, agent_id, type, title, message, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(notificationId, agentId, event.replace(/\./g, "_"), TITLES[event] ?? event, message, jobId, at);
	changed(ctx, agentId, jobId, "notification", {
		ref: notificationId,
		event_seq: Number(ev.lastInsertRowid)
	});
}
/** Tell resource subscribers of `agentId` that something of theirs changed. */
function changed(ctx, agentId, jobId, type, about = {}) {
	ctx.db.prepare("INSERT INTO changes (agent_id, job_id, type, created_at, ref, event_seq) VALUES (?, ?, ?, ?, ?, ?)").run(agentId, jobId, type, ctx.clock.now(), about.ref ?? null, about.event_seq ?? null);
}
/** Move an agent's trust score by `delta`, clamped to 0–100, with history and an event. */
function adjustTrust(ctx, agentId, delta, reason, jobId) {
	if (delta === 0) return;
	const old = ctx.db.prepare("SELECT trust_score FROM agents WHERE id = ?").get(agentId).trust_score;
	const next = Math.round(Math.min(100, Math.max(0, old + delta)) * 10) / 10;
	if (next === old) return;
	ctx.db.prepare("UPDATE agents SET trust_score = ? WHERE id = ?").run(next, agentId);
	ctx.db.prepare("INSERT INTO trust_events (agent_id, old_score, new_score, delta, reason, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)").run(agentId, old, next, Math.round((next - old) * 10) / 10, reason, jobId, ctx.clock.now());
	emit(ctx, agentId, "trust.updated", jobId, {
		agent_id: agentId,
		new_score: next,
		old_score: old,
		reason
	}, `Trust score ${old} → ${next}: ${reason}`);
}
/** Queue an e-mail in the local outbox (SQLite; `voxpact-mcp outbox` prints it). */
function sendMail(ctx, to, subject, body) {
	const id = uuid();
	let path = null;
	if (ctx.outboxDir) {
		mkdirSync(ctx.outboxDir, {
			recursive: true,
			mode: 448
		});
		path = join(ctx.outboxDir, `${id}.txt`);
		writeFileSync(path, body, { mode: 384 });
	}
	ctx.db.prepare("INSERT INTO mail (id, to_email, subject, body, body_path, created_at) VALUES (?, ?, ?, ?, ?, ?)").run(id, to, subject, path ? "" : body, path, ctx.clock.now());
}
/** The local outbox, oldest first, bodies read back from their files. */
function readOutbox(ctx) {
	return ctx.db.prepare("SELECT id, to_email, subject, body, body_path, created_at FROM mail ORDER BY created_at, rowid").all().map((m) => ({
		id: m.id,
		to: m.to_email,
		subject: m.subject,
		created_at: iso(m.created_at),
		body: m.body_path ? existsSync(m.body_path) ? readFileSync(m.body_path, "utf8") : "(mail body file missing)" : m.body
	}));
}
const json = (s) => s == null ? null : JSON.parse(s);

// bench/.out/src/webhooks/secret.js
/**
* Per-agent signing secrets in the Standard Webhooks format: `whsec_` + base64 of 32 random
* bytes. The HMAC key of both signature schemes is the base64-decoded part after the prefix.
*/
const SECRET_PREFIX = "whsec_";
const SECRET_BYTES = 32;
const newWebhookSecret = () => SECRET_PREFIX + randomBytes(32).toString("base64");
/** The HMAC key of a `whsec_…` secret. */
function secretKey(secret) {
	const b64 = secret.startsWith("whsec_") ? secret.slice(6) : secret;
	const key = Buffer.from(b64, "base64");
	if (key.length === 0) throw new Error("webhook secret is empty");
	return key;
}
/** The agent's signing secret, created on first need. Runs inside the caller's write transaction. */
function ensureWebhookSecret(ctx, agentId) {
	const row = ctx.db.prepare("SELECT webhook_secret s FROM agents WHERE id = ?").get(agentId);
	if (!row) throw new Error(`agent ${agentId} does not exist`);
	if (row.s) return row.s;
	const secret = newWebhookSecret();
	ctx.db.prepare("UPDATE agents SET webhook_secret = ? WHERE id = ?").run(secret, agentId);
	return secret;
}

// bench/.out/src/webhooks/store.js
/**
* The delivery outbox in SQLite: claim due deliveries atomically, record each attempt, answer
* the delivery log. Claiming runs in a BEGIN IMMEDIATE transaction that marks the rows
* 'sending' with a claim id and a lease, so two workers (two processes on one database) never
* send one delivery twice; a worker that dies mid-send leaves a lease that expires and the
* delivery is taken over (at-least-once: receivers dedupe on webhook-id).
*/
/** The reference: "Failed deliveries are retried with exponential backoff (5m → 30m → 2h)". */
const RETRY_DELAYS_MS = [
	3e5,
	18e5,
	72e5
];
const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** A receiver's Retry-After is honoured up to this much (ours). */
const MAX_RETRY_AFTER_MS = 864e5;
/** How long a claimed delivery stays ours: above the time limit of every redirect hop. */
const LEASE_MS = 12e4;
/** Finished deliveries and their log are kept this long (ours). */
const LOG_RETENTION_MS = 2592e6;
/** Take up to `max` due deliveries for this worker. */
function claimDue(ctx, claimId, max) {
	if (!ctx.db.prepare("SELECT 1 FROM webhook_deliveries WHERE status IN ('pending','sending') AND next_attempt_at <= ? LIMIT 1").get(ctx.clock.now())) return [];
	return writeTx(ctx.db, () => {
		const now = ctx.clock.now();
		const rows = ctx.db.prepare(`SELECT d.id, d.event_seq, d.agent_id, d.event, d.job_id, d.attempts, a.webhook_url, a.webhook_disabled_at,
        a.status agent_status, e.payload
      FROM webhook_deliveries d LEFT JOIN agents a ON a.id = d.agent_id LEFT JOIN events e ON e.seq = d.event_seq
      WHERE d.status IN ('pending','sending') AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`).all(now, max);
		const claim = ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'sending', claim_id = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE id = ?`);
		const skip = ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = ?, next_attempt_at = NULL, claim_id = NULL, updated_at = ? WHERE id = ?`);
		const out = [];
		for (const r of rows) {
			const why = r.payload == null ? "event no longer stored" : r.agent_status !== "active" ? "agent is not active" : !r.webhook_url ? "agent has no webhook_url" : r.webhook_disabled_at != null ? "endpoint disabled (HTTP 410)" : null;
			if (why) {
				skip.run(why, now, r.id);
				continue;
			}
			claim.run(claimId, now + LEASE_MS, now, r.id);
			out.push({
				id: r.id,
				event_seq: r.event_seq,
				agent_id: r.agent_id,
				event: r.event,
				job_id: r.job_id,
				attempt: r.attempts + 1,
				url: r.webhook_url,
				secret: ensureWebhookSecret(ctx, r.agent_id),
				body: r.payload
			});
		}
		return out;
	});
}
/** When to try again after a failed attempt `attempt` (1-based), or null when it was the last. */
function nextRetryAt(nowMs, attempt, retryAfterS) {
	if (attempt >= MAX_ATTEMPTS) return null;
	const backoff = RETRY_DELAYS_MS[attempt - 1];
	const asked = retryAfterS == null ? 0 : Math.min(retryAfterS * 1e3, MAX_RETRY_AFTER_MS);
	return nowMs + Math.max(backoff, asked);
}
/**
* Record what one attempt did. 2xx → delivered; 410 → the agent's endpoint is disabled (URL
* kept, webhook_disabled_at set, the agent notified) and its queue stops; anything else →
* retried on the schedule (never sooner than a Retry-After asks), failed after the last try.
* Returns null when the lease was lost meanwhile (another worker owns the delivery now).
*/
function recordAttempt(ctx, c, claimId, r) {
	return writeTx(ctx.db, () => {
		const now = ctx.clock.now();
		if (!ctx.db.prepare("SELECT 1 FROM webhook_deliveries WHERE id = ? AND claim_id = ? AND status = 'sending'").get(c.id, claimId)) return null;
		let outcome;
		let next = null;
		if (r.ok) outcome = "delivered";
		else if (r.status === 410) outcome = "disabled";
		else {
			next = nextRetryAt(now, c.attempt, r.retry_after_s);
			outcome = next == null ? "failed" : "retrying";
		}
		const status = outcome === "delivered" ? "delivered" : outcome === "retrying" ? "pending" : "failed";
		ctx.db.prepare(`UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, claim_id = NULL, last_http_status = ?, last_error = ?, updated_at = ? WHERE id = ?`).run(status, next, r.status, r.error, now, c.id);
		ctx.db.prepare(`INSERT INTO webhook_attempts (delivery_id, agent_id, event_seq, event, job_id, url, attempt, outcome, http_status, error, next_retry_at, duration_ms, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(c.id, c.agent_id, c.event_seq, c.event, c.job_id, r.url, c.attempt, outcome, r.status, r.error, next, r.duration_ms, now);
		if (outcome === "disabled") disableEndpoint(ctx, c.agent_id, r.url);
		return outcome;
	});
}
function disableEndpoint(ctx, agentId, url) {
	const now = ctx.clock.now();
	const changed = ctx.db.prepare("UPDATE agents SET webhook_disabled_at = ? WHERE id = ? AND webhook_disabled_at IS NULL").run(now, agentId).changes;
	ctx.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = 'endpoint disabled (HTTP 410)', next_attempt_at = NULL, updated_at = ?
    WHERE agent_id = ? AND status = 'pending'`).run(now, agentId);
	if (!changed) return;
	emit(ctx, agentId, "webhook.disabled", null, {
		agent_id: agentId,
		webhook_url: url,
		reason: "HTTP 410 Gone"
	}, `Your webhook endpoint ${url} answered 410 Gone, so webhook deliveries are stopped. Set webhook_url again (update_my_agent / PATCH /v1/agents/me) to re-enable them.`);
}
/** The agent's delivery attempts, newest first, with the endpoint's state. */
function webhookLog(ctx, agentId, limit, offset) {
	const rows = ctx.db.prepare("SELECT * FROM webhook_attempts WHERE agent_id = ? ORDER BY id DESC LIMIT ? OFFSET ?").all(agentId, limit, offset);
	const total = ctx.db.prepare("SELECT COUNT(*) n FROM webhook_attempts WHERE agent_id = ?").get(agentId).n;
	const agent = ctx.db.prepare("SELECT webhook_url, webhook_disabled_at FROM agents WHERE id = ?").get(agentId);
	const pending = ctx.db.prepare("SELECT COUNT(*) n FROM webhook_deliveries WHERE agent_id = ? AND status IN ('pending','sending')").get(agentId).n;
	const items = rows.map((r) => ({
		id: String(r.id),
		event_id: `evt_${r.event_seq}`,
		event: r.event,
		job_id: r.job_id,
		url: r.url,
		status: r.outcome,
		http_status: r.http_status,
		attempt: r.attempt,
		retry_count: r.attempt - 1,
		next_retry_at: r.next_retry_at == null ? null : iso(r.next_retry_at),
		error: r.error,
		duration_ms: r.duration_ms,
		created_at: iso(r.created_at)
	}));
	return {
		items,
		count: items.length,
		total,
		webhook_url: agent.webhook_url,
		webhook_disabled_at: agent.webhook_disabled_at == null ? null : iso(agent.webhook_disabled_at),
		pending_deliveries: pending
	};
}
/** Rows deleted per table per prune (the next prune continues). */
const PRUNE_BATCH = 5e3;
/**
* Forget finished deliveries, their attempts and the events behind them after
* LOG_RETENTION_MS. Ids grow with time, so each table is pruned from its oldest rows and a
* table with nothing old costs one indexed look at its first row.
*/
function pruneWebhooks(ctx) {
	const cutoff = ctx.clock.now() - LOG_RETENTION_MS;
	const oldest = (sql) => ctx.db.prepare(sql).get()?.t;
	writeTx(ctx.db, () => {
		const d = oldest("SELECT updated_at t FROM webhook_deliveries ORDER BY id LIMIT 1");
		if (d !== void 0 && d < cutoff) {
			const ids = `SELECT id FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries ORDER BY id LIMIT ${PRUNE_BATCH})
        AND status IN ('delivered','failed','skipped') AND updated_at < @cutoff`;
			ctx.db.prepare(`DELETE FROM webhook_attempts WHERE delivery_id IN (${ids})`).run({ cutoff });
			ctx.db.prepare(`DELETE FROM webhook_deliveries WHERE id IN (${ids})`).run({ cutoff });
		}
		const e = oldest("SELECT created_at t FROM events ORDER BY seq LIMIT 1");
		if (e !== void 0 && e < cutoff) ctx.db.prepare(`DELETE FROM events WHERE seq IN (SELECT seq FROM events ORDER BY seq LIMIT ${PRUNE_BATCH}) AND created_at < @cutoff
        AND seq NOT IN (SELECT event_seq FROM webhook_deliveries WHERE status IN ('pending','sending'))`).run({ cutoff });
	});
}

export { writeTx as S, sha256 as _, ensureWebhookSecret as a, openDb as b, changed as c, readOutbox as d, sendMail as f, newApiKey as g, keyPrefix as h, webhookLog as i, emit as l, isWellFormedApiKey as m, pruneWebhooks as n, secretKey as o, agentId as p, recordAttempt as r, adjustTrust as s, claimDue as t, json as u, token as v, readTx as x, uuid as y };
//# sourceMappingURL=cli.chunk-store-K-xwfInN.js.map