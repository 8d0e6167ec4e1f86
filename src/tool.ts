/**
 * One MCP tool = one `defineTool({...})`: name, toolset, a description written for an LLM,
 * the input shape (pieces of src/schemas.ts), the output schema, annotations and a handler that
 * makes one call on the Marketplace and shapes the answer. This file also runs a tool call:
 * input validation with errors that name the field, the handler, output validation, and
 * VoxError → tool error (`isError` + structuredContent.error).
 */
import { z } from 'zod';
import type { CallToolResult, InputRequiredResult, Tool } from '@modelcontextprotocol/server';
import type { Config } from './config.js';
import type { Marketplace } from './marketplace.js';
import { VoxError } from './errors.js';
import { log } from './log.js';
import { type ConfirmationStore, ConfirmationNeeded, askHuman, readAnswer } from './confirm.js';
import { type AppUri, appToolMeta } from '../resources/apps.js';

export const TOOLSETS = ['account', 'jobs', 'bidding', 'files', 'messages', 'disputes', 'notifications', 'payments'] as const;
export type Toolset = (typeof TOOLSETS)[number];

/** What a handler may use: the agent's marketplace, the server config, and what the client can do. */
export type ToolCtx = {
  mp: Marketplace;
  config: Config;
  /** The client can ask its human (elicitation in form mode), whichever protocol revision it speaks. */
  canElicit: boolean;
  /** The question the human confirmed for this call (src/confirm.ts), on the retried call only. */
  confirmed?: string;
  signal?: AbortSignal;
};

/** A tools/call's multi-round-trip part (src/confirm.ts): where confirmations are kept, and what the retry carries. */
export type ToolRound = { store: ConfirmationStore; requestState?: string; inputResponses?: Record<string, unknown> };

export type Annotations = { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean };

export type ToolDef<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodObject = z.ZodObject> = {
  name: string;
  toolset: Toolset;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: Annotations;
  /**
   * The MCP Apps view (a ui:// resource of resources/apps.ts) that a host rendering MCP Apps shows
   * with this tool's results; other clients see the same listing and results, plus an ignored `_meta`.
   */
  ui?: AppUri;
  /**
   * `structured` becomes structuredContent (validated against `output`); `text` the LLM-facing
   * summary; `meta` the result's `_meta`, for an MCP Apps view (`ui`), not for the model.
   */
  handler(ctx: ToolCtx, args: z.output<z.ZodObject<I>>): Promise<{ structured: z.input<O>; text: string; meta?: Record<string, unknown> }>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<any, any>;

export function defineTool<I extends z.ZodRawShape, O extends z.ZodObject>(def: ToolDef<I, O>): ToolDef<I, O> {
  return def;
}

/** The error half of every tool's output: `structuredContent.error` on `isError` results. */
export const ToolError = z.object({
  code: z.string().describe('Stable snake_case code, e.g. validation_error, not_found, invalid_status, monthly_limit_exceeded'),
  message: z.string(),
  field: z.string().optional().describe('The argument at fault'),
  retry_after: z.number().optional().describe('Seconds to wait before retrying (rate limits)'),
});
export type ToolError = z.infer<typeof ToolError>;

// ---------- tools/list ----------

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/** zod → JSON Schema (draft-07, as the SDK does), without the `$schema` marker. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-7' }) as JsonSchema;
  return rest;
}
const TOOL_ERROR_JSON = (): JsonSchema => jsonSchema(ToolError, 'output');

/** One strict input object per tool, built once: zod compiles a parser on an object's first parse. */
const inputObjects = new WeakMap<AnyTool, z.ZodObject>();
const inputObject = (def: AnyTool): z.ZodObject => {
  let o = inputObjects.get(def);
  if (!o) inputObjects.set(def, (o = z.strictObject(def.input)));
  return o;
};

/**
 * The listing of one tool. The output schema accepts either the result or `{ error }`:
 * the SDK client validates structuredContent against outputSchema even on `isError` results,
 * so the error envelope must be part of it.
 */
export function toolListing(def: AnyTool): Tool {
  // A listing depends only on the definition: build it once, not per session.
  let listing = LISTINGS.get(def);
  if (!listing) LISTINGS.set(def, (listing = buildListing(def)));
  return listing;
}
const LISTINGS = new WeakMap<AnyTool, Tool>();

/**
 * In the bundled CLI (scripts/bundle.mjs), every listing computed at build time from these same
 * definitions (zod → JSON Schema is most of a cold start's own work); undefined elsewhere.
 */
declare const __VOXPACT_TOOL_LISTINGS__: string | undefined;
const PREBUILT: Record<string, Tool> | undefined = typeof __VOXPACT_TOOL_LISTINGS__ === 'string' ? JSON.parse(__VOXPACT_TOOL_LISTINGS__) : undefined;

function buildListing(def: AnyTool): Tool {
  const prebuilt = PREBUILT?.[def.name];
  if (prebuilt) return prebuilt;
  const input = jsonSchema(inputObject(def), 'input');
  const output = jsonSchema(def.output, 'output');
  const { required = [], ...rest } = output;
  const outputSchema = {
    ...rest,
    type: 'object' as const,
    properties: { ...(output.properties ?? {}), error: TOOL_ERROR_JSON() },
    anyOf: [{ required }, { required: ['error'] }],
  };
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    inputSchema: input as Tool['inputSchema'],
    outputSchema,
    annotations: { title: def.title, ...def.annotations },
    ...(def.ui ? { _meta: appToolMeta(def.ui) } : {}),
  };
}

// ---------- tools/call ----------

/** A zod failure as one message an LLM can act on, naming the field. */
export function describeIssues(error: z.ZodError): { message: string; field?: string } {
  const parts = error.issues.slice(0, 5).map((i) => {
    const field = i.path.map(String).join('.');
    let msg = i.message;
    if (i.code === 'invalid_type' && /received undefined/.test(msg)) msg = 'is required';
    else if (i.code === 'unrecognized_keys') msg = `unknown argument(s): ${i.keys.join(', ')} (check the tool's input schema)`;
    if (!field) return msg;
    return /^[a-z]/.test(msg) ? `${field} ${msg}` : `${field}: ${msg}`;
  });
  const first = error.issues.find((i) => i.path.length > 0);
  return { message: parts.join('; '), field: first ? first.path.map(String).join('.') : undefined };
}

export function errorResult(e: ToolError): CallToolResult {
  const error: ToolError = { code: e.code, message: e.message };
  if (e.field !== undefined) error.field = e.field;
  if (e.retry_after !== undefined) error.retry_after = e.retry_after;
  const retry = e.retry_after !== undefined && !/retry after/i.test(e.message) ? ` (retry after ${e.retry_after} s)` : '';
  return { isError: true, content: [{ type: 'text', text: `${e.code}: ${e.message}${retry}` }], structuredContent: { error } };
}

function fromVoxError(e: VoxError): ToolError {
  const d = e.details;
  const retry = d.retry_after_s ?? d.retry_after;
  return {
    code: e.code,
    message: e.message,
    field: typeof d.field === 'string' ? d.field : undefined,
    retry_after: typeof retry === 'number' ? retry : undefined,
  };
}

/**
 * Run one tool call end to end; never throws (every failure is a tool error). A handler that needs
 * a human's confirmation gets its question sent as an input_required result; the retried call
 * carries the answer (`round`), checked before the handler runs again.
 */
export async function runTool(def: AnyTool, ctx: ToolCtx, rawArgs: unknown, round?: ToolRound): Promise<CallToolResult | InputRequiredResult> {
  const parsed = inputObject(def).safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const { message, field } = describeIssues(parsed.error);
    return errorResult({ code: 'validation_error', message, field });
  }
  const call = { agent: ctx.mp.agentId, tool: def.name, args: rawArgs };
  try {
    if (round?.requestState !== undefined) {
      ctx = { ...ctx, confirmed: (await readAnswer(round.store, call, round.requestState, round.inputResponses, Date.now())).question };
    }
    const { structured, text, meta } = await def.handler(ctx, parsed.data);
    const out = def.output.safeParse(structured);
    if (!out.success) {
      // A bug: the marketplace answered something its own schema does not allow.
      log('error', 'tool output does not match its schema', { tool: def.name, issues: out.error.issues.slice(0, 5) });
      return errorResult({ code: 'internal_error', message: `${def.name} produced an invalid answer (logged); this is a bug in voxpact-mcp` });
    }
    const result: CallToolResult = { content: [{ type: 'text', text }], structuredContent: out.data as Record<string, unknown> };
    if (meta) result._meta = meta;
    return result;
  } catch (e) {
    if (e instanceof ConfirmationNeeded && round) return askHuman(round.store, call, e.ask, Date.now());
    if (e instanceof ConfirmationNeeded) return errorResult({ code: 'confirmation_required', message: `${e.ask.what} needs a human's confirmation, which this connection cannot carry. Nothing was done. ${e.ask.hint}` });
    if (e instanceof VoxError) return errorResult(fromVoxError(e));
    log('error', 'tool failed', { tool: def.name, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    return errorResult({ code: 'internal_error', message: `${def.name} failed unexpectedly (logged): ${e instanceof Error ? e.message : String(e)}` });
  }
}
