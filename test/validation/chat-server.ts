/**
 * A local OpenAI-compatible chat-completions server for the judge tests: node:http on
 * 127.0.0.1, `POST /v1/chat/completions` → `{ choices: [{ message: { content } }] }`.
 * `answer` decides each reply (JSON string content, a raw HTTP answer, or a delay).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatRequest = { model: string; messages: { role: string; content: string }[]; temperature?: number; response_format?: unknown; [k: string]: unknown };
export type Reply =
  | { content: string; model?: string; delayMs?: number }
  | { status: number; body: string; delayMs?: number };
export type Answer = (req: ChatRequest, seen: { headers: IncomingMessage['headers']; path: string }) => Reply | Promise<Reply>;

export const verdict = (passed: boolean, confidence: number, reasoning = passed ? 'The deliverable fulfils the task.' : 'The deliverable misses the task.') =>
  ({ content: JSON.stringify({ passed, confidence, reasoning }) });
export const ruling = (r: 'buyer_wins' | 'worker_wins' | 'split', confidence: number, share: number | null = null, reasoning = 'Ruled on the evidence.') =>
  ({ content: JSON.stringify({ ruling: r, worker_share_percent: share, confidence, reasoning }) });

export async function chatServer(answer: Answer) {
  const requests: { body: ChatRequest; headers: IncomingMessage['headers']; path: string }[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    requests.push({ body, headers: req.headers, path: req.url });
    let r: Reply;
    try {
      r = await answer(body, { headers: req.headers, path: req.url });
    } catch (e) {
      r = { status: 500, body: String(e) };
    }
    if (r.delayMs) await new Promise((ok) => setTimeout(ok, r.delayMs));
    if (res.destroyed) return;
    if ('status' in r) {
      res.writeHead(r.status, { 'content-type': 'application/json' }).end(r.body);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      id: `chatcmpl-${requests.length}`, object: 'chat.completion', model: r.model ?? body.model,
      choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: r.content } }],
    }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
