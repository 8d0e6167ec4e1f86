/**
 * Versioned schema. Each entry runs once, in order, inside one transaction; PRAGMA user_version
 * records how far a database has come. Never edit a shipped migration: add the next one.
 * Money columns are integer cents (`_cents`), times are epoch milliseconds (`_at`).
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
];
