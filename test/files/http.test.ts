/**
 * The local store's signed URLs over real HTTP: the lazy loopback listener (stdio mode), the
 * REST app's /files mount, and every way a URL can be abused — tampered, expired (the injected
 * ManualClock moves), replayed for another file or after confirm, wrong Content-Type, too big.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { loadConfig } from '../../src/config.js';
import { Engine } from '../../src/engine/index.js';
import { serveHttp } from '../../src/api/serve.js';
import { newMarket, type Agent, type Market } from '../helpers/market.js';
import { startServer, expectOk, expectError, expectList } from '../api/helpers.js';
import { PDF, http, inProgress, inline, put, sha, uploadReq } from './helpers.js';
import { unpaidExcerpt } from '../../src/engine/preview.js';

async function ready() {
  const m = newMarket();
  const buyer = m.buyer();
  const worker = m.worker();
  const jobId = await inProgress(m, buyer, worker);
  return { m, buyer, worker, jobId };
}

const request = (a: Agent, jobId: string, o: Partial<Record<string, unknown>> = {}) => a.mp.requestUpload(jobId, uploadReq(o));
const withParam = (url: string, k: string, v: string) => { const u = new URL(url); u.searchParams.set(k, v); return u.toString(); };
const code = (r: { json: any }) => r.json?.error?.code;

describe('signed upload URLs (local store, loopback listener)', () => {
  it('the listener starts on the first URL, on 127.0.0.1, and answers a health probe with the store id', async () => {
    const { m, buyer, jobId } = await ready();
    expect(m.engine.files.service.listenerAddress()).toBeNull();
    const u = await request(buyer, jobId);
    const base = m.engine.files.service.listenerAddress()!;
    expect(u.upload_url.startsWith(`${base}/files/`)).toBe(true);
    const h = await http(`${base}/files/_health`);
    expect(h.json).toEqual({ service: 'voxpact-files', store_id: m.engine.files.service.signer.storeId() });
    expect((await http(u.upload_url, { method: 'POST' })).status).toBe(405);
  });

  it('tampered URLs are refused: signature, expiry, size limit, content type, key, file, agent', async () => {
    const { m, buyer, worker, jobId } = await ready();
    const u = await request(buyer, jobId);
    const other = await request(buyer, jobId, { filename: 'other.pdf' });
    const sig = new URL(u.upload_url).searchParams.get('sig')!;
    const flipped = sig.slice(0, -2) + (sig.endsWith('AA') ? 'BB' : 'AA');
    const tampered = [
      withParam(u.upload_url, 'sig', flipped),
      withParam(u.upload_url, 'exp', String(Date.parse(u.expires_at) + 3_600_000)),
      withParam(u.upload_url, 'max', '999999999'),
      withParam(u.upload_url, 'ct', 'text/plain'),
      withParam(u.upload_url, 'fid', other.file_id),
      withParam(u.upload_url, 'aid', worker.id),
      u.upload_url.replace(u.file_id, other.file_id), // the key of another file
      withParam(u.upload_url, 'sig', ''),
    ];
    for (const url of tampered) {
      const r = await put(url, PDF, url.includes('ct=text') ? 'text/plain' : 'application/pdf');
      expect(r.status, url).toBe(403);
      expect(code(r), url).toBe('invalid_signature');
    }
    // Replayed for another file: the other file's key with this file's signature.
    const replay = new URL(other.upload_url);
    replay.search = new URL(u.upload_url).search;
    expect(code(await put(replay.toString(), PDF, 'application/pdf'))).toBe('invalid_signature');
    expect(await m.engine.files.service.localStore()!.head(u.r2_key)).toBeNull();
    expect((await put(u.upload_url, PDF, 'application/pdf')).status).toBe(200); // the genuine URL still works
  });

  it('expires after 30 minutes of the injected clock', async () => {
    const { m, buyer, jobId } = await ready();
    const u = await request(buyer, jobId);
    m.advance(30 * 60_000 - 1);
    expect((await put(u.upload_url, PDF, 'application/pdf')).status).toBe(200);
    const late = await request(buyer, jobId, { filename: 'late.pdf' });
    m.advance(30 * 60_000);
    const r = await put(late.upload_url, PDF, 'application/pdf');
    expect(r.status).toBe(403);
    expect(code(r)).toBe('url_expired');
    // The object uploaded in time can still be confirmed after the URL expired.
    expect((await buyer.mp.confirmUpload(jobId, u.file_id)).upload_status).toBe('confirmed');
    await expect(buyer.mp.confirmUpload(jobId, late.file_id)).rejects.toMatchObject({ code: 'upload_incomplete' });
  });

  it('takes only the signed Content-Type and at most the declared size, counted while streaming', async () => {
    const { m, buyer, jobId } = await ready();
    const u = await request(buyer, jobId, { file_size_bytes: 100 });
    const wrong = await put(u.upload_url, PDF, 'text/plain');
    expect([wrong.status, code(wrong)]).toEqual([403, 'content_type_mismatch']);
    expect(code(await http(u.upload_url, { method: 'PUT', body: PDF }))).toBe('content_type_mismatch');
    expect((await put(u.upload_url, Buffer.alloc(10), 'Application/PDF')).status).toBe(200); // same type, other spelling

    const big = await put(u.upload_url, Buffer.alloc(101), 'application/pdf');
    expect([big.status, code(big)]).toEqual([413, 'file_too_large']);
    // No Content-Length (chunked): the limit is enforced on the bytes as they arrive, nothing is kept.
    const chunks = new ReadableStream({ start(c) { for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(30)); c.close(); } });
    const streamed = await http(u.upload_url, { method: 'PUT', body: chunks, headers: { 'Content-Type': 'application/pdf' }, duplex: 'half' });
    expect([streamed.status, code(streamed)]).toEqual([413, 'file_too_large']);
    expect((await m.engine.files.service.localStore()!.head(u.r2_key))!.size_bytes).toBe(10); // the earlier complete upload is intact
    const fine = new ReadableStream({ start(c) { c.enqueue(new Uint8Array(50)); c.enqueue(new Uint8Array(50)); c.close(); } });
    expect((await http(u.upload_url, { method: 'PUT', body: fine, headers: { 'Content-Type': 'application/pdf' }, duplex: 'half' })).status).toBe(200);
    expect((await buyer.mp.confirmUpload(jobId, u.file_id)).file_size_bytes).toBe(100);
  });

  it('a URL used again after confirm, or after delete, stores nothing', async () => {
    const { m, buyer, jobId } = await ready();
    const u = await request(buyer, jobId);
    await put(u.upload_url, PDF, 'application/pdf');
    await buyer.mp.confirmUpload(jobId, u.file_id);
    const again = await put(u.upload_url, Buffer.from('%PDF-1.7 swapped'), 'application/pdf');
    expect([again.status, code(again)]).toEqual([409, 'upload_closed']);
    const d = await buyer.mp.getFileDownloadUrl(jobId, u.file_id);
    expect((await http(d.download_url)).body.equals(PDF)).toBe(true);

    const v = await request(buyer, jobId, { filename: 'v.pdf' });
    await buyer.mp.deleteFile(jobId, v.file_id);
    expect(code(await put(v.upload_url, PDF, 'application/pdf'))).toBe('upload_closed');
    expect(await m.engine.files.service.localStore()!.head(v.r2_key)).toBeNull();
  });
});

describe('signed download URLs', () => {
  it('GET, HEAD and ranges; expire after 1 hour; an upload URL is not a download URL', async () => {
    const { m, buyer, worker, jobId } = await ready();
    const body = Buffer.from('0123456789abcdefghij');
    const c = await buyer.mp.uploadFile(jobId, inline({ filename: 'digits.txt', content: body.toString() }));
    const d = await worker.mp.getFileDownloadUrl(jobId, c.file_id);
    const full = await http(d.download_url);
    expect(full.status).toBe(200);
    expect(full.body.equals(body)).toBe(true);
    expect(sha(full.body)).toBe(d.sha256);
    expect(full.headers.get('content-length')).toBe('20');
    expect(full.headers.get('cache-control')).toBe('private, no-store');
    expect(full.headers.get('content-security-policy')).toMatch(/sandbox/);
    const part = await http(d.download_url, { headers: { Range: 'bytes=5-9' } });
    expect([part.status, part.body.toString(), part.headers.get('content-range')]).toEqual([206, '56789', 'bytes 5-9/20']);
    expect((await http(d.download_url, { headers: { Range: 'bytes=-3' } })).body.toString()).toBe('hij');
    expect((await http(d.download_url, { headers: { Range: 'bytes=50-60' } })).status).toBe(416);
    const head = await http(d.download_url, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length'), head.body.length]).toEqual([200, '20', 0]);

    // A download URL cannot upload, and an upload URL cannot download.
    expect(code(await put(d.download_url, 'x', 'text/plain'))).toBe('invalid_signature');
    const u = await request(buyer, jobId, { filename: 'u.pdf' });
    await put(u.upload_url, PDF, 'application/pdf');
    expect(code(await http(u.upload_url))).toBe('invalid_signature');

    m.advance(60 * 60_000);
    const expired = await http(d.download_url);
    expect([expired.status, code(expired)]).toEqual([403, 'url_expired']);
    const downloads = m.engine.files.accessLog(c.file_id).filter((l) => l.action === 'download');
    expect(downloads.map((l) => l.detail)).toEqual(['20 bytes', 'bytes 5-9', 'bytes 17-19']);
    expect(downloads.every((l) => l.agent_id === worker.id)).toBe(true);
  });
});

describe('HTTP servers', () => {
  it('the REST API serves the file endpoints and the signed URLs on its own port (/files)', async () => {
    const h = await startServer({ rateLimits: false });
    try {
      h.engine.files.service.attachHttp(h.base);
      const buyer = await h.agent('buyer');
      const worker = await h.agent('worker', { capabilities: ['summarization'] });
      const { directJob } = await import('../api/helpers.js');
      const jobId = await directJob(buyer, worker, 'in_progress');
      const u = expectOk(await h.api('POST', `/v1/jobs/${jobId}/files/upload-url`, { token: worker.token, body: { purpose: 'deliverable', filename: 'report.md', content_type: 'text/markdown', file_size_bytes: 9 } }), 201);
      expect(u.upload_url.startsWith(`${h.base}/files/deliverables/${jobId}/`)).toBe(true);
      expect(h.engine.files.service.listenerAddress()).toBeNull(); // no second listener
      expect((await put(u.upload_url, '# Report', 'text/markdown')).status).toBe(200);
      const c = expectOk(await h.api('POST', `/v1/jobs/${jobId}/files/${u.file_id}/confirm`, { token: worker.token }));
      expect(c).toMatchObject({ upload_status: 'confirmed', file_size_bytes: 8, file_size_human: '8 B', job_status: 'delivered', revision_number: 1 });
      const list = expectList(await h.api('GET', `/v1/jobs/${jobId}/files?purpose=deliverable&limit=5`, { token: buyer.token }));
      expect(list).toMatchObject({ count: 1, total: 1, items: [{ id: u.file_id, original_filename: 'report.md' }] });
      const p = expectOk(await h.api('GET', `/v1/jobs/${jobId}/files/${u.file_id}/preview`, { token: buyer.token }));
      expect(p).toMatchObject({ preview_content: unpaidExcerpt('# Report'), is_partial: true, message: 'Approve the job to confirm payment and download the full deliverable.' });
      expectError(await h.api('GET', `/v1/jobs/${jobId}/files/${u.file_id}/download-url`, { token: buyer.token }), 409, 'invalid_status');
      expectError(await h.api('DELETE', `/v1/jobs/${jobId}/files/${u.file_id}`, { token: worker.token }), 409, 'deliverable_locked');
      expectError(await h.api('POST', `/v1/jobs/${jobId}/files/upload-url`, { token: buyer.token, body: { purpose: 'input', filename: 'x.exe', content_type: 'application/pdf', file_size_bytes: 1 } }), 400, 'blocked_extension');
      expectError(await h.api('GET', `/v1/jobs/${jobId}/files?limit=51`, { token: buyer.token }), 400, 'validation_error');
      await buyer.mp.approveJob(jobId);
      const d = expectOk(await h.api('GET', `/v1/jobs/${jobId}/files/${u.file_id}/download-url`, { token: buyer.token }));
      expect((await http(d.download_url)).body.toString()).toBe('# Report');
    } finally {
      await h.close();
    }
  });

  it('serveHttp points signed URLs at itself', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voxpact-files-serve-'));
    const engine = Engine.open({ dbPath: join(dir, 'voxpact.db'), clock: new ManualClock() });
    const s = await serveHttp({ config: loadConfig({ VOXPACT_DATA_DIR: dir, VOXPACT_LOG_LEVEL: 'error' }), engine, port: 0, timers: false });
    try {
      const a = engine.createLocalAgent({ name: 'buyer', owner_email: 'b@serve.example', card: 'pm_card_visa' });
      const w = engine.createLocalAgent({ name: 'worker', owner_email: 'w@serve.example', capabilities: ['summarization'] });
      const { PostJobInput } = await import('../../src/schemas.js');
      const j = await engine.as(a.agent_id).postJob(PostJobInput.parse({ title: 'A job with files', task_spec: { description: 'x' }, amount: 10, worker_agent_id: w.agent_id }));
      const u = await engine.as(a.agent_id).requestUpload(j.id, uploadReq());
      expect(u.upload_url.startsWith(`${s.url}/files/`)).toBe(true);
      expect((await put(u.upload_url, PDF, 'application/pdf')).status).toBe(200);
    } finally {
      await s.close();
      engine.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a fixed VOXPACT_FILES_PORT taken by another process on the same database is reused; on another database it is an error', async () => {
    const port = await new Promise<number>((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => ok(p)); }); });
    const dir = mkdtempSync(join(tmpdir(), 'voxpact-files-port-'));
    const files = { port, publicUrl: null, s3: null };
    const clock = new ManualClock();
    const first = Engine.open({ dbPath: join(dir, 'voxpact.db'), clock, files });
    const second = Engine.open({ dbPath: join(dir, 'voxpact.db'), clock, files });
    const stranger = Engine.open({ dbPath: join(dir, 'other.db'), clock, files: { ...files, dir: join(dir, 'other-files') } });
    try {
      expect(await first.files.service.urlBase()).toBe(`http://127.0.0.1:${port}`);
      expect(await second.files.service.urlBase()).toBe(`http://127.0.0.1:${port}`);
      expect(second.files.service.listenerAddress()).toBeNull(); // served by the first
      await expect(stranger.files.service.urlBase()).rejects.toThrow(/cannot serve file URLs on 127\.0\.0\.1:\d+/);

      // A URL issued by the second process works: the first verifies it with the shared secret.
      const b = second.createLocalAgent({ name: 'buyer', owner_email: 'b@port.example', card: 'pm_card_visa' });
      const w = second.createLocalAgent({ name: 'worker', owner_email: 'w@port.example' });
      const { PostJobInput } = await import('../../src/schemas.js');
      const j = await second.as(b.agent_id).postJob(PostJobInput.parse({ title: 'Two processes', task_spec: { description: 'x' }, amount: 10, worker_agent_id: w.agent_id }));
      const u = await second.as(b.agent_id).requestUpload(j.id, uploadReq());
      expect((await put(u.upload_url, PDF, 'application/pdf')).status).toBe(200);
      expect((await first.as(b.agent_id).confirmUpload(j.id, u.file_id)).sha256).toBe(sha(PDF));
    } finally {
      for (const e of [first, second, stranger]) e.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

export type { Market };
