/**
 * Finding 1 (CSRF by cookie tossing): a page on another port of 127.0.0.1 is the same site as
 * the app, so the SameSite=Strict cookies still go with its requests, and its server may set a
 * `vx_csrf` cookie for the app's host (cookies ignore ports). It tosses its own token into that
 * cookie and auto-posts a form repeating it. The victim (logged in in Chromium) merely opens
 * the page. The app must refuse: the token is bound to the session, and the browser marks the
 * request as not same-origin (Sec-Fetch-Site).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { OpenDisputeInput } from '../../src/schemas.js';
import { type Harness, directJob, startServer } from '../api/helpers.js';
import { hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';
import { attackerSite, autoPost, browserLogin } from './helpers.js';

warnIfNoChromium('test/security/csrf');
const ADMIN = 'csrf-admin@test.example';
const TOSSED = 'A'.repeat(43); // a well-formed token of the attacker's choosing

describe.skipIf(!hasChromium)('CSRF from another port of the same host (cookie tossing)', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  let attacker: Awaited<ReturnType<typeof attackerSite>>;
  /** What the attacker's page posts, and where. */
  let target = { action: '', fields: {} as Record<string, string> };

  beforeAll(async () => {
    // The 180 EUR job of the report is set up directly: a threshold above it (the spending policy is tested on its own).
    h = await startServer({ config: { adminEmails: [ADMIN], confirmAboveCents: 100_000 } });
    ({ ctx, page, close: closeBrowser } = await launchChromium());
    attacker = await attackerSite((req, res) => {
      res.writeHead(200, {
        'Content-Type': 'text/html; charset=utf-8',
        // Host-only cookie for 127.0.0.1: it replaces the app's own vx_csrf (same name, path, host).
        'Set-Cookie': `vx_csrf=${TOSSED}; Path=/; HttpOnly; SameSite=Strict`,
      });
      res.end(autoPost(target.action, { ...target.fields, csrf: TOSSED }));
    });
  });
  afterAll(async () => {
    await closeBrowser?.();
    await attacker?.close();
    await h?.close();
  });

  /** The victim opens the attacker's page; the form posts itself to the app. Returns the app's answer status. */
  async function visitAttacker(action: string, fields: Record<string, string>): Promise<number> {
    target = { action: `${h.base}${action}`, fields };
    const answer = page.waitForResponse((r) => r.url().startsWith(h.base + action) && r.request().method() === 'POST');
    await page.goto(`${attacker.origin}/`);
    return (await answer).status();
  }

  it('does not let the page raise the monthly cap of the victim', async () => {
    const victim = await h.agent('csrf-victim');
    await browserLogin(h, ctx, page, victim.email);
    expect((await victim.mp.getMyAgent()).monthly_spending_limit ?? null).toBeNull();
    const status = await visitAttacker('/dashboard/cap', { monthly_spending_limit: '99999' });
    expect(status).toBe(403);
    expect((await victim.mp.getMyAgent()).monthly_spending_limit ?? null).toBeNull();
    // The victim's own form still works after the attack (a fresh page, a fresh token).
    await page.goto(`${h.base}/dashboard`);
    await page.getByLabel(/Monthly spending cap/).fill('25');
    await page.getByRole('button', { name: 'Save cap' }).click();
    await page.waitForURL(/\/dashboard\?saved=cap$/);
    expect((await victim.mp.getMyAgent()).monthly_spending_limit).toBe(25);
  });

  it('does not let the page resolve a Tier 2 dispute when an admin opens it', async () => {
    const buyer = await h.agent('csrf-buyer');
    const worker = await h.agent('csrf-worker');
    await h.agent('admin', { email: ADMIN });
    const jobId = await directJob(buyer, worker, 'delivered', 180);
    const d = await buyer.mp.openDispute(jobId, OpenDisputeInput.parse({ reason: 'Not what was asked for at all' }));
    expect(d.status).toBe('escalated');
    await browserLogin(h, ctx, page, ADMIN);
    const status = await visitAttacker(`/admin/disputes/${d.id}/resolve`, { ruling: 'worker_wins', note: 'ok' });
    expect(status).toBe(403);
    expect((await buyer.mp.getDispute(jobId)).status).toBe('escalated');
    expect((await buyer.mp.getJob(jobId)).status).toBe('disputed');
  });

  it('refuses a cross-site login form (login CSRF) and a foreign Origin even with a valid token', async () => {
    // A form the app itself rendered, posted with the app's own cookie and token but from another origin.
    await ctx.clearCookies();
    await page.goto(`${h.base}/login`);
    const csrf = await page.locator('input[name=csrf]').first().inputValue();
    const r = await fetch(`${h.base}/login`, {
      method: 'POST',
      headers: { Origin: attacker.origin, Cookie: (await ctx.cookies(h.base)).map((c) => `${c.name}=${c.value}`).join('; '), 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, email: 'someone@test.example' }),
    });
    expect(r.status).toBe(403);
  });
});
