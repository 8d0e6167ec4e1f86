/**
 * The owner's cockpit in headless Chromium, desktop 1280×800 and phone 390×844, light and dark:
 * the needs-attention strip (a real pending approval, an escalated dispute, a delivery waiting
 * for review, a webhook endpoint answering 500, the monthly cap reached, an open job with a bid),
 * each item one click from where it is resolved; the key figures above the fold; readable tables;
 * dark mode following the system; axe-core finds no violations in any of the four views.
 * VOXPACT_UPDATE_DOCS_IMG=1 refreshes docs/img/dashboard-desktop.png and dashboard-phone.png.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { OpenDisputeInput, PostJobInput } from '../../src/schemas.js';
import { configureWebhooks } from '../../src/webhooks/options.js';
import { runWebhookDeliveries } from '../../src/webhooks/worker.js';
import { type Agent, type Any, type Harness, directJob, openJobWithBid, startServer, task } from '../api/helpers.js';
import { ARTIFACTS, hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';

warnIfNoChromium('test/web/cockpit');
const AXE = readFileSync(join(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');
const VIEWS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SCHEMES = ['light', 'dark'] as const;

describe.skipIf(!hasChromium)('owner cockpit in Chromium', () => {
  let h: Harness;
  let ctx: BrowserContext;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  let buyer: Agent, worker: Agent, bidder: Agent, calm: Agent;
  let hook: Server;
  let hookStatus = 200;
  const ids: Record<string, string> = {};
  let asBuyer = false;

  async function login(email: string) {
    await ctx.clearCookies();
    await page.goto(`${h.base}/login`);
    await page.getByLabel('Owner email').fill(email);
    await page.getByRole('button', { name: /sign-in link/ }).click();
    await page.getByLabel('6-digit code').waitFor({ timeout: 3000 }).catch(async (e) => { console.log(await page.locator('main').textContent()); throw e; });
    const code = /enter this code: (\d{6})/.exec(h.lastMail(email)!.body)![1];
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/dashboard$/);
  }
  const hookRows = () => h.engine.db.prepare('SELECT status, next_attempt_at FROM webhook_deliveries WHERE agent_id = ?').all(buyer.id) as { status: string; next_attempt_at: number | null }[];

  beforeAll(async () => {
    h = await startServer({ config: { confirmAboveCents: 3000 } });
    configureWebhooks({ allowLoopback: true });
    hook = createServer((req, res) => { req.resume(); req.on('end', () => res.writeHead(hookStatus).end()); });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    buyer = await h.agent('cockpit-buyer');
    worker = await h.agent('Ada Translations');
    bidder = await h.agent('Bram Bids');
    calm = await h.agent('calm-owner');
    await buyer.mp.updateMyAgent({ webhook_url: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook` });
    hookStatus = 500; // from now on the owner's endpoint fails

    ids.delivered = await directJob(buyer, worker, 'delivered', 10);
    ids.disputed = await directJob(buyer, worker, 'delivered', 20);
    await buyer.mp.openDispute(ids.disputed, OpenDisputeInput.parse({ reason: 'Only three of the five bullet points were delivered', evidence_items: [{ type: 'text', label: 'Deliverable', content: 'three bullets' }] }));
    ids.funded = await directJob(buyer, worker, 'funded', 5);
    ids.open = (await openJobWithBid(buyer, bidder)).jobId;
    const r = await h.api('POST', '/v1/jobs', { token: buyer.token, body: { title: 'Translate the onboarding guide', task_spec: task(), amount: 42.5, worker_agent_id: worker.id } });
    ids.approval = (typeof r.body.error === 'object' ? r.body.error : r.body).approval_id;
    expect(ids.approval).toBeTruthy();
    h.engine.updateAgentAsOwner(h.engine.identity.ownerOf(buyer.id)!, buyer.id, { monthly_spending_limit: 35 }); // 35 EUR spent: cap reached
    h.clock.advance(3_600_000); // an hour later: the countdowns say 47 h
    const run = await runWebhookDeliveries(h.engine); // every delivery answered 500: retried in 5 min
    expect(run.retrying).toBeGreaterThan(0);
    ({ ctx, page, close: closeBrowser } = await launchChromium());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((r) => hook?.close(r));
    await h?.close();
  });

  it('says so when nothing needs the owner', async () => {
    await login(calm.email);
    expect(await page.getByTestId('attention-empty').textContent()).toBe('Nothing needs you right now.');
    expect(await page.locator('[data-attention]').count()).toBe(0);
  });

  for (const v of VIEWS) {
    for (const scheme of SCHEMES) {
      it(`${v.name} ${scheme}: what needs the owner first, the key figures above the fold, readable tables, no axe violations`, async () => {
        await page.setViewportSize({ width: v.width, height: v.height });
        await page.emulateMedia({ colorScheme: scheme });
        if (asBuyer !== true) await login(buyer.email);
        asBuyer = true;
        await page.goto(`${h.base}/dashboard`);

        // 1. The strip: most urgent first, each item linking to where it is resolved.
        const items = page.locator('[data-testid=attention] li');
        const kinds = await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-attention')));
        expect(kinds).toEqual(['cap', 'webhook', 'approval', 'dispute', 'delivery', 'bids']); // blocking now, then by deadline: approval expiry < 47 h SLA = 47 h auto-release < bid window
        const href = (kind: string, n = 0) => page.locator(`[data-attention=${kind}] > a`).nth(n).getAttribute('href');
        expect(await href('approval')).toBe(`/approvals/${ids.approval}`);
        expect(await href('dispute')).toBe(`/jobs/${ids.disputed}#disp-h`);
        expect(await href('delivery')).toBe(`/jobs/${ids.delivered}#dlv-h`);
        expect(await href('bids')).toBe(`/jobs/${ids.open}#bids-h`);
        expect(await href('cap')).toBe('/dashboard#spend-h');
        expect(await page.locator('[data-attention=delivery]').first().textContent()).toMatch(/10\.00 EUR is released automatically in 47 h/);
        expect(await page.locator('[data-attention=dispute]').textContent()).toMatch(/human ruling due in 47 h/);
        expect(await page.locator('[data-attention=approval]').textContent()).toMatch(/42\.50 EUR/);
        expect(await page.getByTestId('hook-rate').textContent()).toMatch(/^(\d+) of \1$/); // every recent delivery failed
        expect(await page.locator('[data-attention=bids]').textContent()).toMatch(/1 bid to decide/);
        for (const it of await items.all()) expect(await it.isVisible()).toBe(true); // nothing folded away

        // 2. Key figures above the fold, under the strip; the profile further down.
        const fig = (await page.getByTestId('figures').boundingBox())!;
        expect(fig.y + fig.height).toBeLessThanOrEqual(v.height);
        expect((await page.getByTestId('attention').boundingBox())!.y).toBeLessThan(fig.y);
        expect((await page.locator('#profile-h').boundingBox())!.y).toBeGreaterThan(fig.y + fig.height);
        expect(await page.getByTestId('spent').textContent()).toBe('35.00 EUR');
        expect(await page.getByTestId('cap').textContent()).toBe('35.00 EUR');
        expect(await page.getByTestId('escrow').textContent()).toBe('35.00 EUR'); // 10 + 20 (disputed) + 5
        expect(await page.getByTestId('active-count').textContent()).toBe('4');

        // 3. One jobs table: plain words in one-line pills, amounts right-aligned and unbroken, names, relative times.
        const jobs = page.getByTestId('jobs');
        expect(await jobs.locator('tbody tr').count()).toBe(4);
        expect(await page.locator(`tr[data-job="${ids.funded}"] [data-testid=job-status]`).textContent()).toBe('Funded');
        expect(await page.locator(`tr[data-job="${ids.disputed}"]`).textContent()).toContain('Ada Translations');
        const pills = await jobs.locator('.pill').evaluateAll((els) => els.map((e) => ({ text: e.textContent, lines: e.getClientRects().length, h: e.getBoundingClientRect().height })));
        for (const p of pills) expect(p.lines === 1 && p.h < 30, JSON.stringify(p)).toBe(true);
        const amounts = await jobs.locator('td.num').evaluateAll((els) => els.map((e) => ({ align: getComputedStyle(e).textAlign, lines: (() => { const r = document.createRange(); r.selectNodeContents(e); return r.getClientRects().length; })() })));
        for (const a of amounts) expect(a).toEqual({ align: 'right', lines: 1 });
        const t = jobs.locator('time').first();
        expect(await t.textContent()).toMatch(/ago$/);
        expect(await t.getAttribute('title')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);

        // 5. Dark mode follows the system.
        const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
        const lum = bg.match(/\d+/g)!.slice(0, 3).map(Number).reduce((s, x) => s + x, 0) / 3;
        expect(scheme === 'dark' ? lum < 60 : lum > 200, bg).toBe(true);

        const shot = join(ARTIFACTS, `cockpit-${v.name}-${scheme}.png`);
        await page.screenshot({ path: shot, fullPage: false });
        if (process.env.VOXPACT_UPDATE_DOCS_IMG === '1' && scheme === 'light') {
          mkdirSync('docs/img', { recursive: true });
          copyFileSync(shot, `docs/img/dashboard-${v.name}.png`);
        }

        await page.evaluate(AXE); // through DevTools: the page's CSP rightly forbids inline scripts
        const violations = await page.evaluate(async () => ((await (window as Any).axe.run(document)) as Any).violations.map((x: Any) => `${x.id}: ${x.nodes.map((n: Any) => n.target).join(' ')}`));
        expect(violations).toEqual([]);
      });
    }
  }

  it('the Retry now button makes the failing deliveries due at once', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${h.base}/dashboard`);
    expect(hookRows().every((r) => r.status !== 'pending' || r.next_attempt_at! > h.clock.now())).toBe(true);
    await page.locator('[data-attention=webhook]').getByRole('button', { name: 'Retry now' }).click();
    await page.waitForURL(/\/dashboard#hooks-h$/);
    const rows = hookRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toEqual({ status: 'pending', next_attempt_at: h.clock.now() });
  });

  it('after a cap change says Saved, and warns when the cap is below this month\'s spending', async () => {
    await page.goto(`${h.base}/dashboard`);
    await page.getByLabel(/Monthly spending cap/).fill('20');
    await page.getByRole('button', { name: 'Save cap' }).click();
    await page.waitForURL(/saved=cap/);
    expect(await page.getByTestId('saved').textContent()).toContain('20.00 EUR');
    expect(await page.getByTestId('cap-warning').textContent()).toContain('35.00 EUR');
    await page.getByLabel(/Monthly spending cap/).fill('100');
    await page.getByRole('button', { name: 'Save cap' }).click();
    await page.waitForURL(/saved=cap/);
    expect(await page.getByTestId('cap-warning').count()).toBe(0);
    expect(await page.locator('[data-attention=cap]').count()).toBe(0);
  });

  it('the job page: a split ruling\'s money readable, the dispute and validation as text not JSON, bids with the deadline', async () => {
    h.engine.updateAgentAsOwner(h.engine.identity.ownerOf(buyer.id)!, buyer.id, { monthly_spending_limit: 100 });
    if (!asBuyer) await login(buyer.email);
    asBuyer = true;
    const job = await directJob(buyer, worker, 'delivered', 20);
    const d = await buyer.mp.openDispute(job, OpenDisputeInput.parse({ reason: 'Two of the five bullet points are missing', evidence_items: [{ type: 'text', label: 'Deliverable', content: 'three bullets' }] }));
    h.engine.judging.resolveDispute(d.id, { ruling: 'split', worker_share_percent: 55, note: 'Three of five delivered.' });
    const settled = (await buyer.mp.getDispute(job)).settlement!;
    expect(settled.refunded_to_buyer).toBeGreaterThan(0);
    for (const v of VIEWS) {
      await page.setViewportSize({ width: v.width, height: v.height });
      await page.goto(`${h.base}/jobs/${job}`);
      expect(await page.getByTestId('ruling').textContent()).toContain('Split: 55% to the worker');
      expect(await page.getByTestId('refunded').textContent()).toBe(`${settled.refunded_to_buyer.toFixed(2)} EUR`);
      expect(await page.getByTestId('worker-paid').textContent()).toBe(`${settled.worker_payout.toFixed(2)} EUR`);
      expect(await page.locator('#disp-h').locator('xpath=..').locator('pre').count()).toBe(0); // no raw JSON
      expect(await page.evaluate(() => document.body.scrollHeight)).toBeLessThan(v.name === 'phone' ? 5000 : 3000);
      await page.screenshot({ path: join(ARTIFACTS, `cockpit-job-dispute-${v.name}.png`), fullPage: true });
    }

    await page.goto(`${h.base}/jobs/${ids.open}`);
    expect(await page.getByTestId('bids').textContent()).toContain('Bram Bids');
    expect(await page.getByTestId('bids').textContent()).toContain('12.00 EUR');
    expect(await page.locator('#bids-h').locator('xpath=..').textContent()).toMatch(/bidding closes in \d+ h/);
  });

  it('notifications in the owner\'s words (names, no tool names), marked read from the page', async () => {
    if (!asBuyer) await login(buyer.email);
    asBuyer = true;
    await page.goto(`${h.base}/dashboard`);
    const notes = (await page.getByTestId('notifications').textContent())!;
    expect(notes).toContain('from Bram Bids');
    expect(notes).not.toMatch(/\bag_|list_bids|accept_bid|counter_bid|get_deliverable_preview|approve_job/);
    expect(Number(await page.getByTestId('unread').textContent())).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Mark all as read' }).click();
    await page.waitForURL(/#notes-h$/);
    expect(await page.getByTestId('unread').textContent()).toBe('0');
    expect((await buyer.mp.listNotifications({ unread_only: true, limit: 10, offset: 0 })).unread_count).toBe(0);
  });

  it('a declined card at checkout says so and offers another card', async () => {
    h.engine.registerAgent({ name: 'Second of calm', owner_email: calm.email });
    const token = /Activation token: (\S+)/.exec(h.lastMail(calm.email)!.body)![1];
    await page.goto(`${h.base}/activate?token=${token}`);
    await page.getByLabel(/I agree to the Terms/).check();
    await page.getByRole('button', { name: /Continue to payment/ }).click();
    await page.waitForURL(/\/checkout\//);
    await page.getByLabel('Card').selectOption('pm_card_chargeDeclined');
    await page.getByRole('button', { name: /^Pay / }).click();
    expect(await page.getByTestId('card-refused').textContent()).toMatch(/declined.*choose another card/is);
    await page.getByLabel('Card').selectOption('pm_card_visa');
    await page.getByRole('button', { name: /^Pay / }).click();
    await expect.poll(() => page.getByTestId('activated').textContent()).toContain('agent is active');
  });

  it('a rate-limited login says when to retry and takes a code already received', async () => {
    await ctx.clearCookies();
    asBuyer = false;
    for (let i = 0; i < 5; i++) {
      try { h.engine.identity.requestMagicLink(calm.email); } catch { break; } // up to the 5 per hour
    }
    const code = /enter this code: (\d{6})/.exec(h.lastMail(calm.email)!.body)![1];
    await page.goto(`${h.base}/login`);
    await page.getByLabel('Owner email').fill(calm.email);
    await page.getByRole('button', { name: /sign-in link/ }).click();
    expect(await page.getByTestId('login-limited').textContent()).toMatch(/ask again in \d+ (min|s) \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\)/);
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/(dashboard|agents)$/);
  });

  it('a refused payment is in the strip and leads to the saved cards', async () => {
    const payer = await h.agent('declined-payer', { card: 'pm_card_chargeDeclined' });
    const job = await payer.mp.postJob(PostJobInput.parse({ title: 'Proofread the release notes', task_spec: task(), amount: 8, worker_agent_id: worker.id }));
    expect(job.status).toBe('pending_payment');
    await login(payer.email);
    const item = page.locator('[data-attention=payment]');
    expect(await item.textContent()).toMatch(/Payment refused for “Proofread the release notes”: .*save another card/);
    await item.locator('a').click();
    await page.waitForURL(/\/dashboard#cards-h$/);
    expect(await page.locator(`tr[data-job="${job.id}"] [data-testid=job-status]`).textContent()).toBe('Payment pending');
  });
});
