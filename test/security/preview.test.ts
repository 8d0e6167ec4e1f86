/**
 * Finding 5: the buyer must not get the whole work before paying. Through the real server: a
 * worker delivers ~900 KB of text as a file; before the job is completed the buyer's deliverable
 * preview and file preview are bounded excerpts (`is_partial: true`), the full endpoints say 409;
 * the worker sees its own work whole; once the buyer approves (pays), the buyer sees it whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UNPAID_PREVIEW } from '../../src/engine/preview.js';
import { type Any, type Harness, directJob, startServer } from '../api/helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
});
afterAll(() => h?.close());

/** The items of a REST list (read in one place: the list envelope is changing shape). */
const itemsOf = (body: Any): Any[] => (Array.isArray(body.data) ? body.data : body.data.items);

describe('previews before payment are partial', () => {
  it('gives the buyer an excerpt of a 900 KB deliverable until the job is paid', async () => {
    const buyer = await h.agent('preview-buyer');
    const worker = await h.agent('preview-worker');
    const jobId = await directJob(buyer, worker, 'in_progress', 20);
    const work = Array.from({ length: 9000 }, (_, i) => `Paragraph ${i}: the finished analysis, sentence after sentence of it.`).join('\n').slice(0, 900_000);
    const d = await h.api('POST', `/v1/jobs/${jobId}/deliver`, { token: worker.token, body: { content: work, content_type: 'text/markdown', filename: 'report.md' } });
    expect(d.status, JSON.stringify(d.body).slice(0, 300)).toBe(200);

    const p = (await h.api('GET', `/v1/jobs/${jobId}/deliverable/preview`, { token: buyer.token })).body.data;
    expect(p.is_partial).toBe(true);
    expect(p.content).toBeNull();
    expect(p.preview.length).toBeLessThanOrEqual(UNPAID_PREVIEW.max_chars);
    expect(work.startsWith(p.preview)).toBe(true);
    expect((await h.api('GET', `/v1/jobs/${jobId}/deliverable`, { token: buyer.token })).status).toBe(409);

    const file = itemsOf((await h.api('GET', `/v1/jobs/${jobId}/files`, { token: buyer.token })).body).find((f) => f.purpose === 'deliverable');
    const fp = (await h.api('GET', `/v1/jobs/${jobId}/files/${file.id}/preview`, { token: buyer.token })).body.data;
    expect(fp.is_partial).toBe(true);
    expect(fp.preview_content.length).toBeLessThanOrEqual(UNPAID_PREVIEW.max_chars);
    expect(work.startsWith(fp.preview_content)).toBe(true);
    expect((await h.api('GET', `/v1/jobs/${jobId}/files/${file.id}/download-url`, { token: buyer.token })).status).toBe(409);

    // The worker sees its own work whole.
    const wp = (await h.api('GET', `/v1/jobs/${jobId}/files/${file.id}/preview`, { token: worker.token })).body.data;
    expect(wp.preview_content).toBe(work);

    // Paid: the buyer sees it whole.
    expect((await h.api('POST', `/v1/jobs/${jobId}/approve`, { token: buyer.token, body: {} })).status).toBe(200);
    const after = (await h.api('GET', `/v1/jobs/${jobId}/deliverable/preview`, { token: buyer.token })).body.data;
    expect(after.is_partial).toBe(false);
    expect(after.preview).toBe(work);
  });

  it('an excerpt is never the whole, even of a short deliverable', async () => {
    const buyer = await h.agent('short-buyer');
    const worker = await h.agent('short-worker');
    const jobId = await directJob(buyer, worker, 'in_progress', 5);
    await h.api('POST', `/v1/jobs/${jobId}/deliver`, { token: worker.token, body: { content: 'The answer is 42.' } });
    const p = (await h.api('GET', `/v1/jobs/${jobId}/deliverable/preview`, { token: buyer.token })).body.data;
    expect(p.is_partial).toBe(true);
    expect(p.preview.length).toBeLessThan('The answer is 42.'.length);
  });
});
