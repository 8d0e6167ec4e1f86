/** Signing and the receivers' verify helper, cross-checked with the standardwebhooks package. */
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { newWebhookSecret } from '../../src/webhooks/secret.js';
import { signatureHeaders } from '../../src/webhooks/sign.js';
import { createReplayGuard, verifyWebhook } from '../../src/webhooks/verify.js';

const secret = newWebhookSecret();
const body = JSON.stringify({ event: 'job.accepted', timestamp: '2026-04-02T12:00:00.000Z', job_id: 'j1', worker_agent_id: 'ag_x' });
const nowS = Math.floor(Date.now() / 1000);
const signed = (over: Partial<{ id: string; timestampS: number; body: string; secret: string }> = {}) =>
  signatureHeaders({ id: 'evt_7', timestampS: nowS, body, secret, ...over });

describe('signatureHeaders', () => {
  it('is what standardwebhooks computes, and X-VoxPact-Signature is t=<unix>,v1=<hex>', () => {
    const h = signed();
    expect(h['webhook-signature']).toBe(new Webhook(secret).sign('evt_7', new Date(nowS * 1000), body));
    expect(h['x-voxpact-signature']).toMatch(new RegExp(`^t=${nowS},v1=[0-9a-f]{64}$`));
    expect(new Webhook(secret).verify(body, h)).toEqual(JSON.parse(body));
  });
});

describe('verifyWebhook', () => {
  it('returns the id, timestamp and parsed envelope; accepts Headers objects and any header case', () => {
    const h = signed();
    const v = verifyWebhook(secret, Buffer.from(body), h);
    expect(v).toEqual({ id: 'evt_7', timestamp_s: nowS, payload: JSON.parse(body) });
    expect(verifyWebhook(secret, body, new Headers(h)).id).toBe('evt_7');
    const upper = Object.fromEntries(Object.entries(h).map(([k, x]) => [k.toUpperCase(), x]));
    expect(verifyWebhook(secret, body, upper).payload.event).toBe('job.accepted');
  });

  it('rejects a modified body, another secret, a forged header and missing headers', () => {
    const h = signed();
    expect(() => verifyWebhook(secret, body.replace('j1', 'j2'), h)).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(newWebhookSecret(), body, h)).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(secret, body, { ...h, 'webhook-id': 'evt_8' })).toThrow(/no webhook-signature matches/);
    expect(() => verifyWebhook(secret, body, {})).toThrow(/neither webhook-signature nor X-VoxPact-Signature/);
    const { 'webhook-signature': _a, 'webhook-id': _b, 'webhook-timestamp': _c, ...vox } = h;
    expect(verifyWebhook(secret, body, vox).id).toBeNull();
    expect(() => verifyWebhook(secret, body.replace('j1', 'j2'), vox)).toThrow(/X-VoxPact-Signature does not match/);
    expect(() => verifyWebhook(secret, body, { 'x-voxpact-signature': `t=${nowS},v1=zz` })).toThrow(/does not match/);
  });

  it('rejects timestamps outside the 5-minute window (replays of old captures) and in the future', () => {
    const at = { nowMs: nowS * 1000 }; // a fixed "now", so the boundaries do not depend on how fast the test runs
    const old = signed({ timestampS: nowS - 301 });
    expect(() => verifyWebhook(secret, body, old, at)).toThrow(/tolerance 300 s/);
    expect(() => new Webhook(secret).verify(body, old)).toThrow(/too old/);
    expect(() => verifyWebhook(secret, body, signed({ timestampS: nowS + 301 }), at)).toThrow(/tolerance/);
    expect(verifyWebhook(secret, body, signed({ timestampS: nowS - 300 }), at).id).toBe('evt_7');
    expect(verifyWebhook(secret, body, signed({ timestampS: nowS + 300 }), at).id).toBe('evt_7');
    expect(() => verifyWebhook(secret, body, { ...signed(), 'webhook-timestamp': 'soon' }, at)).toThrow(/not unix seconds/);
    // The signed timestamp cannot be swapped for a fresh one.
    expect(() => verifyWebhook(secret, body, { ...old, 'webhook-timestamp': String(nowS) }, at)).toThrow(/no webhook-signature matches/);
    expect(verifyWebhook(secret, body, old, { nowMs: (nowS - 301) * 1000 }).id).toBe('evt_7');
  });

  it('accepts any matching signature of several (secret rotation on the receiver side)', () => {
    const h = signed();
    expect(verifyWebhook(secret, body, { ...h, 'webhook-signature': `v1,AAAA ${h['webhook-signature']}` }).id).toBe('evt_7');
  });

  it('refuses a body that is not an envelope', () => {
    const text = '[1,2]';
    expect(() => verifyWebhook(secret, text, signed({ body: text }))).toThrow(/no event field/);
    expect(() => verifyWebhook(secret, 'nope', signed({ body: 'nope' }))).toThrow(/not JSON/);
  });
});

describe('createReplayGuard', () => {
  it('lets an id through once within its ttl, then again after it', () => {
    let t = 0;
    const g = createReplayGuard({ ttlMs: 1000, nowMs: () => t });
    expect(g.firstTime('evt_1')).toBe(true);
    expect(g.firstTime('evt_1')).toBe(false);
    expect(g.firstTime('evt_2')).toBe(true);
    t = 1001;
    expect(g.firstTime('evt_1')).toBe(true);
  });
  it('is bounded', () => {
    const g = createReplayGuard({ max: 3 });
    for (const id of ['a', 'b', 'c', 'd']) expect(g.firstTime(id)).toBe(true);
    expect(g.firstTime('d')).toBe(false);
    expect(g.firstTime('a')).toBe(true); // forgotten: the oldest went first
  });
});
