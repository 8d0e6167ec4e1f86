/**
 * Versioned schema, one list for both stores. Each entry runs once, in order, inside one
 * transaction; SQLite's PRAGMA user_version (PostgreSQL: the voxpact_schema table) records how
 * far a database has come. Never edit a shipped migration: add the next one. Entries are written
 * in SQLite's DDL; `postgresDdl` (below) gives PostgreSQL's, and POSTGRES_AFTER adds what only
 * PostgreSQL needs at that version. Money columns are integer cents (`_cents`), times are epoch
 * milliseconds (`_at`).
 */
export const MIGRATIONS: string[] = [
  /* 1: marketplace core */ `
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
  /* identity: JWT secret, token versions, owner magic links, key recovery, change refs */ `
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
  /* webhooks: signing secret, disabled endpoints, delivery outbox and per-attempt log (src/webhooks) */ `
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
  /* files: job files (inputs and deliverables) in a blob store, their access log (src/engine/files.ts) */ `
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
  /* validation, messages, disputes: judged deliveries with signed records, job messages, two-tier disputes (src/engine/validation.ts, messages.ts, disputes.ts) */ `
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
  /* mail bodies move to 0600 files beside the database (secrets stay out of SQLite) */ `
  ALTER TABLE mail ADD COLUMN body_path TEXT;
  `,
  /* performance: indexes for the queries that grew with the database (docs/performance.md) */ `
  -- A worker's active-job count (every post_job direct, accept_job, submit_bid, accept_bid)
  -- reads its active jobs only, not its whole history.
  CREATE INDEX jobs_worker_status ON jobs(worker_id, status);
  -- search_agents without q: the first page of active agents by rank straight from the index.
  CREATE INDEX agents_rank ON agents(trust_score DESC, completed_jobs DESC, created_at DESC) WHERE status = 'active';
  `,  /* Stripe provider (src/payments): customers, connected accounts, every provider call, deferred payouts, webhook events */ `
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
  `,
  /* housekeeping deletes by age without scanning whole tables */ `
  CREATE INDEX changes_created ON changes(created_at);
  CREATE INDEX idempotency_created ON idempotency(created_at);
  CREATE INDEX timers_fired ON timers(fired_at) WHERE fired_at IS NOT NULL;
  `,
  /* write path: indexes that were only ever written, each one more WAL page per commit (docs/performance.md) */ `
  -- Every operation adds change-feed rows; housekeeping now cuts the feed in seq order.
  DROP INDEX changes_created;
  -- Events are read by seq only (the change feed, webhook deliveries, pruning).
  DROP INDEX events_agent;
  -- Timers are found by due time; nothing looks up a job's timers.
  DROP INDEX timers_job;
  -- Charges are an audit record; nothing reads them by job.
  DROP INDEX charges_job;
  `,
  /* MCP confirmations (src/confirm.ts): each signed requestState is spent once, whichever process it reaches */ `
  CREATE TABLE spent_request_states (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  `,
  /* the owner's country (ISO 3166-1 alpha-2), as VoxPact's clients send it at registration */ `
  ALTER TABLE owners ADD COLUMN country TEXT;
  `,
  /* spending policy (src/engine/policy.ts): the agent's own rails, and approvals of what goes above them */ `
  -- NULL = no per-job maximum of the agent's own / the server's confirmation threshold (default 50 EUR).
  ALTER TABLE agents ADD COLUMN spend_max_job_cents INTEGER CHECK (spend_max_job_cents >= 0);
  ALTER TABLE agents ADD COLUMN spend_confirm_above_cents INTEGER CHECK (spend_confirm_above_cents >= 0);
  -- One human decision about one call: bound to the agent, the action, a hash of the call's
  -- canonical arguments and the amount; approved once, used once, within its expiry.
  CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    agent_id TEXT NOT NULL REFERENCES agents(id),
    action TEXT NOT NULL,
    args_hash TEXT NOT NULL,
    amount_cents INTEGER,
    summary TEXT NOT NULL,
    details TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','approved','declined','used','expired')),
    decided_by TEXT CHECK (decided_by IN ('owner','client')),
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    decided_at INTEGER,
    used_at INTEGER
  );
  CREATE INDEX approvals_agent ON approvals(agent_id, status);
  `,
  /* key recovery: the 24 h limit counts per email AND requested agent, so a bogus agent id cannot burn the owner's recovery */ `
  ALTER TABLE key_recoveries ADD COLUMN requested_agent_id TEXT;
  CREATE INDEX key_recoveries_request ON key_recoveries(email, requested_agent_id, created_at);
  `,
  /* Stripe as a live account (docs/stripe.md): each capture's charge (source_transaction), refunds retried alone with back-off, disputes */ `
  ALTER TABLE provider_calls ADD COLUMN payment_intent_id TEXT;
  ALTER TABLE provider_calls ADD COLUMN charge_id TEXT;
  ALTER TABLE provider_calls ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE provider_calls ADD COLUMN next_retry_at INTEGER;
  CREATE INDEX provider_calls_object ON provider_calls(object_id);
  CREATE INDEX provider_calls_due ON provider_calls(kind, status, next_retry_at);
  -- A payout held while the job's charge is disputed (the dispute's id).
  ALTER TABLE stripe_payouts ADD COLUMN held_by TEXT;
  ALTER TABLE stripe_accounts ADD COLUMN transfers_active INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stripe_accounts ADD COLUMN country TEXT;
  CREATE TABLE stripe_disputes (
    id TEXT PRIMARY KEY,
    job_id TEXT,
    payment_intent_id TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    status TEXT NOT NULL,
    froze_job INTEGER NOT NULL DEFAULT 0,
    -- Refunds the ledger owed on this charge and Stripe had not made: the bank's chargeback made them.
    covered_cents INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  `,
  /* availability on the agent profile (VoxPact SDK update_me(availability=…)) */ `
  ALTER TABLE agents ADD COLUMN availability TEXT NOT NULL DEFAULT 'available';
  `,
  /* OAuth 2.1 for remote MCP clients (docs/oauth.md): registered clients, the owner's grants (one per consent: client → agent, with the connection's policy), one-time codes, rotating refresh tokens. Codes and tokens are stored as hashes. */ `
  CREATE TABLE oauth_clients (
    client_id TEXT PRIMARY KEY,
    secret_hash TEXT,
    name TEXT NOT NULL,
    redirect_uris TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_at INTEGER NOT NULL
  );
  CREATE TABLE oauth_grants (
    id TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oauth_clients(client_id),
    owner_id TEXT NOT NULL,
    agent_id TEXT NOT NULL,
    resource TEXT NOT NULL,
    monthly_cap_cents INTEGER CHECK (monthly_cap_cents >= 0),
    confirm_above_cents INTEGER NOT NULL CHECK (confirm_above_cents >= 0),
    created_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER
  );
  CREATE INDEX oauth_grants_owner ON oauth_grants(owner_id, revoked_at);
  CREATE TABLE oauth_codes (
    hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES oauth_grants(id),
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE oauth_refresh_tokens (
    hash TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES oauth_grants(id),
    expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  `,
];

/**
 * Run on PostgreSQL after the entry of the same index: the indexes that SQLite's rowid has for
 * free (full-text rows join their table by it), and the table the rate limiter shares.
 */
export const POSTGRES_AFTER: Record<number, string> = {
  0: `CREATE UNIQUE INDEX agents_rowid ON agents(rowid); CREATE UNIQUE INDEX jobs_rowid ON jobs(rowid);
    CREATE TABLE IF NOT EXISTS rate_hits (bucket TEXT NOT NULL, at BIGINT NOT NULL, rowid BIGINT GENERATED BY DEFAULT AS IDENTITY);
    CREATE INDEX IF NOT EXISTS rate_hits_bucket ON rate_hits(bucket, at);`,
};

/** FTS5 bm25 weights rank the first column highest, then the third, then the second: tsvector weights in the same order. */
const FTS_WEIGHTS = ['A', 'C', 'B'];

/**
 * One migration's SQLite DDL as PostgreSQL's. Integers are 64-bit (BIGINT: epoch milliseconds
 * overflow INTEGER); `INTEGER PRIMARY KEY` becomes an identity column; a table with a rowid gets
 * a `rowid` identity column (the engine orders ties and joins full-text rows by it); an FTS5 table
 * becomes a table of the same columns with a weighted tsvector and a GIN index; a trigger becomes
 * a PL/pgSQL trigger function with the same condition and body.
 */
export function postgresDdl(sql: string): string {
  return sql
    .replace(/CREATE VIRTUAL TABLE (\w+) USING fts5\(([^)]*)\);/g, (_, name: string, args: string) => {
      const cols = args.split(',').map((c) => c.trim()).filter((c) => !c.includes('='));
      const doc = cols.map((c, i) => `setweight(to_tsvector('simple', coalesce(${c}, '')), '${FTS_WEIGHTS[i] ?? 'D'}')`).join(' || ');
      return `CREATE TABLE ${name} (rowid BIGINT PRIMARY KEY, ${cols.map((c) => `${c} TEXT`).join(', ')}, doc tsvector GENERATED ALWAYS AS (${doc}) STORED);
  CREATE INDEX ${name}_doc ON ${name} USING GIN (doc);`;
    })
    .replace(/CREATE TRIGGER (\w+) AFTER INSERT ON (\w+)\s+WHEN ([\s\S]*?)\s+BEGIN([\s\S]*?)END;/g, (_, name: string, table: string, when: string, body: string) =>
      `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN IF ${when} THEN ${body.trim()} END IF; RETURN NULL; END $fn$;
  CREATE TRIGGER ${name} AFTER INSERT ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();`)
    .replace(/CREATE TABLE (\w+) \(([\s\S]*?)\n  \)( WITHOUT ROWID)?;/g, (whole, name: string, body: string, withoutRowid?: string) => {
      if (withoutRowid || /INTEGER PRIMARY KEY/.test(body)) return `CREATE TABLE ${name} (${body}\n  );`;
      return `CREATE TABLE ${name} (${body},\n    rowid BIGINT GENERATED BY DEFAULT AS IDENTITY\n  );`;
    })
    .replace(/CREATE TABLE (\w+) \(([^\n]*)\)( WITHOUT ROWID)?;/g, (whole, name: string, body: string, withoutRowid?: string) =>
      withoutRowid || /INTEGER PRIMARY KEY|\browid\b/.test(body) ? `CREATE TABLE ${name} (${body});` : `CREATE TABLE ${name} (${body}, rowid BIGINT GENERATED BY DEFAULT AS IDENTITY);`)
    .replace(/INTEGER PRIMARY KEY( AUTOINCREMENT)?/g, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION');
}
