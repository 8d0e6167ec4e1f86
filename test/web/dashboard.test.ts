/**
 * The owner's web pages end to end in headless Chromium (playwright-core, the Debian `chromium`
 * binary) against the real app on 127.0.0.1, port 0: activation (free and paid), login by code,
 * the dashboard's figures against GET /v1/dashboard, the monthly cap edited on the page and then
 * enforced by the API, a live update when a job changes, the job page, CSRF refusal, logout.
 * Screenshots of each page go to test-artifacts/web/. Skipped (with a message) without Chromium.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { OpenDisputeInput } from '../../src/schemas.js';
import { type Agent, type Harness, directJob, expectError, expectOk, startServer } from '../api/helpers.js';
import { ARTIFACTS, hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';

warnIfNoChromium('test/web');
const ADMIN = 'web-admin@test.example';

describe.skipIf(!hasChromium)('owner web dashboard in Chromium', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  let buyer: Agent, worker: Agent;
  let jobId: string;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const mailOf = (to: string) => h.lastMail(to)!.body;

  /** Log in by email + code (the one active agent is selected at once). */
  async function login(email: string) {
    await ctx.clearCookies();
    await page.goto(`${h.base}/login`);
    await page.getByLabel('Owner email').fill(email);
    await page.getByRole('button', { name: /sign-in link/ }).click();
    await page.getByLabel('6-digit code').waitFor();
    const code = /enter this code: (\d{6})/.exec(mailOf(email))![1];
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard$/);
  }

  beforeAll(async () => {
    h = await startServer({ config: { adminEmails: [ADMIN] } });
    ({ ctx, page, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await h?.close();
  });

  it('activates a first agent for free and a second one through the checkout', async () => {
    const email = 'web-owner@test.example';
    const first = h.engine.registerAgent({ name: 'Scribe & Co', owner_email: email });
    const token1 = /Activation token: (\S+)/.exec(mailOf(email))![1];
    await page.goto(`${h.base}/activate?token=${token1}`);
    expect(await page.getByTestId('agent-name').textContent()).toBe('Scribe & Co');
    expect(await page.getByTestId('owner-email').textContent()).toBe(email);
    expect(await page.getByTestId('fee').textContent()).toContain('Free');
    await shot('activate');
    await page.getByLabel(/I agree to the Terms/).check();
    await page.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => page.getByTestId('activated').textContent()).toContain('API key has been emailed');
    await shot('activated');
    const owner = h.engine.identity.ownerOf(first.agent_id)!;
    expect(h.engine.identity.ownerAgents(owner).items.find((a) => a.id === first.agent_id)!.status).toBe('active');
    expect(mailOf(email)).toMatch(/vxp_/);

    const second = h.engine.registerAgent({ name: 'Second', owner_email: email });
    const token2 = /Activation token: (\S+)/.exec(mailOf(email))![1];
    await page.goto(`${h.base}/activate?token=${token2}`);
    expect(await page.getByTestId('fee').textContent()).toBe('5.00 EUR');
    await page.getByLabel(/I agree to the Terms/).check();
    await page.getByRole('button', { name: /Continue to payment/ }).click();
    await page.waitForURL(/\/checkout\//);
    await shot('checkout');
    await page.getByLabel('Card').selectOption('pm_card_visa');
    await page.getByRole('button', { name: 'Pay 5.00 EUR' }).click();
    await expect.poll(() => page.getByTestId('activated').textContent()).toContain('agent is active');
    expect(h.engine.identity.ownerAgents(owner).items.find((a) => a.id === second.agent_id)!.status).toBe('active');
  });

  it('logs in by the emailed code into HttpOnly, SameSite=Strict cookies', async () => {
    await ctx.clearCookies();
    buyer = await h.agent('web-buyer');
    worker = await h.agent('web-worker');
    jobId = await directJob(buyer, worker, 'funded', 10);
    await page.goto(`${h.base}/login`);
    await shot('login');
    await page.getByLabel('Owner email').fill(buyer.email);
    await page.getByRole('button', { name: /sign-in link/ }).click();
    const code = /enter this code: (\d{6})/.exec(mailOf(buyer.email))![1];
    await shot('login-code');
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard$/);
    const cookies = await ctx.cookies(h.base);
    for (const name of ['vx_owner', 'vx_agent', 'vx_csrf']) {
      const c = cookies.find((k) => k.name === name)!;
      expect(c, name).toBeTruthy();
      expect(c.httpOnly).toBe(true);
      expect(c.sameSite).toBe('Strict');
    }
    expect(page.url()).not.toMatch(/token|code/);
  });

  it('shows the figures of GET /v1/dashboard', async () => {
    const d = expectOk(await h.api('GET', '/v1/dashboard', { token: buyer.token }));
    await page.goto(`${h.base}/dashboard`);
    await shot('dashboard');
    expect(await page.getByTestId('spent').textContent()).toBe(`${d.spending.spent.toFixed(2)} EUR`);
    expect(await page.getByTestId('trust-score').textContent()).toBe(String(d.agent.trust_score));
    expect(await page.getByTestId('tier').textContent()).toBe(d.agent.level);
    expect(await page.getByTestId('fee-percent').textContent()).toBe(`${d.agent.platform_fee_percent}%`);
    expect(await page.getByTestId('active-count').textContent()).toBe(String(d.active_jobs_count));
    expect(await page.getByTestId('unread').textContent()).toBe(String(d.unread_notifications));
    expect(d.spending.spent).toBe(10);
    expect(await page.locator(`tr[data-job="${jobId}"] [data-testid=job-status]`).first().textContent()).toBe('Funded');
  });

  it('edits the monthly cap on the page, and the API then enforces it', async () => {
    await page.goto(`${h.base}/dashboard`);
    await page.getByLabel(/Monthly spending cap/).fill('15');
    await page.getByRole('button', { name: 'Save cap' }).click();
    await page.waitForURL(/\/dashboard\?saved=cap$/);
    await expect.poll(() => page.getByTestId('cap').textContent()).toBe('15.00 EUR');
    expect(await page.getByTestId('left').textContent()).toBe('5.00 EUR');
    await shot('dashboard-cap');
    const me = expectOk(await h.api('GET', '/v1/agents/me', { token: buyer.token }));
    expect(me.monthly_spending_limit).toBe(15);
    const r = await h.api('POST', '/v1/jobs', {
      token: buyer.token,
      body: { title: 'Over the cap', task_spec: { description: 'Translate this paragraph to German please' }, amount: 10, worker_agent_id: worker.id },
    });
    expectError(r, 402, 'monthly_limit_exceeded');
  });

  it('updates the dashboard live when a job changes, without a reload', async () => {
    await page.goto(`${h.base}/dashboard`);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    await page.waitForFunction(() => (window as unknown as { __voxLive?: EventSource }).__voxLive?.readyState === 1);
    await worker.mp.acceptJob(jobId);
    await expect.poll(() => page.locator(`tr[data-job="${jobId}"] [data-testid=job-status]`).first().textContent(), { timeout: 10_000 }).toBe('Accepted');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    await shot('dashboard-live');
  });

  it('shows the job page with its status timeline', async () => {
    await page.goto(`${h.base}/jobs/${jobId}`);
    expect(await page.getByTestId('job-status').textContent()).toBe('Accepted');
    const timeline = await page.locator('#tl-h + ol').textContent();
    expect(timeline).toContain('funded → accepted');
    await shot('job');
  });

  it('refuses a form without the CSRF token, and logs out', async () => {
    await page.goto(`${h.base}/dashboard`);
    const status = await page.evaluate(async () => {
      const r = await fetch('/dashboard/cap', { method: 'POST', body: new URLSearchParams({ monthly_spending_limit: '1000', csrf: 'forged' }) });
      return r.status;
    });
    expect(status).toBe(403);
    expect(expectOk(await h.api('GET', '/v1/agents/me', { token: buyer.token })).monthly_spending_limit).toBe(15);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    await page.goto(`${h.base}/dashboard`);
    expect(page.url()).toMatch(/\/login$/);
  });

  it('lets an admin resolve a Tier 2 dispute and freeze / unfreeze a job; others get 403', async () => {
    const buyer2 = await h.agent('disputing-buyer');
    const worker2 = await h.agent('disputed-worker');
    await h.agent('admin', { email: ADMIN });
    const disputed = await directJob(buyer2, worker2, 'delivered', 20);
    const opened = await buyer2.mp.openDispute(disputed, OpenDisputeInput.parse({
      reason: 'The summary has three bullets, not five <script>alert(1)</script>',
      evidence_items: [{ type: 'text', label: 'Deliverable', content: 'only three bullets' }],
    }));
    expect(opened.status).toBe('escalated'); // no arbitration judge configured → Tier 2 at once

    await login(buyer2.email);
    expect((await page.goto(`${h.base}/admin`))!.status()).toBe(403);

    await login(ADMIN);
    await page.getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL(/\/admin$/);
    expect(await page.getByTestId('queue-count').textContent()).toBe('1');
    const queued = await page.locator(`tr[data-dispute="${opened.id}"]`).textContent();
    for (const part of ['Summarise a document', '20.00 EUR', 'disputing-buyer', 'disputed-worker', 'due in 48 h']) expect(queued).toContain(part);
    await shot('admin');
    await page.locator(`a[href="/admin/disputes/${opened.id}"]`).click();
    await page.waitForURL(/\/admin\/disputes\//);
    expect(await page.getByText('<script>alert(1)</script>', { exact: false }).count()).toBe(1); // shown as text, not run
    expect(await page.getByTestId('dispute-status').textContent()).toBe('escalated');
    expect(await page.getByTestId('admin-deliverable').textContent()).toBe('five bullet points');
    expect(await page.locator('#task-h').locator('xpath=..').textContent()).toContain('Summarise the attached document');
    await shot('admin-dispute');
    expect(await page.locator('input[name=ruling]:checked').count()).toBe(0); // no ruling preselected
    await page.getByLabel(/^Split/).check();
    await page.getByLabel(/Worker share/).fill('60');
    await page.getByLabel(/Note to both parties/).fill('Three of five bullets delivered.');
    await page.getByRole('button', { name: 'Resolve dispute' }).click();
    // A confirmation page first: nothing has moved yet.
    expect(await page.getByTestId('confirm-ruling').textContent()).toContain('60% to the worker');
    expect((await buyer2.mp.getDispute(disputed)).status).toBe('escalated');
    await page.getByRole('button', { name: 'Confirm: resolve dispute' }).click();
    await expect.poll(() => page.getByTestId('dispute-status').textContent()).toBe('resolved');
    expect(await page.getByTestId('ruling').textContent()).toContain('60% to the worker');
    await shot('admin-resolved');
    expect((await buyer2.mp.getDispute(disputed)).status).toBe('resolved');
    expect((await buyer2.mp.getJob(disputed)).status).toBe('completed');

    const other = await directJob(buyer2, worker2, 'funded', 5);
    await page.goto(`${h.base}/admin`);
    await page.getByLabel('Job id').fill(other);
    await page.getByLabel(/Reason/).fill('Suspicious activity under review');
    await page.getByRole('button', { name: 'Freeze job', exact: true }).click();
    await expect.poll(() => page.getByTestId('freeze-result').textContent()).toContain('frozen');
    expect((await buyer2.mp.getJob(other)).status).toBe('frozen');
    await page.goto(`${h.base}/admin`);
    await page.getByLabel('Job id').fill(other);
    await page.getByLabel(/Reason/).fill('Review done');
    await page.getByRole('button', { name: 'Unfreeze job' }).click();
    await expect.poll(() => page.getByTestId('freeze-result').textContent()).toContain('funded');
  });
});
