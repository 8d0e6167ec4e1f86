/**
 * A loopback round-robin load balancer, as the tests' stand-in for HAProxy or a cloud balancer
 * (docs/scaling.md): each request goes to the next backend not known to be down. It behaves as
 * real balancers do where it matters to a client:
 * - a backend that refuses the connection is marked down and the request goes to the next one
 *   (nothing was sent, so nothing can have happened);
 * - a backend that drops a request it was sent (killed mid-request) answers 502: the client
 *   cannot know whether the operation was done, and must find out or retry idempotently;
 * - the client's address is appended to X-Forwarded-For (the servers run with
 *   VOXPACT_TRUST_PROXY=1, so per-IP rate limits see the client, not the balancer).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Balancer = {
  url: string;
  /** Requests each backend answered (by its URL). */
  served: Map<string, number>;
  /** Backends marked down (a refused connection). */
  down: Set<string>;
  /** Requests answered 502 because their backend dropped them. */
  dropped: number;
  close(): Promise<void>;
};

export async function roundRobin(backends: string[]): Promise<Balancer> {
  const served = new Map(backends.map((b) => [b, 0]));
  const down = new Set<string>();
  const agents = new Map(backends.map((b) => [b, new http.Agent({ keepAlive: true })]));
  let next = 0;
  let dropped = 0;
  const pick = () => {
    for (let i = 0; i < backends.length; i++) {
      const b = backends[next++ % backends.length];
      if (!down.has(b)) return b;
    }
    return null;
  };
  const answer = (res: http.ServerResponse, status: number, error: string) => {
    if (res.headersSent) return void res.destroy();
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify({ success: false, error, code: status === 502 ? 'bad_gateway' : 'unavailable' }));
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => forward(Buffer.concat(chunks)));

    function forward(body: Buffer) {
      const backend = pick();
      if (!backend) return answer(res, 503, 'no backend is up');
      const target = new URL(req.url!, backend);
      const xff = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
      const up = http.request(target, {
        method: req.method,
        headers: { ...req.headers, 'x-forwarded-for': xff, 'content-length': String(body.length) },
        agent: agents.get(backend),
      }, (r) => {
        served.set(backend, served.get(backend)! + 1);
        res.writeHead(r.statusCode!, r.headers);
        r.pipe(res);
        r.on('error', () => res.destroy());
      });
      up.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'ECONNREFUSED') {
          down.add(backend);
          return forward(body);
        }
        dropped++;
        answer(res, 502, `the backend dropped the request (${e.code ?? e.message})`);
      });
      up.end(body);
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served, down,
    get dropped() { return dropped; },
    close: () => new Promise<void>((r) => {
      for (const a of agents.values()) a.destroy();
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
