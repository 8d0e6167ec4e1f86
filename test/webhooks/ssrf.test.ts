/**
 * The SSRF guard: every class of address is refused (checked after DNS resolution), the
 * loopback switch opens loopback only, and connections go to the vetted address whatever DNS
 * says later. No traffic leaves the machine: refusals happen before any connect, and the only
 * connections made are to the loopback receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedReason, vetUrl } from '../../src/webhooks/ssrf.js';
import { postWebhook } from '../../src/webhooks/http.js';
import { type Receiver, startReceiver } from './receiver.js';

const OFF = { allowLoopback: false };
const ON = { allowLoopback: true };
const fixed = (...addresses: string[]) => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

describe('blockedReason', () => {
  it.each([
    ['10.0.0.1', 'private'], ['10.255.255.255', 'private'], ['172.16.0.1', 'private'], ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'], ['127.0.0.1', 'loopback'], ['127.8.9.10', 'loopback'],
    ['169.254.169.254', 'link-local'], ['169.254.0.1', 'link-local'], ['100.64.0.1', 'carrier-grade NAT'], ['100.127.255.255', 'carrier-grade NAT'],
    ['0.0.0.0', 'this-network'], ['0.1.2.3', 'this-network'], ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'], ['255.255.255.255', 'broadcast'], ['192.0.2.5', 'documentation'], ['198.18.0.1', 'benchmarking'],
    ['::1', 'loopback'], ['::', 'unspecified'], ['fc00::1', 'unique-local'], ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'], ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped 127.0.0.1: loopback'], ['::ffff:a9fe:a9fe', 'IPv4-mapped 169.254.169.254: link-local'],
    ['::ffff:10.0.0.1', 'IPv4-mapped 10.0.0.1: private'], ['::127.0.0.1', 'IPv4-compatible'], ['64:ff9b::a00:1', 'NAT64 10.0.0.1'],
    ['2002:c0a8:0101::1', '6to4 192.168.1.1'], ['2001:db8::1', 'documentation'],
    ['::ffff:0:10.0.0.1', 'IPv4-translated 10.0.0.1'], ['::ffff:0:a9fe:a9fe', 'IPv4-translated 169.254.169.254'], ['64:ff9b:1::8.8.8.8', 'local-use NAT64'],
  ])('refuses %s (%s)', (ip, why) => {
    expect(blockedReason(ip)).toContain(why);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '172.15.255.255', '100.128.0.1', '100.63.255.255', '192.169.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2a00:1450::1'])(
    'allows the public address %s', (ip) => {
      expect(blockedReason(ip)).toBeNull();
    });
});

describe('vetUrl with the loopback switch off (production)', () => {
  it.each([
    ['https://127.0.0.1/hook', /127\.0\.0\.1 is not a public address: loopback/],
    ['https://localhost/hook', /localhost is not allowed: a webhook URL must name a host that resolves only to public addresses/], // a hostname resolving to loopback (system resolver): not which address
    ['https://[::1]:8443/hook', /loopback/],
    ['https://10.1.2.3/hook', /private \(10\.0\.0\.0\/8\)/],
    ['https://172.20.0.1/hook', /private \(172\.16\.0\.0\/12\)/],
    ['https://192.168.0.1/hook', /private \(192\.168\.0\.0\/16\)/],
    ['https://169.254.169.254/latest/meta-data/', /link-local \(cloud metadata\)/],
    ['https://100.64.1.1/hook', /carrier-grade NAT/],
    ['https://[fd00::1]/hook', /unique-local/],
    ['https://[fe80::1]/hook', /link-local/],
    ['https://[::ffff:169.254.169.254]/hook', /IPv4-mapped 169\.254\.169\.254/],
    ['https://0.0.0.0/hook', /this-network/],
    ['https://224.0.0.1/hook', /multicast/],
    ['https://2130706433/hook', /loopback/], // 127.0.0.1 as one number
    ['https://0x7f.1/hook', /loopback/],
    ['https://017700000001/hook', /loopback/], // octal
    ['http://93.184.216.34/hook', /only https:\/\//],
    ['ftp://example.com/hook', /only https:\/\//],
    ['https://user:pw@hooks.example.com/', /credentials/],
    ['not a url', /not a URL/],
  ])('refuses %s', async (url, why) => {
    await expect(vetUrl(url, OFF)).rejects.toThrow(why);
  });

  it('checks every address a name resolves to: one private answer refuses it, without saying which (no DNS oracle)', async () => {
    for (const [name, addrs] of [['hooks.example.test', ['93.184.216.34', '10.0.0.7']], ['rebind.example.test', ['127.0.0.1']], ['v6.example.test', ['::ffff:192.168.1.1']], ['siit.example.test', ['::ffff:0:10.0.0.1']]] as const) {
      const e = await vetUrl(`https://${name}/x`, { ...OFF, resolve: fixed(...addrs) }).catch((x: Error) => x);
      expect(String(e)).toContain(`${name} is not allowed: a webhook URL must name a host that resolves only to public addresses`);
      for (const a of addrs) expect(String(e)).not.toContain(a);
    }
    const ok = await vetUrl('https://hooks.example.test/x', { ...OFF, resolve: fixed('93.184.216.34', '2606:4700::1') });
    expect(ok.addresses.map((a) => a.address)).toEqual(['93.184.216.34', '2606:4700::1']);
  });

  it('a name that does not resolve gets the same answer as an internal one', async () => {
    await expect(vetUrl('https://nothing.invalid/x', { ...OFF, resolve: async () => { throw Object.assign(new Error('x'), { code: 'ENOTFOUND' }); } }))
      .rejects.toThrow(/^nothing\.invalid is not allowed: a webhook URL must name a host that resolves only to public addresses$/);
  });
});

describe('vetUrl with VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1', () => {
  it('allows http and https to loopback only', async () => {
    await expect(vetUrl('http://127.0.0.1:9999/hook', ON)).resolves.toBeTruthy();
    await expect(vetUrl('http://localhost:9999/hook', ON)).resolves.toBeTruthy();
    await expect(vetUrl('http://[::1]:9999/hook', ON)).resolves.toBeTruthy();
    await expect(vetUrl('https://10.0.0.1/hook', ON)).rejects.toThrow(/private/);
    await expect(vetUrl('http://192.168.1.1/hook', ON)).rejects.toThrow(/private/);
    await expect(vetUrl('https://169.254.169.254/', ON)).rejects.toThrow(/link-local/);
    await expect(vetUrl('http://93.184.216.34/hook', ON)).rejects.toThrow(/only https/);
    await expect(vetUrl('http://mixed.example.test/', { ...ON, resolve: fixed('127.0.0.1', '10.0.0.1') })).rejects.toThrow(/mixed.example.test is not allowed/);
  });
});

describe('connections go to the vetted address', () => {
  let rx: Receiver;
  beforeAll(async () => {
    rx = await startReceiver();
  });
  afterAll(() => rx.close());

  it('connects to the address that was checked, not to what DNS answers at connect time', async () => {
    // `pinned.example.test` is not in any DNS: the request can only arrive through the pinned lookup.
    const r = await postWebhook(`http://pinned.example.test:${rx.port}/pinned`, '{"event":"x"}', {}, { ...ON, timeoutMs: 2000, maxRedirects: 0, resolve: fixed('127.0.0.1') });
    expect(r).toMatchObject({ ok: true, status: 200 });
    expect(rx.to('/pinned')).toHaveLength(1);
    expect(rx.to('/pinned')[0].headers.host).toBe(`pinned.example.test:${rx.port}`);
  });

  it('never connects when refused', async () => {
    const before = rx.requests.length;
    const r = await postWebhook(`http://localhost:${rx.port}/x`, '{}', {}, { ...OFF, timeoutMs: 2000, maxRedirects: 3 });
    expect(r).toMatchObject({ ok: false, refused: true, status: null });
    expect(r.error).toMatch(/refused: localhost is not allowed/);
    expect(rx.requests.length).toBe(before);
  });
});
