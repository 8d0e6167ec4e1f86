/**
 * Resumable streams for 2025 sessions over HTTP: every SSE message of a session gets an event id,
 * and a client whose stream dropped (say while its human reads a confirmation) reconnects with
 * `Last-Event-ID` and gets what it missed. In memory and bounded: a 2025 session lives in one
 * process anyway (2026-07-28 requests need no resumption, they are stateless).
 */
import type { EventStore, JSONRPCMessage } from '@modelcontextprotocol/server';

/** Per stream, the newest messages kept for replay. */
const KEEP_PER_STREAM = 256;

export class MemoryEventStore implements EventStore {
  private readonly streams = new Map<string, { seq: number; events: { id: string; message: JSONRPCMessage }[] }>();

  async storeEvent(streamId: string, message: JSONRPCMessage): Promise<string> {
    let s = this.streams.get(streamId);
    if (!s) this.streams.set(streamId, (s = { seq: 0, events: [] }));
    const id = `${streamId}:${++s.seq}`;
    s.events.push({ id, message });
    if (s.events.length > KEEP_PER_STREAM) s.events.shift();
    return id;
  }

  async getStreamIdForEventId(eventId: string): Promise<string | undefined> {
    const streamId = eventId.slice(0, eventId.lastIndexOf(':'));
    return this.streams.has(streamId) ? streamId : undefined;
  }

  async replayEventsAfter(lastEventId: string, { send }: { send: (eventId: string, message: JSONRPCMessage) => Promise<void> }): Promise<string> {
    const streamId = (await this.getStreamIdForEventId(lastEventId)) ?? '';
    const seq = Number(lastEventId.slice(lastEventId.lastIndexOf(':') + 1));
    for (const e of this.streams.get(streamId)?.events ?? []) {
      if (Number(e.id.slice(e.id.lastIndexOf(':') + 1)) > seq) await send(e.id, e.message);
    }
    return streamId;
  }
}
