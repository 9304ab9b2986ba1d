import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';
import type { CalendarSession } from '../domain/watchparty/calendar.js';
import { episodesLine, gateFor } from './scheduleGate.js';
import { upcomingSessions } from './upcomingSessions.js';

const calendarDays = 60;
const calendarSessionsPerSchedule = 10;

// ical-generator loads on first use, as chrono-node does for scheduling.
/** `/watchparty calendar`: the next 60 days of sessions as an .ics file, each at the asker's own progress. */
export async function calendarFile(invocation: Invocation, context: BotContext): Promise<Reply> {
  const { buildCalendar } = await import('../domain/watchparty/calendar.js');
  const now = context.now();
  const until = new Date(now.getTime() + calendarDays * 24 * 60 * 60_000);
  const sessions: CalendarSession[] = [];
  for (const schedule of await context.schedules.listOpen(invocation.guildId)) {
    if (schedule.status !== 'active') continue;
    const progress = await gateFor(context, invocation, schedule, 'asker-only');
    for (const [sessionsAhead, session] of upcomingSessions(schedule, now, calendarSessionsPerSchedule, until).entries()) {
      const covered = await episodesLine(context, schedule, progress, sessionsAhead);
      sessions.push({
        id: `schedule-${schedule.id}-occurrence-${session.occurrenceIndex}`,
        title: schedule.title,
        start: session.start,
        end: session.end,
        description: covered ? `Watch party, planned: ${covered}.` : 'Watch party.',
        location: `https://discord.com/channels/${invocation.guildId}/${schedule.channelId}`,
      });
    }
  }
  sessions.sort((a, b) => a.start.getTime() - b.start.getTime());
  if (sessions.length === 0) return ephemeralText('There are no upcoming sessions to put in a calendar yet.');
  // Named after the series where the bot serves one; with several, each session names its own.
  const [only, ...others] = context.series.list();
  const calendarName = only && others.length === 0 ? `${only.title} watch parties` : 'Watch parties';
  return {
    ephemeral: true,
    content: `${sessions.length} upcoming session${sessions.length === 1 ? '' : 's'} in the next ${calendarDays} days. Open the file with your calendar app; import it again after changes and the sessions update in place.`,
    files: [{ name: 'watch-parties.ics', data: buildCalendar(sessions, { name: calendarName, now }), description: 'Upcoming watch-party sessions' }],
  };
}

