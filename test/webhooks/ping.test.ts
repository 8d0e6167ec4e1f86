/**
 * webhook.ping at registration: 2xx within 5 s registers, anything else refuses the
 * registration with webhook_verification_failed naming webhook_url, and nothing is written.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VoxError } from '../../src/errors.js';
import { RegisterAgentInput, UpdateAgentInput } from '../../src/schemas.js';
import { configureWebhooks } from '../../src/webhooks/options.js';
import { pingWebhook } from '../../src/webhooks/ping.js';
import { openHarness } from './harness.js';
import { type Receiver, startReceiver } from './receiver.js';

let rx: Receiver;
let h: ReturnType<typeof openHarness>;
beforeAll(async () => {
  configureWebhooks({ allowLoopback: true });
  rx = await startReceiver();
  h = openHarness(rx);
});
afterAll(async () => {
  h.close();
  await rx.close();
});
afterEach(() => {
  rx.reset();
  configureWebhooks({ allowLoopback: true });
});

const agentsNamed = (name: string) => (h.engine.db.prepare('SELECT COUNT(*) n FROM agents WHERE name = ?').get(name) as { n: number }).n;

async function refusal(p: Promise<unknown>): Promise<VoxError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(VoxError);
  return e as VoxError;
}

describe('register_agent pings webhook_url first', () => {
  it('registers when the endpoint answers 2xx; the ping is a webhook.ping envelope', async () => {
    const op = h.agent('operator');
    const r = await op.mp.registerAgent({ name: 'pinged-ok', owner_email: 'ok@example.test', webhook_url: `${rx.url}/ping-ok` });
    expect(r.status).toBe('pending_verification');
    const [ping] = rx.to('/ping-ok');
    const body = JSON.parse(ping.body);
    expect(body).toMatchObject({ event: 'webhook.ping', agent_name: 'pinged-ok' });
    expect(typeof body.timestamp).toBe('string');
    expect(ping.headers['webhook-id']).toMatch(/^ping_/);
    expect(Math.abs(Number(ping.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(ping.headers['webhook-signature']).toBeUndefined(); // no secret exists before activation
    expect(agentsNamed('pinged-ok')).toBe(1);
  });

  it('refuses when the endpoint answers 500, naming webhook_url; nothing is written', async () => {
    const op = h.agent('operator');
    rx.respond(() => ({ status: 500, body: 'nope' }));
    const e = await refusal(op.mp.registerAgent({ name: 'pinged-500', owner_email: 'x500@example.test', webhook_url: `${rx.url}/ping-500` }));
    expect(e.code).toBe('webhook_verification_failed');
    expect(e.details.field).toBe('webhook_url');
    expect(e.message).toContain(`${rx.url}/ping-500`);
    expect(e.message).toMatch(/HTTP 500/);
    expect(agentsNamed('pinged-500')).toBe(0);
    expect(h.engine.outbox().some((m) => m.to === 'x500@example.test')).toBe(false);
  });

  it('refuses an endpoint slower than 5 seconds', async () => {
    const op = h.agent('operator');
    rx.respond(() => ({ status: 200, delayMs: 6000 }));
    const t = Date.now();
    const e = await refusal(op.mp.registerAgent({ name: 'pinged-slow', owner_email: 'slow@example.test', webhook_url: `${rx.url}/ping-slow` }));
    const took = Date.now() - t;
    expect(e.code).toBe('webhook_verification_failed');
    expect(e.message).toMatch(/did not answer \(timed out after 5000 ms\)/);
    expect(took).toBeGreaterThanOrEqual(4900);
    expect(took).toBeLessThan(8000); // generous: a loaded CI machine
    expect(agentsNamed('pinged-slow')).toBe(0);
  }, 15_000);

  it('refuses addresses the SSRF guard refuses, without sending anything', async () => {
    configureWebhooks({ allowLoopback: false });
    const op = h.agent('operator');
    for (const [url, why] of [
      [`https://localhost:${rx.port}/ping`, /localhost is not allowed: a webhook URL must name a host that resolves only to public addresses/],
      [`https://127.0.0.1:${rx.port}/ping`, /loopback/],
      ['https://169.254.169.254/latest/meta-data/', /link-local \(cloud metadata\)/],
      ['https://10.0.0.1/hook', /private/],
    ] as const) {
      const e = await refusal(op.mp.registerAgent({ name: 'pinged-ssrf', owner_email: 'ssrf@example.test', webhook_url: url }));
      expect(e.code).toBe('webhook_verification_failed');
      expect(e.message).toMatch(why);
    }
    expect(rx.requests).toHaveLength(0);
    expect(agentsNamed('pinged-ssrf')).toBe(0);
  });

  it('pingWebhook honours a shorter limit and redirects like deliveries do', async () => {
    rx.respond((r) => (r.path === '/old' ? { status: 308, headers: { location: '/new' } } : { status: 204 }));
    await expect(pingWebhook(`${rx.url}/old`)).resolves.toMatchObject({ status: 204 });
    expect(rx.to('/new')).toHaveLength(1);
    rx.respond(() => ({ status: 200, delayMs: 1000 }));
    await expect(pingWebhook(`${rx.url}/slow`, {}, { pingTimeoutMs: 200 })).rejects.toThrow(/timed out after 200 ms.*within 0.2 s/);
  });
});

describe('webhook_url schema', () => {
  it('is HTTPS; loopback http only with VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1', () => {
    const base = { name: 'x-agent', owner_email: 'a@example.test' };
    expect(RegisterAgentInput.safeParse({ ...base, webhook_url: 'https://hooks.example.com/x' }).success).toBe(true);
    expect(RegisterAgentInput.safeParse({ ...base, webhook_url: 'http://127.0.0.1:8080/x' }).success).toBe(true);
    expect(UpdateAgentInput.safeParse({ webhook_url: 'http://localhost:3000/hook' }).success).toBe(true);
    expect(RegisterAgentInput.safeParse({ ...base, webhook_url: 'http://hooks.example.com/x' }).success).toBe(false);
    expect(RegisterAgentInput.safeParse({ ...base, webhook_url: 'http://127.0.0.1.nip.io/x' }).success).toBe(false);
    configureWebhooks({ allowLoopback: false });
    expect(RegisterAgentInput.safeParse({ ...base, webhook_url: 'http://127.0.0.1:8080/x' }).success).toBe(false);
  });
});
