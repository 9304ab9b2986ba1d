/**
 * When the sessions of a schedule happen. Repeats keep the local wall-clock time in the schedule's zone,
 * so a weekly 20:00 Europe/London session is at 20:00 in both summer and winter.
 *
 * Daylight-saving edges follow luxon: a local time that does not exist (the spring gap, e.g. 01:30 on
 * 30 March 2025 in London) moves forward by the length of the gap (to 02:30 BST); a local time that
 * happens twice (the autumn overlap) keeps the UTC offset of the first session, so a schedule that
 * began in summer takes the first 01:30 and one that began in winter takes the second.
 */
import { DateTime } from 'luxon';

export const repeatKinds = ['none', 'daily', 'weekly'] as const;
export type Repeat = (typeof repeatKinds)[number];

export interface Schedule {
  readonly firstStart: Date;
  readonly zone: string;
  readonly repeat: Repeat;
}

export interface Occurrence {
  /** 0 for the first session, counting up by one per repeat. */
  readonly index: number;
  readonly start: Date;
}

const stepByRepeat = { none: null, daily: 'days', weekly: 'weeks' } as const satisfies Record<
  Repeat,
  'days' | 'weeks' | null
>;
const approximateStepDays = { days: 1, weeks: 7 } as const;
const millisecondsPerDay = 24 * 60 * 60 * 1000;

/** The start of session number `index`, or null when the schedule has no such session. */
export function occurrenceAt(schedule: Schedule, index: number): Date | null {
  if (!Number.isInteger(index) || index < 0) return null;
  const step = stepByRepeat[schedule.repeat];
  if (step === null) return index === 0 ? schedule.firstStart : null;
  // Always counted from the first start, never from the previous session, so a start pushed forward
  // by a spring gap does not drag the following sessions with it.
  return DateTime.fromJSDate(schedule.firstStart, { zone: schedule.zone })
    .plus({ [step]: index })
    .toJSDate();
}

/** Sessions starting at or after `from`, in order; endless for repeating schedules. */
export function* occurrencesFrom(schedule: Schedule, from: Date): Generator<Occurrence> {
  for (let index = firstIndexFrom(schedule, from); ; index++) {
    const start = occurrenceAt(schedule, index);
    if (start === null) return;
    if (start >= from) yield { index, start };
  }
}

/** The next `count` sessions starting strictly after `after`. */
export function nextOccurrences(schedule: Schedule, after: Date, count: number): Occurrence[] {
  const found: Occurrence[] = [];
  if (count <= 0) return found;
  for (const occurrence of occurrencesFrom(schedule, after)) {
    if (occurrence.start > after) found.push(occurrence);
    if (found.length === count) break;
  }
  return found;
}

/**
 * An index at or before the first session starting at `from`, found by arithmetic instead of walking
 * from the first start. One step of slack covers daylight-saving shifts, which are far shorter than a day.
 */
function firstIndexFrom(schedule: Schedule, from: Date): number {
  const step = stepByRepeat[schedule.repeat];
  if (step === null) return 0;
  const stepMilliseconds = approximateStepDays[step] * millisecondsPerDay;
  const stepsElapsed = Math.floor((from.getTime() - schedule.firstStart.getTime()) / stepMilliseconds);
  return Math.max(0, stepsElapsed - 1);
}
