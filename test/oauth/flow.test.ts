/**
 * OAuth 2.1 end to end (docs/oauth.md): the MCP SDK v2's own OAuth client (OAuthClientProvider on
 * StreamableHTTPClientTransport) against the real app on a socket, the owner's login and consent
 * in headless Chromium: a 401 with resource_metadata → discovery (RFC 9728, RFC 8414) →
 * dynamic registration → authorize (login by code, consent) → code + PKCE → token → a tool call
 * as the granted agent → refresh when the access token expired (rotation) → the owner revokes the
 * app on "Connected apps" → the next call is 401. Then the refusals, over plain HTTP: a wrong
 * PKCE verifier, a replayed code (its connection dies), a replayed refresh token (likewise), a
 * tampered, expired or wrong-audience access token, an unregistered redirect URI.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Client, StreamableHTTPClientTransport, UnauthorizedError, type OAuthClientProvider } from '@modelcontextprotocol/client';
import { SignJWT } from 'jose';
import { type Agent, type Harness, startServer } from '../api/helpers.js';
import { hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';
import { eraOptions } from '../helpers/era.js';
import { configureWebhooks } from '../../src/webhooks/options.js';

warnIfNoChromium('test/oauth');
const CALLBACK = 'http://127.0.0.1:58231/callback'; // never reached: the browser's request to it is intercepted
const HOUR_MS = 3_600_000;
type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An OAuthClientProvider kept in memory, as a desktop client keeps it on disk. */
class MemoryProvider implements OAuthClientProvider {
  client?: Any;
  saved?: Any;
  verifier = '';
  authorizationUrl?: URL;
  get redirectUrl() {
    return CALLBACK;
  }
  get clientMetadata() {
    return { client_name: 'Test MCP Client', redirect_uris: [CALLBACK], grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'none' };
  }
  clientInformation() {
    return this.client;
  }
  saveClientInformation(c: Any) {
    this.client = c;
  }
  tokens() {
    return this.saved;
  }
  saveTokens(t: Any) {
    this.saved = t;
  }
  redirectToAuthorization(url: URL) {
    this.authorizationUrl = url;
  }
  saveCodeVerifier(v: string) {
    this.verifier = v;
  }
  codeVerifier() {
    return this.verifier;
  }
}

describe.skipIf(!hasChromium)('OAuth 2.1 with the owner consenting in Chromium', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  let owner: Agent;

  /** Open `url` (an authorize URL) in the browser, log in by code when asked, consent; the code (or error) the client gets back. */
  /** Open `url`; when the login page comes instead, log in by email + code (then the page comes back or the dashboard). */
  async function gotoAsOwner(url: string) {
    await page.goto(url);
    if (new URL(page.url()).pathname !== '/login') return;
    await page.getByLabel('Owner email').fill(owner.email);
    await page.getByRole('button', { name: /sign-in link/ }).click();
    await page.getByLabel('6-digit code').waitFor();
    const code = /enter this code: (\d{6})/.exec(h.lastMail(owner.email)!.body)![1];
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((u) => u.pathname !== '/login/verify' && u.pathname !== '/login');
    if (!url.includes('/oauth/authorize')) await page.goto(url);
  }

  async function consentInBrowser(url: string, o: { monthlyCap?: string; confirmAbove?: string; decision?: 'Allow' | 'Deny' } = {}): Promise<URL> {
    await gotoAsOwner(url);
    await page.getByTestId('client-name').waitFor();
    if (o.monthlyCap !== undefined) await page.getByLabel(/Monthly cap for this app/).fill(o.monthlyCap);
    if (o.confirmAbove !== undefined) await page.getByLabel(/Ask me for charges above/).fill(o.confirmAbove);
    await page.getByRole('button', { name: o.decision ?? 'Allow' }).click();
    await page.waitForURL((u) => u.toString().startsWith(CALLBACK));
    return new URL(page.url());
  }

  const form = (body: Record<string, string>) => fetch(`${h.base}/oauth/token`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
  const mcpCall = (token: string) => fetch(`${h.base}/mcp`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 't', version: '1' } } }),
  });

  beforeAll(async () => {
    h = await startServer();
    owner = await h.agent('oauth-owner');
    ({ ctx, page, close: closeBrowser } = await launchChromium());
    // The client's redirect URI: the browser lands there, the test reads the code from the URL.
    await page.route(`${CALLBACK}**`, (r) => r.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the client' }));
  });
  afterAll(async () => {
    await closeBrowser?.();
    await h?.close();
  });

  it('discovers, registers, logs the owner in, gets consent, calls a tool as the agent, refreshes, and stops at the revocation', async () => {
    // Without credentials, a tool that needs an agent is a 401 that points at the metadata (RFC 9728 §5.1).
    const raw = await fetch(`${h.base}/mcp`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'get_my_agent', arguments: {} } }),
    });
    expect(raw.status).toBe(401);
    expect(raw.headers.get('www-authenticate')).toContain(`resource_metadata="${h.base}/.well-known/oauth-protected-resource/mcp"`);
    const prm = await (await fetch(`${h.base}/.well-known/oauth-protected-resource/mcp`)).json();
    expect(prm).toMatchObject({ resource: `${h.base}/mcp`, authorization_servers: [h.base] });
    expect((await (await fetch(`${h.base}/.well-known/oauth-protected-resource`)).json()).resource).toBe(`${h.base}/mcp`);
    const asm = await (await fetch(`${h.base}/.well-known/oauth-authorization-server`)).json();
    expect(asm).toMatchObject({ issuer: h.base, code_challenge_methods_supported: ['S256'], registration_endpoint: `${h.base}/oauth/register` });

    // The SDK's client: its first agent call is refused, it discovers, registers and asks to authorize.
    const provider = new MemoryProvider();
    const url = new URL(`${h.base}/mcp`);
    let transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    let client = new Client({ name: 'oauth-test', version: '1.0.0' }, eraOptions());
    await client.connect(transport).catch((e) => {
      if (!(e instanceof UnauthorizedError)) throw e;
    });
    if (!provider.authorizationUrl) await client.callTool({ name: 'get_my_agent', arguments: {} }).then(() => expect.unreachable('an agent tool ran without credentials'), (e) => expect(e).toBeInstanceOf(UnauthorizedError));
    expect(provider.client?.client_id).toBeTruthy(); // dynamic registration
    const authz = provider.authorizationUrl!;
    expect(authz.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authz.searchParams.get('resource')).toBe(`${h.base}/mcp`);

    // The owner logs in and consents in the browser, with a monthly cap for this app of 50 EUR.
    const back = await consentInBrowser(authz.toString(), { monthlyCap: '50' });
    expect(back.searchParams.get('iss')).toBe(h.base);
    expect(back.searchParams.get('state')).toBe(authz.searchParams.get('state'));
    await transport.finishAuth(back.searchParams); // code + iss (RFC 9207)
    const first = provider.saved;
    expect(first).toMatchObject({ token_type: 'Bearer', scope: 'mcp' });
    await client.close().catch(() => {});

    // Connected: the tool runs as the granted agent.
    transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    client = new Client({ name: 'oauth-test', version: '1.0.0' }, eraOptions());
    await client.connect(transport);
    const me = await client.callTool({ name: 'get_my_agent', arguments: {} });
    expect(me.isError).toBeFalsy();
    expect(JSON.stringify(me.structuredContent ?? me.content)).toContain(owner.id);

    // The owner's list shows it; the grant's policy is the one chosen.
    await page.goto(`${h.base}/connections`);
    expect(await page.getByTestId('connection-client').textContent()).toBe('Test MCP Client');
    expect(await page.locator('tr[data-connection]').textContent()).toContain('cap 50.00 EUR');

    // An hour later the access token has expired: the client refreshes (rotation) and carries on.
    h.clock.advance(HOUR_MS + 1000);
    await client.close().catch(() => {});
    transport = new StreamableHTTPClientTransport(url, { authProvider: provider });
    client = new Client({ name: 'oauth-test', version: '1.0.0' }, eraOptions());
    await client.connect(transport);
    const again = await client.callTool({ name: 'get_my_agent', arguments: {} });
    expect(again.isError).toBeFalsy();
    expect(provider.saved.refresh_token).not.toBe(first.refresh_token);
    expect(provider.saved.access_token).not.toBe(first.access_token);

    // The owner revokes it on the dashboard (their web login expired with the hour: again by code): the next call is 401.
    await gotoAsOwner(`${h.base}/connections`);
    await page.getByRole('button', { name: 'Revoke Test MCP Client' }).click();
    await page.getByTestId('no-connections').waitFor();
    await expect(client.callTool({ name: 'get_my_agent', arguments: {} })).rejects.toThrow(); // its open connection ended too
    const after = await mcpCall(provider.saved.access_token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toContain('resource_metadata=');
    expect((await form({ grant_type: 'refresh_token', refresh_token: provider.saved.refresh_token, client_id: provider.client.client_id })).status).toBe(400);
    await client.close().catch(() => {});
  });

  describe('refusals', () => {
    let clientId: string;
    const pkce = () => {
      const verifier = randomBytes(32).toString('base64url');
      return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
    };
    const authorizeUrl = (challenge: string, extra: Record<string, string> = {}) => `${h.base}/oauth/authorize?${new URLSearchParams({
      response_type: 'code', client_id: clientId, redirect_uri: CALLBACK, code_challenge: challenge, code_challenge_method: 'S256', state: 'st', resource: `${h.base}/mcp`, ...extra,
    })}`;
    /** A fresh connection: its code and verifier. */
    async function codeFor(o: { monthlyCap?: string; confirmAbove?: string } = {}) {
      const p = pkce();
      const back = await consentInBrowser(authorizeUrl(p.challenge), o);
      return { code: back.searchParams.get('code')!, verifier: p.verifier };
    }
    const exchange = (code: string, verifier: string) => form({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: clientId, redirect_uri: CALLBACK, resource: `${h.base}/mcp` });

    beforeAll(async () => {
      const r = await fetch(`${h.base}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_name: 'Raw client', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }) });
      expect(r.status).toBe(201);
      clientId = (await r.json()).client_id;
    });

    it('refuses registration with a bad redirect URI, naming the field', async () => {
      const r = await fetch(`${h.base}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ redirect_uris: ['http://evil.example/cb'] }) });
      expect(r.status).toBe(400);
      expect(await r.json()).toMatchObject({ error: 'invalid_redirect_uri', error_description: expect.stringContaining('redirect_uris') });
    });

    it('limits registrations per address (429 with Retry-After)', async () => {
      const register = () => fetch(`${h.base}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }) });
      let last = await register();
      for (let i = 0; i < 25 && last.status !== 429; i++) last = await register();
      expect(last.status).toBe(429);
      expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await last.json()).error).toBe('rate_limited');
      h.clock.advance(HOUR_MS + 1000); // the later tests register again
    });

    it('shows an unregistered redirect URI to the owner instead of redirecting to it', async () => {
      const r = await fetch(authorizeUrl(pkce().challenge, { redirect_uri: 'https://evil.example/cb' }), { redirect: 'manual' });
      expect(r.status).toBe(400);
      expect(r.headers.get('location')).toBeNull();
    });

    it('spends within the connection\'s policy, below the agent\'s own; key rotation leaves the connection alone', async () => {
      const worker = await h.agent('oauth-worker');
      const job = (amount: number, key: string) => ({ title: `Translate ${key}`, task_spec: { description: 'translate a page' }, amount, job_type: 'direct', worker_agent_id: worker.id, idempotency_key: key });
      const connect = async (token: string) => {
        const c = new Client({ name: 'oauth-policy', version: '1.0.0' }, eraOptions());
        await c.connect(new StreamableHTTPClientTransport(new URL(`${h.base}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }));
        return c;
      };
      const text = (r: Any) => JSON.stringify(r.content);
      // Above this app's confirm-above (10 EUR; the agent's own is 50): the owner is asked, nothing is charged.
      const strict = await codeFor({ confirmAbove: '10' });
      const t1 = await (await exchange(strict.code, strict.verifier)).json();
      const c1 = await connect(t1.access_token);
      const asked = await c1.callTool({ name: 'create_job', arguments: job(20, 'oauth-policy-1') });
      expect(asked.isError).toBe(true);
      expect(text(asked)).toContain('approval_required');
      // The same call with the agent's API key runs: it is the connection that is stricter.
      const byKey = await connect(owner.key);
      const ran = await byKey.callTool({ name: 'create_job', arguments: job(20, 'oauth-policy-2') });
      expect(ran.isError, text(ran)).toBeFalsy();
      // This app's monthly cap (25 EUR) counts the agent's month: 20 are spent, 8 more are refused.
      const capped = await codeFor({ monthlyCap: '25' });
      const t2 = await (await exchange(capped.code, capped.verifier)).json();
      const c2 = await connect(t2.access_token);
      const over = await c2.callTool({ name: 'create_job', arguments: job(8, 'oauth-policy-3') });
      expect(over.isError).toBe(true);
      expect(text(over)).toContain('monthly');
      // Above the agent's own confirm-above is refused at consent, naming the field.
      await gotoAsOwner(authorizeUrl(pkce().challenge));
      await page.getByLabel(/Ask me for charges above/).fill('500');
      await page.getByRole('button', { name: 'Allow' }).click();
      expect(await page.getByRole('alert').textContent()).toContain('confirm_above');
      // Rotating the agent's key does not revoke the app (docs/oauth.md), nor the reverse.
      h.engine.identity.rotateKey(owner.id);
      expect((await mcpCall(t1.access_token)).status).toBe(200);
      for (const c of [c1, byKey, c2]) await c.close().catch(() => {});
    });

    it('takes a Client ID Metadata Document URL as client_id: fetched, checked, consented to, exchanged', async () => {
      const { createServer } = await import('node:http');
      configureWebhooks({ allowLoopback: true }); // as the tests' webhook receivers: a loopback http URL stands in for https
      let doc: Record<string, unknown> = {};
      const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(doc)));
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
      const cimd = `http://127.0.0.1:${(server.address() as { port: number }).port}/oauth/client.json`;
      try {
        expect((await (await fetch(`${h.base}/.well-known/oauth-authorization-server`)).json()).client_id_metadata_document_supported).toBe(true);
        // A document naming another client_id is refused on the page, and nothing is redirected.
        doc = { client_id: 'https://elsewhere.example/client.json', client_name: 'Impostor', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' };
        const p0 = pkce();
        const bad = await fetch(authorizeUrl(p0.challenge, { client_id: cimd }), { redirect: 'manual' });
        expect(bad.status).toBe(400);
        expect(await bad.text()).toContain('not its own URL');
        doc = { ...doc, client_id: cimd, client_name: 'Metadata Client' };
        const p = pkce();
        const back = await consentInBrowser(authorizeUrl(p.challenge, { client_id: cimd }));
        const r = await form({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, code_verifier: p.verifier, client_id: cimd, redirect_uri: CALLBACK, resource: `${h.base}/mcp` });
        expect(r.status).toBe(200);
        expect((await mcpCall((await r.json()).access_token)).status).toBe(200);
        await gotoAsOwner(`${h.base}/connections`);
        expect(await page.locator('tr[data-connection]', { hasText: 'Metadata Client' }).count()).toBe(1);
      } finally {
        server.close();
      }
    });

    it('refuses a wrong PKCE verifier, and the code cannot be retried', async () => {
      const { code, verifier } = await codeFor();
      const wrong = await exchange(code, pkce().verifier);
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('PKCE') });
      expect((await exchange(code, verifier)).status).toBe(400);
    });

    it('refuses a code for another resource (RFC 8707) and an expired code', async () => {
      const a = await codeFor();
      const other = await form({ grant_type: 'authorization_code', code: a.code, code_verifier: a.verifier, client_id: clientId, redirect_uri: CALLBACK, resource: 'https://other.example/mcp' });
      expect(await other.json()).toMatchObject({ error: 'invalid_target' });
      const b = await codeFor();
      h.clock.advance(6 * 60_000);
      const late = await exchange(b.code, b.verifier);
      expect(await late.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('expired') });
      // An authorize request for another resource goes back to the client as invalid_target.
      const wrong = await fetch(authorizeUrl(pkce().challenge, { resource: 'https://other.example/mcp' }), { redirect: 'manual' });
      expect(new URL(wrong.headers.get('location')!).searchParams.get('error')).toBe('invalid_target');
    });

    it('a replayed code is refused and revokes the tokens it gave', async () => {
      const { code, verifier } = await codeFor();
      const ok = await exchange(code, verifier);
      expect(ok.status).toBe(200);
      const tokens = await ok.json();
      expect((await mcpCall(tokens.access_token)).status).toBe(200);
      const replay = await exchange(code, verifier);
      expect(replay.status).toBe(400);
      expect((await replay.json()).error).toBe('invalid_grant');
      expect((await mcpCall(tokens.access_token)).status).toBe(401);
    });

    it('a replayed refresh token is refused and revokes the connection', async () => {
      const { code, verifier } = await codeFor();
      const t1 = await (await exchange(code, verifier)).json();
      const r2 = await form({ grant_type: 'refresh_token', refresh_token: t1.refresh_token, client_id: clientId });
      expect(r2.status).toBe(200);
      const t2 = await r2.json();
      expect((await mcpCall(t2.access_token)).status).toBe(200);
      const replay = await form({ grant_type: 'refresh_token', refresh_token: t1.refresh_token, client_id: clientId });
      expect(await replay.json()).toMatchObject({ error: 'invalid_grant' });
      expect((await mcpCall(t2.access_token)).status).toBe(401);
      expect((await form({ grant_type: 'refresh_token', refresh_token: t2.refresh_token, client_id: clientId })).status).toBe(400);
    });

    it('refuses tampered, expired and wrong-audience access tokens, and another client\'s code', async () => {
      const { code, verifier } = await codeFor();
      const other = await fetch(`${h.base}/oauth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ client_name: 'Other', redirect_uris: [CALLBACK], token_endpoint_auth_method: 'none' }) });
      const stolen = await form({ grant_type: 'authorization_code', code, code_verifier: verifier, client_id: (await other.json()).client_id, redirect_uri: CALLBACK });
      expect(await stolen.json()).toMatchObject({ error: 'invalid_grant' });

      const { code: code2, verifier: v2 } = await codeFor();
      const t = await (await exchange(code2, v2)).json();
      expect((await mcpCall(t.access_token)).status).toBe(200);
      // Tampered: the payload names another agent, the signature no longer matches.
      const [hd, body, sig] = t.access_token.split('.');
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
      const forged = `${hd}.${Buffer.from(JSON.stringify({ ...claims, sub: 'someone-else' })).toString('base64url')}.${sig}`;
      const r1 = await mcpCall(forged);
      expect(r1.status).toBe(401);
      expect(r1.headers.get('www-authenticate')).toContain('invalid_token');
      // Wrong audience: validly signed with this server's key, but for another resource.
      const key = new TextEncoder().encode(h.engine.identity.mac('oauth_access_token', 'hs256'));
      const foreign = await new SignJWT({ ...claims, aud: 'https://other.example/mcp' }).setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' }).sign(key);
      const r2 = await mcpCall(foreign);
      expect(r2.status).toBe(401);
      expect(await r2.text()).toContain('not for');
      // The API's own JWT audience does not take it either.
      expect((await h.api('GET', '/v1/agents/me', { token: t.access_token })).status).toBe(401);
      // Expired.
      h.clock.advance(HOUR_MS + 1000);
      const r3 = await mcpCall(t.access_token);
      expect(r3.status).toBe(401);
      expect(await r3.text()).toContain('expired');
    });
  });
});
