import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { marketDir } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
const d = mkdtempSync('/tmp/vhp-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const acc = await import('../dist/src/engine/accounts.js');
const c = engine.ctx;
const what = process.argv[2];
const cards = await import('../dist/src/engine/cards.js');
const views = await import('../dist/src/engine/views.js');
const r0 = acc.getAgentRow(c, m.buyer.agent_id);
const limits = await import('../dist/src/limits.js');
const money = await import('../dist/src/money.js');
const pa2 = (drop) => () => {
  const a = acc.getAgentRow(c, m.buyer.agent_id);
  const tier = limits.tierOf(a.trust_score);
  const owner = drop === 'owner' ? { email: 'x' } : c.db.prepare('SELECT email FROM owners WHERE id = ?').get(a.owner_id);
  const spent = drop === 'spent' ? 0 : cards.spentThisMonthCents(c, m.buyer.agent_id);
  const limit = a.monthly_spending_limit_cents;
  return {
    ...(drop === 'view' ? {} : views.publicAgentView(a)), owner_email: owner.email, webhook_url: a.webhook_url,
    platform_fee_percent: tier.fee_percent, max_job_amount: money.centsToEur(tier.max_job_amount_cents), max_active_jobs: tier.max_active_jobs,
    monthly_spending_limit: limit == null ? null : money.centsToEur(limit),
    spent_this_month: money.centsToEur(spent), left_this_month: limit == null ? null : money.centsToEur(Math.max(0, limit - spent)),
  };
};
const f = { assignfresh: () => Object.assign(views.publicAgentView(acc.getAgentRow(c, m.buyer.agent_id)), { x: 1, y: 2, z: 3, w: 4, v: 5, u: 6, t: 7, s: 8, r: 9 }),
  spreadfixed: () => ({ ...views.publicAgentView(r0), x: 1, y: 2, z: 3 }),
  spreadplain: () => ({ ...{ a: 1, b: 'x', c: null, d: [1], e: 2 }, x: 1, y: 2, z: 3 }), viewfresh: () => views.publicAgentView(acc.getAgentRow(c, m.buyer.agent_id)), spreadfresh: () => ({ ...views.publicAgentView(acc.getAgentRow(c, m.buyer.agent_id)), x: 1 }), rowparse: () => JSON.parse(acc.getAgentRow(c, m.buyer.agent_id).capabilities), rowiso: () => new Date(acc.getAgentRow(c, m.buyer.agent_id).created_at).toISOString(), pa2: pa2(''), noowner: pa2('owner'), nospent: pa2('spent'), noview: pa2('view'), rowspent: () => { acc.getAgentRow(c, m.buyer.agent_id); cards.spentThisMonthCents(c, m.buyer.agent_id); }, spent: () => cards.spentThisMonthCents(c, m.buyer.agent_id), owner: () => c.db.prepare('SELECT email FROM owners WHERE id = ?').get(r0.owner_id), view: () => views.publicAgentView(r0), pa: () => acc.privateAgent(c, m.buyer.agent_id), row: () => acc.getAgentRow(c, m.buyer.agent_id) }[what];
const old = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_used_size / 2 ** 20;
let max = 0;
for (let i = 0; i < 60000; i++) { f(); if (i % 1000 === 0) { const o = old(); max = Math.max(max, o); if (process.argv[3] && o > 30) { v8.writeHeapSnapshot('/tmp/h.heapsnapshot'); console.log('snap at', i); break; } } }
console.log(what, 'max old space MiB', max.toFixed(1));
engine.close(); rmSync(d, { recursive: true });
