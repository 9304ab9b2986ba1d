import { DateTime } from 'luxon';

/** "3 December 2018" for an ISO date from the pack; the text as given when it is not a date. */
export function readableDate(isoDate: string): string {
  const date = DateTime.fromISO(isoDate, { zone: 'utc', locale: 'en-GB' });
  return date.isValid ? date.toFormat('d MMMM yyyy') : isoDate;
}
