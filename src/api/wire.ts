/**
 * What VoxPact's own clients send (voxpact-python 0.2.2, the OpenClaw skill, curl) mapped onto
 * our inputs, for the REST rows that accept it: the deliver bodies, a job's ISO `deadline`, the
 * `capability` query alias, and the renamed fields of the alias rows (`amount`, `reason`).
 * Each schema here is one of src/schemas.ts with the wire's names; nothing is validated twice
 * differently: the mapped value is parsed with our own schema.
 */
import { z } from 'zod';
import { VoxError, invalid } from '../errors.js';
import { Capabilities, DeliverInput, PostJobInput, RevisionInput, SubmitBidInput } from '../schemas.js';
import { LIMITS as L } from '../limits.js';
import { parseWith } from './http.js';

const HOUR_MS = 3_600_000;

// ---------- POST /v1/jobs: `deadline` (ISO 8601) besides deadline_hours ----------

export const PostJobBody = PostJobInput.extend({
  deadline_hours: PostJobInput.shape.deadline_hours.unwrap().optional().describe(`Hours after funding (default ${L.deadline_hours_default})`),
  deadline: z.iso.datetime({ offset: true }).optional()
    .describe('ISO 8601 instant (VoxPact\'s clients): becomes deadline_hours, the whole hours from now until it (rounded down, 1–720); give deadline or deadline_hours'),
});

/** deadline → deadline_hours (whole hours from now, rounded down so the job is due no later than asked). */
export function postJobInput(body: z.output<typeof PostJobBody>, nowMs: number): PostJobInput {
  const { deadline, deadline_hours, ...rest } = body;
  if (deadline === undefined) return { ...rest, deadline_hours: deadline_hours ?? L.deadline_hours_default };
  if (deadline_hours !== undefined) throw new VoxError('validation_error', 'give deadline (ISO 8601) or deadline_hours, not both', 400, { field: 'deadline' });
  const hours = Math.floor((Date.parse(deadline) - nowMs) / HOUR_MS);
  if (hours < 1) throw invalid('deadline', 'must be at least one hour from now');
  if (hours > L.deadline_hours_max) throw invalid('deadline', `must be at most ${L.deadline_hours_max} hours from now`);
  return { ...rest, deadline_hours: hours };
}

// ---------- ?capability= (VoxPact's skill) as an alias of ?capabilities= ----------

export const capabilityAlias = { capability: Capabilities.optional().describe('Deprecated alias of capabilities (comma-separated)') };

export function withCapabilities<Q extends { capabilities?: string[]; capability?: string[] }>(q: Q): Omit<Q, 'capability'> {
  const { capability, ...rest } = q;
  if (!capability) return rest;
  return { ...rest, capabilities: [...new Set([...(rest.capabilities ?? []), ...capability])] };
}

// ---------- POST /v1/jobs/:id/deliver ----------

/**
 * Every body VoxPact's clients send: ours `{ content, content_type?, metadata? }` (or a file:
 * filename + content_base64), the SDK's `{ deliverable: {…}, message? }` (stored as JSON text,
 * message kept in metadata), and the reference's `{ content_type?, metadata? }` after a
 * deliverable file was uploaded and confirmed. A non-JSON body is the content itself (rawDeliverable).
 */
export const DeliverBody = DeliverInput.extend({
  deliverable: z.record(z.string(), z.unknown()).optional().describe('VoxPact SDK: the deliverable as a JSON object (stored as JSON text, content_type application/json)'),
  message: z.string().max(L.message_chars[1]).optional().describe('VoxPact SDK: a note with the deliverable (kept in metadata.message)'),
});

export function deliverInput(body: z.output<typeof DeliverBody>): DeliverInput {
  const { deliverable, message, ...rest } = body;
  if (deliverable === undefined && message === undefined) return rest;
  if (deliverable !== undefined && (rest.content !== undefined || rest.content_base64 !== undefined)) {
    throw new VoxError('validation_error', 'give deliverable (a JSON object) or content, not both', 400, { field: 'deliverable' });
  }
  const metadata = message === undefined ? rest.metadata : { ...rest.metadata, message };
  if (deliverable === undefined) return parseWith(DeliverInput, { ...rest, metadata });
  const json = rest.content_type === 'text/plain' ? 'application/json' : rest.content_type; // text/plain is only the default
  return parseWith(DeliverInput, { ...rest, content: JSON.stringify(deliverable), content_type: json, metadata });
}

/** A deliver body that is not JSON: its text is the content, typed by its Content-Type. */
export function rawDeliverable(bytes: Uint8Array, contentType: string): Record<string, unknown> {
  let content: string;
  try {
    content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new VoxError('validation_error', `a raw ${contentType} body must be UTF-8 text; deliver binary files with POST /v1/jobs/:id/files/upload-url (or JSON { filename, content_base64 })`, 400, { field: 'content' });
  }
  return { content, content_type: contentType };
}

// ---------- alias rows: the SDK's field names ----------

/** POST /v1/jobs/:id/bid: `amount` (the SDK) or proposed_price. */
export const BidAliasBody = SubmitBidInput.extend({
  proposed_price: SubmitBidInput.shape.proposed_price.optional(),
  amount: SubmitBidInput.shape.proposed_price.optional().describe('VoxPact SDK name of proposed_price'),
});
export function bidInput(b: z.output<typeof BidAliasBody>): SubmitBidInput {
  const { amount, proposed_price, ...rest } = b;
  if ((amount === undefined) === (proposed_price === undefined)) throw new VoxError('validation_error', 'give amount (or proposed_price): the bid price in EUR', 400, { field: 'amount' });
  return { ...rest, proposed_price: (amount ?? proposed_price)! };
}

/** POST /v1/jobs/:id/request-revision: `reason` (the SDK) or feedback. */
export const RevisionAliasBody = z.object({
  feedback: RevisionInput.shape.feedback.optional(),
  reason: RevisionInput.shape.feedback.optional().describe('VoxPact SDK name of feedback'),
});
export function revisionFeedback(b: z.output<typeof RevisionAliasBody>): string {
  if ((b.reason === undefined) === (b.feedback === undefined)) throw new VoxError('validation_error', 'give reason (or feedback): what to change, 10–5000 characters', 400, { field: 'reason' });
  return (b.reason ?? b.feedback)!;
}
