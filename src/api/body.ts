/**
 * Request bodies read as a stream against a limit: a declared Content-Length over the limit is
 * refused before reading, and a chunked body is cut off (the stream cancelled) the moment it
 * passes the limit, so no request can make the server hold more than `maxBytes` of it.
 * Used by the REST routes, the web forms and /mcp.
 */
import { VoxError } from '../errors.js';

export const tooLarge = (maxBytes: number) => new VoxError('payload_too_large', `the request body is over ${maxBytes} bytes`, 413);

/** The body's bytes, at most `maxBytes`; 413 payload_too_large past it. An absent body is empty. */
export async function readBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = req.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await req.body?.cancel().catch(() => {});
    throw tooLarge(maxBytes);
  }
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) out.set(c, at), (at += c.byteLength);
  return out;
}

/** The body as UTF-8 text, at most `maxBytes`. */
export async function readText(req: Request, maxBytes: number): Promise<string> {
  return new TextDecoder().decode(await readBody(req, maxBytes));
}
