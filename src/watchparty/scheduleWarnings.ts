import { discordTimestamp } from '../domain/watchparty/discordTimestamp.js';
import type { KnowledgeRepository } from '../storage/knowledge/knowledgeRepository.js';
import type { StoredSchedule } from '../domain/watchparty/storedSchedule.js';
import { upcomingSessions } from './upcomingSessions.js';

/** Sessions of each schedule compared for overlaps: weeks of weekly repeats, enough to catch a clash. */
const sessionsCompared = 10;

/** `⚠️ …` when a session asks for more episodes than the series has left after the party's progress. */
export function episodesLeftWarning(knowledge: KnowledgeRepository, progress: number, episodes: number): string | null {
  const left = knowledge.episodeCount() - progress;
  if (left <= 0 || episodes <= left) return null;
  return `⚠️ Only ${left} episode${left === 1 ? ' is' : 's are'} left after where the party is, so this session covers ${left === 1 ? 'it' : 'those'}, not ${episodes}.`;
}

/** `⚠️ …` naming the first session of another schedule in the same channel that overlaps one of this schedule's. */
export function overlapWarning(schedule: StoredSchedule, others: readonly StoredSchedule[], now: Date): string | null {
  const mine = upcomingSessions(schedule, now, sessionsCompared);
  for (const other of others) {
    if (other.id === schedule.id || other.channelId !== schedule.channelId || other.status !== 'active') continue;
    for (const theirs of upcomingSessions(other, now, sessionsCompared)) {
      const clash = mine.find((session) => session.start < theirs.end && theirs.start < session.end);
      if (clash) {
        return `⚠️ It overlaps **${other.title}** (id ${other.id}) in <#${other.channelId}> at ${discordTimestamp(theirs.start, 'F')}. Cancel one with \`/watchparty cancel\` if that was not meant.`;
      }
    }
  }
  return null;
}
