/**
 * Helpers of the attack suites (test/security): an attacker's web server on another port of
 * 127.0.0.1 (same site as the app, so SameSite=Strict cookies still go), and an owner login in
 * Chromium by the emailed code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { Any, Harness } from '../api/helpers.js';

/** A web server on 127.0.0.1 (another port than the app): `handler` answers every request. */
export async function attackerSite(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ origin: string; close(): Promise<void> }> {
  const s = createServer(handler);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return {
    origin: `http://127.0.0.1:${(s.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => {
      s.closeAllConnections();
      s.close(() => r());
    }),
  };
}

/** An HTML page that auto-submits a POST form with `fields` to `action`. */
export const autoPost = (action: string, fields: Record<string, string>) => `<!doctype html><html><body>
<form id="f" method="post" action="${action}">${Object.entries(fields).map(([k, v]) => `<input type="hidden" name="${k}" value="${v}">`).join('')}</form>
<script>document.getElementById('f').submit()</script></body></html>`;

/** Log the browser in as `email` (by the emailed code); the one active agent is selected at once; waits for `landing`. */
export async function browserLogin(h: Harness, ctx: BrowserContext, page: Page, email: string, landing: RegExp = /\/(dashboard|agents)$/) {
  await ctx.clearCookies();
  await page.goto(`${h.base}/login`);
  await page.getByLabel('Owner email').fill(email);
  await page.getByRole('button', { name: /sign-in link/ }).click();
  await page.getByLabel('6-digit code').waitFor();
  const code = /enter this code: (\d{6})/.exec(h.lastMail(email)!.body)![1];
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(landing);
}

/** The error code of a REST refusal (read in one place: the error envelope is changing shape). */
export const errCode = (r: { body: { error?: { code?: string } | string; code?: string } }): string | undefined =>
  typeof r.body.error === 'object' ? r.body.error.code : r.body.code;

/** Cookies of a series of fetches, as a browser would keep them (no expiry handling). */
export function cookieJar() {
  const jar = new Map<string, string>();
  return {
    jar,
    take(r: Response) {
      for (const c of r.headers.getSetCookie()) {
        const [kv] = c.split(';');
        const i = kv.indexOf('=');
        const v = kv.slice(i + 1);
        if (v === '' || /Max-Age=0/i.test(c)) jar.delete(kv.slice(0, i));
        else jar.set(kv.slice(0, i), v);
      }
      return r;
    },
    header: () => [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  };
}
/** The CSRF token of the first form of a page. */
export const formToken = (page: string) => /name="csrf" value="([^"]+)"/.exec(page)![1];

/** An owner JWT through the REST magic-link flow (email + emailed code). */
export async function ownerToken(h: Harness, email: string): Promise<string> {
  await h.api('POST', '/v1/owners/auth/magic-link', { body: { email } });
  const code = /enter this code: (\d{6})/.exec(h.lastMail(email)!.body)![1];
  const r = await h.api('POST', '/v1/owners/auth/verify', { body: { email, code } });
  if (r.status !== 200) throw new Error(`owner login failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data.token;
}

/**
 * A raw MCP session over /mcp (JSON-RPC over HTTP, as any client sends it): initialize, then
 * `call(method, params)` → the JSON-RPC answer (JSON or one SSE event). `status` of each answer too.
 */
export async function mcpSession(base: string, credential: string, headers: Record<string, string> = {}) {
  let sid: string | null = null;
  let id = 0;
  async function send(method: string, params: unknown, notify = false): Promise<{ status: number; body: Any }> {
    const r = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: {
        ...headers, Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream',
        ...(sid ? { 'Mcp-Session-Id': sid, 'Mcp-Protocol-Version': '2025-06-18' } : {}),
      },
      body: JSON.stringify(notify ? { jsonrpc: '2.0', method, params } : { jsonrpc: '2.0', id: ++id, method, params }),
    });
    sid ??= r.headers.get('mcp-session-id');
    const text = await r.text();
    const json = r.headers.get('content-type')?.includes('text/event-stream') ? /^data: (.*)$/m.exec(text)?.[1] : text;
    let body: Any = text;
    try {
      body = json ? JSON.parse(json) : null;
    } catch { /* not JSON */ }
    return { status: r.status, body };
  }
  const init = await send('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'security-test', version: '1' } });
  if (init.status === 200) await send('notifications/initialized', {}, true);
  return {
    init,
    call: (method: string, params: unknown) => send(method, params),
    /** tools/call by the first tool name matching `name` (tool names may be renamed; the match is loose). */
    async tool(name: RegExp, args: Record<string, unknown>) {
      const list = await send('tools/list', {});
      const tool = (list.body.result.tools as { name: string }[]).find((t) => name.test(t.name));
      if (!tool) throw new Error(`no tool matches ${name}`);
      return (await send('tools/call', { name: tool.name, arguments: args })).body;
    },
  };
}
