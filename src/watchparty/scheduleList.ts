import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { discordTimestamp } from '../domain/watchparty/discordTimestamp.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { episodesLine, gateFor } from './scheduleGate.js';
import { describeRepeat } from './sessionText.js';
import { upcomingSessions } from './upcomingSessions.js';
import type { UpcomingSession } from './upcomingSessions.js';

const messageContentLimit = 2000;
/** Names shown per answer; the counts say how many more. */
const namesShown = 10;

async function rsvpSummary(context: BotContext, schedule: StoredSchedule, occurrenceIndex: number): Promise<string> {
  const counts = await context.rsvps.counts(schedule.id, occurrenceIndex);
  const summary = `RSVPs: ${counts.going} going, ${counts.maybe} maybe, ${counts.cant} can’t`;
  // Mentions show as names; replies allow no mentions, so nobody is pinged by a list.
  const names = async (answer: 'going' | 'maybe') =>
    (await context.rsvps.members(schedule.id, occurrenceIndex, answer, namesShown)).map((userId) => `<@${userId}>`).join(', ');
  const going = counts.going > 0 ? ` · Going: ${await names('going')}` : '';
  const maybe = counts.maybe > 0 ? ` · Maybe: ${await names('maybe')}` : '';
  return summary + going + maybe;
}

interface Listed {
  schedule: StoredSchedule;
  next: UpcomingSession | undefined;
}

async function sessionLines(invocation: Invocation, context: BotContext, { schedule, next }: Listed, now: Date): Promise<string> {
  const title = `**${schedule.title}** (id ${schedule.id})`;
  if (!next) return `• ${title}: no sessions left.`;
  const covered = await episodesLine(context, schedule, await gateFor(context, invocation, schedule, 'everyone'));
  const repeat = schedule.schedule.repeat === 'none' ? '' : `, ${describeRepeat(schedule.schedule)}`;
  const when =
    next.start <= now
      ? `now, since ${discordTimestamp(next.start, 't')}, until about ${discordTimestamp(next.end, 't')}`
      : `${discordTimestamp(next.start, 'F')} (${discordTimestamp(next.start, 'R')})`;
  return [
    `• ${title}: ${when}${repeat} in <#${schedule.channelId}>`,
    `  ${covered ? `${covered[0]?.toUpperCase()}${covered.slice(1)} · ` : ''}${await rsvpSummary(context, schedule, next.occurrenceIndex)}`,
  ].join('\n');
}

/** `/watchparty list`: sessions under way, then upcoming ones by their next start, then paused schedules. */
export async function listSchedules(invocation: Invocation, context: BotContext): Promise<Reply> {
  const now = context.now();
  const open = await context.schedules.listOpen(invocation.guildId);
  const paused = open
    .filter((schedule) => schedule.status === 'paused')
    .map((schedule) => `⏸️ **${schedule.title}** (id ${schedule.id}): paused. ${schedule.pausedReason ?? ''} A host can \`/watchparty resume id:${schedule.id}\`.`);
  const listed: Listed[] = open
    .filter((schedule) => schedule.status !== 'paused')
    .map((schedule) => ({ schedule, next: upcomingSessions(schedule, now, 1)[0] }))
    .sort((left, right) => (left.next?.start.getTime() ?? Infinity) - (right.next?.start.getTime() ?? Infinity) || left.schedule.id - right.schedule.id);
  const underWay = listed.filter(({ next }) => next !== undefined && next.start <= now);
  const upcoming = listed.filter((item) => !underWay.includes(item));
  const section = (heading: string, lines: string[]) => (lines.length > 0 ? [heading, ...lines] : []);
  const lines = [
    ...section('**Happening now**', await Promise.all(underWay.map((item) => sessionLines(invocation, context, item, now)))),
    ...section('**Upcoming watch parties**', await Promise.all(upcoming.map((item) => sessionLines(invocation, context, item, now)))),
    ...section('**Paused**', paused),
  ];
  if (lines.length === 0) return { content: 'No watch parties are scheduled. Hosts can start one with `/watchparty schedule start:saturday 8pm`.' };
  return { content: joinWithinLimit(lines, messageContentLimit) };
}

/** Whole lines up to Discord's limit, then how many were left out. */
function joinWithinLimit(lines: string[], limit: number): string {
  let text = '';
  for (const [index, line] of lines.entries()) {
    const more = `\n…and ${lines.length - index} more.`;
    if (text.length + line.length + 1 + more.length > limit) return text + more;
    text = text === '' ? line : `${text}\n${line}`;
  }
  return text;
}
