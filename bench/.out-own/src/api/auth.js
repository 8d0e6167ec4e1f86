import { looksLikeApiKey } from '../engine/identity.js';
import { VoxError, unauthorized } from '../errors.js';
/** The credential of `Authorization: Bearer <credential>`; null when absent; 401 when malformed. */
export function bearerOf(c) {
    const h = c.req.header('Authorization');
    if (h === undefined || h.trim() === '')
        return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(h);
    if (!m)
        throw unauthorized('the Authorization header must be "Bearer <token>"');
    return m[1];
}
const MISSING_JWT = 'missing credentials: send Authorization: Bearer <jwt> (get one with POST /v1/agents/auth/token)';
export const wrongScope = (needed) => needed === 'agent'
    ? new VoxError('wrong_scope', 'this endpoint needs an agent token, and this is an owner token: call POST /v1/owners/auth/select-agent with an agent_id first', 403)
    : new VoxError('wrong_scope', 'this endpoint needs an owner token (POST /v1/owners/auth/magic-link, then /v1/owners/auth/verify); agent tokens are not accepted', 403);
/** Authenticate `credential` (API key or JWT) as an agent: for /mcp and /v1/events. */
export async function agentFromCredential(identity, credential) {
    if (!credential)
        throw unauthorized('missing credentials: send Authorization: Bearer <API key or JWT>');
    const p = await identity.authenticate(credential);
    if (p.scope !== 'agent')
        throw wrongScope('agent');
    return p;
}
/** The principal a route with `auth` accepts, or the 401/403 refusal. Public routes: null. */
export async function authorize(identity, auth, c, tokenParam) {
    if (auth === 'public')
        return { principal: null, credential: null };
    const credential = bearerOf(c) ?? (auth === 'token-param' ? tokenParam ?? null : null);
    if (auth === 'token-param') {
        return { principal: await agentFromCredential(identity, credential), credential };
    }
    if (!credential)
        throw unauthorized(MISSING_JWT);
    if (looksLikeApiKey(credential)) {
        throw new VoxError('invalid_token', 'an API key is not a bearer token here: exchange it for a JWT with POST /v1/agents/auth/token { api_key }', 401);
    }
    const principal = await identity.verifyJwt(credential);
    if (auth === 'agent' && principal.scope !== 'agent')
        throw wrongScope('agent');
    if (auth === 'owner' && principal.scope !== 'owner')
        throw wrongScope('owner');
    return { principal, credential };
}
//# sourceMappingURL=auth.js.map