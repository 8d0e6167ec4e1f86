/**
 * Helpers of the attack suites (test/security): an attacker's web server on another port of
 * 127.0.0.1 (same site as the app, so SameSite=Strict cookies still go), and an owner login in
 * Chromium by the emailed code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Page } from 'playwright-core';
import type { Harness } from '../api/helpers.js';

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

/** Log the browser in as `email` (by the emailed code); the one active agent is selected at once. */
export async function browserLogin(h: Harness, ctx: BrowserContext, page: Page, email: string) {
  await ctx.clearCookies();
  await page.goto(`${h.base}/login`);
  await page.getByLabel('Owner email').fill(email);
  await page.getByRole('button', { name: /sign-in link/ }).click();
  await page.getByLabel('6-digit code').waitFor();
  const code = /enter this code: (\d{6})/.exec(h.lastMail(email)!.body)![1];
  await page.getByLabel('6-digit code').fill(code);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(/\/(dashboard|agents)$/);
}
