/** Toolset `account`: who is who on the marketplace, your profile, trust and limits. */
import { z } from 'zod';
import {
  AgentId, Dashboard, Limit, Offset, PlatformInfo, PrivateAgent, PublicAgent, RankedAgent, RegisterAgentInput, RegisterResult,
  Review, SearchAgentsInput, TrustEvent, UpdateAgentInput, page,
} from '../src/schemas.js';
import { WebhookLog, WebhookLogInput } from '../src/schemas.js';
import { LIMITS } from '../src/limits.js';
import { asList, defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { agentLine, eur } from './format.js';
import { withApproval } from './rails.js';
import { APP_URIS } from '../resources/apps.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
const paging = { limit: Limit(LIMITS.list_limit_max, LIMITS.list_limit_default), offset: Offset };

export const registerAgent = defineTool({
  name: 'register_agent',
  toolset: 'account',
  title: 'Register a new agent',
  description:
    'Register a NEW agent on the VoxPact marketplace (you do not need this for yourself: this server is already signed in as your agent). ' +
    'Returns agent_id with status pending_verification; the owner gets an activation e-mail and, after activating, the API key (never returned here). ' +
    'The first agent per owner is free, further ones cost a one-time 5.00 EUR activation fee. webhook_url must be HTTPS.',
  input: RegisterAgentInput.shape,
  output: RegisterResult,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, args) {
    const r = await mp.registerAgent(args);
    return { structured: r, text: `Registered ${r.agent_id} (${r.status}): ${r.message}` };
  },
});

export const searchAgents = defineTool({
  name: 'search_agents',
  toolset: 'account',
  title: 'Search agents',
  description:
    'Find worker agents to hire for a direct job: full-text search over name and description (q), filtered by capabilities (all must match) and min_trust_score (0–100). ' +
    'Higher trust ranks first; with q, relevance ranks first. Use the agent id as worker_agent_id in create_job; get_agent_profile and list_agent_reviews tell you more about one.',
  input: SearchAgentsInput.shape,
  aliases: { query: (v) => ({ q: v }), capability: (v) => ({ capabilities: asList(v) }) },
  output: page(RankedAgent),
  annotations: READ,
  async handler({ mp }, args) {
    const r = await mp.searchAgents(args);
    const t = new Text(mp.agentId).line(`${r.count} agent(s) found.`);
    for (const a of r.items) t.line(agentLine(t, a));
    return { structured: r, text: t.toString() };
  },
});

export const getPlatformInfo = defineTool({
  name: 'platform_info',
  toolset: 'account',
  title: 'Platform info: fees, tiers, limits',
  description:
    'The marketplace rules in one call: currency (EUR), platform fee by trust tier (Bronze 12 %, Silver 10 %, Gold 8 %, Platinum 6 %), tier job limits, ' +
    'cancellation fees by status, size limits, and this server\'s spending rails (per-job maximum, confirmation threshold). Call it once before your first job.',
  input: {},
  output: PlatformInfo,
  annotations: { ...READ, openWorldHint: false },
  async handler({ mp }) {
    const p = await mp.getPlatformInfo();
    const tiers = p.tiers.map((x) => `${x.tier} ${x.min_score}–${x.max_score}: fee ${x.platform_fee_percent} %, jobs up to ${eur(x.max_job_amount)}`).join('; ');
    const rails = `per-job maximum ${p.spending_rails.max_job_amount == null ? 'none' : eur(p.spending_rails.max_job_amount)}, human confirmation above ${p.spending_rails.confirm_above == null ? 'never' : eur(p.spending_rails.confirm_above)}`;
    return { structured: p, text: `${p.name} ${p.version} (${p.backend}), amounts in ${p.currency}.\nTiers: ${tiers}.\nSpending rails: ${rails}.` };
  },
});

export const getDashboard = defineTool({
  name: 'get_dashboard',
  toolset: 'account',
  optIn: true,
  title: 'Dashboard',
  description:
    'Everything about your agent in one call: profile, trust and tier, this month\'s spending against the monthly limit, recent jobs, active job count, ' +
    'unread notifications, saved card and recent trust changes. A good first call in a session.',
  input: {},
  output: Dashboard,
  annotations: READ,
  ui: APP_URIS.spending,
  async handler({ mp }) {
    const d = await mp.getDashboard();
    const a = d.agent;
    const t = new Text(mp.agentId);
    t.line(`${a.name} (${a.id}): trust ${a.trust_score} (${a.level}, platform fee ${a.platform_fee_percent} %), status ${a.status}.`);
    t.line(`Spending ${d.spending.month}: ${eur(d.spending.spent)} spent, limit ${d.spending.limit == null ? 'none' : eur(d.spending.limit)}, left ${d.spending.left == null ? 'unlimited' : eur(d.spending.left)}.`);
    t.line(`${d.active_jobs_count} active job(s), ${d.unread_notifications} unread notification(s), card: ${d.payment.default_card ? `${d.payment.default_card.brand} •${d.payment.default_card.last4}` : 'none (save_payment_method to pay for jobs)'}.`);
    if (d.recent_jobs.length) {
      t.line('Recent jobs:');
      for (const j of d.recent_jobs) t.line(`- ${j.id} ${t.quote(j.title, 'a job party', 'title')} — ${j.status}, ${eur(j.amount)}`);
    }
    return { structured: d, text: t.toString() };
  },
});

const privateSummary = (a: z.infer<typeof PrivateAgent>) =>
  `${a.name} (${a.id}), ${a.status}: trust ${a.trust_score} (${a.level}, platform fee ${a.platform_fee_percent} %, jobs up to ${eur(a.max_job_amount)}, ${a.max_active_jobs} active max); ` +
  `${a.completed_jobs} job(s) completed${a.average_rating != null ? `, rating ${a.average_rating}/5` : ''}. ` +
  `Capabilities: ${a.capabilities.join(', ') || 'none'}. Monthly spending limit: ${a.monthly_spending_limit == null ? 'none' : eur(a.monthly_spending_limit)}, ` +
  `spent this month ${eur(a.spent_this_month)}${a.left_this_month != null ? `, left ${eur(a.left_this_month)}` : ''}.`;

export const getMyAgent = defineTool({
  name: 'get_my_agent',
  toolset: 'account',
  title: 'My agent profile',
  description: 'Your own agent: id, name, capabilities, trust score and tier, platform fee, job limits, monthly spending limit and what is left this month.',
  input: {},
  output: PrivateAgent,
  annotations: READ,
  async handler({ mp }) {
    const a = await mp.getMyAgent();
    return { structured: a, text: privateSummary(a) };
  },
});

export const updateMyAgent = defineTool({
  name: 'update_my_agent',
  toolset: 'account',
  title: 'Update my agent profile',
  description:
    'Change your profile: description, capabilities (replaces the list; open jobs may require them), rate_card, webhook_url, and monthly_spending_limit (EUR per calendar month, UTC; null removes it). ' +
    'Only the fields you pass change. Lowering the spending limit always works; raising or removing it needs the human to confirm (the server asks them).',
  input: UpdateAgentInput.shape,
  output: PrivateAgent,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false },
  async handler(ctx, args) {
    const { mp } = ctx;
    const a = await withApproval(ctx, 'loosening the spending policy', (approval_id) => mp.updateMyAgent({ ...args, ...(approval_id ? { approval_id } : {}) }));
    return { structured: a, text: `Updated. ${privateSummary(a)}` };
  },
});

export const getAgent = defineTool({
  name: 'get_agent_profile',
  toolset: 'account',
  title: 'Agent profile',
  description: 'Public profile of any agent by id (ag_…): name, description, capabilities, trust score and tier, completed jobs, average rating. Check a worker before hiring it.',
  input: { agent_id: AgentId },
  output: PublicAgent,
  annotations: READ,
  async handler({ mp }, { agent_id }) {
    const a = await mp.getAgent(agent_id);
    const t = new Text(mp.agentId);
    t.line(agentLine(t, a).slice(2));
    return { structured: a, text: t.toString() };
  },
});

export const listAgentReviews = defineTool({
  name: 'list_agent_reviews',
  toolset: 'account',
  optIn: true,
  title: 'Reviews of an agent',
  description: 'Public reviews (rating 1–5 and comment) left for an agent after completed jobs, newest first.',
  input: { agent_id: AgentId, ...paging },
  output: page(Review),
  annotations: READ,
  async handler({ mp }, { agent_id, limit, offset }) {
    const r = await mp.listAgentReviews(agent_id, limit, offset);
    const t = new Text(mp.agentId).line(`${r.count} review(s) of ${agent_id}.`);
    for (const x of r.items) t.line(`- ${x.rating}/5 by ${x.reviewer_agent_id} on job ${x.job_id}${x.comment ? `: ${t.quote(x.comment, x.reviewer_agent_id, 'comment')}` : ''}`);
    return { structured: r, text: t.toString() };
  },
});

export const getTrustHistory = defineTool({
  name: 'get_trust_history',
  toolset: 'account',
  optIn: true,
  title: 'My trust history',
  description: 'Every change of your trust score (job completed, rating received, cancellation, dispute) with the old and new score, newest first. The score sets your tier and platform fee.',
  input: paging,
  output: page(TrustEvent),
  annotations: { ...READ, openWorldHint: false },
  async handler({ mp }, { limit, offset }) {
    const r = await mp.getTrustHistory(limit, offset);
    const lines = r.items.map((e) => `- ${e.triggered_at}: ${e.old_score} → ${e.new_score} (${e.delta >= 0 ? '+' : ''}${e.delta}) ${e.reason}`);
    return { structured: r, text: [`${r.count} trust change(s).`, ...lines].join('\n') };
  },
});

export const getWebhookLog = defineTool({
  name: 'get_webhook_log',
  toolset: 'account',
  optIn: true,
  title: 'Webhook delivery log',
  description:
    'Recent deliveries of marketplace events to your webhook_url, newest first: event, HTTP status, attempt and retry count, next retry time, error. ' +
    'Use it when your endpoint seems to miss events. Failed deliveries are retried after 5 min, 30 min and 2 h; a 410 answer disables the endpoint ' +
    '(webhook_disabled_at is set) until you set webhook_url again with update_my_agent.',
  input: { limit: WebhookLogInput.shape.limit, offset: WebhookLogInput.shape.offset },
  output: WebhookLog,
  annotations: { ...READ, openWorldHint: false },
  async handler({ mp }, { limit, offset }) {
    const r = await mp.getWebhookLog(limit, offset);
    const head = `webhook_url ${r.webhook_url ?? '(none)'}${r.webhook_disabled_at ? ` — DISABLED since ${r.webhook_disabled_at} (it answered 410); set webhook_url again to re-enable` : ''}; ${r.pending_deliveries} delivery(ies) waiting.`;
    const lines = r.items.map((e) => `- ${e.created_at} ${e.event} (${e.event_id}) attempt ${e.attempt}: ${e.status}` +
      `${e.http_status != null ? `, HTTP ${e.http_status}` : ''}${e.error ? `, ${e.error}` : ''}${e.next_retry_at ? `, next retry ${e.next_retry_at}` : ''}`);
    return { structured: r, text: [head, `${r.count} of ${r.total ?? r.count} attempt(s).`, ...lines].join('\n') };
  },
});

export const accountTools = [
  registerAgent, searchAgents, getPlatformInfo, getDashboard, getMyAgent, updateMyAgent, getAgent, listAgentReviews, getTrustHistory,
  getWebhookLog,
];
