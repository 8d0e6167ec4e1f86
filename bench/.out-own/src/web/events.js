import { streamEvents } from '../api/events.js';
export function cookieEvents(c, hub, principal, recheck) {
    const res = streamEvents(c, hub, principal, principal.agentId, undefined, recheck);
    if (!res.body)
        return res;
    const dec = new TextDecoder();
    const enc = new TextEncoder();
    let buf = '';
    const unname = new TransformStream({
        transform(chunk, ctl) {
            buf += dec.decode(chunk, { stream: true });
            const cut = buf.lastIndexOf('\n');
            if (cut < 0)
                return;
            const whole = buf.slice(0, cut + 1);
            buf = buf.slice(cut + 1);
            ctl.enqueue(enc.encode(whole.split('\n').filter((l) => !l.startsWith('event:') || l === 'event: error').join('\n')));
        },
        flush(ctl) {
            if (buf)
                ctl.enqueue(enc.encode(buf));
        },
    });
    return new Response(res.body.pipeThrough(unname), { status: res.status, headers: res.headers });
}
//# sourceMappingURL=events.js.map