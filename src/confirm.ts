/**
 * A human's confirmation of a spend, asked through the MCP client, the same way on both protocol
 * revisions. A tool handler calls `confirmWithHuman` (tools/rails.ts) once everything that could
 * refuse the call has been checked; the first time it throws `ConfirmationNeeded`, which runTool
 * (src/tool.ts) turns into an `input_required` result: the server's own question and a
 * `requestState` that is signed (HMAC, a key every process on the database shares), bound to the
 * agent, the tool, a hash of the arguments and the amount, valid 10 minutes, and usable once
 * (recorded in the database). The client asks its human and calls the tool again with the answer;
 * runTool verifies the state, spends it, and runs the handler again with the confirmed question,
 * which now passes. 2026-07-28 clients do the round trip themselves; for 2025 clients the SDK's
 * legacy shim sends the question as an `elicitation/create` request on the live connection.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createRequestStateCodec, inputRequired, inputResponse, type InputRequiredResult, type RequestStateCodec } from '@modelcontextprotocol/server';
import { VoxError } from './errors.js';

/** What the human is asked: the server's own sentence, never a third party's text. */
export type Ask = { message: string; title: string; what: string; hint: string; amountCents?: number };

/** Thrown by confirmWithHuman the first time; runTool answers it with an input_required result. */
export class ConfirmationNeeded extends Error {
  constructor(readonly ask: Ask) {
    super(`confirmation needed: ${ask.what}`);
  }
}

/** Where the key lives and where each state is spent (the engine's database; an in-memory one for hosted). */
export interface ConfirmationStore {
  key(): Uint8Array;
  /** True the first time `nonce` is spent, false ever after (until it expires). */
  spendOnce(nonce: string, expiresAtMs: number): Promise<boolean> | boolean;
}

/** The hosted proxy has no database: one process, its own key (VOXPACT_STATE_SECRET to share one across processes). */
export function memoryConfirmationStore(secret = process.env.VOXPACT_STATE_SECRET): ConfirmationStore {
  const key = secret ? createHash('sha256').update(secret).digest() : randomBytes(32);
  const spent = new Map<string, number>();
  return {
    key: () => key,
    spendOnce(nonce, expiresAtMs) {
      const now = Date.now();
      for (const [n, exp] of spent) if (exp < now) spent.delete(n);
      if (spent.has(nonce)) return false;
      spent.set(nonce, expiresAtMs);
      return true;
    },
  };
}

export const CONFIRM_TTL_S = 600;
const CONFIRM_KEY = 'confirm';
const SCHEMA = (title: string, message: string) => ({
  type: 'object' as const,
  properties: { confirm: { type: 'boolean' as const, title, description: message } },
  required: ['confirm'],
});

type State = { agent: string; tool: string; args: string; amount: number | null; question: string; nonce: string; exp: number };

const sha = (s: string) => createHash('sha256').update(s).digest('base64url');
/** Arguments hashed in a stable key order, so the same call hashes the same however it was serialised. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}
export const argsHash = (args: unknown) => sha(canonical(args ?? {}));
export const questionHash = (ask: Ask) => sha(`${ask.title}\n${ask.message}`);

const codecs = new WeakMap<ConfirmationStore, RequestStateCodec<State>>();
function codecOf(store: ConfirmationStore) {
  let c = codecs.get(store);
  if (!c) codecs.set(store, (c = createRequestStateCodec<State>({ key: store.key(), ttlSeconds: CONFIRM_TTL_S })));
  return c;
}

/** The call being confirmed: who, which tool, which arguments. */
export type CallBinding = { agent: string; tool: string; args: unknown };

/** The question as an input_required result, with a fresh signed state. */
export async function askHuman(store: ConfirmationStore, call: CallBinding, ask: Ask, nowMs: number): Promise<InputRequiredResult> {
  const state: State = {
    agent: call.agent, tool: call.tool, args: argsHash(call.args), amount: ask.amountCents ?? null,
    question: questionHash(ask), nonce: randomBytes(16).toString('base64url'), exp: nowMs + CONFIRM_TTL_S * 1000,
  };
  return inputRequired({
    inputRequests: { [CONFIRM_KEY]: inputRequired.elicit({ message: ask.message, requestedSchema: SCHEMA(ask.title, ask.message) }) },
    requestState: await codecOf(store).mint(state),
  });
}

const refused = (code: string, message: string) => new VoxError(code, message, 403);

/**
 * A retried call's answer: the hash of the question the human confirmed. Throws a VoxError when the
 * state is not ours, not for this call, expired, already spent, or the human did not say yes.
 */
export async function readAnswer(
  store: ConfirmationStore, call: CallBinding, raw: string, responses: Record<string, unknown> | undefined, nowMs: number,
): Promise<{ question: string; amount: number | null }> {
  let state: State;
  try {
    state = await codecOf(store).verify(raw, undefined as never);
  } catch (e) {
    const why = e instanceof Error && e.message === 'expired' ? `it expired (a confirmation is valid ${CONFIRM_TTL_S / 60} minutes)` : 'it was not issued by this server or was altered';
    throw refused('confirmation_invalid', `requestState refused: ${why}. Nothing was done; call the tool again without requestState to ask the human anew.`);
  }
  if (state.agent !== call.agent || state.tool !== call.tool || state.args !== argsHash(call.args)) {
    throw refused('confirmation_invalid', `requestState refused: it confirms another call (agent, tool or arguments differ). Nothing was done; call ${call.tool} again without requestState to ask the human about this one.`);
  }
  if (!(await store.spendOnce(state.nonce, state.exp))) {
    throw refused('confirmation_replayed', `requestState refused: this confirmation was already used once. Nothing was done again; call ${call.tool} again without requestState if the human wants it done again.`);
  }
  const answer = inputResponse(responses, CONFIRM_KEY);
  const yes = answer.kind === 'elicit' && answer.action === 'accept' && (answer.content as { confirm?: unknown } | undefined)?.confirm === true;
  if (!yes) {
    const how = answer.kind !== 'elicit' ? 'gave no answer' : answer.action === 'accept' ? 'answered no' : answer.action === 'decline' ? 'declined' : 'cancelled';
    throw refused('confirmation_declined', `the human ${how}: nothing was done and nothing was charged. Do not retry unless the human asks you to.`);
  }
  return { question: state.question, amount: state.amount };
}
