// dev helper: CPU time (user+sys) of a cold start through tools/list, per variant, interleaved
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
const dir = process.argv[2]; const runs = +process.argv[3] || 10;
const variants = Object.fromEntries(process.argv.slice(4).map((v) => v.split('=')));
const M = ['{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"x","version":"1"}}}', '{"jsonrpc":"2.0","method":"notifications/initialized"}', '{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}'];
function once(script) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const c = spawn('/usr/bin/time', ['-f', 'CPU %U %S %M', process.execPath, script], { env: { ...process.env, VOXPACT_DATA_DIR: dir === 'fresh' ? mkdtempSync('/tmp/vfresh-') : dir } });
    let out = '', err = '', tList = 0;
    c.stdout.on('data', (d) => { out += d; if (!tList && out.includes('"id":2')) { tList = performance.now() - t0; c.stdin.end(); } });
    c.stderr.on('data', (d) => (err += d));
    c.stdin.write(M.join('\n') + '\n');
    c.on('exit', () => { const m = /CPU ([\d.]+) ([\d.]+) (\d+)/.exec(err); resolve({ wall: tList, cpu: (+m[1] + +m[2]) * 1000, rss: +m[3] / 1024 }); });
  });
}
const res = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
for (let i = 0; i < runs; i++) for (const [k, s] of Object.entries(variants)) res[k].push(await once(s));
const med = (a) => { const s = [...a].sort((x, y) => x - y); return s[s.length >> 1]; };
for (const [k, v] of Object.entries(res)) console.log(k.padEnd(10), 'wall', med(v.map((x) => x.wall)).toFixed(0), 'cpu', med(v.map((x) => x.cpu)).toFixed(0), 'maxrss', med(v.map((x) => x.rss)).toFixed(1));
