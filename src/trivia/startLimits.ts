import type { QuizStartRepository } from '../storage/quizStartRepository.js';

/**
 * How much trivia one server and one member may run. All quizzes share one tick and the bot's REST budget, so
 * without these one member could run a quiz in every channel, or stop and restart in a loop, and slow every server.
 */
export const triviaStartLimits = {
  runningPerServer: 3,
  runningPerStarter: 1,
  cooldownMilliseconds: 60_000,
} as const;

/** Quizzes are deleted this long after they end; their scores and answers stay for the leaderboard and stats. */
export const quizRetentionMilliseconds = 30 * 24 * 60 * 60_000;

/** Why this member may not start a quiz in this server now, or null. */
export async function triviaStartRefusal(starts: QuizStartRepository, guildId: string, starterId: string, now: Date): Promise<string | null> {
  if ((await starts.runningBy(guildId, starterId)) >= triviaStartLimits.runningPerStarter) {
    return 'You already have a quiz running in this server. Let it finish, or end it with `/trivia stop` in its channel, before starting another.';
  }
  if ((await starts.runningInGuild(guildId)) >= triviaStartLimits.runningPerServer) {
    return `This server already has ${triviaStartLimits.runningPerServer} quizzes running, the most at once. Jump into one, or start yours when one ends.`;
  }
  const last = await starts.lastStartBy(guildId, starterId);
  const waitMilliseconds = last === null ? 0 : last.getTime() + triviaStartLimits.cooldownMilliseconds - now.getTime();
  if (waitMilliseconds > 0) {
    const seconds = Math.ceil(waitMilliseconds / 1000);
    return `You started a quiz a moment ago. You can start another in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;
  }
  return null;
}
