/**
 * Identity: API key → JWT, owner magic links (token or 6-digit code), select-agent downscoping,
 * API-key recovery. JWTs are HS256 with a secret generated once per database; every JWT carries
 * its subject's `token_version` (`ver`), so issuing a new key (rotate, recover) refuses every
 * token issued before. Owner sessions end server-side: logout, and a new key for any of the
 * owner's agents, bump `owners.token_version`; agent tokens minted from an owner session carry
 * that version too (`own`), and a session cannot be refreshed past OWNER_SESSION_MAX (`auth_time`).
 * Whoever holds a live connection (event streams, MCP sessions) subscribes to `onRevoked` to end
 * it at once. Rules live here; src/api only parses and answers.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
// jose is loaded on the first JWT signed or checked (the HTTP API), not when the engine opens.
import { iso } from '../clock.js';
import { VoxError, notFound, unauthorized } from '../errors.js';
import { LIMITS, tierOf } from '../limits.js';
import type { OwnerVerifyRequest, TokenGrant } from '../schemas.js';
import { authenticate as authenticateApiKey, issueKey } from './accounts.js';
import { type Ctx, mailLink, sendMail } from './context.js';
import { writeTx } from './db.js';
import { sha256, token as randomToken, uuid } from './ids.js';

const MINUTE_MS = 60_000;
/** Bounds of the identity flows (reference where it says so, else ours). */
export const IDENTITY_LIMITS = {
  jwt_ttl_s: LIMITS.jwt_ttl_s, // reference: 1 hour
  magic_link_ttl_ms: 15 * MINUTE_MS, // ours (the recovery token's 15 minutes)
  magic_links_per_email_per_hour: 5, // ours
  code_attempts_max: 5, // ours: a sign-in code dies after this many wrong guesses
  recovery_token_ttl_ms: 15 * MINUTE_MS, // reference
  recovery_interval_ms: 24 * 60 * MINUTE_MS, // reference: 1 request per 24 h per email
  owner_session_max_s: 12 * 3600, // ours: an owner login is refreshed for at most 12 h, then log in again
} as const;

const ISSUER = 'voxpact';
const AUDIENCE = 'voxpact-api';

/** `session`: the owner login a token descends from (owner tokens, and agent tokens from select-agent). */
type OwnerSession = { ownerVersion: number; authTime: number };
export type AgentPrincipal = { scope: 'agent'; agentId: string; ownerId: string; via: 'api_key' | 'jwt'; expiresAtMs: number | null; session?: OwnerSession };
export type OwnerPrincipal = { scope: 'owner'; ownerId: string; email: string; via: 'jwt'; expiresAtMs: number; session: OwnerSession };
/** Credentials were revoked: every token of `ownerId`'s sessions, and with `agentId` that agent's key and tokens. */
export type Revocation = { ownerId: string; agentId?: string };
export type Principal = AgentPrincipal | OwnerPrincipal;

const rateLimited = (message: string, retryAfterMs: number) => {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new VoxError('rate_limited', `${message}: retry after ${s} s`, 429, { retry_after_s: s });
};
const same = (a: string, b: string) => {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
/** API keys look like vxp_…; JWTs are three base64url parts. */
export const looksLikeApiKey = (credential: string) => credential.startsWith('vxp_');

type AgentAuthRow = { id: string; owner_id: string; status: string; token_version: number };

export class Identity {
  private secret: Uint8Array | null = null;
  private readonly revocationListeners = new Set<(r: Revocation) => void>();

  constructor(private readonly ctx: Ctx) {}

  /** The per-database HS256 secret, created by whichever process needs it first. */
  private secretKey(): Uint8Array {
    if (this.secret) return this.secret;
    writeTx(this.ctx.db, () => {
      this.ctx.db.prepare("INSERT INTO secrets (name, value, created_at) VALUES ('jwt_hs256', ?, ?) ON CONFLICT DO NOTHING")
        .run(randomBytes(32).toString('base64url'), this.ctx.clock.now());
    });
    const row = this.ctx.db.prepare("SELECT value FROM secrets WHERE name = 'jwt_hs256'").get() as { value: string };
    this.secret = new Uint8Array(Buffer.from(row.value, 'base64url'));
    return this.secret;
  }

  /** HMAC-SHA256 of `data` under the per-database secret, separated by `purpose` (e.g. CSRF tokens bound to a session). */
  mac(purpose: string, data: string): string {
    return createHmac('sha256', this.secretKey()).update(`${purpose}\0${data}`).digest('base64url');
  }

  private async sign(scope: 'agent' | 'owner', sub: string, ver: number, session?: OwnerSession): Promise<TokenGrant> {
    const iat = Math.floor(this.ctx.clock.now() / 1000);
    const exp = iat + IDENTITY_LIMITS.jwt_ttl_s;
    const { SignJWT } = await import('jose');
    const token = await new SignJWT({ scope, ver, ...(session ? { own: session.ownerVersion, auth_time: session.authTime } : {}) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub).setIssuer(ISSUER).setAudience(AUDIENCE)
      .setIssuedAt(iat).setExpirationTime(exp).setJti(uuid())
      .sign(this.secretKey());
    return {
      token, token_type: 'Bearer', expires_in: IDENTITY_LIMITS.jwt_ttl_s, expires_at: iso(exp * 1000), scope,
      ...(scope === 'agent' ? { agent_id: sub } : { owner_id: sub }),
    };
  }

  private agentRow(id: string): AgentAuthRow | undefined {
    return this.ctx.db.prepare('SELECT id, owner_id, status, token_version FROM agents WHERE id = ?').get(id) as AgentAuthRow | undefined;
  }

  async agentToken(agentId: string): Promise<TokenGrant> {
    const a = this.agentRow(agentId);
    if (!a || a.status !== 'active') throw notFound('agent', agentId);
    return this.sign('agent', a.id, a.token_version);
  }

  /** A new owner login (magic link or code). */
  private async ownerToken(ownerId: string): Promise<TokenGrant> {
    const o = this.ctx.db.prepare('SELECT token_version FROM owners WHERE id = ?').get(ownerId) as { token_version: number };
    return this.sign('owner', ownerId, o.token_version, { ownerVersion: o.token_version, authTime: Math.floor(this.ctx.clock.now() / 1000) });
  }

  private ownerVersion(ownerId: string): number | undefined {
    return (this.ctx.db.prepare('SELECT token_version FROM owners WHERE id = ?').get(ownerId) as { token_version: number } | undefined)?.token_version;
  }

  /** Subscribe to revocations (returns the unsubscribe function). */
  onRevoked(fn: (r: Revocation) => void): () => void {
    this.revocationListeners.add(fn);
    return () => void this.revocationListeners.delete(fn);
  }
  /** Tell the subscribers (after the revoking transaction committed). */
  revoked(r: Revocation) {
    for (const fn of this.revocationListeners) {
      try {
        fn(r);
      } catch { /* a listener's failure must not undo the revocation */ }
    }
  }

  /** Logout: every token of every session of this owner (and the agent tokens selected from them) dies now. */
  endOwnerSessions(ownerId: string) {
    writeTx(this.ctx.db, () => this.ctx.db.prepare('UPDATE owners SET token_version = token_version + 1 WHERE id = ?').run(ownerId));
    this.revoked({ ownerId });
  }

  /** POST /v1/agents/rotate-key: a new key (mailed); the old key, its JWTs and the owner's sessions end. */
  rotateKey(agentId: string) {
    const r = writeTx(this.ctx.db, () => issueKey(this.ctx, agentId, 'rotated'));
    this.revoked({ ownerId: this.ownerOf(agentId)!, agentId });
    return r;
  }

  /** A JWT → who it speaks for. Expired, forged, `alg: none`, revoked: 401 with the reason. */
  async verifyJwt(jwt: string): Promise<Principal> {
    const { jwtVerify, errors: joseErrors } = await import('jose');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(jwt, this.secretKey(), {
        algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE, currentDate: new Date(this.ctx.clock.now()), requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) {
        throw new VoxError('token_expired', 'the JWT has expired: refresh it before expiry (POST /v1/agents/auth/refresh) or exchange the API key again (POST /v1/agents/auth/token)', 401);
      }
      throw new VoxError('invalid_token', `the bearer token is not a valid VoxPact JWT (${e instanceof joseErrors.JOSEError ? e.code : 'malformed'})`, 401);
    }
    const { sub, scope, ver, exp, own, auth_time } = payload as { sub: string; scope: unknown; ver: unknown; exp: number; own?: unknown; auth_time?: unknown };
    const revoked = () => new VoxError('token_revoked', 'this JWT was issued before the API key was rotated or recovered, or before its owner logged out (all sessions were invalidated): get a new token', 401);
    const session = typeof own === 'number' && typeof auth_time === 'number' ? { ownerVersion: own, authTime: auth_time } : undefined;
    if (scope === 'agent') {
      const a = this.agentRow(sub);
      if (!a || a.status !== 'active') throw unauthorized('the agent of this token is not active (deleted or not activated)');
      if (ver !== a.token_version) throw revoked();
      // Selected from an owner session: dies with that session (logout, a rotated key of any of the owner's agents).
      if (own !== undefined && (!session || session.ownerVersion !== this.ownerVersion(a.owner_id))) throw revoked();
      return { scope: 'agent', agentId: a.id, ownerId: a.owner_id, via: 'jwt', expiresAtMs: exp * 1000, ...(session ? { session } : {}) };
    }
    if (scope === 'owner') {
      const o = this.ctx.db.prepare('SELECT id, email, token_version FROM owners WHERE id = ?').get(sub) as { id: string; email: string; token_version: number } | undefined;
      if (!o) throw unauthorized('the owner of this token does not exist');
      if (ver !== o.token_version || !session) throw revoked();
      return { scope: 'owner', ownerId: o.id, email: o.email, via: 'jwt', expiresAtMs: exp * 1000, session };
    }
    throw new VoxError('invalid_token', 'the JWT has no valid scope', 401);
  }

  /** `Authorization: Bearer …` of /mcp and /v1/events: an API key or a JWT. */
  async authenticate(credential: string): Promise<Principal> {
    if (looksLikeApiKey(credential)) {
      const agentId = authenticateApiKey(this.ctx, credential);
      const a = this.agentRow(agentId)!;
      return { scope: 'agent', agentId, ownerId: a.owner_id, via: 'api_key', expiresAtMs: null };
    }
    return this.verifyJwt(credential);
  }

  /** POST /v1/agents/auth/token. `owner_email`, when given, must be the owner's. */
  async exchangeApiKey(apiKey: string, ownerEmail?: string): Promise<TokenGrant> {
    const agentId = authenticateApiKey(this.ctx, apiKey);
    if (ownerEmail !== undefined) {
      const o = this.ctx.db.prepare('SELECT o.email FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ?').get(agentId) as { email: string };
      if (o.email !== ownerEmail.toLowerCase()) throw new VoxError('unauthorized', 'owner_email is not the email of this agent\'s owner', 401, { field: 'owner_email' });
    }
    return this.agentToken(agentId);
  }

  /**
   * POST /v1/agents/auth/refresh: a fresh hour for a still-valid token of either scope. A token of
   * an owner session stays one (same login time, same owner version) and is not refreshed past
   * OWNER_SESSION_MAX after the login.
   */
  async refresh(p: Principal): Promise<TokenGrant> {
    const s = p.session;
    if (s && this.ctx.clock.now() / 1000 - s.authTime >= IDENTITY_LIMITS.owner_session_max_s) {
      throw new VoxError('session_expired', `an owner session lasts at most ${IDENTITY_LIMITS.owner_session_max_s / 3600} hours: log in again (POST /v1/owners/auth/magic-link)`, 401);
    }
    if (p.scope === 'owner') return this.sign('owner', p.ownerId, s!.ownerVersion, s);
    const a = this.agentRow(p.agentId);
    if (!a || a.status !== 'active') throw notFound('agent', p.agentId);
    return this.sign('agent', a.id, a.token_version, s);
  }

  // ---------- owners: magic link ----------

  /**
   * Mail a sign-in link and a 6-digit code. The answer is the same whether or not the email owns
   * agents (no account probing); requests per email are bounded either way.
   */
  requestMagicLink(email: string): { message: string; expires_in: number } {
    const e = email.toLowerCase();
    const now = this.ctx.clock.now();
    return writeTx(this.ctx.db, () => {
      const recent = this.ctx.db.prepare('SELECT COUNT(*) n, MIN(created_at) first FROM owner_logins WHERE email = ? AND created_at > ?').get(e, now - 60 * MINUTE_MS) as { n: number; first: number | null };
      if (recent.n >= IDENTITY_LIMITS.magic_links_per_email_per_hour) {
        throw rateLimited(`at most ${IDENTITY_LIMITS.magic_links_per_email_per_hour} sign-in links per email per hour`, recent.first! + 60 * MINUTE_MS - now);
      }
      const owner = this.ctx.db.prepare('SELECT id FROM owners WHERE email = ?').get(e) as { id: string } | undefined;
      const id = uuid();
      const expires = now + IDENTITY_LIMITS.magic_link_ttl_ms;
      if (!owner) {
        this.ctx.db.prepare('INSERT INTO owner_logins (id, email, owner_id, expires_at, created_at) VALUES (?, ?, NULL, ?, ?)').run(id, e, expires, now);
      } else {
        const link = uuid();
        const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
        this.ctx.db.prepare('INSERT INTO owner_logins (id, email, owner_id, token_hash, code_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(id, e, owner.id, sha256(link), sha256(`${id}:${code}`), expires, now);
        sendMail(this.ctx, e, 'Your VoxPact sign-in link',
          `Sign in to VoxPact as ${e}.\n\nMagic link token: ${link}\nOpen: ${mailLink(this.ctx, `/owners/verify?token=${link}`)}\n\nOr enter this code: ${code}\n\n` +
          `Both expire in ${IDENTITY_LIMITS.magic_link_ttl_ms / MINUTE_MS} minutes and work once. If you did not ask for this, ignore this email.\n`);
      }
      return { message: 'If this email owns VoxPact agents, a sign-in link and code were sent to it.', expires_in: IDENTITY_LIMITS.magic_link_ttl_ms / 1000 };
    });
  }

  /** POST /v1/owners/auth/verify: the link token, or email + code (single use, bounded guesses). */
  async verifyOwnerLogin(input: OwnerVerifyRequest): Promise<TokenGrant> {
    const now = this.ctx.clock.now();
    type Login = { id: string; owner_id: string | null; code_hash: string | null; attempts: number; expires_at: number; used_at: number | null };
    // Decide inside one transaction; a wrong code's attempt must commit, so refusals are returned, not thrown.
    const outcome = writeTx(this.ctx.db, (): { ownerId: string } | { error: VoxError } => {
      if (input.token !== undefined) {
        const l = this.ctx.db.prepare('SELECT * FROM owner_logins WHERE token_hash = ?').get(sha256(input.token)) as Login | undefined;
        if (!l || !l.owner_id) return { error: new VoxError('invalid_token', 'the magic link token is unknown: request a new link', 401, { field: 'token' }) };
        if (l.used_at != null) return { error: new VoxError('invalid_token', 'the magic link was already used: request a new link', 401, { field: 'token' }) };
        if (l.expires_at <= now) return { error: new VoxError('invalid_token', 'the magic link has expired (15 minutes): request a new link', 401, { field: 'token' }) };
        this.ctx.db.prepare('UPDATE owner_logins SET used_at = ? WHERE id = ?').run(now, l.id);
        return { ownerId: l.owner_id };
      }
      const e = input.email!.toLowerCase();
      const l = this.ctx.db.prepare('SELECT * FROM owner_logins WHERE email = ? AND owner_id IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1').get(e) as Login | undefined;
      const none = new VoxError('invalid_code', 'no valid sign-in code for this email (wrong email, expired, used or too many attempts): request a new magic link', 401, { field: 'code' });
      if (!l || l.used_at != null || l.expires_at <= now || l.attempts >= IDENTITY_LIMITS.code_attempts_max) return { error: none };
      if (!same(sha256(`${l.id}:${input.code}`), l.code_hash!)) {
        this.ctx.db.prepare('UPDATE owner_logins SET attempts = attempts + 1 WHERE id = ?').run(l.id);
        const left = IDENTITY_LIMITS.code_attempts_max - l.attempts - 1;
        return { error: new VoxError('invalid_code', left > 0 ? `the code is wrong (${left} attempt(s) left)` : 'the code is wrong and no attempts are left: request a new magic link', 401, { field: 'code' }) };
      }
      this.ctx.db.prepare('UPDATE owner_logins SET used_at = ? WHERE id = ?').run(now, l.id);
      return { ownerId: l.owner_id! };
    });
    if ('error' in outcome) throw outcome.error;
    return this.ownerToken(outcome.ownerId);
  }

  /** POST /v1/owners/auth/select-agent: an agent token, for one of this owner's active agents only. */
  async selectAgent(owner: { ownerId: string; session?: OwnerSession }, agentId: string): Promise<TokenGrant> {
    const { ownerId, session } = owner;
    if (!session) throw new VoxError('wrong_scope', 'select-agent needs an owner token (POST /v1/owners/auth/verify)', 403);
    const a = this.agentRow(agentId);
    if (!a || a.owner_id !== ownerId || a.status === 'deleted') throw notFound('agent', agentId);
    if (a.status !== 'active') throw new VoxError('agent_not_active', `agent '${agentId}' is '${a.status}': activate it first`, 409, { field: 'agent_id' });
    return this.sign('agent', a.id, a.token_version, session);
  }

  /** GET /v1/owners/me/agents. */
  ownerAgents(ownerId: string) {
    const rows = this.ctx.db.prepare("SELECT id, name, status, trust_score, created_at FROM agents WHERE owner_id = ? AND status <> 'deleted' ORDER BY created_at, rowid").all(ownerId) as
      { id: string; name: string; status: string; trust_score: number; created_at: number }[];
    const items = rows.map((r) => ({ id: r.id, name: r.name, status: r.status, trust_score: r.trust_score, level: tierOf(r.trust_score).tier, created_at: iso(r.created_at) }));
    return { items, count: items.length };
  }

  ownerOf(agentId: string): string | null {
    return this.agentRow(agentId)?.owner_id ?? null;
  }

  // ---------- API-key recovery ----------

  /**
   * POST /v1/agents/recover-key: one request per email and agent id per 24 h (429 otherwise;
   * counted whether or not the email owns the agent, so the 429 says nothing either). Per pair,
   * not per email: anyone knowing the email could otherwise burn the owner's one recovery with a
   * bogus agent id. Mails a 15-minute token when the email owns that active agent; the answer
   * never says whether it does. Per IP, the REST limit applies.
   */
  requestKeyRecovery(email: string, agentId: string): { message: string } {
    const e = email.toLowerCase();
    const now = this.ctx.clock.now();
    return writeTx(this.ctx.db, () => {
      const last = this.ctx.db.prepare('SELECT MAX(created_at) t FROM key_recoveries WHERE email = ? AND requested_agent_id = ?').get(e, agentId) as { t: number | null };
      if (last.t != null && last.t + IDENTITY_LIMITS.recovery_interval_ms > now) {
        throw rateLimited('key recovery is limited to 1 request per 24 hours per email and agent', last.t + IDENTITY_LIMITS.recovery_interval_ms - now);
      }
      const a = this.ctx.db.prepare("SELECT a.id, a.name FROM agents a JOIN owners o ON o.id = a.owner_id WHERE a.id = ? AND o.email = ? AND a.status = 'active'").get(agentId, e) as
        { id: string; name: string } | undefined;
      const expires = now + IDENTITY_LIMITS.recovery_token_ttl_ms;
      if (!a) {
        this.ctx.db.prepare('INSERT INTO key_recoveries (email, agent_id, requested_agent_id, token_hash, expires_at, created_at) VALUES (?, NULL, ?, NULL, ?, ?)').run(e, agentId, expires, now);
      } else {
        const t = randomToken('vxr', 32);
        this.ctx.db.prepare('INSERT INTO key_recoveries (email, agent_id, requested_agent_id, token_hash, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(e, a.id, agentId, sha256(t), expires, now);
        sendMail(this.ctx, e, `Recover the API key of "${a.name}"`,
          `Someone asked to recover the API key of agent ${a.name} (${a.id}).\n\nRecovery token: ${t}\n` +
          `Confirm with POST /v1/agents/confirm-recovery { "token": "${t}" } within ${IDENTITY_LIMITS.recovery_token_ttl_ms / MINUTE_MS} minutes. ` +
          'A new key is then mailed to you and every session of the old one ends. If you did not ask for this, ignore this email.\n');
      }
      return { message: 'If this email owns that agent, a recovery token was sent to it. It expires in 15 minutes.' };
    });
  }

  /** POST /v1/agents/confirm-recovery: a new key, mailed (never returned); every older JWT dies. */
  confirmKeyRecovery(token: string): { agent_id: string; message: string } {
    const now = this.ctx.clock.now();
    const r = writeTx(this.ctx.db, () => {
      const r = this.ctx.db.prepare('SELECT id, agent_id, expires_at, used_at FROM key_recoveries WHERE token_hash = ?').get(sha256(token)) as
        { id: number; agent_id: string; expires_at: number; used_at: number | null } | undefined;
      const bad = (why: string) => new VoxError('invalid_token', `the recovery token ${why}: request a new one (POST /v1/agents/recover-key)`, 400, { field: 'token' });
      if (!r) throw bad('is unknown');
      if (r.used_at != null) throw bad('was already used');
      if (r.expires_at <= now) throw bad('has expired (15 minutes)');
      const a = this.agentRow(r.agent_id);
      if (!a || a.status !== 'active') throw bad('belongs to an agent that is no longer active');
      this.ctx.db.prepare('UPDATE key_recoveries SET used_at = ? WHERE id = ?').run(now, r.id);
      issueKey(this.ctx, r.agent_id, 'recovered');
      return { agent_id: r.agent_id, message: 'New API key sent to owner email. All sessions invalidated.' };
    });
    this.revoked({ ownerId: this.ownerOf(r.agent_id)!, agentId: r.agent_id });
    return r;
  }
}

const identities = new WeakMap<Ctx, Identity>();
/** One Identity per engine context (it caches the secret). */
export function identityOf(ctx: Ctx): Identity {
  let i = identities.get(ctx);
  if (!i) identities.set(ctx, (i = new Identity(ctx)));
  return i;
}
