import { createHash } from 'node:crypto';

/** Discord rejects a message nonce longer than this. */
export const maxNonceLength = 25;
const prefix = 'wr';

/**
 * The same (schedule, occurrence, lead) always gives the same nonce, so a reminder re-sent after a crash
 * is recognised by Discord (with enforce_nonce) instead of being posted twice. Hashed to stay within
 * Discord's limit however long the schedule id is.
 */
export function reminderNonce(scheduleId: string | number, occurrenceIndex: number, leadMinutes: number): string {
  const digest = createHash('sha256').update(`${scheduleId}:${occurrenceIndex}:${leadMinutes}`).digest('base64url');
  return `${prefix}${digest}`.slice(0, maxNonceLength);
}
