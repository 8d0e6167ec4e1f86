/**
 * The database side of MCP spending confirmations (src/confirm.ts): the HMAC key that every server
 * process on this database shares, so any of them can check a `requestState` another one issued,
 * and the record of spent states, so each is used once whichever process it is sent to.
 */
import type { ConfirmationStore } from '../confirm.js';
import type { Ctx } from './context.js';
import { writeTx } from './db.js';
import { identityOf } from './identity.js';

export function confirmationStore(ctx: Ctx): ConfirmationStore {
  let key: Uint8Array | null = null;
  return {
    // Derived from the database's own secret: nothing new to create, back up or share.
    key: () => (key ??= new Uint8Array(Buffer.from(identityOf(ctx).mac('mcp.requestState', 'key'), 'base64url'))),
    spendOnce: (nonce, expiresAtMs) => writeTx(ctx.db, () => {
      const now = ctx.clock.now();
      ctx.db.prepare('DELETE FROM spent_request_states WHERE expires_at < ?').run(Math.min(now, Date.now()) - 86_400_000);
      return ctx.db.prepare('INSERT INTO spent_request_states (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING').run(nonce, expiresAtMs).changes === 1;
    }),
  };
}
