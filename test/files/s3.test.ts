/**
 * The S3 store against a real S3-compatible server (s3rver on 127.0.0.1, port 0, a temp dir):
 * presigned PUT and GET over real HTTP, signature checks done by the server, confirm reading the
 * real object, deletes removing it, and an object overwritten by a replayed URL being withheld.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error s3rver ships no types
import S3rver from 's3rver';
import { ManualClock } from '../../src/clock.js';
import { Engine } from '../../src/engine/index.js';
import { S3BlobStore, type S3Config } from '../../src/files/s3.js';
import { PostJobInput } from '../../src/schemas.js';
import { PDF, http, inline, listQ, png, put, sha, uploadReq } from './helpers.js';

let server: any;
let dir: string;
let endpoint: string;
const BUCKET = 'voxpact-test';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'voxpact-s3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: BUCKET }] });
  const addr = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const s3 = (): S3Config => ({ bucket: BUCKET, endpoint, region: 'us-east-1', forcePathStyle: true, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });

let n = 0;
/** An engine whose files live in s3rver; s3rver checks expiry against real time, so the clock starts at now. */
async function world() {
  const d = mkdtempSync(join(dir, `engine-${++n}-`));
  const clock = new ManualClock(Date.now());
  const engine = Engine.open({ dbPath: join(d, 'voxpact.db'), clock, files: { port: 0, publicUrl: null, s3: s3() } });
  const b = engine.createLocalAgent({ name: 'buyer', owner_email: `b${n}@s3.example`, card: 'pm_card_visa' });
  const w = engine.createLocalAgent({ name: 'worker', owner_email: `w${n}@s3.example`, capabilities: ['summarization'] });
  const buyer = engine.as(b.agent_id);
  const worker = engine.as(w.agent_id);
  const job = await buyer.postJob(PostJobInput.parse({ title: 'Files in S3', task_spec: { description: 'x' }, amount: 10, worker_agent_id: w.agent_id }));
  await worker.acceptJob(job.id);
  await worker.startJob(job.id);
  const check = () => expect(engine.checkInvariants()).toEqual([]);
  return { engine, clock, buyer, worker, jobId: job.id, check, close: () => engine.close() };
}

describe('S3 store (s3rver)', () => {
  it('presigned PUT → confirm (real size from HeadObject) → presigned GET, for an input and a deliverable', async () => {
    const w = await world();
    try {
      const u = await w.buyer.requestUpload(w.jobId, uploadReq({ file_size_bytes: 1000 }));
      expect(u.upload_url.startsWith(`${endpoint}/${BUCKET}/inputs/${w.jobId}/${u.file_id}/spec.pdf?`)).toBe(true);
      expect(u.upload_url).toMatch(/X-Amz-Expires=1800/);
      expect(w.engine.files.service.listenerAddress()).toBeNull(); // no local listener with S3
      await expect(w.buyer.confirmUpload(w.jobId, u.file_id)).rejects.toMatchObject({ code: 'upload_incomplete' });
      const r = await put(u.upload_url, PDF, 'application/pdf');
      expect(r.status, r.body.toString()).toBe(200);
      const c = await w.buyer.confirmUpload(w.jobId, u.file_id);
      expect(c).toMatchObject({ upload_status: 'confirmed', file_size_bytes: PDF.length, sha256: sha(PDF) });
      w.check();

      const d = await w.worker.getFileDownloadUrl(w.jobId, u.file_id);
      expect(d.download_url).toMatch(/X-Amz-Expires=3600/);
      const got = await http(d.download_url);
      expect(got.status).toBe(200);
      expect(got.body.equals(PDF)).toBe(true);
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="spec.pdf"/);
      expect((await w.worker.previewFile(w.jobId, u.file_id)).preview_content).toMatch(/^Binary file: PDF document, version 1\.7/);

      const deliverable = await w.worker.uploadFile(w.jobId, inline({ purpose: 'deliverable', filename: 'chart.png', content: undefined, content_base64: png().toString('base64') }));
      expect(deliverable).toMatchObject({ job_status: 'delivered', file_size_bytes: 64, content_type: 'image/png' });
      expect((await w.buyer.getJob(w.jobId)).status).toBe('delivered');
      await expect(w.buyer.getFileDownloadUrl(w.jobId, deliverable.file_id)).rejects.toMatchObject({ code: 'invalid_status' });
      await w.buyer.approveJob(w.jobId);
      expect((await http((await w.buyer.getFileDownloadUrl(w.jobId, deliverable.file_id)).download_url)).body.equals(png())).toBe(true);
      w.check();
    } finally {
      w.close();
    }
  });

  it('the Content-Type is a signed header (no SDK checksum parameters), and the server refuses an expired URL', async () => {
    const w = await world();
    try {
      const u = await w.buyer.requestUpload(w.jobId, uploadReq());
      const q = new URL(u.upload_url).searchParams;
      // S3 and R2 refuse a PUT whose Content-Type differs from the signed one. (s3rver does not verify
      // V4 signatures, so this is checked on the URL rather than by a refused PUT.)
      expect(q.get('X-Amz-SignedHeaders')).toBe('content-type;host');
      expect([...q.keys()].filter((k) => /checksum/i.test(k))).toEqual([]);

      w.clock.set(Date.now() - 2 * 3_600_000); // issued two hours ago: expired 90 minutes ago
      const old = await w.buyer.requestUpload(w.jobId, uploadReq({ filename: 'old.pdf' }));
      const late = await put(old.upload_url, PDF, 'application/pdf');
      expect(late.status).toBe(403);
      expect(late.body.toString()).toMatch(/Request has expired/);
    } finally {
      w.close();
    }
  });

  it('larger than declared: refused at confirm and the object deleted; delete removes the object', async () => {
    const w = await world();
    try {
      const store = (await w.engine.files.service.store()) as S3BlobStore;
      const u = await w.buyer.requestUpload(w.jobId, uploadReq({ file_size_bytes: 10 }));
      expect((await put(u.upload_url, Buffer.alloc(50, 0x41), 'application/pdf')).status).toBe(200); // S3 cannot cap a presigned PUT
      await expect(w.buyer.confirmUpload(w.jobId, u.file_id)).rejects.toMatchObject({ code: 'file_too_large', status: 413 });
      expect(await store.head(u.r2_key)).toBeNull();

      const c = await w.buyer.uploadFile(w.jobId, inline());
      const key = (await w.buyer.listFiles(w.jobId, listQ())).items[0];
      expect(key.id).toBe(c.file_id);
      const row = w.engine.db.prepare('SELECT storage_key, store FROM files WHERE id = ?').get(c.file_id) as { storage_key: string; store: string };
      expect(row.store).toBe('s3');
      expect((await store.head(row.storage_key))?.size_bytes).toBe(c.file_size_bytes);
      await w.buyer.deleteFile(w.jobId, c.file_id);
      expect(await store.head(row.storage_key)).toBeNull();
      w.check();
    } finally {
      w.close();
    }
  });

  it('a presigned PUT replayed after confirm overwrites the object in S3, and the engine then withholds it', async () => {
    const w = await world();
    try {
      const u = await w.buyer.requestUpload(w.jobId, uploadReq());
      await put(u.upload_url, PDF, 'application/pdf');
      await w.buyer.confirmUpload(w.jobId, u.file_id);
      expect((await put(u.upload_url, Buffer.from('%PDF-1.7 swapped'), 'application/pdf')).status).toBe(200);
      await expect(w.worker.previewFile(w.jobId, u.file_id)).rejects.toMatchObject({ code: 'file_changed' });
      await expect(w.worker.getFileDownloadUrl(w.jobId, u.file_id)).rejects.toMatchObject({ code: 'file_changed' });
    } finally {
      w.close();
    }
  });
});
