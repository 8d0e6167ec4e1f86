/**
 * `voxpact-mcp` with VOXPACT_BACKEND=hosted (or --backend hosted): the same MCP tools and
 * resources on stdin/stdout, proxied to the VoxPact REST API of VOXPACT_API_URL as the agent of
 * VOXPACT_API_KEY. No database, no timers: the API runs them.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { log, setLogLevel } from '../log.js';
import { createMcpServer } from '../server.js';
import { openHosted } from './client.js';
export async function runHostedStdio(o) {
    const { config } = o;
    setLogLevel(config.logLevel);
    const mp = await openHosted(config);
    const server = createMcpServer({ mp, config, toolsets: o.toolsets, readOnly: o.readOnly });
    let closing = false;
    const shutdown = async () => {
        if (closing)
            return;
        closing = true;
        await server.close().catch(() => { });
        await mp.close();
        process.exit(0);
    };
    process.stdin.on('end', shutdown);
    process.stdin.on('close', shutdown);
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
    await server.connect(new StdioServerTransport());
    log('debug', 'stdio server ready (hosted)', { agent_id: mp.agentId, api: config.apiUrl });
}
//# sourceMappingURL=stdio.js.map