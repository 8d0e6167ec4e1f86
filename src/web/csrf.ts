/**
 * CSRF defence of the owner's web pages, in two independent layers:
 *
 * 1. Fetch metadata / Origin: a state-changing request the browser marks as not same-origin is
 *    refused. `Sec-Fetch-Site` must be `same-origin` (or `none`: typed by the user) when sent;
 *    `Origin`, when sent and not `null`, must be this site. (The pages' no-referrer policy makes
 *    the browser send `Origin: null` on the site's own forms, so Origin alone cannot decide.)
 *    A page on another port of the same host is same-SITE — SameSite=Strict cookies still go —
 *    but not same-origin: this layer is what stops it.
 * 2. A token bound to the session: HMAC(per-database secret, the owner cookie), or, before login,
 *    HMAC(secret, a random browser id in `vx_csrf`). A tossed cookie is useless: the attacker
 *    cannot compute the token of the victim's session, and logging in or out changes it.
 *
 * Requests without Sec-Fetch-Site and Origin (curl, old browsers) rely on layer 2 alone.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { Identity } from '../engine/identity.js';
import { VoxError } from '../errors.js';

export const CSRF_COOKIE = 'vx_csrf';
const BROWSER_ID = /^[A-Za-z0-9_-]{43}$/;

export type CsrfOptions = {
  identity: Identity;
  /** The cookie holding the owner session the token is bound to. */
  sessionCookie: string;
  cookieOpts: (c: Context) => CookieOptions;
  /** Behind a trusted proxy: X-Forwarded-Host also names this site. */
  trustProxy?: boolean;
  /** Origins (VOXPACT_ALLOWED_ORIGINS) that are this site too (a proxy with another name). */
  allowedOrigins?: string[];
};

const refused = (why: string) => new VoxError('csrf_failed', `the form was not sent from this site (${why}): open the page on this site and submit it again`, 403);

export function csrfGuard(o: CsrfOptions) {
  /** What the token is bound to: the owner session, else this browser's random id (made on first sight). */
  function binding(c: Context, create: boolean): string | null {
    const session = getCookie(c, o.sessionCookie);
    if (session) return `owner:${session}`;
    let id = getCookie(c, CSRF_COOKIE);
    if (!id || !BROWSER_ID.test(id)) {
      if (!create) return null;
      id = randomBytes(32).toString('base64url');
      setCookie(c, CSRF_COOKIE, id, o.cookieOpts(c));
    }
    return `browser:${id}`;
  }

  /** Layer 1: null when the browser says (or cannot say) that the request comes from this site. */
  function crossOrigin(c: Context): VoxError | null {
    const site = c.req.header('Sec-Fetch-Site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refused(`Sec-Fetch-Site: ${site}`);
    const origin = c.req.header('Origin');
    if (origin === undefined || origin === 'null') return null;
    const hosts = [c.req.header('Host'), o.trustProxy ? c.req.header('X-Forwarded-Host') : undefined].filter(Boolean).map((h) => h!.toLowerCase());
    let host = '';
    try {
      host = new URL(origin).host.toLowerCase();
    } catch { /* malformed: refused below */ }
    const allowed = (o.allowedOrigins ?? []).map((x) => x.toLowerCase().replace(/\/$/, ''));
    return hosts.includes(host) || allowed.includes(origin.toLowerCase()) ? null : refused(`Origin ${origin}`);
  }

  return {
    /** The token the forms of this page repeat. */
    token(c: Context): string {
      return o.identity.mac('csrf', binding(c, true)!);
    },
    /** Throws 403 csrf_failed unless the request is same-origin and `sent` is this session's token. */
    check(c: Context, sent: string | undefined): void {
      const bad = crossOrigin(c);
      if (bad) throw bad;
      const b = binding(c, false);
      const want = Buffer.from(b ? o.identity.mac('csrf', b) : ''), got = Buffer.from(sent ?? '');
      if (!want.length || got.length !== want.length || !timingSafeEqual(got, want)) {
        throw new VoxError('csrf_failed', 'the form is stale or was not sent from this site: reload the page and try again', 403);
      }
    },
  };
}
