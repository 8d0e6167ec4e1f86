import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function base62(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      if (b < 248 && out.length < length) out += B62[b % 62]; // 248 = 4 × 62: no bias
    }
  }
  return out;
}

function toBase62(n: number, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) (s = B62[n % 62] + s), (n = Math.floor(n / 62));
  return s;
}

/** Agent ids sort by creation time: `ag_` + 10 chars of time + 16 random (Crockford base32). */
export function agentId(nowMs: number): string {
  let t = '';
  for (let i = 0, n = nowMs; i < 10; i++) (t = CROCKFORD[n % 32] + t), (n = Math.floor(n / 32));
  const r = randomBytes(16);
  let rand = '';
  for (const b of r) rand += CROCKFORD[b % 32];
  return `ag_${t}${rand}`;
}

export const uuid = () => randomUUID();

/**
 * A UUIDv7 (RFC 9562): 48 bits of epoch milliseconds, then 74 random bits. For the ids of rows
 * written by every operation (jobs, deliverables, notifications, charges, bids, messages): an id
 * that grows with time is appended to its primary-key index, where a random one dirties a random
 * page of it — one more WAL page in the commit for each row. Not for secrets or claims (uuid()).
 */
export function timeUuid(nowMs: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(nowMs, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f); // version 7
  b[8] = 0x80 | (b[8] & 0x3f); // variant 10
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
export const token = (prefix: string, length = 24) => `${prefix}_${base62(length)}`;

/**
 * API keys: `vxp_live_` + 30 random base62 characters + a 6-character CRC32 checksum of them,
 * so a scanner can tell a real leaked key from a look-alike without asking the server.
 */
const KEY_PREFIX = 'vxp_live_';
export function newApiKey(): string {
  const body = base62(30);
  return KEY_PREFIX + body + toBase62(crc32(body), 6);
}
export function isWellFormedApiKey(key: string): boolean {
  if (!key.startsWith(KEY_PREFIX) || key.length !== KEY_PREFIX.length + 36) return false;
  const body = key.slice(KEY_PREFIX.length, -6);
  if (!/^[0-9A-Za-z]+$/.test(body)) return false;
  return toBase62(crc32(body), 6) === key.slice(-6);
}
export const sha256 = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');
/** The part of a key that may be shown later to recognise it ("vxp_live_AbC1…"). */
export const keyPrefix = (key: string) => key.slice(0, KEY_PREFIX.length + 4);

/** JSON with object keys sorted, so a retry whose arguments come in another key order hashes the same. */
export const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) =>
  x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, x[k]])) : x);
