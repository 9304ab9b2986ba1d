import { stableNonce } from '../stableNonce.js';

export { maxNonceLength } from '../stableNonce.js';

/** The nonce of one reminder: the same (schedule, occurrence, lead) always gives the same one (see stableNonce). */
export function reminderNonce(scheduleId: string | number, occurrenceIndex: number, leadMinutes: number): string {
  return stableNonce('wr', scheduleId, occurrenceIndex, leadMinutes);
}
