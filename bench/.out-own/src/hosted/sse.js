const MAX_BUFFER_CHARS = 1024 * 1024;
export class SseParser {
    onEvent;
    buf = '';
    data = [];
    event = '';
    id = null;
    /** The last id seen (what Last-Event-ID resumes from). */
    lastEventId = null;
    retryMs = null;
    constructor(onEvent) {
        this.onEvent = onEvent;
    }
    push(chunk) {
        this.buf += chunk;
        if (this.buf.length > MAX_BUFFER_CHARS)
            throw new Error('SSE line too long');
        for (;;) {
            const m = /\r\n|\r|\n/.exec(this.buf);
            if (!m)
                break;
            const line = this.buf.slice(0, m.index);
            // A lone \r at the very end may be the first half of \r\n: wait for more.
            if (m[0] === '\r' && m.index === this.buf.length - 1)
                break;
            this.buf = this.buf.slice(m.index + m[0].length);
            this.line(line);
        }
    }
    line(line) {
        if (line === '')
            return this.dispatch();
        if (line.startsWith(':'))
            return;
        const i = line.indexOf(':');
        const field = i < 0 ? line : line.slice(0, i);
        let value = i < 0 ? '' : line.slice(i + 1);
        if (value.startsWith(' '))
            value = value.slice(1);
        if (field === 'data')
            this.data.push(value);
        else if (field === 'event')
            this.event = value;
        else if (field === 'id' && !value.includes('\0'))
            this.id = value;
        else if (field === 'retry' && /^\d+$/.test(value))
            this.retryMs = Number(value);
    }
    dispatch() {
        if (this.id !== null)
            this.lastEventId = this.id;
        if (this.data.length)
            this.onEvent({ id: this.id ?? this.lastEventId, event: this.event || 'message', data: this.data.join('\n') });
        this.data = [];
        this.event = '';
        this.id = null;
    }
}
//# sourceMappingURL=sse.js.map