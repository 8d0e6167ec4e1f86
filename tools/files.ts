/**
 * Toolset `files`: input files (buyer → worker) and deliverable files (worker → buyer).
 * Small files go inline in one call; large ones through a presigned URL, then confirm_upload.
 */
import { z } from 'zod';
import {
  ConfirmedFile, DeletedFile, DownloadUrl, FileId, FilePage, FilePreview, JobId, ListFilesInput, RequestUploadInput, TextPage, TextPageInput, UploadFileInput, UploadUrl,
} from '../src/schemas.js';
import { VoxError } from '../src/errors.js';
import { mimeFromFilename } from '../src/files/mime.js';
import { defineTool } from '../src/tool.js';
import { Text } from '../src/untrusted.js';
import { clip } from './format.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;

function confirmedText(self: string, f: ConfirmedFile, author: string | null): string {
  const t = new Text(self);
  t.line(`Uploaded and confirmed ${f.purpose} file ${f.file_id} ${t.quote(f.filename, author, 'filename')} (${f.content_type}, ${f.file_size_human}, sha256 ${f.sha256.slice(0, 12)}…).`);
  if (f.purpose === 'deliverable') t.line(`The job is now ${f.job_status ?? 'delivered'} (revision ${f.revision_number}); the buyer previews it (preview_file) and approves or requests a revision.`);
  else t.line('The worker was notified (job.file_uploaded); it can preview_file or get_file_download_url once the job is funded.');
  return t.toString();
}

export const UploadFileOutput = z.object({
  uploaded: ConfirmedFile.nullable().describe('With content: the confirmed file'),
  upload: UploadUrl.nullable().describe('Without content: where to PUT the bytes'),
  next_step: z.string(),
});

export const uploadFile = defineTool({
  name: 'upload_file',
  toolset: 'files',
  title: 'Upload a file to a job',
  description:
    'Attach a file to a job. purpose "input": as the buyer, material for the worker (any time until the job is closed). ' +
    'purpose "deliverable": as the worker, your result (job in_progress or revision_requested) — confirming it DELIVERS the job.\n' +
    '- Small files (≤ 10 MB): pass content (text) or content_base64; the file is uploaded and confirmed in this one call.\n' +
    '- Large files (inputs ≤ 500 MB, deliverables ≤ 1 GB): omit content and give file_size_bytes and content_type; you get an upload_url (valid 30 min). ' +
    'PUT the bytes there with the Content-Type header given, then call confirm_upload.\n' +
    'Limits: 10 input and 10 deliverable files and 5 GB per job; executables and scripts (.exe .bat .cmd .com .msi .scr .pif .vbs .vbe .js .jse .ws .wsf .wsc .reg .inf .ps1 .psm1) are refused. ' +
    'content_type defaults to what the filename suggests (e.g. report.md → text/markdown). Pass idempotency_key to retry safely: a retry returns the first answer and nothing is uploaded or delivered twice. ' +
    'Example: { job_id, purpose: "deliverable", filename: "summary.md", content: "# Summary …" }.',
  input: {
    job_id: JobId,
    ...UploadFileInput.shape,
    file_size_bytes: RequestUploadInput.shape.file_size_bytes.optional().describe('Without content: the exact size you will upload (required then)'),
  },
  output: UploadFileOutput,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, file_size_bytes, ...args }) {
    if (args.content !== undefined || args.content_base64 !== undefined) {
      const f = await mp.uploadFile(job_id, args);
      return { structured: { uploaded: f, upload: null, next_step: f.purpose === 'deliverable' ? 'wait for the buyer' : 'nothing: the file is attached' }, text: confirmedText(mp.agentId, f, mp.agentId) };
    }
    if (file_size_bytes === undefined) {
      throw new VoxError('validation_error', 'file_size_bytes is required without content (or pass content / content_base64 to upload inline)', 400, { field: 'file_size_bytes' });
    }
    const content_type = args.content_type ?? mimeFromFilename(args.filename);
    if (!content_type) throw new VoxError('validation_error', `content_type is required: the filename '${args.filename}' does not say what the bytes are`, 400, { field: 'content_type' });
    const u = await mp.requestUpload(job_id, { purpose: args.purpose, filename: args.filename, content_type, file_size_bytes, metadata: args.metadata, idempotency_key: args.idempotency_key });
    const next = `PUT the ${u.file_size_bytes} bytes to upload_url with header Content-Type: ${u.content_type} before ${u.expires_at}, then call confirm_upload with job_id and file_id ${u.file_id}.`;
    const text = [
      `Upload URL for ${u.purpose} file ${u.file_id} (expires ${u.expires_at}, at most ${u.file_size_bytes} bytes):`,
      u.upload_url,
      `Example: curl -X PUT -H 'Content-Type: ${u.content_type}' --data-binary @${JSON.stringify(args.filename).slice(1, -1).replace(/'/g, '')} '${u.upload_url}'`,
      `Then: confirm_upload { job_id: "${job_id}", file_id: "${u.file_id}" }${u.purpose === 'deliverable' ? ' — confirming delivers the job.' : '.'}`,
    ].join('\n');
    return { structured: { uploaded: null, upload: u, next_step: next }, text };
  },
});

export const confirmUpload = defineTool({
  name: 'confirm_upload',
  toolset: 'files',
  optIn: true,
  title: 'Confirm an upload',
  description:
    'After PUTting the bytes to the upload_url that upload_file gave you, confirm the upload: the server checks the object exists and records its real size ' +
    '(larger than declared, empty, or an executable: refused and discarded). Confirming a deliverable delivers the job (job.delivered to the buyer); ' +
    'confirming an input tells the worker (job.file_uploaded). Only the agent that requested the URL can confirm. Confirming twice returns the same answer.',
  input: { job_id: JobId, file_id: FileId },
  output: ConfirmedFile,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: true },
  async handler({ mp }, { job_id, file_id }) {
    const f = await mp.confirmUpload(job_id, file_id);
    return { structured: f, text: confirmedText(mp.agentId, f, mp.agentId) };
  },
});

export const listFiles = defineTool({
  name: 'list_files',
  toolset: 'files',
  title: 'List a job\'s files',
  description: 'The pending and confirmed files of a job you are the buyer or worker of (deleted files are left out), oldest first. Filter with purpose "input" or "deliverable"; limit ≤ 50 (default 20), offset.',
  input: { job_id: JobId, ...ListFilesInput.shape },
  output: FilePage,
  annotations: READ,
  async handler({ mp }, { job_id, ...args }) {
    const r = await mp.listFiles(job_id, args);
    const t = new Text(mp.agentId).line(`${r.count} file(s) of ${r.total} on job ${job_id}.`);
    for (const f of r.items) {
      t.line(`- ${f.id} ${f.purpose} ${t.quote(f.original_filename, f.uploaded_by, 'filename')} — ${f.upload_status}, ${f.content_type}, ${f.file_size_human}, revision ${f.revision_number}, by ${f.uploaded_by}`);
    }
    if (r.count) t.line('Read one with preview_file, or get_file_download_url for the whole file.');
    return { structured: r, text: t.toString() };
  },
});

export const getFileDownloadUrl = defineTool({
  name: 'get_file_download_url',
  toolset: 'files',
  title: 'Get a file download URL',
  description:
    'A URL to GET a confirmed file, valid 1 hour (downloads are logged). Input files: buyer and worker once the job is funded. ' +
    'Deliverable files: the worker always; the buyer only after the job is completed — before that use preview_file, then approve_job.',
  input: { job_id: JobId, file_id: FileId },
  output: DownloadUrl,
  annotations: { ...READ, idempotentHint: false },
  async handler({ mp }, { job_id, file_id }) {
    const d = await mp.getFileDownloadUrl(job_id, file_id);
    const t = new Text(mp.agentId);
    t.line(`Download ${t.quote(d.filename, d.uploaded_by, 'filename')} (${d.content_type}, ${d.file_size_human}) until ${d.expires_at}:`);
    t.line(d.download_url);
    return { structured: d, text: t.toString() };
  },
});

export const previewFile = defineTool({
  name: 'preview_file',
  toolset: 'files',
  title: 'Preview a file',
  description:
    'Read a confirmed file without downloading it, a page at a time (max_chars; offset = next_offset reads on): text files are shown (whole under 10 MB, else the first 512 KB), binaries are described (type, size, first bytes). ' +
    'For deliverables also the latest validation result. The buyer can preview deliverables from delivery on — use it before approve_job.',
  input: { job_id: JobId, file_id: FileId, ...TextPageInput },
  output: FilePreview.extend(TextPage.shape),
  annotations: READ,
  async handler({ mp }, { job_id, file_id, offset, max_chars }) {
    const whole = await mp.previewFile(job_id, file_id);
    const page = clip(whole.preview_content, offset, max_chars);
    const p = { ...whole, preview_content: page.text, offset: page.offset, next_offset: page.next_offset, total_chars: page.total_chars };
    const author = p.uploaded_by;
    const t = new Text(mp.agentId);
    t.line(`${p.purpose === 'input' ? 'Input' : 'Deliverable'} file ${p.file_id} ${t.quote(p.filename, author, 'filename')}: ${p.file_category}, ${p.content_type}, ${p.original_size_human}${p.is_partial ? ' (first 512 KB shown)' : ''}.`);
    t.line(p.preview_kind === 'text' ? t.quote(p.preview_content, author, 'file_content') : p.preview_content);
    if (page.next_offset != null) t.line(`Characters ${page.offset}–${page.next_offset} of ${page.total_chars}; more: call again with offset ${page.next_offset}.`);
    if (p.validation) {
      const v = p.validation;
      t.line(`Validation: ${v.passed === null ? 'pending' : v.passed ? 'passed' : 'failed'}${v.confidence != null ? ` (confidence ${v.confidence})` : ''}${v.validator_type ? `, ${v.validator_type}` : ''}` +
        (v.reasoning ? `: ${t.quote(v.reasoning, 'validator', 'reasoning')}` : ''));
    }
    if (p.message) t.line(p.message);
    return { structured: p, text: t.toString() };
  },
});

export const deleteFile = defineTool({
  name: 'delete_file',
  toolset: 'files',
  optIn: true,
  title: 'Delete a file',
  description: 'Delete a file you uploaded: a pending upload, or an input file. A confirmed deliverable cannot be deleted (it is the record of a delivery). The stored bytes are removed.',
  input: { job_id: JobId, file_id: FileId },
  output: DeletedFile,
  annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, file_id }) {
    const r = await mp.deleteFile(job_id, file_id);
    return { structured: r, text: `File ${r.file_id} deleted.` };
  },
});

export const fileTools = [uploadFile, confirmUpload, listFiles, getFileDownloadUrl, previewFile, deleteFile];
