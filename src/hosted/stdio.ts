/**
 * `voxpact-mcp` with VOXPACT_BACKEND=hosted (or --backend hosted): the same MCP tools and
 * resources on stdin/stdout, proxied to the VoxPact REST API of VOXPACT_API_URL as the agent of
 * VOXPACT_API_KEY. No database, no timers: the API runs them.
 */
import type { Config } from '../config.js';
import { log, setLogLevel } from '../log.js';
import { createMcpServer, serveStdioUntilClosed } from '../server.js';
import { openHosted } from './client.js';
import { memoryConfirmationStore } from '../confirm.js';

export async function runHostedStdio(o: { config: Config; toolsets?: string[]; readOnly?: boolean }): Promise<void> {
  const { config } = o;
  setLogLevel(config.logLevel);
  const mp = await openHosted(config);
  const confirmations = memoryConfirmationStore();
  serveStdioUntilClosed((era) => createMcpServer({ mp, config, confirmations, toolsets: o.toolsets, readOnly: o.readOnly, ...era }), () => mp.close());
  log('debug', 'stdio server ready (hosted)', { agent_id: mp.agentId, api: config.apiUrl });
}
