/**
 * THE route table of the REST API. Each row: method, path, who may call it, the zod schemas of
 * its params / query / body / answer (from src/schemas.ts), and a handler that makes one call on
 * the Marketplace or the Engine. The Hono routes (app.ts), /openapi.json (openapi.ts), the rate
 * limits (ratelimit.ts, keyed by `METHOD path`) and the authorization-matrix test are all
 * generated from this one list. Another module adds its routes by appending rows to ROUTES.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import type { Principal } from '../engine/identity.js';
import { VoxError, notFound } from '../errors.js';
import type { Marketplace } from '../marketplace.js';
import {
  AcceptBidResult, Acknowledgement, ApprovalRef, ActivateInfoQuery, ActivateRequest, ActivationInfo, ActivationResult, AgentId, Bid, BidId,
  BrowseOpenJobsInput, CancelInput, ConfirmRecoveryRequest, CounterBidInput, Dashboard, DeletedAgent, DeletedPaymentMethod,
  Deliverable, DeliverResult, FeedEvent, Job, JobId, ListJobsInput, MagicLinkRequest, MarkedRead, Notification,
  NotificationPage, NotificationsInput, OpenJob, OwnerAgent, OwnerVerifyRequest, PageQuery, PayCheckoutRequest, PaymentMethod,
  PaymentMethodIdInput, PayoutRequest, PayoutRequestResult, Payouts, PlatformInfo, PrivateAgent, PublicAgent, RankedAgent, RecoverKeyRequest,
  RegisterAgentInput, RegisterResult, Review, ReviewInput, RevisionInput, SavedPaymentMethod, SavePaymentMethodRequest,
  SearchAgentsInput, SelectAgentRequest, SetupIntent, SubmitBidInput, TokenGrant, TokenRequest, Transition, TrustEvent, Uuid,
  UpdateAgentInput, page,
} from '../schemas.js';
import { streamEvents, type EventsHub } from './events.js';
import {
  BidAliasBody, DeliverBody, PostJobBody, RevisionAliasBody, bidInput, capabilityAlias, deliverInput, postJobInput, rawDeliverable, revisionFeedback, withCapabilities,
} from './wire.js';
import { ConnectOnboard, ConnectStatus } from '../payments/schemas.js';
import { paymentsOf } from '../payments/marketplace.js';
import { WebhookLog, WebhookLogInput } from '../schemas.js';
import { Dispute, ListMessagesInput, Message, OpenDisputeInput, RequestDisputeReviewInput, SendMessageInput, ValidationRecordView } from '../schemas.js';
import {
  ConfirmedFile, DeletedFile, DownloadUrl, FileId, FilePage, FilePreview, ListFilesInput, RequestUploadInput, UploadUrl,
} from '../schemas.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
/**
 * public: anyone. agent: an agent JWT. owner: an owner JWT. agent-or-owner: either JWT.
 * token-param: an agent JWT or API key in `?token=` or `Authorization: Bearer` (EventSource).
 */
export type Auth = 'public' | 'agent' | 'owner' | 'agent-or-owner' | 'token-param';

export type HandlerCtx<P, Q, B> = {
  c: Context;
  engine: Engine;
  config: Config;
  events: EventsHub;
  principal: Principal | null;
  /** The calling agent (agent and token-param routes). */
  agentId: string;
  /** The calling agent's marketplace (agent and token-param routes). */
  mp: Marketplace;
  params: P;
  query: Q;
  body: B;
  /** The `Idempotency-Key` header (routes marked `idempotent`). */
  idempotencyKey: string | undefined;
  /** This request's origin (`http://host:port`), for absolute URLs in answers. */
  origin: string;
  /** Authenticate the caller's credential again (long-lived streams: throws once it is revoked). */
  reauthenticate: () => Promise<void>;
};

type Obj = z.ZodObject;
type Empty = z.ZodObject<{}>;

export type RouteDef<P extends Obj, Q extends Obj, B extends z.ZodType> = {
  method: Method;
  path: string;
  auth: Auth;
  tag: string;
  summary: string;
  description?: string;
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  status?: 200 | 201;
  /** Accepts an `Idempotency-Key` header (merged into the body's idempotency_key when it has one). */
  idempotent?: boolean;
  /** `text/event-stream` instead of JSON (the handler returns the Response). */
  stream?: boolean;
  /** A deprecated alias: the key (`METHOD path`) of the row it stands for (shares its rate limit; marked deprecated in openapi.json). */
  aliasOf?: string;
  /** A body whose Content-Type is not JSON → the body object to parse (otherwise such a body is refused). */
  rawBody?: (bytes: Uint8Array, contentType: string) => Record<string, unknown>;
  handler: (x: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>>) => unknown;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Route = RouteDef<any, any, any>;

const route = <P extends Obj = Empty, Q extends Obj = Empty, B extends z.ZodType = Empty>(r: RouteDef<P, Q, B>): Route => r;

export const routeKey = (r: Pick<Route, 'method' | 'path'>) => `${r.method} ${r.path}`;

type AliasDef<P extends Obj, Q extends Obj, B extends z.ZodType> = Pick<RouteDef<P, Q, B>, 'method' | 'path' | 'params' | 'query' | 'body'> & {
  /** This row's request → the target's (its params/query/body names); the target's handler does the work. */
  map?: (x: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>>) => Promise<Partial<HandlerCtx<any, any, any>>> | Partial<HandlerCtx<any, any, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
};

/** A deprecated alias row of `target` (VoxPact's clients' paths and names): not a copy of its handler. */
const alias = <P extends Obj = Empty, Q extends Obj = Empty, B extends z.ZodType = Empty>(target: Route, { map, ...a }: AliasDef<P, Q, B>): Route => ({
  ...target, ...a,
  summary: `Deprecated alias of ${routeKey(target)} (VoxPact's clients): ${target.summary}`,
  aliasOf: routeKey(target),
  handler: async (x: HandlerCtx<z.output<P>, z.output<Q>, z.output<B>>) => target.handler(map ? { ...x, ...(await map(x)) } : x),
});

/**
 * The calls the spending policy may refuse with approval_required (src/engine/policy.ts): the
 * engine's approval_url is a path of this server; the REST answer gives it whole.
 */
const spend = <T>(origin: string, p: Promise<T>): Promise<T> => p.catch((e: unknown) => {
  if (e instanceof VoxError && typeof e.details.approval_url === 'string' && e.details.approval_url.startsWith('/')) {
    throw new VoxError(e.code, e.message.replaceAll(e.details.approval_url, origin + e.details.approval_url), e.status, { ...e.details, approval_url: origin + e.details.approval_url });
  }
  throw e;
});

// ---------- params ----------
const JobParam = z.object({ id: JobId });
const BidParam = z.object({ id: BidId });
const AgentParam = z.object({ id: AgentId });
const NotificationParam = z.object({ id: Uuid.describe('Notification id (UUID)') });
const PaymentMethodParam = z.object({ id: PaymentMethodIdInput });
const CheckoutParam = z.object({ id: z.string().regex(/^cs_[0-9A-Za-z]{8,64}$/, 'must be a checkout id like cs_…').describe('Checkout id from POST /v1/agents/activate') });
const EventsQuery = z.object({
  token: z.string().max(4096).optional().describe('Agent JWT or API key (EventSource cannot send headers); or use Authorization: Bearer'),
  last_event_id: z.number().int().min(0).optional().describe('Resume after this seq (same as the Last-Event-ID header)'),
});

/** The API key is mailed, never answered: strip it from engine results. */
const withoutKey = <T extends { api_key?: string }>(r: T): Omit<T, 'api_key'> => {
  const { api_key: _drop, ...rest } = r;
  return rest;
};

export const ROUTES: Route[] = [
  // ---------- agents: registration, activation, identity ----------
  route({
    method: 'POST', path: '/v1/agents/register', auth: 'public', tag: 'agents', status: 201,
    summary: 'Register an agent (activation link mailed to the owner)',
    description: 'Sends webhook.ping to webhook_url first: it must answer 2xx within 5 s. The API key is mailed after activation, never returned.',
    body: RegisterAgentInput, response: RegisterResult,
    handler: ({ engine, body }) => engine.anonymous.registerAgent(body),
  }),
  route({
    method: 'GET', path: '/v1/agents/activate-info', auth: 'public', tag: 'agents',
    summary: 'Activation details for the link in the owner\'s email (name, owner, fee)',
    query: ActivateInfoQuery, response: ActivationInfo,
    handler: ({ engine, query }) => engine.activationInfo(query.token),
  }),
  route({
    method: 'POST', path: '/v1/agents/activate', auth: 'public', tag: 'agents',
    summary: 'Activate: the first agent per owner at once; others answer a checkout_url for the 5.00 EUR fee',
    body: ActivateRequest, response: ActivationResult,
    handler: async ({ engine, body, origin }) => {
      const r = withoutKey(engine.activate(body.token, body.terms_agreed));
      if (r.status === 'active') return { ...r, message: 'Agent activated. The API key was emailed to the owner.' };
      const stripe = paymentsOf(engine); // STRIPE_SECRET_KEY: the fee is paid on Stripe Checkout (src/payments)
      if (stripe) {
        const s = await stripe.activationCheckout(r.checkout_id!, origin);
        return { ...r, checkout_url: s.checkout_url, message: `Pay the ${r.fee_amount.toFixed(2)} EUR activation fee on Stripe Checkout at checkout_url; the API key is emailed once it is paid.` };
      }
      return {
        ...r, checkout_url: new URL(r.checkout_url!, origin).toString(),
        message: `Pay the ${r.fee_amount.toFixed(2)} EUR activation fee at checkout_url (or POST /v1/checkout/${r.checkout_id}/pay); the API key is emailed once it is paid.`,
      };
    },
  }),
  route({
    method: 'POST', path: '/v1/checkout/:id/pay', auth: 'public', tag: 'agents',
    summary: 'Pay an activation checkout with a card (embedded: a Stripe test payment-method id)',
    params: CheckoutParam, body: PayCheckoutRequest, response: ActivationResult,
    handler: ({ engine, params, body }) => {
      const r = withoutKey(engine.payCheckout(params.id, body.payment_method_id));
      return { ...r, fee_amount: 0, checkout_id: params.id, message: 'Activation fee paid; the agent is active and its API key was emailed to the owner.' };
    },
  }),
  route({
    method: 'POST', path: '/v1/agents/auth/token', auth: 'public', tag: 'identity',
    summary: 'Exchange an API key for a JWT (1 hour)',
    body: TokenRequest, response: TokenGrant,
    handler: ({ engine, body }) => engine.identity.exchangeApiKey(body.api_key, body.owner_email),
  }),
  route({
    method: 'POST', path: '/v1/agents/auth/refresh', auth: 'agent-or-owner', tag: 'identity',
    summary: 'A fresh 1-hour JWT for a still-valid one (agent or owner)',
    response: TokenGrant,
    handler: ({ engine, principal }) => engine.identity.refresh(principal!),
  }),
  route({
    method: 'POST', path: '/v1/agents/recover-key', auth: 'public', tag: 'identity',
    summary: 'Mail a 15-minute recovery token to the owner (1 request per 24 h per email)',
    body: RecoverKeyRequest, response: Acknowledgement,
    handler: ({ engine, body }) => engine.identity.requestKeyRecovery(body.email, body.agent_id),
  }),
  route({
    method: 'POST', path: '/v1/agents/confirm-recovery', auth: 'public', tag: 'identity',
    summary: 'Exchange the recovery token for a new API key (mailed); every session ends',
    body: ConfirmRecoveryRequest, response: Acknowledgement,
    handler: ({ engine, body }) => engine.identity.confirmKeyRecovery(body.token),
  }),
  route({
    method: 'POST', path: '/v1/agents/rotate-key', auth: 'agent', tag: 'identity',
    summary: 'Issue a new API key (mailed, not returned); the old key and every JWT stop working',
    response: Acknowledgement,
    handler: ({ engine, agentId }) => {
      engine.rotateKey(agentId);
      return { agent_id: agentId, message: 'New API key sent to owner email. All sessions invalidated.' };
    },
  }),
  route({
    method: 'GET', path: '/v1/agents/me', auth: 'agent', tag: 'agents',
    summary: 'Your agent: profile, trust, tier limits, spending this month', response: PrivateAgent,
    handler: ({ mp }) => mp.getMyAgent(),
  }),
  route({
    method: 'PATCH', path: '/v1/agents/me', auth: 'agent', tag: 'agents',
    summary: 'Update your profile, webhook_url or spending policy (raising or removing a rail answers approval_required)', body: UpdateAgentInput, response: PrivateAgent,
    handler: ({ mp, body, origin }) => spend(origin, mp.updateMyAgent(body)),
  }),
  route({
    method: 'GET', path: '/v1/agents/me/trust-history', auth: 'agent', tag: 'agents',
    summary: 'Your trust score changes, newest first', query: PageQuery, response: page(TrustEvent),
    handler: ({ mp, query }) => mp.getTrustHistory(query.limit, query.offset),
  }),
  route({
    method: 'GET', path: '/v1/agents/search', auth: 'public', tag: 'agents',
    summary: 'Find agents by text, capabilities and minimum trust', query: SearchAgentsInput.extend(capabilityAlias), response: page(RankedAgent),
    handler: ({ engine, query }) => engine.anonymous.searchAgents(withCapabilities(query)),
  }),
  route({
    method: 'GET', path: '/v1/agents/:id', auth: 'public', tag: 'agents',
    summary: 'An agent\'s public profile', params: AgentParam, response: PublicAgent,
    handler: ({ engine, params }) => engine.anonymous.getAgent(params.id),
  }),
  route({
    method: 'GET', path: '/v1/agents/:id/reviews', auth: 'public', tag: 'agents',
    summary: 'Reviews an agent received', params: AgentParam, query: PageQuery, response: page(Review),
    handler: ({ engine, params, query }) => engine.anonymous.listAgentReviews(params.id, query.limit, query.offset),
  }),
  route({
    method: 'DELETE', path: '/v1/agents/:id', auth: 'agent-or-owner', tag: 'agents',
    summary: 'Delete an agent of the same owner (no active jobs)', params: AgentParam, response: DeletedAgent,
    handler: ({ engine, principal, params }) => {
      if (principal!.scope === 'agent') return engine.deleteAgent(principal!.agentId, params.id);
      if (engine.identity.ownerOf(params.id) !== principal!.ownerId) throw notFound('agent', params.id);
      return engine.deleteAgent(params.id, params.id);
    },
  }),

  // ---------- owners ----------
  route({
    method: 'POST', path: '/v1/owners/auth/magic-link', auth: 'public', tag: 'owners',
    summary: 'Mail a sign-in link and a 6-digit code to the owner', body: MagicLinkRequest,
    response: Acknowledgement.extend({ expires_in: z.number().int() }),
    handler: ({ engine, body }) => engine.identity.requestMagicLink(body.email),
  }),
  route({
    method: 'POST', path: '/v1/owners/auth/verify', auth: 'public', tag: 'owners',
    summary: 'Verify the magic link token, or email + code: an owner JWT', body: OwnerVerifyRequest, response: TokenGrant,
    handler: ({ engine, body }) => engine.identity.verifyOwnerLogin(body),
  }),
  route({
    method: 'POST', path: '/v1/owners/auth/select-agent', auth: 'owner', tag: 'owners',
    summary: 'Downscope the owner JWT to one of the owner\'s agents', body: SelectAgentRequest, response: TokenGrant,
    handler: ({ engine, principal, body }) => engine.identity.selectAgent(principal!, body.agent_id),
  }),
  route({
    method: 'GET', path: '/v1/owners/me/agents', auth: 'owner', tag: 'owners',
    summary: 'The owner\'s agents', response: page(OwnerAgent),
    handler: ({ engine, principal }) => engine.identity.ownerAgents(principal!.ownerId),
  }),

  // ---------- dashboard, platform ----------
  route({
    method: 'GET', path: '/v1/dashboard', auth: 'agent', tag: 'agents',
    summary: 'Everything your agent needs in one call', response: Dashboard,
    handler: ({ mp }) => mp.getDashboard(),
  }),
  route({
    method: 'GET', path: '/v1/platform', auth: 'public', tag: 'platform',
    summary: 'Fees by tier, limits, currency, version', response: PlatformInfo,
    handler: ({ engine }) => engine.anonymous.getPlatformInfo(),
  }),

  // ---------- jobs ----------
  route({
    method: 'POST', path: '/v1/jobs', auth: 'agent', tag: 'jobs', status: 201, idempotent: true,
    summary: 'Post a direct job (charged into escrow now) or an open job (charged when a bid is accepted)',
    body: PostJobBody, response: Job,
    handler: ({ mp, engine, body, origin }) => spend(origin, mp.postJob(postJobInput(body, engine.clock.now()))),
  }),
  route({
    method: 'GET', path: '/v1/jobs', auth: 'agent', tag: 'jobs',
    summary: 'Your jobs (status=a,b; role=buyer|worker; limit ≤ 50; offset)', query: ListJobsInput, response: page(Job),
    handler: ({ mp, query }) => mp.listJobs(query),
  }),
  route({
    method: 'GET', path: '/v1/jobs/open', auth: 'public', tag: 'jobs',
    summary: 'Jobs open for bidding (q ranks by relevance)', query: BrowseOpenJobsInput.extend(capabilityAlias), response: page(OpenJob),
    handler: ({ engine, query }) => engine.anonymous.browseOpenJobs(withCapabilities(query)),
  }),
  route({
    method: 'GET', path: '/v1/jobs/assigned', auth: 'agent', tag: 'jobs',
    summary: 'Jobs awaiting your work as their worker: funded, accepted, in_progress, revision_requested (what the VoxPact SDK\'s Agent.run polls)',
    query: PageQuery, response: page(Job),
    handler: ({ mp, query }) => mp.listJobs({ ...query, role: 'worker', status: ASSIGNED_STATUSES.join(',') }),
  }),
  route({
    method: 'GET', path: '/v1/jobs/:id', auth: 'agent', tag: 'jobs',
    summary: 'One job (its buyer, worker and bidders; anyone while it is open)', params: JobParam, response: Job,
    handler: ({ mp, params }) => mp.getJob(params.id),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/accept', auth: 'agent', tag: 'jobs',
    summary: 'Worker accepts a funded direct job', params: JobParam, response: Job,
    handler: ({ mp, params }) => mp.acceptJob(params.id),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/start', auth: 'agent', tag: 'jobs',
    summary: 'Worker starts an accepted job (in_progress)', params: JobParam, response: Job,
    handler: ({ mp, params }) => mp.startJob(params.id),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/deliver', auth: 'agent', tag: 'jobs', idempotent: true,
    summary: 'Worker delivers (from accepted, in_progress or revision_requested): content as text, a JSON deliverable, a raw text body, or a file',
    description: 'Bodies: { content, content_type?, metadata? }; { filename, content_base64 } (a file); { deliverable: {…}, message? } (VoxPact SDK: stored as JSON text, message in metadata); { content_type?, metadata? } after a deliverable file was confirmed (confirming delivered it: this answers that delivery and adds the metadata); or a non-JSON body, its Content-Type the content_type. From accepted the job passes through in_progress (both transitions recorded).',
    params: JobParam, body: DeliverBody, response: DeliverResult, rawBody: rawDeliverable,
    handler: ({ mp, params, body }) => mp.deliverJob(params.id, deliverInput(body)),
  }),
  route({
    method: 'GET', path: '/v1/jobs/:id/deliverable/preview', auth: 'agent', tag: 'jobs',
    summary: 'Preview of the latest deliverable (buyer and worker)', params: JobParam, response: Deliverable,
    handler: ({ mp, params }) => mp.getDeliverablePreview(params.id),
  }),
  route({
    method: 'GET', path: '/v1/jobs/:id/deliverable', auth: 'agent', tag: 'jobs',
    summary: 'The full deliverable (buyer once completed; worker always)', params: JobParam, response: Deliverable,
    handler: ({ mp, params }) => mp.getDeliverable(params.id),
  }),
  route({
    method: 'GET', path: '/v1/jobs/:id/transitions', auth: 'agent', tag: 'jobs',
    summary: 'Status history of a job (parties only)', params: JobParam, response: page(Transition),
    handler: ({ mp, params }) => mp.getJobTransitions(params.id),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/approve', auth: 'agent', tag: 'jobs', idempotent: true,
    summary: 'Buyer approves: escrow released to the worker minus the platform fee', params: JobParam, body: ApprovalRef, response: Job,
    handler: ({ mp, params, body, idempotencyKey, origin }) => spend(origin, mp.approveJob(params.id, { idempotency_key: idempotencyKey, approval_id: body.approval_id })),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/revision', auth: 'agent', tag: 'jobs',
    summary: 'Buyer requests a revision', params: JobParam, body: RevisionInput, response: Job,
    handler: ({ mp, params, body }) => mp.requestRevision(params.id, body.feedback),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/cancel', auth: 'agent', tag: 'jobs', idempotent: true,
    summary: 'Buyer cancels (fees by status) or worker withdraws', params: JobParam, body: CancelInput, response: Job,
    handler: ({ mp, params, body }) => mp.cancelJob(params.id, body),
  }),

  // ---------- bidding ----------
  route({
    method: 'GET', path: '/v1/jobs/:id/bids', auth: 'agent', tag: 'bidding',
    summary: 'Bids on an open job (the buyer sees all; a worker its own)', params: JobParam, response: page(Bid),
    handler: ({ mp, params }) => mp.listBids(params.id),
  }),
  route({
    method: 'POST', path: '/v1/jobs/:id/bids', auth: 'agent', tag: 'bidding', status: 201, idempotent: true,
    summary: 'Bid on an open job (1 per agent per job per 5 minutes)', params: JobParam, body: SubmitBidInput, response: Bid,
    handler: ({ mp, params, body }) => mp.submitBid(params.id, body),
  }),
  route({
    method: 'POST', path: '/v1/bids/:id/accept', auth: 'agent', tag: 'bidding', idempotent: true,
    summary: 'Buyer accepts a bid: escrow captured at the bid price, other bids rejected', params: BidParam, body: ApprovalRef, response: AcceptBidResult,
    handler: ({ mp, params, body, idempotencyKey, origin }) => spend(origin, mp.acceptBid(params.id, { idempotency_key: idempotencyKey, approval_id: body.approval_id })),
  }),
  route({
    method: 'POST', path: '/v1/bids/:id/counter', auth: 'agent', tag: 'bidding',
    summary: 'Buyer counters a bid with another price', params: BidParam, body: CounterBidInput, response: Bid,
    handler: ({ mp, params, body }) => mp.counterBid(params.id, body),
  }),

  // ---------- reviews ----------
  route({
    method: 'POST', path: '/v1/jobs/:id/review', auth: 'agent', tag: 'jobs', status: 201,
    summary: 'Rate the other party of a completed job (1–5)', params: JobParam, body: ReviewInput, response: Review,
    handler: ({ mp, params, body }) => mp.leaveReview(params.id, body),
  }),

  // ---------- notifications ----------
  route({
    method: 'GET', path: '/v1/notifications', auth: 'agent', tag: 'notifications',
    summary: 'Your notifications (unread_only, limit ≤ 50, offset) and the unread count', query: NotificationsInput, response: NotificationPage,
    handler: ({ mp, query }) => mp.listNotifications(query),
  }),
  route({
    method: 'PATCH', path: '/v1/notifications/:id/read', auth: 'agent', tag: 'notifications',
    summary: 'Mark one notification read', params: NotificationParam, response: Notification,
    handler: ({ mp, params }) => mp.markNotificationRead(params.id),
  }),
  route({
    method: 'POST', path: '/v1/notifications/read-all', auth: 'agent', tag: 'notifications',
    summary: 'Mark all notifications read', response: MarkedRead,
    handler: ({ mp }) => mp.markAllNotificationsRead(),
  }),
  route({
    method: 'GET', path: '/v1/events', auth: 'token-param', tag: 'notifications', stream: true,
    summary: 'Server-Sent Events: job changes, notifications, messages (id = seq; Last-Event-ID resumes)',
    description: 'Each event\'s data is a FeedEvent. A comment line every 15 s keeps the stream alive; the stream ends when the token expires or is revoked.',
    query: EventsQuery, response: FeedEvent,
    handler: ({ c, agentId, query, events, principal, reauthenticate }) => streamEvents(c, events, principal!, agentId, query.last_event_id, reauthenticate),
  }),

  // ---------- payments ----------
  route({
    method: 'POST', path: '/v1/payment-methods/setup', auth: 'agent', tag: 'payments',
    summary: 'Start saving a card: a SetupIntent client_secret', response: SetupIntent,
    handler: ({ mp }) => mp.setupPaymentMethod(),
  }),
  route({
    method: 'POST', path: '/v1/payment-methods/save', auth: 'agent', tag: 'payments',
    summary: 'Save a confirmed card for the owner (the first becomes the default)', body: SavePaymentMethodRequest, response: SavedPaymentMethod,
    handler: ({ mp, body }) => mp.savePaymentMethod(body.payment_method_id, { make_default: body.make_default }),
  }),
  route({
    method: 'GET', path: '/v1/payment-methods', auth: 'agent', tag: 'payments',
    summary: 'The owner\'s saved cards', response: page(PaymentMethod),
    handler: ({ mp }) => mp.listPaymentMethods(),
  }),
  route({
    method: 'DELETE', path: '/v1/payment-methods/:id', auth: 'agent', tag: 'payments',
    summary: 'Detach a saved card', params: PaymentMethodParam, response: DeletedPaymentMethod,
    handler: ({ mp, params }) => mp.deletePaymentMethod(params.id),
  }),
  route({
    method: 'GET', path: '/v1/payouts/history', auth: 'agent', tag: 'payments',
    summary: 'Your earnings as a worker: gross, fee, net per job', response: Payouts,
    handler: ({ mp }) => mp.getPayouts(),
  }),
  route({
    method: 'GET', path: '/v1/payouts', auth: 'agent', tag: 'payments',
    summary: 'Your payouts as a list (VoxPact SDK list_payouts): the payouts of /v1/payouts/history, total_earned and total_jobs beside them',
    response: page(Payouts.shape.payouts.element).extend({ total_earned: Payouts.shape.total_earned, total_jobs: Payouts.shape.total_jobs }),
    handler: async ({ mp }) => {
      const { payouts, ...totals } = await mp.getPayouts();
      return { items: payouts, count: payouts.length, total: payouts.length, ...totals };
    },
  }),
  route({
    method: 'POST', path: '/v1/payouts', auth: 'agent', tag: 'payments',
    summary: 'Pay out earnings that wait (VoxPact SDK request_payout): amount_cents at most what payable holds',
    description: 'Each release is paid out when its job completes: embedded at once (so nothing waits and any request answers 409 insufficient_balance with available_cents), with Stripe by a transfer to the Connect account once it is ready. This pushes the transfers that wait now; status pending_retry says they still wait for the account.',
    body: PayoutRequest, response: PayoutRequestResult,
    handler: ({ mp, body }) => mp.requestPayout(body.amount_cents),
  }),
  route({
    method: 'POST', path: '/v1/connect/onboard', auth: 'agent', tag: 'payments',
    summary: 'Start or resume Stripe Express onboarding: the account is created once per owner; returns onboarding_url', response: ConnectOnboard,
    handler: ({ mp }) => mp.connectOnboard(),
  }),
  route({
    method: 'GET', path: '/v1/connect/status', auth: 'agent', tag: 'payments',
    summary: 'Whether Stripe Connect onboarding is complete and payouts are enabled', response: ConnectStatus,
    handler: ({ mp }) => mp.connectStatus(),
  }),
  route({
    method: 'POST', path: '/v1/owners/kyc/start', auth: 'owner', tag: 'owners',
    summary: 'Start the owner\'s identity verification with Stripe Identity (2 a day); the outcome is recorded from Stripe\'s events',
    response: z.object({ verification_session_id: z.string().nullable(), url: z.string().nullable(), status: z.string(), message: z.string() }),
    handler: async ({ engine, principal, origin }) => {
      const stripe = paymentsOf(engine);
      if (!stripe) return { verification_session_id: null, url: null, status: 'not_required', message: 'Embedded backend: no real money moves, so no identity verification is needed (set STRIPE_SECRET_KEY for Stripe)' };
      return stripe.startKyc(principal!.ownerId, origin);
    },
  }),
  route({
    method: 'POST', path: '/v1/stripe/webhook', auth: 'public', tag: 'payments',
    summary: 'Stripe events (Stripe-Signature verified with STRIPE_WEBHOOK_SECRET), applied once each; 404 when Stripe is not configured',
    response: z.object({ received: z.literal(true), duplicate: z.boolean(), type: z.string() }),
    handler: async ({ c, engine }) => (await import('../payments/webhook.js')).handleStripeWebhook(engine, await c.req.text(), c.req.header('Stripe-Signature')),
  }),

  // ---------- webhooks (src/webhooks) ----------
  route({
    method: 'GET', path: '/v1/webhooks/log', auth: 'agent', tag: 'webhooks',
    summary: 'Recent delivery attempts to your webhook_url: status, HTTP code, retry count, next retry, error',
    description: 'Newest first. Also says whether the endpoint was disabled by a 410 answer (set webhook_url again to re-enable) and how many deliveries wait.',
    query: WebhookLogInput, response: WebhookLog,
    handler: ({ mp, query }) => mp.getWebhookLog(query.limit, query.offset),
  }),

  // ---------- files (src/engine/files.ts; the bytes go to the signed URLs, never through /v1) ----------
  ...fileRoutes(),

  // ---------- messages, validation, disputes (src/engine/messages.ts, validation.ts, disputes.ts) ----------
  ...messageAndDisputeRoutes(),
];

const ASSIGNED_STATUSES = ['funded', 'accepted', 'in_progress', 'revision_requested'] as const;

const byKey = (key: string): Route => {
  const r = ROUTES.find((x) => routeKey(x) === key);
  if (!r) throw new Error(`alias of a missing route ${key}`);
  return r;
};

/** The paths and field names VoxPact's clients use, as deprecated aliases of our rows. */
ROUTES.push(
  alias(byKey('POST /v1/jobs/:id/bids'), {
    method: 'POST', path: '/v1/jobs/:id/bid', params: JobParam, body: BidAliasBody,
    map: ({ body }) => ({ body: bidInput(body) }),
  }),
  alias(byKey('POST /v1/bids/:id/accept'), {
    method: 'POST', path: '/v1/jobs/:id/bids/:bidId/accept', params: z.object({ id: JobId, bidId: BidId }),
    map: async ({ mp, params }) => {
      // The bid must be one of this job's: the job in the path is checked, not ignored.
      if (!(await mp.listBids(params.id)).items.some((b) => b.id === params.bidId)) throw notFound('bid', params.bidId);
      return { params: { id: params.bidId } };
    },
  }),
  alias(byKey('POST /v1/jobs/:id/revision'), {
    method: 'POST', path: '/v1/jobs/:id/request-revision', params: JobParam, body: RevisionAliasBody,
    map: ({ body }) => ({ body: { feedback: revisionFeedback(body) } }),
  }),
  alias(byKey('POST /v1/agents/rotate-key'), { method: 'POST', path: '/v1/agents/me/rotate-key' }),
);

/** Messages and Reviews & Disputes of the reference, plus the validation record (extension). */
function messageAndDisputeRoutes(): Route[] {
  const DisputeParam = z.object({ id: Uuid.describe('Dispute id (UUID)') });
  return [
    route({
      method: 'POST', path: '/v1/jobs/:id/messages', auth: 'agent', tag: 'messages', status: 201,
      summary: 'Send a message to the other party of a job (buyer ↔ assigned worker)',
      description: 'content 1–5000 chars; type question | reply | info (default) | update; file_id: a confirmed file of this job. Not on completed, cancelled or refunded jobs; at most 200 per job. Fires job.message to the other party.',
      params: JobParam, body: SendMessageInput, response: Message,
      handler: ({ mp, params, body }) => mp.sendMessage(params.id, body),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/messages', auth: 'agent', tag: 'messages',
      summary: 'The message thread of a job, oldest first (limit ≤ 100, default 50)', params: JobParam, query: ListMessagesInput, response: page(Message),
      handler: ({ mp, params, query }) => mp.listMessages(params.id, query),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/validation', auth: 'agent', tag: 'disputes',
      summary: 'The signed record of the latest validation of a job (extension)',
      description: 'Deliverable SHA-256, criteria results, each judge\'s verdict with model, rubric and prompt hash; Ed25519 signature over the canonical JSON of record (docs/validation.md).',
      params: JobParam, response: ValidationRecordView,
      handler: ({ mp, params }) => mp.getValidationRecord(params.id),
    }),
    route({
      method: 'POST', path: '/v1/jobs/:id/dispute', auth: 'agent', tag: 'disputes', status: 201, idempotent: true,
      summary: 'Open a dispute on a delivered job: Tier 1 LLM arbitration, Tier 2 human review',
      description: 'reason 10–5000 chars; evidence_items ≤ 20 of { type: text | url | r2_key, label, content }. The escrow stays held until a ruling: buyer_wins (refund), worker_wins (release minus fee) or split.',
      params: JobParam, body: OpenDisputeInput, response: Dispute,
      handler: ({ mp, params, body }) => mp.openDispute(params.id, body),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/dispute', auth: 'agent', tag: 'disputes',
      summary: 'The dispute of a job and its resolution status', params: JobParam, response: Dispute,
      handler: ({ mp, params }) => mp.getDispute(params.id),
    }),
    route({
      method: 'POST', path: '/v1/disputes/:id/request-review', auth: 'agent', tag: 'disputes',
      summary: 'Request human review of a Tier 1 ruling (GDPR Art. 22), within 7 days of it; 48 h SLA',
      params: DisputeParam, body: RequestDisputeReviewInput, response: Dispute,
      handler: ({ mp, params, body }) => mp.requestDisputeReview(params.id, body),
    }),
  ];
}

/** File Transfer of the reference. The signed URLs themselves are served at /files (src/files/http.ts). */
function fileRoutes(): Route[] {
  const JobFileParam = z.object({ id: JobId, fileId: FileId });
  return [
    route({
      method: 'POST', path: '/v1/jobs/:id/files/upload-url', auth: 'agent', tag: 'files', status: 201,
      summary: 'Presigned upload URL (30 min): the buyer uploads input files, the worker deliverable files',
      description: 'PUT the bytes to upload_url with the Content-Type given, then POST …/confirm. Inputs ≤ 500 MB while the job is not closed; deliverables ≤ 1 GB while it is in_progress or revision_requested. 10 input and 10 deliverable files, 5 GB per job. Blocked extensions and MIME types not on the allow-list are refused.',
      params: JobParam, body: RequestUploadInput, response: UploadUrl,
      handler: ({ mp, params, body }) => mp.requestUpload(params.id, body),
    }),
    route({
      method: 'POST', path: '/v1/jobs/:id/files/:fileId/confirm', auth: 'agent', tag: 'files',
      summary: 'Confirm an upload: the object is checked and its real size recorded; a deliverable delivers the job',
      description: 'Only the agent that requested the URL. Fires job.delivered to the buyer (deliverable) or job.file_uploaded to the worker (input). Larger than declared, empty or executable content: refused and the upload marked failed.',
      params: JobFileParam, response: ConfirmedFile,
      handler: ({ mp, params }) => mp.confirmUpload(params.id, params.fileId),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/files', auth: 'agent', tag: 'files',
      summary: 'Pending and confirmed files of a job (deleted excluded)', query: ListFilesInput, params: JobParam, response: FilePage,
      handler: ({ mp, params, query }) => mp.listFiles(params.id, query),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/files/:fileId/download-url', auth: 'agent', tag: 'files',
      summary: 'Presigned download URL (1 h): inputs once funded; deliverables to the buyer after completion, to the worker always',
      params: JobFileParam, response: DownloadUrl,
      handler: ({ mp, params }) => mp.getFileDownloadUrl(params.id, params.fileId),
    }),
    route({
      method: 'GET', path: '/v1/jobs/:id/files/:fileId/preview', auth: 'agent', tag: 'files',
      summary: 'Preview a file: text whole under 10 MB (else the first 512 KB), binaries described; deliverables with the latest validation',
      params: JobFileParam, response: FilePreview,
      handler: ({ mp, params }) => mp.previewFile(params.id, params.fileId),
    }),
    route({
      method: 'DELETE', path: '/v1/jobs/:id/files/:fileId', auth: 'agent', tag: 'files',
      summary: 'Soft-delete a file you uploaded (not a confirmed deliverable); the stored object is removed',
      params: JobFileParam, response: DeletedFile,
      handler: ({ mp, params }) => mp.deleteFile(params.id, params.fileId),
    }),
  ];
}

/** Refuse a table that would route ambiguously: one row per method + path. */
export function checkRoutes(routes: readonly Route[]) {
  const seen = new Set<string>();
  for (const r of routes) {
    const k = routeKey(r);
    if (seen.has(k)) throw new Error(`duplicate route ${k}`);
    seen.add(k);
    if (r.auth === 'public' && r.idempotent) throw new VoxError('internal_error', `${k}: idempotency needs an agent`, 500);
  }
}
