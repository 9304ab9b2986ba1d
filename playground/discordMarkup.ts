import { DateTime } from 'luxon';

/** What a Discord client knows when it draws a message: names for ids, the time now and the reader's zone. */
export interface MarkupContext {
  userName(id: string): string | undefined;
  channelName(id: string): string | undefined;
  roleName(id: string): string | undefined;
  now: Date;
  timeZone: string;
}

/** Discord's timestamp styles, drawn in British English with a 24-hour clock like the bot's own texts. */
const timestampFormats: Record<string, string> = {
  t: 'HH:mm',
  T: 'HH:mm:ss',
  d: 'dd/MM/yyyy',
  D: 'd LLLL yyyy',
  f: 'd LLLL yyyy HH:mm',
  F: 'cccc d LLLL yyyy HH:mm',
};

/**
 * How Discord words a time relative to now (the moment.js thresholds its client uses): `in a few seconds`,
 * `in a minute`, `in 2 minutes`, `in an hour`, `3 hours ago`, `in a day`, `in 5 days`, `in a month`.
 */
const relativeSteps: Array<{ below: number; words: (seconds: number) => string }> = [
  { below: 45, words: () => 'a few seconds' },
  { below: 90, words: () => 'a minute' },
  { below: 45 * 60, words: (seconds) => `${Math.round(seconds / 60)} minutes` },
  { below: 90 * 60, words: () => 'an hour' },
  { below: 22 * 3600, words: (seconds) => `${Math.round(seconds / 3600)} hours` },
  { below: 36 * 3600, words: () => 'a day' },
  { below: 26 * 86_400, words: (seconds) => `${Math.round(seconds / 86_400)} days` },
  { below: 45 * 86_400, words: () => 'a month' },
  { below: 320 * 86_400, words: (seconds) => `${Math.round(seconds / (30 * 86_400))} months` },
  { below: 548 * 86_400, words: () => 'a year' },
];

export function relativeTime(time: DateTime, now: DateTime): string {
  const seconds = time.diff(now, 'seconds').seconds;
  const distance = Math.abs(seconds);
  const step = relativeSteps.find((candidate) => distance < candidate.below);
  const words = step ? step.words(distance) : `${Math.round(distance / (365 * 86_400))} years`;
  return seconds > 0 ? `in ${words}` : `${words} ago`;
}

function timestamp(seconds: string, style: string | undefined, context: MarkupContext): string {
  const time = DateTime.fromSeconds(Number(seconds), { zone: context.timeZone }).setLocale('en-GB');
  if (style === 'R') return relativeTime(time, DateTime.fromJSDate(context.now, { zone: context.timeZone }));
  return time.toFormat(timestampFormats[style ?? 'f'] ?? timestampFormats['f']!);
}

/**
 * Mentions and timestamps as a Discord client shows them: `<@id>` → `@alice`, `<#id>` → `#general`,
 * `<@&id>` → `@Hosts`, `<t:…:R>` → `in 2 minutes`, `<t:…:F>` → a full date in the reader's zone.
 */
export function renderMarkup(text: string, context: MarkupContext): string {
  return text
    .replace(/<@!?(\d+)>/g, (_whole, id: string) => `@${context.userName(id) ?? 'unknown-user'}`)
    .replace(/<@&(\d+)>/g, (_whole, id: string) => `@${context.roleName(id) ?? 'deleted-role'}`)
    .replace(/<#(\d+)>/g, (_whole, id: string) => `#${context.channelName(id) ?? 'unknown'}`)
    .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_whole, seconds: string, style: string | undefined) => timestamp(seconds, style, context));
}
