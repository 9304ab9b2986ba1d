import { DateTime } from 'luxon';
import { formatLeadTimes } from '../domain/watchparty/leadTimes.js';
import type { Schedule } from '../domain/watchparty/recurrence.js';

const repeatPhrases: Record<Schedule['repeat'], (local: DateTime) => string> = {
  none: () => 'once',
  daily: (local) => `every day at ${local.toFormat('HH:mm')} ${local.zoneName}`,
  weekly: (local) => `every ${local.setLocale('en-GB').toFormat('cccc')} at ${local.toFormat('HH:mm')} ${local.zoneName}`,
};

/** `once`, `every day at 20:00 Europe/London`, `every Saturday at 20:00 Europe/London`. */
export function describeRepeat(schedule: Schedule): string {
  return repeatPhrases[schedule.repeat](DateTime.fromJSDate(schedule.firstStart, { zone: schedule.zone }));
}

/** `1d before, 1h before and at the start`; the negative lead (the "finished?" prompt) is left out. */
export function describeLeadTimes(leadMinutes: readonly number[]): string {
  const parts = leadMinutes
    .filter((minutes) => minutes >= 0)
    .map((minutes) => (minutes === 0 ? 'at the start' : `${formatLeadTimes([minutes])} before`));
  if (parts.length <= 1) return parts[0] ?? 'never';
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/** `Saturday 7 March 2026, 20:00 Europe/London`: a session's start in its own zone. */
export function describeStart(schedule: Schedule): string {
  const local = DateTime.fromJSDate(schedule.firstStart, { zone: schedule.zone });
  return `${local.setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')} ${local.zoneName}`;
}
