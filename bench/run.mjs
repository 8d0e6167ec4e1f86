#!/usr/bin/env node
// `npm run bench` (after `npm run build`): every figure of docs/performance.md, each measured
// side by side with its baseline in this one run. Options:
//   --quick            fewer samples, growth and postgres up to 100k jobs only (a couple of minutes)
//   --only a,b         sections: tokens, cold, stdio, http, engine, growth, memory, postgres
//                      (postgres: its own throwaway PostgreSQL cluster, or VOXPACT_BENCH_PG_URL;
//                      a note and no rows where PostgreSQL is not installed)
//   --write-docs       put the results table into docs/performance.md
//   --json FILE        also write the raw results as JSON
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { table } from './lib/stats.mjs';

const SECTIONS = ['tokens', 'cold', 'stdio', 'http', 'engine', 'growth', 'memory', 'postgres'];
const { values: opt } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, 'write-docs': { type: 'boolean' }, json: { type: 'string' } } });
const only = opt.only ? opt.only.split(',').map((s) => s.trim()) : SECTIONS;
for (const s of only) if (!SECTIONS.includes(s)) throw new Error(`unknown section '${s}' (known: ${SECTIONS.join(', ')})`);
if (!existsSync(fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)))) {
  console.error('bench: dist/src/cli.js is missing: run `npm run build` first');
  process.exit(2);
}

// Every database and data dir lives under one temp dir, removed at the end (also on Ctrl-C).
const root = mkdtempSync(join(tmpdir(), 'voxpact-bench-'));
const cleanup = () => rmSync(root, { recursive: true, force: true });
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
const tmp = (prefix) => mkdtempSync(join(root, prefix));
const log = (s) => console.error(s);

const machine = {
  cpus: availableParallelism?.() ?? cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memory_gib: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  load_before: loadavg().map((x) => x.toFixed(2)).join(' '),
};
const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
log(`voxpact-mcp benchmark: ${machine.cpus} × ${machine.cpu}, node ${machine.node}, load ${machine.load_before}; sections ${only.join(', ')}${opt.quick ? ' (quick)' : ''}`);

const started = performance.now();
const done = []; // { name, rows, notes } per section run
for (const name of SECTIONS.filter((s) => only.includes(s))) {
  const t = performance.now();
  log(`── ${name}`);
  const mod = await import(`./${name}.mjs`);
  const out = await mod.run({ quick: !!opt.quick, tmp, log });
  const rows = Array.isArray(out) ? out : out.rows;
  const notes = (!Array.isArray(out) && out.notes) || [];
  if (name === 'http' && rows.length === 0) notes.push('http: no --transport http in this build, not measured');
  done.push({ name, rows, notes });
  log(`   ${name} done in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}
machine.load_after = loadavg().map((x) => x.toFixed(2)).join(' ');
const wall_s = Math.round((performance.now() - started) / 1000);
const rows = done.flatMap((s) => s.rows);
const notes = done.flatMap((s) => s.notes);

/** The machine, the command, the table, the notes and the targets of the given sections' results. */
function report(sections) {
  const rs = sections.flatMap((s) => s.rows);
  const missed = rs.filter((r) => r.pass === false);
  return [
    `Machine: ${machine.cpus} CPUs (${machine.cpu}), ${machine.memory_gib} GiB, ${machine.platform}, Node ${machine.node}. ` +
      `Load average (1/5/15 min) before: ${machine.load_before}, after: ${machine.load_after}.`,
    `Command: \`${command}\` (after \`npm run build\`), ${wall_s} s wall time, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    table(rs),
    '',
    ...sections.flatMap((s) => s.notes).map((n) => `- ${n}`),
    '',
    `${rs.filter((r) => r.pass === true).length} targets met, ${missed.length} missed${missed.length ? `: ${missed.map((r) => `${r.group} ${r.name}`).join('; ')}` : ''}.`,
  ].join('\n');
}
console.log(report(done));

if (opt.json) writeFileSync(opt.json, JSON.stringify({ machine, command, wall_s, rows, notes }, null, 2));
// docs/performance.md has two result blocks: the PostgreSQL section's figures under its own
// heading (docs/scaling.md links to it), everything else under "Results". A block is rewritten
// only when one of its sections ran, so `--only engine --write-docs` leaves the PostgreSQL
// figures as they were, and `--only postgres --write-docs` the others.
if (opt['write-docs']) {
  const doc = fileURLToPath(new URL('../docs/performance.md', import.meta.url));
  let text = readFileSync(doc, 'utf8');
  for (const [block, sections] of [['results', done.filter((s) => s.name !== 'postgres')], ['postgres', done.filter((s) => s.name === 'postgres')]]) {
    if (!sections.length) continue;
    const a = `<!-- bench:${block} -->`;
    const b = `<!-- /bench:${block} -->`;
    if (!text.includes(a) || !text.includes(b)) throw new Error(`docs/performance.md has no ${a} … ${b} block`);
    text = text.slice(0, text.indexOf(a) + a.length) + '\n' + report(sections) + '\n' + text.slice(text.indexOf(b));
  }
  writeFileSync(doc, text);
  log('wrote the results into docs/performance.md');
}
