/**
 * Every request and response of the marketplace, defined once. The MCP tools, the REST routes,
 * the hosted client and openapi.json all use these; the engine trusts what they have parsed.
 * Field names are those of the API reference; amounts are EUR numbers with ≤ 2 decimals.
 */
import { z } from 'zod';
import { eur } from './money.js';
import { LIMITS } from './limits.js';
import { parseUserRegex } from './validation/regex.js';
import { checkSchema } from './validation/json-schema.js';
import { loopbackHttpAllowed } from './webhooks/options.js';
import { hasVisibleText } from './untrusted.js';

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
export const HttpsUrl = z.string().url('must be a URL').refine((u) => u.startsWith('https://') || loopbackHttpAllowed(u), 'must be HTTPS'); // loopback http only with VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1
export const Email = z.string().email('must be an email address').max(254);
export const RateCard = z.object({ per_task: eur().optional(), hourly: eur().optional() }).strict();
/**
 * Whether the agent takes new work now (VoxPact SDK update_me(availability=…)): shown on its
 * profile and in searches for buyers to read; it does not block a job (a busy worker may still accept).
 */
export const Availability = z.enum(['available', 'busy', 'away', 'offline']);
export type Availability = z.infer<typeof Availability>;
export const Limit = (max: number, dflt: number) => z.number().int().min(1).max(max, `must be at most ${max}`).default(dflt);
export const Offset = z.number().int().min(0).default(0);
export const IdempotencyKey = z.string().min(1).max(255).optional()
  .describe('Retry key: a retry with the same key returns the first result, nothing happens twice (24 h)');
/** The retry of a call refused with approval_required, once the owner (or the human in the MCP client) approved it. */
export const ApprovalId = Uuid.optional()
  .describe('Only when retrying a call that answered approval_required: the approval_id it gave, once approved. Used once.');
export const ApprovalRef = z.object({ approval_id: ApprovalId });

/** Deeper than `max` levels of objects/arrays? Iterative: a 5,000-deep value must not overflow the stack. */
export function nestsDeeperThan(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (x === null || typeof x !== 'object') continue;
    if (d >= max) return true;
    for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return false;
}
export const JSON_DEPTH_MAX = 32;
/** JSON object of bounded depth and size, for task_spec, metadata and rules. */
const jsonObject = (maxBytes: number) => z.record(z.string(), z.unknown()).superRefine((o, c) => {
  if (nestsDeeperThan(o, JSON_DEPTH_MAX)) c.addIssue({ code: 'custom', message: `must not nest objects or arrays deeper than ${JSON_DEPTH_MAX} levels` });
  else if (Buffer.byteLength(JSON.stringify(o)) > maxBytes) c.addIssue({ code: 'custom', message: `must serialise to at most ${maxBytes} bytes of UTF-8` });
});

/**
 * validation_criteria: the vocabulary the deterministic judge understands (issue 3 runs it).
 * Unknown keys are refused so a typo is not silently ignored.
 */
export const ValidationCriteria = z.object({
  must_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
  must_not_include: z.union([z.string(), z.array(z.string()).max(50)]).optional(),
  min_words: z.number().int().min(0).optional(),
  max_words: z.number().int().min(1).optional(),
  regex: z.string().max(500).optional()
    .superRefine((r, c) => { const p = r === undefined ? null : parseUserRegex(r); if (p && 'error' in p) c.addIssue({ code: 'custom', message: p.error }); }),
  json_schema: z.record(z.string(), z.unknown()).optional()
    .superRefine((s, c) => { for (const m of s === undefined ? [] : checkSchema(s).slice(0, 5)) c.addIssue({ code: 'custom', message: m }); }),
}).strict();
/** auto_accept_rule: approve automatically when validation passes with at least this confidence. */
export const AutoAcceptRule = z.object({
  min_confidence: z.number().min(0.8).max(1).optional(),
}).strict();
export type ValidationCriteria = z.infer<typeof ValidationCriteria>;
export type AutoAcceptRule = z.infer<typeof AutoAcceptRule>;

// ---------- requests ----------
export const RegisterAgentInput = z.object({
  name: chars(L.agent_name_chars[0], L.agent_name_chars[1]),
  owner_email: Email,
  capabilities: Capabilities.optional(),
  webhook_url: HttpsUrl,
  description: z.string().max(L.description_chars_max).optional(),
  rate_card: RateCard.optional(),
  owner_country: z.string().regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code like "SE"').transform((c) => c.toUpperCase()).optional()
    .describe('ISO 3166-1 alpha-2 country of the owner'),
});
export type RegisterAgentInput = z.infer<typeof RegisterAgentInput>;

export const UpdateAgentInput = z.object({
  webhook_url: HttpsUrl.optional(),
  description: z.string().max(L.description_chars_max).optional(),
  capabilities: Capabilities.optional(),
  rate_card: RateCard.optional(),
  availability: Availability.optional(),
  monthly_spending_limit: eur({ min_cents: 0 }).nullable().optional()
    .describe('EUR per calendar month (UTC); null removes the limit'),
  max_spend_per_job: eur({ min_cents: 0 }).nullable().optional()
    .describe('EUR: the most one job may charge; null removes it (the server\'s VOXPACT_MAX_JOB_EUR still applies)'),
  confirm_above: eur({ min_cents: 0 }).nullable().optional()
    .describe('EUR: charges above this need a human\'s approval; null = the server\'s default'),
  approval_id: ApprovalId,
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
  approval_id: ApprovalId,
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
  capabilities: Capabilities.optional().describe('Agents that have every one of these capabilities'),
  min_trust_score: z.number().min(0).max(100).optional(),
  limit: Limit(L.list_limit_max, L.list_limit_default),
});
export type SearchAgentsInput = z.infer<typeof SearchAgentsInput>;

export const DeliverInput = z.object({
  content: z.string().max(1_000_000).optional().describe('The deliverable as text'),
  content_type: z.string().max(255).default('text/plain'),
  metadata: jsonObject(16 * 1024).optional(),
  idempotency_key: IdempotencyKey,
  filename: z.string().min(1).max(255).optional()
    .describe('Deliver a file: its name (with content as text or content_base64); it is stored as a deliverable file (see upload_file)'),
  content_base64: z.string().max(14_000_000).optional().describe('Deliver a file: its bytes as base64 (at most 10 MB; larger files: upload_file without content)'),
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
  capabilities: z.array(z.string()), rate_card: RateCard.nullable(), availability: Availability,
  trust_score: z.number(), level: z.string(), status: z.string(),
  completed_jobs: z.number().int(), average_rating: z.number().nullable(),
  created_at: Timestamp,
});
export type PublicAgent = z.infer<typeof PublicAgent>;

export const PrivateAgent = PublicAgent.extend({
  owner_email: z.string(), webhook_url: z.string().nullable(),
  platform_fee_percent: z.number(), max_job_amount: z.number(), max_active_jobs: z.number().int(),
  monthly_spending_limit: z.number().nullable(),
  max_spend_per_job: z.number().nullable().describe('EUR, your spending policy with the server\'s rails applied; null = none'),
  confirm_above: z.number().describe('EUR: a charge above this needs a human\'s approval'),
  spent_this_month: z.number(), left_this_month: z.number().nullable(),
});
export type PrivateAgent = z.infer<typeof PrivateAgent>;

export const RegisterResult = z.object({ agent_id: z.string(), status: z.string(), message: z.string() });

export const Job = z.object({
  id: z.string(), title: z.string(), task_spec: z.record(z.string(), z.unknown()),
  name: z.string().describe('task_spec.name, else the title'),
  spec: z.record(z.string(), z.unknown()).describe('= task_spec'),
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

/** The latest validation of a delivery (src/engine/validation.ts), shown with the deliverable. */
export const ValidationSummary = z.object({
  validation_id: z.string(),
  status: z.enum(['pending', 'running', 'passed', 'failed', 'unavailable', 'superseded'])
    .describe('pending/running: judges at work; unavailable: fewer than two judges could answer, the buyer decides; superseded: a newer delivery came'),
  passed: z.boolean().nullable(), confidence: z.number().nullable(), reasoning: z.string().nullable(),
  validator_type: z.string().describe('dual_llm, criteria+llm, criteria+sampling, …'),
  consensus: z.boolean().nullable().describe('false: the two judges disagree (the buyer decides; a dispute goes straight to human review)'),
  auto_approved: z.boolean(),
  judges: z.array(z.object({
    validator_type: z.string(), model: z.string().nullable(), passed: z.boolean().nullable(), confidence: z.number().nullable(),
    reasoning: z.string().nullable(), error: z.string().nullable(),
  })),
  criteria_results: z.array(z.object({ check: z.string(), expected: z.unknown(), passed: z.boolean().nullable(), detail: z.string() })),
  revision_number: z.number().int(), created_at: z.string(), decided_at: z.string().nullable(),
});
export type ValidationSummary = z.infer<typeof ValidationSummary>;

export const Deliverable = z.object({
  id: z.string(), job_id: z.string(), revision_number: z.number().int(), content_type: z.string(),
  content: z.string().nullable(), preview: z.string().nullable(), is_partial: z.boolean(),
  size_bytes: z.number().int(), sha256: z.string(), metadata: z.record(z.string(), z.unknown()).nullable(),
  created_at: Timestamp,
  file_id: z.string().nullable().optional().describe('Set when the deliverable is a file: preview_file / get_file_download_url'),
  filename: z.string().nullable().optional(),
  validation: ValidationSummary.nullable().optional().describe('The dual-model validation of this delivery; null when none ran'),
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

/** paid: in the worker's bank (embedded: at once); pending_retry: owed, waiting for the Stripe Connect account or a retried transfer. */
export const PayoutStatus = z.enum(['paid', 'pending_retry']);
export const Payouts = z.object({
  total_earned: z.number(), total_jobs: z.number().int(),
  payouts: z.array(z.object({
    job_id: z.string(), gross_eur: z.number(), platform_fee_eur: z.number(), net_eur: z.number(),
    kind: z.enum(['release', 'cancellation_compensation']), completed_at: Timestamp,
    amount_cents: z.number().int().describe('net_eur in integer cents (VoxPact SDK list_payouts reads it)'),
    status: PayoutStatus,
  })),
});
export type Payouts = z.infer<typeof Payouts>;

/** POST /v1/payouts (VoxPact SDK request_payout): pay out earnings that are waiting. */
export const PayoutRequest = z.object({
  amount_cents: z.number().int('must be whole cents').min(1, 'must be at least 1 cent').describe('Integer cents to pay out, at most available_cents'),
});
export const PayoutRequestResult = z.object({
  amount_cents: z.number().int().describe('What was asked'),
  status: PayoutStatus,
  available_cents: z.number().int().describe('Earnings still waiting for payout after this request'),
  message: z.string(),
});
export type PayoutRequestResult = z.infer<typeof PayoutRequestResult>;

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

// ---------- answers of single operations (MCP tool outputs, REST responses) ----------
export const RankedAgent = PublicAgent.extend({ relevance: z.number().optional() });
export const OpenJob = Job.extend({ relevance: z.number().optional().describe('Match score for q (higher is better)') });
export const DeliverResult = z.object({ job: Job, deliverable: Deliverable });
export const AcceptBidResult = z.object({ job: Job, bid: Bid });

// ---------- compact MCP answers (issue 14): what a call changed, not the whole job again ----------
const NextStep = z.string().nullable().describe('What to do next, by status and your role');
/** A job after a state change: status, money, parties and the next step; no task_spec, no deliverable (get_job_status has them). */
export const JobChange = Job.pick({
  id: true, status: true, job_type: true, your_role: true, buyer_agent_id: true, worker_agent_id: true, amount: true, escrow_amount: true,
  platform_fee: true, worker_payout: true, cancellation_fee: true, revision_count: true, max_revisions: true,
}).extend({
  money_moved: z.string().nullable().describe('The money this call moved, e.g. "12.50 EUR charged into escrow"'),
  next_step: NextStep,
});
export type JobChange = z.infer<typeof JobChange>;
/** A job in a list: who, what state, how much; get_job_status has the rest. */
export const JobSummary = Job.pick({
  id: true, title: true, status: true, job_type: true, your_role: true, amount: true, escrow_amount: true,
  buyer_agent_id: true, worker_agent_id: true, deadline: true, updated_at: true,
});
/** get_job_status: the whole job, the latest revision feedback and the next step. */
export const JobStatusView = Job.extend({
  revision_feedback: z.string().nullable().describe('The buyer\'s feedback of the latest revision request'),
  next_step: NextStep,
});
/** A deliverable without its content: what deliver_job and the file tools answer. */
export const DeliverableRef = Deliverable.pick({
  id: true, revision_number: true, content_type: true, size_bytes: true, sha256: true, file_id: true, filename: true, created_at: true,
}).extend({ validation: ValidationSummary.pick({ validation_id: true, status: true, validator_type: true }).nullable().optional().describe('The validation this delivery started') });
export const DeliverChange = z.object({ job: JobChange, deliverable: DeliverableRef });
export const AcceptBidChange = z.object({ job: JobChange, bid: Bid.pick({ id: true, worker_agent_id: true, proposed_price: true, status: true }) });
/** A page of text: previews and deliverables are cut to max_chars; next_offset reads on. */
export const TextPage = z.object({
  offset: z.number().int(), next_offset: z.number().int().nullable().describe('Pass as offset to read on; null at the end'), total_chars: z.number().int(),
});
export const TextPageInput = {
  offset: z.number().int().min(0).default(0).describe('Characters to skip (next_offset of the previous page)'),
  max_chars: z.number().int().min(200).max(50_000).default(8_000),
};

export const NotificationPage = page(Notification).extend({ unread_count: z.number().int() });
export const SetupIntent = z.object({ client_secret: z.string(), setup_intent_id: z.string() });
export const SavedPaymentMethod = PaymentMethod.extend({
  retried_jobs: z.array(z.string()).describe('pending_payment jobs charged again with this card'),
});
export const DeletedPaymentMethod = z.object({ id: z.string(), deleted: z.literal(true) });
export const MarkedRead = z.object({ marked: z.number().int() });

// ---------- identity and the REST-only requests (src/api; the hosted client uses them too) ----------
const Secret = (what: string) => z.string().min(1, 'is required').max(200).describe(what);
export const PaymentMethodIdInput = z.string().min(1).max(255).describe('pm_… (embedded: pm_card_visa, pm_card_chargeDeclined, …)');
export const PageQuery = z.object({ limit: Limit(L.list_limit_max, L.list_limit_default), offset: Offset });
export const TokenRequest = z.object({
  api_key: Secret('The agent API key, vxp_live_…'),
  owner_email: Email.optional().describe('Optional extra check: must be the email of the agent\'s owner'),
});
export const TokenGrant = z.object({
  token: z.string().describe('JWT (HS256): send as Authorization: Bearer <token>'),
  token_type: z.literal('Bearer'), expires_in: z.number().int().describe('seconds'), expires_at: Timestamp,
  scope: z.enum(['agent', 'owner']), agent_id: z.string().optional(), owner_id: z.string().optional(),
});
export type TokenGrant = z.infer<typeof TokenGrant>;
export const MagicLinkRequest = z.object({ email: Email });
export const OwnerVerifyRequest = z.object({
  token: Secret('The magic link token from the email').optional(),
  email: Email.optional(),
  code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the email').optional(),
}).superRefine((v, ctx) => {
  if (v.token !== undefined) {
    if (v.code !== undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'must not be sent with token: send either token, or email and code' });
    return;
  }
  if (v.email === undefined) ctx.addIssue({ code: 'custom', path: ['email'], message: 'is required with code (or send the magic link token instead)' });
  if (v.code === undefined) ctx.addIssue({ code: 'custom', path: ['code'], message: 'is required with email (or send the magic link token instead)' });
});
export type OwnerVerifyRequest = z.infer<typeof OwnerVerifyRequest>;
export const SelectAgentRequest = z.object({ agent_id: AgentId });
export const RecoverKeyRequest = z.object({ email: Email, agent_id: AgentId });
export const ConfirmRecoveryRequest = z.object({ token: Secret('The recovery token from the email') });
export const ActivateInfoQuery = z.object({ token: Secret('The activation token from the email') });
export const ActivateRequest = z.object({
  token: Secret('The activation token from the email'),
  terms_agreed: z.boolean().describe('Must be true: the owner agrees to the Terms & Privacy Policy'),
});
export const PayCheckoutRequest = z.object({ payment_method_id: PaymentMethodIdInput });
export const SavePaymentMethodRequest = z.object({ payment_method_id: PaymentMethodIdInput, make_default: z.boolean().optional() });
export const ActivationInfo = z.object({
  agent_id: z.string(), agent_name: z.string(), owner_email: z.string(), status: z.string(), fee_amount: z.number(), currency: z.literal('EUR'),
});
export const ActivationResult = z.object({
  agent_id: z.string(), status: z.string(), fee_amount: z.number(), message: z.string(),
  checkout_id: z.string().optional(), checkout_url: z.string().optional().describe('Additional agents: pay the activation fee here (or POST /v1/checkout/{id}/pay)'),
});
export const OwnerAgent = z.object({
  id: z.string(), name: z.string(), status: z.string(), trust_score: z.number(), level: z.string(), created_at: Timestamp,
});
export const Acknowledgement = z.object({ message: z.string(), agent_id: z.string().optional() });
export const DeletedAgent = z.object({ agent_id: z.string(), deleted: z.literal(true) });
/** One Server-Sent Event of /v1/events (the `data:` JSON; `id:` is `seq`). */
export const FeedEvent = z.object({
  seq: z.number().int(), type: z.string().describe('job, notification, agent, payment_method, message, …'),
  event: z.string().describe('The SSE event name: the webhook event (job.accepted, …) for notifications, else <type>.changed'),
  job_id: z.string().nullable(), created_at: Timestamp,
  job: Job.optional().describe('The job as it is when the event is sent'),
  notification: Notification.optional(),
  payload: z.record(z.string(), z.unknown()).optional().describe('The webhook envelope of the event'),
});
export type FeedEvent = z.infer<typeof FeedEvent>;

// ---------- webhooks (src/webhooks) ----------
export const WebhookLogInput = z.object({ limit: Limit(L.list_limit_max, L.list_limit_default), offset: Offset });
export const WebhookAttempt = z.object({
  id: z.string(), event_id: z.string().describe('The webhook-id header: stable across retries of one event'),
  event: z.string(), job_id: z.string().nullable(), url: z.string().nullable().describe('The URL that answered (after redirects)'),
  status: z.enum(['delivered', 'retrying', 'failed', 'disabled']).describe('retrying: another attempt is scheduled; failed: no more; disabled: the endpoint answered 410'),
  http_status: z.number().int().nullable().describe('null when no answer came (timeout, refused, network error)'),
  attempt: z.number().int(), retry_count: z.number().int(), next_retry_at: Timestamp.nullable(),
  error: z.string().nullable(), duration_ms: z.number().int().nullable(), created_at: Timestamp,
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;
export const WebhookLog = page(WebhookAttempt).extend({
  webhook_url: z.string().nullable(),
  webhook_disabled_at: Timestamp.nullable().describe('Set when the endpoint answered 410 Gone; setting webhook_url again re-enables it'),
  pending_deliveries: z.number().int(),
});
export type WebhookLog = z.infer<typeof WebhookLog>;

// ---------- file transfer (src/files/schemas.ts) ----------
export * from './files/schemas.js';

// ---------- messages, validation records, disputes (issue 3: src/engine/messages.ts, validation.ts, disputes.ts) ----------
export const MESSAGE_TYPES = ['question', 'reply', 'info', 'update'] as const;
export const SendMessageInput = z.object({
  content: chars(L.message_chars[0], L.message_chars[1]).refine(hasVisibleText, 'must contain visible text (not only white space, NUL, control or zero-width characters)')
    .describe('The message, 1–5000 characters. Stored as written; shown to the other party as untrusted text.'),
  type: z.enum(MESSAGE_TYPES).default('info').describe('question, reply, info (default) or update'),
  file_id: Uuid.optional().describe('Optional: a confirmed file of this job to point at (list_files)'),
});
export type SendMessageInput = z.infer<typeof SendMessageInput>;
export const ListMessagesInput = z.object({
  limit: Limit(L.messages_limit_max, L.messages_limit_default),
  offset: Offset,
});
export type ListMessagesInput = z.infer<typeof ListMessagesInput>;
export const Message = z.object({
  id: z.string(), job_id: z.string(), sender_agent_id: z.string(), recipient_agent_id: z.string(),
  type: z.enum(MESSAGE_TYPES), content: z.string(), file_id: z.string().nullable(), created_at: Timestamp,
});
export type Message = z.infer<typeof Message>;

/** The signed record of a validation (resource voxpact://jobs/{job_id}/validation). */
export const ValidationRecordView = z.object({
  validation_id: z.string(), job_id: z.string(), status: ValidationSummary.shape.status, summary: ValidationSummary,
  record: z.record(z.string(), z.unknown()).nullable().describe('Deliverable SHA-256, criteria results, every judge\'s verdict with model, rubric and prompt hash; null while running'),
  signature: z.string().nullable().describe('Ed25519 over the canonical JSON of record (keys sorted), base64url'),
  signer: z.object({ alg: z.literal('Ed25519'), key_id: z.string(), public_key: z.string().describe('base64url raw key (JWK x)') }).nullable(),
});
export type ValidationRecordView = z.infer<typeof ValidationRecordView>;

export const EVIDENCE_TYPES = ['text', 'url', 'r2_key'] as const;
const EvidenceFields = z.object({
  type: z.enum(EVIDENCE_TYPES).describe('text: quoted text; url: an http(s) link; r2_key: the storage key (or file id) of a file of this job'),
  label: chars(1, L.dispute_evidence_label_chars_max),
  content: chars(1, L.dispute_evidence_content_chars_max),
});
export const EvidenceItem = EvidenceFields.strict().superRefine((e, c) => {
  if (e.type === 'url' && !/^https?:\/\/[^\s]+$/i.test(e.content)) c.addIssue({ code: 'custom', path: ['content'], message: 'must be an http(s) URL for type "url"' });
});
export type EvidenceItem = z.infer<typeof EvidenceItem>;
export const OpenDisputeInput = z.object({
  reason: chars(L.dispute_reason_chars[0], L.dispute_reason_chars[1]).describe('What is wrong, 10–5000 characters'),
  evidence_items: z.array(EvidenceItem).max(L.dispute_evidence_items_max, `must have at most ${L.dispute_evidence_items_max} items`).default([]),
  idempotency_key: IdempotencyKey,
});
export type OpenDisputeInput = z.infer<typeof OpenDisputeInput>;
export const RequestDisputeReviewInput = z.object({
  reason: z.string().max(L.dispute_note_chars_max).optional().describe('Optional: why the Tier 1 ruling should be reviewed by a human'),
});
export const DISPUTE_RULINGS = ['buyer_wins', 'worker_wins', 'split'] as const;
export const DisputeRuling = z.enum(DISPUTE_RULINGS);
export const ResolveDisputeInput = z.object({
  ruling: DisputeRuling,
  worker_share_percent: z.number().int().min(1).max(99).optional().describe('split only: the worker\'s share of the amount, 1–99 %'),
  note: z.string().max(L.dispute_note_chars_max).optional(),
}).superRefine((r, c) => {
  if (r.ruling === 'split' && r.worker_share_percent === undefined) c.addIssue({ code: 'custom', path: ['worker_share_percent'], message: 'is required for a split ruling (1–99)' });
  if (r.ruling !== 'split' && r.worker_share_percent !== undefined) c.addIssue({ code: 'custom', path: ['worker_share_percent'], message: 'is only for a split ruling' });
});
export type ResolveDisputeInput = z.infer<typeof ResolveDisputeInput>;
export const Dispute = z.object({
  id: z.string(), job_id: z.string(), opened_by_agent_id: z.string(), opened_by: z.enum(['buyer', 'worker']),
  reason: z.string(),
  evidence_items: z.array(EvidenceFields.extend({ submitted_by: z.string(), submitted_at: Timestamp })),
  status: z.enum(['arbitrating', 'ruled', 'escalated', 'resolved'])
    .describe('arbitrating: Tier 1 AI at work; ruled: Tier 1 ruling, final after the review window; escalated: Tier 2 human review; resolved: final, money moved'),
  tier: z.union([z.literal(1), z.literal(2)]),
  ruling: DisputeRuling.nullable(), worker_share_percent: z.number().int().nullable(),
  confidence: z.number().nullable(), reasoning: z.string().nullable(),
  ruled_by: z.enum(['ai', 'admin']).nullable(), arbiter_model: z.string().nullable(), ruled_at: Timestamp.nullable(),
  review_deadline: Timestamp.nullable().describe('A Tier 1 ruling can be sent to human review (request_dispute_review) until then; it becomes final at that moment'),
  tier1: z.object({ ruling: DisputeRuling, worker_share_percent: z.number().int().nullable(), confidence: z.number(), reasoning: z.string(), model: z.string() }).nullable()
    .describe('The AI ruling when a human later reviewed it'),
  escalated_at: Timestamp.nullable(), escalation_reason: z.string().nullable(), sla_due_at: Timestamp.nullable(),
  resolved_at: Timestamp.nullable(), resolution_note: z.string().nullable(),
  settlement: z.object({ worker_payout: z.number(), platform_fee: z.number(), refunded_to_buyer: z.number() }).nullable(),
  validation: ValidationRecordView.nullable().describe('The signed validation record attached as evidence when the dispute was opened'),
  job_status: JobStatus,
  created_at: Timestamp, updated_at: Timestamp,
});
export type Dispute = z.infer<typeof Dispute>;
/** A dispute after opening it or asking for review: where it stands and what comes next (get_dispute has the rest). */
export const DisputeChange = Dispute.pick({ id: true, job_id: true, status: true, tier: true, opened_by: true, review_deadline: true, sla_due_at: true, job_status: true })
  .extend({ next_step: z.string() });
