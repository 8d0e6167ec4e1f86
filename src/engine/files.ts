/**
 * Job files: every rule of the reference's File Transfer section, in the engine.
 *
 * The rules (who may upload, download, preview, delete what, and when; extensions, types,
 * sizes, counts) are synchronous functions that run inside one SQLite transaction, like the
 * rest of the engine. The bytes live in a blob store (src/files), reached asynchronously, so an
 * operation that touches both runs in steps: a transaction that checks and records, the store
 * call, and — for confirm — a second transaction that checks again before it commits.
 *
 * Purposes: the buyer uploads `input` files while the job is not closed; the worker uploads
 * `deliverable` files while the job may be delivered (the transition table's `deliver`: `accepted`,
 * `in_progress`, `revision_requested`). Confirming a deliverable delivers the job through
 * jobs.deliverJob (the one deliver path; from `accepted` it passes through `in_progress`).
 */
import { canonical } from './ids.js';
import { createHash, randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { iso } from '../clock.js';
import { VoxError, invalid, notFound } from '../errors.js';
import type { JobStatus } from '../schemas.js';
import type {
  ConfirmedFile, DownloadUrl, FilePreview, JobFile, ListFilesInput, RequestUploadInput, UploadFileInput, UploadUrl,
} from '../files/schemas.js';
import type { FilesConfig } from '../files/config.js';
import { FILE_LIMITS as F, maxBytesFor } from '../files/limits.js';
import {
  categoryOf, essenceOf, hexHead, humanSize, isTextual, looksLikeText, mimeFromFilename, mimeProblem, normaliseMime, sniff, trimPartialUtf8,
} from '../files/mime.js';
import { filenameProblem, objectKey } from '../files/names.js';
import type { FileGate, GateAnswer } from '../files/http.js';
import { FileService } from '../files/service.js';
import { StoreError, type BlobStore } from '../files/store.js';
import { log } from '../log.js';
import { type Ctx, changed, emit } from './context.js';
import { writeTx } from './db.js';
import { uuid } from './ids.js';
import { deliverableOf, deliverJob, roleOf, visibleJob, view } from './jobs.js';
import { allowedFrom } from './transitions.js';
import { unpaid, unpaidExcerpt } from './preview.js';
import type { JobRow } from './views.js';
import { validationSummary } from './validation.js';

export type FileRow = {
  id: string; job_id: string; uploaded_by: string; purpose: 'input' | 'deliverable';
  upload_status: 'pending' | 'confirmed' | 'failed' | 'deleted'; original_filename: string; storage_key: string; store: string;
  content_type: string; declared_size_bytes: number; size_bytes: number | null; sha256: string | null; etag: string | null;
  detected_type: string | null; revision_number: number; deliverable_id: string | null; metadata: string | null;
  failure_reason: string | null; upload_expires_at: number; created_at: number; confirmed_at: number | null;
  deleted_at: number | null; object_removed_at: number | null;
};

const CLOSED: readonly JobStatus[] = ['completed', 'cancelled', 'refunded'];
/** Deliverable files are uploaded and confirmed while the worker may deliver: the transition table says when. */
const DELIVERABLE_UPLOAD: readonly JobStatus[] = allowedFrom('deliver', 'worker');
const deliverableStatuses = DELIVERABLE_UPLOAD.map((s) => `'${s}'`).join(', ');
const LIVE = "upload_status IN ('pending','confirmed')";

// ---------- views ----------

const sizeOf = (f: FileRow) => f.size_bytes ?? f.declared_size_bytes;

export function fileView(f: FileRow): JobFile {
  return {
    id: f.id, job_id: f.job_id, uploaded_by: f.uploaded_by, purpose: f.purpose, upload_status: f.upload_status,
    original_filename: f.original_filename, content_type: f.content_type,
    file_size_bytes: sizeOf(f), file_size_human: humanSize(sizeOf(f)), revision_number: f.revision_number,
    metadata: f.metadata ? JSON.parse(f.metadata) : {}, sha256: f.sha256, failure_reason: f.failure_reason,
    created_at: iso(f.created_at), confirmed_at: f.confirmed_at == null ? null : iso(f.confirmed_at),
  };
}

function confirmedView(ctx: Ctx, f: FileRow): ConfirmedFile {
  const out: ConfirmedFile = {
    file_id: f.id, upload_status: 'confirmed', purpose: f.purpose, filename: f.original_filename, content_type: f.content_type,
    file_size_bytes: f.size_bytes!, file_size_human: humanSize(f.size_bytes!), sha256: f.sha256!, revision_number: f.revision_number,
  };
  if (f.purpose === 'deliverable' && f.deliverable_id) {
    out.deliverable_id = f.deliverable_id;
    out.job_status = (ctx.db.prepare('SELECT status FROM jobs WHERE id = ?').get(f.job_id) as { status: string }).status;
  }
  return out;
}

// ---------- the rules (inside a transaction) ----------

function frozen(j: JobRow, what: string) {
  if (j.status === 'frozen') throw new VoxError('job_frozen', `job is frozen by an admin; ${what} is blocked until it is unfrozen`, 409);
}

/** A file of a job the caller is a party of; everyone else (and deleted files) get not_found. */
function partyFile(ctx: Ctx, agentId: string, jobId: string, fileId: string) {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  const f = ctx.db.prepare("SELECT * FROM files WHERE id = ? AND job_id = ? AND upload_status <> 'deleted'").get(fileId, jobId) as FileRow | undefined;
  if (!f) throw notFound('file', fileId);
  return { j, f, role };
}

export function logAccess(ctx: Ctx, f: Pick<FileRow, 'id' | 'job_id'>, agentId: string | null, action: string, detail: string | null = null) {
  ctx.db.prepare('INSERT INTO file_access_log (file_id, job_id, agent_id, action, detail, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(f.id, f.job_id, agentId, action, detail, ctx.clock.now());
}

/** Step 1 of an upload: every rule checked, a pending file recorded. */
export function beginUpload(ctx: Ctx, agentId: string, jobId: string, input: RequestUploadInput, store: string, how: 'url' | 'inline'): FileRow {
  const j = visibleJob(ctx, agentId, jobId);
  const role = roleOf(j, agentId);
  if (!role) throw notFound('job', jobId);
  frozen(j, 'uploading');
  if (input.purpose === 'input') {
    if (role !== 'buyer') throw new VoxError('forbidden', 'only the job\'s buyer uploads input files; as the worker, upload your result with purpose "deliverable"', 403, { field: 'purpose' });
    if (CLOSED.includes(j.status)) throw new VoxError('invalid_status', `job is '${j.status}'; input files can be added until the job is closed (completed, cancelled or refunded)`, 409, { status: j.status });
  } else {
    if (role !== 'worker') throw new VoxError('forbidden', 'only the job\'s worker uploads deliverable files; as the buyer, upload material with purpose "input"', 403, { field: 'purpose' });
    if (!DELIVERABLE_UPLOAD.includes(j.status)) {
      throw new VoxError('invalid_status', `job is '${j.status}'; deliverable files can be uploaded while it is ${deliverableStatuses}`, 409, { status: j.status });
    }
  }
  const nameProblem = filenameProblem(input.filename);
  if (nameProblem) {
    const code = /blocked extension/.test(nameProblem) ? 'blocked_extension' : 'validation_error';
    throw new VoxError(code, `filename ${nameProblem}`, 400, { field: 'filename' });
  }
  const typeProblem = mimeProblem(input.content_type);
  if (typeProblem) throw new VoxError('unsupported_content_type', `content_type ${typeProblem}`, 415, { field: 'content_type' });
  const max = maxBytesFor(input.purpose);
  if (input.file_size_bytes > max) {
    throw new VoxError('file_too_large', `file_size_bytes ${input.file_size_bytes} is above the ${humanSize(max)} (${max} bytes) limit for ${input.purpose} files`, 413, { field: 'file_size_bytes' });
  }
  expireAbandoned(ctx, jobId);
  const count = (ctx.db.prepare(`SELECT COUNT(*) n FROM files WHERE job_id = ? AND purpose = ? AND ${LIVE}`).get(jobId, input.purpose) as { n: number }).n;
  if (count >= F.files_per_purpose_max) {
    throw new VoxError('file_limit_reached', `this job already has ${count} ${input.purpose} files, the maximum (${F.files_per_purpose_max}); pending uploads count until confirmed — delete_file one you no longer need`, 409, { field: 'purpose' });
  }
  const used = (ctx.db.prepare(`SELECT COALESCE(SUM(COALESCE(size_bytes, declared_size_bytes)), 0) n FROM files WHERE job_id = ? AND ${LIVE}`).get(jobId) as { n: number }).n;
  if (used + input.file_size_bytes > F.job_total_max_bytes) {
    throw new VoxError('job_storage_limit_exceeded', `file_size_bytes ${input.file_size_bytes} would bring this job's files to ${humanSize(used + input.file_size_bytes)}, above the ${humanSize(F.job_total_max_bytes)} per job (${humanSize(F.job_total_max_bytes - used)} left)`, 413, { field: 'file_size_bytes' });
  }
  const now = ctx.clock.now();
  const id = uuid();
  const revision = (ctx.db.prepare('SELECT COUNT(*) n FROM deliverables WHERE job_id = ?').get(jobId) as { n: number }).n + 1;
  ctx.db.prepare(`INSERT INTO files (id, job_id, uploaded_by, purpose, upload_status, original_filename, storage_key, store, content_type, declared_size_bytes,
      revision_number, metadata, upload_expires_at, created_at) VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, jobId, agentId, input.purpose, input.filename, objectKey(input.purpose, jobId, id, input.filename), store, normaliseMime(input.content_type)!,
    input.file_size_bytes, revision, input.metadata ? JSON.stringify(input.metadata) : null, now + F.upload_url_ttl_ms, now);
  const f = getFile(ctx, id);
  logAccess(ctx, f, agentId, how === 'url' ? 'upload_url' : 'upload_inline', `${input.file_size_bytes} bytes declared`);
  return f;
}

/**
 * Pending uploads never confirmed within a day of their URL's expiry are abandoned: marked failed
 * so they stop counting toward the job's 10-file and 5 GB limits (sweep() removes their bytes).
 */
export function expireAbandoned(ctx: Ctx, jobId: string | null) {
  const cutoff = ctx.clock.now() - F.pending_confirm_grace_ms;
  ctx.db.prepare(`UPDATE files SET upload_status = 'failed', failure_reason = 'never confirmed: the upload URL expired more than 24 h ago'
    WHERE upload_status = 'pending' AND upload_expires_at < ? AND (? IS NULL OR job_id = ?)`).run(cutoff, jobId, jobId);
}

export const getFile = (ctx: Ctx, id: string) => ctx.db.prepare('SELECT * FROM files WHERE id = ?').get(id) as FileRow;

/** Confirm step 1: the caller may confirm this file (the uploader; not a failed upload). */
export function confirmTarget(ctx: Ctx, agentId: string, jobId: string, fileId: string): FileRow {
  const { f } = partyFile(ctx, agentId, jobId, fileId);
  if (f.uploaded_by !== agentId) throw new VoxError('forbidden', 'only the agent that requested the upload URL can confirm the upload', 403);
  if (f.upload_status === 'failed') throw new VoxError('upload_failed', `this upload failed (${f.failure_reason}); request a new upload URL`, 409);
  return f;
}

/** What the store says about an uploaded object, measured between the two confirm transactions. */
export type UploadFacts = {
  size_bytes: number; etag: string; sha256: string; detected: string | null; executable: boolean;
  /** The content when it is text a judge can read (deliverables ≤ 10 MB). */
  text: string | null;
};

export type ConfirmOutcome = { ok: true; file: ConfirmedFile } | { ok: false; error: VoxError };

/** Confirm step 3: check everything again, then confirm (and deliver) or mark the upload failed. */
export function finishConfirm(ctx: Ctx, agentId: string, jobId: string, fileId: string, facts: UploadFacts): ConfirmOutcome {
  const f = confirmTarget(ctx, agentId, jobId, fileId);
  if (f.upload_status === 'confirmed') return { ok: true, file: confirmedView(ctx, f) };
  const failed = (code: string, reason: string, status: number) => {
    ctx.db.prepare("UPDATE files SET upload_status = 'failed', failure_reason = ?, size_bytes = ? WHERE id = ?").run(reason, facts.size_bytes, f.id);
    logAccess(ctx, f, agentId, 'confirm_refused', reason);
    return { ok: false as const, error: new VoxError(code, `${reason}; the upload was discarded — request a new upload URL`, status) };
  };
  if (facts.size_bytes > f.declared_size_bytes) {
    return failed('file_too_large', `the uploaded object has ${facts.size_bytes} bytes, more than the ${f.declared_size_bytes} declared (file_size_bytes)`, 413);
  }
  if (facts.size_bytes === 0) return failed('empty_file', 'the uploaded object is empty', 400);
  if (facts.executable) return failed('blocked_content', `the uploaded bytes are a program (${facts.detected}), whatever the filename and content_type say`, 400);

  const j = visibleJob(ctx, agentId, jobId);
  frozen(j, 'confirming an upload');
  const now = ctx.clock.now();
  const confirm = ctx.db.prepare("UPDATE files SET upload_status = 'confirmed', size_bytes = ?, sha256 = ?, etag = ?, detected_type = ?, confirmed_at = ? WHERE id = ? AND upload_status = 'pending'");
  if (f.purpose === 'input') {
    if (CLOSED.includes(j.status)) throw new VoxError('invalid_status', `job is '${j.status}'; input files can be added until the job is closed`, 409, { status: j.status });
    confirm.run(facts.size_bytes, facts.sha256, facts.etag, facts.detected, now, f.id);
    if (j.worker_id) {
      emit(ctx, j.worker_id, 'job.file_uploaded', jobId, {
        job_id: jobId, file_id: f.id, purpose: 'input', filename: f.original_filename, content_type: f.content_type, file_size_bytes: facts.size_bytes,
      }, `The buyer of "${j.title}" uploaded an input file (${humanSize(facts.size_bytes)}, ${f.content_type}): preview_file or get_file_download_url with file_id ${f.id}.`);
    }
  } else {
    if (!DELIVERABLE_UPLOAD.includes(j.status)) {
      throw new VoxError('invalid_status', `job is '${j.status}'; a deliverable file can be confirmed while the job is ${deliverableStatuses} (it delivers the job). delete_file this pending upload if it is no longer needed`, 409, { status: j.status });
    }
    confirm.run(facts.size_bytes, facts.sha256, facts.etag, facts.detected, now, f.id);
    const r = deliverJob(ctx, agentId, jobId, { content_type: f.content_type, metadata: f.metadata ? JSON.parse(f.metadata) : undefined }, {
      file_id: f.id, filename: f.original_filename, size_bytes: facts.size_bytes, sha256: facts.sha256, text: facts.text,
    });
    ctx.db.prepare('UPDATE files SET deliverable_id = ?, revision_number = ? WHERE id = ?').run(r.deliverable.id, r.deliverable.revision_number, f.id);
  }
  for (const a of [j.buyer_id, j.worker_id]) if (a) changed(ctx, a, jobId, 'file');
  logAccess(ctx, f, agentId, 'confirm', `${facts.size_bytes} bytes, sha256 ${facts.sha256}`);
  return { ok: true, file: confirmedView(ctx, getFile(ctx, f.id)) };
}

/** The job was funded at some point (escrow captured): input files are the worker's to read from then on. */
const wasFunded = (j: JobRow) => j.funded_at != null;

/** May the caller read this confirmed file's bytes (download URL, or preview)? */
function readableFile(ctx: Ctx, agentId: string, jobId: string, fileId: string, what: 'download' | 'preview') {
  const { j, f, role } = partyFile(ctx, agentId, jobId, fileId);
  if (f.upload_status !== 'confirmed') {
    throw new VoxError('file_not_confirmed', `file is '${f.upload_status}'; it can be read once its upload is confirmed${f.uploaded_by === agentId ? ' (confirm_upload)' : ''}`, 409);
  }
  if (f.purpose === 'input') {
    // The buyer previews its own inputs at any time; downloads (both parties) start once the job is funded.
    if ((what === 'download' || role === 'worker') && !wasFunded(j)) {
      throw new VoxError('invalid_status', `job is '${j.status}'; input files can be downloaded once the job is funded`, 409, { status: j.status });
    }
  } else if (role === 'buyer' && what === 'download' && j.status !== 'completed') {
    throw new VoxError('invalid_status', `job is '${j.status}'; the buyer can download deliverable files once the job is completed — preview_file now, then approve_job`, 409, { status: j.status });
  }
  return { j, f, role };
}

export function authorizeDownload(ctx: Ctx, agentId: string, jobId: string, fileId: string): FileRow {
  const { j, f } = readableFile(ctx, agentId, jobId, fileId, 'download');
  frozen(j, 'downloading');
  logAccess(ctx, f, agentId, 'download_url');
  return f;
}

export function authorizePreview(ctx: Ctx, agentId: string, jobId: string, fileId: string) {
  const r = readableFile(ctx, agentId, jobId, fileId, 'preview');
  logAccess(ctx, r.f, agentId, 'preview');
  return r;
}

export function listFiles(ctx: Ctx, agentId: string, jobId: string, input: ListFilesInput) {
  const j = visibleJob(ctx, agentId, jobId);
  if (!roleOf(j, agentId)) throw notFound('job', jobId);
  const where = `job_id = @job AND ${LIVE}${input.purpose ? ' AND purpose = @purpose' : ''}`;
  const params = { job: jobId, purpose: input.purpose, limit: input.limit, offset: input.offset };
  const rows = ctx.db.prepare(`SELECT * FROM files WHERE ${where} ORDER BY created_at, rowid LIMIT @limit OFFSET @offset`).all(params) as FileRow[];
  const total = (ctx.db.prepare(`SELECT COUNT(*) n FROM files WHERE ${where}`).get(params) as { n: number }).n;
  return { items: rows.map(fileView), count: rows.length, total };
}

/** Soft delete: the uploader only; a confirmed deliverable is the record of a delivery and stays. */
export function markDeleted(ctx: Ctx, agentId: string, jobId: string, fileId: string): FileRow {
  const { j, f } = partyFile(ctx, agentId, jobId, fileId);
  if (f.uploaded_by !== agentId) throw new VoxError('forbidden', 'only the agent that uploaded a file can delete it', 403);
  frozen(j, 'deleting a file');
  if (f.purpose === 'deliverable' && f.upload_status === 'confirmed') {
    throw new VoxError('deliverable_locked', 'a confirmed deliverable cannot be deleted: it is the record of a delivery (pending deliverables and input files can be)', 409);
  }
  ctx.db.prepare("UPDATE files SET upload_status = 'deleted', deleted_at = ? WHERE id = ?").run(ctx.clock.now(), f.id);
  logAccess(ctx, f, agentId, 'delete');
  for (const a of [j.buyer_id, j.worker_id]) if (a) changed(ctx, a, jobId, 'file');
  return f;
}

/** The latest validation of a deliverable file (src/engine/validation.ts); null for inputs and before any ran. */
export function latestValidation(ctx: Ctx, f: FileRow): FilePreview['validation'] {
  if (f.purpose !== 'deliverable' || !f.deliverable_id) return null;
  return validationSummary(ctx, f.job_id, f.deliverable_id);
}

export function accessLog(ctx: Ctx, fileId: string) {
  return (ctx.db.prepare('SELECT file_id, job_id, agent_id, action, detail, created_at FROM file_access_log WHERE file_id = ? ORDER BY id').all(fileId) as
    { file_id: string; job_id: string; agent_id: string | null; action: string; detail: string | null; created_at: number }[])
    .map((r) => ({ ...r, created_at: iso(r.created_at) }));
}

// ---------- the HTTP gate (signed local URLs) ----------

function gateOf(ctx: Ctx): FileGate {
  const read = <T>(fn: () => T) => ctx.db.transaction(fn).deferred();
  return {
    canUpload(fileId, key, agentId): GateAnswer {
      const f = read(() => ctx.db.prepare('SELECT * FROM files WHERE id = ?').get(fileId) as FileRow | undefined);
      if (!f || f.storage_key !== key || f.uploaded_by !== agentId) return { ok: false, status: 404, code: 'not_found', message: 'no pending upload for this URL' };
      if (f.upload_status !== 'pending') return { ok: false, status: 409, code: 'upload_closed', message: `this file is '${f.upload_status}': its upload URL no longer takes bytes` };
      return { ok: true };
    },
    canDownload(fileId, key) {
      const f = read(() => ctx.db.prepare('SELECT * FROM files WHERE id = ?').get(fileId) as FileRow | undefined);
      if (!f || f.storage_key !== key) return { ok: false, status: 404, code: 'not_found', message: 'no file for this URL' };
      if (f.upload_status === 'deleted') return { ok: false, status: 410, code: 'file_deleted', message: 'this file was deleted' };
      if (f.upload_status !== 'confirmed') return { ok: false, status: 409, code: 'file_not_confirmed', message: `this file is '${f.upload_status}'` };
      return { ok: true, filename: f.original_filename, content_type: f.content_type, etag: f.etag };
    },
    record(fileId, agentId, action, detail) {
      writeTx(ctx.db, () => {
        const f = ctx.db.prepare('SELECT id, job_id FROM files WHERE id = ?').get(fileId) as { id: string; job_id: string } | undefined;
        if (f) logAccess(ctx, f, agentId, action, detail);
      });
    },
  };
}

// ---------- the operations (steps around the store) ----------

/** Hash, sniff and (for small text) read an uploaded object without holding a large one in memory. */
async function measure(store: BlobStore, f: FileRow, size: number, etag: string): Promise<UploadFacts> {
  const hash = createHash('sha256');
  const keepText = f.purpose === 'deliverable' && isTextual(f.content_type) && size <= F.deliverable_text_max_bytes;
  const head: Buffer[] = [];
  let headLen = 0;
  const kept: Buffer[] = [];
  let seen = 0;
  const body: Readable = await store.stream(f.storage_key);
  for await (const chunk of body as AsyncIterable<Buffer>) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    hash.update(b);
    seen += b.length;
    if (headLen < 4096) (head.push(b), (headLen += b.length));
    if (keepText) kept.push(b);
    if (seen > f.declared_size_bytes) break; // too large: refused anyway, no need to read on
  }
  body.destroy();
  const first = Buffer.concat(head).subarray(0, 4096);
  const s = sniff(first);
  const all = keepText ? Buffer.concat(kept) : null;
  return {
    size_bytes: Math.max(size, seen), etag, sha256: hash.digest('hex'),
    detected: s?.type ?? (looksLikeText(first, seen > first.length) ? 'text/plain' : null), executable: s?.executable ?? false,
    text: all && looksLikeText(all, false) ? all.toString('utf8') : null,
  };
}

const read = <T>(ctx: Ctx, fn: () => T): T => ctx.db.transaction(fn).deferred();
const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** deliver_job's arguments when it delivers a file (filename + content or content_base64). */
export type DeliverFileInput = {
  filename?: string; content?: string; content_base64?: string; content_type: string;
  metadata?: Record<string, unknown>; idempotency_key?: string;
};

/** Decode inline content; base64 must be canonical base64 (whitespace allowed), not "whatever Buffer accepts". */
function inlineBytes(input: { content?: string; content_base64?: string }): Buffer {
  if ((input.content === undefined) === (input.content_base64 === undefined)) {
    throw new VoxError('validation_error', 'give exactly one of content (text) or content_base64', 400, { field: input.content === undefined ? 'content' : 'content_base64' });
  }
  if (input.content !== undefined) return Buffer.from(input.content, 'utf8');
  const b64 = input.content_base64!.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw invalid('content_base64', 'is not valid base64');
  return Buffer.from(b64, 'base64');
}

export class FileOps {
  readonly service: FileService;

  constructor(private readonly ctx: Ctx, config: FilesConfig & { dir: string }) {
    this.service = new FileService(config, FileOps.secret(ctx), ctx.clock, gateOf(ctx));
  }

  /** The database's URL-signing secret, created on first use (one per database, shared by its processes). */
  private static secret(ctx: Ctx): Buffer {
    writeTx(ctx.db, () => ctx.db.prepare("INSERT INTO secrets (name, value, created_at) VALUES ('files_url_hmac', ?, ?) ON CONFLICT DO NOTHING").run(randomBytes(32).toString('base64url'), ctx.clock.now()));
    return Buffer.from((ctx.db.prepare("SELECT value FROM secrets WHERE name = 'files_url_hmac'").get() as { value: string }).value, 'base64url');
  }

  /** Default store directory for a database at `dbPath`. */
  static defaultDir(dbPath: string, dataDir?: string) {
    return join(dataDir ?? dirname(dbPath), 'files');
  }

  private async presignUpload(store: BlobStore, f: FileRow): Promise<UploadUrl> {
    let url: string;
    try {
      url = await store.presignPut(f.storage_key, { file_id: f.id, agent_id: f.uploaded_by, content_type: f.content_type, max_bytes: f.declared_size_bytes, expires_at: f.upload_expires_at });
    } catch (e) {
      this.fail(f.id, `no upload URL could be issued: ${(e as Error).message}`);
      throw e;
    }
    return {
      file_id: f.id, upload_url: url, method: 'PUT', headers: { 'Content-Type': f.content_type }, r2_key: f.storage_key,
      expires_at: iso(f.upload_expires_at), max_size_bytes: maxBytesFor(f.purpose), file_size_bytes: f.declared_size_bytes,
      content_type: f.content_type, purpose: f.purpose, revision_number: f.revision_number,
    };
  }

  private fail(fileId: string, reason: string) {
    writeTx(this.ctx.db, () => this.ctx.db.prepare("UPDATE files SET upload_status = 'failed', failure_reason = ? WHERE id = ? AND upload_status = 'pending'").run(reason, fileId));
  }

  /** POST /jobs/:id/files/upload-url */
  async requestUpload(agentId: string, jobId: string, input: RequestUploadInput): Promise<UploadUrl> {
    const { idempotency_key, ...args } = input;
    return this.once(agentId, 'request_upload', idempotency_key, { jobId, ...args }, async () => {
      const store = await this.service.store();
      const f = writeTx(this.ctx.db, () => beginUpload(this.ctx, agentId, jobId, args, store.kind, 'url'));
      return this.presignUpload(store, f);
    });
  }

  /** POST /jobs/:id/files/:fileId/confirm */
  async confirmUpload(agentId: string, jobId: string, fileId: string): Promise<ConfirmedFile> {
    const f = read(this.ctx, () => confirmTarget(this.ctx, agentId, jobId, fileId));
    if (f.upload_status === 'confirmed') return read(this.ctx, () => confirmedView(this.ctx, f));
    const store = await this.service.store();
    const info = await store.head(f.storage_key);
    if (!info) {
      throw new VoxError('upload_incomplete', `nothing was uploaded for file ${fileId} yet: PUT the bytes to its upload_url (Content-Type ${f.content_type}) before it expires at ${iso(f.upload_expires_at)}, then confirm`, 409);
    }
    const facts = info.size_bytes > f.declared_size_bytes
      ? { size_bytes: info.size_bytes, etag: info.etag, sha256: '', detected: null, executable: false, text: null }
      : await measure(store, f, info.size_bytes, info.etag);
    const again = await store.head(f.storage_key);
    if (!again || again.etag !== info.etag) throw new VoxError('upload_changed', 'the object changed while it was being confirmed; confirm again once the upload has finished', 409);
    const out = writeTx(this.ctx.db, () => finishConfirm(this.ctx, agentId, jobId, fileId, facts));
    if (!out.ok) {
      await this.removeObject(store, f);
      throw out.error;
    }
    return out.file;
  }

  /** Inline upload: request → put → confirm in one call (upload_file / deliver_job with content). */
  async uploadFile(agentId: string, jobId: string, input: UploadFileInput): Promise<ConfirmedFile> {
    const { idempotency_key, ...args } = input;
    return this.once(agentId, 'upload_file', idempotency_key, { jobId, ...args }, () => this.uploadInline(agentId, jobId, args));
  }

  private async uploadInline(agentId: string, jobId: string, input: Omit<UploadFileInput, 'idempotency_key'>): Promise<ConfirmedFile> {
    const bytes = inlineBytes(input);
    if (bytes.length > F.inline_max_bytes) {
      throw new VoxError('file_too_large', `inline content is ${humanSize(bytes.length)}; at most ${humanSize(F.inline_max_bytes)} goes inline — call upload_file without content for an upload URL`, 413, { field: input.content !== undefined ? 'content' : 'content_base64' });
    }
    const content_type = input.content_type ?? mimeFromFilename(input.filename) ?? (input.content !== undefined ? 'text/plain; charset=utf-8' : null);
    if (!content_type) throw new VoxError('validation_error', `content_type is required: the filename '${input.filename}' does not say what the bytes are`, 400, { field: 'content_type' });
    const store = await this.service.store();
    const f = writeTx(this.ctx.db, () => beginUpload(this.ctx, agentId, jobId, {
      purpose: input.purpose, filename: input.filename, content_type, file_size_bytes: Math.max(1, bytes.length), metadata: input.metadata,
    }, store.kind, 'inline'));
    try {
      await store.put(f.storage_key, bytes, f.content_type);
      return await this.confirmUpload(agentId, jobId, f.id);
    } catch (e) {
      // The pending file is of no use to anyone now: fail it and drop its bytes.
      const cur = read(this.ctx, () => getFile(this.ctx, f.id));
      if (cur.upload_status === 'pending') {
        this.fail(f.id, e instanceof Error ? e.message.slice(0, 500) : String(e));
        await this.removeObject(store, cur);
      }
      throw e;
    }
  }

  /**
   * deliver_job with a file: the inline upload of a deliverable, answered as deliver_job
   * answers. With an idempotency_key a retry returns the first answer (24 h), as deliver_job does.
   */
  async deliverFile(agentId: string, jobId: string, input: DeliverFileInput) {
    if (!input.filename) throw invalid('filename', 'is required to deliver a file: the name of the delivered file (e.g. "report.pdf")');
    const { idempotency_key, ...args } = input;
    return this.once(agentId, 'deliver_job', idempotency_key, { id: jobId, ...args }, async () => {
      const filename = input.filename!;
      // content_type defaults to text/plain in deliver_job: let the filename speak when it was not given.
      const content_type = input.content_type === 'text/plain' && mimeFromFilename(filename) ? undefined : input.content_type;
      await this.uploadInline(agentId, jobId, { purpose: 'deliverable', filename, content: input.content, content_base64: input.content_base64, content_type, metadata: input.metadata });
      return read(this.ctx, () => ({ job: view(this.ctx, agentId, visibleJob(this.ctx, agentId, jobId)), deliverable: deliverableOf(this.ctx, jobId, 'full') }));
    });
  }

  /**
   * The engine's idempotency table, for an operation that awaits the store between its
   * transactions. The key is claimed first (a row with an empty response) in one write
   * transaction, so a concurrent call with the same key waits for the first answer instead of
   * running the operation a second time; a failed operation releases its claim.
   */
  private async once<T>(agentId: string, operation: string, key: string | undefined, args: unknown, fn: () => Promise<T>): Promise<T> {
    if (!key) return fn();
    const hash = createHash('sha256').update(canonical({ operation, args })).digest('hex'); // key order does not matter
    const db = this.ctx.db;
    const giveUpAt = Date.now() + 60_000; // a claim left by a crashed process is taken over after this
    for (;;) {
      const state = writeTx(db, () => {
        const prior = db.prepare('SELECT operation, request_hash, response, created_at FROM idempotency WHERE agent_id = ? AND key = ?').get(agentId, key) as
          { operation: string; request_hash: string; response: string; created_at: number } | undefined;
        if (prior && prior.created_at + IDEMPOTENCY_TTL_MS > this.ctx.clock.now()) {
          if (prior.request_hash !== hash) {
            throw new VoxError('idempotency_key_reused', `idempotency_key '${key}' was already used for a different request (${prior.operation}); use a new key for a new request`, 422, { field: 'idempotency_key' });
          }
          if (prior.response !== '') return { done: JSON.parse(prior.response) as T };
          if (Date.now() < giveUpAt) return { wait: true as const };
        }
        db.prepare(`INSERT INTO idempotency (agent_id, key, operation, request_hash, response, created_at) VALUES (?, ?, ?, ?, '', ?)
          ON CONFLICT (agent_id, key) DO UPDATE SET operation = excluded.operation, request_hash = excluded.request_hash, response = excluded.response, created_at = excluded.created_at`)
          .run(agentId, key, operation, hash, this.ctx.clock.now());
        return { claimed: true as const };
      });
      if ('done' in state) return state.done as T;
      if ('claimed' in state) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    let result: T;
    try {
      result = await fn();
    } catch (e) {
      writeTx(db, () => db.prepare("DELETE FROM idempotency WHERE agent_id = ? AND key = ? AND response = ''").run(agentId, key));
      throw e;
    }
    writeTx(db, () => db.prepare('UPDATE idempotency SET response = ?, created_at = ? WHERE agent_id = ? AND key = ?')
      .run(JSON.stringify(result), this.ctx.clock.now(), agentId, key));
    return result;
  }

  /** GET /jobs/:id/files */
  async listFiles(agentId: string, jobId: string, input: ListFilesInput) {
    return read(this.ctx, () => listFiles(this.ctx, agentId, jobId, input));
  }

  /** GET /jobs/:id/files/:fileId/download-url */
  async getDownloadUrl(agentId: string, jobId: string, fileId: string): Promise<DownloadUrl> {
    const store = await this.service.store();
    const f = writeTx(this.ctx.db, () => authorizeDownload(this.ctx, agentId, jobId, fileId));
    await this.checkIntact(store, f);
    const expires = this.ctx.clock.now() + F.download_url_ttl_ms;
    const url = await store.presignGet(f.storage_key, { file_id: f.id, agent_id: agentId, content_type: f.content_type, filename: f.original_filename, expires_at: expires });
    return {
      download_url: url, expires_at: iso(expires), file_id: f.id, filename: f.original_filename, content_type: f.content_type,
      file_size_bytes: f.size_bytes!, file_size_human: humanSize(f.size_bytes!), sha256: f.sha256, purpose: f.purpose, uploaded_by: f.uploaded_by,
    };
  }

  /** The stored bytes are still the confirmed ones (an S3 URL could have been replayed to overwrite them). */
  private async checkIntact(store: BlobStore, f: FileRow) {
    const info = await store.head(f.storage_key);
    if (!info) throw new VoxError('file_unavailable', 'the file is no longer in the store', 410);
    if (f.etag && info.etag !== f.etag) {
      log('warn', 'confirmed file changed in the store', { file_id: f.id, key: f.storage_key });
      throw new VoxError('file_changed', 'the stored bytes changed after the upload was confirmed; the file is withheld', 409);
    }
  }

  /** GET /jobs/:id/files/:fileId/preview */
  async previewFile(agentId: string, jobId: string, fileId: string): Promise<FilePreview> {
    const store = await this.service.store();
    const { j, f, role } = writeTx(this.ctx.db, () => authorizePreview(this.ctx, agentId, jobId, fileId));
    await this.checkIntact(store, f);
    const size = f.size_bytes!;
    const partial = size >= F.preview_full_max_bytes;
    // Text is read whole under 10 MB, else its first 512 KB; a binary only needs its first bytes to be described.
    const textual = isTextual(f.content_type);
    const upTo = textual ? (partial ? F.preview_partial_bytes : size) : Math.min(size, 4096);
    const bytes = await store.get(f.storage_key, { start: 0, end: upTo - 1 });
    const s = sniff(bytes.subarray(0, 4096));
    const text = textual && !s && looksLikeText(bytes, upTo < size);
    // A deliverable the buyer has not paid for yet: an excerpt of the text (src/engine/preview.ts).
    const excerpt = f.purpose === 'deliverable' && unpaid(role, j.status);
    const whole = (upTo < size ? trimPartialUtf8(bytes) : bytes).toString('utf8');
    const preview_content = text ? (excerpt ? unpaidExcerpt(whole) : whole) : describe(f, s, bytes, size);
    const validation = read(this.ctx, () => latestValidation(this.ctx, f));
    let message: string | null = null;
    if (f.purpose === 'deliverable' && role === 'buyer' && j.status !== 'completed') message = 'Approve the job to confirm payment and download the full deliverable.';
    else if (partial) message = `Only the first ${humanSize(F.preview_partial_bytes)} are shown; get_file_download_url for the whole file.`;
    return {
      file_id: f.id, purpose: f.purpose, filename: f.original_filename, uploaded_by: f.uploaded_by, file_category: categoryOf(f.content_type), content_type: f.content_type,
      original_size_bytes: size, original_size_human: humanSize(size), is_partial: partial || excerpt, preview_kind: text ? 'text' : 'description',
      preview_content, detected_type: s?.type ?? f.detected_type, validation, message,
    };
  }

  /** DELETE /jobs/:id/files/:fileId */
  async deleteFile(agentId: string, jobId: string, fileId: string): Promise<{ file_id: string; status: 'deleted' }> {
    const store = await this.service.store();
    const f = writeTx(this.ctx.db, () => markDeleted(this.ctx, agentId, jobId, fileId));
    await this.removeObject(store, f);
    return { file_id: f.id, status: 'deleted' };
  }

  /** Remove a dead file's bytes; a failure is logged and left for `sweep`. */
  private async removeObject(store: BlobStore, f: FileRow) {
    try {
      await store.delete(f.storage_key);
      writeTx(this.ctx.db, () => this.ctx.db.prepare('UPDATE files SET object_removed_at = ? WHERE id = ?').run(this.ctx.clock.now(), f.id));
    } catch (e) {
      log('warn', 'could not remove a file object; sweep() retries', { file_id: f.id, error: (e as Error).message });
    }
  }

  /** Expire abandoned uploads, and remove the bytes of deleted and failed files (retrying removals that failed). */
  async sweep(): Promise<number> {
    const store = await this.service.store();
    writeTx(this.ctx.db, () => expireAbandoned(this.ctx, null));
    const dead = read(this.ctx, () => this.ctx.db.prepare("SELECT * FROM files WHERE upload_status IN ('deleted','failed') AND object_removed_at IS NULL LIMIT 500").all() as FileRow[]);
    for (const f of dead) await this.removeObject(store, f);
    return dead.length;
  }

  /**
   * The text of a file deliverable whose content is not kept inline (a text file over 10 MB: its
   * first 10 MB), for the validation judges; null for binaries and anything unreadable.
   */
  async deliverableText(deliverableId: string, jobId: string): Promise<string | null> {
    const f = read(this.ctx, () => this.ctx.db.prepare('SELECT f.* FROM deliverables d JOIN files f ON f.id = d.file_id WHERE d.id = ? AND d.job_id = ?').get(deliverableId, jobId) as FileRow | undefined);
    if (!f || f.upload_status !== 'confirmed' || !isTextual(f.content_type)) return null;
    const store = await this.service.store();
    await this.checkIntact(store, f);
    const upTo = Math.min(f.size_bytes!, F.deliverable_text_max_bytes);
    const bytes = await store.get(f.storage_key, { start: 0, end: upTo - 1 });
    const cut = upTo < f.size_bytes!;
    return looksLikeText(bytes, cut) ? (cut ? trimPartialUtf8(bytes) : bytes).toString('utf8') : null;
  }

  /** Who got which URL, downloaded or previewed the file, when (oldest first). */
  accessLog(fileId: string) {
    return read(this.ctx, () => accessLog(this.ctx, fileId));
  }

  close() {
    return this.service.close();
  }
}

/** A binary, described: what it is, how big, its first bytes. */
function describe(f: FileRow, s: ReturnType<typeof sniff>, bytes: Buffer, size: number): string {
  const what = s?.description ?? `${categoryOf(f.content_type)} file of unrecognised format`;
  const mismatch = s && essenceOf(s.type) !== essenceOf(f.content_type) && !(s.type === 'application/zip' && /officedocument|opendocument|epub/.test(f.content_type))
    ? ` (declared as ${f.content_type})` : '';
  return `Binary file: ${what}${mismatch}; ${humanSize(size)} (${size} bytes), content_type ${f.content_type}; first bytes ${hexHead(bytes)}` +
    (f.sha256 ? `; sha256 ${f.sha256}` : '') + '.';
}

export { StoreError };
