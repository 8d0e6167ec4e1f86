import { mkdtempSync, rmSync } from 'node:fs';
import { marketDir } from './lib/setup.mjs';
import { Engine } from '../dist/src/engine/index.js';
import { TOOLS } from '../dist/tools/index.js';
import { runTool } from '../dist/src/tool.js';
import { loadConfig } from '../dist/src/config.js';
import { PerformanceObserver } from 'node:perf_hooks';
const d = mkdtempSync('/tmp/vhp-'); const m = marketDir(d);
const engine = Engine.open({ dataDir: d });
const mp = engine.as(m.buyer.agent_id);
let gcs = { minor: 0, major: 0 };
new PerformanceObserver((l) => { for (const e of l.getEntries()) e.detail?.kind === 1 ? gcs.minor++ : gcs.major++; }).observe({ entryTypes: ['gc'] });
const ctx = { mp, config: { ...loadConfig({}), dataDir: d }, server: null };
const acc = await import('../dist/src/engine/accounts.js');
const cards = await import('../dist/src/engine/cards.js');
const c = engine.ctx;
const views = await import('../dist/src/engine/views.js');
const limits = await import('../dist/src/limits.js');
const row = acc.getAgentRow(c, m.buyer.agent_id);
const tests = {
  'getAgentRow': () => acc.getAgentRow(c, m.buyer.agent_id),
  'owner q': () => c.db.prepare('SELECT email FROM owners WHERE id = ?').get(acc.getAgentRow(c, m.buyer.agent_id).owner_id),
  'publicAgentView': () => views.publicAgentView(row),
  'tierOf': () => limits.tierOf(55),
  'spentThisMonth': () => cards.spentThisMonthCents(c, m.buyer.agent_id),
  'privateAgent': () => acc.privateAgent(c, m.buyer.agent_id),
  'mp.getMyAgent': () => mp.getMyAgent(),
  'mp.getJob?': () => mp.getPlatformInfo(),
  'runTool get_my_agent': () => runTool(TOOLS.find((t) => t.name === 'get_my_agent'), ctx, {}),
  'runTool get_platform_info': () => runTool(TOOLS.find((t) => t.name === 'get_platform_info'), ctx, {}),
};
for (const [k, f] of Object.entries(tests)) {
  for (let i = 0; i < 500; i++) await f();
  await new Promise((r) => setTimeout(r, 50)); gcs = { minor: 0, major: 0 };
  for (let i = 0; i < 20000; i++) await f();
  await new Promise((r) => setTimeout(r, 50));
  console.log(k.padEnd(28), 'minor GCs per 20k', gcs.minor, 'major', gcs.major);
}
engine.close(); rmSync(d, { recursive: true });
