/**
 * /openapi.json: OpenAPI 3.1 generated from the route table: every route present with its
 * security, parameters, body and answer; every $ref resolves; every component compiles as JSON
 * Schema 2020-12 (ajv) and real answers of the server validate against the published schemas.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES, routeKey } from '../../src/api/routes.js';
import { type Any, type Harness, directJob, expectOk, startServer } from './helpers.js';

// ajv-formats is CommonJS: its default export is the function.
const addFormats = ((addFormatsModule as Any).default ?? addFormatsModule) as (a: Any) => void;

let h: Harness;
let doc: Any;
beforeAll(async () => {
  h = await startServer({ rateLimits: false });
  doc = expectOk({ status: 200, headers: new Headers(), body: { success: true, data: (await h.api('GET', '/openapi.json')).body } });
});
afterAll(() => h?.close());

const oaPath = (p: string) => p.replace(/:([A-Za-z_]+)/g, '{$1}');

describe('/openapi.json', () => {
  it('is OpenAPI 3.1 with every route of the table', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers).toEqual([{ url: h.base }]);
    const ids = new Set<string>();
    for (const r of ROUTES) {
      const op = doc.paths[oaPath(r.path)]?.[r.method.toLowerCase()];
      expect(op, routeKey(r)).toBeDefined();
      expect(ids.has(op.operationId), `unique operationId ${op.operationId}`).toBe(false);
      ids.add(op.operationId);
      expect(op.summary).toBeTruthy();
      expect(op['x-voxpact-auth']).toBe(r.auth);
      expect(op.security).toEqual(r.auth === 'public' ? [] : expect.arrayContaining([{ bearerAuth: [] }]));
      expect(op['x-rate-limit'].limit).toBeGreaterThan(0);
      const ok = op.responses[String(r.status ?? 200)];
      expect(ok, `${routeKey(r)} success response`).toBeDefined();
      if (r.auth !== 'public') expect(op.responses['401']).toBeDefined();
      expect(op.responses['429']).toBeDefined();
      for (const name of Object.keys(r.params?.shape ?? {})) {
        expect(op.parameters.find((p: Any) => p.in === 'path' && p.name === name), `${routeKey(r)} path param ${name}`).toMatchObject({ required: true });
      }
      for (const name of Object.keys(r.query?.shape ?? {})) expect(op.parameters.some((p: Any) => p.in === 'query' && p.name === name)).toBe(true);
      if (r.body) expect(op.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
      if (r.idempotent) expect(op.parameters.some((p: Any) => p.in === 'header' && p.name === 'Idempotency-Key')).toBe(true);
    }
    // nothing in the document that the table does not have
    const count = Object.values(doc.paths).reduce((n: number, p: Any) => n + Object.keys(p).length, 0);
    expect(count).toBe(ROUTES.length);
  });

  it('has the named schemas, every $ref resolves, and each compiles as JSON Schema 2020-12', () => {
    for (const name of ['Job', 'Bid', 'PrivateAgent', 'PublicAgent', 'Dashboard', 'TokenGrant', 'PostJobBody', 'DeliverBody', 'RegisterAgentInput', 'ErrorResponse', 'FeedEvent']) {
      expect(doc.components.schemas[name], name).toBeDefined();
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)![1];
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    expect(doc.components.schemas.PostJobBody.properties.amount).toMatchObject({ type: 'number' });
    expect(doc.components.schemas.PostJobBody.properties.deadline).toMatchObject({ type: 'string', format: 'date-time' });
    expect(doc.components.schemas.PostJobBody.required).toEqual(expect.arrayContaining(['title', 'task_spec', 'amount']));
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'voxpact', ...doc });
    for (const name of Object.keys(doc.components.schemas)) ajv.compile({ $ref: `voxpact#/components/schemas/${name}` });
  });

  it('real answers validate against the published schemas', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'voxpact', ...doc });
    const check = (name: string, value: unknown) => {
      const v = ajv.compile({ $ref: `voxpact#/components/schemas/${name}` });
      expect(v(value), `${name}: ${JSON.stringify(v.errors)}`).toBe(true);
    };
    const buyer = await h.agent('oa-buyer');
    const worker = await h.agent('oa-worker');
    const id = await directJob(buyer, worker, 'delivered');
    check('Job', expectOk(await h.api('GET', `/v1/jobs/${id}`, { token: buyer.token })));
    check('Dashboard', expectOk(await h.api('GET', '/v1/dashboard', { token: buyer.token })));
    check('PrivateAgent', expectOk(await h.api('GET', '/v1/agents/me', { token: worker.token })));
    check('Deliverable', expectOk(await h.api('GET', `/v1/jobs/${id}/deliverable/preview`, { token: buyer.token })));
    // A list: the whole envelope is the operation's schema (data the array, count and unread_count beside it).
    const listRef = (path: string) => /[^/]+$/.exec(doc.paths[path].get.responses['200'].content['application/json'].schema.$ref)![0];
    const notes = (await h.api('GET', '/v1/notifications', { token: buyer.token })).body;
    expect(Array.isArray(notes.data)).toBe(true);
    check(listRef('/v1/notifications'), notes);
    check(listRef('/v1/jobs/{id}/transitions'), (await h.api('GET', `/v1/jobs/${id}/transitions`, { token: buyer.token })).body);
    const err = (await h.api('GET', '/v1/jobs/nope', { token: buyer.token })).body;
    expect(err).toMatchObject({ success: false, error: expect.any(String), code: 'not_found' });
    check('ErrorResponse', err);
    check('ErrorResponse', (await h.api('POST', `/v1/jobs/${id}/approve`, { token: worker.token })).body);
    check('PostJobBody', { title: 'A valid title', task_spec: { description: 'x' }, amount: 5, worker_agent_id: worker.id, deadline: '2030-01-01T00:00:00Z' });
  });

  it('marks the aliases of VoxPact\'s clients deprecated, pointing at their route', () => {
    const aliases = ROUTES.filter((r) => r.aliasOf);
    expect(aliases.map(routeKey).sort()).toEqual([
      'POST /v1/agents/me/rotate-key', 'POST /v1/jobs/:id/bid', 'POST /v1/jobs/:id/bids/:bidId/accept', 'POST /v1/jobs/:id/request-revision',
    ]);
    for (const r of aliases) {
      const op = doc.paths[oaPath(r.path)][r.method.toLowerCase()];
      expect(op).toMatchObject({ deprecated: true, 'x-alias-of': r.aliasOf });
      expect(ROUTES.some((t) => routeKey(t) === r.aliasOf && !t.aliasOf)).toBe(true);
      expect(op['x-rate-limit']).toEqual(doc.paths[oaPath(r.aliasOf!.split(' ')[1])][r.aliasOf!.split(' ')[0].toLowerCase()]['x-rate-limit']);
    }
    expect(doc.paths['/v1/jobs/{id}/deliver'].post.requestBody.content).toHaveProperty(['text/*']);
  });
});
