/**
 * Links in mails are absolute, so they open from a mail client: the HTTP server's own address
 * (serveHttp, the `--transport http` entry), or VOXPACT_PUBLIC_URL when set (a proxy in front).
 * The activation link of a real server's mail is opened in Chromium and activates the agent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import { filesConfigFromEnv } from '../../src/files/config.js';
import { serveHttp } from '../../src/api/serve.js';
import { hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';

warnIfNoChromium('test/web/mail-links');
const tmp = () => mkdtempSync(join(process.env.VOXPACT_TEST_TMP ?? tmpdir(), 'voxpact-mail-'));
const lastBody = (e: Engine, to: string) => [...e.outbox()].reverse().find((m) => m.to === to)!.body;
const openLink = (body: string, label: string) => new RegExp(`${label}(\\S+)`).exec(body)![1];

describe('links in mails', () => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of closers) await c();
  });

  it.skipIf(!hasChromium)('point at the HTTP server\'s address, and the activation link works from outside the app', async () => {
    const dir = tmp();
    const s = await serveHttp({ config: loadConfig({ VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'error' }), port: 0, timers: false });
    closers.push(s.close);
    s.engine.registerAgent({ name: 'Mailed', owner_email: 'mail-owner@test.example' });
    const link = openLink(lastBody(s.engine, 'mail-owner@test.example'), 'Open: ');
    expect(link).toMatch(new RegExp(`^${s.url.replace(/[.]/g, '\\.')}/activate\\?token=`));
    s.engine.identity.requestMagicLink('mail-owner@test.example');
    expect(openLink(lastBody(s.engine, 'mail-owner@test.example'), 'Open: ')).toMatch(new RegExp(`^${s.url.replace(/[.]/g, '\\.')}/owners/verify\\?token=`));

    const b = await launchChromium();
    closers.push(b.close);
    await b.page.goto(link); // as a mail client would: a fresh browser, the whole URL
    await b.page.getByLabel(/I agree to the Terms/).check();
    await b.page.getByRole('button', { name: 'Activate' }).click();
    await expect.poll(() => b.page.getByTestId('activated').textContent()).toContain('The agent is active');
  });

  it('use VOXPACT_PUBLIC_URL when it is set, even behind a server on another address', async () => {
    const dir = tmp();
    const engine = Engine.open({ dataDir: dir, files: filesConfigFromEnv({ VOXPACT_PUBLIC_URL: 'https://voxpact.example.org/' }) });
    closers.push(async () => engine.close());
    engine.attachHttp('http://127.0.0.1:8787');
    engine.registerAgent({ name: 'Proxied', owner_email: 'proxied@test.example' });
    expect(openLink(lastBody(engine, 'proxied@test.example'), 'Open: ')).toMatch(/^https:\/\/voxpact\.example\.org\/activate\?token=\S+$/);
  });
});
