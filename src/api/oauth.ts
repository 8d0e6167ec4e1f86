/**
 * OAuth 2.1 on the HTTP server (docs/oauth.md): /mcp is a protected resource (RFC 9728 metadata,
 * built with the MCP SDK's buildOAuthProtectedResourceMetadata / oauthMetadataResponse) and this
 * server is its own authorization server: RFC 8414 metadata, dynamic client registration (RFC
 * 7591, the request checked with the SDK's OAuthClientMetadataSchema), the token endpoint
 * (authorization_code with PKCE S256, refresh_token with rotation, RFC 8707 resource) and token
 * revocation (RFC 7009). The authorize step is the owner's login and consent: src/web/oauth.ts.
 * The rules and the storage: src/engine/oauth.ts.
 */
import type { Context, Hono } from 'hono';
import { buildOAuthProtectedResourceMetadata, getOAuthProtectedResourceMetadataUrl, oauthMetadataResponse } from '@modelcontextprotocol/server';
import { OAuthClientMetadataSchema } from '@modelcontextprotocol/core';
import type { Config } from '../config.js';
import type { Engine } from '../engine/index.js';
import { OAUTH_LIMITS, SCOPE, oauthError, oauthOf } from '../engine/oauth.js';
import { loadUndici, pinnedAgent, SsrfError, vetUrl } from '../webhooks/ssrf.js';
import { webhookOptions } from '../webhooks/options.js';
import { VoxError } from '../errors.js';
import { readText } from './body.js';
import { type RateLimiter, type RateRule, clientIp, rateLimited } from './ratelimit.js';

const FORM_MAX_BYTES = 64 * 1024;
/** ours, per client address: registrations are stored, so few; token requests (refresh every hour per connection) more. */
const OAUTH_RATE_LIMITS: Record<string, RateRule> = {
  'POST /oauth/register': { limit: 20, window_s: 3600, source: 'ours' },
  'POST /oauth/token': { limit: 120, window_s: 3600, source: 'ours' },
};
export const OAUTH_PATHS = { authorize: '/oauth/authorize', token: '/oauth/token', register: '/oauth/register', revoke: '/oauth/revoke' } as const;

/** This server's public origin: the request's (behind a trusted proxy, its X-Forwarded-Proto/Host). */
export function publicOrigin(c: Context, config: Config): string {
  const u = new URL(c.req.url);
  if (config.trustProxy) {
    const proto = c.req.header('X-Forwarded-Proto')?.split(',')[0].trim();
    const host = c.req.header('X-Forwarded-Host')?.split(',')[0].trim();
    return `${proto || u.protocol.replace(':', '')}://${host || u.host}`;
  }
  return u.origin;
}
/** The resource indicator (RFC 8707) of this server: its /mcp URL; tokens carry it as `aud`. */
export const resourceUrl = (c: Context, config: Config) => `${publicOrigin(c, config)}/mcp`;
/** The `resource_metadata` URL of the 401 challenge on /mcp (RFC 9728 §5.1). */
export const resourceMetadataUrl = (c: Context, config: Config) => getOAuthProtectedResourceMetadataUrl(new URL(resourceUrl(c, config)));

function metadataOptions(c: Context, config: Config) {
  const issuer = publicOrigin(c, config);
  const u = new URL(issuer);
  return {
    resourceServerUrl: new URL(resourceUrl(c, config)),
    resourceName: 'VoxPact marketplace (voxpact-mcp)',
    scopesSupported: [SCOPE],
    // http is for loopback development only; anything else must be https.
    dangerouslyAllowInsecureIssuerUrl: u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname),
    oauthMetadata: {
      issuer,
      authorization_endpoint: issuer + OAUTH_PATHS.authorize,
      token_endpoint: issuer + OAUTH_PATHS.token,
      registration_endpoint: issuer + OAUTH_PATHS.register,
      revocation_endpoint: issuer + OAUTH_PATHS.revoke,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code', 'refresh_token'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      revocation_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post'],
      scopes_supported: [SCOPE],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
      service_documentation: 'https://github.com/voxpact/voxpact-mcp/blob/main/docs/oauth.md',
    },
  };
}

/** A client_id that is a Client ID Metadata Document's URL: https with a path (loopback http only where webhooks may use it: tests). */
export function isMetadataClientId(clientId: string): boolean {
  try {
    const u = new URL(clientId);
    return (u.protocol === 'https:' || (u.protocol === 'http:' && webhookOptions().allowLoopback)) && u.pathname !== '/';
  } catch {
    return false;
  }
}

/**
 * Make a URL client_id known: fetch its Client ID Metadata Document (the MCP spec's way for a
 * client to register without registering) unless fetched within a day, and store it. The fetch
 * goes through the webhooks' SSRF rules (public addresses only, pinned, no redirects, small, 5 s).
 */
export async function resolveMetadataClient(engine: Engine, clientId: string): Promise<void> {
  const store = oauthOf(engine.ctx);
  const known = store.client(clientId);
  if (known && engine.clock.now() - known.storedAt < OAUTH_LIMITS.client_metadata_ttl_ms) return;
  let doc: unknown;
  try {
    const target = await vetUrl(clientId, { allowLoopback: webhookOptions().allowLoopback });
    const dispatcher = pinnedAgent(target.addresses, 5_000);
    try {
      const res = await loadUndici().request(target.url, { method: 'GET', headers: { accept: 'application/json' }, dispatcher, signal: AbortSignal.timeout(5_000) });
      if (res.statusCode !== 200) {
        await res.body.dump().catch(() => {});
        throw oauthError('invalid_client', `the client metadata document at ${clientId} answered HTTP ${res.statusCode}`);
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > OAUTH_LIMITS.client_metadata_max_bytes) throw oauthError('invalid_client', `the client metadata document at ${clientId} is larger than ${OAUTH_LIMITS.client_metadata_max_bytes} bytes`);
        chunks.push(chunk as Buffer);
      }
      doc = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } finally {
      dispatcher.destroy().catch(() => {});
    }
  } catch (e) {
    if (e instanceof VoxError) throw e;
    throw oauthError('invalid_client', `the client metadata document at ${clientId} could not be fetched (${e instanceof SsrfError ? e.message : e instanceof SyntaxError ? 'not JSON' : (e as Error).message})`);
  }
  const parsed = OAuthClientMetadataSchema.safeParse(doc);
  if (!parsed.success) throw oauthError('invalid_client', `the client metadata document at ${clientId}: ${parsed.error.issues[0]?.path.join('.') || 'body'}: ${parsed.error.issues[0]?.message}`);
  store.storeMetadataClient(clientId, { ...(doc as object), ...parsed.data } as Parameters<typeof store.storeMetadataClient>[1]);
}

/** An OAuth error answer (RFC 6749 §5.2): `{ error, error_description }`, never cached. */
export function oauthErrorResponse(e: unknown): Response {
  const err = e instanceof VoxError ? e : oauthError('server_error', 'the authorization server failed (logged)', 500);
  if (!(e instanceof VoxError)) console.error(e);
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (err.code === 'invalid_client' && err.status === 401) headers['WWW-Authenticate'] = 'Basic realm="voxpact-oauth"';
  if (err.details.retry_after_s !== undefined) headers['Retry-After'] = String(err.details.retry_after_s);
  return new Response(JSON.stringify({ error: err.code, error_description: err.message }), { status: err.status, headers });
}
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', Pragma: 'no-cache' } });

/** The form fields of a token or revocation request (application/x-www-form-urlencoded). */
async function formOf(c: Context): Promise<Record<string, string>> {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') throw oauthError('invalid_request', 'the body must be application/x-www-form-urlencoded (RFC 6749 §3.2)');
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(await readText(c.req.raw, FORM_MAX_BYTES))) {
    if (k in out) throw oauthError('invalid_request', `parameter '${k}' is repeated`);
    out[k] = v;
  }
  return out;
}

/** The client of a token-endpoint request: HTTP Basic, or client_id (+ client_secret) in the form. */
function clientOf(engine: Engine, c: Context, f: Record<string, string>): string {
  const basic = /^Basic\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '');
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':').map((s) => decodeURIComponent(s));
    if (f.client_id && f.client_id !== id) throw oauthError('invalid_request', 'client_id in the body differs from the Basic credentials');
    return oauthOf(engine.ctx).authenticateClient(id, secret);
  }
  return oauthOf(engine.ctx).authenticateClient(f.client_id, f.client_secret);
}

export function oauthRoutes(app: Hono, engine: Engine, config: Config, limiter: RateLimiter | null) {
  const store = () => oauthOf(engine.ctx);
  const limit = (c: Context, route: keyof typeof OAUTH_RATE_LIMITS) => {
    const v = limiter?.hit(`${route}|ip:${clientIp(c, config)}`, OAUTH_RATE_LIMITS[route]);
    if (v && !v.allowed) throw rateLimited(v, route);
  };

  // RFC 9728 (at the path-aware URL and at the root) and RFC 8414 discovery documents.
  const metadata = (c: Context) => oauthMetadataResponse(c.req.raw, metadataOptions(c, config)) ?? oauthErrorResponse(oauthError('not_found', 'no such metadata document', 404));
  app.on(['GET', 'OPTIONS'], '/.well-known/oauth-protected-resource/mcp', metadata);
  app.on(['GET', 'OPTIONS'], '/.well-known/oauth-authorization-server', metadata);
  app.get('/.well-known/oauth-protected-resource', (c) => {
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(buildOAuthProtectedResourceMetadata(metadataOptions(c, config)));
  });

  app.post(OAUTH_PATHS.register, async (c) => {
    try {
      limit(c, 'POST /oauth/register');
      let raw: unknown;
      try {
        raw = JSON.parse(await readText(c.req.raw, FORM_MAX_BYTES));
      } catch (e) {
        if (e instanceof VoxError) throw e;
        throw oauthError('invalid_client_metadata', 'the body must be a JSON object of client metadata (RFC 7591 §2)');
      }
      const parsed = OAuthClientMetadataSchema.safeParse(raw);
      if (!parsed.success) {
        const i = parsed.error.issues[0];
        throw oauthError(i?.path[0] === 'redirect_uris' ? 'invalid_redirect_uri' : 'invalid_client_metadata', `${i?.path.join('.') || 'body'}: ${i?.message ?? 'invalid'}`);
      }
      return json(store().registerClient({ ...(raw as object), ...parsed.data } as Parameters<ReturnType<typeof store>['registerClient']>[0]), 201);
    } catch (e) {
      return oauthErrorResponse(e);
    }
  });

  app.post(OAUTH_PATHS.token, async (c) => {
    try {
      limit(c, 'POST /oauth/token');
      const f = await formOf(c);
      const clientId = clientOf(engine, c, f);
      const issuer = publicOrigin(c, config);
      if (f.grant_type === 'authorization_code') {
        if (!f.code) throw oauthError('invalid_request', 'code is required');
        return json(await store().exchangeCode({ clientId, code: f.code, redirectUri: f.redirect_uri, codeVerifier: f.code_verifier, resource: f.resource, issuer }));
      }
      if (f.grant_type === 'refresh_token') {
        if (!f.refresh_token) throw oauthError('invalid_request', 'refresh_token is required');
        return json(await store().refresh({ clientId, refreshToken: f.refresh_token, resource: f.resource, issuer }));
      }
      throw oauthError('unsupported_grant_type', `grant_type '${f.grant_type ?? ''}' is not supported: use authorization_code or refresh_token`);
    } catch (e) {
      return oauthErrorResponse(e);
    }
  });

  app.post(OAUTH_PATHS.revoke, async (c) => {
    try {
      const f = await formOf(c);
      const clientId = clientOf(engine, c, f);
      if (!f.token) throw oauthError('invalid_request', 'token is required');
      await store().revokeToken(clientId, f.token);
      return json({});
    } catch (e) {
      return oauthErrorResponse(e);
    }
  });
}
