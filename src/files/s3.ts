/**
 * S3 / Cloudflare R2 store through @aws-sdk/client-s3 and its presigner. The SDK is loaded with
 * dynamic import() only when S3 is configured, so a stdio server on local disk never loads it.
 * Presigned PUTs sign the Content-Type (a PUT with another type is refused by S3); the size is
 * checked at confirm, against the real object.
 */
import type { Readable } from 'node:stream';
import type { Clock } from '../clock.js';
import { contentDisposition, isObjectKey } from './names.js';
import { type BlobStore, type ObjectInfo, type PresignGet, type PresignPut, StoreError } from './store.js';

export type S3Config = {
  bucket: string;
  endpoint: string | null;
  region: string;
  forcePathStyle: boolean;
  /** Explicit credentials; otherwise the SDK's default chain (environment, profile, role). */
  accessKeyId: string | null;
  secretAccessKey: string | null;
};

type Sdk = typeof import('@aws-sdk/client-s3');
type Presigner = typeof import('@aws-sdk/s3-request-presigner');

const notFound = (e: unknown) => {
  const err = e as { name?: string; $metadata?: { httpStatusCode?: number } };
  return err.name === 'NotFound' || err.name === 'NoSuchKey' || err.$metadata?.httpStatusCode === 404;
};

export class S3BlobStore implements BlobStore {
  readonly kind = 's3' as const;

  private constructor(
    private readonly sdk: Sdk,
    private readonly presigner: Presigner,
    private readonly client: InstanceType<Sdk['S3Client']>,
    private readonly cfg: S3Config,
    private readonly clock: Clock,
  ) {}

  /** Load the SDK (first use only) and build a client. */
  static async create(cfg: S3Config, clock: Clock): Promise<S3BlobStore> {
    const [sdk, presigner] = await Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]);
    const client = new sdk.S3Client({
      region: cfg.region,
      endpoint: cfg.endpoint ?? undefined,
      forcePathStyle: cfg.forcePathStyle,
      credentials: cfg.accessKeyId && cfg.secretAccessKey ? { accessKeyId: cfg.accessKeyId, secretAccessKey: cfg.secretAccessKey } : undefined,
      // R2 and most S3-compatible servers do not speak the SDK's default flexible checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    return new S3BlobStore(sdk, presigner, client, cfg, clock);
  }

  private check(key: string) {
    if (!isObjectKey(key)) throw new StoreError('invalid_key', `not an object key: ${JSON.stringify(key.slice(0, 200))}`);
  }

  async put(key: string, body: Buffer, contentType: string): Promise<ObjectInfo> {
    this.check(key);
    const r = await this.client.send(new this.sdk.PutObjectCommand({ Bucket: this.cfg.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }));
    return { size_bytes: body.length, etag: r.ETag ?? '', content_type: contentType };
  }

  async head(key: string): Promise<ObjectInfo | null> {
    this.check(key);
    try {
      const r = await this.client.send(new this.sdk.HeadObjectCommand({ Bucket: this.cfg.bucket, Key: key }));
      return { size_bytes: Number(r.ContentLength ?? 0), etag: r.ETag ?? '', content_type: r.ContentType ?? null };
    } catch (e) {
      if (notFound(e)) return null;
      throw e;
    }
  }

  async get(key: string, range?: { start: number; end: number }): Promise<Buffer> {
    this.check(key);
    try {
      const r = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.cfg.bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      return Buffer.from(await r.Body!.transformToByteArray());
    } catch (e) {
      if (notFound(e)) throw new StoreError('not_found', `no object at ${key}`);
      if ((e as { name?: string }).name === 'InvalidRange') return Buffer.alloc(0);
      throw e;
    }
  }

  async stream(key: string): Promise<Readable> {
    this.check(key);
    try {
      const r = await this.client.send(new this.sdk.GetObjectCommand({ Bucket: this.cfg.bucket, Key: key }));
      return r.Body as Readable;
    } catch (e) {
      if (notFound(e)) throw new StoreError('not_found', `no object at ${key}`);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    this.check(key);
    await this.client.send(new this.sdk.DeleteObjectCommand({ Bucket: this.cfg.bucket, Key: key }));
  }

  /** Expiry in whole seconds from the injected clock's now (S3 counts from X-Amz-Date, which is that now). */
  private timing(expiresAt: number) {
    const now = this.clock.now();
    return { signingDate: new Date(now), expiresIn: Math.max(1, Math.floor((expiresAt - now) / 1000)) };
  }

  async presignPut(key: string, o: PresignPut): Promise<string> {
    this.check(key);
    const cmd = new this.sdk.PutObjectCommand({ Bucket: this.cfg.bucket, Key: key, ContentType: o.content_type });
    return this.presigner.getSignedUrl(this.client, cmd, { ...this.timing(o.expires_at), signableHeaders: new Set(['content-type']) });
  }

  async presignGet(key: string, o: PresignGet): Promise<string> {
    this.check(key);
    const cmd = new this.sdk.GetObjectCommand({
      Bucket: this.cfg.bucket, Key: key, ResponseContentType: o.content_type, ResponseContentDisposition: contentDisposition(o.filename),
    });
    return this.presigner.getSignedUrl(this.client, cmd, this.timing(o.expires_at));
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
