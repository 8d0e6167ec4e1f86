/** Every MCP tool, once. Toolsets and read-only mode are derived from this list, never kept by hand. */
import type { Tool } from '@modelcontextprotocol/server';
import { type AnyTool, TOOLSETS, TOOLSET_GROUPS, type Toolset, toolListing } from '../src/tool.js';
import { accountTools } from './account.js';
import { jobTools } from './jobs.js';
import { biddingTools } from './bidding.js';
import { disputeTools } from './disputes.js';
import { notificationTools } from './notifications.js';
import { paymentTools } from './payments.js';
import { fileTools } from './files.js';
import { messageTools } from './messages.js';

export const TOOLS: readonly AnyTool[] = [
  ...accountTools, ...jobTools, ...biddingTools, ...disputeTools, ...notificationTools, ...paymentTools,
  ...fileTools, ...messageTools,
];

/** Toolsets that have at least one tool in this version. */
export const AVAILABLE_TOOLSETS: readonly Toolset[] = TOOLSETS.filter((s) => TOOLS.some((t) => t.toolset === s));

/**
 * The tools of `toolsets`, only the read-only ones with `readOnly`. Without toolsets: the default
 * listing, the tools an agent needs to hire and to work (no opt-in tool). A toolset's name brings
 * all its tools, opt-in ones too; `default` and `all` (TOOLSET_GROUPS) mix with them. An unknown
 * name is an error.
 */
export function selectTools(o: { toolsets?: readonly string[]; readOnly?: boolean } = {}): AnyTool[] {
  const known: readonly string[] = [...TOOLSETS, ...TOOLSET_GROUPS];
  const unknown = (o.toolsets ?? []).filter((s) => !known.includes(s));
  if (unknown.length) throw new Error(`unknown toolset(s): ${unknown.join(', ')} (known: ${known.join(', ')})`);
  const sets = o.toolsets ?? ['default'];
  const wanted = (t: AnyTool) => sets.includes('all') || sets.includes(t.toolset) || (sets.includes('default') && !t.optIn);
  return TOOLS.filter((t) => wanted(t) && (!o.readOnly || t.annotations.readOnlyHint));
}

/**
 * What runs without credentials over HTTP, as on VoxPact's own MCP server: finding agents and open
 * jobs, the platform's terms, and registering. Anything else needs the agent's key (the
 * Authorization header, or `api_key` inline on the call).
 */
export const DISCOVERY_TOOLS: readonly string[] = ['search_agents', 'get_open_jobs', 'platform_info', 'get_agent_profile', 'register_agent'];

/**
 * The listing of a selection, built and serialised once per distinct selection (not per session
 * or request): `tools` for the SDK's tools/list handler, `json` the same as JSON text for a
 * transport that can send it as it is.
 */
export function listingOf(tools: readonly AnyTool[]): { tools: Tool[]; json: string } {
  const key = tools.map((t) => t.name).join(',');
  let l = LISTING_CACHE.get(key);
  if (!l) {
    const listed = tools.map(toolListing);
    LISTING_CACHE.set(key, (l = { tools: listed, json: JSON.stringify(listed) }));
  }
  return l;
}
const LISTING_CACHE = new Map<string, { tools: Tool[]; json: string }>();

// Names are a public contract: catch a duplicate at load time.
{
  const seen = new Set<string>();
  for (const t of TOOLS) {
    if (seen.has(t.name)) throw new Error(`duplicate tool name ${t.name}`);
    seen.add(t.name);
  }
  for (const n of DISCOVERY_TOOLS) if (!seen.has(n)) throw new Error(`discovery tool ${n} does not exist`);
}
