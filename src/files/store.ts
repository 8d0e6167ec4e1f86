/**
 * Where file bytes live. Two stores implement this: local disk (src/files/local.ts, URLs signed
 * by us and served by our HTTP handler) and S3/R2 (src/files/s3.ts, presigned by the AWS SDK).
 * Keys are always made by `objectKey` (src/files/names.ts); a store refuses any other shape.
 */
import type { Readable } from 'node:stream';

export type ObjectInfo = {
  size_bytes: number;
  /** Changes whenever the bytes change: a confirmed file whose etag moved was overwritten. */
  etag: string;
  content_type: string | null;
};

/** What an upload URL allows: one PUT of at most `max_bytes` with this content type, until `expires_at`. */
export type PresignPut = { file_id: string; agent_id: string; content_type: string; max_bytes: number; expires_at: number };
/** What a download URL allows: GETs of this object until `expires_at`, served as an attachment named `filename`. */
export type PresignGet = { file_id: string; agent_id: string; content_type: string; filename: string; expires_at: number };

export interface BlobStore {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<ObjectInfo>;
  head(key: string): Promise<ObjectInfo | null>;
  /** Bytes `start`..`end` inclusive (clamped to the object); the whole object without a range. */
  get(key: string, range?: { start: number; end: number }): Promise<Buffer>;
  /** The whole object as a stream (hashing a 1 GB deliverable without holding it in memory). */
  stream(key: string): Promise<Readable>;
  /** Remove the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  presignPut(key: string, o: PresignPut): Promise<string>;
  presignGet(key: string, o: PresignGet): Promise<string>;
  close(): Promise<void>;
}

/** A store failed for a reason the caller can act on (missing object, size, …). */
export class StoreError extends Error {
  constructor(readonly code: 'not_found' | 'too_large' | 'invalid_key' | 'unavailable', message: string) {
    super(message);
  }
}
