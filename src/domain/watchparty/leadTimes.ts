/**
 * Reminder lead times as a server admin types them: `24h,1h,0` means one day, one hour and zero minutes
 * before each session.
 */

export const maxLeadTimes = 5;
export const maxLeadMinutes = 7 * 24 * 60;
export const defaultLeadTimes = '24h,1h,0';

const minutesPerUnit = { d: 24 * 60, h: 60, m: 1 } as const;
type Unit = keyof typeof minutesPerUnit;

const example =
  'Write lead times separated by commas, like `24h,1h,0` or `2d,90m,0` (d = days, h = hours, m = minutes).';
const leadTimePattern = /^(?:\d+[dhm])+$/;
const leadTimePart = /(\d+)([dhm])/g;

export type LeadTimesResult =
  | {
      ok: true;
      minutes: number[];
      /** The lead times in the order of `minutes`, as the user wrote them (`1 hour before`), to echo back. */
      asTyped: string[];
    }
  | { ok: false; reason: string };

/** Unit words people write, and the letter each stands for. */
const unitWords: Array<[RegExp, Unit]> = [
  [/(\d)\s*(?:days?)\b/g, 'd'],
  [/(\d)\s*(?:hours?|hrs?)\b/g, 'h'],
  [/(\d)\s*(?:minutes?|mins?)\b/g, 'm'],
];

/** `1 hour 30 minutes before` -> `1h30m`: the compact form the lead time pattern reads. */
function compact(piece: string): string {
  let text = piece.toLowerCase().replace(/\b(?:before|and)\b/g, ' ');
  for (const [word, unit] of unitWords) text = text.replace(word, `$1${unit}`);
  return text.replace(/\s+/g, '');
}

/**
 * Minutes before the start, largest first and without repeats; `1h30m` and `1 hour before` are allowed,
 * a bare number only as `0`.
 */
export function parseLeadTimes(text: string): LeadTimesResult {
  const pieces = text
    .split(',')
    .map((piece) => piece.trim().replace(/\s+/g, ' '))
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return { ok: false, reason: `No lead times given. ${example}` };

  const typedByMinutes = new Map<number, string>();
  for (const piece of pieces) {
    const parsed = minutesOf(compact(piece));
    if (parsed === null) return { ok: false, reason: `I can't read \`${piece}\` as a lead time. ${example}` };
    if (parsed > maxLeadMinutes) {
      return { ok: false, reason: `\`${piece}\` is too far ahead: reminders can start at most 7 days before.` };
    }
    if (!typedByMinutes.has(parsed)) typedByMinutes.set(parsed, piece);
  }
  if (typedByMinutes.size > maxLeadTimes) {
    return { ok: false, reason: `That's ${typedByMinutes.size} lead times; at most ${maxLeadTimes} are allowed.` };
  }
  const minutes = [...typedByMinutes.keys()].sort((a, b) => b - a);
  return { ok: true, minutes, asTyped: minutes.map((lead) => typedByMinutes.get(lead) ?? formatLeadTime(lead)) };
}

function minutesOf(piece: string): number | null {
  if (piece === '0') return 0;
  if (!leadTimePattern.test(piece)) return null;
  let total = 0;
  for (const [, amount, unit] of piece.matchAll(leadTimePart)) total += Number(amount) * minutesPerUnit[unit as Unit];
  return total;
}

/**
 * The inverse of parseLeadTimes, for showing the current setting: `[1440, 90, 0]` -> `24h,1h30m,0`. Whole
 * days from two days on, as people say "24 hours before" but "2 days before".
 */
export function formatLeadTimes(minutes: readonly number[]): string {
  return minutes.map(formatLeadTime).join(',');
}

function formatLeadTime(minutes: number): string {
  if (minutes === 0) return '0';
  const units = Object.entries(minutesPerUnit).filter(([unit]) => unit !== 'd' || minutes >= 2 * minutesPerUnit.d);
  let remaining = minutes;
  let text = '';
  for (const [unit, size] of units) {
    const amount = Math.floor(remaining / size);
    if (amount > 0) text += `${amount}${unit}`;
    remaining -= amount * size;
  }
  return text;
}
