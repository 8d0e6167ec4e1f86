import{G as e}from"./cli.js";import{existsSync as t,mkdirSync as n,readFileSync as r,writeFileSync as i}from"node:fs";import{dirname as a,join as o}from"node:path";import{createHash as s,randomBytes as c,randomUUID as l}from"node:crypto";import{crc32 as u}from"node:zlib";import d from"better-sqlite3";const f=[`
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
  `,`
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
  `,`
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
  `,`
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
  `,`
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
  `,`
  ALTER TABLE mail ADD COLUMN body_path TEXT;
  `,`
  -- A worker's active-job count (every post_job direct, accept_job, submit_bid, accept_bid)
  -- reads its active jobs only, not its whole history.
  CREATE INDEX jobs_worker_status ON jobs(worker_id, status);
  -- search_agents without q: the first page of active agents by rank straight from the index.
  CREATE INDEX agents_rank ON agents(trust_score DESC, completed_jobs DESC, created_at DESC) WHERE status = 'active';
  `,`
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
  `];function p(e){e!==`:memory:`&&n(a(e),{recursive:!0});let t=new d(e);return t.pragma(`journal_mode = WAL`),t.pragma(`synchronous = FULL`),t.pragma(`busy_timeout = 10000`),t.pragma(`foreign_keys = ON`),h(t),m(t),t}function m(e){let t=e.prepare.bind(e),n=/* @__PURE__ */ new Map;e.prepare=(e=>{let r=n.get(e);return r===void 0?(r=t(e),n.size>=500&&n.delete(n.keys().next().value),n.set(e,r)):r.reader&&r.pluck(!1).raw(!1).expand(!1),r})}function h(e){e.transaction(()=>{let t=e.pragma(`user_version`,{simple:!0});for(let n=t;n<f.length;n++)e.exec(f[n]),e.pragma(`user_version = ${n+1}`)}).immediate()}const g=/* @__PURE__ */ new WeakMap;function _(e){let t=g.get(e);return t||g.set(e,t=e.transaction(e=>e())),t}function v(e,t){return _(e).immediate(t)}function y(e,t){return _(e).deferred(t)}const b=`0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz`,x=`0123456789ABCDEFGHJKMNPQRSTVWXYZ`;function S(e){let t=``;for(;t.length<e;)for(let n of c(e*2))n<248&&t.length<e&&(t+=b[n%62]);return t}function C(e,t){let n=``;for(let r=0;r<t;r++)n=b[e%62]+n,e=Math.floor(e/62);return n}function w(e){let t=``;for(let n=0,r=e;n<10;n++)t=x[r%32]+t,r=Math.floor(r/32);let n=c(16),r=``;for(let e of n)r+=x[e%32];return`ag_${t}${r}`}const T=()=>l(),E=(e,t=24)=>`${e}_${S(t)}`,D=`vxp_live_`;function O(){let e=S(30);return D+e+C(u(e),6)}function k(e){if(!e.startsWith(D)||e.length!==45)return!1;let t=e.slice(9,-6);return/^[0-9A-Za-z]+$/.test(t)?C(u(t),6)===e.slice(-6):!1}const A=e=>s(`sha256`).update(e).digest(`hex`),j=e=>e.slice(0,13),M={"job.created":`New job assigned`,"job.accepted":`Job accepted`,"job.delivered":`Work delivered`,"job.revision_requested":`Revision requested`,"job.completed":`Job completed`,"job.cancelled":`Job cancelled`,"job.stale_cancelled":`Job auto-cancelled`,"job.deadline_expired":`Deadline missed`,"job.expired":`Job expired`,"bid.received":`New bid`,"bid.accepted":`Bid accepted`,"bid.rejected":`Bid not selected`,"bid.countered":`Counter-offer received`,"payment.received":`Payment received`,"payment.failed":`Payment failed`,"trust.updated":`Trust score changed`,"review.received":`New review`,"job.frozen":`Job frozen`,"job.file_uploaded":`Input file uploaded`,"webhook.disabled":`Webhook endpoint disabled`,"job.validation_passed":`Validation passed`,"job.validation_failed":`Validation failed`,"job.validation_unavailable":`Validation unavailable`,"job.message":`New message`,"job.disputed":`Dispute opened`,"dispute.ruled":`Dispute ruling (Tier 1)`,"dispute.escalated":`Dispute sent to human review`,"dispute.resolved":`Dispute resolved`};function N(t,n,r,i,a,o){let s=t.clock.now(),c={event:r,timestamp:e(s),...a},l=T(),u=t.db.prepare(`INSERT INTO events (agent_id, event, job_id, payload, created_at) VALUES (?, ?, ?, ?, ?)`).run(n,r,i,JSON.stringify(c),s);t.db.prepare(`INSERT INTO notifications (id, agent_id, type, title, message, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(l,n,r.replace(/\./g,`_`),M[r]??r,o,i,s),P(t,n,i,`notification`,{ref:l,event_seq:Number(u.lastInsertRowid)})}function P(e,t,n,r,i={}){e.db.prepare(`INSERT INTO changes (agent_id, job_id, type, created_at, ref, event_seq) VALUES (?, ?, ?, ?, ?, ?)`).run(t,n,r,e.clock.now(),i.ref??null,i.event_seq??null)}function F(e,t,n,r,i){if(n===0)return;let a=e.db.prepare(`SELECT trust_score FROM agents WHERE id = ?`).get(t).trust_score,o=Math.round(Math.min(100,Math.max(0,a+n))*10)/10;o!==a&&(e.db.prepare(`UPDATE agents SET trust_score = ? WHERE id = ?`).run(o,t),e.db.prepare(`INSERT INTO trust_events (agent_id, old_score, new_score, delta, reason, job_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`).run(t,a,o,Math.round((o-a)*10)/10,r,i,e.clock.now()),N(e,t,`trust.updated`,i,{agent_id:t,new_score:o,old_score:a,reason:r},`Trust score ${a} → ${o}: ${r}`))}function I(e,t,r,a){let s=T(),c=null;e.outboxDir&&(n(e.outboxDir,{recursive:!0,mode:448}),c=o(e.outboxDir,`${s}.txt`),i(c,a,{mode:384})),e.db.prepare(`INSERT INTO mail (id, to_email, subject, body, body_path, created_at) VALUES (?, ?, ?, ?, ?, ?)`).run(s,t,r,c?``:a,c,e.clock.now())}function L(n){return n.db.prepare(`SELECT id, to_email, subject, body, body_path, created_at FROM mail ORDER BY created_at, rowid`).all().map(n=>({id:n.id,to:n.to_email,subject:n.subject,created_at:e(n.created_at),body:n.body_path?t(n.body_path)?r(n.body_path,`utf8`):`(mail body file missing)`:n.body}))}const R=e=>e==null?null:JSON.parse(e),z=()=>`whsec_`+c(32).toString(`base64`);function B(e){let t=e.startsWith(`whsec_`)?e.slice(6):e,n=Buffer.from(t,`base64`);if(n.length===0)throw Error(`webhook secret is empty`);return n}function V(e,t){let n=e.db.prepare(`SELECT webhook_secret s FROM agents WHERE id = ?`).get(t);if(!n)throw Error(`agent ${t} does not exist`);if(n.s)return n.s;let r=z();return e.db.prepare(`UPDATE agents SET webhook_secret = ? WHERE id = ?`).run(r,t),r}const H=[3e5,18e5,72e5],U=H.length+1;function W(e,t,n){return e.db.prepare(`SELECT 1 FROM webhook_deliveries WHERE status IN ('pending','sending') AND next_attempt_at <= ? LIMIT 1`).get(e.clock.now())?v(e.db,()=>{let r=e.clock.now(),i=e.db.prepare(`SELECT d.id, d.event_seq, d.agent_id, d.event, d.job_id, d.attempts, a.webhook_url, a.webhook_disabled_at,
        a.status agent_status, e.payload
      FROM webhook_deliveries d LEFT JOIN agents a ON a.id = d.agent_id LEFT JOIN events e ON e.seq = d.event_seq
      WHERE d.status IN ('pending','sending') AND d.next_attempt_at <= ? ORDER BY d.next_attempt_at, d.id LIMIT ?`).all(r,n),a=e.db.prepare(`UPDATE webhook_deliveries SET status = 'sending', claim_id = ?, attempts = attempts + 1, next_attempt_at = ?, updated_at = ? WHERE id = ?`),o=e.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = ?, next_attempt_at = NULL, claim_id = NULL, updated_at = ? WHERE id = ?`),s=[];for(let n of i){let i=n.payload==null?`event no longer stored`:n.agent_status===`active`?n.webhook_url?n.webhook_disabled_at==null?null:`endpoint disabled (HTTP 410)`:`agent has no webhook_url`:`agent is not active`;i?o.run(i,r,n.id):(a.run(t,r+12e4,r,n.id),s.push({id:n.id,event_seq:n.event_seq,agent_id:n.agent_id,event:n.event,job_id:n.job_id,attempt:n.attempts+1,url:n.webhook_url,secret:V(e,n.agent_id),body:n.payload}))}return s}):[]}function G(e,t,n){if(t>=U)return null;let r=H[t-1],i=n==null?0:Math.min(n*1e3,864e5);return e+Math.max(r,i)}function K(e,t,n,r){return v(e.db,()=>{let i=e.clock.now();if(!e.db.prepare(`SELECT 1 FROM webhook_deliveries WHERE id = ? AND claim_id = ? AND status = 'sending'`).get(t.id,n))return null;let a,o=null;r.ok?a=`delivered`:r.status===410?a=`disabled`:(o=G(i,t.attempt,r.retry_after_s),a=o==null?`failed`:`retrying`);let s=a===`delivered`?`delivered`:a===`retrying`?`pending`:`failed`;return e.db.prepare(`UPDATE webhook_deliveries SET status = ?, next_attempt_at = ?, claim_id = NULL, last_http_status = ?, last_error = ?, updated_at = ? WHERE id = ?`).run(s,o,r.status,r.error,i,t.id),e.db.prepare(`INSERT INTO webhook_attempts (delivery_id, agent_id, event_seq, event, job_id, url, attempt, outcome, http_status, error, next_retry_at, duration_ms, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(t.id,t.agent_id,t.event_seq,t.event,t.job_id,r.url,t.attempt,a,r.status,r.error,o,r.duration_ms,i),a===`disabled`&&q(e,t.agent_id,r.url),a})}function q(e,t,n){let r=e.clock.now(),i=e.db.prepare(`UPDATE agents SET webhook_disabled_at = ? WHERE id = ? AND webhook_disabled_at IS NULL`).run(r,t).changes;e.db.prepare(`UPDATE webhook_deliveries SET status = 'skipped', last_error = 'endpoint disabled (HTTP 410)', next_attempt_at = NULL, updated_at = ?
    WHERE agent_id = ? AND status = 'pending'`).run(r,t),i&&N(e,t,`webhook.disabled`,null,{agent_id:t,webhook_url:n,reason:`HTTP 410 Gone`},`Your webhook endpoint ${n} answered 410 Gone, so webhook deliveries are stopped. Set webhook_url again (update_my_agent / PATCH /v1/agents/me) to re-enable them.`)}function J(t,n,r,i){let a=t.db.prepare(`SELECT * FROM webhook_attempts WHERE agent_id = ? ORDER BY id DESC LIMIT ? OFFSET ?`).all(n,r,i),o=t.db.prepare(`SELECT COUNT(*) n FROM webhook_attempts WHERE agent_id = ?`).get(n).n,s=t.db.prepare(`SELECT webhook_url, webhook_disabled_at FROM agents WHERE id = ?`).get(n),c=t.db.prepare(`SELECT COUNT(*) n FROM webhook_deliveries WHERE agent_id = ? AND status IN ('pending','sending')`).get(n).n,l=a.map(t=>({id:String(t.id),event_id:`evt_${t.event_seq}`,event:t.event,job_id:t.job_id,url:t.url,status:t.outcome,http_status:t.http_status,attempt:t.attempt,retry_count:t.attempt-1,next_retry_at:t.next_retry_at==null?null:e(t.next_retry_at),error:t.error,duration_ms:t.duration_ms,created_at:e(t.created_at)}));return{items:l,count:l.length,total:o,webhook_url:s.webhook_url,webhook_disabled_at:s.webhook_disabled_at==null?null:e(s.webhook_disabled_at),pending_deliveries:c}}const Y=5e3;function X(e){let t=e.clock.now()-2592e6,n=t=>e.db.prepare(t).get()?.t;v(e.db,()=>{let r=n(`SELECT updated_at t FROM webhook_deliveries ORDER BY id LIMIT 1`);if(r!==void 0&&r<t){let n=`SELECT id FROM webhook_deliveries WHERE id IN (SELECT id FROM webhook_deliveries ORDER BY id LIMIT ${Y})
        AND status IN ('delivered','failed','skipped') AND updated_at < @cutoff`;e.db.prepare(`DELETE FROM webhook_attempts WHERE delivery_id IN (${n})`).run({cutoff:t}),e.db.prepare(`DELETE FROM webhook_deliveries WHERE id IN (${n})`).run({cutoff:t})}let i=n(`SELECT created_at t FROM events ORDER BY seq LIMIT 1`);i!==void 0&&i<t&&e.db.prepare(`DELETE FROM events WHERE seq IN (SELECT seq FROM events ORDER BY seq LIMIT ${Y}) AND created_at < @cutoff
        AND seq NOT IN (SELECT event_seq FROM webhook_deliveries WHERE status IN ('pending','sending'))`).run({cutoff:t})})}export{v as S,A as _,V as a,p as b,P as c,L as d,I as f,O as g,j as h,J as i,N as l,k as m,X as n,B as o,w as p,K as r,F as s,W as t,R as u,E as v,y as x,T as y};
//# sourceMappingURL=cli.chunk-store-DIPS-Nd-.js.map