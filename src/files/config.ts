/**
 * File-transfer configuration, read once from the environment (src/config.ts embeds it).
 * S3/R2 is used when VOXPACT_S3_BUCKET is set; otherwise files live on local disk.
 */
import type { S3Config } from './s3.js';

export type FilesConfig = {
  /** Port of the loopback listener that serves signed URLs when no HTTP server is running (0: any free port). */
  port: number;
  /** Base URL that signed local URLs start with (e.g. behind a tunnel); default http://127.0.0.1:<port>. */
  publicUrl: string | null;
  s3: S3Config | null;
  /** Directory of the local store; default `${dataDir}/files`. */
  dir?: string;
};

export function filesConfigFromEnv(env: NodeJS.ProcessEnv): FilesConfig {
  const portRaw = env.VOXPACT_FILES_PORT ?? '0';
  const port = Number(portRaw);
  if (!/^\d+$/.test(portRaw) || port > 65535) throw new Error(`VOXPACT_FILES_PORT must be a port number 0–65535 (got '${portRaw}')`);
  const publicUrl = env.VOXPACT_PUBLIC_URL?.trim() || null;
  if (publicUrl && !/^https?:\/\/[^\s/]+/.test(publicUrl)) throw new Error(`VOXPACT_PUBLIC_URL must be an http(s) URL (got '${publicUrl}')`);
  const bucket = env.VOXPACT_S3_BUCKET?.trim();
  const endpoint = env.VOXPACT_S3_ENDPOINT?.trim() || null;
  const s3: S3Config | null = bucket ? {
    bucket,
    endpoint,
    region: env.VOXPACT_S3_REGION?.trim() || (endpoint ? 'auto' : 'us-east-1'),
    forcePathStyle: env.VOXPACT_S3_FORCE_PATH_STYLE ? env.VOXPACT_S3_FORCE_PATH_STYLE === 'true' || env.VOXPACT_S3_FORCE_PATH_STYLE === '1' : endpoint !== null,
    accessKeyId: env.AWS_ACCESS_KEY_ID || null,
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY || null,
  } : null;
  return { port, publicUrl: publicUrl?.replace(/\/+$/, '') ?? null, s3, dir: env.VOXPACT_FILES_DIR?.trim() || undefined };
}
