import { DateTime } from 'luxon';
import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';

async function startOfMonth(context: BotContext, guildId: string): Promise<Date> {
  const zone = (await context.settings.get(guildId)).timeZone ?? 'UTC';
  return DateTime.fromJSDate(context.now()).setZone(zone).startOf('month').toJSDate();
}

/** `/trivia leaderboard`: the server's top players, all time or this month (in the server's time zone). */
export async function leaderboardReply(invocation: Invocation<{ period: 'all' | 'month' }>, context: BotContext): Promise<Reply> {
  const { period } = invocation.options;
  const since = period === 'month' ? await startOfMonth(context, invocation.guildId) : null;
  const entries = await context.quizzes.leaderboard(invocation.guildId, since);
  const when = period === 'month' ? 'this month' : 'all time';
  if (entries.length === 0) return ephemeralText(`Nobody has trivia points ${when} yet. Start a quiz with \`/trivia start\`!`);
  const lines = entries.map(
    (entry, index) =>
      `**${index + 1}.** <@${entry.userId}>: ${entry.points} points (${entry.correctAnswers} correct in ${entry.quizzes} ${entry.quizzes === 1 ? 'quiz' : 'quizzes'})`,
  );
  return { embeds: [{ title: `Trivia leaderboard: ${when}`, description: lines.join('\n'), color: 0xfee75c }] };
}

/** `/trivia stats`: the member's own record in this server, for their eyes only. */
export async function memberStatsReply(invocation: Invocation, context: BotContext): Promise<Reply> {
  const stats = await context.quizzes.memberStats(invocation.guildId, invocation.actor.userId);
  if (stats.answered === 0) return ephemeralText('You have not answered a trivia question in this server yet. Join the next `/trivia start`!');
  const share = Math.round((100 * stats.correct) / stats.answered);
  return ephemeralText(
    `Your trivia here: **${stats.answered}** answered, **${stats.correct}** correct (${share}%), best streak **${stats.bestStreak}**, ` +
      `${stats.points} points over ${stats.quizzes} ${stats.quizzes === 1 ? 'quiz' : 'quizzes'}.`,
  );
}
