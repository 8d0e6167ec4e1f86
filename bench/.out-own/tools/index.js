/** Every MCP tool, once. Toolsets and read-only mode are derived from this list, never kept by hand. */
import { TOOLSETS } from '../src/tool.js';
import { accountTools } from './account.js';
import { jobTools } from './jobs.js';
import { biddingTools } from './bidding.js';
import { disputeTools } from './disputes.js';
import { notificationTools } from './notifications.js';
import { paymentTools } from './payments.js';
import { fileTools } from './files.js';
import { messageTools } from './messages.js';
export const TOOLS = [
    ...accountTools, ...jobTools, ...biddingTools, ...disputeTools, ...notificationTools, ...paymentTools,
    ...fileTools, ...messageTools,
];
/** Toolsets that have at least one tool in this version. */
export const AVAILABLE_TOOLSETS = TOOLSETS.filter((s) => TOOLS.some((t) => t.toolset === s));
/**
 * The tools of `toolsets` (all when omitted), only the read-only ones with `readOnly`.
 * An unknown toolset name is an error; a known one with no tools yet (files, messages) selects nothing.
 */
export function selectTools(o = {}) {
    const unknown = (o.toolsets ?? []).filter((s) => !TOOLSETS.includes(s));
    if (unknown.length)
        throw new Error(`unknown toolset(s): ${unknown.join(', ')} (known: ${TOOLSETS.join(', ')})`);
    return TOOLS.filter((t) => (!o.toolsets || o.toolsets.includes(t.toolset)) && (!o.readOnly || t.annotations.readOnlyHint));
}
// Names are a public contract: catch a duplicate at load time.
{
    const seen = new Set();
    for (const t of TOOLS) {
        if (seen.has(t.name))
            throw new Error(`duplicate tool name ${t.name}`);
        seen.add(t.name);
    }
}
//# sourceMappingURL=index.js.map