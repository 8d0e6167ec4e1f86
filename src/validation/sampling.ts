/**
 * Who can judge through MCP sampling: the MCP server (src/server.ts) registers an agent's
 * session here when its client declared the `sampling` capability, and unregisters it when
 * the session closes. The validation service (service.ts) asks this registry for the buyer's
 * provider. In-process only; other processes on the same database learn that the buyer can
 * sample from the `sampling_presence` heartbeat the service writes for the agents registered here.
 */
import type { RequestOptions, CreateMessageRequestParamsBase, CreateMessageResult } from '@modelcontextprotocol/server';

export interface SamplingProvider {
  createMessage(params: CreateMessageRequestParamsBase, options?: RequestOptions): Promise<CreateMessageResult>;
}

const providers = new Map<string, SamplingProvider[]>();

/** Register `provider` for `agentId`; returns the function that unregisters it. The newest session is asked first. */
export function registerSamplingProvider(agentId: string, provider: SamplingProvider): () => void {
  const list = providers.get(agentId) ?? [];
  list.unshift(provider);
  providers.set(agentId, list);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    const l = (providers.get(agentId) ?? []).filter((p) => p !== provider);
    if (l.length) providers.set(agentId, l);
    else providers.delete(agentId);
  };
}

export function samplingProviderFor(agentId: string): SamplingProvider | null {
  return providers.get(agentId)?.[0] ?? null;
}

/** Agents with a sampling-capable session in this process. */
export function samplingAgents(): string[] {
  return [...providers.keys()];
}

/**
 * What src/server.ts calls once the client is initialised: register the session when the
 * client can sample. `server` is the SDK's low-level Server (McpServer.server).
 */
export function registerIfSampling(agentId: string, server: { getClientCapabilities(): { sampling?: unknown } | undefined; createMessage(p: CreateMessageRequestParamsBase, o?: RequestOptions): Promise<CreateMessageResult> }): (() => void) | null {
  if (!server.getClientCapabilities()?.sampling) return null;
  return registerSamplingProvider(agentId, { createMessage: (p, o) => server.createMessage(p, o) });
}
