/**
 * Which MCP protocol revision the test clients speak. vitest.config.ts runs the MCP suites twice:
 * once as 2025-11-25 clients (the handshake and sessions), once with VOXPACT_TEST_ERA=2026-07-28
 * (stateless requests); the few steps that differ between the two go through these helpers.
 */
import type { Client } from '@modelcontextprotocol/client';

export const ERA = process.env.VOXPACT_TEST_ERA === '2026-07-28' ? '2026-07-28' : '2025-11-25';
export const MODERN = ERA === '2026-07-28';

/** Client options for the revision under test (2026: pinned, no fallback to the handshake). */
export const eraOptions = () => (MODERN ? { versionNegotiation: { mode: { pin: '2026-07-28' as const } } } : {});

/**
 * Hear `notifications/resources/updated` for `uris`: resources/subscribe (2025), a
 * subscriptions/listen stream (2026). Returns what stops hearing them.
 */
export async function subscribe(client: Client, uris: string[]): Promise<() => Promise<void>> {
  if (MODERN) {
    const sub = await client.listen({ resourceSubscriptions: uris });
    if (sub.honoredFilter.resourceSubscriptions?.length !== uris.length) throw new Error(`listen honoured ${JSON.stringify(sub.honoredFilter)}`);
    return () => sub.close();
  }
  for (const uri of uris) await client.subscribeResource({ uri });
  return async () => {
    for (const uri of uris) await client.unsubscribeResource({ uri });
  };
}
