// dev helper: profile the stdio server under a stream of one tool
import { marketDir, postJobArgs, CLI } from './lib/setup.mjs';
import { StdioPeer } from './lib/rpc.mjs';
import { inFlight, sequential } from './lib/load.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
const [tool, n = '3000', profdir = '/tmp/profs'] = process.argv.slice(2);
const d = mkdtempSync('/tmp/vprof-');
const m = marketDir(d);
const env = { ...process.env, VOXPACT_DATA_DIR: d, VOXPACT_API_KEY: m.buyer.api_key };
const p = new StdioPeer(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profdir}`, CLI], { env });
await p.initialize();
const job = (await p.call('post_job', postJobArgs(m.worker.agent_id))).structuredContent;
const op = tool === 'get_job' ? () => p.call('get_job', { job_id: job.id }) : tool === 'post_job' ? () => p.call('post_job', postJobArgs(m.worker.agent_id)) : () => p.request('tools/list', {});
const cpu0 = process.cpuUsage();
console.log(tool, (await sequential(op, +n)).toFixed(0), 'µs/call wall');
await p.close();
rmSync(d, { recursive: true });
