/**
 * Hosted mode: the Marketplace interface over the VoxPact REST API (api-reference.txt), so the
 * same MCP tools work against any VoxPact-compatible server. One undici Pool (keep-alive) per
 * API origin. The API key is exchanged for a JWT at POST /v1/agents/auth/token and refreshed
 * at 80 % of its life; a 401 re-exchanges once. 429 waits Retry-After (bounded) and retries.
 * Both wire shapes are read: lists as `{ data: [ … ], count, total?, … }` (the reference) or
 * `{ data: { items, count, total? } }` (older servers); errors as `{ error: "<message>", code, … }`
 * or `{ error: { code, message, … } }`. Either becomes the same Page or VoxError the embedded
 * engine gives, so tools answer identically. `changesSince` / `latestChangeSeq`
 * follow GET /v1/events (SSE, resumed with Last-Event-ID) so resource subscriptions work.
 */
import { Pool, request } from 'undici';
import type { ConnectOnboard, ConnectStatus } from '../payments/schemas.js';
import { FILE_LIMITS } from '../files/limits.js';
import { humanSize, mimeFromFilename } from '../files/mime.js';
import type * as F from '../files/schemas.js';
import { VoxError, invalid } from '../errors.js';
import { log } from '../log.js';
import type { ChangeEvent, Marketplace, Page } from '../marketplace.js';
import { cents } from '../money.js';
import { ProxyRails } from './rails.js';
import type * as S from '../schemas.js';
import { SseParser } from './sse.js';

export type HostedOptions = {
  apiUrl: string;
  apiKey: string;
  /** Sent with the key exchange when set (the reference's optional extra check). */
  ownerEmail?: string;
  /** This MCP server's own spending rails (get_platform_info reports them). */
  rails?: { maxJobCents: number | null; confirmAboveCents: number | null };
  /** Wait at most this long for one Retry-After; longer waits are the caller's (a rate_limited error). */
  maxRetryAfterS?: number;
  /** Retries after 429 per call. */
  maxRateLimitRetries?: number;
  requestTimeoutMs?: number;
  connections?: number;
  /** Injected for tests: the wall clock (token lifetimes) and the Retry-After wait. */
  nowMs?: () => number;
  sleep?: (ms: number) => Promise<void>;
};

type Grant = { token: string; expires_in: number; agent_id?: string };
type Query = Record<string, string | number | boolean | string[] | undefined | null>;
type CallOpts = { query?: Query; body?: unknown; auth?: boolean; idempotencyKey?: string; /** the whole envelope, not its data (lists) */ envelope?: boolean };
type Envelope = { success?: boolean; data?: unknown; error?: unknown; code?: unknown; [k: string]: unknown };

/** A list answer in either shape (or a bare array) → a Page with the envelope's other fields beside items. */
export function toPage<T>(body: unknown, what: string): Page<T> & Record<string, unknown> {
  if (Array.isArray(body)) return { items: body as T[], count: body.length };
  const { success: _s, data, message: _m, ...top } = (body ?? {}) as Envelope;
  if (Array.isArray(data)) return { ...top, items: data as T[], count: typeof top.count === 'number' ? top.count : data.length };
  const old = (data ?? body) as { items?: unknown } | null;
  if (old && typeof old === 'object' && Array.isArray(old.items)) return old as Page<T> & Record<string, unknown>;
  throw new VoxError('upstream_error', `${what} answered a list in a shape this client does not know: ${JSON.stringify(body).slice(0, 200)}`, 502);
}

/** The code of an error answer without one (a bare `{ error: "…" }`), from its HTTP status. */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'validation_error', 401: 'unauthorized', 402: 'payment_required', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 422: 'validation_error', 429: 'rate_limited',
};

/** Refresh when this fraction of the token's life has passed. */
const REFRESH_AT = 0.8;
/** Change events kept for subscribers (the newest). */
const FEED_BUFFER_MAX = 2000;
const FEED_READ_MAX = 500;
const QUOTE_SCAN_PAGES = 4;

const sleepReal = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());
const enc = encodeURIComponent;

function withoutKey<T extends { idempotency_key?: string }>(input: T): { body: Omit<T, 'idempotency_key'>; key: string | undefined } {
  const { idempotency_key, ...body } = input;
  return { body, key: idempotency_key };
}

/** The retry of a call that answered approval_required carries its approval_id in the body. */
const approvalBody = (o: { approval_id?: string }) => (o.approval_id ? { body: { approval_id: o.approval_id } } : {});

export class HostedMarketplace implements Marketplace {
  private readonly pool: Pool;
  private readonly base: string;
  private readonly o: Required<Omit<HostedOptions, 'ownerEmail' | 'rails'>> & Pick<HostedOptions, 'ownerEmail' | 'rails'>;
  private grant: { token: string; refreshAtMs: number; expiresAtMs: number } | null = null;
  private renewing: Promise<string> | null = null;
  private closed = false;
  // ---- the followed event stream ----
  private feed: ChangeEvent[] = [];
  private lastSeq: number | null = null;
  private following: Promise<void> | null = null;
  private streamAbort: AbortController | null = null;

  private id = '';
  /** The agent the API key belongs to (from the token exchange). */
  get agentId(): string {
    return this.id;
  }

  private constructor(o: HostedOptions) {
    const url = new URL(o.apiUrl);
    this.base = url.pathname.replace(/\/+$/, '');
    this.o = {
      maxRetryAfterS: 30, maxRateLimitRetries: 3, requestTimeoutMs: 30_000, connections: 8,
      nowMs: () => Date.now(), sleep: sleepReal, ...o,
    };
    this.pool = new Pool(url.origin, { connections: this.o.connections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 });
    this.proxyRails = new ProxyRails(o.rails, () => this.o.nowMs());
  }
  /** This proxy's own env rails, checked before a charge is forwarded (src/hosted/rails.ts). */
  private readonly proxyRails: ProxyRails;
  /** The human confirmed one of this proxy's approvals in the MCP client; the upstream's are its owner's to decide. */
  approveByClient(approvalId: string) { return Promise.resolve(this.proxyRails.approve(approvalId)); }

  /** Exchange the key (learning which agent it is) and return the client. */
  static async connect(o: HostedOptions): Promise<HostedMarketplace> {
    if (!o.apiKey) throw new VoxError('unauthorized', 'hosted mode needs VOXPACT_API_KEY (the agent API key, vxp_live_…)', 401);
    const mp = new HostedMarketplace(o);
    try {
      const grant = await mp.exchange();
      if (!grant.agent_id) throw new VoxError('upstream_error', `the API at ${o.apiUrl} answered the token exchange without agent_id`, 502);
      mp.id = grant.agent_id;
      mp.keep(grant);
      return mp;
    } catch (e) {
      await mp.close();
      throw e;
    }
  }

  /** Stop following events and close the connections. */
  async close(): Promise<void> {
    this.closed = true;
    this.streamAbort?.abort();
    await this.pool.close().catch(() => {});
  }

  // ---------- credentials ----------

  private keep(g: Grant) {
    const now = this.o.nowMs();
    this.grant = { token: g.token, refreshAtMs: now + g.expires_in * 1000 * REFRESH_AT, expiresAtMs: now + g.expires_in * 1000 };
  }

  private exchange(): Promise<Grant> {
    return this.raw<Grant>('POST', '/v1/agents/auth/token', { body: { api_key: this.o.apiKey, owner_email: this.o.ownerEmail }, auth: false });
  }

  /** A valid JWT: the current one, refreshed at 80 % of its life, or a new exchange. */
  private bearer(): Promise<string> {
    const g = this.grant;
    if (g && this.o.nowMs() < g.refreshAtMs) return Promise.resolve(g.token);
    this.renewing ??= this.renew().finally(() => (this.renewing = null));
    return this.renewing;
  }

  private async renew(): Promise<string> {
    const g = this.grant;
    if (g && this.o.nowMs() < g.expiresAtMs - 5_000) {
      try {
        const fresh = await this.raw<Grant>('POST', '/v1/agents/auth/refresh', { auth: false, bearer: g.token });
        this.keep(fresh);
        return fresh.token;
      } catch (e) {
        log('debug', 'token refresh failed; exchanging the API key again', { error: (e as Error).message });
      }
    }
    this.keep(await this.exchange());
    return this.grant!.token;
  }

  // ---------- HTTP ----------

  private url(path: string, query?: Query): string {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v === undefined || v === null) continue;
      qs.set(k, Array.isArray(v) ? v.join(',') : String(v));
    }
    const s = qs.toString();
    return `${this.base}${path}${s ? `?${s}` : ''}`;
  }

  /** One call with the agent's JWT: a 401 re-exchanges the key once. */
  private async call<T>(method: string, path: string, o: CallOpts = {}): Promise<T> {
    if (o.auth === false) return this.raw<T>(method, path, o);
    let token = await this.bearer();
    try {
      return await this.raw<T>(method, path, { ...o, bearer: token });
    } catch (e) {
      if (!(e instanceof VoxError) || e.status !== 401 || e.details.upstream_401 !== true) throw e;
      this.grant = null;
      token = await this.bearer();
      return this.raw<T>(method, path, { ...o, bearer: token });
    }
  }

  /** One request, with the 429 retries; `{ success, data }` → data, errors → VoxError. */
  private async raw<T>(method: string, path: string, o: CallOpts & { bearer?: string }): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'voxpact-mcp (hosted)' };
    if (o.bearer) headers.authorization = `Bearer ${o.bearer}`;
    if (o.idempotencyKey) headers['idempotency-key'] = o.idempotencyKey;
    const body = o.body === undefined ? undefined : JSON.stringify(o.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const target = this.url(path, o.query);
    for (let attempt = 0; ; attempt++) {
      let status: number;
      let text: string;
      let retryAfterHeader: string | undefined;
      try {
        const res = await this.pool.request({
          path: target, method: method as 'GET', headers, body,
          headersTimeout: this.o.requestTimeoutMs, bodyTimeout: this.o.requestTimeoutMs,
        });
        status = res.statusCode;
        const ra = res.headers['retry-after'];
        retryAfterHeader = Array.isArray(ra) ? ra[0] : ra;
        text = await res.body.text();
      } catch (e) {
        if (this.closed) throw new VoxError('unavailable', 'the hosted client is closed', 503);
        const err = e as Error & { code?: string };
        if (method === 'GET' && attempt === 0) continue; // a read is safe to try once more
        throw new VoxError('upstream_unavailable', `cannot reach the VoxPact API at ${this.o.apiUrl} (${err.code ?? err.name}: ${err.message})`, 502);
      }
      let parsed: Envelope | null = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = null;
      }
      if (status >= 200 && status < 300 && parsed && parsed.success !== false) return (parsed.success === true && !o.envelope ? parsed.data : parsed) as T;
      const err = this.toError(status, parsed, text, method, path);
      if (status === 429 && attempt < this.o.maxRateLimitRetries) {
        const wait = retryAfterHeader !== undefined && /^\d+$/.test(retryAfterHeader.trim()) ? Number(retryAfterHeader) : (err.details.retry_after_s as number | undefined);
        if (wait !== undefined && wait <= this.o.maxRetryAfterS) {
          log('info', 'rate limited by the API; waiting Retry-After', { path, retry_after_s: wait });
          await this.o.sleep(Math.max(0, wait) * 1000);
          continue;
        }
      }
      throw err;
    }
  }

  /** A list call: either list shape → Page. */
  private async list<T, X extends object = object>(path: string, o: CallOpts = {}): Promise<Page<T> & X> {
    return toPage<T>(await this.call<unknown>('GET', path, { ...o, envelope: true }), `GET ${path}`) as Page<T> & X;
  }

  /** An error answer in either shape (or none) → the VoxError the embedded engine would throw. */
  private toError(status: number, parsed: Envelope | null, text: string, method: string, path: string): VoxError {
    let e: { code?: unknown; message?: unknown; [k: string]: unknown } | undefined;
    if (parsed && typeof parsed.error === 'string') {
      // The reference's shape: error is the message, code and the details beside it.
      const { success: _s, error, details, data: _d, ...rest } = parsed;
      e = { ...(details as object | undefined), ...rest, message: error, code: typeof rest.code === 'string' ? rest.code : CODE_OF_STATUS[status] ?? 'upstream_error' };
    } else if (parsed?.error && typeof parsed.error === 'object') {
      e = parsed.error as typeof e;
    }
    if (e && typeof e.code === 'string') {
      const { code, message, ...rest } = e;
      const details: Record<string, unknown> = { ...rest };
      if (typeof rest.retry_after === 'number') details.retry_after_s = rest.retry_after;
      if (status === 401) details.upstream_401 = true;
      const err = new VoxError(code, String(message ?? code), status, details);
      // upstream_401 is bookkeeping for the retry, not part of what callers see.
      Object.defineProperty(err.details, 'upstream_401', { enumerable: false });
      return err;
    }
    const snippet = text.replace(/\s+/g, ' ').slice(0, 200);
    const details: Record<string, unknown> = {};
    if (status === 401) Object.defineProperty(details, 'upstream_401', { value: true, enumerable: false });
    return new VoxError(status === 404 ? 'not_found' : 'upstream_error', `${method} ${path} answered HTTP ${status}${snippet ? `: ${snippet}` : ''}`, status >= 400 ? status : 502, details);
  }

  // ---------- account ----------
  registerAgent(input: S.RegisterAgentInput) {
    return this.call<{ agent_id: string; status: string; message: string }>('POST', '/v1/agents/register', { body: input, auth: false });
  }
  searchAgents(input: S.SearchAgentsInput) {
    return this.list<S.PublicAgent>('/v1/agents/search', { query: input, auth: false });
  }
  async getPlatformInfo() {
    const p = await this.call<S.PlatformInfo>('GET', '/v1/platform', { auth: false });
    const r = this.o.rails;
    // The stricter of this proxy's rails and the upstream's policy (null: no rail).
    const min = (own: number | null | undefined, up: number | null) => (own == null ? up : up == null ? own / 100 : Math.min(own / 100, up));
    return {
      ...p, backend: 'hosted' as const,
      spending_rails: { max_job_amount: min(r?.maxJobCents, p.spending_rails.max_job_amount), confirm_above: min(r?.confirmAboveCents, p.spending_rails.confirm_above) },
    };
  }
  getDashboard() { return this.call<S.Dashboard>('GET', '/v1/dashboard'); }
  getMyAgent() { return this.call<S.PrivateAgent>('GET', '/v1/agents/me'); }
  updateMyAgent(input: S.UpdateAgentInput) { return this.call<S.PrivateAgent>('PATCH', '/v1/agents/me', { body: input }); }
  getAgent(id: string) { return this.call<S.PublicAgent>('GET', `/v1/agents/${enc(id)}`, { auth: false }); }
  listAgentReviews(id: string, limit: number, offset: number) {
    return this.list<S.Review>(`/v1/agents/${enc(id)}/reviews`, { query: { limit, offset }, auth: false });
  }
  getTrustHistory(limit: number, offset: number) {
    return this.list<S.TrustEvent>('/v1/agents/me/trust-history', { query: { limit, offset } });
  }

  // ---------- jobs ----------
  async postJob(input: S.PostJobInput) {
    const { body, key } = withoutKey(input);
    const { approval_id, idempotency_key: _k, ...args } = input;
    if (input.job_type === 'direct' && input.worker_agent_id && this.proxyRails.applies(cents(input.amount))) {
      const payee = await this.getAgent(input.worker_agent_id);
      const upstream = this.proxyRails.gate({ action: 'post_job', args, amountCents: cents(input.amount), field: 'amount', title: input.title, payee, approvalId: approval_id });
      if (upstream) body.approval_id = upstream;
      else delete body.approval_id;
    }
    return this.call<S.Job>('POST', '/v1/jobs', { body, idempotencyKey: key });
  }
  listJobs(input: S.ListJobsInput) { return this.list<S.Job>('/v1/jobs', { query: input }); }
  getJob(id: string) { return this.call<S.Job>('GET', `/v1/jobs/${enc(id)}`); }
  browseOpenJobs(input: S.BrowseOpenJobsInput) {
    return this.list<S.Job & { relevance?: number }>('/v1/jobs/open', { query: input, auth: false });
  }
  getJobTransitions(id: string) { return this.list<S.Transition>(`/v1/jobs/${enc(id)}/transitions`); }
  acceptJob(id: string) { return this.call<S.Job>('POST', `/v1/jobs/${enc(id)}/accept`); }
  startJob(id: string) { return this.call<S.Job>('POST', `/v1/jobs/${enc(id)}/start`); }
  deliverJob(id: string, input: S.DeliverInput) {
    const { body, key } = withoutKey(input);
    return this.call<{ job: S.Job; deliverable: S.Deliverable }>('POST', `/v1/jobs/${enc(id)}/deliver`, { body, idempotencyKey: key });
  }
  getDeliverablePreview(id: string) { return this.call<S.Deliverable>('GET', `/v1/jobs/${enc(id)}/deliverable/preview`); }
  getDeliverable(id: string) { return this.call<S.Deliverable>('GET', `/v1/jobs/${enc(id)}/deliverable`); }
  approveJob(id: string, opts: { idempotency_key?: string; approval_id?: string } = {}) {
    return this.call<S.Job>('POST', `/v1/jobs/${enc(id)}/approve`, { idempotencyKey: opts.idempotency_key, ...approvalBody(opts) });
  }
  requestRevision(id: string, feedback: string) { return this.call<S.Job>('POST', `/v1/jobs/${enc(id)}/revision`, { body: { feedback } }); }
  cancelJob(id: string, input: { reason?: string; idempotency_key?: string }) {
    const { body, key } = withoutKey(input);
    return this.call<S.Job>('POST', `/v1/jobs/${enc(id)}/cancel`, { body, idempotencyKey: key });
  }

  // ---------- bidding ----------
  submitBid(jobId: string, input: S.SubmitBidInput) {
    const { body, key } = withoutKey(input);
    return this.call<S.Bid>('POST', `/v1/jobs/${enc(jobId)}/bids`, { body, idempotencyKey: key });
  }
  listBids(jobId: string) { return this.list<S.Bid>(`/v1/jobs/${enc(jobId)}/bids`); }
  async acceptBid(bidId: string, opts: { idempotency_key?: string; approval_id?: string } = {}) {
    if (this.o.rails?.maxJobCents != null || this.o.rails?.confirmAboveCents != null) {
      const q = await this.quoteBid(bidId);
      if (this.proxyRails.applies(cents(q.amount))) {
        const payee = await this.getAgent(q.payee_agent_id);
        opts = { ...opts, approval_id: this.proxyRails.gate({ action: 'accept_bid', args: { bid_id: bidId }, amountCents: cents(q.amount), field: 'bid_id', title: q.job_title, payee, approvalId: opts.approval_id }) };
      }
    }
    return this.call<{ job: S.Job; bid: S.Bid }>('POST', `/v1/bids/${enc(bidId)}/accept`, { idempotencyKey: opts.idempotency_key, ...approvalBody(opts) });
  }
  counterBid(bidId: string, input: { counter_price: number; message?: string }) {
    return this.call<S.Bid>('POST', `/v1/bids/${enc(bidId)}/counter`, { body: input });
  }
  /**
   * What accepting a bid would charge and to whom, for this proxy's rails. The reference has no
   * endpoint for one bid: find it among the bids of the caller's open jobs (bounded).
   * not_found when it is not the caller's.
   */
  private async quoteBid(bidId: string) {
    for (let page = 0; page < QUOTE_SCAN_PAGES; page++) {
      const jobs = await this.listJobs({ role: 'buyer', status: 'open', limit: 50, offset: page * 50 });
      for (const j of jobs.items) {
        const bid = (await this.listBids(j.id)).items.find((b) => b.id === bidId);
        if (!bid) continue;
        return { amount: bid.proposed_price, payee_agent_id: bid.worker_agent_id, job_title: j.title };
      }
      if (jobs.items.length < 50) break;
    }
    throw new VoxError('not_found', `bid '${bidId}' not found`, 404);
  }

  // ---------- reviews, notifications ----------
  leaveReview(jobId: string, input: { rating: number; comment?: string }) {
    return this.call<S.Review>('POST', `/v1/jobs/${enc(jobId)}/review`, { body: input });
  }
  listNotifications(input: S.NotificationsInput) {
    return this.list<S.Notification, { unread_count: number }>('/v1/notifications', { query: input });
  }
  markNotificationRead(id: string) { return this.call<S.Notification>('PATCH', `/v1/notifications/${enc(id)}/read`); }
  markAllNotificationsRead() { return this.call<{ marked: number }>('POST', '/v1/notifications/read-all'); }

  // ---------- payments ----------
  listPaymentMethods() { return this.list<S.PaymentMethod>('/v1/payment-methods'); }
  setupPaymentMethod() { return this.call<{ client_secret: string; setup_intent_id: string }>('POST', '/v1/payment-methods/setup'); }
  savePaymentMethod(paymentMethodId: string, opts: { make_default?: boolean } = {}) {
    return this.call<S.PaymentMethod & { retried_jobs: string[] }>('POST', '/v1/payment-methods/save', { body: { payment_method_id: paymentMethodId, make_default: opts.make_default } });
  }
  deletePaymentMethod(id: string) { return this.call<{ id: string; deleted: true }>('DELETE', `/v1/payment-methods/${enc(id)}`); }
  getPayouts() { return this.call<S.Payouts>('GET', '/v1/payouts/history'); }
  requestPayout(amountCents: number) { return this.call<S.PayoutRequestResult>('POST', '/v1/payouts', { body: { amount_cents: amountCents } }); }
  connectOnboard() { return this.call<ConnectOnboard>('POST', '/v1/connect/onboard'); }
  connectStatus() { return this.call<ConnectStatus>('GET', '/v1/connect/status'); }

  // ---------- webhooks ----------
  getWebhookLog(limit: number, offset: number) {
    return this.list<S.WebhookLog['items'][number], Omit<S.WebhookLog, 'items' | 'count'>>('/v1/webhooks/log', { query: { limit, offset } });
  }

  // ---------- files (reference: File Transfer) ----------
  requestUpload(jobId: string, input: F.RequestUploadInput) {
    return this.call<F.UploadUrl>('POST', `/v1/jobs/${enc(jobId)}/files/upload-url`, { body: input });
  }
  confirmUpload(jobId: string, fileId: string) {
    return this.call<F.ConfirmedFile>('POST', `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/confirm`);
  }
  /** Inline upload as the embedded engine does it: request the URL, PUT the bytes, confirm. */
  async uploadFile(jobId: string, input: F.UploadFileInput) {
    if ((input.content === undefined) === (input.content_base64 === undefined)) {
      throw new VoxError('validation_error', 'give exactly one of content (text) or content_base64', 400, { field: input.content === undefined ? 'content' : 'content_base64' });
    }
    let bytes: Buffer;
    if (input.content !== undefined) bytes = Buffer.from(input.content, 'utf8');
    else {
      const b64 = input.content_base64!.replace(/\s+/g, '');
      if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw invalid('content_base64', 'is not valid base64');
      bytes = Buffer.from(b64, 'base64');
    }
    if (bytes.length > FILE_LIMITS.inline_max_bytes) {
      throw new VoxError('file_too_large', `inline content is ${humanSize(bytes.length)}; at most ${humanSize(FILE_LIMITS.inline_max_bytes)} goes inline — call upload_file without content for an upload URL`, 413, { field: input.content !== undefined ? 'content' : 'content_base64' });
    }
    const content_type = input.content_type ?? mimeFromFilename(input.filename) ?? (input.content !== undefined ? 'text/plain; charset=utf-8' : null);
    if (!content_type) throw new VoxError('validation_error', `content_type is required: the filename '${input.filename}' does not say what the bytes are`, 400, { field: 'content_type' });
    const up = await this.requestUpload(jobId, { purpose: input.purpose, filename: input.filename, content_type, file_size_bytes: Math.max(1, bytes.length), metadata: input.metadata });
    let res;
    try {
      res = await request(up.upload_url, { method: 'PUT', body: bytes, headers: { ...up.headers, 'content-length': String(bytes.length) }, headersTimeout: this.o.requestTimeoutMs, bodyTimeout: this.o.requestTimeoutMs });
    } catch (e) {
      throw new VoxError('upstream_unavailable', `uploading ${input.filename} to its upload_url failed (${(e as Error).message}); retry upload_file`, 502);
    }
    const text = await res.body.text();
    if (res.statusCode < 200 || res.statusCode >= 300) {
      let parsed = null;
      try { parsed = JSON.parse(text); } catch { /* storage answers XML or text */ }
      throw this.toError(res.statusCode, parsed, text, 'PUT', 'upload_url');
    }
    return this.confirmUpload(jobId, up.file_id);
  }
  async listFiles(jobId: string, input: F.ListFilesInput) {
    const r = await this.list<F.JobFile>(`/v1/jobs/${enc(jobId)}/files`, { query: input });
    return { ...r, total: r.total ?? r.count };
  }
  getFileDownloadUrl(jobId: string, fileId: string) {
    return this.call<F.DownloadUrl>('GET', `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/download-url`);
  }
  previewFile(jobId: string, fileId: string) {
    return this.call<F.FilePreview>('GET', `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}/preview`);
  }
  deleteFile(jobId: string, fileId: string) {
    return this.call<F.DeletedFile>('DELETE', `/v1/jobs/${enc(jobId)}/files/${enc(fileId)}`);
  }

  // ---------- messages, validation, disputes (reference: Messages, Reviews & Disputes) ----------
  sendMessage(jobId: string, input: S.SendMessageInput) {
    return this.call<S.Message>('POST', `/v1/jobs/${enc(jobId)}/messages`, { body: input });
  }
  async listMessages(jobId: string, input: S.ListMessagesInput) {
    const r = await this.list<S.Message>(`/v1/jobs/${enc(jobId)}/messages`, { query: input });
    return { ...r, total: r.total ?? r.count };
  }
  getValidationRecord(jobId: string) { return this.call<S.ValidationRecordView>('GET', `/v1/jobs/${enc(jobId)}/validation`); }
  openDispute(jobId: string, input: S.OpenDisputeInput) {
    const { idempotency_key, ...body } = input;
    return this.call<S.Dispute>('POST', `/v1/jobs/${enc(jobId)}/dispute`, { body, idempotencyKey: idempotency_key });
  }
  getDispute(jobId: string) { return this.call<S.Dispute>('GET', `/v1/jobs/${enc(jobId)}/dispute`); }
  requestDisputeReview(disputeId: string, input: { reason?: string } = {}) {
    return this.call<S.Dispute>('POST', `/v1/disputes/${enc(disputeId)}/request-review`, { body: input });
  }

  // ---------- change feed: GET /v1/events ----------

  async changesSince(afterSeq: number): Promise<ChangeEvent[]> {
    await this.follow();
    return this.feed.filter((c) => c.seq > afterSeq).slice(0, FEED_READ_MAX);
  }

  async latestChangeSeq(): Promise<number> {
    await this.follow();
    return this.lastSeq ?? 0;
  }

  /** Start following the stream once; resolves when it is connected (or after 5 s trying). */
  private follow(): Promise<void> {
    if (this.following) return this.following;
    let connected!: () => void;
    const ready = new Promise<void>((r) => (connected = r));
    void this.followLoop(connected);
    this.following = Promise.race([ready, sleepReal(5_000)]);
    return this.following;
  }

  private async followLoop(connected: () => void) {
    let backoffMs = 500;
    while (!this.closed) {
      const abort = new AbortController();
      this.streamAbort = abort;
      try {
        const token = await this.bearer();
        const headers: Record<string, string> = { accept: 'text/event-stream', authorization: `Bearer ${token}` };
        if (this.lastSeq !== null) headers['last-event-id'] = String(this.lastSeq);
        const res = await this.pool.request({
          path: this.url('/v1/events'), method: 'GET', headers, signal: abort.signal,
          headersTimeout: this.o.requestTimeoutMs, bodyTimeout: 60_000, // heartbeats come every 15 s
        });
        if (res.statusCode !== 200) {
          const text = await res.body.text();
          let parsed = null;
          try { parsed = JSON.parse(text); } catch { /* not JSON */ }
          const err = this.toError(res.statusCode, parsed, text, 'GET', '/v1/events');
          if (res.statusCode === 401) this.grant = null;
          throw err;
        }
        connected();
        backoffMs = 500;
        const parser = new SseParser((e) => this.onEvent(e.event, e.id, e.data));
        const decoder = new TextDecoder();
        for await (const chunk of res.body) parser.push(decoder.decode(chunk as Buffer, { stream: true }));
      } catch (e) {
        if (this.closed) break;
        log('debug', 'event stream interrupted; reconnecting', { error: (e as Error).message, backoff_ms: backoffMs });
        await sleepReal(backoffMs);
        backoffMs = Math.min(backoffMs * 2, 30_000);
        continue;
      }
      if (!this.closed) await sleepReal(200); // the server ended the stream (token expiry): reconnect at once
    }
  }

  private onEvent(event: string, id: string | null, data: string) {
    if (event === 'error') {
      // The server ends the stream after this (expired or revoked token): renew before reconnecting.
      try {
        const err = JSON.parse(data) as { code?: string };
        if (err.code === 'token_expired' || err.code === 'unauthorized' || err.code === 'invalid_token') this.grant = null;
      } catch { /* ignore */ }
      return;
    }
    let ev: { seq?: number; type?: string; job_id?: string | null };
    try {
      ev = JSON.parse(data);
    } catch {
      return;
    }
    const seq = typeof ev.seq === 'number' ? ev.seq : id !== null && /^\d+$/.test(id) ? Number(id) : null;
    if (seq === null || (this.lastSeq !== null && seq <= this.lastSeq)) return;
    this.lastSeq = seq;
    this.feed.push({ seq, job_id: ev.job_id ?? null, agent_id: this.agentId, type: ev.type ?? event });
    if (this.feed.length > FEED_BUFFER_MAX) this.feed.splice(0, this.feed.length - FEED_BUFFER_MAX);
  }
}

/** Hosted mode from the configuration (VOXPACT_API_URL, VOXPACT_API_KEY). */
export function openHosted(config: { apiUrl: string; apiKey: string | undefined; maxJobCents: number | null; confirmAboveCents: number | null }) {
  if (!config.apiKey) {
    throw new VoxError('unauthorized', 'VOXPACT_BACKEND=hosted needs VOXPACT_API_KEY (your agent API key, vxp_live_…) and VOXPACT_API_URL (default https://api.voxpact.com)', 401);
  }
  return HostedMarketplace.connect({ apiUrl: config.apiUrl, apiKey: config.apiKey, rails: { maxJobCents: config.maxJobCents, confirmAboveCents: config.confirmAboveCents } });
}
