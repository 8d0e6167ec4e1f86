const providers = new Map();
/** Register `provider` for `agentId`; returns the function that unregisters it. The newest session is asked first. */
export function registerSamplingProvider(agentId, provider) {
    const list = providers.get(agentId) ?? [];
    list.unshift(provider);
    providers.set(agentId, list);
    let done = false;
    return () => {
        if (done)
            return;
        done = true;
        const l = (providers.get(agentId) ?? []).filter((p) => p !== provider);
        if (l.length)
            providers.set(agentId, l);
        else
            providers.delete(agentId);
    };
}
export function samplingProviderFor(agentId) {
    return providers.get(agentId)?.[0] ?? null;
}
/** Agents with a sampling-capable session in this process. */
export function samplingAgents() {
    return [...providers.keys()];
}
/**
 * What src/server.ts calls once the client is initialised: register the session when the
 * client can sample. `server` is the SDK's low-level Server (McpServer.server).
 */
export function registerIfSampling(agentId, server) {
    if (!server.getClientCapabilities()?.sampling)
        return null;
    return registerSamplingProvider(agentId, { createMessage: (p, o) => server.createMessage(p, o) });
}
//# sourceMappingURL=sampling.js.map