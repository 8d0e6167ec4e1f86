/**
 * The MCP Apps views (resources/apps.ts) end to end. Over real stdio against the built CLI: the
 * UI `_meta` on get_job_status and get_dashboard only (as ext-apps' own registerAppTool emits it), both
 * ui:// resources listed and read as text/html;profile=mcp-app, the plain results unchanged.
 * In headless Chromium: a test host built on ext-apps' AppBridge loads each view's HTML in a
 * sandboxed iframe, completes the handshake and feeds it real tool results from the stdio
 * servers; the view's tool calls go through the bridge to the same real MCP client.
 * Screenshots go to test-artifacts/web/. The browser half is skipped (with a message) without Chromium.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import { RESOURCE_MIME_TYPE, registerAppResource, registerAppTool } from '@modelcontextprotocol/ext-apps/server';
import { APP_MIME_TYPE, APP_RESULT_META, APP_URIS, appToolMeta } from '../../resources/apps.js';
import { type Any, type McpSession, type McpWorld, cliBuilt, mcpWorld } from '../fixtures/mcp.js';
import { ARTIFACTS, hasChromium, launchChromium, warnIfNoChromium } from '../fixtures/chromium.js';

warnIfNoChromium('test/apps');

/** Written by another agent: must show as text, and its markup must never run. */
const HOSTILE_TITLE = 'Summarise <img src=x onerror="window.__pwned=1"> the report <script>window.__pwned=2</script>';

let w: McpWorld;
let buyerKey: string;
let buyer: McpSession, worker: McpSession;
let delivered: string; // delivered, with a validation (criteria only: no judges here, so "unavailable")
let accepted: string;

async function ok(s: McpSession, name: string, args: Record<string, unknown> = {}) {
  const r = await s.call(name, args);
  if (r.isError) throw new Error(`${name} failed: ${r.text || r.protocolError}`);
  return r.data;
}
/** The raw result, as a host hands it to a view. */
const raw = (s: McpSession, name: string, args: Record<string, unknown>) => s.client.callTool({ name, arguments: args }) as Promise<CallToolResult>;

beforeAll(async () => {
  if (!cliBuilt()) throw new Error('build first: npm run build (the stdio server runs from dist/)');
  w = await mcpWorld('apps');
  const b = w.agent('apps-buyer');
  const wk = w.agent('apps-worker', { card: null, capabilities: ['summarization'] });
  await b.mp.updateMyAgent({ monthly_spending_limit: 60 });
  buyerKey = b.key;
  [buyer, worker] = await Promise.all([w.connect(b.key, { agentId: b.id, args: ['--toolsets', 'all'] }), w.connect(wk.key, { agentId: wk.id, args: ['--toolsets', 'all'] })]);

  const post = (title: string, amount: number) => ok(buyer, 'create_job', {
    title, amount, worker_agent_id: wk.id, task_spec: { description: 'Summarise the attached report in one paragraph.' },
    validation_criteria: { must_include: 'summary' },
  });
  delivered = (await post(HOSTILE_TITLE, 12.5)).id;
  accepted = (await post('Translate the product page', 20)).id;
  await ok(worker, 'accept_job', { job_id: delivered });
  await ok(worker, 'start_job', { job_id: delivered });
  await ok(worker, 'deliver_job', { job_id: delivered, content: 'The summary: revenue grew, costs fell.' });
  await ok(worker, 'accept_job', { job_id: accepted });
  // The worker's server validates the delivery in the background.
  await vi.waitFor(async () => expect((await ok(buyer, 'get_deliverable_preview', { job_id: delivered })).validation?.status).toBe('unavailable'), { timeout: 20_000, interval: 200 });
});
afterAll(async () => {
  await w?.close();
});

describe('MCP Apps over stdio', () => {
  it('links the job card to get_job_status and the spending view to get_dashboard, and no other tool, as registerAppTool would', async () => {
    const { tools } = await buyer.client.listTools();
    const linked = tools.filter((t) => t._meta !== undefined).map((t) => [t.name, t._meta]);
    expect(linked).toEqual([
      ['get_dashboard', { ui: { resourceUri: APP_URIS.spending }, 'ui/resourceUri': APP_URIS.spending }],
      ['get_job_status', { ui: { resourceUri: APP_URIS.jobCard }, 'ui/resourceUri': APP_URIS.jobCard }],
    ].sort((a, b) => tools.findIndex((t) => t.name === a[0]) - tools.findIndex((t) => t.name === b[0])));

    // Our hand-written metadata and MIME type are what ext-apps' own server helpers produce.
    const seen: Record<string, Any> = {};
    const fake = { registerTool: (_: string, c: Any) => (seen.tool = c), registerResource: (...a: Any[]) => (seen.resource = a[2]) } as Any;
    registerAppTool(fake, 'x', { _meta: { ui: { resourceUri: APP_URIS.jobCard } } }, () => ({ content: [] }));
    registerAppResource(fake, 'x', APP_URIS.jobCard, {}, () => ({ contents: [] }));
    expect(appToolMeta(APP_URIS.jobCard)).toEqual(seen.tool._meta);
    expect(APP_MIME_TYPE).toBe(RESOURCE_MIME_TYPE);
    expect(APP_MIME_TYPE).toBe(seen.resource.mimeType);
  });

  it('lists both views and serves each as one self-contained MCP App document', async () => {
    const { resources } = await buyer.client.listResources();
    for (const uri of Object.values(APP_URIS)) {
      expect(resources.find((r) => r.uri === uri), uri).toMatchObject({ mimeType: RESOURCE_MIME_TYPE, title: expect.any(String) });
      const { contents } = await buyer.client.readResource({ uri });
      expect(contents).toHaveLength(1);
      const html = (contents[0] as { text: string }).text;
      expect(contents[0]).toMatchObject({ uri, mimeType: RESOURCE_MIME_TYPE });
      expect(html).toMatch(/^<!doctype html>/);
      expect(html).toContain('globalThis.ExtApps={');
      expect(html).toContain('<meta name="viewport"');
      // Nothing fetched: no external script, stylesheet or image.
      expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
      expect(html.length).toBeGreaterThan(100_000); // the App client is inlined
    }
  });

  it('builds the views only when one is first read: start-up, tools/list and resources/list load none of it (cold start)', async () => {
    // A module-resolution hook in the server process reports loading the view code.
    const hook = join(w.dir, 'trace-views.mjs');
    const resolve = `export async function resolve(s, c, next) { const r = await next(s, c); if (/app-views/.test(r.url)) process._rawDebug('VIEWS LOADED'); return r; }`;
    writeFileSync(hook, `import { register } from 'node:module';\nregister('data:text/javascript,' + encodeURIComponent(${JSON.stringify(resolve)}));\n`);
    const s = await w.connect(buyerKey, { env: { NODE_OPTIONS: `--import=${pathToFileURL(hook).href}` } });
    await s.client.listTools();
    await s.client.listResources();
    expect(s.stderr).not.toContain('VIEWS LOADED');
    await s.client.readResource({ uri: APP_URIS.spending });
    await vi.waitFor(() => expect(s.stderr).toContain('VIEWS LOADED'));
  });

  it('leaves get_job_status and get_dashboard answering as before: one text block and the same structuredContent; get_job_status adds only the next step in _meta, for the view', async () => {
    const job = await raw(buyer, 'get_job_status', { job_id: delivered });
    expect(Object.keys(job).sort()).toEqual(['_meta', 'content', 'structuredContent']);
    expect(job.content).toEqual([{ type: 'text', text: expect.stringContaining(`Job ${delivered}:`) }]);
    // The view shows the very sentence the model reads in the text (tools/format.ts nextStep).
    const next = (job._meta as Any)[APP_RESULT_META.nextStep] as string;
    expect(next).toMatch(/^Next: get_deliverable_preview, then approve_job .* or request_revision/);
    expect((job.content as Any)[0].text).toContain(next);
    // The engine's job, plus the revision feedback and the same next step (issue 14).
    expect(job.structuredContent).toEqual({ ...JSON.parse(JSON.stringify(await w.engine.as(buyer.agentId!).getJob(delivered))), revision_feedback: null, next_step: next });
    const dash = await raw(buyer, 'get_dashboard', {});
    expect(Object.keys(dash).sort()).toEqual(['content', 'structuredContent']);
    expect((dash.structuredContent as Any).spending).toMatchObject({ spent: 32.5, limit: 60, left: 27.5 });
  });
});

// ---------- in a browser, behind ext-apps' AppBridge ----------

/** The host page: ext-apps' app-bridge (bundled for the browser once) and a mount() that loads a view in a sandboxed iframe. */
const HOST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>test host</title>
<style>body{margin:0} iframe{width:100%;height:300px;border:0}</style></head><body>
<script type="module">
import { AppBridge, PostMessageTransport } from '/bridge.js';
window.mount = async (html, hostContext, relay) => {
  document.body.querySelector('iframe')?.remove();
  const iframe = document.createElement('iframe');
  iframe.setAttribute('sandbox', 'allow-scripts');
  iframe.title = 'MCP App view';
  document.body.append(iframe);
  const bridge = new AppBridge(null, { name: 'voxpact-test-host', version: '1.0.0' }, relay ? { serverTools: {} } : {}, { hostContext });
  bridge.oncalltool = (params) => window.hostCallTool(params);
  bridge.onsizechange = ({ height }) => { if (height) iframe.style.height = height + 'px'; };
  const ready = new Promise((r) => (bridge.oninitialized = r));
  await bridge.connect(new PostMessageTransport(iframe.contentWindow, iframe.contentWindow));
  iframe.srcdoc = html;
  await ready;
  window.bridge = bridge;
};
window.feed = async (args, result) => {
  await window.bridge.sendToolInput({ arguments: args });
  await window.bridge.sendToolResult(result);
};
window.ready = true;
</script></body></html>`;

async function bridgeBundle(): Promise<string> {
  const { build } = await import('rolldown');
  const input = createRequire(import.meta.url).resolve('@modelcontextprotocol/ext-apps/app-bridge');
  const out = await build({ input, platform: 'browser', write: false, output: { format: 'esm' }, logLevel: 'silent' });
  return out.output[0].code;
}

describe.skipIf(!hasChromium)('MCP Apps views in Chromium', () => {
  let server: Server;
  let page: Page;
  let closeBrowser: () => Promise<void>;
  /** Whose MCP client the view's tool calls go to. */
  let relayTo: McpSession;

  beforeAll(async () => {
    const bridge = await bridgeBundle();
    server = createServer((req, res) => {
      const [type, body] = req.url === '/bridge.js' ? ['text/javascript', bridge] : ['text/html', HOST_HTML];
      res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    ({ page, close: closeBrowser } = await launchChromium());
    await page.exposeFunction('hostCallTool', (params: { name: string; arguments?: Record<string, unknown> }) => relayTo.client.callTool(params));
    await page.goto(`http://127.0.0.1:${(server.address() as { port: number }).port}/host.html`);
    await page.waitForFunction(() => (window as Any).ready === true);
  });
  afterAll(async () => {
    await closeBrowser?.();
    await new Promise((r) => server?.close(r));
  });

  const html = async (uri: string) => ((await buyer.client.readResource({ uri })).contents[0] as { text: string }).text;
  const view = (): Frame => page.frames().find((f) => f !== page.mainFrame())!;
  const text = (testId: string) => view().getByTestId(testId).textContent();
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `mcp-app-${name}.png`), fullPage: true });

  /** Mount `uri` as `who`'s host and hand it the real result of `tool`. */
  async function show(uri: string, who: McpSession, tool: string, args: Record<string, unknown>, o: { relay?: boolean; theme?: 'light' | 'dark' } = {}) {
    relayTo = who;
    const result = await raw(who, tool, args);
    const context = { theme: o.theme ?? 'light', locale: 'en-GB', platform: 'mobile' };
    await page.evaluate(([h, c, relay]) => (window as Any).mount(h, c, relay), [await html(uri), context, o.relay ?? true] as const);
    await page.evaluate(([a, r]) => (window as Any).feed(a, r), [args, result] as const);
    return result.structuredContent as Any;
  }

  it('shows the buyer a delivered job: status, amount, the full timeline, the validation, approve or revise — and the hostile title as text', async () => {
    const job = await show(APP_URIS.jobCard, buyer, 'get_job_status', { job_id: delivered });
    const transitions = await ok(buyer, 'get_job_transitions', { job_id: delivered });
    await expect.poll(() => view().getByTestId('timeline').locator('li').count()).toBe(transitions.count);
    expect(await text('status')).toBe('Delivered');
    expect(job.status).toBe('delivered');
    expect(await text('amount')).toBe('12.50 EUR');
    expect(await text('role')).toBe('buyer');
    const items = await view().getByTestId('timeline').locator('li').allTextContents();
    expect(items.map((t) => t.split(' ')[0])).toEqual(['Funded', 'Accepted', 'In', 'Delivered']);
    await expect.poll(() => text('validation-status')).toMatch(/^No verdict/);
    expect(await text('validation')).toContain('✓ met: must_include');
    expect(await text('next')).toMatch(/approve_job.*request_revision/);

    expect(await text('title')).toBe(HOSTILE_TITLE);
    expect(await view().locator('img, main script').count()).toBe(0);
    expect(await view().evaluate(() => (window as Any).__pwned)).toBeUndefined();
    await shot('job-card-buyer');
  });

  it('tells the worker of the same job to wait, and the worker of an accepted job to start; a refresh goes through the host to the server', async () => {
    await show(APP_URIS.jobCard, worker, 'get_job_status', { job_id: delivered });
    await expect.poll(() => text('next')).toBe('Delivered; waiting for the buyer to approve_job or request_revision.');
    expect(await text('role')).toBe('worker');

    await show(APP_URIS.jobCard, worker, 'get_job_status', { job_id: accepted });
    expect(await text('status')).toBe('Accepted');
    expect(await text('next')).toBe('Next: start_job, then do the work and deliver_job.');
    await expect.poll(() => view().getByTestId('timeline').locator('li').count()).toBe(2); // the details arrived
    await shot('job-card-worker');
    await ok(worker, 'start_job', { job_id: accepted });
    await view().getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => text('status')).toBe('In progress');
    await expect.poll(() => view().getByRole('status').textContent()).toMatch(/^Updated /); // said to screen readers
    await expect.poll(() => text('next')).toBe('Next: deliver_job with the result as content.');
    await expect.poll(() => view().getByTestId('timeline').locator('li').count()).toBe(3);
  });

  it('without a host that relays tool calls: the card from get_job_status alone, no refresh button', async () => {
    await show(APP_URIS.jobCard, buyer, 'get_job_status', { job_id: delivered }, { relay: false });
    await expect.poll(() => text('status')).toBe('Delivered');
    expect(await view().getByTestId('timeline').locator('li').allTextContents()).toEqual([expect.stringMatching(/^Posted /), expect.stringMatching(/^Delivered /)]);
    expect(await view().getByRole('button').count()).toBe(0);
    expect(await view().locator('main').textContent()).not.toMatch(/null|undefined|\[object/);
  });

  it('shows get_dashboard\'s spending against the cap, and refreshes it after a new payment', async () => {
    const d = await show(APP_URIS.spending, buyer, 'get_dashboard', {});
    const s = d.spending;
    await expect.poll(() => text('spent')).toBe(`${s.spent.toFixed(2)} EUR`);
    expect(await text('cap')).toBe(`${s.limit.toFixed(2)} EUR`);
    expect(await text('left')).toBe(`${s.left.toFixed(2)} EUR`);
    expect(await text('percent')).toBe(`${Math.round((s.spent / s.limit) * 100)} %`);
    expect(await view().locator('meter').getAttribute('value')).toBe(String(s.spent));
    expect(await text('recent')).toContain(HOSTILE_TITLE);
    await shot('spending');

    await ok(buyer, 'create_job', { title: 'One more small job', amount: 7, worker_agent_id: worker.agentId, task_spec: { description: 'x' } });
    await view().getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => text('spent')).toBe(`${(s.spent + 7).toFixed(2)} EUR`);
  });

  it('follows the host\'s dark theme', async () => {
    await show(APP_URIS.spending, buyer, 'get_dashboard', {}, { theme: 'dark' });
    await expect.poll(() => text('spent')).toMatch(/ EUR$/);
    expect(await view().evaluate(() => [document.documentElement.dataset.theme, getComputedStyle(document.body).backgroundColor]))
      .toEqual(['dark', 'rgb(22, 22, 22)']);
    await shot('spending-dark');
  });
});
