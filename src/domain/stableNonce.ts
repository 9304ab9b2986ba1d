import { createHash } from 'node:crypto';

/** Discord rejects a message nonce longer than this. */
export const maxNonceLength = 25;

/**
 * The same parts always give the same nonce, so a message re-sent after a crash is recognised by Discord (with
 * enforce_nonce) instead of being posted twice. Hashed to stay within Discord's limit however long the parts are;
 * the prefix keeps the nonces of different kinds of message apart.
 */
export function stableNonce(prefix: string, ...parts: ReadonlyArray<string | number>): string {
  const digest = createHash('sha256').update(parts.join(':')).digest('base64url');
  return `${prefix}${digest}`.slice(0, maxNonceLength);
}
