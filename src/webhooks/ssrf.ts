/**
 * Outbound webhook requests go only to public addresses. The URL's host is resolved here,
 * every address is checked, and the connection is made to a checked address only (an undici
 * Agent whose `connect.lookup` returns the vetted addresses), so DNS cannot change its answer
 * between the check and the connect (rebinding). Redirects are re-checked hop by hop (http.ts).
 *
 * Refused: private (10/8, 172.16/12, 192.168/16), loopback (127/8, ::1), link-local
 * (169.254/16 — cloud metadata lives at 169.254.169.254 — and fe80::/10), CGNAT (100.64/10),
 * unique-local fc00::/7, "this network" 0/8 and ::, multicast and reserved ranges,
 * documentation and benchmark nets, and IPv6 forms embedding any of those IPv4 addresses
 * (IPv4-mapped ::ffff:a.b.c.d, IPv4-translated ::ffff:0:a.b.c.d (SIIT), IPv4-compatible,
 * NAT64 64:ff9b::/96, 6to4 2002::/16), and local-use NAT64 64:ff9b:1::/48 whole (its translator
 * is on the operator's network).
 * A refused host NAME gets one answer whatever the reason (unresolvable, or which private address
 * it resolves to): naming it would make registration a DNS oracle of the internal network. The
 * reason goes to the server log.
 * `allowLoopback` (VOXPACT_WEBHOOK_ALLOW_LOOPBACK=1) lets http(s) reach loopback — nothing else.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { createRequire } from 'node:module';
import type { Agent } from 'undici';
import { log } from '../log.js';

/** undici (a large module) loads when the first webhook is sent, not when the server starts. */
let undici: typeof import('undici') | undefined;
export const loadUndici = (): typeof import('undici') => (undici ??= createRequire(import.meta.url)('undici') as typeof import('undici'));

export class SsrfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SsrfError';
  }
}

type Range4 = [string, number, string];
const V4_BLOCKED: Range4[] = [
  ['0.0.0.0', 8, 'this-network'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay anycast'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}
const inRange4 = (n: number, base: string, bits: number) => bits === 0 || Math.floor(n / 2 ** (32 - bits)) === Math.floor(v4ToInt(base) / 2 ** (32 - bits));

/** IPv6 text → 8 groups of 16 bits (handles "::" and a trailing dotted IPv4). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, '');
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    s = s.slice(0, -dotted[1].length) + `${Math.floor(n / 65536).toString(16)}:${(n % 65536).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

const groupsToV4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/** Why `ip` must not be contacted, or null when it is a public unicast address. */
export function blockedReason(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) {
    const n = v4ToInt(ip);
    if (ip === '255.255.255.255') return 'broadcast';
    for (const [base, bits, why] of V4_BLOCKED) if (inRange4(n, base, bits)) return `${why} (${base}/${bits})`;
    return null;
  }
  if (family !== 6) return 'not an IP address';
  const g = v6Groups(ip);
  const zeroUntil = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (g.every((x) => x === 0)) return 'unspecified (::)';
  if (zeroUntil(7) && g[7] === 1) return 'loopback (::1)';
  if (zeroUntil(5) && g[5] === 0xffff) return embedded('IPv4-mapped', groupsToV4(g[6], g[7]));
  if (zeroUntil(4) && g[4] === 0xffff && g[5] === 0) return embedded('IPv4-translated', groupsToV4(g[6], g[7]));
  if (zeroUntil(6)) return embedded('IPv4-compatible', groupsToV4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return embedded('NAT64', groupsToV4(g[6], g[7]));
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'local-use NAT64 (64:ff9b:1::/48)';
  if (g[0] === 0x2002) return embedded('6to4', groupsToV4(g[1], g[2]));
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local (fc00::/7)';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local (fe80::/10)';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local (fec0::/10)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast (ff00::/8)';
  if (g[0] === 0x2001 && g[1] === 0x0db8) return 'documentation (2001:db8::/32)';
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return 'discard (100::/64)';
  return null;
}

function embedded(kind: string, v4: string): string | null {
  const inner = blockedReason(v4);
  return inner ? `${kind} ${v4}: ${inner}` : null;
}

export const isLoopback = (ip: string) => {
  const f = isIP(ip);
  if (f === 4) return inRange4(v4ToInt(ip), '127.0.0.0', 8);
  if (f === 6) {
    const g = v6Groups(ip);
    if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true;
    return g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff && g[6] >> 8 === 127;
  }
  return false;
};

export type Resolver = (host: string) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (host) => dnsLookup(host, { all: true, verbatim: true });

export type VettedTarget = { url: URL; addresses: LookupAddress[] };

/**
 * Check a webhook URL and resolve it to addresses we may connect to. Throws SsrfError naming
 * the rule. Every resolved address must pass: one private answer refuses the whole name.
 */
export async function vetUrl(raw: string | URL, opts: { allowLoopback: boolean; resolve?: Resolver }): Promise<VettedTarget> {
  let url: URL;
  try {
    url = new URL(String(raw));
  } catch {
    throw new SsrfError(`'${String(raw)}' is not a URL`);
  }
  if (url.username || url.password) throw new SsrfError('webhook URLs must not carry credentials');
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new SsrfError(`only https:// webhook URLs are allowed (got ${url.protocol})`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  /** A refused name: the same words whatever the reason (logged for the operator). */
  const refusedName = (reason: string) => {
    log('info', 'webhook host refused', { host, reason });
    return new SsrfError(`${host} is not allowed: a webhook URL must name a host that resolves only to public addresses`);
  };
  let addresses: LookupAddress[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) }];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch (e) {
      throw refusedName(`cannot resolve: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (!addresses.length) throw refusedName('no addresses');
  }
  const allLoopback = addresses.every((a) => isLoopback(a.address));
  if (opts.allowLoopback && allLoopback) return { url, addresses };
  for (const a of addresses) {
    if (opts.allowLoopback && isLoopback(a.address)) continue; // the refusal names the address that is not allowed
    const why = blockedReason(a.address);
    if (why) throw host === a.address ? new SsrfError(`${host} is not a public address: ${why}`) : refusedName(`resolves to ${a.address}: ${why}`);
  }
  if (url.protocol !== 'https:') throw new SsrfError(`only https:// webhook URLs are allowed (got ${url.protocol}//${url.host})`);
  return { url, addresses };
}

/**
 * An undici Agent that connects only to `addresses` whatever the hostname (TLS still checks the
 * certificate against the hostname). Node may ask for one address or all (happy eyeballs).
 */
export function pinnedAgent(addresses: LookupAddress[], connectTimeoutMs: number): Agent {
  const lookup = (_host: string, options: { all?: boolean } | number | undefined, cb: (...args: unknown[]) => void) => {
    const all = typeof options === 'object' && options?.all;
    if (all) cb(null, addresses.map((a) => ({ address: a.address, family: a.family })));
    else cb(null, addresses[0].address, addresses[0].family);
  };
  return new (loadUndici().Agent)({ connect: { lookup: lookup as never, timeout: connectTimeoutMs }, keepAliveTimeout: 1, keepAliveMaxTimeout: 1, connections: 1, pipelining: 0 });
}
