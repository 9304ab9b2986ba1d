import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';
import { safeUpToLabel } from '../domain/episodeLabels.js';
import { standings, stopQuiz } from '../domain/trivia/index.js';
import { mayStopQuiz } from '../domain/trivia/stopRule.js';
import { finalMessage } from './quizMessages.js';

/** `/trivia stop`: ends the channel's quiz, for its starter or Manage Server; the reply announces the end. */
export async function stopRunningQuiz(invocation: Invocation, context: BotContext): Promise<Reply> {
  const quiz = await context.quizzes.runningInChannel(invocation.channelId);
  if (!quiz) return ephemeralText('There is no quiz running in this channel. Start one with `/trivia start`.');
  if (!mayStopQuiz(quiz.state.starterId, invocation.actor)) {
    return ephemeralText(`Only <@${quiz.state.starterId}>, who started this quiz, or someone with Manage Server can stop it.`);
  }
  const stopped = await context.quizzes.save(quiz.quizId, stopQuiz(quiz.state, context.now()).state, { endReason: 'stopped' });
  // This reply is the end announcement; the quiz runner only tidies the open question's message.
  await context.quizzes.markEndAnnounced(quiz.quizId);
  const safeLabel = safeUpToLabel(stopped.progress, context.series.byId(stopped.seriesId)?.knowledge.seasons() ?? []);
  return finalMessage('stopped', standings(stopped.state), safeLabel, invocation.actor.userId);
}
