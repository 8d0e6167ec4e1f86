/**
 * `voxpact-mcp demo`: two real stdio MCP servers of this very bin — a buyer and a worker — on
 * one shared database, driven with the MCP SDK client through a direct job and an open job
 * with bids, from post to payout. Prints a transcript and the ledger; exits non-zero on any failure.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { Client } from '@modelcontextprotocol/client';
import { Engine } from './engine/index.js';
import { VERSION } from './server.js';

/** Above this the servers ask "the human" (the demo answers yes), to show the rail. */
const CONFIRM_ABOVE_EUR = '20';

type Party = { label: string; agentId: string; client: Client; stderr: string[] };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const eur = (n: number | null | undefined) => (n == null ? '—' : `${n.toFixed(2)} EUR`);
const short = (id: string) => `${id.slice(0, 8)}…`;
const say = (s = '') => process.stdout.write(s + '\n');

/** `modern`: the client speaks MCP 2026-07-28 (stateless requests, confirmations as input_required round trips); else 2025-11-25. */
async function spawnServer(label: string, agentId: string, apiKey: string, dataDir: string, modern: boolean): Promise<Party> {
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  const transport = new StdioClientTransport({
    command: process.execPath,
    // Every toolset: the walk-through ends with payouts and the dashboard, which are opt-in.
    args: [cli, '--toolsets', 'all'],
    env: { VOXPACT_API_KEY: apiKey, VOXPACT_DATA_DIR: dataDir, VOXPACT_CONFIRM_ABOVE_EUR: CONFIRM_ABOVE_EUR, VOXPACT_LOG_LEVEL: 'warn' },
    stderr: 'pipe',
  });
  const stderr: string[] = [];
  transport.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
  const client = new Client({ name: `voxpact-demo-${label}`, version: VERSION }, {
    capabilities: { elicitation: {} },
    ...(modern ? { versionNegotiation: { mode: { pin: '2026-07-28' as const } } } : {}),
  });
  client.setRequestHandler('elicitation/create', async (req) => {
    say(`${' '.repeat(16)}↳ the server asks the human: "${req.params.message}" → confirmed`);
    return { action: 'accept', content: { confirm: true } };
  });
  await client.connect(transport);
  return { label, agentId, client, stderr };
}

/** Call a tool; print who called what and the key result; throw on a tool error. */
async function step(p: Party, tool: string, args: Record<string, unknown>, show: (r: Any) => string): Promise<Any> {
  const r = await p.client.callTool({ name: tool, arguments: args });
  const text = (r.content as { type: string; text?: string }[]).map((c) => c.text ?? '').join('\n');
  if (r.isError) throw new Error(`${p.label} ${tool} failed: ${text}`);
  say(`${p.label.padEnd(16)}${tool.padEnd(26)}→ ${show(r.structuredContent)}`);
  return r.structuredContent;
}

const jobState = (j: Any) => `${j.status} · amount ${eur(j.amount)} · escrow ${eur(j.escrow_amount)}`;

function createAgent(engine: Engine, o: Parameters<Engine['createLocalAgent']>[0]) {
  try {
    return engine.createLocalAgent(o);
  } catch (e) {
    // A reused --data-dir: this owner already has an agent, so activation costs the 5.00 EUR fee.
    if (!o.card) return engine.createLocalAgent({ ...o, card: 'pm_card_visa' });
    throw e;
  }
}

export async function runDemo(o: { dataDir?: string } = {}): Promise<void> {
  const started = Date.now();
  const dataDir = o.dataDir ?? mkdtempSync(join(tmpdir(), 'voxpact-demo-'));
  const engine = Engine.open({ dbPath: join(dataDir, 'voxpact.db'), dataDir });
  const parties: Party[] = [];
  try {
    const b = createAgent(engine, { name: 'acme-buyer', owner_email: 'buyer@acme.example', card: 'pm_card_visa', description: 'Buys summaries and translations' });
    const w = createAgent(engine, { name: 'summarizer-bot', owner_email: 'ops@summarizer.example', capabilities: ['summarization', 'translation'], description: 'Summaries and EN→DE translation' });
    say(`VoxPact demo — data dir ${dataDir}`);
    say(`agents: acme-buyer ${b.agent_id} (card pm_card_visa), summarizer-bot ${w.agent_id} (summarization, translation)`);

    const [buyer, worker] = await Promise.all([
      spawnServer('acme-buyer', b.agent_id, b.api_key, dataDir, true),
      spawnServer('summarizer-bot', w.agent_id, w.api_key, dataDir, false),
    ]);
    parties.push(buyer, worker);
    const tools = await buyer.client.listTools();
    say(`servers: two stdio MCP servers on one database, ${tools.tools.length} tools each; payments above ${CONFIRM_ABOVE_EUR} EUR need a human's confirmation`);
    say(`protocol: acme-buyer's client speaks MCP ${buyer.client.getNegotiatedProtocolVersion?.() ?? '2026-07-28'}, summarizer-bot's ${worker.client.getNegotiatedProtocolVersion?.() ?? '2025-11-25'}`);

    // ---------- A. direct job ----------
    say('\n── A. Direct job: the buyer hires summarizer-bot ──');
    const d = await step(buyer, 'create_job', {
      title: 'Summarise the Q3 report',
      task_spec: { description: 'Summarise the Q3 report in three bullet points.', input_url: 'https://example.com/q3-report.pdf' },
      amount: 12.5, worker_agent_id: w.agent_id, deadline_hours: 24, validation_criteria: { must_include: 'Summary' },
    }, (j) => `job ${short(j.id)} ${jobState(j)} (card charged into escrow)`);
    await step(worker, 'list_jobs', { role: 'worker' }, (r) => `${r.count} job(s) waiting: ${r.items.map((j: Any) => `${short(j.id)} ${j.status}`).join(', ')}`);
    await step(worker, 'accept_job', { job_id: d.id }, jobState);
    await step(worker, 'deliver_job', {
      job_id: d.id, content: 'Summary:\n- Revenue up 12 % year on year\n- Margin stable at 31 %\n- Guidance raised for Q4',
    }, (r) => `revision ${r.deliverable.revision_number}, ${r.deliverable.size_bytes} bytes · ${jobState(r.job)}`);
    await step(buyer, 'get_deliverable_preview', { job_id: d.id }, (x) => `"${String(x.preview).split('\n')[0]}…" (${x.size_bytes} bytes)`);
    const dDone = await step(buyer, 'approve_job', { job_id: d.id },
      (j) => `${j.status} · released ${eur(j.amount)}: platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)} · escrow ${eur(j.escrow_amount)}`);
    await step(worker, 'get_payouts', {}, (r) => `total earned ${eur(r.total_earned)} over ${r.total_jobs} job(s)`);
    await step(worker, 'get_my_agent', {}, (a) => `trust ${a.trust_score} (${a.level}, fee ${a.platform_fee_percent} %), ${a.completed_jobs} job(s) completed`);
    await step(buyer, 'get_dashboard', {}, (x) => `spent this month ${eur(x.spending.spent)}, ${x.active_jobs_count} active job(s), trust ${x.agent.trust_score}`);

    // ---------- B. open job with bids ----------
    say('\n── B. Open job: bidding, a counter-offer, a revision ──');
    const o1 = await step(buyer, 'create_job', {
      title: 'Translate our product page into German',
      task_spec: { description: 'Translate the product page (about 400 words) from English into German.', input_url: 'https://example.com/product' },
      amount: 30, job_type: 'open', required_capabilities: ['translation'], bid_window_hours: 24, min_acceptable_price: 10, deadline_hours: 48,
    }, (j) => `job ${short(j.id)} ${j.status} · budget ${eur(j.amount)} · escrow ${eur(j.escrow_amount)} (nothing charged yet)`);
    await step(worker, 'get_open_jobs', { q: 'translate german' }, (r) => `${r.count} open job(s): ${r.items.map((j: Any) => `${short(j.id)} budget ${eur(j.amount)}`).join(', ')}`);
    const bid1 = await step(worker, 'submit_bid', { job_id: o1.id, proposed_price: 25, estimated_hours: 2, message: 'Native-level German, delivered within two hours.' },
      (x) => `bid ${short(x.id)} ${eur(x.proposed_price)} (${x.status})`);
    await step(buyer, 'list_bids', { job_id: o1.id }, (r) => r.items.map((x: Any) => `${short(x.id)} ${eur(x.proposed_price)} ${x.status}`).join(', '));
    await step(buyer, 'counter_bid', { bid_id: bid1.id, counter_price: 22, message: 'Would you do it for 22?' }, (x) => `bid ${short(x.id)} ${x.status} at ${eur(x.counter_price)}`);
    await step(worker, 'list_notifications', { unread_only: true, limit: 5 }, (r) => `${r.unread_count} unread; latest: ${r.items[0]?.title ?? '—'}`);
    const bid2 = await step(worker, 'submit_bid', { job_id: o1.id, proposed_price: 22, estimated_hours: 2, message: 'Deal at 22.' },
      (x) => `takes the counter: bid ${short(x.id)} ${eur(x.proposed_price)} (${x.status})`);
    await step(buyer, 'accept_bid', { bid_id: bid2.id }, (r) => `${jobState(r.job)} (card charged at the bid price), worker ${r.job.worker_agent_id}`);
    await step(worker, 'start_job', { job_id: o1.id }, jobState);
    await step(worker, 'deliver_job', { job_id: o1.id, content: 'Unser Produkt hilft dir, schneller zu arbeiten …' }, (r) => `revision ${r.deliverable.revision_number} · ${jobState(r.job)}`);
    await step(buyer, 'request_revision', { job_id: o1.id, feedback: 'Please use the formal "Sie" form throughout.' }, (j) => `${j.status} (${j.revision_count}/${j.max_revisions}) · escrow ${eur(j.escrow_amount)}`);
    await step(worker, 'deliver_job', { job_id: o1.id, content: 'Unser Produkt hilft Ihnen, schneller zu arbeiten …' }, (r) => `revision ${r.deliverable.revision_number} · ${jobState(r.job)}`);
    const oDone = await step(buyer, 'approve_job', { job_id: o1.id },
      (j) => `${j.status} · released ${eur(j.amount)}: platform fee ${eur(j.platform_fee)}, worker payout ${eur(j.worker_payout)} · escrow ${eur(j.escrow_amount)}`);
    await step(buyer, 'leave_review', { job_id: o1.id, rating: 5, comment: 'Fast and precise.' }, (r) => `${r.rating}/5 for the worker`);
    await step(worker, 'leave_review', { job_id: o1.id, rating: 5, comment: 'Clear brief, quick approval.' }, (r) => `${r.rating}/5 for the buyer`);
    const wAgent = await step(worker, 'get_my_agent', {}, (a) => `trust ${a.trust_score} (${a.level}), rating ${a.average_rating ?? '—'}/5, ${a.completed_jobs} job(s)`);
    const payouts = await step(worker, 'get_payouts', {}, (r) => `total earned ${eur(r.total_earned)} over ${r.total_jobs} job(s)`);

    // ---------- ledger ----------
    say('\n── Ledger ──');
    const accounts = engine.db.prepare('SELECT account, balance_cents FROM balances WHERE balance_cents <> 0 ORDER BY account').all() as { account: string; balance_cents: number }[];
    const names: Record<string, string> = { [b.agent_id]: 'acme-buyer', [w.agent_id]: 'summarizer-bot' };
    for (const a of accounts) {
      const [family, id] = a.account.split(':');
      say(`  ${`${family}:${names[id] ?? id}`.padEnd(28)} ${(a.balance_cents / 100).toFixed(2).padStart(9)} EUR`);
    }
    const total = accounts.reduce((s, a) => s + a.balance_cents, 0);
    const fees = Math.round(((dDone.platform_fee ?? 0) + (oDone.platform_fee ?? 0)) * 100) / 100;
    say(`  entries sum to ${(total / 100).toFixed(2)} EUR; escrow held: ${eur(accounts.filter((a) => a.account.startsWith('escrow:')).reduce((s, a) => s + a.balance_cents, 0) / 100)}`);
    say(`  buyer paid ${eur(dDone.amount + oDone.amount)}, worker earned ${eur(payouts.total_earned)}, platform fees ${eur(fees)}; worker trust now ${wAgent.trust_score}`);
    const bad = engine.checkInvariants();
    if (bad.length) throw new Error(`ledger invariants violated:\n  ${bad.join('\n  ')}`);
    if (total !== 0) throw new Error(`ledger does not balance: ${total} cents`);
    say(`  invariants hold. Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  } catch (e) {
    for (const p of parties) if (p.stderr.length) process.stderr.write(`--- ${p.label} server stderr ---\n${p.stderr.join('')}`);
    throw e;
  } finally {
    await Promise.all(parties.map((p) => p.client.close().catch(() => {})));
    engine.close();
  }
}
