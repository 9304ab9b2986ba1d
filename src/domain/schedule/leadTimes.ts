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

export type LeadTimesResult = { ok: true; minutes: number[] } | { ok: false; reason: string };

/** Minutes before the start, largest first and without repeats; `1h30m` is allowed, a bare number only as `0`. */
export function parseLeadTimes(text: string): LeadTimesResult {
  const pieces = text
    .split(',')
    .map((piece) => piece.toLowerCase().replace(/\s+/g, ''))
    .filter((piece) => piece !== '');
  if (pieces.length === 0) return { ok: false, reason: `No lead times given. ${example}` };

  const minutes = new Set<number>();
  for (const piece of pieces) {
    const parsed = minutesOf(piece);
    if (parsed === null) return { ok: false, reason: `I can't read \`${piece}\` as a lead time. ${example}` };
    if (parsed > maxLeadMinutes) {
      return { ok: false, reason: `\`${piece}\` is too far ahead: reminders can start at most 7 days before.` };
    }
    minutes.add(parsed);
  }
  if (minutes.size > maxLeadTimes) {
    return { ok: false, reason: `That's ${minutes.size} lead times; at most ${maxLeadTimes} are allowed.` };
  }
  return { ok: true, minutes: [...minutes].sort((a, b) => b - a) };
}

function minutesOf(piece: string): number | null {
  if (piece === '0') return 0;
  if (!leadTimePattern.test(piece)) return null;
  let total = 0;
  for (const [, amount, unit] of piece.matchAll(leadTimePart)) total += Number(amount) * minutesPerUnit[unit as Unit];
  return total;
}

/** The inverse of parseLeadTimes, for showing the current setting: `[1440, 90, 0]` -> `1d,1h30m,0`. */
export function formatLeadTimes(minutes: readonly number[]): string {
  return minutes.map(formatLeadTime).join(',');
}

function formatLeadTime(minutes: number): string {
  if (minutes === 0) return '0';
  let remaining = minutes;
  let text = '';
  for (const [unit, size] of Object.entries(minutesPerUnit)) {
    const amount = Math.floor(remaining / size);
    if (amount > 0) text += `${amount}${unit}`;
    remaining -= amount * size;
  }
  return text;
}
