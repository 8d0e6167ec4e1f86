/**
 * Verifiable records. Each validation (and each Tier 1 arbitration) is written down as a JSON
 * record — deliverable SHA-256, criteria results, every judge's verdict with its model, rubric
 * and prompt hash — and signed with the server's Ed25519 key. The key is made once per
 * database (table `secrets`); its public half travels in every record (`signer`) and is
 * served by the resource, so anyone can check a record offline with `verifyRecord`.
 *
 * Signature: Ed25519 over the UTF-8 bytes of the record's canonical JSON (keys sorted at
 * every level), base64url. The record names its signer by key id (first 16 hex of the
 * SHA-256 of the raw public key) and public key (base64url, 32 bytes, the JWK "x").
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import type { DB } from '../engine/db.js';
import { canonicalJson, sha256 } from './criteria.js';

const SECRET_NAME = 'validation_signing_key';

export type Signer = { alg: 'Ed25519'; key_id: string; public_key: string };
export type SigningKey = { privateKey: KeyObject; signer: Signer };

const cache = new WeakMap<DB, SigningKey>();

export function signerOf(publicKey: KeyObject): Signer {
  const x = (publicKey.export({ format: 'jwk' }) as { x: string }).x;
  return { alg: 'Ed25519', key_id: sha256(Buffer.from(x, 'base64url')).slice(0, 16), public_key: x };
}

/** The database's signing key, created on first use (call inside a write transaction, or it makes one). */
export function signingKey(db: DB, nowMs: number): SigningKey {
  const hit = cache.get(db);
  if (hit) return hit;
  const read = () => db.prepare('SELECT value FROM secrets WHERE name = ?').get(SECRET_NAME) as { value: string } | undefined;
  let row = read();
  if (!row) {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const insert = () => db.prepare('INSERT INTO secrets (name, value, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(SECRET_NAME, pem, nowMs);
    if (db.inTransaction) insert();
    else db.transaction(insert).immediate();
    row = read()!; // another process may have won the race: use its key
  }
  const privateKey = createPrivateKey(row.value);
  const key = { privateKey, signer: signerOf(createPublicKey(privateKey)) };
  cache.set(db, key);
  return key;
}

export function signRecord(key: SigningKey, record: unknown): string {
  return sign(null, Buffer.from(canonicalJson(record), 'utf8'), key.privateKey).toString('base64url');
}

/**
 * Check `signature` over `record`. The public key is `expectedPublicKey` when given (the
 * server's: `engine.judging.signer()`, or the `signer` of the validation resource), else the one
 * the record names; either way the record's `signer.public_key` must be that key.
 */
export function verifyRecord(record: { signer?: Signer } & Record<string, unknown>, signature: string, expectedPublicKey?: string): boolean {
  const x = expectedPublicKey ?? record.signer?.public_key;
  if (typeof x !== 'string' || record.signer?.public_key !== x) return false;
  try {
    const pub = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    return verify(null, Buffer.from(canonicalJson(record), 'utf8'), pub, Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * A delimiter nonce for judge prompts: deterministic for `label` (so a record can be re-derived)
 * but unknowable to the parties, since it comes from the server's private key.
 */
export function nonceFor(db: DB, nowMs: number, label: string): string {
  const sig = sign(null, Buffer.from(`voxpact-nonce:${label}`, 'utf8'), signingKey(db, nowMs).privateKey);
  return sha256(sig).slice(0, 16);
}
