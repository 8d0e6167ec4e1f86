/**
 * Finding 4: bodies are streamed against their limit and cut off there. Two concurrent 256 MB
 * chunked bodies (no Content-Length) sent to /mcp with a valid key must be refused after the
 * first megabytes, without the server reading (or holding) the rest; the same for REST and the
 * web forms. Measured through the real server: how much of each body the server let the client
 * send before it answered 413 (TCP buffers and the limit allow a few MB), and the memory peak.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, startServer } from '../api/helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
});
afterAll(() => h?.close());

const MB = 1 << 20;

/** POST `total` bytes of spaces, chunked, as fast as the server reads them; stop at its answer. */
function flood(path: string, headers: Record<string, string>, total: number): Promise<{ status: number | null; sent: number }> {
  return new Promise((resolve) => {
    let status: number | null = null, sent = 0, stopped = false;
    const req = request(h.base + path, { method: 'POST', headers: { ...headers, 'Transfer-Encoding': 'chunked' } }, (res) => {
      status = res.statusCode ?? null;
      res.resume();
      done();
    });
    req.on('error', () => done());
    const chunk = Buffer.alloc(MB, 0x20);
    const pump = () => {
      while (!stopped && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!stopped) req.end();
    };
    function done() {
      if (stopped) return;
      stopped = true;
      req.destroy();
      resolve({ status, sent });
    }
    pump();
  });
}

describe('request bodies are cut off at their limit', () => {
  it('/mcp: two concurrent 256 MB chunked initialize bodies are refused after a few MB', async () => {
    const a = await h.agent('flooder');
    const headers = { Authorization: `Bearer ${a.key}`, 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const base = process.memoryUsage().rss;
    let peak = base;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const results = await Promise.all([flood('/mcp', headers, 256 * MB), flood('/mcp', headers, 256 * MB)]);
    clearInterval(sampler);
    for (const r of results) {
      expect(r.sent).toBeLessThan(64 * MB);
      if (r.status !== null) expect(r.status).toBe(413);
    }
    expect(peak - base).toBeLessThan(128 * MB);
    // The server still answers.
    expect((await h.api('GET', '/health')).status).toBe(200);
  });

  it('REST and the web forms: a chunked body over the limit is refused without being read whole', async () => {
    const a = await h.agent('rest-flooder');
    for (const [path, headers] of [
      ['/v1/jobs', { Authorization: `Bearer ${a.token}`, 'Content-Type': 'application/json' }],
      ['/login', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ] as const) {
      const r = await flood(path, headers, 128 * MB);
      expect(r.sent, path).toBeLessThan(48 * MB);
      if (r.status !== null) expect(r.status, path).toBe(413);
    }
  });
});
