/** Shared pieces of the file suites: parsed inputs, a job in progress, real HTTP calls, sample bytes. */
import { createHash } from 'node:crypto';
import type { Agent, Market } from '../helpers/market.js';
import { ListFilesInput, RequestUploadInput, UploadFileInput } from '../../src/schemas.js';

export const MB = 1024 * 1024;
export const GB = 1024 * MB;

/** An upload request as the MCP layer / REST route would parse it. */
export const uploadReq = (o: Partial<Record<string, unknown>> = {}) =>
  RequestUploadInput.parse({ purpose: 'input', filename: 'spec.pdf', content_type: 'application/pdf', file_size_bytes: PDF.length, ...o });
export const inline = (o: Partial<Record<string, unknown>> = {}) =>
  UploadFileInput.parse({ purpose: 'input', filename: 'notes.md', content: '# Notes\nUse British spelling.', ...o });
export const listQ = (o: Partial<Record<string, unknown>> = {}) => ListFilesInput.parse(o);

/** A direct job taken to in_progress (the worker may upload deliverables). */
export async function inProgress(m: Market, buyer: Agent, worker: Agent, o: Partial<Record<string, unknown>> = {}) {
  const j = await m.directJob(buyer, worker, o);
  await worker.mp.acceptJob(j.id);
  await worker.mp.startJob(j.id);
  return j.id;
}

export type HttpAnswer = { status: number; headers: Headers; body: Buffer; json: any };

export async function http(url: string, init: RequestInit & { duplex?: 'half' } = {}): Promise<HttpAnswer> {
  const r = await fetch(url, init);
  const body = Buffer.from(await r.arrayBuffer());
  let json: any = null;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    /* not JSON */
  }
  return { status: r.status, headers: r.headers, body, json };
}

export const put = (url: string, body: Buffer | string, contentType: string, extra: Record<string, string> = {}) =>
  http(url, { method: 'PUT', body, headers: { 'Content-Type': contentType, ...extra } });

export const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A small but real PDF header followed by text. */
export const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n', 'latin1');
/** A 2×3 PNG signature + IHDR. */
export function png(w = 2, h = 3): Buffer {
  const b = Buffer.alloc(64);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]).copy(b);
  b.writeUInt32BE(w, 16);
  b.writeUInt32BE(h, 20);
  return b;
}
/** What a Windows program starts with. */
export const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(120, 0x41)]);
