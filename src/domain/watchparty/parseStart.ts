/**
 * Reads the `start` option of `/watchparty schedule`: an ISO 8601 time with offset, `YYYY-MM-DD HH:mm`
 * in the given zone, an everyday phrase (`tomorrow 20:00`, `saturday 8pm`, `in 90 minutes`), or `now`.
 */
import * as chrono from 'chrono-node';
import { DateTime, FixedOffsetZone } from 'luxon';
import { resolveTimeZone, timeZoneRefusal } from './timeZones.js';

export interface ParseStartOptions {
  /** The zone for times written without an offset: the user's choice, else the server's. */
  readonly zone: string;
  readonly now: Date;
}

export type ParseStartResult =
  | { ok: true; instant: Date; zone: string; interpretedAs: string }
  | { ok: false; reason: string };

type Reading = { ok: true; time: DateTime } | { ok: false; reason: string };

/** Ways to write a start, with a dated example a week from now so it is never in the past. */
function examples(now: Date, zone: string): string {
  return `for example \`${datedExample(now, zone)}\`, \`tomorrow 20:00\`, \`saturday 8pm\`, \`in 90 minutes\` or \`now\``;
}

function datedExample(now: Date, zone: string): string {
  return DateTime.fromJSDate(now, { zone }).plus({ weeks: 1 }).toFormat('yyyy-MM-dd') + ' 20:00';
}

const startingNow = /^(?:right\s+)?now$/i;
export const startingNowMargin = 10_000;
const isoLike = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * An offset written in the text decides the instant; the result's zone stays the named zone so repeats
 * follow its daylight saving. Local times in a spring gap move forward, as in recurrence.ts; a local time
 * that happens twice in autumn is read as winter time, the later of the two (luxon's choice).
 */
export function parseStart(text: string, { zone, now }: ParseStartOptions): ParseStartResult {
  const resolvedZone = resolveTimeZone(zone);
  if (resolvedZone.kind !== 'one') return { ok: false, reason: timeZoneRefusal(zone, resolvedZone) };
  const namedZone = resolvedZone.value;
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: `Tell me when the watch party starts, ${examples(now, namedZone)}.` };
  if (startingNow.test(trimmed)) {
    // A moment ahead, so the "starting now" reminder is still due after the schedule is stored.
    const time = DateTime.fromJSDate(now, { zone: namedZone }).plus({ milliseconds: startingNowMargin });
    return { ok: true, instant: time.toJSDate(), zone: namedZone, interpretedAs: `now, ${describe(time)}` };
  }

  const reading = readIsoLike(trimmed, namedZone, now) ?? readEverydayPhrase(trimmed, namedZone, now);
  if (!reading.ok) return reading;

  const time = reading.time.setZone(namedZone);
  const interpretedAs = describe(time);
  if (time.toMillis() <= now.getTime()) {
    return { ok: false, reason: `${interpretedAs} has already passed. Pick a time in the future, ${examples(now, namedZone)}.` };
  }
  if (time > DateTime.fromJSDate(now, { zone: namedZone }).plus({ years: 1 })) {
    return { ok: false, reason: `${interpretedAs} is more than a year away. Pick a time within the next year.` };
  }
  return { ok: true, instant: time.toJSDate(), zone: namedZone, interpretedAs };
}

/** `2025-06-01 20:00`, `2025-06-01T20:00:00+02:00`, `2025-06-01T19:00Z`; null for anything else. */
function readIsoLike(text: string, zone: string, now: Date): Reading | null {
  const match = isoLike.exec(text);
  if (!match) return null;
  const [, date, clock, offset = ''] = match;
  const time = DateTime.fromISO(`${date}T${clock}${offset.toUpperCase()}`, { zone });
  if (!time.isValid) {
    return { ok: false, reason: `\`${text}\` is not a real date and time. Check it, e.g. \`${datedExample(now, zone)}\`.` };
  }
  return { ok: true, time };
}

function readEverydayPhrase(text: string, zone: string, now: Date): Reading {
  const offsetNow = DateTime.fromJSDate(now, { zone }).offset;
  const [result] = chrono.parse(text, { instant: now, timezone: offsetNow });
  if (!result) return { ok: false, reason: `I can't read \`${text}\` as a time. Try ${examples(now, zone)}.` };

  const leftover = `${text.slice(0, result.index)} ${text.slice(result.index + result.text.length)}`.trim();
  if (/[\p{L}\p{N}]/u.test(leftover)) {
    return { ok: false, reason: `I understood \`${result.text}\` but not \`${leftover}\`. Try ${examples(now, zone)}.` };
  }
  const start = result.start;
  if (!start.isCertain('hour')) {
    return { ok: false, reason: `\`${text}\` needs a time of day, for example \`${result.text} 20:00\`.` };
  }
  // chrono's own date() applies the offset of *now*, which is wrong across a daylight-saving change, so
  // only its calendar fields are taken and luxon places them in the zone. A relative phrase or a written
  // zone (`in 90 minutes`, `8pm EST`) comes with a fixed offset, which is then the right one.
  const fields = {
    year: start.get('year') ?? undefined,
    month: start.get('month') ?? undefined,
    day: start.get('day') ?? undefined,
    hour: start.get('hour') ?? undefined,
    minute: start.get('minute') ?? undefined,
    second: start.get('second') ?? undefined,
    millisecond: start.get('millisecond') ?? undefined,
  };
  const writtenOffset = start.isCertain('timezoneOffset') ? start.get('timezoneOffset') : null;
  const placeIn = writtenOffset === null ? zone : FixedOffsetZone.instance(writtenOffset);
  let time = DateTime.fromObject(fields, { zone: placeIn });
  const step = forwardStep(start);
  while (step !== null && time.toMillis() <= now.getTime()) time = time.plus({ [step]: 1 });
  return { ok: true, time };
}

/**
 * How to move a phrase that left part of the date open into the future: `saturday 8pm` (chrono picks the
 * nearest Saturday, maybe a past one) to the coming one, `20:00` to the next 20:00, `1 june 8pm` to next year.
 * chrono's own forwardDate option does this, but compares times in the host's zone, so it is not used.
 */
function forwardStep(start: chrono.ParsedComponents): 'weeks' | 'days' | 'years' | null {
  if (!start.isCertain('day')) return start.isCertain('weekday') ? 'weeks' : 'days';
  return start.isCertain('year') ? null : 'years';
}

/** `Sunday 30 March 2025, 20:00 Europe/London (UTC+1)`: what the bot shows back so a misreading is obvious. */
function describe(time: DateTime): string {
  return `${time.setLocale('en-GB').toFormat('cccc d LLLL yyyy, HH:mm')} ${time.zoneName} (UTC${time.toFormat('Z')})`;
}
