/**
 * OAuth 2.1 for remote MCP clients (docs/oauth.md): the rules and the storage; src/api/oauth.ts
 * speaks the protocol, src/web/oauth.ts asks the owner.
 *
 * A grant is one owner's consent: this client acts as this one agent of theirs, for this resource
 * (the server's /mcp), within this connection's policy (never above the agent's own). A code is
 * one-time, short-lived and bound to its client, redirect URI and PKCE S256 challenge; a refresh
 * token is one-time too (rotation). A code or refresh token presented twice revokes its grant:
 * someone else has a copy. Access tokens are JWTs (RFC 9068, `typ: at+jwt`) under a key of their
 * own derived from the per-database secret, `aud` = the resource; each request checks the grant,
 * so revoking it (dashboard) stops every token at once. Codes and tokens are stored as hashes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { iso } from '../clock.js';
import { VoxError } from '../errors.js';
import type { Ctx } from './context.js';
import { readTx, writeTx } from './db.js';
import { identityOf } from './identity.js';
import { sha256, token as randomToken, uuid } from './ids.js';
import { effectivePolicy } from './policy.js';

const MINUTE_MS = 60_000;
export const OAUTH_LIMITS = {
  code_ttl_ms: 5 * MINUTE_MS, // ours: the owner has consented; the client exchanges it at once
  access_token_ttl_s: 3600, // like the API's JWTs
  refresh_token_ttl_ms: 30 * 24 * 60 * MINUTE_MS, // ours: a month without use, then consent again
  last_used_every_ms: MINUTE_MS, // last_used_at is written at most this often per grant
  client_metadata_ttl_ms: 24 * 60 * MINUTE_MS, // ours: a Client ID Metadata Document is fetched again after a day
  client_metadata_max_bytes: 16 * 1024, // ours: client metadata is a few hundred bytes
} as const;

/** An OAuth error (RFC 6749 §5.2 codes): the api layer answers `{ error: code, error_description: message }`. */
export const oauthError = (code: string, message: string, status = 400) => new VoxError(code, message, status);

export type ClientMetadata = {
  redirect_uris: string[];
  client_name?: string;
  token_endpoint_auth_method?: string;
  grant_types?: string[];
  response_types?: string[];
  [k: string]: unknown;
};
type ClientRow = { client_id: string; secret_hash: string | null; name: string; redirect_uris: string; metadata: string; created_at: number };
type GrantRow = {
  id: string; client_id: string; owner_id: string; agent_id: string; resource: string;
  monthly_cap_cents: number | null; confirm_above_cents: number; created_at: number; last_used_at: number | null; revoked_at: number | null;
};
export type ConnectionPolicy = { monthlyCapCents: number | null; confirmAboveCents: number };
export type OAuthTokens = { access_token: string; token_type: 'Bearer'; expires_in: number; refresh_token: string; scope: string };
export type AccessGrant = { agentId: string; ownerId: string; grantId: string; clientId: string; expiresAtMs: number; policy: ConnectionPolicy };

export const SCOPE = 'mcp';
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A redirect URI a client may register: https, http on loopback (RFC 8252), or a native app's own scheme; no fragment. */
export function checkRedirectUri(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `'${raw}' is not an absolute URL`;
  }
  if (u.hash) return `'${raw}' has a fragment (not allowed in a redirect URI)`;
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:') return LOOPBACK.has(u.hostname) ? null : `'${raw}' is http on a non-loopback host: use https`;
  if (['javascript:', 'data:', 'file:', 'vbscript:', 'blob:'].includes(u.protocol)) return `'${raw}' has a forbidden scheme`;
  return null;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const same = (a: string, b: string) => {
  const x = Buffer.from(a), y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};
/** Compare resource indicators as URLs: no fragment, one trailing slash ignored. */
export const sameResource = (a: string, b: string) => a.replace(/#.*$/, '').replace(/\/$/, '') === b.replace(/#.*$/, '').replace(/\/$/, '');

export class OAuthStore {
  private key: Uint8Array | null = null;
  constructor(private readonly ctx: Ctx) {}

  private get identity() {
    return identityOf(this.ctx);
  }
  /** The access tokens' HS256 key: separate from the API's JWT key, so neither verifies as the other. */
  private signingKey(): Uint8Array {
    return (this.key ??= new TextEncoder().encode(this.identity.mac('oauth_access_token', 'hs256')));
  }
  private now() {
    return this.ctx.clock.now();
  }

  // ---------- clients ----------

  /** RFC 7591 registration: `meta` is already shaped (src/api/oauth.ts); the rules here. */
  registerClient(meta: ClientMetadata): Record<string, unknown> {
    if (!meta.redirect_uris.length) throw oauthError('invalid_redirect_uri', 'redirect_uris needs at least one URI');
    for (const r of meta.redirect_uris) {
      const bad = checkRedirectUri(r);
      if (bad) throw oauthError('invalid_redirect_uri', `redirect_uris: ${bad}`);
    }
    const method = meta.token_endpoint_auth_method ?? 'client_secret_basic';
    if (!['none', 'client_secret_basic', 'client_secret_post'].includes(method)) {
      throw oauthError('invalid_client_metadata', `token_endpoint_auth_method '${method}' is not supported: use none (public client with PKCE), client_secret_basic or client_secret_post`);
    }
    for (const g of meta.grant_types ?? ['authorization_code']) {
      if (!['authorization_code', 'refresh_token'].includes(g)) throw oauthError('invalid_client_metadata', `grant_types: '${g}' is not supported (authorization_code, refresh_token)`);
    }
    for (const r of meta.response_types ?? ['code']) {
      if (r !== 'code') throw oauthError('invalid_client_metadata', `response_types: '${r}' is not supported (code)`);
    }
    const clientId = uuid();
    const secret = method === 'none' ? undefined : randomToken('vxcs', 40);
    const issuedAt = Math.floor(this.now() / 1000);
    const out = { ...meta, token_endpoint_auth_method: method, grant_types: meta.grant_types ?? ['authorization_code', 'refresh_token'], response_types: ['code'], client_id: clientId, client_id_issued_at: issuedAt, ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}) };
    const name = (meta.client_name ?? '').trim().slice(0, 100) || new URL(meta.redirect_uris[0]).host || 'unnamed client';
    writeTx(this.ctx.db, () => this.ctx.db.prepare('INSERT INTO oauth_clients (client_id, secret_hash, name, redirect_uris, metadata, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(clientId, secret ? sha256(secret) : null, name, JSON.stringify(meta.redirect_uris), JSON.stringify({ ...out, client_secret: undefined }), this.now()));
    return out;
  }

  client(clientId: string): { id: string; name: string; redirectUris: string[]; confidential: boolean; storedAt: number } | null {
    const r = this.ctx.db.prepare('SELECT * FROM oauth_clients WHERE client_id = ?').get(clientId) as ClientRow | undefined;
    return r ? { id: r.client_id, name: r.name, redirectUris: JSON.parse(r.redirect_uris) as string[], confidential: r.secret_hash !== null, storedAt: r.created_at } : null;
  }

  /**
   * A Client ID Metadata Document (its URL is the client_id) as fetched by src/api/oauth.ts: a
   * public client (PKCE, no secret); stored again on every fetch, so a changed document applies.
   */
  storeMetadataClient(url: string, meta: ClientMetadata) {
    if (meta.client_id !== url) throw oauthError('invalid_client', `the client metadata document at ${url} names client_id '${String(meta.client_id)}', not its own URL`);
    if ((meta.token_endpoint_auth_method ?? 'none') !== 'none') throw oauthError('invalid_client', `the client metadata document at ${url}: token_endpoint_auth_method must be none (a public client with PKCE)`);
    for (const r of meta.redirect_uris) {
      const bad = checkRedirectUri(r);
      if (bad) throw oauthError('invalid_client', `the client metadata document at ${url}: redirect_uris: ${bad}`);
    }
    const name = (meta.client_name ?? '').trim().slice(0, 100) || new URL(url).host;
    writeTx(this.ctx.db, () => this.ctx.db.prepare(`INSERT INTO oauth_clients (client_id, secret_hash, name, redirect_uris, metadata, created_at) VALUES (?, NULL, ?, ?, ?, ?)
      ON CONFLICT (client_id) DO UPDATE SET name = excluded.name, redirect_uris = excluded.redirect_uris, metadata = excluded.metadata, created_at = excluded.created_at`)
      .run(url, name, JSON.stringify(meta.redirect_uris), JSON.stringify(meta), this.now()));
  }

  /** The token endpoint's client authentication: a public client sends its id, a confidential one its secret too. */
  authenticateClient(clientId: string | undefined, secret: string | undefined): string {
    const r = clientId ? this.ctx.db.prepare('SELECT * FROM oauth_clients WHERE client_id = ?').get(clientId) as ClientRow | undefined : undefined;
    if (!r) throw oauthError('invalid_client', 'unknown client_id: register first (POST /oauth/register)', 401);
    if (r.secret_hash !== null && !(secret && same(sha256(secret), r.secret_hash))) throw oauthError('invalid_client', 'client authentication failed (client_secret)', 401);
    return r.client_id;
  }

  // ---------- the owner's consent ----------

  /** The policy a connection of `agentId` starts from: the agent's own. */
  agentPolicy(agentId: string): ConnectionPolicy {
    const p = effectivePolicy(this.ctx, agentId);
    return { monthlyCapCents: p.monthlyCapCents, confirmAboveCents: p.confirmAboveCents };
  }

  /** The owner consented: a grant and its one-time code. The connection's policy is never above the agent's. */
  consent(o: { clientId: string; ownerId: string; agentId: string; resource: string; redirectUri: string; codeChallenge: string; policy: ConnectionPolicy }): string {
    const code = randomToken('vxoc', 32);
    writeTx(this.ctx.db, () => {
      const a = this.ctx.db.prepare('SELECT owner_id, status FROM agents WHERE id = ?').get(o.agentId) as { owner_id: string; status: string } | undefined;
      if (!a || a.owner_id !== o.ownerId) throw new VoxError('not_found', `agent '${o.agentId}' is not one of your agents`, 404, { field: 'agent_id' });
      if (a.status !== 'active') throw new VoxError('agent_not_active', `agent '${o.agentId}' is '${a.status}': activate it first`, 409, { field: 'agent_id' });
      const own = this.agentPolicy(o.agentId);
      const eur = (c: number) => (c / 100).toFixed(2);
      if (own.monthlyCapCents !== null && (o.policy.monthlyCapCents === null || o.policy.monthlyCapCents > own.monthlyCapCents)) {
        throw new VoxError('validation_error', `monthly_cap: at most the agent's own monthly cap, ${eur(own.monthlyCapCents)} EUR (raise the agent's cap on the dashboard first)`, 400, { field: 'monthly_cap' });
      }
      if (o.policy.confirmAboveCents > own.confirmAboveCents) {
        throw new VoxError('validation_error', `confirm_above: at most the agent's own, ${eur(own.confirmAboveCents)} EUR`, 400, { field: 'confirm_above' });
      }
      const grantId = uuid();
      this.ctx.db.prepare('INSERT INTO oauth_grants (id, client_id, owner_id, agent_id, resource, monthly_cap_cents, confirm_above_cents, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(grantId, o.clientId, o.ownerId, o.agentId, o.resource, o.policy.monthlyCapCents, o.policy.confirmAboveCents, this.now());
      this.ctx.db.prepare('INSERT INTO oauth_codes (hash, grant_id, redirect_uri, code_challenge, expires_at) VALUES (?, ?, ?, ?, ?)')
        .run(sha256(code), grantId, o.redirectUri, o.codeChallenge, this.now() + OAUTH_LIMITS.code_ttl_ms);
    });
    return code;
  }

  // ---------- the token endpoint ----------

  /** authorization_code: one use; client, redirect URI, PKCE verifier and resource must match. */
  async exchangeCode(o: { clientId: string; code: string; redirectUri?: string; codeVerifier?: string; resource?: string; issuer: string }): Promise<OAuthTokens> {
    if (!o.codeVerifier || !/^[A-Za-z0-9\-._~]{43,128}$/.test(o.codeVerifier)) throw oauthError('invalid_request', 'code_verifier is required (PKCE S256, 43-128 characters)');
    const refresh = randomToken('vxrt', 40);
    const grant = this.commitThen(() => {
      const c = this.ctx.db.prepare('SELECT * FROM oauth_codes WHERE hash = ?').get(sha256(o.code)) as { grant_id: string; redirect_uri: string; code_challenge: string; expires_at: number; used_at: number | null } | undefined;
      if (!c) return oauthError('invalid_grant', 'unknown authorization code');
      const g = this.grantRow(c.grant_id);
      if (c.used_at !== null) {
        this.revokeRow(g);
        return Object.assign(oauthError('invalid_grant', 'this authorization code was already used: the connection it created is revoked'), { revokedOwner: g.owner_id });
      }
      this.ctx.db.prepare('UPDATE oauth_codes SET used_at = ? WHERE hash = ?').run(this.now(), sha256(o.code));
      if (g.client_id !== o.clientId) return oauthError('invalid_grant', 'this authorization code was issued to another client');
      if (g.revoked_at !== null) return oauthError('invalid_grant', 'this connection was revoked');
      if (c.expires_at <= this.now()) return oauthError('invalid_grant', 'the authorization code has expired: authorize again');
      if (o.redirectUri !== c.redirect_uri) return oauthError('invalid_grant', 'redirect_uri differs from the one of the authorization request');
      if (!same(s256(o.codeVerifier!), c.code_challenge)) return oauthError('invalid_grant', 'code_verifier does not match the code_challenge (PKCE S256)');
      if (o.resource !== undefined && !sameResource(o.resource, g.resource)) return oauthError('invalid_target', `resource must be ${g.resource}, the one consented to`);
      this.storeRefresh(refresh, g.id);
      return g;
    });
    return this.tokens(grant, refresh, o.issuer);
  }

  /** refresh_token: rotation; a refresh token used twice revokes its grant. */
  async refresh(o: { clientId: string; refreshToken: string; resource?: string; issuer: string }): Promise<OAuthTokens> {
    const next = randomToken('vxrt', 40);
    const grant = this.commitThen(() => {
      const r = this.ctx.db.prepare('SELECT * FROM oauth_refresh_tokens WHERE hash = ?').get(sha256(o.refreshToken)) as { grant_id: string; expires_at: number; used_at: number | null } | undefined;
      if (!r) return oauthError('invalid_grant', 'unknown refresh token');
      const g = this.grantRow(r.grant_id);
      if (g.client_id !== o.clientId) return oauthError('invalid_grant', 'this refresh token was issued to another client');
      if (r.used_at !== null) {
        this.revokeRow(g);
        return Object.assign(oauthError('invalid_grant', 'this refresh token was already used: the connection is revoked, authorize again'), { revokedOwner: g.owner_id });
      }
      if (g.revoked_at !== null) return oauthError('invalid_grant', 'this connection was revoked by its owner: authorize again');
      if (r.expires_at <= this.now()) return oauthError('invalid_grant', 'the refresh token has expired: authorize again');
      if (o.resource !== undefined && !sameResource(o.resource, g.resource)) return oauthError('invalid_target', `resource must be ${g.resource}, the one consented to`);
      this.ctx.db.prepare('UPDATE oauth_refresh_tokens SET used_at = ? WHERE hash = ?').run(this.now(), sha256(o.refreshToken));
      this.storeRefresh(next, g.id);
      return g;
    });
    return this.tokens(grant, next, o.issuer);
  }

  private storeRefresh(refresh: string, grantId: string) {
    this.ctx.db.prepare('INSERT INTO oauth_refresh_tokens (hash, grant_id, expires_at) VALUES (?, ?, ?)').run(sha256(refresh), grantId, this.now() + OAUTH_LIMITS.refresh_token_ttl_ms);
  }

  private async tokens(g: GrantRow, refresh: string, issuer: string): Promise<OAuthTokens> {
    const { SignJWT } = await import('jose');
    const iat = Math.floor(this.now() / 1000);
    const access = await new SignJWT({ client_id: g.client_id, gid: g.id, scope: SCOPE })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(issuer).setAudience(g.resource).setSubject(g.agent_id)
      .setIssuedAt(iat).setExpirationTime(iat + OAUTH_LIMITS.access_token_ttl_s).setJti(uuid())
      .sign(this.signingKey());
    return { access_token: access, token_type: 'Bearer', expires_in: OAUTH_LIMITS.access_token_ttl_s, refresh_token: refresh, scope: SCOPE };
  }

  // ---------- the protected resource ----------

  /** Is `credential` one of our access tokens (a JWT with `typ: at+jwt`)? Decides which verifier answers. */
  static async isAccessToken(credential: string): Promise<boolean> {
    if (credential.split('.').length !== 3) return false;
    const { decodeProtectedHeader } = await import('jose');
    try {
      return decodeProtectedHeader(credential).typ === 'at+jwt';
    } catch {
      return false;
    }
  }

  /** An access token → the agent it acts as. Forged, expired, for another resource, revoked: 401 with the reason. */
  async verifyAccessToken(token: string, resource?: string): Promise<AccessGrant> {
    const { jwtVerify, errors } = await import('jose');
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.signingKey(), {
        algorithms: ['HS256'], typ: 'at+jwt', currentDate: new Date(this.now()), requiredClaims: ['exp', 'sub', 'aud', 'iss'],
      }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new VoxError('token_expired', 'the OAuth access token has expired: refresh it at the token endpoint', 401);
      throw new VoxError('invalid_token', `the bearer token is not a valid access token of this server (${e instanceof errors.JOSEError ? e.code : 'malformed'})`, 401);
    }
    const aud = [payload.aud].flat().map(String);
    if (resource !== undefined && !aud.some((a) => sameResource(a, resource))) {
      throw new VoxError('invalid_token', `this access token is for ${aud.join(', ')}, not for ${resource} (RFC 8707 audience)`, 401);
    }
    const g = this.ctx.db.prepare('SELECT * FROM oauth_grants WHERE id = ?').get(String(payload.gid)) as GrantRow | undefined;
    if (!g || g.agent_id !== payload.sub || g.client_id !== payload.client_id) throw new VoxError('invalid_token', 'this access token names no connection of this server', 401);
    if (g.revoked_at !== null) throw new VoxError('token_revoked', 'this connection was revoked by its owner: authorize again', 401);
    const a = this.ctx.db.prepare('SELECT owner_id, status FROM agents WHERE id = ?').get(g.agent_id) as { owner_id: string; status: string } | undefined;
    if (!a || a.status !== 'active' || a.owner_id !== g.owner_id) throw new VoxError('token_revoked', 'the agent of this connection is no longer active or no longer the consenting owner\'s', 401);
    if (g.last_used_at === null || this.now() - g.last_used_at >= OAUTH_LIMITS.last_used_every_ms) {
      writeTx(this.ctx.db, () => this.ctx.db.prepare('UPDATE oauth_grants SET last_used_at = ? WHERE id = ?').run(this.now(), g.id));
    }
    return { agentId: g.agent_id, ownerId: g.owner_id, grantId: g.id, clientId: g.client_id, expiresAtMs: Number(payload.exp) * 1000, policy: { monthlyCapCents: g.monthly_cap_cents, confirmAboveCents: g.confirm_above_cents } };
  }

  // ---------- the owner's list and revocation ----------

  connections(ownerId: string) {
    return readTx(this.ctx.db, () => (this.ctx.db.prepare(`SELECT g.*, c.name AS client_name, a.name AS agent_name FROM oauth_grants g
      JOIN oauth_clients c ON c.client_id = g.client_id LEFT JOIN agents a ON a.id = g.agent_id
      WHERE g.owner_id = ? AND g.revoked_at IS NULL ORDER BY g.created_at DESC, g.rowid DESC`).all(ownerId) as (GrantRow & { client_name: string; agent_name: string | null })[])
      .map((g) => ({
        id: g.id, client_name: g.client_name, agent_id: g.agent_id, agent_name: g.agent_name ?? g.agent_id,
        monthly_cap_cents: g.monthly_cap_cents, confirm_above_cents: g.confirm_above_cents,
        created_at: iso(g.created_at), last_used_at: g.last_used_at === null ? null : iso(g.last_used_at),
      })));
  }

  /** The owner revokes a connection: its tokens stop now, and its open MCP sessions end (Identity.onRevoked). */
  revoke(ownerId: string, grantId: string) {
    writeTx(this.ctx.db, () => {
      const g = this.ctx.db.prepare('SELECT * FROM oauth_grants WHERE id = ? AND owner_id = ?').get(grantId, ownerId) as GrantRow | undefined;
      if (!g) throw new VoxError('not_found', `no connection '${grantId}' of yours`, 404, { field: 'grant_id' });
      this.ctx.db.prepare('UPDATE oauth_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.now(), g.id);
    });
    this.identity.revoked({ ownerId });
  }

  /** RFC 7009 revocation by the client: a refresh token ends its grant; an access token too. Unknown tokens: nothing (200). */
  async revokeToken(clientId: string, token: string) {
    let grantId: string | undefined = (this.ctx.db.prepare('SELECT grant_id FROM oauth_refresh_tokens WHERE hash = ?').get(sha256(token)) as { grant_id: string } | undefined)?.grant_id;
    if (!grantId && (await OAuthStore.isAccessToken(token))) grantId = await this.verifyAccessToken(token).then((g) => g.grantId, () => undefined);
    const g = grantId ? this.grantRow(grantId) : undefined;
    if (!g || g.client_id !== clientId) return;
    writeTx(this.ctx.db, () => this.revokeRow(g));
    this.identity.revoked({ ownerId: g.owner_id });
  }

  private grantRow(id: string): GrantRow {
    return this.ctx.db.prepare('SELECT * FROM oauth_grants WHERE id = ?').get(id) as GrantRow;
  }
  private revokeRow(g: GrantRow) {
    this.ctx.db.prepare('UPDATE oauth_grants SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.now(), g.id);
  }
  /**
   * A token-endpoint transaction whose effects stay even when it refuses (a code is spent by a
   * failed attempt too; a replay revokes the grant): `fn` returns its refusal instead of throwing.
   */
  private commitThen(fn: () => GrantRow | VoxError): GrantRow {
    const r = writeTx(this.ctx.db, fn);
    if (r instanceof VoxError) {
      const owner = (r as { revokedOwner?: string }).revokedOwner;
      if (owner) this.identity.revoked({ ownerId: owner }); // its open sessions end now
      throw r;
    }
    return r;
  }
}

const stores = new WeakMap<Ctx, OAuthStore>();
/** The engine's OAuth store (one per engine context). */
export function oauthOf(ctx: Ctx): OAuthStore {
  let s = stores.get(ctx);
  if (!s) stores.set(ctx, (s = new OAuthStore(ctx)));
  return s;
}
