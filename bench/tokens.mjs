// Tokens of the tool listing (issue 14), counted with the o200k tokenizer (gpt-tokenizer ships
// it; nothing is downloaded): what `tools/list` of the built bin answers, for the default
// listing, the jobs toolset and every toolset. The model-visible part is each tool's name,
// description and inputSchema; the full listing is everything tools/list sends (titles,
// annotations, outputSchema, _meta). Cheap: three server starts, no timing.
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { CLI, marketDir } from './lib/setup.mjs';
import { StdioPeer } from './lib/rpc.mjs';

/** The bounds, in tokens. */
export const TARGETS = { visible: 8_000, full: 20_000, jobsVisible: 2_500 };

export async function listing(dir, apiKey, args = []) {
  const env = { ...process.env, VOXPACT_DATA_DIR: dir, VOXPACT_API_KEY: apiKey };
  const peer = new StdioPeer(process.execPath, [CLI, ...args], { env });
  try {
    await peer.initialize();
    return (await peer.request('tools/list', {})).tools;
  } finally {
    await peer.close();
  }
}

export const visibleTokens = (tools) => countTokens(JSON.stringify(tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema }))));
export const fullTokens = (tools) => countTokens(JSON.stringify(tools));

const exact = (n) => ({ median: n, min: n, max: n });
/** A count against its bound: the ratio column says how much of the bound is used (≤ 1× passes). */
const bounded = (name, n, bound) => ({ group: 'tokens', name, unit: 'o200k tokens', better: 'lower', value: exact(n), base: exact(bound), baseName: 'the issue\'s bound', ratio: n / bound, target: 1, pass: n <= bound });
const plain = (name, n, unit = 'o200k tokens') => ({ group: 'tokens', name, unit, value: exact(n), ratio: null, pass: null });

export async function run({ tmp, log }) {
  const m = marketDir(tmp('tokens-'));
  const key = m.buyer.api_key;
  const [dflt, jobs, all] = [await listing(m.dir, key), await listing(m.dir, key, ['--toolsets', 'jobs']), await listing(m.dir, key, ['--toolsets', 'all'])];
  log(`tokens: ${dflt.length} tools by default, ${jobs.length} in jobs, ${all.length} in all toolsets`);
  const rows = [
    plain(`default listing: tools`, dflt.length, 'tools'),
    bounded('default listing, model-visible (name + description + inputSchema)', visibleTokens(dflt), TARGETS.visible),
    bounded('default listing, full (with outputSchema)', fullTokens(dflt), TARGETS.full),
    bounded(`jobs toolset (${jobs.length} tools), model-visible`, visibleTokens(jobs), TARGETS.jobsVisible),
    plain(`every toolset (${all.length} tools), model-visible`, visibleTokens(all)),
    plain(`every toolset (${all.length} tools), full`, fullTokens(all)),
  ];
  return rows;
}
