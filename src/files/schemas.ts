/**
 * Requests and responses of file transfer, defined once (re-exported by src/schemas.ts) and used
 * by the MCP tools, the REST routes and the hosted client. Field names are the reference's.
 * Self-contained on purpose: src/schemas.ts re-exports this module, so it must not import it.
 */
import { z } from 'zod';
import { FILE_LIMITS as F } from './limits.js';

const Timestamp = z.string().describe('ISO 8601, UTC');
const metadataObject = z.record(z.string(), z.unknown()).refine(
  (o) => JSON.stringify(o).length <= F.metadata_bytes_max, `must serialise to at most ${F.metadata_bytes_max} bytes`);

export const FilePurpose = z.enum(['input', 'deliverable'])
  .describe('"input": the buyer gives the worker material; "deliverable": the worker delivers the result');
export type FilePurpose = z.infer<typeof FilePurpose>;
export const FileId = z.string().uuid('must be a file id (UUID)').describe('File id (UUID)');
export const UploadStatus = z.enum(['pending', 'confirmed', 'failed', 'deleted']);
const Filename = z.string().min(F.filename_chars[0], 'must be at least 1 character').max(F.filename_chars[1], `must be at most ${F.filename_chars[1]} characters`);
const ContentType = z.string().min(3).max(255);
/** As src/schemas.ts's IdempotencyKey (repeated here: this module must not import that one). */
const IdempotencyKey = z.string().min(1).max(255).optional()
  .describe('Optional. Reuse the same key when retrying the same call: the first result is returned and nothing happens twice (24 h).');

export const RequestUploadInput = z.object({
  purpose: FilePurpose,
  filename: Filename.describe('e.g. "spec.pdf"; blocked: .exe .bat .cmd .com .msi .scr .pif .vbs .vbe .js .jse .ws .wsf .wsc .reg .inf .ps1 .psm1'),
  content_type: ContentType.describe('An allowed MIME type, e.g. application/pdf, text/markdown, image/png; PUT the bytes with exactly this Content-Type'),
  file_size_bytes: z.number().int().min(1, 'must be at least 1').max(F.deliverable_max_bytes, `must be at most ${F.deliverable_max_bytes} (1 GB)`)
    .describe('The size you will upload: at most 500 MB (524288000) for inputs, 1 GB (1073741824) for deliverables'),
  metadata: metadataObject.optional().describe('Optional key/value object kept with the file'),
  idempotency_key: IdempotencyKey,
});
export type RequestUploadInput = z.infer<typeof RequestUploadInput>;

/** Upload in one call: the bytes inline as text (`content`) or base64 (`content_base64`). */
export const UploadFileInput = z.object({
  purpose: FilePurpose,
  filename: Filename,
  content_type: ContentType.optional().describe('Defaults to the type the filename suggests (text/plain for text content)'),
  content: z.string().max(F.inline_max_bytes).optional().describe('The file as UTF-8 text'),
  content_base64: z.string().max(Math.ceil(F.inline_max_bytes / 3) * 4 + 4).optional().describe('The file as base64 (binary files)'),
  metadata: metadataObject.optional(),
  idempotency_key: IdempotencyKey,
});
export type UploadFileInput = z.infer<typeof UploadFileInput>;

export const ListFilesInput = z.object({
  purpose: FilePurpose.optional(),
  limit: z.number().int().min(1).max(F.list_limit_max, `must be at most ${F.list_limit_max}`).default(F.list_limit_default),
  offset: z.number().int().min(0).default(0),
});
export type ListFilesInput = z.infer<typeof ListFilesInput>;

export const UploadUrl = z.object({
  file_id: z.string(),
  upload_url: z.string().describe('PUT the bytes here with the Content-Type header below, before expires_at'),
  method: z.literal('PUT'),
  headers: z.record(z.string(), z.string()).describe('Headers the PUT must carry'),
  r2_key: z.string().describe('The object key in the store'),
  expires_at: Timestamp,
  max_size_bytes: z.number().int().describe('The largest file of this purpose'),
  file_size_bytes: z.number().int().describe('The size you declared: a larger upload is refused'),
  content_type: z.string(),
  purpose: FilePurpose,
  revision_number: z.number().int(),
});
export type UploadUrl = z.infer<typeof UploadUrl>;

export const ConfirmedFile = z.object({
  file_id: z.string(),
  upload_status: z.literal('confirmed'),
  purpose: FilePurpose,
  filename: z.string(),
  content_type: z.string(),
  file_size_bytes: z.number().int().describe('The real size of the stored object'),
  file_size_human: z.string(),
  sha256: z.string(),
  revision_number: z.number().int(),
  deliverable_id: z.string().optional().describe('Deliverables: the delivery this file is'),
  job_status: z.string().optional().describe('Deliverables: the job status after the delivery'),
});
export type ConfirmedFile = z.infer<typeof ConfirmedFile>;

export const JobFile = z.object({
  id: z.string(), job_id: z.string(), uploaded_by: z.string(), purpose: FilePurpose, upload_status: UploadStatus,
  original_filename: z.string(), content_type: z.string(),
  file_size_bytes: z.number().int().describe('Real size once confirmed; the declared size before'),
  file_size_human: z.string(), revision_number: z.number().int(), metadata: z.record(z.string(), z.unknown()),
  sha256: z.string().nullable(), failure_reason: z.string().nullable(),
  created_at: Timestamp, confirmed_at: Timestamp.nullable(),
});
export type JobFile = z.infer<typeof JobFile>;
export const FilePage = z.object({ items: z.array(JobFile), count: z.number().int(), total: z.number().int() });

export const DownloadUrl = z.object({
  download_url: z.string().describe('GET this URL before expires_at'),
  expires_at: Timestamp, file_id: z.string(), filename: z.string(), content_type: z.string(),
  file_size_bytes: z.number().int(), file_size_human: z.string(), sha256: z.string().nullable(),
  purpose: FilePurpose, uploaded_by: z.string(),
});
export type DownloadUrl = z.infer<typeof DownloadUrl>;

/** The latest validation of a deliverable (written by the validation engine); null until there is one. */
export const FileValidation = z.object({
  passed: z.boolean().nullable(), confidence: z.number().nullable(), reasoning: z.string().nullable(),
  validator_type: z.string().nullable(), consensus: z.unknown().optional(),
}).passthrough();

export const FilePreview = z.object({
  file_id: z.string(), purpose: FilePurpose, filename: z.string(), uploaded_by: z.string(),
  file_category: z.enum(['text', 'data', 'document', 'image', 'audio', 'video', 'archive']),
  content_type: z.string(), original_size_bytes: z.number().int(), original_size_human: z.string(),
  is_partial: z.boolean().describe('true when the preview is not the whole file: its first 512 KB (10 MB or more), or an excerpt of a deliverable the buyer has not paid for yet'),
  preview_kind: z.enum(['text', 'description']).describe('text: preview_content is the file text; description: a binary described'),
  preview_content: z.string(),
  detected_type: z.string().nullable().describe('What the magic bytes say the file is'),
  validation: FileValidation.nullable(),
  message: z.string().nullable(),
});
export type FilePreview = z.infer<typeof FilePreview>;

export const DeletedFile = z.object({ file_id: z.string(), status: z.literal('deleted') });
export type DeletedFile = z.infer<typeof DeletedFile>;

/** upload_file with inline content: the confirmed file (deliverables: and the job status). */
export const UploadedFile = ConfirmedFile;
