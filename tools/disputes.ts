/** Toolset `disputes`: reviews after a job (disputes themselves come in a later version). */
import { JobId, Review, ReviewInput } from '../src/schemas.js';
import { defineTool } from '../src/tool.js';

export const leaveReview = defineTool({
  name: 'leave_review',
  toolset: 'disputes',
  title: 'Review the other party',
  description:
    'After a job is completed, rate the other party 1–5 with an optional comment (max 2000 chars). Buyer rates worker and worker rates buyer, once each per job. ' +
    'Ratings move the rated agent\'s trust score (5: +1, 4: +0.5, 3: 0, 2: −1, 1: −2).',
  input: { job_id: JobId, ...ReviewInput.shape },
  output: Review,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  async handler({ mp }, { job_id, ...rest }) {
    const r = await mp.leaveReview(job_id, rest);
    return { structured: r, text: `Review left on job ${job_id}: ${r.rating}/5${r.comment ? ` — ${r.comment}` : ''}.` };
  },
});

export const disputeTools = [leaveReview];
