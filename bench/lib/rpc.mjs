// Minimal JSON-RPC clients for MCP: newline-delimited over a child's stdio, and streamable
// HTTP over undici. Deliberately thin, so the client's own cost stays small and equal for
// voxpact-mcp and the baselines (the SDK client would also validate every result).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Pool } from 'undici';

export const PROTOCOL = '2025-06-18';
export const INIT_PARAMS = { protocolVersion: PROTOCOL, capabilities: {}, clientInfo: { name: 'voxpact-bench', version: '1' } };

export class StdioPeer {
  constructor(cmd, args, opts = {}) {
    this.t0 = performance.now();
    this.child = spawn(cmd, args, { env: opts.env ?? process.env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.nextId = 1;
    this.pending = new Map();
    this.stderr = '';
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    let buf = '';
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (chunk) => {
      buf += chunk;
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (!line.startsWith('{')) { this.stdoutNoise = (this.stdoutNoise ?? '') + line + '\n'; continue; } // e.g. --trace-gc lines
        const msg = JSON.parse(line);
        if (msg.id != null && this.pending.has(msg.id)) {
          const p = this.pending.get(msg.id);
          this.pending.delete(msg.id);
          if (msg.error) p.reject(Object.assign(new Error(`${msg.error.code}: ${msg.error.message}`), { rpc: msg.error }));
          else p.resolve(msg.result);
        } else if (msg.id != null && msg.method) {
          // a request from the server (elicitation, roots…): we offer none of them
          this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id: msg.id, error: { code: -32601, message: 'not supported' } }) + '\n');
        }
      }
    });
    this.child.stderr.setEncoding('utf8');
    this.child.stderr.on('data', (c) => { if (this.stderr.length < 64_000) this.stderr += c; });
    this.child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`server exited (${code}) with requests pending; stderr:\n${this.stderr.slice(-4000)}`));
      this.pending.clear();
    });
  }
  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
    });
  }
  notify(method, params) {
    this.child.stdin.write(JSON.stringify({ jsonrpc: '2.0', method, params }) + '\n');
  }
  async initialize() {
    const r = await this.request('initialize', INIT_PARAMS);
    this.notify('notifications/initialized');
    return r;
  }
  async call(name, args) {
    const r = await this.request('tools/call', { name, arguments: args });
    if (r.isError) throw new Error(`${name} failed: ${r.content?.[0]?.text}`);
    return r;
  }
  /** Peak resident set size of the server process so far (VmHWM), in MiB. */
  peakRssMiB() {
    return vm(this.child.pid, 'VmHWM');
  }
  rssMiB() {
    return vm(this.child.pid, 'VmRSS');
  }
  async close() {
    this.child.stdin.end();
    const t = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await this.exited;
    clearTimeout(t);
  }
}

function vm(pid, field) {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
export const peakRssOf = (pid) => vm(pid, 'VmHWM');

/** Parse an MCP streamable-HTTP answer: plain JSON or an SSE stream of JSON-RPC messages. */
function parseBody(contentType, text) {
  if (contentType?.includes('text/event-stream')) {
    const out = [];
    for (const ev of text.split(/\r?\n\r?\n/)) {
      const data = ev.split(/\r?\n/).filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      if (data) out.push(JSON.parse(data));
    }
    return out;
  }
  return text ? [JSON.parse(text)] : [];
}

/** One MCP session over streamable HTTP (Mcp-Session-Id after initialize). */
export class HttpSession {
  constructor(pool, path, headers = {}) {
    this.pool = pool;
    this.path = path;
    this.headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers };
    this.nextId = 1;
  }
  async post(msg) {
    const { statusCode, headers, body } = await this.pool.request({ method: 'POST', path: this.path, headers: this.headers, body: JSON.stringify(msg) });
    const text = await body.text();
    if (statusCode >= 400) throw new Error(`HTTP ${statusCode}: ${text.slice(0, 500)}`);
    if (headers['mcp-session-id']) this.headers['mcp-session-id'] = headers['mcp-session-id'];
    if (headers['mcp-protocol-version']) this.headers['mcp-protocol-version'] = headers['mcp-protocol-version'];
    return parseBody(headers['content-type'], text);
  }
  async request(method, params) {
    const id = this.nextId++;
    const msgs = await this.post({ jsonrpc: '2.0', id, method, params });
    const m = msgs.find((x) => x.id === id);
    if (!m) throw new Error(`no answer to ${method}`);
    if (m.error) throw new Error(`${m.error.code}: ${m.error.message}`);
    return m.result;
  }
  async initialize() {
    const r = await this.request('initialize', INIT_PARAMS);
    this.headers['mcp-protocol-version'] = r.protocolVersion;
    await this.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return r;
  }
  async call(name, args) {
    const r = await this.request('tools/call', { name, arguments: args });
    if (r.isError) throw new Error(`${name} failed: ${r.content?.[0]?.text}`);
    return r;
  }
  async close() {
    try {
      await this.pool.request({ method: 'DELETE', path: this.path, headers: this.headers }).then((r) => r.body.text());
    } catch { /* the server may not support DELETE */ }
  }
}

export const newPool = (origin, connections = 32) => new Pool(origin, { connections, pipelining: 1 });
