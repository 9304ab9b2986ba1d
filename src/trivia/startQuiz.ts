import type { BotContext } from '../context.js';
import type { Invocation } from '../discord/invocation.js';
import type { Reply } from '../discord/reply.js';
import { ephemeralText } from '../discord/reply.js';
import { replyProgress } from '../discord/replyProgress.js';
import type { DifficultyFilter, QuestionScope } from '../domain/trivia/index.js';
import { triviaStartRefusal } from './startLimits.js';
import { latestEpisodeWindow, startTrivia } from './startTrivia.js';
import type { TriviaStartRequest } from './startTrivia.js';

function quizSummary(request: TriviaStartRequest, asked: number, shortfall: number): string {
  const about = request.scope === 'latest' ? `, about the last ${latestEpisodeWindow} episodes you finished` : '';
  const level = request.difficulty === 'any' ? '' : `, ${request.difficulty} ones`;
  const short = shortfall > 0 ? ` (only ${asked} fit these choices)` : '';
  return `**${asked} ${asked === 1 ? 'question' : 'questions'}**${short}, ${request.secondsPerQuestion} seconds each${about}${level}.`;
}

function noQuestionsReply(request: TriviaStartRequest): Reply {
  const suggestions = [
    request.scope === 'latest' ? '`scope:all`' : undefined,
    request.difficulty === 'any' ? undefined : 'another `difficulty` (or `any`)',
  ].filter((suggestion) => suggestion !== undefined);
  const next =
    suggestions.length > 0
      ? `Try ${suggestions.join(' or ')}.`
      : 'More questions unlock as your party watches further; try again after the next episode.';
  return ephemeralText(`I have no trivia questions that fit these choices yet. ${next}`);
}

const alreadyRunning = ephemeralText(
  'A quiz is already running in this channel: jump in on the current question! Its starter, or someone with Manage Server, can end it with `/trivia stop`.',
);

const cannotChatHere = ephemeralText(
  'You can’t send messages in this channel, so you can’t start a quiz here. Start it in a channel where you can chat.',
);

/** The options of `/trivia start`, validated by the command's schema. */
export type StartQuizOptions = { questions: number; seconds: number; scope: QuestionScope; difficulty: DifficultyFilter };

/** `/trivia start`: a quiz in this channel, if the member may start one here and questions fit their choices. */
export async function startQuiz(invocation: Invocation<StartQuizOptions>, context: BotContext): Promise<Reply> {
  const { options } = invocation;
  if (invocation.actor.canSendMessagesHere !== true) return cannotChatHere;
  const gate = await replyProgress(context, invocation, 'everyone');
  const request: TriviaStartRequest = {
    guildId: invocation.guildId,
    channelId: invocation.channelId,
    starterId: invocation.actor.userId,
    progress: gate.progress,
    seriesId: gate.series.id,
    questionCount: options.questions,
    secondsPerQuestion: options.seconds,
    scope: options.scope,
    difficulty: options.difficulty,
  };
  const dependencies = {
    quizzes: context.quizzes,
    visibleQuestions: gate.knowledge.visibleQuestions,
    refuseStart: (start: TriviaStartRequest, now: Date) => triviaStartRefusal(context.quizStarts, start.guildId, start.starterId, now),
  };
  const started = await startTrivia(dependencies, request, context.now());
  if (started.outcome === 'already-running') return alreadyRunning;
  if (started.outcome === 'limited') return ephemeralText(started.reason);
  if (started.outcome === 'no-questions') return noQuestionsReply(request);
  return {
    embeds: [
      {
        title: 'Trivia time!',
        description: [
          `<@${invocation.actor.userId}> started a quiz: ${quizSummary(request, started.quiz.state.questions.length, started.shortfall)}`,
          '',
          'Click an answer on each question. Your first click counts, and nobody sees your choice before the reveal.',
          'Right answers score 100, plus up to 50 for speed and a bonus for streaks.',
          'The first question is coming up.',
        ].join('\n'),
        color: 0x5865f2,
        footer: { text: gate.safeLabel },
      },
    ],
  };
}
