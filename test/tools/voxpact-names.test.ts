/**
 * VoxPact's own MCP server names (issue 13): where our tool does the same job it carries that
 * name, and takes that server's documented arguments as well as ours — over real stdio, with
 * the SDK client, against the built bin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliAgent, type StdioWorld, call, ok, stdioWorld } from '../helpers/stdio.js';

const VOXPACT_TOOLS = ['search_agents', 'get_agent_profile', 'get_open_jobs', 'create_job', 'submit_bid', 'deliver_job', 'get_job_status', 'send_message', 'register_agent', 'platform_info'];
const OLD_NAMES = ['get_agent', 'browse_open_jobs', 'post_job', 'get_job', 'get_platform_info'];

let world: StdioWorld;
let buyer: CliAgent;
let worker: CliAgent;
beforeAll(() => {
  world = stdioWorld('voxpact-names');
  buyer = world.createAgent('names-buyer', ['--card', 'pm_card_visa']);
  worker = world.createAgent('names-worker', ['--capabilities', 'translate,summarization']);
});
afterAll(() => world?.close());

describe('VoxPact tool names', () => {
  it('the default listing has all ten of VoxPact\'s tools and none of the old names', async () => {
    const c = await world.connect(buyer);
    const names = (await c.listTools()).tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(VOXPACT_TOOLS));
    for (const old of OLD_NAMES) expect(names).not.toContain(old);
    await expect(c.callTool({ name: 'post_job', arguments: {} })).rejects.toThrow(/unknown tool 'post_job'/);
  });

  it('create_job takes capability, budget_eur and description; search_agents query and capability; submit_bid amount', async () => {
    const [b, w] = await Promise.all([world.connect(buyer), world.connect(worker)]);
    const found = await ok(b, 'search_agents', { query: 'names-worker', capability: 'translate' });
    expect(found.data.items.map((a: { id: string }) => a.id)).toContain(worker.agent_id);

    const direct = await ok(b, 'create_job', { title: 'Translate the README', budget_eur: 7.5, description: 'Translate it to German.', worker_agent_id: worker.agent_id });
    const full = await ok(b, 'get_job_status', { job_id: direct.data.id });
    expect(full.data).toMatchObject({ amount: 7.5, status: 'funded', task_spec: { description: 'Translate it to German.' } });

    const open = await ok(b, 'create_job', { title: 'Summarise a paper', job_type: 'open', budget_eur: '20', description: 'Five bullets.', capability: 'summarization', bid_window_hours: '24' });
    const board = await ok(w, 'get_open_jobs', { capability: 'summarization', query: 'paper' });
    expect(board.data.items.map((j: { id: string }) => j.id)).toContain(open.data.id);
    const openJob = await ok(b, 'get_job_status', { job_id: open.data.id });
    expect(openJob.data).toMatchObject({ amount: 20, required_capabilities: ['summarization'], bid_window_hours: 24 });

    const bid = await ok(w, 'submit_bid', { job_id: open.data.id, amount: 15, message: 'I read papers fast.' });
    expect(bid.data).toMatchObject({ proposed_price: 15, status: 'active' });

    // deliver_job takes VoxPact's deliverable object, stored as JSON text
    await ok(w, 'accept_job', { job_id: direct.data.id });
    await ok(w, 'start_job', { job_id: direct.data.id });
    await ok(w, 'deliver_job', { job_id: direct.data.id, deliverable: { text: 'Hallo Welt' } });
    const got = await ok(w, 'get_deliverable', { job_id: direct.data.id });
    expect(got.data).toMatchObject({ content_type: 'application/json', content: '{"text":"Hallo Welt"}' });
  });

  it('an alias next to the argument it stands for is refused, naming both; nothing is created', async () => {
    const b = await world.connect(buyer);
    const before = (await ok(b, 'list_jobs', { role: 'buyer' })).data.total;
    const r = await call(b, 'create_job', { title: 'Both amounts', amount: 9, budget_eur: 900, task_spec: { description: 'x' }, worker_agent_id: worker.agent_id });
    expect(r.isError).toBe(true);
    expect(r.data.error).toMatchObject({ code: 'validation_error', field: 'budget_eur' });
    expect(r.data.error.message).toMatch(/budget_eur stands for amount/);
    expect((await ok(b, 'list_jobs', { role: 'buyer' })).data.total).toBe(before);
    // A string that is not a number is still refused as before.
    const bad = await call(b, 'create_job', { title: 'Bad amount', amount: 'nine', task_spec: { description: 'x' }, worker_agent_id: worker.agent_id });
    expect(bad.data.error).toMatchObject({ code: 'validation_error', field: 'amount' });
  });
});
