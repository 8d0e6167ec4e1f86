// Memory: peak resident set size (VmHWM) of the server process after initialize + tools/list,
// and after 10k tool calls (16 in flight), for voxpact-mcp and the minimal server. voxpact's
// 10k calls rotate over read tools (get_job_status, list_jobs, get_my_agent, list_notifications) with
// a create_job every 10th call; the minimal server's are echo calls.
import { row, summarize } from './lib/stats.mjs';
import { inFlight } from './lib/load.mjs';
import { marketDir, postJobArgs, startMinimalStdio, startVoxStdio } from './lib/setup.mjs';

export async function run({ quick, tmp, log }) {
  const m = marketDir(tmp('memory-'));
  const runs = quick ? 3 : 5;
  const calls = 10_000;
  const out = { voxList: [], voxCalls: [], minList: [], minCalls: [] };
  for (let r = 0; r < runs; r++) {
    const vox = startVoxStdio(m.dir, m.buyer.api_key);
    const min = startMinimalStdio();
    await Promise.all([vox.initialize(), min.initialize()]);
    await Promise.all([vox.request('tools/list', {}), min.request('tools/list', {})]);
    out.voxList.push(vox.peakRssMiB());
    out.minList.push(min.peakRssMiB());
    const job = (await vox.call('create_job', postJobArgs(m.worker.agent_id))).structuredContent;
    const mix = [
      () => vox.call('get_job_status', { job_id: job.id }),
      () => vox.call('list_jobs', {}),
      () => vox.call('get_my_agent', {}),
      () => vox.call('list_notifications', {}),
    ];
    await inFlight((i) => (i % 10 === 9 ? vox.call('create_job', postJobArgs(m.worker.agent_id)) : mix[i % mix.length]()), calls, 16);
    await inFlight(() => min.call('echo', { text: 'benchmark' }), calls, 16);
    out.voxCalls.push(vox.peakRssMiB());
    out.minCalls.push(min.peakRssMiB());
    await Promise.all([vox.close(), min.close()]);
  }
  log(`memory: ${runs} runs`);
  const base = 'minimal one-tool SDK server';
  return [
    row({ group: 'memory', name: 'peak RSS after initialize + tools/list', unit: 'MiB', better: 'lower', target: 1.3, value: summarize(out.voxList), base: summarize(out.minList), baseName: base }),
    row({ group: 'memory', name: `peak RSS after ${calls / 1000}k tool calls`, unit: 'MiB', better: 'lower', target: 1.3, value: summarize(out.voxCalls), base: summarize(out.minCalls), baseName: base }),
  ];
}
