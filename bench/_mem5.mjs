import { StdioPeer } from './lib/rpc.mjs';
import { inFlight } from './lib/load.mjs';
for (const semi of ['', '2', '4']) {
  const p = new StdioPeer(process.execPath, ['/work/main/bench/_semi.mjs'], { env: { ...process.env, SEMI: semi } });
  await p.initialize(); await p.request('tools/list', {}); const a = p.peakRssMiB();
  await inFlight(() => p.call('echo', { text: 'benchmark' }), 10000, 16);
  console.log('semi', semi || 'default', 'after list', a.toFixed(1), 'after 10k', p.peakRssMiB().toFixed(1));
  await p.close();
}
