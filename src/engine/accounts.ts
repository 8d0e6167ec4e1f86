/** Owners and agents: registration, activation, API keys, profiles, discovery, reviews, trust. */
import { fts, ftsQuery } from './search.js';
import { VoxError, invalid, notFound, unauthorized } from '../errors.js';
import { LIMITS, tierOf } from '../limits.js';
import { cents, centsToEur } from '../money.js';
import type { PrivateAgent, PublicAgent, RegisterAgentInput, SearchAgentsInput, UpdateAgentInput } from '../schemas.js';
import type { Page } from '../marketplace.js';
import { type Ctx, changed, mailLink, sendMail } from './context.js';
import { getRow } from './db.js';
import { agentId as newAgentId, isWellFormedApiKey, keyPrefix, newApiKey, sha256, uuid } from './ids.js';
import { acct, post } from './ledger.js';
import { chargeCard } from './payments.js';
import { spentThisMonthCents } from './cards.js';
import { refreshBidCount } from './jobs.js';
import { gatePolicyChange, policyView } from './policy.js';
import { type AgentRow, publicAgentView, reviewView, trustView } from './views.js';
import { ensureWebhookSecret } from '../webhooks/secret.js';

export function getAgentRow(ctx: Ctx, id: string): AgentRow & { api_key_hash: string | null; activation_token: string | null } {
  const row = getRow<AgentRow & { api_key_hash: string | null; activation_token: string | null }>(ctx.db.prepare("SELECT * FROM agents WHERE id = ? AND status <> 'deleted'"), id);
  if (!row) throw notFound('agent', id);
  return row;
}

function ownerFor(ctx: Ctx, email: string): string {
  const e = email.toLowerCase();
  const found = ctx.db.prepare('SELECT id FROM owners WHERE email = ?').get(e) as { id: string } | undefined;
  if (found) return found.id;
  const id = `own_${uuid().replace(/-/g, '')}`;
  ctx.db.prepare('INSERT INTO owners (id, email, created_at) VALUES (?, ?, ?)').run(id, e, ctx.clock.now());
  return id;
}

/** Keep the FTS index and the capability index in step with an agent's searchable fields. */
export function indexAgent(ctx: Ctx, id: string) {
  const a = ctx.db.prepare('SELECT rowid, name, description, capabilities, status FROM agents WHERE id = ?').get(id) as { rowid: number; name: string; description: string | null; capabilities: string; status: string };
  const caps: string[] = JSON.parse(a.capabilities);
  ctx.db.prepare('DELETE FROM agents_fts WHERE rowid = ?').run(a.rowid);
  ctx.db.prepare('DELETE FROM agent_capabilities WHERE agent_id = ?').run(id);
  if (a.status !== 'active') return;
  ctx.db.prepare('INSERT INTO agents_fts (rowid, name, description, capabilities) VALUES (?, ?, ?, ?)').run(a.rowid, a.name, a.description ?? '', caps.join(' '));
  const ins = ctx.db.prepare('INSERT INTO agent_capabilities (agent_id, capability) VALUES (?, ?) ON CONFLICT DO NOTHING');
  for (const c of caps) ins.run(id, c);
}

/** Register: the agent waits for its owner to open the activation link in the e-mail. */
export function registerAgent(ctx: Ctx, input: RegisterAgentInput | (Omit<RegisterAgentInput, 'webhook_url'> & { webhook_url?: string })) {
  const now = ctx.clock.now();
  const owner = ownerFor(ctx, input.owner_email);
  // The latest registration's country is the owner's (VoxPact's clients send it; ISO 3166-1 alpha-2).
  if (input.owner_country) ctx.db.prepare('UPDATE owners SET country = ? WHERE id = ?').run(input.owner_country, owner);
  const id = newAgentId(now);
  const token = uuid();
  ctx.db.prepare(`INSERT INTO agents (id, owner_id, name, description, capabilities, webhook_url, rate_card, status, trust_score, activation_token, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, 'pending_verification', 50, ?, ?)`).run(
    id, owner, input.name, input.description ?? null, JSON.stringify(input.capabilities ?? []), input.webhook_url ?? null,
    input.rate_card ? JSON.stringify(input.rate_card) : null, token, now,
  );
  const { fee_cents } = activationFee(ctx, owner, id);
  sendMail(ctx, input.owner_email, `Activate your VoxPact agent "${input.name}"`,
    `Your agent ${input.name} (${id}) was registered.\n\nActivation token: ${token}\nOpen: ${mailLink(ctx, `/activate?token=${token}`)}\n` +
    (fee_cents ? `Activation fee: ${(fee_cents / 100).toFixed(2)} EUR.\n` : 'Your first agent is free.\n'));
  return { agent_id: id, status: 'pending_verification', message: 'Activation link sent to owner email' };
}

/** First active agent per owner is free; each further one costs the activation fee. */
function activationFee(ctx: Ctx, ownerId: string, agentId: string) {
  const others = ctx.db.prepare("SELECT COUNT(*) n FROM agents WHERE owner_id = ? AND id <> ? AND status = 'active'").get(ownerId, agentId) as { n: number };
  return { fee_cents: others.n === 0 ? 0 : LIMITS.activation_fee_cents };
}

export function activationInfo(ctx: Ctx, token: string) {
  const a = ctx.db.prepare('SELECT a.id, a.name, a.owner_id, a.status, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.activation_token = ?').get(token) as
    { id: string; name: string; owner_id: string; status: string; email: string } | undefined;
  if (!a) throw new VoxError('invalid_token', 'activation token is unknown or already used', 404, { field: 'token' });
  const { fee_cents } = activationFee(ctx, a.owner_id, a.id);
  return { agent_id: a.id, agent_name: a.name, owner_email: a.email, status: a.status, fee_amount: centsToEur(fee_cents), currency: 'EUR' };
}

/**
 * Activate. Free → active at once and the API key is mailed. Paid → a checkout the owner pays
 * (`payCheckout`); the key is mailed when it is paid. Returns the plaintext key only to
 * in-process callers (the CLI); the REST API never returns it.
 */
export function activate(ctx: Ctx, token: string, termsAgreed: boolean): { agent_id: string; status: string; api_key?: string; checkout_id?: string; checkout_url?: string; fee_amount: number } {
  if (termsAgreed !== true) throw invalid('terms_agreed', 'must be true: the owner must agree to the Terms & Privacy Policy');
  const info = activationInfo(ctx, token);
  if (info.fee_amount === 0) return { ...issueKey(ctx, info.agent_id, 'activated'), status: 'active', fee_amount: 0 };
  const existing = ctx.db.prepare("SELECT id FROM checkouts WHERE agent_id = ? AND status = 'open'").get(info.agent_id) as { id: string } | undefined;
  const checkoutId = existing?.id ?? `cs_${uuid().replace(/-/g, '')}`;
  if (!existing) {
    ctx.db.prepare("INSERT INTO checkouts (id, agent_id, amount_cents, status, created_at) VALUES (?, ?, ?, 'open', ?)").run(checkoutId, info.agent_id, cents(info.fee_amount), ctx.clock.now());
    ctx.db.prepare("UPDATE agents SET status = 'pending_payment' WHERE id = ?").run(info.agent_id);
  }
  return { agent_id: info.agent_id, status: 'pending_payment', checkout_id: checkoutId, checkout_url: `/checkout/${checkoutId}`, fee_amount: info.fee_amount };
}

/** An activation checkout as its pages show it: the fee, the agent, and whether it is paid. */
export function checkoutInfo(ctx: Ctx, checkoutId: string) {
  const c = ctx.db.prepare('SELECT c.id, c.amount_cents, c.status, a.name FROM checkouts c JOIN agents a ON a.id = c.agent_id WHERE c.id = ?').get(checkoutId) as
    { id: string; amount_cents: number; status: 'open' | 'paid'; name: string } | undefined;
  if (!c) throw notFound('checkout', checkoutId);
  return { checkout_id: c.id, agent_name: c.name, fee_amount: centsToEur(c.amount_cents), currency: 'EUR', status: c.status };
}

/** Pay an activation checkout with a card (a test payment-method id in embedded mode). */
export function payCheckout(ctx: Ctx, checkoutId: string, cardToken: string) {
  const c = ctx.db.prepare('SELECT * FROM checkouts WHERE id = ?').get(checkoutId) as { id: string; agent_id: string; amount_cents: number; status: string } | undefined;
  if (!c) throw notFound('checkout', checkoutId);
  if (c.status === 'paid') throw new VoxError('already_paid', 'this checkout is already paid', 409);
  // Stripe (src/payments): the fee is paid on Stripe Checkout; the hook says whether it was.
  const res = ctx.payments?.checkout?.(c.id) ?? chargeCard(cardToken);
  const now = ctx.clock.now();
  ctx.db.prepare("INSERT INTO charges (id, agent_id, job_id, amount_cents, purpose, status, error_code, created_at) VALUES (?, ?, NULL, ?, 'activation_fee', ?, ?, ?)")
    .run(`ch_${uuid().replace(/-/g, '')}`, c.agent_id, c.amount_cents, res.ok ? 'succeeded' : 'failed', res.ok ? null : res.code, now);
  if (!res.ok) throw new VoxError(res.code, `activation fee not paid: ${res.message}`, 402);
  post(ctx.db, { kind: 'activation_fee', agent_id: c.agent_id, ref: `activation:${c.id}`, at: now, entries: [
    { account: acct.funding(c.agent_id), amount_cents: -c.amount_cents },
    { account: acct.activation, amount_cents: c.amount_cents },
  ] });
  ctx.db.prepare("UPDATE checkouts SET status = 'paid', paid_at = ? WHERE id = ?").run(now, c.id);
  return { ...issueKey(ctx, c.agent_id, 'activated'), status: 'active' };
}

/** Make a new API key, store only its hash, mail it to the owner; every older key dies now. */
export function issueKey(ctx: Ctx, agentId: string, why: 'activated' | 'rotated' | 'recovered') {
  const key = newApiKey();
  const now = ctx.clock.now();
  const wasActive = (ctx.db.prepare('SELECT status FROM agents WHERE id = ?').get(agentId) as { status: string }).status === 'active';
  ctx.db.prepare(`UPDATE agents SET api_key_hash = ?, api_key_prefix = ?, key_issued_at = ?, status = 'active', activation_token = NULL,
      activated_at = COALESCE(activated_at, ?) WHERE id = ?`).run(sha256(key), keyPrefix(key), now, now, agentId);
  if (!wasActive) indexAgent(ctx, agentId);
  // A new key ends every session of the old one: JWTs carry the version they were issued at.
  ctx.db.prepare('UPDATE agents SET token_version = token_version + 1 WHERE id = ?').run(agentId);
  // A rotated or recovered key (a leak?) also ends the owner's sessions and the agent tokens selected from them.
  if (why !== 'activated') ctx.db.prepare('UPDATE owners SET token_version = token_version + 1 WHERE id = (SELECT owner_id FROM agents WHERE id = ?)').run(agentId);
  const a = ctx.db.prepare('SELECT a.name, o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?').get(agentId) as { name: string; email: string };
  // The webhook signing secret is created once and sent with every key; rotating the key keeps it.
  const webhookSecret = ensureWebhookSecret(ctx, agentId);
  sendMail(ctx, a.email, `Your VoxPact API key for "${a.name}"`,
    `Agent ${a.name} (${agentId}) ${why}.\n\nAPI key (shown once, store it safely):\n${key}\n\nExchange it for a JWT at POST /v1/agents/auth/token, or set VOXPACT_API_KEY for the MCP server.\n` +
    `\nWebhook signing secret (verifies X-VoxPact-Signature and webhook-signature on the events sent to your webhook_url; key rotation does not change it):\n${webhookSecret}\n`);
  return { agent_id: agentId, api_key: key };
}

/** API key → agent id. Cheap format check first, so junk never touches the database. */
export function authenticate(ctx: Ctx, apiKey: string): string {
  if (!isWellFormedApiKey(apiKey)) throw unauthorized('API key is malformed (expected vxp_live_… with a valid checksum)');
  const row = ctx.db.prepare("SELECT id FROM agents WHERE api_key_hash = ? AND status = 'active'").get(sha256(apiKey)) as { id: string } | undefined;
  if (!row) throw unauthorized('API key is not valid (rotated, revoked or never issued)');
  return row.id;
}

/** Permanently delete an agent of the caller's owner; refused while it has active jobs. */
export function deleteAgent(ctx: Ctx, callerId: string, targetId: string) {
  const caller = getAgentRow(ctx, callerId);
  const target = getAgentRow(ctx, targetId);
  if (caller.owner_id !== target.owner_id) throw notFound('agent', targetId);
  const active = ctx.db.prepare(`SELECT COUNT(*) n FROM jobs WHERE (buyer_id = ? OR worker_id = ?) AND status NOT IN ('completed','cancelled','refunded')`).get(targetId, targetId) as { n: number };
  if (active.n > 0) throw new VoxError('active_jobs', `agent has ${active.n} active job(s); complete or cancel them first`, 409);
  const bidJobs = ctx.db.prepare("SELECT DISTINCT job_id FROM bids WHERE worker_id = ? AND status IN ('active','countered')").all(targetId) as { job_id: string }[];
  ctx.db.prepare("UPDATE bids SET status = 'withdrawn' WHERE worker_id = ? AND status IN ('active','countered')").run(targetId);
  for (const b of bidJobs) refreshBidCount(ctx, b.job_id);
  ctx.db.prepare("UPDATE agents SET status = 'deleted', api_key_hash = NULL WHERE id = ?").run(targetId);
  indexAgent(ctx, targetId);
  return { agent_id: targetId, deleted: true as const };
}

export function privateAgent(ctx: Ctx, id: string): PrivateAgent {
  const a = getAgentRow(ctx, id);
  const tier = tierOf(a.trust_score);
  const owner = ctx.db.prepare('SELECT email FROM owners WHERE id = ?').get(a.owner_id) as { email: string };
  const spent = spentThisMonthCents(ctx, id);
  const limit = a.monthly_spending_limit_cents;
  // Object.assign, not `{ ...view, … }`: on Node 20, spreading a fresh object and adding fields
  // gives each result its own hidden class, which fills the old generation on hot paths.
  return Object.assign(publicAgentView(a), {
    owner_email: owner.email, webhook_url: a.webhook_url,
    platform_fee_percent: tier.fee_percent, max_job_amount: centsToEur(tier.max_job_amount_cents), max_active_jobs: tier.max_active_jobs,
    monthly_spending_limit: limit == null ? null : centsToEur(limit),
    ...policyView(ctx, id),
    spent_this_month: centsToEur(spent), left_this_month: limit == null ? null : centsToEur(Math.max(0, limit - spent)),
  });
}

/** `byOwner`: the owner's dashboard session (a human already); an agent's own call loosens no rail without an approval. */
export function updateAgent(ctx: Ctx, id: string, input: UpdateAgentInput, byOwner = false): PrivateAgent {
  getAgentRow(ctx, id);
  const c = (v: number | null | undefined) => (v == null ? v : cents(v));
  const policy = Object.fromEntries(([['monthly_spending_limit_cents', input.monthly_spending_limit], ['spend_max_job_cents', input.max_spend_per_job],
    ['spend_confirm_above_cents', input.confirm_above]] as const).filter(([, v]) => v !== undefined).map(([k, v]) => [k, c(v)!]));
  gatePolicyChange(ctx, id, policy, { byOwner, approvalId: input.approval_id });
  const sets: string[] = [];
  const vals: unknown[] = [];
  const set = (col: string, v: unknown) => (sets.push(`${col} = ?`), vals.push(v));
  if (input.webhook_url !== undefined) set('webhook_url', input.webhook_url);
  if (input.webhook_url !== undefined) set('webhook_disabled_at', null); // a new URL re-enables an endpoint disabled by a 410
  if (input.description !== undefined) set('description', input.description);
  if (input.capabilities !== undefined) set('capabilities', JSON.stringify(input.capabilities));
  if (input.rate_card !== undefined) set('rate_card', JSON.stringify(input.rate_card));
  if (input.availability !== undefined) set('availability', input.availability);
  for (const [col, v] of Object.entries(policy)) set(col, v);
  if (sets.length) {
    ctx.db.prepare(`UPDATE agents SET ${sets.join(', ')} WHERE id = ?`).run(...vals, id);
    indexAgent(ctx, id);
    changed(ctx, id, null, 'agent');
  }
  return privateAgent(ctx, id);
}

export function publicAgent(ctx: Ctx, id: string): PublicAgent {
  const a = getAgentRow(ctx, id);
  if (a.status !== 'active') throw notFound('agent', id);
  return publicAgentView(a);
}

/**
 * With `q`: bm25 over name, description, capabilities, then trust; without: highest trust first.
 * Capability and trust filters. Unlike browseOpenJobs, every match is ranked (no window of the
 * newest): agents do not expire as open jobs do, and an established, higher-trust agent must
 * not drop out of a search because newer agents matched too (api-reference: higher tiers
 * surface first). The cost is one bm25 per matching agent (docs/performance.md).
 */
export function searchAgents(ctx: Ctx, input: SearchAgentsInput): Page<PublicAgent & { relevance?: number }> {
  const where = ["a.status = 'active'"];
  const params: Record<string, unknown> = { limit: input.limit };
  // Every capability asked for (a buyer hires one agent for all of them), checked per candidate
  // row through the primary key (capability, agent_id), as in browseOpenJobs.
  if (input.capabilities?.length) {
    const wanted = [...new Set(input.capabilities)];
    where.push(`(SELECT COUNT(*) FROM agent_capabilities c WHERE c.agent_id = a.id AND c.capability IN (${wanted.map((_, i) => `@c${i}`).join(',')})) = ${wanted.length}`);
    wanted.forEach((c, i) => (params[`c${i}`] = c));
  }
  if (input.min_trust_score !== undefined) (where.push('a.trust_score >= @trust'), (params.trust = input.min_trust_score));
  const match = ftsQuery(ctx.db, input.q);
  if (match) params.match = match;
  const f = fts(ctx.db, 'agents_fts');
  // With q only the ranking keys of every match go through the sort, then the page's rows are read.
  const sql = match
    ? `SELECT a.*, page.relevance FROM (SELECT a.rowid AS rid, ${f.rank} AS relevance, a.trust_score AS trust
        FROM agents_fts f JOIN agents a ON a.rowid = f.rowid WHERE ${f.match} AND ${where.join(' AND ')}
        ORDER BY relevance, trust DESC LIMIT @limit) page JOIN agents a ON a.rowid = page.rid ORDER BY page.relevance, page.trust DESC`
    : `SELECT a.*, NULL AS relevance FROM agents a WHERE ${where.join(' AND ')} ORDER BY a.trust_score DESC, a.completed_jobs DESC, a.created_at DESC LIMIT @limit`;
  const rows = ctx.db.prepare(sql).all(params) as (AgentRow & { relevance: number | null })[];
  const items = rows.map((r) => Object.assign(publicAgentView(r), r.relevance != null ? { relevance: Math.round(-r.relevance * 1000) / 1000 } : {}));
  return { items, count: items.length };
}

export function listReviews(ctx: Ctx, agentId: string, limit: number, offset: number) {
  publicAgent(ctx, agentId);
  const rows = ctx.db.prepare('SELECT * FROM reviews WHERE reviewee_id = ? ORDER BY created_at DESC LIMIT ? OFFSET ?').all(agentId, limit, offset) as any[];
  const total = (ctx.db.prepare('SELECT COUNT(*) n FROM reviews WHERE reviewee_id = ?').get(agentId) as { n: number }).n;
  return { items: rows.map(reviewView), count: rows.length, total };
}

export function trustHistory(ctx: Ctx, agentId: string, limit: number, offset: number) {
  const rows = ctx.db.prepare('SELECT * FROM trust_events WHERE agent_id = ? ORDER BY id DESC LIMIT ? OFFSET ?').all(agentId, limit, offset) as any[];
  const total = (ctx.db.prepare('SELECT COUNT(*) n FROM trust_events WHERE agent_id = ?').get(agentId) as { n: number }).n;
  return { items: rows.map(trustView), count: rows.length, total };
}

