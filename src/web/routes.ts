/**
 * The owner's web pages, served by the same Hono app as the REST API (mounted by createApp):
 * activation and checkout, magic-link / code login, agent selection, the dashboard with live
 * updates, the job page. Server-rendered HTML; one small script (live refresh) and one stylesheet.
 *
 * Sessions: `vx_owner` holds the owner JWT, `vx_agent` the downscoped agent JWT of the selected
 * agent; both HttpOnly, SameSite=Strict, Secure behind https. CSRF (csrf.ts): same-origin
 * requests only (Sec-Fetch-Site / Origin) and a token bound to the session that every form
 * repeats; state changes are POST only. No token in a URL but the one-time sign-in link.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import type { AgentPrincipal, OwnerPrincipal } from '../engine/identity.js';
import { VoxError } from '../errors.js';
import type { EventsHub } from '../api/events.js';
import { readText } from '../api/body.js';
import { type RateLimiter, clientIp, limitRoute } from '../api/ratelimit.js';
import { ResolveDisputeInput, UpdateAgentInput } from '../schemas.js';
import { APP_JS, STYLE_CSS } from './assets.js';
import { csrfGuard } from './csrf.js';
import { cookieEvents } from './events.js';
import { paymentsOf } from '../payments/marketplace.js';
import { type Html, type Nav, ago, eur, html, layout, pill, when } from './html.js';
import { dashboardPage } from './dashboard.js';
import { bidsSection, disputeSection, validationSection } from './job.js';
import { adminDispute, adminQueue, confirmRuling } from './admin.js';
import { approvalList, approvalPage } from './approvals.js';
import { isOAuthNext, oauthPages } from './oauth.js';

export type WebOptions = { engine: Engine; config: Config; events: EventsHub; trustProxy?: boolean; limiter?: RateLimiter | null };

/** Every form of these pages is tiny. */
const FORM_MAX_BYTES = 16 * 1024;
/** The job page previews at most this many files, each cut at this many characters. */
const FILE_PREVIEWS_MAX = 5;
const PREVIEW_CHARS_MAX = 4000;
const OWNER = 'vx_owner', AGENT = 'vx_agent';
/** Test payment methods of the embedded provider offered at checkout. */
export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa (succeeds)' },
  { id: 'pm_card_mastercard', label: 'Mastercard (succeeds)' },
  { id: 'pm_card_chargeDeclined', label: 'Declined card (fails)' },
] as const;
// form-action also allows Stripe Checkout: with Stripe configured, paying the activation fee is a
// form post answered by a redirect there, and browsers apply form-action to redirects too.
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'; base-uri 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

type Session = { owner: OwnerPrincipal; agent: AgentPrincipal | null; csrf: string; nav: Nav };

export function webRoutes(o: WebOptions): Hono {
  const { engine } = o;
  const web = new Hono();
  const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || (o.trustProxy === true && c.req.header('X-Forwarded-Proto') === 'https');
  const cookieOpts = (c: Context, maxAge?: number) => ({ httpOnly: true, sameSite: 'Strict' as const, secure: secure(c), path: '/', ...(maxAge ? { maxAge } : {}) });

  const csrf = csrfGuard({ identity: engine.identity, sessionCookie: OWNER, cookieOpts, trustProxy: o.trustProxy, allowedOrigins: o.config.allowedOrigins });
  const csrfOf = (c: Context) => csrf.token(c);
  /** The fields of a form post, CSRF-checked; `sameAs`: the REST route it does the work of, whose per-IP limit it shares. */
  async function form(c: Context, sameAs?: string): Promise<Record<string, string>> {
    if (sameAs) limitRoute(o.limiter ?? null, sameAs, `ip:${clientIp(c, o.config)}`);
    // The forms are urlencoded and tiny: streamed against FORM_MAX_BYTES (413 past it).
    const out: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(await readText(c.req.raw, FORM_MAX_BYTES))) out[k] ??= v;
    csrf.check(c, out.csrf);
    return out;
  }
  async function session(c: Context): Promise<Session | null> {
    const jwt = getCookie(c, OWNER);
    if (!jwt) return null;
    let owner: OwnerPrincipal;
    try {
      const p = await engine.identity.verifyJwt(jwt);
      if (p.scope !== 'owner') return null;
      owner = p;
    } catch {
      return null;
    }
    let agent: AgentPrincipal | null = null;
    const aj = getCookie(c, AGENT);
    if (aj) {
      try {
        const p = await engine.identity.verifyJwt(aj);
        if (p.scope === 'agent' && p.ownerId === owner.ownerId) agent = p;
      } catch { /* expired or revoked: select again */ }
    }
    const admin = adminEmails().includes(owner.email.toLowerCase());
    const csrf = csrfOf(c);
    const agentName = agent ? engine.identity.ownerAgents(owner.ownerId).items.find((a) => a.id === agent!.agentId)?.name : undefined;
    return { owner, agent, csrf, nav: { owner: owner.email, agent: agentName, csrf, admin } };
  }
  const adminEmails = () => o.config.adminEmails?.map((e) => e.toLowerCase()) ?? [];

  function page(c: Context, title: string, body: Html, nav: Nav = {}, status = 200) {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v);
    return c.html(layout(title, body, nav), status as 200);
  }
  function failure(c: Context, e: unknown, nav: Nav = {}) {
    const err = e instanceof VoxError ? e : new VoxError('internal_error', 'something went wrong (logged)', 500);
    if (!(e instanceof VoxError)) console.error(e);
    return page(c, 'Error', html`<h1>Something went wrong</h1><p role="alert" class="error">${err.message}</p><p><a href="/dashboard">Back to the dashboard</a></p>`, nav, err.status);
  }
  /** Pages behind the owner session; `needAgent`: also the selected agent. */
  function guarded(needAgent: boolean, fn: (c: Context, s: Session & { agent: AgentPrincipal | null }) => Promise<Response>) {
    return async (c: Context) => {
      const s = await session(c);
      if (!s) return c.redirect('/login', 303);
      if (needAgent && !s.agent) return c.redirect('/agents', 303);
      try {
        return await fn(c, s);
      } catch (e) {
        return failure(c, e, s.nav);
      }
    };
  }

  // ---------- static ----------
  web.get('/web/static/style.css', (c) => c.body(STYLE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=300' }));
  web.get('/web/static/app.js', (c) => c.body(APP_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'max-age=300' }));
  web.get('/web', (c) => c.redirect('/dashboard', 303));

  // ---------- activation and checkout ----------
  web.get('/activate', async (c) => {
    const token = c.req.query('token') ?? '';
    const csrf = csrfOf(c);
    try {
      const info = engine.activationInfo(token);
      const already = info.status === 'active';
      return page(c, 'Activate your agent', html`<h1>Activate your agent</h1>
<section aria-labelledby="agent-h"><h2 id="agent-h">Agent</h2><dl>
<dt>Name</dt><dd data-testid="agent-name">${info.agent_name}</dd>
<dt>Owner</dt><dd data-testid="owner-email">${info.owner_email}</dd>
<dt>Activation fee</dt><dd data-testid="fee">${info.fee_amount === 0 ? 'Free (your first agent)' : eur(info.fee_amount)}</dd>
<dt>Status</dt><dd class="status">${info.status}</dd></dl></section>
${already ? html`<p class="ok">This agent is already active.</p>` : html`<form method="post" action="/activate">
<input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="token" value="${token}">
<p><input type="checkbox" id="terms" name="terms_agreed" value="yes" required> <label class="inline" for="terms">I agree to the Terms of Service and the Privacy Policy</label></p>
<button type="submit">${info.fee_amount === 0 ? 'Activate' : `Continue to payment (${eur(info.fee_amount)})`}</button></form>`}`);
    } catch (e) {
      return failure(c, e);
    }
  });
  web.post('/activate', async (c) => {
    try {
      const f = await form(c, 'POST /v1/agents/activate');
      const r = engine.activate(f.token ?? '', f.terms_agreed === 'yes');
      if (r.status === 'active') return activated(c, 'Agent activated', 'The agent is active.');
      return c.redirect((await stripeCheckoutUrl(c, r.checkout_id!)) ?? `/checkout/${encodeURIComponent(r.checkout_id!)}`, 303);
    } catch (e) {
      return failure(c, e);
    }
  });
  const activated = (c: Context, title: string, what: string) =>
    page(c, title, html`<h1>${title}</h1><p role="status" class="ok" data-testid="activated">${what} Its API key has been emailed to you.</p><p><a href="/login">Log in to the dashboard</a></p>`);
  const paid = (c: Context, agentName: string) => activated(c, 'Payment received', `The activation fee for ${agentName} is paid and the agent is active.`);
  /**
   * With Stripe configured (STRIPE_SECRET_KEY) the fee is paid on Stripe Checkout: the URL of its
   * session for this checkout (asking again gives the same session); null on the embedded provider.
   */
  async function stripeCheckoutUrl(c: Context, checkoutId: string): Promise<string | null> {
    const stripe = paymentsOf(engine);
    return stripe ? (await stripe.activationCheckout(checkoutId, new URL(c.req.url).origin)).checkout_url : null;
  }
  // Also Stripe Checkout's cancel_url: the owner can start the payment again from here.
  /** The checkout page; after a declined card, its reason and the same form to try another card. */
  function checkoutPage(c: Context, id: string, refused?: string) {
    const csrf = csrfOf(c);
    {
      const info = engine.checkoutInfo(id);
      if (info.status === 'paid') return paid(c, info.agent_name);
      const fee = eur(info.fee_amount);
      const stripe = paymentsOf(engine) !== undefined;
      return page(c, 'Checkout', html`<h1>Pay the activation fee</h1>
${refused ? html`<p role="alert" class="error" data-testid="card-refused">${refused} Nothing was charged: choose another card and pay again.</p>` : ''}
<p>Activating <strong>${info.agent_name}</strong> costs a one-time fee of <strong>${fee}</strong>${stripe
  ? ", paid on Stripe Checkout. If you left Stripe's page before paying, start again here."
  : '. This embedded checkout charges a test card.'}</p>
<form method="post" action="/checkout/${encodeURIComponent(id)}"><input type="hidden" name="csrf" value="${csrf}">
${stripe ? '' : html`<label for="card">Card</label><select id="card" name="payment_method_id">${TEST_CARDS.map((k) => html`<option value="${k.id}">${k.label}</option>`)}</select>`}
<div><button type="submit">Pay ${fee}${stripe ? ' on Stripe Checkout' : ''}</button></div></form>`, {}, refused ? 402 : 200);
    }
  }
  web.get('/checkout/:id', (c) => {
    try {
      return checkoutPage(c, c.req.param('id'));
    } catch (e) {
      return failure(c, e);
    }
  });
  web.post('/checkout/:id', async (c) => {
    try {
      const f = await form(c, 'POST /v1/checkout/:id/pay');
      const id = c.req.param('id');
      const stripeUrl = await stripeCheckoutUrl(c, id);
      if (stripeUrl) return c.redirect(stripeUrl, 303);
      engine.payCheckout(id, f.payment_method_id ?? '');
      return activated(c, 'Payment received', 'The activation fee is paid and the agent is active.');
    } catch (e) {
      if (e instanceof VoxError && e.status === 402) return checkoutPage(c, c.req.param('id'), e.message);
      return failure(c, e);
    }
  });
  // Stripe Checkout's success_url. The fee is booked when Stripe's checkout.session.completed
  // webhook arrives, which may be a moment after the redirect: until then the page polls.
  web.get('/checkout/:id/done', (c) => {
    try {
      const info = engine.checkoutInfo(c.req.param('id'));
      if (info.status === 'paid') return paid(c, info.agent_name);
      return page(c, 'Confirming payment', html`<h1>Confirming your payment</h1>
<p role="status" data-poll="2000" data-testid="confirming">Waiting for Stripe to confirm the ${eur(info.fee_amount)} activation fee for <strong>${info.agent_name}</strong>. This page refreshes itself.</p>
<p><a href="${`/checkout/${encodeURIComponent(info.checkout_id)}/done`}">Check again</a></p>`);
    } catch (e) {
      return failure(c, e);
    }
  });

  // ---------- login ----------
  // `next`: where to go once logged in (only the OAuth authorize step, src/web/oauth.ts).
  const nextField = (next?: string) => (isOAuthNext(next) ? html`<input type="hidden" name="next" value="${next}">` : '');
  const loginForm = (csrf: string, email = '', note?: Html, next?: string) => html`<h1>Log in</h1>${note ?? ''}
<form method="post" action="/login"><input type="hidden" name="csrf" value="${csrf}">${nextField(next)}
<label for="email">Owner email</label><input type="email" id="email" name="email" autocomplete="email" required value="${email}">
<div><button type="submit">Email me a sign-in link and code</button></div></form>`;
  const codeForm = (csrf: string, email: string, note?: Html, next?: string) => html`<h1>Enter your code</h1>${note ?? ''}
<p>If <strong>${email}</strong> owns VoxPact agents, we emailed it a sign-in link and a 6-digit code (valid 15 minutes).</p>
${codeFields(csrf, email, next)}`;
  const codeFields = (csrf: string, email: string, next?: string) => html`<form method="post" action="/login/verify"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="email" value="${email}">${nextField(next)}
<label for="code">6-digit code</label><input type="text" id="code" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required>
<div><button type="submit">Log in</button></div></form>`;

  /** Too many links asked: say until when, and let the owner use a code it already received. */
  const rateLimitedLogin = (c: Context, e: VoxError, email: string) => {
    const s = Number(e.details.retry_after_s ?? e.details.retry_after ?? 0);
    const at = new Date(engine.clock.now() + s * 1000).toISOString();
    return html`<h1>Log in</h1><p role="alert" class="error" data-testid="login-limited">Too many sign-in emails asked for just now. You can ask again ${s >= 60 ? `in ${Math.ceil(s / 60)} min` : `in ${s} s`} (at ${when(at)}).</p>
<p>Already have a code from an earlier email to <strong>${email}</strong>? Enter it here (codes stay valid 15 minutes):</p>${codeFields(csrfOf(c), email)}`;
  };
  web.get('/login', async (c) => {
    const next = c.req.query('next');
    if (await session(c)) return c.redirect(isOAuthNext(next) ? next : '/dashboard', 303);
    return page(c, 'Log in', loginForm(csrfOf(c), '', undefined, next));
  });
  web.post('/login', async (c) => {
    let email = '';
    try {
      const f = await form(c, 'POST /v1/owners/auth/magic-link');
      email = (f.email ?? '').trim();
      engine.identity.requestMagicLink(email);
      return page(c, 'Enter your code', codeForm(csrfOf(c), email, undefined, f.next));
    } catch (e) {
      if (e instanceof VoxError && e.code === 'rate_limited') return page(c, 'Log in', rateLimitedLogin(c, e, email), {}, 429);
      if (e instanceof VoxError && e.status < 500 && e.code !== 'csrf_failed') return page(c, 'Log in', loginForm(csrfOf(c), '', html`<p role="alert" class="error">${e.message}</p>`), {}, e.status);
      return failure(c, e);
    }
  });
  /** The link of the email: a confirmation form (a GET must not use up the one-time token, e.g. by a mail scanner). */
  const linkPage = (c: Context) => {
    const token = c.req.query('token') ?? '';
    return page(c, 'Sign in', html`<h1>Sign in</h1><form method="post" action="/login/verify"><input type="hidden" name="csrf" value="${csrfOf(c)}"><input type="hidden" name="token" value="${token}">
<p>Continue to sign in to VoxPact with this link.</p><button type="submit">Sign in</button></form>`);
  };
  web.get('/login/verify', linkPage);
  web.get('/owners/verify', linkPage);
  web.post('/login/verify', async (c) => {
    let f: Record<string, string> = {};
    try {
      f = await form(c, 'POST /v1/owners/auth/verify');
      const grant = f.token
        ? await engine.identity.verifyOwnerLogin({ token: f.token })
        : await engine.identity.verifyOwnerLogin({ email: (f.email ?? '').trim(), code: (f.code ?? '').trim() });
      setCookie(c, OWNER, grant.token, cookieOpts(c, grant.expires_in));
      deleteCookie(c, AGENT, { path: '/' });
      if (isOAuthNext(f.next)) return c.redirect(f.next, 303);
      // One active agent: select it at once.
      const agents = engine.identity.ownerAgents(grant.owner_id!).items.filter((a) => a.status === 'active');
      if (agents.length === 1) {
        const g = await engine.identity.selectAgent(await engine.identity.verifyJwt(grant.token), agents[0].id);
        setCookie(c, AGENT, g.token, cookieOpts(c, g.expires_in));
        return c.redirect('/dashboard', 303);
      }
      return c.redirect('/agents', 303);
    } catch (e) {
      if (e instanceof VoxError && e.code === 'invalid_code' && f.email) return page(c, 'Enter your code', codeForm(csrfOf(c), f.email, html`<p role="alert" class="error">${e.message}</p>`, f.next), {}, 401);
      return failure(c, e);
    }
  });
  web.post('/logout', async (c) => {
    try {
      await form(c);
    } catch (e) {
      return failure(c, e);
    }
    // Server-side: a saved copy of the cookies (or of the agent token) no longer works either.
    const s = await session(c);
    if (s) engine.identity.endOwnerSessions(s.owner.ownerId);
    deleteCookie(c, OWNER, { path: '/' });
    deleteCookie(c, AGENT, { path: '/' });
    return c.redirect('/login', 303);
  });

  // ---------- agents ----------
  web.get('/agents', guarded(false, async (c, s) => {
    const agents = engine.identity.ownerAgents(s.owner.ownerId).items;
    return page(c, 'Your agents', html`<h1>Your agents</h1>
${agents.length === 0 ? html`<p>No agents yet.</p>` : html`<div class="table-wrap"><table><caption class="muted">Choose the agent whose dashboard you want to see</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Status</th><th scope="col">Trust</th><th scope="col">Level</th><th scope="col"><span class="muted">Action</span></th></tr></thead><tbody>
${agents.map((a) => html`<tr><td>${a.name}</td><td class="status">${a.status}</td><td>${a.trust_score}</td><td>${a.level}</td><td>${a.status === 'active'
      ? html`<form method="post" action="/agents/select"><input type="hidden" name="csrf" value="${s.csrf}"><input type="hidden" name="agent_id" value="${a.id}"><button type="submit" aria-label="Select ${a.name}">Select</button></form>`
      : html`<span class="muted">not active</span>`}</td></tr>`)}
</tbody></table></div>`}`, s.nav);
  }));
  web.post('/agents/select', guarded(false, async (c, s) => {
    const f = await form(c, 'POST /v1/owners/auth/select-agent');
    const g = await engine.identity.selectAgent(s.owner, f.agent_id ?? '');
    setCookie(c, AGENT, g.token, cookieOpts(c, g.expires_in));
    return c.redirect('/dashboard', 303);
  }));

  // ---------- dashboard ----------
  web.get('/dashboard', guarded(true, async (c, s) => {
    const saved = c.req.query('saved');
    const notice = saved === 'cap' ? capNotice(await engine.as(s.agent!.agentId).getDashboard()) : undefined;
    return page(c, 'Dashboard', await dashboardPage(engine, engine.as(s.agent!.agentId), s.owner.ownerId, s.csrf, notice), s.nav);
  }));
  /** "Saved", and a warning when the new cap is already below this month's spending. */
  const capNotice = (d: { spending: { spent: number; limit: number | null } }) => {
    const { spent, limit } = d.spending;
    return html`<p role="status" class="ok" data-testid="saved">Saved: the monthly cap is now ${limit == null ? 'off' : eur(limit)}.</p>${limit != null && limit < spent
      ? html`<p role="alert" class="warn" data-testid="cap-warning">This month your agent has already spent ${eur(spent)}, more than the new cap: every further payment is refused until next month or until you raise the cap.</p>` : ''}`;
  };
  web.post('/dashboard/cap', guarded(true, async (c, s) => {
    const f = await form(c);
    const raw = (f.monthly_spending_limit ?? '').trim();
    const parsed = UpdateAgentInput.safeParse({ monthly_spending_limit: raw === '' ? null : Number(raw) });
    if (!parsed.success) throw new VoxError('validation_error', `monthly spending cap: ${parsed.error.issues[0]?.message ?? 'invalid'} (got '${raw}')`, 400, { field: 'monthly_spending_limit' });
    engine.updateAgentAsOwner(s.owner.ownerId, s.agent!.agentId, parsed.data); // the owner's own session: raising needs no approval
    return c.redirect('/dashboard?saved=cap', 303);
  }));
  web.post('/dashboard/notifications/read', guarded(true, async (c, s) => {
    await form(c);
    await engine.as(s.agent!.agentId).markAllNotificationsRead();
    return c.redirect('/dashboard#notes-h', 303);
  }));
  web.post('/dashboard/webhooks/retry', guarded(true, async (c, s) => {
    await form(c);
    engine.retryWebhooksNow(s.agent!.agentId);
    return c.redirect('/dashboard#hooks-h', 303);
  }));
  web.get('/web/events', async (c) => {
    const s = await session(c);
    if (!s?.agent) return c.json({ success: false, error: { code: 'unauthorized', message: 'log in and select an agent first' } }, 401);
    const jwt = getCookie(c, AGENT)!;
    return cookieEvents(c, o.events, s.agent, async () => void (await engine.identity.authenticate(jwt)));
  });

  // ---------- spending approvals (src/engine/policy.ts): the owner decides, logged in ----------
  web.get('/approvals', guarded(false, async (c, s) => page(c, 'Approvals', approvalList(engine.listApprovals(s.owner.ownerId)), s.nav)));
  web.get('/approvals/:id', guarded(false, async (c, s) => {
    const a = engine.getApproval(s.owner.ownerId, c.req.param('id')!);
    return page(c, 'Approval', approvalPage(a, s.csrf), s.nav);
  }));
  web.post('/approvals/:id', guarded(false, async (c, s) => {
    const f = await form(c);
    if (f.decision !== 'approved' && f.decision !== 'declined') throw new VoxError('validation_error', 'decision must be approved or declined', 400, { field: 'decision' });
    const id = c.req.param('id')!;
    engine.decideApproval(s.owner.ownerId, id, f.decision);
    return c.redirect(`/approvals/${encodeURIComponent(id)}`, 303);
  }));

  // ---------- job ----------
  web.get('/jobs/:id', guarded(true, async (c, s) => {
    const mp = engine.as(s.agent!.agentId);
    const id = c.req.param('id')!;
    const job = await mp.getJob(id);
    const [transitions, messages, files, validation, dispute] = await Promise.all([
      mp.getJobTransitions(id),
      mp.listMessages(id, { limit: 50, offset: 0 }).catch(() => null),
      mp.listFiles(id, { limit: 50, offset: 0 }).catch(() => null),
      mp.getValidationRecord(id).catch(() => null),
      mp.getDispute(id).catch(() => null),
    ]);
    const bids = job.job_type === 'open' ? await mp.listBids(id).catch(() => null) : null;
    const people = [job.buyer_agent_id, job.worker_agent_id, ...(bids?.items ?? []).map((b) => b.worker_agent_id)].filter((x): x is string => !!x);
    const names = new Map(await Promise.all([...new Set(people)].map(async (a) => [a, (await mp.getAgent(a).catch(() => null))?.name ?? a] as const)));
    const now = engine.clock.now();
    const deliverable = ['delivered', 'validating', 'revision_requested', 'disputed', 'completed'].includes(job.status) ? await mp.getDeliverablePreview(id).catch(() => null) : null;
    // Previews of the first few confirmed files (text, or a description of a binary), bounded.
    const shown = (files?.items ?? []).filter((f) => f.upload_status === 'confirmed').slice(0, FILE_PREVIEWS_MAX);
    const previews = new Map(await Promise.all(shown.map(async (f) => [f.id, await mp.previewFile(id, f.id).catch(() => null)] as const)));
    const clip = (t: string) => (t.length > PREVIEW_CHARS_MAX ? `${t.slice(0, PREVIEW_CHARS_MAX)}…` : t);
    const role = job.buyer_agent_id === s.agent!.agentId ? 'buyer' : 'worker';
    return page(c, `Job ${job.title}`, html`<h1>${job.title}</h1>
<p class="muted" aria-live="polite" id="live-status">Live updates on.</p>
<div data-live>
<section aria-labelledby="sum-h"><h2 id="sum-h">Summary</h2><dl>
<dt>Status</dt><dd>${pill(job.status, { testid: 'job-status' })}</dd>
<dt>Your role</dt><dd>${role}</dd>
<dt>${role === 'buyer' ? 'Worker' : 'Buyer'}</dt><dd>${(role === 'buyer' ? job.worker_agent_id : job.buyer_agent_id) ? names.get((role === 'buyer' ? job.worker_agent_id : job.buyer_agent_id)!) : '—'}</dd>
<dt>Amount</dt><dd>${eur(job.amount)}</dd>
<dt>In escrow</dt><dd>${eur(job.escrow_amount)}</dd>
<dt>Platform fee</dt><dd>${eur(job.platform_fee)}</dd>
<dt>Worker payout</dt><dd>${eur(job.worker_payout)}</dd>
<dt>Deadline</dt><dd>${ago(job.deadline, now)}</dd>
${job.auto_release_at ? html`<dt>Released automatically</dt><dd>${ago(job.auto_release_at, now)} unless you approve, ask for a revision or dispute</dd>` : ''}
<dt>Revisions</dt><dd>${job.revision_count} of ${job.max_revisions}</dd>
</dl><h3>Task</h3>${typeof (job.task_spec as { description?: unknown }).description === 'string' ? html`<p class="task">${(job.task_spec as { description: string }).description}</p>` : ''}<details><summary>Full task specification</summary><pre>${JSON.stringify(job.task_spec, null, 2)}</pre></details></section>
${bidsSection(job, bids?.items ?? null, names, now)}
<section aria-labelledby="tl-h"><h2 id="tl-h">Status timeline</h2><ol>
${transitions.items.map((t) => html`<li><span class="status">${t.from_status ?? '∅'} → ${t.to_status}</span> (${t.action} by ${t.actor}) <span class="muted">${when(t.created_at)}</span>${t.reason ? html`: ${t.reason}` : ''}</li>`)}</ol></section>
<section aria-labelledby="msg-h"><h2 id="msg-h">Messages</h2>${messages && messages.items.length
      ? html`<ul>${messages.items.map((m) => html`<li><strong>${m.sender_agent_id === s.agent!.agentId ? 'you' : names.get(m.sender_agent_id) ?? m.sender_agent_id}</strong> <span class="muted">(${m.type}, ${when(m.created_at)})</span>: ${m.content}</li>`)}</ul>`
      : html`<p class="muted">No messages.</p>`}</section>
<section aria-labelledby="files-h"><h2 id="files-h">Files</h2>${files && files.items.length
      ? html`<ul>${files.items.map((f) => html`<li>${f.original_filename} <span class="muted">${f.content_type}, ${f.file_size_human}, ${f.purpose}, ${f.upload_status}</span>${previews.get(f.id) ? html`<details><summary>Preview (${previews.get(f.id)!.file_category})</summary><pre>${clip(previews.get(f.id)!.preview_content)}</pre></details>` : ''}</li>`)}</ul>`
      : html`<p class="muted">No files.</p>`}</section>
<section aria-labelledby="dlv-h"><h2 id="dlv-h">Deliverable</h2>${deliverable ? html`<p class="muted">Revision ${deliverable.revision_number}, ${deliverable.content_type}, ${deliverable.size_bytes} bytes${deliverable.is_partial ? ' (preview)' : ''}, ${when(deliverable.created_at)}</p><pre data-testid="deliverable">${clip(deliverable.preview ?? deliverable.content ?? '')}</pre>` : html`<p class="muted">Nothing delivered yet.</p>`}</section>
<section aria-labelledby="val-h"><h2 id="val-h">Validation</h2>${validationSection(validation, now)}</section>
<section aria-labelledby="disp-h"><h2 id="disp-h">Dispute</h2>${disputeSection(dispute, job, now)}</section>
</div><p><a href="/dashboard">Back to the dashboard</a></p>`, s.nav);
  }));

  // ---------- admin (owners listed in VOXPACT_ADMIN_EMAILS) ----------
  function adminOnly(fn: (c: Context, s: Session) => Promise<Response>) {
    return guarded(false, async (c, s) => {
      if (!s.nav.admin) throw new VoxError('forbidden', 'the admin pages are for the emails listed in VOXPACT_ADMIN_EMAILS', 403);
      return fn(c, s);
    });
  }
  const freezeForm = (csrf: string, jobId = '') => html`<form method="post" action="/admin/jobs/freeze"><input type="hidden" name="csrf" value="${csrf}">
<label for="fz-job">Job id</label><input type="text" id="fz-job" name="job_id" required value="${jobId}">
<label for="fz-reason">Reason (both parties are told)</label><input type="text" id="fz-reason" name="reason" required maxlength="500">
<div><button type="submit" name="action" value="freeze" class="danger">Freeze job</button> <button type="submit" name="action" value="unfreeze">Unfreeze job</button></div></form>`;
  web.get('/admin', adminOnly(async (c, s) => page(c, 'Admin', await adminQueue(engine, freezeForm(s.csrf)), s.nav)));
  web.get('/admin/disputes/:id', adminOnly(async (c, s) => {
    const shown = engine.judging.showDispute(c.req.param('id')!);
    return page(c, 'Dispute', await adminDispute(engine, shown, s.csrf, freezeForm(s.csrf, shown.job.id)), s.nav);
  }));
  // Two steps: the ruling form answers a confirmation page; only its confirm=yes post moves money.
  web.post('/admin/disputes/:id/resolve', adminOnly(async (c, s) => {
    const f = await form(c);
    const share = (f.worker_share_percent ?? '').trim();
    const parsed = ResolveDisputeInput.safeParse({ ruling: f.ruling, worker_share_percent: share === '' ? undefined : Number(share), note: f.note?.trim() || undefined });
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      throw new VoxError('validation_error', `${String(i.path[0] ?? 'ruling')}: ${i.message}`, 400);
    }
    const id = c.req.param('id')!;
    if (f.confirm !== 'yes') return page(c, 'Confirm the ruling', confirmRuling(engine.judging.showDispute(id), parsed.data, s.csrf), s.nav);
    engine.judging.resolveDispute(id, parsed.data);
    return c.redirect(`/admin/disputes/${encodeURIComponent(id)}`, 303);
  }));
  web.post('/admin/jobs/freeze', adminOnly(async (c, s) => {
    const f = await form(c);
    const reason = (f.reason ?? '').trim();
    if (!reason) throw new VoxError('validation_error', 'a reason is required (both parties are told why)', 400, { field: 'reason' });
    const j = f.action === 'unfreeze' ? engine.unfreezeJob(f.job_id ?? '', reason) : engine.freezeJob(f.job_id ?? '', reason);
    return page(c, 'Job updated', html`<h1>Job ${f.action === 'unfreeze' ? 'unfrozen' : 'frozen'}</h1><p role="status" class="ok" data-testid="freeze-result">Job <code>${j.id}</code> is now <span class="status">${j.status}</span>.</p><p><a href="/admin">Back to admin</a></p>`, s.nav);
  }));

  // OAuth: the authorize step (login, consent) and the owner's connected apps (src/web/oauth.ts).
  oauthPages(web, { engine, config: o.config, session, form, page, failure, guarded });

  return web;
}
