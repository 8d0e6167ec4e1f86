import { n as __exportAll } from "./rolldown-runtime-Bi5HrKRR.js";
import { C as string, T as unknown, _ as number, c as _enum, d as boolean, h as literal, r as eur, u as array, v as object, w as union, x as record } from "./cli.js";
import { t as loopbackHttpAllowed } from "./options-B7kdEozO.js";

// dist/src/limits.js
/**
* Every bound of the marketplace, named once. Numbers from the API reference unless marked
* "ours" (where the reference is silent and we chose; documented in README).
*/
const LIMITS = {
	agent_name_chars: [2, 255],
	capabilities_max: 15,
	capability_chars: [1, 64],
	description_chars_max: 5e3,
	job_title_chars: [5, 500],
	job_min_amount_cents: 500,
	deadline_hours_default: 72,
	deadline_hours_max: 720,
	bid_window_hours_default: 48,
	bid_window_hours_max: 168,
	bid_min_cents: 500,
	bid_message_chars_max: 2e3,
	counter_message_chars_max: 500,
	active_bids_per_job_max: 100,
	bid_interval_ms: 3e5,
	accept_grace_hours: 168,
	feedback_chars: [10, 5e3],
	max_revisions_default: 2,
	max_revisions_max: 10,
	cancel_reason_chars_max: 2e3,
	review_comment_chars_max: 2e3,
	auto_release_hours: 48,
	pending_payment_expiry_hours: 24,
	revision_min_hours_left: 24,
	list_limit_max: 50,
	list_limit_default: 20,
	notifications_limit_max: 50,
	task_spec_bytes_max: 65536,
	activation_fee_cents: 500,
	jwt_ttl_s: 3600
};
/** Trust tiers: score range, platform fee and the job limits each tier unlocks (limits: ours). */
const TIERS = [
	{
		tier: "platinum",
		min_score: 90,
		fee_percent: 6,
		max_job_amount_cents: 25e5,
		max_active_jobs: 100
	},
	{
		tier: "gold",
		min_score: 70,
		fee_percent: 8,
		max_job_amount_cents: 5e5,
		max_active_jobs: 25
	},
	{
		tier: "silver",
		min_score: 40,
		fee_percent: 10,
		max_job_amount_cents: 1e5,
		max_active_jobs: 10
	},
	{
		tier: "bronze",
		min_score: 0,
		fee_percent: 12,
		max_job_amount_cents: 1e4,
		max_active_jobs: 3
	}
];
function tierOf(score) {
	return TIERS.find((t) => score >= t.min_score);
}
/** Trust score changes (ours: the reference names the events, not the amounts). */
const TRUST = {
	initial: 50,
	completed_worker: 1,
	completed_buyer: .5,
	rating_delta: {
		1: -2,
		2: -1,
		3: 0,
		4: .5,
		5: 1
	},
	dispute_lost: -5,
	worker_fault_cancel: -3
};
/** Cancellation fees by status (reference): percent of the job amount. */
const CANCEL_FEES = {
	accepted: {
		percent: 5,
		to: "platform"
	},
	in_progress: {
		percent: 25,
		to: "worker"
	},
	revision_requested: {
		percent: 25,
		to: "worker"
	}
};

// dist/src/files/limits.js
/**
* Every bound of file transfer, named once. From the reference's File Transfer section unless
* marked "ours".
*/
const MB = 1048576;
const GB = 1024 * MB;
const FILE_LIMITS = {
	input_max_bytes: 500 * MB,
	deliverable_max_bytes: 1 * GB,
	files_per_purpose_max: 10,
	job_total_max_bytes: 5 * GB,
	filename_chars: [1, 255],
	upload_url_ttl_ms: 18e5,
	download_url_ttl_ms: 36e5,
	preview_full_max_bytes: 10 * MB,
	preview_partial_bytes: 524288,
	list_limit_max: 50,
	list_limit_default: 20,
	metadata_bytes_max: 16384,
	inline_max_bytes: 10 * MB,
	deliverable_text_max_bytes: 10 * MB
};

// dist/src/files/schemas.js
/**
* Requests and responses of file transfer, defined once (re-exported by src/schemas.ts) and used
* by the MCP tools, the REST routes and the hosted client. Field names are the reference's.
* Self-contained on purpose: src/schemas.ts re-exports this module, so it must not import it.
*/
const Timestamp$1 = string().describe("ISO 8601, UTC");
const metadataObject = record(string(), unknown()).refine((o) => JSON.stringify(o).length <= FILE_LIMITS.metadata_bytes_max, `must serialise to at most ${FILE_LIMITS.metadata_bytes_max} bytes`);
const FilePurpose = _enum(["input", "deliverable"]).describe("\"input\": the buyer gives the worker material; \"deliverable\": the worker delivers the result");
const FileId = string().uuid("must be a file id (UUID)").describe("File id (UUID)");
const UploadStatus = _enum([
	"pending",
	"confirmed",
	"failed",
	"deleted"
]);
const Filename = string().min(FILE_LIMITS.filename_chars[0], "must be at least 1 character").max(FILE_LIMITS.filename_chars[1], `must be at most ${FILE_LIMITS.filename_chars[1]} characters`);
const ContentType = string().min(3).max(255);
const RequestUploadInput = object({
	purpose: FilePurpose,
	filename: Filename.describe("e.g. \"spec.pdf\"; blocked: .exe .bat .cmd .com .msi .scr .pif .vbs .vbe .js .jse .ws .wsf .wsc .reg .inf .ps1 .psm1"),
	content_type: ContentType.describe("An allowed MIME type, e.g. application/pdf, text/markdown, image/png; PUT the bytes with exactly this Content-Type"),
	file_size_bytes: number().int().min(1, "must be at least 1").max(FILE_LIMITS.deliverable_max_bytes, `must be at most ${FILE_LIMITS.deliverable_max_bytes} (1 GB)`).describe("The size you will upload: at most 500 MB (524288000) for inputs, 1 GB (1073741824) for deliverables"),
	metadata: metadataObject.optional().describe("Optional key/value object kept with the file")
});
/** Upload in one call: the bytes inline as text (`content`) or base64 (`content_base64`). */
const UploadFileInput = object({
	purpose: FilePurpose,
	filename: Filename,
	content_type: ContentType.optional().describe("Defaults to the type the filename suggests (text/plain for text content)"),
	content: string().max(FILE_LIMITS.inline_max_bytes).optional().describe("The file as UTF-8 text"),
	content_base64: string().max(Math.ceil(FILE_LIMITS.inline_max_bytes / 3) * 4 + 4).optional().describe("The file as base64 (binary files)"),
	metadata: metadataObject.optional()
});
const ListFilesInput = object({
	purpose: FilePurpose.optional(),
	limit: number().int().min(1).max(FILE_LIMITS.list_limit_max, `must be at most ${FILE_LIMITS.list_limit_max}`).default(FILE_LIMITS.list_limit_default),
	offset: number().int().min(0).default(0)
});
const UploadUrl = object({
	file_id: string(),
	upload_url: string().describe("PUT the bytes here with the Content-Type header below, before expires_at"),
	method: literal("PUT"),
	headers: record(string(), string()).describe("Headers the PUT must carry"),
	r2_key: string().describe("The object key in the store"),
	expires_at: Timestamp$1,
	max_size_bytes: number().int().describe("The largest file of this purpose"),
	file_size_bytes: number().int().describe("The size you declared: a larger upload is refused"),
	content_type: string(),
	purpose: FilePurpose,
	revision_number: number().int()
});
const ConfirmedFile = object({
	file_id: string(),
	upload_status: literal("confirmed"),
	purpose: FilePurpose,
	filename: string(),
	content_type: string(),
	file_size_bytes: number().int().describe("The real size of the stored object"),
	file_size_human: string(),
	sha256: string(),
	revision_number: number().int(),
	deliverable_id: string().optional().describe("Deliverables: the delivery this file is"),
	job_status: string().optional().describe("Deliverables: the job status after the delivery")
});
const JobFile = object({
	id: string(),
	job_id: string(),
	uploaded_by: string(),
	purpose: FilePurpose,
	upload_status: UploadStatus,
	original_filename: string(),
	content_type: string(),
	file_size_bytes: number().int().describe("Real size once confirmed; the declared size before"),
	file_size_human: string(),
	revision_number: number().int(),
	metadata: record(string(), unknown()),
	sha256: string().nullable(),
	failure_reason: string().nullable(),
	created_at: Timestamp$1,
	confirmed_at: Timestamp$1.nullable()
});
const FilePage = object({
	items: array(JobFile),
	count: number().int(),
	total: number().int()
});
const DownloadUrl = object({
	download_url: string().describe("GET this URL before expires_at"),
	expires_at: Timestamp$1,
	file_id: string(),
	filename: string(),
	content_type: string(),
	file_size_bytes: number().int(),
	file_size_human: string(),
	sha256: string().nullable()
});
/** The latest validation of a deliverable (written by the validation engine); null until there is one. */
const FileValidation = object({
	passed: boolean().nullable(),
	confidence: number().nullable(),
	reasoning: string().nullable(),
	validator_type: string().nullable(),
	consensus: unknown().optional()
}).passthrough();
const FilePreview = object({
	file_id: string(),
	purpose: FilePurpose,
	filename: string(),
	file_category: _enum([
		"text",
		"data",
		"document",
		"image",
		"audio",
		"video",
		"archive"
	]),
	content_type: string(),
	original_size_bytes: number().int(),
	original_size_human: string(),
	is_partial: boolean().describe("true when only the first 512 KB were read (files of 10 MB or more)"),
	preview_kind: _enum(["text", "description"]).describe("text: preview_content is the file text; description: a binary described"),
	preview_content: string(),
	detected_type: string().nullable().describe("What the magic bytes say the file is"),
	validation: FileValidation.nullable(),
	message: string().nullable()
});
const DeletedFile = object({
	file_id: string(),
	status: literal("deleted")
});

// dist/src/schemas.js
/**
* Every request and response of the marketplace, defined once. The MCP tools, the REST routes,
* the hosted client and openapi.json all use these; the engine trusts what they have parsed.
* Field names are those of the API reference; amounts are EUR numbers with ≤ 2 decimals.
*/
var schemas_exports = /* @__PURE__ */ __exportAll({
	HttpsUrl: () => HttpsUrl,
	RegisterAgentInput: () => RegisterAgentInput
});
const L = LIMITS;
const chars = (min, max) => string().min(min, `must be at least ${min} characters`).max(max, `must be at most ${max} characters`);
const JOB_STATUSES = [
	"pending_payment",
	"funded",
	"accepted",
	"in_progress",
	"delivered",
	"validating",
	"revision_requested",
	"completed",
	"disputed",
	"cancelled",
	"refunded",
	"frozen",
	"open"
];
const JobStatus = _enum(JOB_STATUSES);
const TERMINAL_STATUSES = [
	"completed",
	"cancelled",
	"refunded"
];
const AgentId = string().regex(/^ag_[0-9A-Za-z]{10,40}$/, "must be an agent id like ag_01J…");
const Uuid = string().uuid("must be a UUID");
const JobId = Uuid.describe("Job id (UUID)");
const BidId = Uuid.describe("Bid id (UUID)");
const Capability = chars(L.capability_chars[0], L.capability_chars[1]).regex(/^[a-z0-9][a-z0-9._-]*$/, "must be lowercase letters, digits, \".\", \"_\" or \"-\"");
const Capabilities = array(Capability).max(L.capabilities_max, `must have at most ${L.capabilities_max} items`);
const HttpsUrl = string().url("must be a URL").refine((u) => u.startsWith("https://") || loopbackHttpAllowed(u), "must be HTTPS");
const Email = string().email("must be an email address").max(254);
const RateCard = object({
	per_task: eur().optional(),
	hourly: eur().optional()
}).strict();
const Limit = (max, dflt) => number().int().min(1).max(max, `must be at most ${max}`).default(dflt);
const Offset = number().int().min(0).default(0);
const IdempotencyKey = string().min(1).max(255).optional().describe("Optional. Reuse the same key when retrying the same call: the first result is returned and nothing happens twice (24 h).");
/** JSON object of bounded size, for task_spec, metadata and rules. */
const jsonObject = (maxBytes) => record(string(), unknown()).refine((o) => JSON.stringify(o).length <= maxBytes, `must serialise to at most ${maxBytes} bytes`);
/**
* validation_criteria: the vocabulary the deterministic judge understands (issue 3 runs it).
* Unknown keys are refused so a typo is not silently ignored.
*/
const ValidationCriteria = object({
	must_include: union([string(), array(string()).max(50)]).optional(),
	must_not_include: union([string(), array(string()).max(50)]).optional(),
	min_words: number().int().min(0).optional(),
	max_words: number().int().min(1).optional(),
	regex: string().max(500).optional(),
	json_schema: record(string(), unknown()).optional()
}).strict();
/** auto_accept_rule: approve automatically when validation passes with at least this confidence. */
const AutoAcceptRule = object({ min_confidence: number().min(.8).max(1).optional() }).strict();
const RegisterAgentInput = object({
	name: chars(L.agent_name_chars[0], L.agent_name_chars[1]),
	owner_email: Email,
	capabilities: Capabilities.optional(),
	webhook_url: HttpsUrl,
	description: string().max(L.description_chars_max).optional(),
	rate_card: RateCard.optional()
});
const UpdateAgentInput = object({
	webhook_url: HttpsUrl.optional(),
	description: string().max(L.description_chars_max).optional(),
	capabilities: Capabilities.optional(),
	rate_card: RateCard.optional(),
	monthly_spending_limit: eur({ min_cents: 0 }).nullable().optional().describe("EUR per calendar month (UTC); null removes the limit")
});
const PostJobInput = object({
	title: chars(L.job_title_chars[0], L.job_title_chars[1]),
	task_spec: jsonObject(L.task_spec_bytes_max).describe("What to do: { description, input_url?, ... }"),
	amount: eur({ min_cents: L.job_min_amount_cents }).describe("EUR, min 5.00. Direct: the price. Open: the max budget."),
	job_type: _enum(["direct", "open"]).default("direct"),
	worker_agent_id: AgentId.optional().describe("Required for direct jobs"),
	deadline_hours: number().int().min(1).max(L.deadline_hours_max, `must be at most ${L.deadline_hours_max}`).default(L.deadline_hours_default),
	required_capabilities: Capabilities.optional(),
	bid_window_hours: number().int().min(1).max(L.bid_window_hours_max, `must be at most ${L.bid_window_hours_max}`).optional(),
	min_acceptable_price: eur({ min_cents: L.bid_min_cents }).optional(),
	max_revisions: number().int().min(0).max(L.max_revisions_max).default(L.max_revisions_default),
	validation_criteria: ValidationCriteria.optional(),
	auto_accept_rule: AutoAcceptRule.optional(),
	idempotency_key: IdempotencyKey
});
const ListJobsInput = object({
	status: string().optional().describe("Comma-separated statuses, e.g. \"funded,accepted,in_progress\""),
	role: _enum(["buyer", "worker"]).optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const BrowseOpenJobsInput = object({
	q: string().max(500).optional(),
	capabilities: Capabilities.optional(),
	min_budget: eur().optional(),
	max_budget: eur().optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const SearchAgentsInput = object({
	q: string().max(500).optional(),
	capabilities: Capabilities.optional(),
	min_trust_score: number().min(0).max(100).optional(),
	limit: Limit(L.list_limit_max, L.list_limit_default)
});
const DeliverInput = object({
	content: string().max(1e6).optional().describe("The deliverable as text"),
	content_type: string().max(255).default("text/plain"),
	metadata: jsonObject(16384).optional(),
	idempotency_key: IdempotencyKey,
	filename: string().min(1).max(255).optional().describe("Deliver a file: its name (with content as text or content_base64); it is stored as a deliverable file (see upload_file)"),
	content_base64: string().max(14e6).optional().describe("Deliver a file: its bytes as base64 (at most 10 MB; larger files: upload_file without content)")
});
const RevisionInput = object({ feedback: chars(L.feedback_chars[0], L.feedback_chars[1]) });
const CancelInput = object({
	reason: string().max(L.cancel_reason_chars_max).optional(),
	idempotency_key: IdempotencyKey
});
const SubmitBidInput = object({
	proposed_price: eur({ min_cents: L.bid_min_cents }),
	estimated_hours: number().positive().max(L.deadline_hours_max).optional(),
	message: string().max(L.bid_message_chars_max).optional(),
	idempotency_key: IdempotencyKey
});
const CounterBidInput = object({
	counter_price: eur({ positive: true }),
	message: string().max(L.counter_message_chars_max).optional()
});
const ReviewInput = object({
	rating: number().int().min(1, "must be 1–5").max(5, "must be 1–5"),
	comment: string().max(L.review_comment_chars_max).optional()
});
const NotificationsInput = object({
	unread_only: boolean().default(false),
	limit: Limit(L.notifications_limit_max, 20),
	offset: Offset
});
const Timestamp = string().describe("ISO 8601, UTC");
const PublicAgent = object({
	id: string(),
	name: string(),
	description: string().nullable(),
	capabilities: array(string()),
	rate_card: RateCard.nullable(),
	trust_score: number(),
	level: string(),
	status: string(),
	completed_jobs: number().int(),
	average_rating: number().nullable(),
	created_at: Timestamp
});
const PrivateAgent = PublicAgent.extend({
	owner_email: string(),
	webhook_url: string().nullable(),
	platform_fee_percent: number(),
	max_job_amount: number(),
	max_active_jobs: number().int(),
	monthly_spending_limit: number().nullable(),
	spent_this_month: number(),
	left_this_month: number().nullable()
});
const RegisterResult = object({
	agent_id: string(),
	status: string(),
	message: string()
});
const Job = object({
	id: string(),
	title: string(),
	task_spec: record(string(), unknown()),
	amount: number().describe("EUR: the price (direct or agreed bid) or, while open, the max budget"),
	job_type: _enum(["direct", "open"]),
	status: JobStatus,
	buyer_agent_id: string(),
	worker_agent_id: string().nullable(),
	deadline_hours: number().int(),
	deadline: Timestamp.nullable(),
	bid_window_hours: number().int().nullable(),
	bid_window_closes_at: Timestamp.nullable(),
	min_acceptable_price: number().nullable(),
	required_capabilities: array(string()),
	validation_criteria: record(string(), unknown()).nullable(),
	auto_accept_rule: record(string(), unknown()).nullable(),
	max_revisions: number().int(),
	revision_count: number().int(),
	escrow_amount: number().describe("EUR held in escrow right now"),
	platform_fee: number().nullable(),
	worker_payout: number().nullable(),
	cancellation_fee: number().nullable(),
	bid_count: number().int(),
	payment_error: string().nullable().describe("Why the last capture failed (pending_payment jobs)"),
	your_role: _enum([
		"buyer",
		"worker",
		"bidder",
		"none"
	]),
	created_at: Timestamp,
	updated_at: Timestamp,
	delivered_at: Timestamp.nullable(),
	auto_release_at: Timestamp.nullable(),
	completed_at: Timestamp.nullable()
});
const Transition = object({
	from_status: JobStatus.nullable(),
	to_status: JobStatus,
	action: string(),
	actor: string(),
	actor_agent_id: string().nullable(),
	reason: string().nullable(),
	created_at: Timestamp
});
const Bid = object({
	id: string(),
	job_id: string(),
	worker_agent_id: string(),
	proposed_price: number(),
	estimated_hours: number().nullable(),
	message: string().nullable(),
	status: _enum([
		"active",
		"countered",
		"accepted",
		"rejected",
		"withdrawn"
	]),
	counter_price: number().nullable(),
	counter_message: string().nullable(),
	created_at: Timestamp
});
const Deliverable = object({
	id: string(),
	job_id: string(),
	revision_number: number().int(),
	content_type: string(),
	content: string().nullable(),
	preview: string().nullable(),
	is_partial: boolean(),
	size_bytes: number().int(),
	sha256: string(),
	metadata: record(string(), unknown()).nullable(),
	created_at: Timestamp,
	file_id: string().nullable().optional().describe("Set when the deliverable is a file: preview_file / get_file_download_url"),
	filename: string().nullable().optional()
});
const Notification = object({
	id: string(),
	type: string(),
	title: string(),
	message: string(),
	job_id: string().nullable(),
	read: boolean(),
	created_at: Timestamp
});
const PaymentMethod = object({
	id: string(),
	brand: string(),
	last4: string(),
	exp_month: number().int(),
	exp_year: number().int(),
	is_default: boolean()
});
const TrustEvent = object({
	old_score: number(),
	new_score: number(),
	delta: number(),
	reason: string(),
	job_id: string().nullable(),
	triggered_at: Timestamp
});
const Review = object({
	job_id: string(),
	reviewer_agent_id: string(),
	rating: number().int(),
	comment: string().nullable(),
	created_at: Timestamp
});
const Payouts = object({
	total_earned: number(),
	total_jobs: number().int(),
	payouts: array(object({
		job_id: string(),
		gross_eur: number(),
		platform_fee_eur: number(),
		net_eur: number(),
		kind: _enum(["release", "cancellation_compensation"]),
		completed_at: Timestamp
	}))
});
const Dashboard = object({
	agent: PrivateAgent,
	agents: array(object({
		id: string(),
		name: string(),
		status: string()
	})),
	recent_jobs: array(object({
		id: string(),
		title: string(),
		status: JobStatus,
		amount: number()
	})),
	active_jobs_count: number().int(),
	spending: object({
		month: string(),
		spent: number(),
		limit: number().nullable(),
		left: number().nullable()
	}),
	unread_notifications: number().int(),
	payment: object({
		card_count: number().int(),
		default_card: object({
			brand: string(),
			last4: string()
		}).nullable()
	}),
	connect: object({
		connected: boolean(),
		is_ready: boolean()
	}),
	trust_history: array(TrustEvent)
});
const PlatformInfo = object({
	name: string(),
	version: string(),
	currency: literal("EUR"),
	backend: _enum(["embedded", "hosted"]),
	tiers: array(object({
		tier: string(),
		min_score: number(),
		max_score: number(),
		platform_fee_percent: number(),
		max_job_amount: number(),
		max_active_jobs: number()
	})),
	cancellation_fees: record(string(), string()),
	limits: record(string(), unknown()),
	spending_rails: object({
		max_job_amount: number().nullable(),
		confirm_above: number().nullable()
	})
});
/** A page of items: every list answer has this shape. */
const page = (item) => object({
	items: array(item),
	count: number().int(),
	total: number().int().optional()
});
const RankedAgent = PublicAgent.extend({ relevance: number().optional() });
const OpenJob = Job.extend({ relevance: number().optional().describe("Match score for q (higher is better)") });
const DeliverResult = object({
	job: Job,
	deliverable: Deliverable
});
const AcceptBidResult = object({
	job: Job,
	bid: Bid
});
const NotificationPage = page(Notification).extend({ unread_count: number().int() });
const SetupIntent = object({
	client_secret: string(),
	setup_intent_id: string()
});
const SavedPaymentMethod = PaymentMethod.extend({ retried_jobs: array(string()).describe("pending_payment jobs charged again with this card") });
const DeletedPaymentMethod = object({
	id: string(),
	deleted: literal(true)
});
const MarkedRead = object({ marked: number().int() });
const Secret = (what) => string().min(1, "is required").max(200).describe(what);
const PaymentMethodIdInput = string().min(1).max(255).describe("pm_… (embedded: pm_card_visa, pm_card_chargeDeclined, …)");
const PageQuery = object({
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const TokenRequest = object({
	api_key: Secret("The agent API key, vxp_live_…"),
	owner_email: Email.optional().describe("Optional extra check: must be the email of the agent's owner")
});
const TokenGrant = object({
	token: string().describe("JWT (HS256): send as Authorization: Bearer <token>"),
	token_type: literal("Bearer"),
	expires_in: number().int().describe("seconds"),
	expires_at: Timestamp,
	scope: _enum(["agent", "owner"]),
	agent_id: string().optional(),
	owner_id: string().optional()
});
const MagicLinkRequest = object({ email: Email });
const OwnerVerifyRequest = object({
	token: Secret("The magic link token from the email").optional(),
	email: Email.optional(),
	code: string().regex(/^\d{6}$/, "must be the 6-digit code from the email").optional()
}).superRefine((v, ctx) => {
	if (v.token !== void 0) {
		if (v.code !== void 0) ctx.addIssue({
			code: "custom",
			path: ["code"],
			message: "must not be sent with token: send either token, or email and code"
		});
		return;
	}
	if (v.email === void 0) ctx.addIssue({
		code: "custom",
		path: ["email"],
		message: "is required with code (or send the magic link token instead)"
	});
	if (v.code === void 0) ctx.addIssue({
		code: "custom",
		path: ["code"],
		message: "is required with email (or send the magic link token instead)"
	});
});
const SelectAgentRequest = object({ agent_id: AgentId });
const RecoverKeyRequest = object({
	email: Email,
	agent_id: AgentId
});
const ConfirmRecoveryRequest = object({ token: Secret("The recovery token from the email") });
const ActivateInfoQuery = object({ token: Secret("The activation token from the email") });
const ActivateRequest = object({
	token: Secret("The activation token from the email"),
	terms_agreed: boolean().describe("Must be true: the owner agrees to the Terms & Privacy Policy")
});
const PayCheckoutRequest = object({ payment_method_id: PaymentMethodIdInput });
const SavePaymentMethodRequest = object({
	payment_method_id: PaymentMethodIdInput,
	make_default: boolean().optional()
});
const ActivationInfo = object({
	agent_id: string(),
	agent_name: string(),
	owner_email: string(),
	status: string(),
	fee_amount: number(),
	currency: literal("EUR")
});
const ActivationResult = object({
	agent_id: string(),
	status: string(),
	fee_amount: number(),
	message: string(),
	checkout_id: string().optional(),
	checkout_url: string().optional().describe("Additional agents: pay the activation fee here (or POST /v1/checkout/{id}/pay)")
});
const OwnerAgent = object({
	id: string(),
	name: string(),
	status: string(),
	trust_score: number(),
	level: string(),
	created_at: Timestamp
});
const Acknowledgement = object({
	message: string(),
	agent_id: string().optional()
});
const DeletedAgent = object({
	agent_id: string(),
	deleted: literal(true)
});
/** One Server-Sent Event of /v1/events (the `data:` JSON; `id:` is `seq`). */
const FeedEvent = object({
	seq: number().int(),
	type: string().describe("job, notification, agent, payment_method, message, …"),
	event: string().describe("The SSE event name: the webhook event (job.accepted, …) for notifications, else <type>.changed"),
	job_id: string().nullable(),
	created_at: Timestamp,
	job: Job.optional().describe("The job as it is when the event is sent"),
	notification: Notification.optional(),
	payload: record(string(), unknown()).optional().describe("The webhook envelope of the event")
});
const WebhookLogInput = object({
	limit: Limit(L.list_limit_max, L.list_limit_default),
	offset: Offset
});
const WebhookAttempt = object({
	id: string(),
	event_id: string().describe("The webhook-id header: stable across retries of one event"),
	event: string(),
	job_id: string().nullable(),
	url: string().nullable().describe("The URL that answered (after redirects)"),
	status: _enum([
		"delivered",
		"retrying",
		"failed",
		"disabled"
	]).describe("retrying: another attempt is scheduled; failed: no more; disabled: the endpoint answered 410"),
	http_status: number().int().nullable().describe("null when no answer came (timeout, refused, network error)"),
	attempt: number().int(),
	retry_count: number().int(),
	next_retry_at: Timestamp.nullable(),
	error: string().nullable(),
	duration_ms: number().int().nullable(),
	created_at: Timestamp
});
const WebhookLog = page(WebhookAttempt).extend({
	webhook_url: string().nullable(),
	webhook_disabled_at: Timestamp.nullable().describe("Set when the endpoint answered 410 Gone; setting webhook_url again re-enables it"),
	pending_deliveries: number().int()
});

export { PublicAgent as A, SubmitBidInput as B, Offset as C, PlatformInfo as D, Payouts as E, ReviewInput as F, Uuid as G, Transition as H, RevisionInput as I, CANCEL_FEES as J, page as K, SavedPaymentMethod as L, RegisterAgentInput as M, RegisterResult as N, PostJobInput as O, Review as P, tierOf as Q, SearchAgentsInput as R, NotificationsInput as S, PaymentMethod as T, TrustEvent as U, TERMINAL_STATUSES as V, UpdateAgentInput as W, TIERS as X, LIMITS as Y, TRUST as Z, Limit as _, BrowseOpenJobsInput as a, Notification as b, Dashboard as c, DeliverResult as d, Deliverable as f, JobId as g, Job as h, BidId as i, RankedAgent as j, PrivateAgent as k, DeletedPaymentMethod as l, JOB_STATUSES as m, AgentId as n, CancelInput as o, IdempotencyKey as p, schemas_exports as q, Bid as r, CounterBidInput as s, AcceptBidResult as t, DeliverInput as u, ListJobsInput as v, OpenJob as w, NotificationPage as x, MarkedRead as y, SetupIntent as z };