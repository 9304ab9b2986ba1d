import * as z from 'zod';
import { customId } from '../discord/customId.js';
import { rsvpAnswers } from '../domain/watchparty/rsvp.js';
import type { RsvpAnswer } from '../domain/watchparty/rsvp.js';
import type { ReminderKey } from '../domain/watchparty/storedSchedule.js';

/*
 * The custom ids of a reminder's buttons, built and read here only:
 *   rsvp:<schedule>:<session>:<lead>:<answer>      the lead only tells the reminder messages apart
 *   finished:<schedule>:<session>:<last episode>:<series>   "Yes, we finished episode N" of that series (buttons
 *                                                   posted before several series have no series)
 */

export const rsvpComponentName = 'rsvp';
export const finishedComponentName = 'finished';

const count = z.string().regex(/^\d{1,9}$/).transform(Number);
const lead = z.string().regex(/^-?\d{1,6}$/).transform(Number);

export function rsvpButtonId(key: ReminderKey, answer: RsvpAnswer): string {
  return customId(rsvpComponentName, key.scheduleId, key.occurrenceIndex, key.leadMinutes, answer);
}

export const rsvpButtonArguments = z
  .tuple([count, count, lead, z.enum(rsvpAnswers)])
  .transform(([scheduleId, occurrenceIndex, leadMinutes, answer]) => ({ key: { scheduleId, occurrenceIndex, leadMinutes }, answer }));

export function finishedButtonId(scheduleId: number, occurrenceIndex: number, lastEpisode: number, seriesId: string): string {
  return customId(finishedComponentName, scheduleId, occurrenceIndex, lastEpisode, seriesId);
}

export const finishedButtonArguments = z
  .union([z.tuple([count, count, count]), z.tuple([count, count, count, z.string().regex(/^[a-z0-9-]{1,60}$/)])])
  .transform(([scheduleId, occurrenceIndex, lastEpisode, seriesId]) => ({ scheduleId, occurrenceIndex, lastEpisode, seriesId }));

/** The start of a custom id that only the message of this reminder carries (the separator keeps `:6` from matching `:60`). */
export function reminderSignature(key: ReminderKey): string {
  const id =
    key.leadMinutes < 0
      ? customId(finishedComponentName, key.scheduleId, key.occurrenceIndex)
      : customId(rsvpComponentName, key.scheduleId, key.occurrenceIndex, key.leadMinutes);
  return `${id}:`;
}
