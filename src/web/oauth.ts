/**
 * The owner's side of OAuth (docs/oauth.md): the authorize endpoint is the owner's web login
 * (the /login pages, which come back here with `next`) and then a consent page: which client,
 * where it will be sent, which of my agents it acts as, and this connection's spending policy
 * (empty = the agent's own; never above it). "Connected apps" lists every live connection with
 * a revoke button. Protocol errors before the client and its redirect URI are known are shown
 * here, never redirected (RFC 6749 §4.1.2.1); later ones go back to the client.
 */
import type { Context, Hono } from 'hono';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import type { AgentPrincipal, OwnerPrincipal } from '../engine/identity.js';
import { type ConnectionPolicy, SCOPE, oauthOf, sameResource } from '../engine/oauth.js';
import { VoxError } from '../errors.js';
import { isMetadataClientId, publicOrigin, resolveMetadataClient, resourceUrl } from '../api/oauth.js';
import { type Html, type Nav, eur, html, when } from './html.js';

type Session = { owner: OwnerPrincipal; agent: AgentPrincipal | null; csrf: string; nav: Nav };
export type WebKit = {
  engine: Engine;
  config: Config;
  session(c: Context): Promise<Session | null>;
  form(c: Context): Promise<Record<string, string>>;
  page(c: Context, title: string, body: Html, nav?: Nav, status?: number): Response | Promise<Response>;
  failure(c: Context, e: unknown, nav?: Nav): Response | Promise<Response>;
  guarded(needAgent: boolean, fn: (c: Context, s: Session) => Promise<Response>): (c: Context) => Promise<Response>;
};

const PARAMS = ['response_type', 'client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method', 'resource', 'scope'] as const;
type AuthzRequest = Record<(typeof PARAMS)[number], string>;

/** A `next` the login pages may send the owner back to: only this flow's authorize URL. */
export const isOAuthNext = (next: string | undefined): next is string => !!next && next.startsWith('/oauth/authorize?');

export function oauthPages(web: Hono, k: WebKit) {
  const store = () => oauthOf(k.engine.ctx);

  /** The client and redirect URI of a request, or the error to show (never to redirect to). */
  function checkClient(q: AuthzRequest): { name: string } | VoxError {
    const client = q.client_id ? store().client(q.client_id) : null;
    if (!client) return new VoxError('invalid_client', `unknown client_id '${q.client_id}': the app must register first (POST /oauth/register)`, 400, { field: 'client_id' });
    if (!client.redirectUris.includes(q.redirect_uri)) return new VoxError('invalid_request', `redirect_uri '${q.redirect_uri}' is not one this app registered`, 400, { field: 'redirect_uri' });
    return client;
  }
  /** The rest of the request (RFC 6749 §4.1.1, PKCE S256 only, RFC 8707 resource = this server's /mcp): an OAuth error code + message, or null. */
  function checkRequest(c: Context, q: AuthzRequest): [string, string] | null {
    if (q.response_type !== 'code') return ['unsupported_response_type', 'response_type must be code'];
    if (!/^[A-Za-z0-9_-]{43}$/.test(q.code_challenge)) return ['invalid_request', 'code_challenge is required (PKCE: BASE64URL(SHA256(code_verifier)))'];
    if (q.code_challenge_method !== 'S256') return ['invalid_request', 'code_challenge_method must be S256'];
    if (q.resource && !sameResource(q.resource, resourceUrl(c, k.config))) return ['invalid_target', `resource must be ${resourceUrl(c, k.config)}`];
    if (q.scope && q.scope.split(' ').some((s) => s && s !== SCOPE)) return ['invalid_scope', `the only scope is '${SCOPE}'`];
    return null;
  }
  const back = (c: Context, q: AuthzRequest, params: Record<string, string>) => {
    const u = new URL(q.redirect_uri);
    for (const [key, v] of Object.entries({ ...params, ...(q.state ? { state: q.state } : {}), iss: publicOrigin(c, k.config) })) u.searchParams.set(key, v);
    return c.redirect(u.toString(), 303);
  };
  const requestOf = (get: (name: string) => string | undefined) => Object.fromEntries(PARAMS.map((p) => [p, get(p) ?? ''])) as AuthzRequest;
  /** The consent form's answer goes to the client: the page's CSP must allow that redirect (form-action applies to it). */
  const allowRedirectTo = (res: Response, redirectUri: string) => {
    const u = new URL(redirectUri);
    const target = u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : u.protocol;
    res.headers.set('Content-Security-Policy', (res.headers.get('Content-Security-Policy') ?? '').replace("form-action 'self'", `form-action 'self' ${target}`));
    return res;
  };

  web.get('/oauth/authorize', async (c) => {
    const q = requestOf((p) => c.req.query(p));
    if (isMetadataClientId(q.client_id)) {
      try {
        await resolveMetadataClient(k.engine, q.client_id);
      } catch (e) {
        return k.failure(c, e);
      }
    }
    const client = checkClient(q);
    if (client instanceof VoxError) return k.failure(c, client);
    const bad = checkRequest(c, q);
    if (bad) return back(c, q, { error: bad[0], error_description: bad[1] });
    const s = await k.session(c);
    if (!s) {
      // Coming from another site, the SameSite=Strict session cookie is not sent: reload once from this site (meta refresh, no script) to see it.
      const next = new URL(c.req.url).pathname + new URL(c.req.url).search;
      if (c.req.header('Sec-Fetch-Site') === 'cross-site') {
        return c.html(`<!doctype html><meta http-equiv="refresh" content="0;url=${next.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"><title>Continue</title><p><a href="${next.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">Continue</a></p>`, 200, { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
      }
      return c.redirect(`/login?next=${encodeURIComponent(next)}`, 303);
    }
    const agents = k.engine.identity.ownerAgents(s.owner.ownerId).items.filter((a) => a.status === 'active');
    if (!agents.length) return k.failure(c, new VoxError('no_active_agent', 'you have no active agent for this app to act as: activate one first', 409), s.nav);
    const policyOf = (id: string) => store().agentPolicy(id);
    const cents = (v: number | null) => (v == null ? 'no cap' : eur(v / 100));
    const res = await k.page(c, 'Connect an app', html`<h1>Connect <span data-testid="client-name">${client.name}</span> to VoxPact?</h1>
<p><strong>${client.name}</strong>${isMetadataClientId(q.client_id) ? html` (published at <code data-testid="client-host">${new URL(q.client_id).host}</code>)` : ''} asks to use VoxPact's tools as one of your agents: search and hire agents, post and manage jobs, bid and deliver, and spend within the policy below. It will be sent back to <code data-testid="redirect-host">${new URL(q.redirect_uri).host || q.redirect_uri}</code>. You can revoke it at any time under <a href="/connections">Connected apps</a>.</p>
<form method="post" action="/oauth/authorize"><input type="hidden" name="csrf" value="${s.csrf}">
${PARAMS.map((p) => html`<input type="hidden" name="${p}" value="${q[p]}">`)}
<label for="agent">Acts as</label><select id="agent" name="agent_id">${agents.map((a) => {
      const p = policyOf(a.id);
      return html`<option value="${a.id}">${a.name} (monthly cap ${cents(p.monthlyCapCents)}, confirm above ${cents(p.confirmAboveCents)})</option>`;
    })}</select>
<label for="cap">Monthly cap for this app (EUR; empty = the agent's own)</label><input type="number" id="cap" name="monthly_cap" min="0" step="0.01" inputmode="decimal">
<label for="confirm">Ask me for charges above (EUR; empty = the agent's own)</label><input type="number" id="confirm" name="confirm_above" min="0" step="0.01" inputmode="decimal">
<div><button type="submit" name="decision" value="allow">Allow</button> <button type="submit" name="decision" value="deny">Deny</button></div></form>`, s.nav);
    return allowRedirectTo(res, q.redirect_uri);
  });

  web.post('/oauth/authorize', k.guarded(false, async (c, s) => {
    const f = await k.form(c);
    const q = requestOf((p) => f[p]);
    const client = checkClient(q);
    if (client instanceof VoxError) throw client;
    const bad = checkRequest(c, q);
    if (bad) return back(c, q, { error: bad[0], error_description: bad[1] });
    if (f.decision !== 'allow') return back(c, q, { error: 'access_denied', error_description: 'the owner declined' });
    const agentId = f.agent_id ?? '';
    const own = store().agentPolicy(agentId);
    const policy: ConnectionPolicy = { monthlyCapCents: amount(f.monthly_cap, 'monthly_cap') ?? own.monthlyCapCents, confirmAboveCents: amount(f.confirm_above, 'confirm_above') ?? own.confirmAboveCents };
    const code = store().consent({ clientId: q.client_id, ownerId: s.owner.ownerId, agentId, resource: q.resource || resourceUrl(c, k.config), redirectUri: q.redirect_uri, codeChallenge: q.code_challenge, policy });
    return back(c, q, { code });
  }));

  web.get('/connections', k.guarded(false, async (c, s) => {
    const list = store().connections(s.owner.ownerId);
    const cents = (v: number | null) => (v == null ? 'no cap' : eur(v / 100));
    return k.page(c, 'Connected apps', html`<h1>Connected apps</h1>
<p>Apps you allowed to act as one of your agents (OAuth). Revoking one stops its tokens and ends its open sessions at once; rotating an agent's API key does not revoke these, and revoking these does not rotate the key.</p>
${list.length ? html`<div class="table-wrap"><table><thead><tr><th scope="col">App</th><th scope="col">Agent</th><th scope="col">Policy</th><th scope="col">Connected</th><th scope="col">Last used</th><th scope="col"><span class="muted">Action</span></th></tr></thead><tbody>
${list.map((g) => html`<tr data-connection="${g.id}"><td data-testid="connection-client">${g.client_name}</td><td>${g.agent_name}</td><td>cap ${cents(g.monthly_cap_cents)}, confirm above ${cents(g.confirm_above_cents)}</td><td>${when(g.created_at)}</td><td data-testid="connection-last-used">${when(g.last_used_at)}</td>
<td><form method="post" action="/connections/${g.id}/revoke"><input type="hidden" name="csrf" value="${s.csrf}"><button type="submit" aria-label="Revoke ${g.client_name}">Revoke</button></form></td></tr>`)}
</tbody></table></div>` : html`<p class="muted" data-testid="no-connections">No connected apps.</p>`}`, s.nav);
  }));
  web.post('/connections/:id/revoke', k.guarded(false, async (c, s) => {
    await k.form(c);
    store().revoke(s.owner.ownerId, c.req.param('id')!);
    return c.redirect('/connections', 303);
  }));
}

/** A form's EUR amount → cents; empty → null (the agent's own); anything else a clear 400 naming the field. */
function amount(raw: string | undefined, field: string): number | null {
  const v = (raw ?? '').trim();
  if (v === '') return null;
  if (!/^\d+(\.\d{1,2})?$/.test(v)) throw new VoxError('validation_error', `${field}: an amount in EUR with at most 2 decimals (got '${v}'), or empty for the agent's own`, 400, { field });
  return Math.round(Number(v) * 100);
}
