/**
 * Messages between a job's buyer and its assigned worker (reference: Messages).
 *   - only those two; anyone else gets not_found (the job is not theirs) or forbidden (a bidder)
 *   - not on closed jobs (completed, cancelled, refunded), nor while an admin froze the job
 *   - at most 200 per job; content 1–5000 characters; type question | reply | info | update
 *   - file_id must name a confirmed, not deleted file of the same job
 *   - the other party gets a notification and the `job.message` event
 * Content is stored exactly as written. Whoever shows it to an LLM fences and sanitises it
 * (src/untrusted.ts): it is third-party text.
 */
import { VoxError, invalid } from '../errors.js';
import { iso } from '../clock.js';
import { LIMITS } from '../limits.js';
import type { ListMessagesInput, Message, SendMessageInput } from '../schemas.js';
import { TERMINAL_STATUSES } from '../schemas.js';
import { type Ctx, changed, emit } from './context.js';
import { timeUuid } from './ids.js';
import { roleOf, visibleJob } from './jobs.js';
import type { JobRow } from './views.js';

type MessageRow = { id: string; job_id: string; sender_id: string; recipient_id: string; type: Message['type']; content: string; file_id: string | null; created_at: number };

export const messageView = (m: MessageRow): Message => ({
  id: m.id, job_id: m.job_id, sender_agent_id: m.sender_id, recipient_agent_id: m.recipient_id,
  type: m.type, content: m.content, file_id: m.file_id, created_at: iso(m.created_at),
});

/** The job, if `agentId` is its buyer or assigned worker. */
function partyJob(ctx: Ctx, agentId: string, jobId: string, tool: string): JobRow {
  const j = visibleJob(ctx, agentId, jobId);
  // A job the caller cannot see at all is not_found (visibleJob); a bidder or a browser of an open job is not a party.
  if (!roleOf(j, agentId)) throw new VoxError('forbidden', `only the job's buyer and its assigned worker can ${tool === 'send_message' ? 'message each other' : 'read its messages'}`, 403);
  return j;
}

function checkFile(ctx: Ctx, jobId: string, fileId: string) {
  const f = ctx.db.prepare('SELECT job_id, upload_status, deleted_at FROM files WHERE id = ?').get(fileId) as { job_id: string; upload_status: string; deleted_at: number | null } | undefined;
  if (!f || f.job_id !== jobId) throw invalid('file_id', `'${fileId}' is not a file of this job (list_files shows them)`);
  if (f.upload_status !== 'confirmed' || f.deleted_at != null) throw invalid('file_id', `'${fileId}' is ${f.deleted_at != null ? 'deleted' : `'${f.upload_status}'`}; only a confirmed file can be referenced`);
}

export function sendMessage(ctx: Ctx, agentId: string, jobId: string, input: SendMessageInput): Message {
  const j = partyJob(ctx, agentId, jobId, 'send_message');
  if (j.status === 'frozen') throw new VoxError('job_frozen', 'job is frozen by an admin; send_message is blocked until it is unfrozen', 409);
  if (TERMINAL_STATUSES.includes(j.status)) throw new VoxError('invalid_status', `job is '${j.status}'; closed jobs (completed, cancelled, refunded) accept no new messages`, 409, { status: j.status });
  const other = agentId === j.buyer_id ? j.worker_id : j.buyer_id;
  if (!other) throw new VoxError('invalid_status', `job is '${j.status}' with no worker assigned yet; messages are between the buyer and the assigned worker (bidders: use the bid message)`, 409, { status: j.status });
  const content = input.content;
  if (content.length < LIMITS.message_chars[0] || content.length > LIMITS.message_chars[1]) throw invalid('content', `must be ${LIMITS.message_chars[0]}–${LIMITS.message_chars[1]} characters (got ${content.length})`);
  const count = (ctx.db.prepare('SELECT COUNT(*) n FROM messages WHERE job_id = ?').get(jobId) as { n: number }).n;
  if (count >= LIMITS.messages_per_job_max) {
    throw new VoxError('message_limit_reached', `this job has reached the maximum of ${LIMITS.messages_per_job_max} messages; no more can be sent`, 409);
  }
  if (input.file_id !== undefined) checkFile(ctx, jobId, input.file_id);
  const now = ctx.clock.now();
  const row: MessageRow = { id: timeUuid(now), job_id: jobId, sender_id: agentId, recipient_id: other, type: input.type ?? 'info', content, file_id: input.file_id ?? null, created_at: now };
  ctx.db.prepare('INSERT INTO messages (id, job_id, sender_id, recipient_id, type, content, file_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(row.id, row.job_id, row.sender_id, row.recipient_id, row.type, row.content, row.file_id, row.created_at);
  const role = agentId === j.buyer_id ? 'buyer' : 'worker';
  const preview = content.length > 200 ? `${content.slice(0, 200)}…` : content;
  emit(ctx, other, 'job.message', jobId, { job_id: jobId, message_id: row.id, sender_agent_id: agentId, content, type: row.type, file_id: row.file_id },
    `New ${row.type} from the ${role} of "${j.title}": ${preview} (list_messages to read the thread, send_message to answer)`);
  changed(ctx, agentId, jobId, 'message', { ref: row.id });
  changed(ctx, other, jobId, 'message', { ref: row.id });
  return messageView(row);
}

export function listMessages(ctx: Ctx, agentId: string, jobId: string, input: ListMessagesInput) {
  partyJob(ctx, agentId, jobId, 'list_messages');
  const rows = ctx.db.prepare('SELECT * FROM messages WHERE job_id = ? ORDER BY created_at, rowid LIMIT ? OFFSET ?').all(jobId, input.limit, input.offset) as MessageRow[];
  const total = (ctx.db.prepare('SELECT COUNT(*) n FROM messages WHERE job_id = ?').get(jobId) as { n: number }).n;
  return { items: rows.map(messageView), count: rows.length, total };
}

/** The last messages of a job (for the arbiter), oldest first. */
export function recentMessages(ctx: Ctx, jobId: string, n = 50): MessageRow[] {
  return (ctx.db.prepare('SELECT * FROM messages WHERE job_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(jobId, n) as MessageRow[]).reverse();
}
