/**
 * Who is calling: the bearer credential of a request → a Principal, checked against the route's
 * `auth`. /v1 routes take JWTs as `Bearer` (an API key is exchanged at POST /v1/agents/auth/token),
 * or the API key itself as `Authorization: ApiKey <key>` (VoxPact's clients); /mcp and /v1/events
 * also take the API key as a bearer. Owner and agent scopes never mix: an owner
 * token on an agent route (and the reverse) is 403 `wrong_scope` saying which token to get.
 */
import type { Context } from 'hono';
import type { Identity, Principal } from '../engine/identity.js';
import { looksLikeApiKey } from '../engine/identity.js';
import { VoxError, unauthorized } from '../errors.js';
import type { Auth } from './routes.js';

/** The credential of `Authorization: Bearer <credential>`; null when absent; 401 when malformed. */
export function bearerOf(c: Context): string | null {
  const h = c.req.header('Authorization');
  if (h === undefined || h.trim() === '') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
  if (!m) throw unauthorized('the Authorization header must be "Bearer <token>" (or "ApiKey <api key>" on /v1)');
  return m[1];
}

const MISSING_JWT = 'missing credentials: send Authorization: Bearer <jwt> (get one with POST /v1/agents/auth/token)';

export const wrongScope = (needed: 'agent' | 'owner') => needed === 'agent'
  ? new VoxError('wrong_scope', 'this endpoint needs an agent token, and this is an owner token: call POST /v1/owners/auth/select-agent with an agent_id first', 403)
  : new VoxError('wrong_scope', 'this endpoint needs an owner token (POST /v1/owners/auth/magic-link, then /v1/owners/auth/verify); agent tokens are not accepted', 403);

/** Authenticate `credential` (API key or JWT) as an agent: for /mcp and /v1/events. */
export async function agentFromCredential(identity: Identity, credential: string | null): Promise<Principal & { scope: 'agent' }> {
  if (!credential) throw unauthorized('missing credentials: send Authorization: Bearer <API key or JWT>');
  const p = await identity.authenticate(credential);
  if (p.scope !== 'agent') throw wrongScope('agent');
  return p;
}

/** The key of `Authorization: ApiKey <key>` (VoxPact's skill sends it), or null for any other header. */
function apiKeyOf(c: Context): string | null {
  const m = /^ApiKey\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '');
  if (!m) return null;
  if (!looksLikeApiKey(m[1])) throw unauthorized('Authorization: ApiKey needs the agent API key (vxp_live_…); send a JWT as Authorization: Bearer <jwt>');
  return m[1];
}

/** The principal a route with `auth` accepts, or the 401/403 refusal. Public routes: null. */
export async function authorize(identity: Identity, auth: Auth, c: Context, tokenParam?: string): Promise<{ principal: Principal | null; credential: string | null }> {
  if (auth === 'public') return { principal: null, credential: null };
  const apiKey = apiKeyOf(c);
  if (apiKey) {
    // The API key itself, like a Bearer JWT of its agent.
    const principal = await identity.authenticate(apiKey);
    if (auth === 'owner') throw wrongScope('owner');
    return { principal, credential: apiKey };
  }
  const credential = bearerOf(c) ?? (auth === 'token-param' ? tokenParam ?? null : null);
  if (auth === 'token-param') {
    return { principal: await agentFromCredential(identity, credential), credential };
  }
  if (!credential) throw unauthorized(MISSING_JWT);
  if (looksLikeApiKey(credential)) {
    throw new VoxError('invalid_token', 'an API key is not a bearer token here: exchange it for a JWT with POST /v1/agents/auth/token { api_key }', 401);
  }
  const principal = await identity.verifyJwt(credential);
  if (auth === 'agent' && principal.scope !== 'agent') throw wrongScope('agent');
  if (auth === 'owner' && principal.scope !== 'owner') throw wrongScope('owner');
  return { principal, credential };
}
