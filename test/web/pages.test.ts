/**
 * The web pages without a browser: escaping, security headers, cookie flags, CSRF refusals,
 * redirects of pages that need a session, and a full login by code over plain HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esc, html } from '../../src/web/html.js';
import { type Harness, directJob, startServer } from '../api/helpers.js';
import { cookieJar, formToken } from '../security/helpers.js';

describe('html escaping', () => {
  it('escapes every interpolated value unless it is already Html', () => {
    expect(esc(`<script>"x" & 'y'</script>`)).toBe('&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;');
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p title="${'"onmouseover="x'}">${inner}${['<a>', inner]}</p>`.s)
      .toBe('<p title="&quot;onmouseover=&quot;x"><b>&lt;i&gt;</b>&lt;a&gt;<b>&lt;i&gt;</b></p>');
    expect(html`${null}${undefined}${false}${0}`.s).toBe('0');
  });
});

describe('web pages over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer({ config: { trustProxy: true } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(h.base + path, { method: 'POST', redirect: 'manual', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });

  it('sends the security headers and an HttpOnly, SameSite=Strict CSRF cookie (Secure behind https)', async () => {
    const r = await fetch(`${h.base}/login`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('referrer-policy')).toBe('no-referrer');
    const set = r.headers.getSetCookie().find((c) => c.startsWith('vx_csrf='))!;
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).not.toMatch(/Secure/);
    const https = await fetch(`${h.base}/login`, { headers: { 'X-Forwarded-Proto': 'https' } });
    expect(https.headers.getSetCookie().find((c) => c.startsWith('vx_csrf='))).toMatch(/Secure/);
    const html = await r.text();
    expect(html).toContain('<meta name="viewport"');
    expect(html).toMatch(/<main id="main">/);
  });

  it('sends pages that need a session to /login, and /web/events answers 401', async () => {
    for (const p of ['/dashboard', '/agents', '/admin', '/jobs/x']) {
      const r = await fetch(h.base + p, { redirect: 'manual' });
      expect(r.status, p).toBe(303);
      expect(r.headers.get('location')).toBe('/login');
    }
    expect((await fetch(`${h.base}/web/events`)).status).toBe(401);
  });

  it('refuses forms without the CSRF token', async () => {
    const r = await post('/login', 'vx_csrf=' + 'a'.repeat(43), { email: 'x@test.example', csrf: 'b'.repeat(43) });
    expect(r.status).toBe(403);
    expect((await post('/login', '', { email: 'x@test.example' })).status).toBe(403);
  });

  it('shows an unknown activation token as an error page, escaped', async () => {
    const r = await fetch(`${h.base}/activate?token=%3Cscript%3E`);
    expect(r.status).toBe(404);
    expect(await r.text()).not.toContain('<script>');
  });

  it('logs in by code over plain HTTP and shows the agent (names escaped)', async () => {
    const a = await h.agent('Tom <b>&</b> Jerry');
    const j = cookieJar();
    const login = await fetch(`${h.base}/login`);
    j.take(login);
    const csrf = formToken(await login.text());
    expect(csrf).not.toBe(j.jar.get('vx_csrf')); // bound to the session, not the cookie repeated
    const r1 = await post('/login', j.header(), { email: a.email, csrf });
    expect(r1.status).toBe(200);
    const code = /enter this code: (\d{6})/.exec(h.lastMail(a.email)!.body)![1];
    const wrong = await post('/login/verify', j.header(), { email: a.email, code: code === '000000' ? '111111' : '000000', csrf });
    expect(wrong.status).toBe(401);
    const r2 = await post('/login/verify', j.header(), { email: a.email, code, csrf });
    expect(r2.status).toBe(303);
    expect(r2.headers.get('location')).toBe('/dashboard');
    j.take(r2);
    const page = await (await fetch(`${h.base}/dashboard`, { headers: { Cookie: j.header() } })).text();
    expect(formToken(page)).not.toBe(csrf); // a new session, a new token
    expect(page).toContain('Tom &lt;b&gt;&amp;&lt;/b&gt; Jerry');
    expect(page).not.toContain('<b>&</b>');
    // The job page: timeline and the deliverable's preview.
    const worker = await h.agent('worker');
    const jobId = await directJob(a, worker, 'delivered', 10);
    const job = await (await fetch(`${h.base}/jobs/${jobId}`, { headers: { Cookie: j.header() } })).text();
    expect(job).toContain('in_progress → delivered');
    expect(job).toMatch(/<pre data-testid="deliverable">five<\/pre>/); // not paid yet: an excerpt of "five bullet points"
    // The old CSRF token no longer works.
    expect((await post('/dashboard/cap', j.header(), { monthly_spending_limit: '1', csrf })).status).toBe(403);
  });
});
