/**
 * GET /web/events: the same change feed as /v1/events (streamEvents, the same hub and bounds),
 * authenticated by the agent cookie instead of a token in the URL. Every named event is turned
 * into a plain `message` (its name is in the JSON `event` field already), so the page script
 * needs one listener whatever the event types are.
 */
import type { Context } from 'hono';
import type { EventsHub } from '../api/events.js';
import { streamEvents } from '../api/events.js';
import type { AgentPrincipal } from '../engine/identity.js';

export function cookieEvents(c: Context, hub: EventsHub, principal: AgentPrincipal, recheck: () => Promise<void>): Response {
  const res = streamEvents(c, hub, principal, principal.agentId, undefined, recheck);
  if (!res.body) return res;
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  let buf = '';
  const unname = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, ctl) {
      buf += dec.decode(chunk, { stream: true });
      const cut = buf.lastIndexOf('\n');
      if (cut < 0) return;
      const whole = buf.slice(0, cut + 1);
      buf = buf.slice(cut + 1);
      ctl.enqueue(enc.encode(whole.split('\n').filter((l) => !l.startsWith('event:') || l === 'event: error').join('\n')));
    },
    flush(ctl) {
      if (buf) ctl.enqueue(enc.encode(buf));
    },
  });
  return new Response(res.body.pipeThrough(unname), { status: res.status, headers: res.headers });
}
