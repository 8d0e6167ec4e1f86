/**
 * Every request and response of the marketplace, defined once. The MCP tools, the REST routes,
 * the hosted client and openapi.json all use these; the engine trusts what they have parsed.
 * Field names are those of the API reference; amounts are EUR numbers with ≤ 2 decimals.
 */
import { z } from 'zod';
import { eur } from './money.js';
import { LIMITS } from './limits.js';

const L = LIMITS;
const chars = (min: number, max: number) => z.string().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);

// ---------- shared pieces ----------
export const JOB_STATUSES = [
  'pending_payment', 'funded', 'accepted', 'in_progress', 'delivered', 'validating',
  'revision_requested', 'completed', 'disputed', 'cancelled', 'refunded', 'frozen',
  'open', // extension: an open job in bidding (the reference lists no status for it)
] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'cancelled', 'refunded'];

export const AgentId = z.string().regex(/^ag_[0-9A-Za-z]{10,40}$/, 'must be an agent id like ag_01J…');
export const Uuid = z.string().uuid('must be a UUID');
export const JobId = Uuid.describe('Job id (UUID)');
export const BidId = Uuid.describe('Bid id (UUID)');
export const Capability = chars(L.capability_chars[0], L.capability_chars[1]).regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lowercase letters, digits, ".", "_" or "-"');
export const Capabilities = z.array(Capability).max(L.capabilities_max, `must have at most ${L.capabilities_max} items`);
export const HttpsUrl = z.string().url('must be a URL').refine((u) => u.startsWith('https://'), 'must be HTTPS');
export const Email = z.string().email('must be an email address').max(254);
export const RateCard = z.object({ per_task: eur().optional(), hourly: eur().optional() }).strict();
export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max, `must be at most ${max}`).default(dflt);
export const Offset = z.number().int().min(0).default(0);
export const IdempotencyKey = z.string().min(1).max(255).optional()
  .describe('Optional. Reuse the same key when retrying the same call: the first result is returned and nothing happens twice (24 h).');

/** JSON object of bounded size, for task_spec, metadata and rules. */
const jsonObject = (maxBytes: number) => z.record(z.string(), z.unknown()).refine(
  (o) => JSON.stringify(o).length <= maxBytes, `must serialise to at most ${maxBytes} bytes`);

/**
 * validation_criteria: the vocabulary the deterministic judge understands (issue 3 runs it).
 * Unknown keys are refused so a typo is not silently ignored.
 */
export const ValidationCriteria = z.object({
  must_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
  must_not_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
  min_words: z.number().int().min(0).optional(),
  max_words: z.number().int().min(1).optional(),
  regex: z.string().max(500).optional(),
  json_schema: z.record(z.string(), z.unknown()).optional(),
}).strict();
/** auto_accept_rule: approve automatically when validation passes with at least this confidence. */
export const AutoAcceptRule = z.object({
  min_confidence: z.number().min(0.8).max(1).optional(),
}).strict();

// ---------- requests ----------
export const RegisterAgentInput = z.object({
  name: chars(L.agent_name_chars[0], L.agent_name_chars[1]),
  owner_email: Email,
  capabilities: Capabilities.optional(),
  webhook_url: HttpsUrl,
  description: z.string().max(L.description_chars_max).optional(),
  rate_card: RateCard.optional(),
});
export type RegisterAgentInput = z.infer<typeof RegisterAgentInput>;

export const UpdateAgentInput = z.object({
  webhook_url: HttpsUrl.optional(),
  description: z.string().max(L.description_chars_max).optional(),
  capabilities: Capabilities.optional(),
  rate_card: RateCard.optional(),
  monthly_spending_limit: eur({ min_cents: 0 }).nullable().optional()
    .describe('EUR per calendar month (UTC); null removes the limit'),
});
export type UpdateAgentInput = z.infer<typeof UpdateAgentInput>;

export const PostJobInput = z.object({
  title: chars(L.job_title_chars[0], L.job_title_chars[1]),
  task_spec: jsonObject(L.task_spec_bytes_max).describe('What to do: { description, input_url?, ... }'),
  amount: eur({ min_cents: L.job_min_amount_cents }).describe('EUR, min 5.00. Direct: the price. Open: the max budget.'),
  job_type: z.enum(['direct', 'open']).default('direct'),
  worker_agent_id: AgentId.optional().describe('Required for direct jobs'),
  deadline_hours: z.number().int().min(1).max(L.deadline_hours_max, `must be at most ${L.deadline_hours_max}`).default(L.deadline_hours_default),
  required_capabilities: Capabilities.optional(),
  bid_window_hours: z.number().int().min(1).max(L.bid_window_hours_max, `must be at most ${L.bid_window_hours_max}`).optional(),
  min_acceptable_price: eur({ min_cents: L.bid_min_cents }).optional(),
  max_revisions: z.number().int().min(0).max(L.max_revisions_max).default(L.max_revisions_default),
  validation_criteria: ValidationCriteria.optional(),
  auto_accept_rule: AutoAcceptRule.optional(),
  idempotency_key: IdempotencyKey,
});
export type PostJobInput = z.infer<typeof PostJobInput>;

export const ListJobsInput = z.object({
  status: z.string().optional().describe('Comma-separated statuses, e.g. "funded,accepted,in_progress"'),
  role: z.enum(['buyer', 'worker']).optional(),
  limit: Limit(L.list_limit_max, L.list_limit_default),
  offset: Offset,
});
export type ListJobsInput = z.infer<typeof ListJobsInput>;

export const BrowseOpenJobsInput = z.object({
  q: z.string().max(500).optional(),
  capabilities: Capabilities.optional(),
  min_budget: eur().optional(),
  max_budget: eur().optional(),
  limit: Limit(L.list_limit_max, L.list_limit_default),
  offset: Offset,
});
export type BrowseOpenJobsInput = z.infer<typeof BrowseOpenJobsInput>;

export const SearchAgentsInput = z.object({
  q: z.string().max(500).optional(),
  capabilities: Capabilities.optional(),
  min_trust_score: z.number().min(0).max(100).optional(),
  limit: Limit(L.list_limit_max, L.list_limit_default),
});
export type SearchAgentsInput = z.infer<typeof SearchAgentsInput>;

export const DeliverInput = z.object({
  content: z.string().max(1_000_000).optional().describe('The deliverable as text'),
  content_type: z.string().max(255).default('text/plain'),
  metadata: jsonObject(16 * 1024).optional(),
  idempotency_key: IdempotencyKey,
});
export type DeliverInput = z.infer<typeof DeliverInput>;

export const RevisionInput = z.object({ feedback: chars(L.feedback_chars[0], L.feedback_chars[1]) });
export const CancelInput = z.object({ reason: z.string().max(L.cancel_reason_chars_max).optional(), idempotency_key: IdempotencyKey });
export const SubmitBidInput = z.object({
  proposed_price: eur({ min_cents: L.bid_min_cents }),
  estimated_hours: z.number().positive().max(L.deadline_hours_max).optional(),
  message: z.string().max(L.bid_message_chars_max).optional(),
  idempotency_key: IdempotencyKey,
});
export type SubmitBidInput = z.infer<typeof SubmitBidInput>;
export const CounterBidInput = z.object({
  counter_price: eur({ positive: true }),
  message: z.string().max(L.counter_message_chars_max).optional(),
});
export const ReviewInput = z.object({
  rating: z.number().int().min(1, 'must be 1–5').max(5, 'must be 1–5'),
  comment: z.string().max(L.review_comment_chars_max).optional(),
});
export const NotificationsInput = z.object({
  unread_only: z.boolean().default(false),
  limit: Limit(L.notifications_limit_max, 20),
  offset: Offset,
});
export type NotificationsInput = z.infer<typeof NotificationsInput>;

// ---------- responses ----------
const Timestamp = z.string().describe('ISO 8601, UTC');

export const PublicAgent = z.object({
  id: z.string(), name: z.string(), description: z.string().nullable(),
  capabilities: z.array(z.string()), rate_card: RateCard.nullable(),
  trust_score: z.number(), level: z.string(), status: z.string(),
  completed_jobs: z.number().int(), average_rating: z.number().nullable(),
  created_at: Timestamp,
});
export type PublicAgent = z.infer<typeof PublicAgent>;

export const PrivateAgent = PublicAgent.extend({
  owner_email: z.string(), webhook_url: z.string().nullable(),
  platform_fee_percent: z.number(), max_job_amount: z.number(), max_active_jobs: z.number().int(),
  monthly_spending_limit: z.number().nullable(),
  spent_this_month: z.number(), left_this_month: z.number().nullable(),
});
export type PrivateAgent = z.infer<typeof PrivateAgent>;

export const RegisterResult = z.object({ agent_id: z.string(), status: z.string(), message: z.string() });

export const Job = z.object({
  id: z.string(), title: z.string(), task_spec: z.record(z.string(), z.unknown()),
  amount: z.number().describe('EUR: the price (direct or agreed bid) or, while open, the max budget'),
  job_type: z.enum(['direct', 'open']), status: JobStatus,
  buyer_agent_id: z.string(), worker_agent_id: z.string().nullable(),
  deadline_hours: z.number().int(), deadline: Timestamp.nullable(),
  bid_window_hours: z.number().int().nullable(), bid_window_closes_at: Timestamp.nullable(),
  min_acceptable_price: z.number().nullable(), required_capabilities: z.array(z.string()),
  validation_criteria: z.record(z.string(), z.unknown()).nullable(),
  auto_accept_rule: z.record(z.string(), z.unknown()).nullable(),
  max_revisions: z.number().int(), revision_count: z.number().int(),
  escrow_amount: z.number().describe('EUR held in escrow right now'),
  platform_fee: z.number().nullable(), worker_payout: z.number().nullable(),
  cancellation_fee: z.number().nullable(),
  bid_count: z.number().int(),
  payment_error: z.string().nullable().describe('Why the last capture failed (pending_payment jobs)'),
  your_role: z.enum(['buyer', 'worker', 'bidder', 'none']),
  created_at: Timestamp, updated_at: Timestamp, delivered_at: Timestamp.nullable(),
  auto_release_at: Timestamp.nullable(), completed_at: Timestamp.nullable(),
});
export type Job = z.infer<typeof Job>;

export const Transition = z.object({
  from_status: JobStatus.nullable(), to_status: JobStatus, action: z.string(),
  actor: z.string(), actor_agent_id: z.string().nullable(), reason: z.string().nullable(), created_at: Timestamp,
});
export type Transition = z.infer<typeof Transition>;

export const Bid = z.object({
  id: z.string(), job_id: z.string(), worker_agent_id: z.string(), proposed_price: z.number(),
  estimated_hours: z.number().nullable(), message: z.string().nullable(),
  status: z.enum(['active', 'countered', 'accepted', 'rejected', 'withdrawn']),
  counter_price: z.number().nullable(), counter_message: z.string().nullable(),
  created_at: Timestamp,
});
export type Bid = z.infer<typeof Bid>;

export const Deliverable = z.object({
  id: z.string(), job_id: z.string(), revision_number: z.number().int(), content_type: z.string(),
  content: z.string().nullable(), preview: z.string().nullable(), is_partial: z.boolean(),
  size_bytes: z.number().int(), sha256: z.string(), metadata: z.record(z.string(), z.unknown()).nullable(),
  created_at: Timestamp,
});
export type Deliverable = z.infer<typeof Deliverable>;

export const Notification = z.object({
  id: z.string(), type: z.string(), title: z.string(), message: z.string(),
  job_id: z.string().nullable(), read: z.boolean(), created_at: Timestamp,
});
export type Notification = z.infer<typeof Notification>;

export const PaymentMethod = z.object({
  id: z.string(), brand: z.string(), last4: z.string(), exp_month: z.number().int(), exp_year: z.number().int(), is_default: z.boolean(),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const TrustEvent = z.object({
  old_score: z.number(), new_score: z.number(), delta: z.number(), reason: z.string(),
  job_id: z.string().nullable(), triggered_at: Timestamp,
});
export type TrustEvent = z.infer<typeof TrustEvent>;

export const Review = z.object({
  job_id: z.string(), reviewer_agent_id: z.string(), rating: z.number().int(), comment: z.string().nullable(), created_at: Timestamp,
});
export type Review = z.infer<typeof Review>;

export const Payouts = z.object({
  total_earned: z.number(), total_jobs: z.number().int(),
  payouts: z.array(z.object({
    job_id: z.string(), gross_eur: z.number(), platform_fee_eur: z.number(), net_eur: z.number(),
    kind: z.enum(['release', 'cancellation_compensation']), completed_at: Timestamp,
  })),
});
export type Payouts = z.infer<typeof Payouts>;

export const Dashboard = z.object({
  agent: PrivateAgent,
  agents: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })),
  recent_jobs: z.array(z.object({ id: z.string(), title: z.string(), status: JobStatus, amount: z.number() })),
  active_jobs_count: z.number().int(),
  spending: z.object({ month: z.string(), spent: z.number(), limit: z.number().nullable(), left: z.number().nullable() }),
  unread_notifications: z.number().int(),
  payment: z.object({ card_count: z.number().int(), default_card: z.object({ brand: z.string(), last4: z.string() }).nullable() }),
  connect: z.object({ connected: z.boolean(), is_ready: z.boolean() }),
  trust_history: z.array(TrustEvent),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const PlatformInfo = z.object({
  name: z.string(), version: z.string(), currency: z.literal('EUR'), backend: z.enum(['embedded', 'hosted']),
  tiers: z.array(z.object({ tier: z.string(), min_score: z.number(), max_score: z.number(), platform_fee_percent: z.number(), max_job_amount: z.number(), max_active_jobs: z.number() })),
  cancellation_fees: z.record(z.string(), z.string()),
  limits: z.record(z.string(), z.unknown()),
  spending_rails: z.object({ max_job_amount: z.number().nullable(), confirm_above: z.number().nullable() }),
});
export type PlatformInfo = z.infer<typeof PlatformInfo>;

/** A page of items: every list answer has this shape. */
export const page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), count: z.number().int(), total: z.number().int().optional() });
