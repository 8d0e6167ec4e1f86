/**
 * Every rule of the reference's File Transfer section, through the Marketplace of the embedded
 * engine (local disk store, real HTTP PUT/GET to the signed URLs where bytes move). The market
 * helper checks the ledger invariants after every call and that a refused call changes nothing.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newMarket, refused, type Agent, type Market } from '../helpers/market.js';
import { DeliverInput } from '../../src/schemas.js';
import { FILE_LIMITS } from '../../src/files/limits.js';
import { EXE, GB, MB, PDF, http, inProgress, inline, listQ, png, put, sha, uploadReq } from './helpers.js';
import { unpaidExcerpt } from '../../src/engine/preview.js';

const events = (m: Market, agentId: string, event: string) =>
  (m.db.prepare('SELECT payload FROM events WHERE agent_id = ? AND event = ? ORDER BY seq').all(agentId, event) as { payload: string }[]).map((r) => JSON.parse(r.payload));
const fileRow = (m: Market, id: string) => m.db.prepare('SELECT * FROM files WHERE id = ?').get(id) as any;
const store = (m: Market) => m.engine.files.service.localStore()!;

function setup() {
  const m = newMarket();
  const buyer = m.buyer();
  const worker = m.worker();
  return { m, buyer, worker };
}

/** Request an upload URL and PUT the bytes over HTTP; returns the URL answer. */
async function upload(a: Agent, jobId: string, bytes: Buffer, o: Partial<Record<string, unknown>> = {}) {
  const u = await a.mp.requestUpload(jobId, uploadReq({ file_size_bytes: bytes.length, ...o }));
  const r = await put(u.upload_url, bytes, u.content_type);
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return u;
}

describe('input files (buyer → worker)', () => {
  it('upload URL → HTTP PUT → confirm records the real size, tells the worker, and both parties can read it once funded', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const u = await buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 204800, metadata: { lang: 'en' } }));
    expect(u).toMatchObject({
      method: 'PUT', purpose: 'input', revision_number: 1, max_size_bytes: 524288000, file_size_bytes: 204800, content_type: 'application/pdf',
      r2_key: `inputs/${jobId}/${u.file_id}/spec.pdf`, expires_at: new Date(m.clock.now() + 30 * 60_000).toISOString(), headers: { 'Content-Type': 'application/pdf' },
    });
    expect(u.upload_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\/inputs\//);

    const pending = await worker.mp.listFiles(jobId, listQ());
    expect(pending.items).toMatchObject([{ id: u.file_id, upload_status: 'pending', file_size_bytes: 204800, original_filename: 'spec.pdf', metadata: { lang: 'en' } }]);

    expect((await put(u.upload_url, PDF, 'application/pdf')).status).toBe(200); // smaller than declared: fine
    const c = await buyer.mp.confirmUpload(jobId, u.file_id);
    expect(c).toMatchObject({ file_id: u.file_id, upload_status: 'confirmed', purpose: 'input', file_size_bytes: PDF.length, sha256: sha(PDF), revision_number: 1 });
    expect(c.file_size_human).toBe(`${PDF.length} B`);
    expect(c.deliverable_id).toBeUndefined();
    expect(await buyer.mp.confirmUpload(jobId, u.file_id)).toEqual(c); // idempotent

    expect(events(m, worker.id, 'job.file_uploaded')).toEqual([expect.objectContaining({
      event: 'job.file_uploaded', job_id: jobId, file_id: u.file_id, purpose: 'input', filename: 'spec.pdf', content_type: 'application/pdf', file_size_bytes: PDF.length,
    })]);
    expect(m.notificationsOf(worker.id).map((n) => n.type)).toContain('job_file_uploaded');

    const listed = await worker.mp.listFiles(jobId, listQ());
    expect(listed).toMatchObject({ count: 1, total: 1, items: [{ upload_status: 'confirmed', file_size_bytes: PDF.length, uploaded_by: buyer.id, sha256: sha(PDF) }] });

    for (const who of [buyer, worker]) {
      const d = await who.mp.getFileDownloadUrl(jobId, u.file_id);
      expect(d).toMatchObject({ file_id: u.file_id, filename: 'spec.pdf', content_type: 'application/pdf', file_size_bytes: PDF.length, purpose: 'input', uploaded_by: buyer.id });
      expect(Date.parse(d.expires_at) - m.clock.now()).toBe(60 * 60_000);
      const got = await http(d.download_url);
      expect(got.status).toBe(200);
      expect(got.body.equals(PDF)).toBe(true);
      expect(got.headers.get('content-disposition')).toMatch(/^attachment; filename="spec.pdf"/);
    }
    const preview = await worker.mp.previewFile(jobId, u.file_id);
    expect(preview).toMatchObject({ file_category: 'document', preview_kind: 'description', is_partial: false, detected_type: 'application/pdf', validation: null });
    expect(preview.preview_content).toMatch(/^Binary file: PDF document, version 1\.7; \d+ B/);

    const log = m.engine.files.accessLog(u.file_id);
    expect(log.map((l) => l.action)).toEqual(['upload_url', 'upload', 'confirm', 'download_url', 'download', 'download_url', 'download', 'preview']);
    expect(log.map((l) => l.agent_id)).toEqual([buyer.id, buyer.id, buyer.id, buyer.id, buyer.id, worker.id, worker.id, worker.id]);
  });

  it('only the buyer uploads inputs, only while the job is not closed; strangers see nothing', async () => {
    const { m, buyer, worker } = setup();
    const stranger = m.stranger();
    const jobId = (await m.directJob(buyer, worker)).id; // funded: not yet started
    await refused(worker.mp.requestUpload(jobId, uploadReq()), 'forbidden', { status: 403, message: /only the job's buyer uploads input files/ });
    await refused(stranger.mp.requestUpload(jobId, uploadReq()), 'not_found', { status: 404 });
    const u = await upload(buyer, jobId, PDF);
    await refused(stranger.mp.listFiles(jobId, listQ()), 'not_found');
    await refused(stranger.mp.previewFile(jobId, u.file_id), 'not_found');
    await refused(stranger.mp.getFileDownloadUrl(jobId, u.file_id), 'not_found');
    await refused(stranger.mp.deleteFile(jobId, u.file_id), 'not_found');
    await refused(stranger.mp.confirmUpload(jobId, u.file_id), 'not_found');
    await refused(worker.mp.confirmUpload(jobId, u.file_id), 'forbidden', { message: /only the agent that requested the upload URL/ });
    await refused(buyer.mp.previewFile(jobId, u.file_id), 'file_not_confirmed');

    await buyer.mp.confirmUpload(jobId, u.file_id);
    await worker.mp.acceptJob(jobId);
    await worker.mp.startJob(jobId);
    await m.deliver(worker, jobId);
    await buyer.mp.approveJob(jobId);
    await refused(buyer.mp.requestUpload(jobId, uploadReq()), 'invalid_status', { status: 409, message: /job is 'completed'; input files can be added until the job is closed/ });
    await refused(buyer.mp.uploadFile(jobId, inline()), 'invalid_status');

    const other = (await m.directJob(buyer, worker)).id;
    await m.cancel(buyer, other);
    await refused(buyer.mp.requestUpload(other, uploadReq()), 'invalid_status', { message: /'cancelled'/ });
    // A file id of another job is not found through this job.
    await refused(buyer.mp.previewFile(other, u.file_id), 'not_found');
  });

  it('inputs of an unfunded job: the buyer previews them; downloads (and the worker) wait for funding', async () => {
    const { m, buyer, worker } = setup();
    const open = await m.openJob(buyer);
    const c = await buyer.mp.uploadFile(open.id, inline({ filename: 'brief.txt', content: 'Translate the attached brief.' }));
    expect(c.content_type).toBe('text/plain');
    expect((await buyer.mp.previewFile(open.id, c.file_id)).preview_content).toBe('Translate the attached brief.');
    await refused(buyer.mp.getFileDownloadUrl(open.id, c.file_id), 'invalid_status', { message: /once the job is funded/ });
    const bid = await m.bid(worker, open.id, 15);
    await refused(worker.mp.listFiles(open.id, listQ()), 'not_found'); // a bidder is not a party
    await buyer.mp.acceptBid(bid.id);
    expect((await worker.mp.previewFile(open.id, c.file_id)).preview_content).toBe('Translate the attached brief.');
    const d = await worker.mp.getFileDownloadUrl(open.id, c.file_id);
    expect((await http(d.download_url)).body.toString()).toBe('Translate the attached brief.');
  });
});

describe('idempotency', () => {
  it('upload_file and upload URLs with an idempotency_key: a retry returns the first answer and adds no file', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const first = await buyer.mp.uploadFile(jobId, inline({ idempotency_key: 'notes-1' }));
    expect(await buyer.mp.uploadFile(jobId, inline({ idempotency_key: 'notes-1' }))).toEqual(first);
    await refused(buyer.mp.uploadFile(jobId, inline({ idempotency_key: 'notes-1', content: 'other' })), 'idempotency_key_reused', { status: 422 });
    const u = await buyer.mp.requestUpload(jobId, uploadReq({ idempotency_key: 'url-1' }));
    expect(await buyer.mp.requestUpload(jobId, uploadReq({ idempotency_key: 'url-1' }))).toEqual(u);
    const d = await worker.mp.uploadFile(jobId, inline({ purpose: 'deliverable', filename: 'r.md', idempotency_key: 'deliver-1' }));
    expect(await worker.mp.uploadFile(jobId, inline({ purpose: 'deliverable', filename: 'r.md', idempotency_key: 'deliver-1' }))).toEqual(d);
    expect((await buyer.mp.listFiles(jobId, listQ())).total).toBe(3);
    // A failed call releases its key: the retry runs again.
    await refused(buyer.mp.uploadFile(jobId, inline({ filename: 'x.md', content: '', idempotency_key: 'empty' })), 'empty_file');
    await refused(buyer.mp.uploadFile(jobId, inline({ filename: 'x.md', content: '', idempotency_key: 'empty' })), 'empty_file');
  });
});

describe('deliverable files (worker → buyer)', () => {
  it('confirming a deliverable delivers the job through the deliver path, with file fields in job.delivered', async () => {
    const { m, buyer, worker } = setup();
    const j = await m.directJob(buyer, worker);
    await refused(worker.mp.requestUpload(j.id, uploadReq({ purpose: 'deliverable' })), 'invalid_status', { message: /job is 'funded'; deliverable files can be uploaded while it is 'in_progress', 'revision_requested', 'accepted'/ });
    await worker.mp.acceptJob(j.id); // no start_job: confirming the deliverable passes through in_progress
    await refused(buyer.mp.requestUpload(j.id, uploadReq({ purpose: 'deliverable' })), 'forbidden', { message: /only the job's worker uploads deliverable files/ });

    const report = Buffer.from('# Report\n\nThe summary, in three bullet points.\n');
    const u = await upload(worker, j.id, report, { purpose: 'deliverable', filename: 'report.md', content_type: 'text/markdown' });
    expect(u.max_size_bytes).toBe(1073741824);
    const c = await worker.mp.confirmUpload(j.id, u.file_id);
    expect(c).toMatchObject({ purpose: 'deliverable', upload_status: 'confirmed', file_size_bytes: report.length, revision_number: 1, job_status: 'delivered' });
    expect(c.deliverable_id).toMatch(/^[0-9a-f-]{36}$/);

    const job = await buyer.mp.getJob(j.id);
    expect(job.status).toBe('delivered');
    expect(job.auto_release_at).not.toBeNull();
    expect((await buyer.mp.getJobTransitions(j.id)).items.slice(-2).map((x) => [x.from_status, x.to_status, x.action])).toEqual([
      ['accepted', 'in_progress', 'start'], ['in_progress', 'delivered', 'deliver'],
    ]);
    expect(events(m, buyer.id, 'job.delivered')).toEqual([expect.objectContaining({
      job_id: j.id, deliverable_id: c.deliverable_id, file_id: u.file_id, filename: 'report.md', file_size_bytes: report.length, revision_number: 1,
    })]);
    const d = await buyer.mp.getDeliverablePreview(j.id);
    expect(d).toMatchObject({ id: c.deliverable_id, file_id: u.file_id, filename: 'report.md', content_type: 'text/markdown', size_bytes: report.length, sha256: sha(report), preview: unpaidExcerpt(report.toString()), is_partial: true }); // not paid yet: an excerpt

    // The buyer previews (with the message of the reference) but downloads only after completion; the worker always.
    const p = await buyer.mp.previewFile(j.id, u.file_id);
    expect(p).toMatchObject({ preview_kind: 'text', preview_content: unpaidExcerpt(report.toString()), is_partial: true, file_category: 'text', message: 'Approve the job to confirm payment and download the full deliverable.' });
    await refused(buyer.mp.getFileDownloadUrl(j.id, u.file_id), 'invalid_status', { message: /once the job is completed — preview_file now, then approve_job/ });
    expect((await http((await worker.mp.getFileDownloadUrl(j.id, u.file_id)).download_url)).body.equals(report)).toBe(true);
    await refused(worker.mp.deleteFile(j.id, u.file_id), 'deliverable_locked', { status: 409 });
    await refused(buyer.mp.deleteFile(j.id, u.file_id), 'forbidden', { message: /only the agent that uploaded/ });

    await buyer.mp.approveJob(j.id);
    const got = await http((await buyer.mp.getFileDownloadUrl(j.id, u.file_id)).download_url);
    expect(got.body.equals(report)).toBe(true);
    expect(got.headers.get('content-type')).toBe('text/markdown');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('a second deliverable after a revision is revision 2; a deliverable cannot be confirmed once the job was delivered', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const a = await upload(worker, jobId, PDF, { purpose: 'deliverable', filename: 'v1.pdf' });
    const b = await upload(worker, jobId, PDF, { purpose: 'deliverable', filename: 'v1-extra.pdf' });
    await worker.mp.confirmUpload(jobId, a.file_id);
    await refused(worker.mp.confirmUpload(jobId, b.file_id), 'invalid_status', { message: /job is 'delivered'; a deliverable file can be confirmed while/ });
    expect(fileRow(m, b.file_id).upload_status).toBe('pending');
    await worker.mp.deleteFile(jobId, b.file_id); // a pending deliverable can be deleted

    await m.revise(buyer, jobId);
    const v2 = await worker.mp.uploadFile(jobId, inline({ purpose: 'deliverable', filename: 'v2.png', content: undefined, content_base64: png().toString('base64') }));
    expect(v2).toMatchObject({ revision_number: 2, job_status: 'delivered', content_type: 'image/png' });
    const pv = await buyer.mp.previewFile(jobId, v2.file_id);
    expect(pv).toMatchObject({ preview_kind: 'description', file_category: 'image', detected_type: 'image/png' });
    expect(pv.preview_content).toMatch(/^Binary file: PNG image, 2×3 px; 64 B \(64 bytes\), content_type image\/png; first bytes 89 50 4e 47/);
    expect((await buyer.mp.previewFile(jobId, a.file_id)).purpose).toBe('deliverable'); // the first delivery stays readable
    const files = await buyer.mp.listFiles(jobId, listQ({ purpose: 'deliverable' }));
    expect(files.items.map((f) => [f.original_filename, f.revision_number])).toEqual([['v1.pdf', 1], ['v2.png', 2]]);
  });

  it('deliver_job with filename + content_base64 delivers a file in one call; retries with the idempotency_key repeat nothing', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const input = DeliverInput.parse({ filename: 'chart.png', content_base64: png(10, 20).toString('base64'), idempotency_key: 'deliver-1', metadata: { pages: 1 } });
    const r = await worker.mp.deliverJob(jobId, input);
    expect(r.job.status).toBe('delivered');
    expect(r.deliverable).toMatchObject({ revision_number: 1, content_type: 'image/png', content: '', filename: 'chart.png', size_bytes: 64, sha256: sha(png(10, 20)), metadata: { pages: 1 } });
    expect(await worker.mp.deliverJob(jobId, input)).toEqual(r);
    await refused(worker.mp.deliverJob(jobId, { ...input, filename: 'other.png' }), 'idempotency_key_reused');
    expect((await buyer.mp.listFiles(jobId, listQ())).total).toBe(1);

    // Text content with a filename is a text file; the text path without filename is unchanged.
    const j2 = await inProgress(m, buyer, worker);
    const t = await worker.mp.deliverJob(j2, DeliverInput.parse({ filename: 'summary.md', content: '# Summary' }));
    expect(t.deliverable).toMatchObject({ content_type: 'text/markdown', content: '# Summary', filename: 'summary.md' });
    const j3 = await inProgress(m, buyer, worker);
    const plain = await m.deliver(worker, j3, 'plain text');
    expect(plain.deliverable).toMatchObject({ content: 'plain text', file_id: null, filename: null });
    await refused(worker.mp.deliverJob(await inProgress(m, buyer, worker), DeliverInput.parse({ content_base64: 'aGk=' })), 'validation_error', { message: /filename is required/ });
  });
});

describe('validation of file deliverables', () => {
  it('preview_file carries the latest validation; judges read a large text file from the store', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker, { validation_criteria: { must_include: 'conclusion', min_words: 3 } });
    // 11 MB of text: too large to keep inline, so the judges get it through the file service.
    const size = 11 * MB;
    const u = await worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable', filename: 'long.txt', content_type: 'text/plain', file_size_bytes: size }));
    const body = Buffer.alloc(size, ' ');
    body.write('The conclusion: all good here.', 0);
    expect((await put(u.upload_url, body, 'text/plain')).status).toBe(200);
    const c = await worker.mp.confirmUpload(jobId, u.file_id);
    expect(m.db.prepare('SELECT content FROM deliverables WHERE id = ?').get(c.deliverable_id)).toEqual({ content: null });
    const queued = (await buyer.mp.previewFile(jobId, u.file_id)).validation!;
    expect(queued).toMatchObject({ status: 'pending', passed: null });
    expect(String(queued.validator_type)).toContain('criteria');

    await m.engine.judging.runPending();
    const done = (await buyer.mp.previewFile(jobId, u.file_id)).validation as any;
    expect(done.validation_id).toBe(queued.validation_id);
    expect(done.status).not.toBe('pending');
    expect(done.criteria_results.find((r: any) => r.check === 'must_include')).toMatchObject({ passed: true });
    expect((await buyer.mp.getDeliverablePreview(jobId)).validation).toMatchObject({ validation_id: queued.validation_id });
    // An input file has no validation.
    const input = await buyer.mp.uploadFile(jobId, inline());
    expect((await worker.mp.previewFile(jobId, input.file_id)).validation).toBeNull();
  });
});

describe('refusals', () => {
  it('blocked extensions, however disguised, and filenames the engine will not take', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    for (const filename of ['evil.exe', 'EVIL.EXE', 'report.pdf.exe', 'trail.exe.', 'trail.bat  ', 'x.exe::$DATA', 'ｘ．ｅｘｅ', 'cyr.ехе', 'a.ps1', 'b.psm1', 'c.js', 'd.vbs', 'e.reg', 'f.msi']) {
      await refused(buyer.mp.requestUpload(jobId, uploadReq({ filename })), 'blocked_extension', { status: 400, message: /filename has a blocked extension/ });
      await refused(buyer.mp.uploadFile(jobId, inline({ filename, content_type: 'text/plain' })), 'blocked_extension');
    }
    await refused(buyer.mp.requestUpload(jobId, uploadReq({ filename: 'a\u0000b.pdf' })), 'validation_error', { message: /control characters/ });
    await refused(buyer.mp.requestUpload(jobId, uploadReq({ filename: 'invoice\u202Efdp.exe' })), 'validation_error', { message: /direction-changing/ });
    await refused(buyer.mp.requestUpload(jobId, { ...uploadReq(), filename: 'x'.repeat(256) }), 'validation_error', { message: /1–255 characters/ });
    expect(() => uploadReq({ filename: 'x'.repeat(256) })).toThrow(/at most 255/);
    expect(() => uploadReq({ filename: '' })).toThrow(/at least 1/);
  });

  it('filenames with ../, reserved names and long names are kept as written but stored under safe keys', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const names: [string, string][] = [['../../etc/passwd.txt', 'passwd.txt'], ['CON', '_CON'], ['NUL.txt', '_NUL.txt'], ['..\\..\\boot.ini', 'boot.ini'], ['x'.repeat(251) + '.txt', 'x'.repeat(96) + '.txt']];
    for (const [name, safe] of names) {
      const u = await buyer.mp.requestUpload(jobId, uploadReq({ filename: name, content_type: 'text/plain' }));
      expect(u.r2_key).toBe(`inputs/${jobId}/${u.file_id}/${safe}`);
      expect((await put(u.upload_url, 'hello', 'text/plain')).status).toBe(200);
      await buyer.mp.confirmUpload(jobId, u.file_id);
      expect(fileRow(m, u.file_id).original_filename).toBe(name);
      const got = await http((await worker.mp.getFileDownloadUrl(jobId, u.file_id)).download_url);
      expect(got.body.toString()).toBe('hello');
      expect(got.headers.get('content-disposition')).toContain(`filename="${safe.replace(/^_/, '_')}"`);
    }
    // Everything on disk is under <data dir>/files/inputs/<job>/<file>/<safe name>.
    const root = join(m.dir, 'files', 'inputs', jobId);
    for (const d of readdirSync(root)) for (const f of readdirSync(join(root, d))) expect(f).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
    expect(existsSync(join(m.dir, 'etc'))).toBe(false);
  });

  it('MIME types off the allow-list', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    for (const content_type of ['application/octet-stream', 'application/x-msdownload', 'text/javascript', 'application/x-sh', 'nonsense']) {
      await refused(buyer.mp.requestUpload(jobId, uploadReq({ content_type })), 'unsupported_content_type', { status: 415 });
    }
    const ok = await buyer.mp.requestUpload(jobId, uploadReq({ filename: 'a.md', content_type: 'Text/Markdown; Charset=UTF-8' }));
    expect(ok.content_type).toBe('text/markdown; charset=utf-8');
    await refused(buyer.mp.uploadFile(jobId, inline({ filename: 'blob', content: undefined, content_base64: 'AAEC' })), 'validation_error', { message: /content_type is required/ });
  });

  it('sizes: 500 MB per input, 1 GB per deliverable', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    await refused(buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 524288001 })), 'file_too_large', { status: 413, message: /500\.0 MB \(524288000 bytes\) limit for input files/ });
    expect((await buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 524288000 }))).max_size_bytes).toBe(524288000);
    expect((await worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable', file_size_bytes: GB }))).file_size_bytes).toBe(GB);
    expect(() => uploadReq({ purpose: 'deliverable', file_size_bytes: GB + 1 })).toThrow(/at most 1073741824/);
    await refused(worker.mp.requestUpload(jobId, { ...uploadReq({ purpose: 'deliverable' }), file_size_bytes: GB + 1 }), 'file_too_large', { message: /1\.0 GB/ });
    expect(() => uploadReq({ file_size_bytes: 0 })).toThrow(/at least 1/);
  });

  it('counts: 10 input and 10 deliverable files per job (pending ones count; deleting frees a slot)', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const inputs = [];
    for (let i = 0; i < 10; i++) inputs.push(await buyer.mp.requestUpload(jobId, uploadReq({ filename: `in${i}.pdf` })));
    await refused(buyer.mp.requestUpload(jobId, uploadReq()), 'file_limit_reached', { status: 409, message: /already has 10 input files/ });
    for (let i = 0; i < 10; i++) await worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable', filename: `out${i}.pdf` }));
    await refused(worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable' })), 'file_limit_reached', { message: /10 deliverable files/ });
    await buyer.mp.deleteFile(jobId, inputs[3].file_id);
    await buyer.mp.requestUpload(jobId, uploadReq({ filename: 'again.pdf' }));
    expect((await buyer.mp.listFiles(jobId, listQ({ limit: 50 }))).total).toBe(20);
  });

  it('pending uploads never confirmed a day after their URL expired are abandoned and stop counting', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker, { deadline_hours: 720 });
    const first = await upload(buyer, jobId, PDF); // bytes uploaded, never confirmed
    for (let i = 1; i < 10; i++) await buyer.mp.requestUpload(jobId, uploadReq({ filename: `p${i}.pdf` }));
    await refused(buyer.mp.requestUpload(jobId, uploadReq()), 'file_limit_reached');
    m.advance(30 * 60_000 + 24 * 3_600_000 - 1);
    await refused(buyer.mp.requestUpload(jobId, uploadReq()), 'file_limit_reached');
    m.advance(2);
    const fresh = await buyer.mp.requestUpload(jobId, uploadReq({ filename: 'fresh.pdf' }));
    expect((await buyer.mp.listFiles(jobId, listQ())).items.map((f) => f.id)).toEqual([fresh.file_id]);
    await refused(buyer.mp.confirmUpload(jobId, first.file_id), 'upload_failed', { message: /never confirmed/ });
    expect(await store(m).head(first.r2_key)).not.toBeNull();
    expect(await m.engine.files.sweep()).toBe(10);
    expect(await store(m).head(first.r2_key)).toBeNull();
    expect(await m.engine.files.sweep()).toBe(0);
  });

  it('5 GB per job, counting declared sizes of pending uploads and real sizes of confirmed ones', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    for (let i = 0; i < 8; i++) await buyer.mp.requestUpload(jobId, uploadReq({ filename: `big${i}.pdf`, file_size_bytes: 500 * MB })); // 4000 MB
    await worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable', file_size_bytes: GB })); // 5024 MB
    await refused(worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable', file_size_bytes: 100 * MB })), 'job_storage_limit_exceeded', { status: 413, message: /above the 5\.0 GB per job \(96\.0 MB left\)/ });
    // A file declared large that confirms at its real (small) size gives the difference back.
    const small = await upload(buyer, jobId, PDF, { file_size_bytes: 90 * MB }); // 5114 MB
    await refused(buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 7 * MB })), 'job_storage_limit_exceeded', { message: /6\.0 MB left/ });
    await buyer.mp.confirmUpload(jobId, small.file_id);
    expect((await buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 90 * MB }))).file_size_bytes).toBe(90 * MB);
    expect(FILE_LIMITS.job_total_max_bytes).toBe(5 * GB);
  });

  it('confirm: nothing uploaded, larger than declared, empty, an executable in disguise', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const missing = await buyer.mp.requestUpload(jobId, uploadReq());
    await refused(buyer.mp.confirmUpload(jobId, missing.file_id), 'upload_incomplete', { status: 409, message: /PUT the bytes to its upload_url/ });
    expect(fileRow(m, missing.file_id).upload_status).toBe('pending');

    // Larger than declared (written straight to the store: the HTTP handler would refuse it).
    const big = await buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 10 }));
    await store(m).put(big.r2_key, Buffer.alloc(11, 0x41), 'application/pdf');
    await refused(buyer.mp.confirmUpload(jobId, big.file_id), 'file_too_large', { status: 413, message: /has 11 bytes, more than the 10 declared/ });
    expect(fileRow(m, big.file_id)).toMatchObject({ upload_status: 'failed', size_bytes: 11 });
    expect(await store(m).head(big.r2_key)).toBeNull(); // the object was removed
    await refused(buyer.mp.confirmUpload(jobId, big.file_id), 'upload_failed');
    expect((await buyer.mp.listFiles(jobId, listQ())).items.map((f) => f.id)).not.toContain(big.file_id);

    const empty = await buyer.mp.requestUpload(jobId, uploadReq({ file_size_bytes: 10 }));
    await store(m).put(empty.r2_key, Buffer.alloc(0), 'application/pdf');
    await refused(buyer.mp.confirmUpload(jobId, empty.file_id), 'empty_file');

    const exe = await upload(buyer, jobId, EXE, { filename: 'notes.txt', content_type: 'text/plain' });
    await refused(buyer.mp.confirmUpload(jobId, exe.file_id), 'blocked_content', { message: /a program \(application\/x-msdownload\)/ });
    await refused(worker.mp.uploadFile(jobId, inline({ purpose: 'deliverable', filename: 'report.pdf', content: undefined, content_base64: EXE.toString('base64') })), 'blocked_content');
    expect((await buyer.mp.getJob(jobId)).status).toBe('in_progress'); // the disguised program delivered nothing

    await refused(buyer.mp.uploadFile(jobId, inline({ content: 'a', content_base64: 'YQ==' })), 'validation_error', { message: /exactly one of content/ });
    await refused(buyer.mp.uploadFile(jobId, inline({ content: undefined, content_base64: 'not base64!' })), 'validation_error', { message: /content_base64 is not valid base64/ });
  });

  it('a frozen job refuses uploads, confirms, downloads and deletes', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const c = await buyer.mp.uploadFile(jobId, inline());
    const pending = await upload(buyer, jobId, PDF);
    m.admin.freezeJob(jobId, 'investigation');
    await refused(buyer.mp.requestUpload(jobId, uploadReq()), 'job_frozen');
    await refused(buyer.mp.confirmUpload(jobId, pending.file_id), 'job_frozen');
    await refused(worker.mp.getFileDownloadUrl(jobId, c.file_id), 'job_frozen');
    await refused(buyer.mp.deleteFile(jobId, c.file_id), 'job_frozen');
    expect((await worker.mp.listFiles(jobId, listQ())).total).toBe(2); // reading the list is not an action
  });
});

describe('list, preview and delete', () => {
  it('list: purpose filter, limit ≤ 50 (default 20), offset; deleted and failed uploads are left out', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await buyer.mp.uploadFile(jobId, inline({ filename: `n${i}.md` }))).file_id);
    await worker.mp.requestUpload(jobId, uploadReq({ purpose: 'deliverable' }));
    expect(listQ()).toEqual({ limit: 20, offset: 0 });
    expect(() => listQ({ limit: 51 })).toThrow(/at most 50/);
    const page = await worker.mp.listFiles(jobId, listQ({ purpose: 'input', limit: 2, offset: 1 }));
    expect(page).toMatchObject({ count: 2, total: 5 });
    expect(page.items.map((f) => f.id)).toEqual(ids.slice(1, 3));
    expect((await worker.mp.listFiles(jobId, listQ({ purpose: 'deliverable' }))).items.map((f) => f.upload_status)).toEqual(['pending']);
    await buyer.mp.deleteFile(jobId, ids[0]);
    expect((await buyer.mp.listFiles(jobId, listQ({ purpose: 'input' }))).total).toBe(4);
  });

  it('preview: a text file under 10 MB whole, from 10 MB the first 512 KB, never a cut character', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const small = 'é'.repeat(1000);
    const s = await buyer.mp.uploadFile(jobId, inline({ filename: 'small.txt', content: small }));
    expect(await worker.mp.previewFile(jobId, s.file_id)).toMatchObject({ is_partial: false, preview_content: small, original_size_bytes: 2000, original_size_human: '2.0 KB' });

    const size = 10 * MB; // exactly 10 MB: not "under 10 MB"
    const u = await buyer.mp.requestUpload(jobId, uploadReq({ filename: 'big.txt', content_type: 'text/plain', file_size_bytes: size }));
    const body = Buffer.alloc(size, 'a');
    body.write('é', 512 * 1024 - 1); // a 2-byte character across the 512 KB boundary
    expect((await put(u.upload_url, body, 'text/plain')).status).toBe(200);
    await buyer.mp.confirmUpload(jobId, u.file_id);
    const p = await worker.mp.previewFile(jobId, u.file_id);
    expect(p).toMatchObject({ is_partial: true, preview_kind: 'text', original_size_human: '10.0 MB' });
    expect(Buffer.byteLength(p.preview_content)).toBe(512 * 1024 - 1);
    expect(p.message).toMatch(/first 512\.0 KB/);
  });

  it('delete: the uploader soft-deletes, the object is removed, URLs stop working, the log records it', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const c = await buyer.mp.uploadFile(jobId, inline());
    const url = (await worker.mp.getFileDownloadUrl(jobId, c.file_id)).download_url;
    const key = fileRow(m, c.file_id).storage_key;
    expect(await store(m).head(key)).not.toBeNull();
    await refused(worker.mp.deleteFile(jobId, c.file_id), 'forbidden');
    expect(await buyer.mp.deleteFile(jobId, c.file_id)).toEqual({ file_id: c.file_id, status: 'deleted' });
    expect(await store(m).head(key)).toBeNull();
    expect(fileRow(m, c.file_id)).toMatchObject({ upload_status: 'deleted' });
    expect(fileRow(m, c.file_id).object_removed_at).not.toBeNull();
    await refused(buyer.mp.deleteFile(jobId, c.file_id), 'not_found');
    await refused(worker.mp.previewFile(jobId, c.file_id), 'not_found');
    const got = await http(url);
    expect(got.status).toBe(410);
    expect(got.json.error.code).toBe('file_deleted');
    expect(m.engine.files.accessLog(c.file_id).map((l) => l.action)).toEqual(['upload_inline', 'confirm', 'download_url', 'delete']);
  });

  it('an object changed behind the engine\'s back after confirm is withheld', async () => {
    const { m, buyer, worker } = setup();
    const jobId = await inProgress(m, buyer, worker);
    const c = await buyer.mp.uploadFile(jobId, inline());
    await store(m).put(fileRow(m, c.file_id).storage_key, Buffer.from('swapped'), 'text/markdown');
    await refused(worker.mp.previewFile(jobId, c.file_id), 'file_changed');
    await refused(worker.mp.getFileDownloadUrl(jobId, c.file_id), 'file_changed');
  });
});
