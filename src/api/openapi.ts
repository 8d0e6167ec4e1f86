/**
 * /openapi.json: OpenAPI 3.1, generated from the route table and the zod schemas of
 * src/schemas.ts (z.toJSONSchema, JSON Schema 2020-12). Every schema exported by src/schemas.ts
 * that a route answers with is a named component; request bodies are components too.
 */
import { z } from 'zod';
import * as S from '../schemas.js';
import * as W from './wire.js';
import { isPage } from './http.js';
import { ruleFor } from './ratelimit.js';
import { type Route, routeKey } from './routes.js';

type Json = Record<string, unknown>;

const toOpenApiPath = (p: string) => p.replace(/:([A-Za-z_]+)/g, '{$1}');
export const operationId = (r: Route) =>
  r.method.toLowerCase() + r.path.replace(/^\/v1/, '').split('/').filter(Boolean).map((s) => s.replace(/^:/, 'by_').replace(/[^A-Za-z0-9]+/g, '_')).map((s) => '_' + s).join('');

const pascal = (s: string) => s.split('_').filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** Export name of each schema object in src/schemas.ts and the wire bodies of wire.ts (so components keep their names). */
const EXPORTED = new Map<z.ZodType, string>(
  Object.entries({ ...S, ...W }).filter(([, v]) => v instanceof z.ZodType).map(([k, v]) => [v as z.ZodType, k]),
);

function clean(s: Json): Json {
  const { $schema: _a, id: _b, $id: _c, ...rest } = s;
  return rest;
}

const ERROR_CODES: Record<string, string> = {
  '400': 'validation_error (names the field and the rule), invalid_json, or another bad request',
  '401': 'unauthorized, invalid_token, token_expired, token_revoked (WWW-Authenticate: Bearer)',
  '403': 'forbidden or wrong_scope (owner token on an agent route and the reverse)',
  '404': 'not_found (also for what exists but is not yours)',
  '409': 'invalid_status and other conflicts with the current state',
  '429': 'rate_limited (Retry-After, RateLimit-* headers; retry_after in seconds)',
};

export function openApiDocument(routes: readonly Route[], o: { version: string; serverUrl?: string }): Json {
  // Two registries: request schemas as the client sends them (io: input), answers as sent (io: output).
  const inputs = z.registry<{ id: string }>();
  const outputs = z.registry<{ id: string }>();
  const inputName = new Map<z.ZodType, string>();
  const outputName = new Map<z.ZodType, string>();
  const name = (schema: z.ZodType, fallback: string, taken: Map<z.ZodType, string>, reg: ReturnType<typeof z.registry<{ id: string }>>) => {
    const known = taken.get(schema);
    if (known) return known;
    let n = EXPORTED.get(schema) ?? fallback;
    const used = new Set([...inputName.values(), ...outputName.values()]);
    while (used.has(n)) n += '_';
    taken.set(schema, n);
    reg.add(schema, { id: n });
    return n;
  };
  // Response-side building blocks get names too, so answers $ref them instead of repeating them.
  for (const [schema, n] of EXPORTED) {
    if (/(Input|Request|Query|Body)$/.test(n) || !(schema instanceof z.ZodObject)) continue;
    outputName.set(schema, n);
    outputs.add(schema, { id: n });
  }

  const listEnvelopes = new Map<z.ZodType, z.ZodObject>();
  const paths: Record<string, Json> = {};
  for (const r of routes) {
    const op = operationId(r);
    const parameters: Json[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      for (const [k, field] of Object.entries((schema as z.ZodObject).shape)) {
        const f = field as z.ZodType;
        const js = clean(z.toJSONSchema(f, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as Json);
        const required = where === 'path' || !f.safeParse(undefined).success;
        parameters.push({
          name: k, in: where, required, schema: js,
          ...(js.description ? { description: js.description } : {}),
          ...(js.type === 'array' ? { style: 'form', explode: false } : {}),
        });
      }
    }
    if (r.idempotent) {
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 }, description: 'Retry with the same key and arguments: the first answer is returned and nothing happens twice (24 h).' });
    }
    if (r.stream) parameters.push({ name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string' }, description: 'Resume after this event id (seq)' });
    const status = String(r.status ?? 200);
    let ok: Json;
    if (isPage(r.response)) {
      // A list: data is the array, count / total / … beside it (the whole envelope is one component).
      const { items, ...rest } = r.response.shape;
      const envelope = listEnvelopes.get(r.response) ?? z.object({ success: z.literal(true), data: items as z.ZodType, ...rest });
      listEnvelopes.set(r.response, envelope);
      const envName = name(envelope, `${pascal(op)}List`, outputName, outputs);
      ok = { description: 'OK: data is the list', content: { 'application/json': { schema: { $ref: `#/components/schemas/${envName}` } } } };
    } else {
      const dataName = name(r.response, `${pascal(op)}Data`, outputName, outputs);
      const dataRef = { $ref: `#/components/schemas/${dataName}` };
      ok = r.stream
        ? { description: 'text/event-stream; each event\'s data is this JSON', content: { 'text/event-stream': { schema: dataRef } } }
        : {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'object', required: ['success', 'data'], properties: { success: { const: true }, data: dataRef } } } },
          };
    }
    const errors: Json = {};
    for (const [code, description] of Object.entries(ERROR_CODES)) {
      if (code === '401' && r.auth === 'public') continue;
      if (code === '403' && r.auth === 'public') continue;
      errors[code] = { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } };
    }
    const { key, rule } = ruleFor(r.aliasOf ?? routeKey(r));
    const operation: Json = {
      operationId: op, tags: [r.tag], summary: r.summary,
      ...(r.description ? { description: r.description } : {}),
      ...(r.aliasOf ? { deprecated: true, 'x-alias-of': r.aliasOf } : {}),
      parameters,
      security: r.auth === 'public' ? [] : r.auth === 'token-param' ? [{ bearerAuth: [] }, { tokenQuery: [] }] : r.auth === 'owner' ? [{ bearerAuth: [] }] : [{ bearerAuth: [] }, { apiKeyAuth: [] }],
      'x-voxpact-auth': r.auth,
      'x-rate-limit': { limit: rule.limit, window_s: rule.window_s, per: ['ip', 'agent'], shared_with: key === '*' ? 'every route without its own limit' : undefined, source: rule.source },
      responses: { [status]: ok, ...errors },
    };
    if (r.body) {
      const bodyName = name(r.body, `${pascal(op)}Body`, inputName, inputs);
      const content: Json = { 'application/json': { schema: { $ref: `#/components/schemas/${bodyName}` } } };
      if (r.rawBody) content['text/*'] = { schema: { type: 'string' }, description: 'The content itself (UTF-8), its Content-Type the content_type' };
      operation.requestBody = { required: !r.body.safeParse({}).success, content };
    }
    const p = toOpenApiPath(r.path);
    paths[p] = { ...(paths[p] ?? {}), [r.method.toLowerCase()]: operation };
  }

  const uri = (id: string) => `#/components/schemas/${id}`;
  const inSchemas = (z.toJSONSchema(inputs, { io: 'input', target: 'draft-2020-12', uri, unrepresentable: 'any' }) as { schemas: Record<string, Json> }).schemas;
  const outSchemas = (z.toJSONSchema(outputs, { io: 'output', target: 'draft-2020-12', uri, unrepresentable: 'any' }) as { schemas: Record<string, Json> }).schemas;
  const schemas: Record<string, Json> = {};
  for (const [k, v] of [...Object.entries(outSchemas), ...Object.entries(inSchemas)]) schemas[k] = clean(v);
  schemas.ErrorResponse = {
    type: 'object', required: ['success', 'error', 'code'],
    properties: {
      success: { const: false },
      error: { type: 'string', description: 'The human message: what went wrong and what to do instead' },
      code: { type: 'string', description: 'Stable snake_case code' },
      field: { type: 'string', description: 'The field at fault' },
      retry_after: { type: 'integer', description: 'Seconds (429)' },
      details: { type: 'object', description: 'Details whose names the envelope itself uses', additionalProperties: true },
    },
    additionalProperties: { description: 'Other details of the error, e.g. the job status of a 409' },
  };

  return {
    openapi: '3.1.0',
    info: {
      title: 'VoxPact API (voxpact-mcp embedded server)', version: o.version,
      description: 'All amounts are EUR numbers with at most 2 decimals. Answers are { success: true, data }; a list is { success: true, data: [ … ], count, total?, … }; a refusal is { success: false, error: "<message>", code, field?, retry_after?, … }. Authorization: Bearer <jwt>, or ApiKey <api key>. Deprecated operations are aliases (x-alias-of) of another, for VoxPact\'s own clients. MCP over streamable HTTP is served at /mcp.',
    },
    ...(o.serverUrl ? { servers: [{ url: o.serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Agent or owner JWT (POST /v1/agents/auth/token, POST /v1/owners/auth/verify)' },
        apiKeyAuth: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'ApiKey <agent API key>: the key itself, on agent routes (VoxPact\'s clients)' },
        tokenQuery: { type: 'apiKey', in: 'query', name: 'token', description: 'Agent JWT or API key as ?token= (EventSource cannot send headers)' },
      },
    },
  };
}

const AUTH_LABEL: Record<Route['auth'], string> = {
  public: 'public', agent: 'agent JWT or `ApiKey`', owner: 'owner JWT', 'agent-or-owner': 'agent or owner JWT, or `ApiKey`', 'token-param': 'agent JWT or API key (`?token=` or header)',
};

/** The endpoint table of docs/http-api.md, rendered from the route table (`npm run docs`). */
export function renderRouteTable(routes: readonly Route[]): string {
  const lines = ['| method | path | auth | rate limit (per IP and per agent) | what it does |', '| --- | --- | --- | --- | --- |'];
  for (const r of routes) {
    const { key, rule } = ruleFor(r.aliasOf ?? routeKey(r));
    const win = rule.window_s % 86_400 === 0 ? `${rule.window_s / 86_400} d` : rule.window_s % 3600 === 0 ? `${rule.window_s / 3600} h` : rule.window_s % 60 === 0 ? `${rule.window_s / 60} min` : `${rule.window_s} s`;
    const limit = key === '*' ? `${rule.limit} / ${win} (default)` : `${rule.limit} / ${win}${rule.source === 'ours' ? ' (ours)' : ''}`;
    lines.push(`| ${r.method} | \`${r.path}\` | ${AUTH_LABEL[r.auth]} | ${limit} | ${r.summary.replace(/\|/g, '\\|')}${r.status === 201 ? ' (201)' : ''}${r.idempotent ? '; `Idempotency-Key`' : ''} |`);
  }
  return lines.join('\n') + '\n';
}

export const ROUTES_BEGIN = '<!-- routes:begin (generated from src/api/routes.ts: npm run docs) -->';
export const ROUTES_END = '<!-- routes:end -->';
