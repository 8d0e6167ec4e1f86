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
/**
 * Names that --toolsets takes besides the toolsets: `default` is the default listing (every
 * toolset's tools that an agent needs to hire and to work), `all` every tool.
 */
export const TOOLSET_GROUPS = ['default', 'all'] as const;

/** What a handler may use: the agent's marketplace, the server config, and what the client can do. */
export type ToolCtx = {
  mp: Marketplace;
  config: Config;
  /** The client can ask its human (elicitation in form mode), whichever protocol revision it speaks. */
  canElicit: boolean;
  /** The question the human confirmed for this call (src/confirm.ts), on the retried call only. */
  confirmed?: string;
  signal?: AbortSignal;
  /**
   * The Marketplace of an API key given inline as `api_key` (VoxPact's own MCP server takes it on
   * its tools): throws a VoxError (401) for a key that is refused. Absent where no key is accepted.
   */
  agentOfKey?: (apiKey: string) => Promise<Marketplace>;
};

/**
 * `api_key` taken out of a call's arguments: it never reaches validation, an answer, a hash or a
 * log. On a connection without an agent the call acts as the key's agent; on one signed in as an
 * agent, only that agent's own key is accepted.
 */
async function inlineKey(ctx: ToolCtx, rawArgs: unknown): Promise<{ ctx: ToolCtx; args: unknown }> {
  if (!rawArgs || typeof rawArgs !== 'object' || Array.isArray(rawArgs) || !('api_key' in rawArgs)) return { ctx, args: rawArgs };
  const { api_key: key, ...args } = rawArgs as Record<string, unknown>;
  if (typeof key !== 'string' || key === '') throw new VoxError('validation_error', 'api_key must be your agent\'s API key (vxp_…), or left out on a connection that is signed in', 400, { field: 'api_key' });
  if (!ctx.agentOfKey) throw new VoxError('unauthorized', 'api_key is not accepted on this connection: it acts as the agent it was started for; leave api_key out', 401, { field: 'api_key' });
  const mp = await ctx.agentOfKey(key);
  if (ctx.mp.agentId && mp.agentId !== ctx.mp.agentId) {
    throw new VoxError('forbidden', 'api_key belongs to another agent than the one this connection is signed in as: leave api_key out to act as this connection\'s agent, or connect as the other agent', 403, { field: 'api_key' });
  }
  return { ctx: { ...ctx, mp }, args };
}

/** A tools/call's multi-round-trip part (src/confirm.ts): where confirmations are kept, and what the retry carries. */
export type ToolRound = { store: ConfirmationStore; requestState?: string; inputResponses?: Record<string, unknown> };

export type Annotations = { readOnlyHint: boolean; destructiveHint: boolean; idempotentHint: boolean; openWorldHint: boolean };

export type ToolDef<I extends z.ZodRawShape = z.ZodRawShape, O extends z.ZodObject = z.ZodObject> = {
  name: string;
  toolset: Toolset;
  /** Listed only when its toolset (or `all`) is asked for: setup, history and the rarer steps. */
  optIn?: true;
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
   * Arguments of VoxPact's own hosted MCP server that this tool also accepts, each turned into
   * ours before validation (e.g. create_job's budget_eur → amount). Not listed: our names are.
   */
  aliases?: Aliases;
  /**
   * `structured` becomes structuredContent (validated against `output`); `text` the LLM-facing
   * summary; `meta` the result's `_meta`, for an MCP Apps view (`ui`), not for the model.
   */
  handler(ctx: ToolCtx, args: z.output<z.ZodObject<I>>): Promise<{ structured: z.input<O>; text: string; meta?: Record<string, unknown> }>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<any, any>;

/** alias → a function from its value (and the call's other arguments) to our argument(s) it stands for. */
export type Aliases = Record<string, (value: unknown, args: Record<string, unknown>) => Record<string, unknown>>;

/** For an alias that takes one value or a list (VoxPact's capability): always a list. */
export const asList = (v: unknown): unknown => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').map((x) => x.trim()).filter(Boolean) : v);

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

/** zod → JSON Schema (draft-07, as the SDK does), without the `$schema` marker, made lean. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-7' }) as JsonSchema;
  return lean(rest) as JsonSchema;
}

/**
 * What a listing leaves out, because the model pays for every token of it and zod still checks
 * all of it on every call: regular expressions (the UUID one alone was 44 % of the input
 * schemas), the ±2^53−1 bounds zod gives every integer, and what goes without saying. Formats, real bounds, enums and
 * descriptions stay: they tell the model what is valid.
 */
function lean(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(lean);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === 'pattern' && typeof v === 'string') continue;
    if ((k === 'minimum' || k === 'maximum') && typeof v === 'number' && Math.abs(v) >= Number.MAX_SAFE_INTEGER) continue;
    // A record's `propertyNames: {type: string}` and `additionalProperties: {}` say what JSON says anyway.
    if ((k === 'propertyNames' || k === 'additionalProperties') && isEmptyOrString(v)) continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, s]) => [p, lean(s)])) : lean(v);
  }
  return out;
}
const isEmptyOrString = (v: unknown) =>
  !!v && typeof v === 'object' && (Object.keys(v).length === 0 || (Object.keys(v).length === 1 && (v as { type?: unknown }).type === 'string'));

/**
 * The error half of every output schema, kept to a marker: the SDK client validates
 * structuredContent against outputSchema even on `isError` results (typescript-sdk #1943, still
 * so in v2), so `{ error }` must be admitted; its shape (ToolError) is described once, in the
 * server's instructions, not in each of the tools' schemas.
 */
const ERROR_ADMITTED = { type: 'object' } as const;

/** What runTool parses arguments with: the tool's strict input object behind its argument aliases. */
type InputParser = { safeParse(raw: unknown): z.ZodSafeParseResult<Record<string, unknown>> };

/**
 * One parser per tool, built once: zod compiles a parser on an object's first parse. Aliases are
 * renamed first (an alias next to the argument it stands for is refused: which one was meant?),
 * and a number or boolean sent as a string ("15", "true") is taken as that value, as a model
 * naturally writes them; nothing else is loosened.
 */
const inputObjects = new WeakMap<AnyTool, InputParser>();
const inputObject = (def: AnyTool): InputParser => {
  let o = inputObjects.get(def);
  if (!o) inputObjects.set(def, (o = inputParser(z.strictObject(def.input), def.aliases ?? {})));
  return o;
};

function inputParser(strict: z.ZodObject, aliases: Aliases): InputParser {
  return {
    safeParse(raw) {
      let args = raw;
      if (args && typeof args === 'object' && !Array.isArray(args) && Object.keys(aliases).some((k) => Object.hasOwn(args as object, k))) {
        const renamed: Record<string, unknown> = { ...(args as Record<string, unknown>) };
        for (const [alias, to] of Object.entries(aliases)) {
          if (!Object.hasOwn(renamed, alias)) continue;
          const mapped = to(renamed[alias], renamed);
          delete renamed[alias];
          for (const [k, v] of Object.entries(mapped)) {
            if (renamed[k] !== undefined) return aliasClash(alias, k);
            renamed[k] = v;
          }
        }
        args = renamed;
      }
      const first = strict.safeParse(args);
      if (first.success) return first as z.ZodSafeParseResult<Record<string, unknown>>;
      const fixed = scalarsFromStrings(args, first.error);
      return (fixed === args ? first : strict.safeParse(fixed)) as z.ZodSafeParseResult<Record<string, unknown>>;
    },
  };
}

const aliasClash = (alias: string, ours: string): z.ZodSafeParseResult<Record<string, unknown>> => ({
  success: false,
  error: new z.ZodError([{ code: 'custom', path: [alias], message: `stands for ${ours}, which is given too: send only ${ours}`, input: undefined }]) as z.ZodError<Record<string, unknown>>,
});

/** A copy of `args` with the numeric / boolean strings that failed as numbers / booleans converted, else `args` itself. */
function scalarsFromStrings(args: unknown, error: z.ZodError): unknown {
  let copy: unknown = args;
  for (const issue of error.issues) {
    if (issue.code !== 'invalid_type' || (issue.expected !== 'number' && issue.expected !== 'boolean') || issue.path.length === 0) continue;
    const value = getPath(args, issue.path);
    if (typeof value !== 'string') continue;
    const scalar = issue.expected === 'number'
      ? (/^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : undefined)
      : value === 'true' ? true : value === 'false' ? false : undefined;
    if (scalar === undefined) continue;
    if (copy === args) copy = structuredClone(args);
    setPath(copy, issue.path, scalar);
  }
  return copy;
}
const getPath = (o: unknown, path: PropertyKey[]): unknown =>
  path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<PropertyKey, unknown>)[k] : undefined), o);
function setPath(o: unknown, path: PropertyKey[], v: unknown) {
  const parent = getPath(o, path.slice(0, -1)) as Record<PropertyKey, unknown>;
  parent[path[path.length - 1]] = v;
}

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
  const input = jsonSchema(z.strictObject(def.input), 'input');
  const output = jsonSchema(def.output, 'output');
  const { required = [], ...rest } = output;
  const outputSchema = {
    ...rest,
    type: 'object' as const,
    properties: { ...(output.properties ?? {}), error: ERROR_ADMITTED },
    anyOf: [{ required }, { required: ['error'] }],
  };
  return {
    name: def.name,
    title: def.title,
    description: def.description,
    inputSchema: input as Tool['inputSchema'],
    outputSchema,
    annotations: def.annotations, // its title would repeat the tool's own title
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
export async function runTool(def: AnyTool, ctx: ToolCtx, givenArgs: unknown, round?: ToolRound): Promise<CallToolResult | InputRequiredResult> {
  let rawArgs = givenArgs;
  try {
    ({ ctx, args: rawArgs } = await inlineKey(ctx, givenArgs));
  } catch (e) {
    if (e instanceof VoxError) return errorResult(fromVoxError(e));
    log('error', 'api_key check failed', { tool: def.name, error: e instanceof Error ? e.message : String(e) });
    return errorResult({ code: 'internal_error', message: `${def.name} could not check api_key (logged)` });
  }
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
