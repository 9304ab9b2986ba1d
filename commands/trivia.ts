import { SlashCommandBuilder } from '@discordjs/builders';
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { BotContext } from '../src/context.js';
import { declareCommand, subcommand } from '../src/discord/command.js';
import type { Reply } from '../src/discord/reply.js';
import { ephemeralText } from '../src/discord/reply.js';
import { safeUpToLabel } from '../src/domain/episodeLabels.js';
import { quizLimits, standings, stopQuiz } from '../src/domain/trivia/index.js';
import { mayStopQuiz } from '../src/domain/trivia/stopRule.js';
import { replyProgress } from '../src/discord/replyProgress.js';
import { finalMessage, latestEpisodeWindow, startTrivia, triviaStartRefusal } from '../src/trivia/index.js';
import type { TriviaStartRequest } from '../src/trivia/index.js';

const { questionCount, secondsPerQuestion } = quizLimits;
const scopes = ['all', 'latest'] as const;
const difficulties = ['any', 'easy', 'medium', 'hard'] as const;

const definition = new SlashCommandBuilder()
  .setName('trivia')
  .setDescription('Spoiler-safe trivia quizzes about what your party has watched')
  .addSubcommand((subcommand) =>
    subcommand
      .setName('start')
      .setDescription('Start a quiz in this channel')
      .addIntegerOption((option) =>
        option
          .setName('questions')
          .setDescription(`How many questions (default ${questionCount.default})`)
          .setMinValue(questionCount.min)
          .setMaxValue(questionCount.max),
      )
      .addIntegerOption((option) =>
        option
          .setName('seconds')
          .setDescription(`Seconds to answer each question (default ${secondsPerQuestion.default})`)
          .setMinValue(secondsPerQuestion.min)
          .setMaxValue(secondsPerQuestion.max),
      )
      .addStringOption((option) =>
        option
          .setName('scope')
          .setDescription('Ask about everything so far, or only the latest episodes (default all)')
          .addChoices({ name: 'all', value: 'all' }, { name: 'latest', value: 'latest' }),
      )
      .addStringOption((option) =>
        option
          .setName('difficulty')
          .setDescription('Question difficulty (default any)')
          .addChoices(...difficulties.map((difficulty) => ({ name: difficulty, value: difficulty }))),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('stop').setDescription('The starter or Manage Server: stop the quiz in this channel'))
  .addSubcommand((subcommand) =>
    subcommand
      .setName('leaderboard')
      .setDescription('Trivia points in this server')
      .addStringOption((option) =>
        option
          .setName('period')
          .setDescription('All time, or this month (default all)')
          .addChoices({ name: 'all', value: 'all' }, { name: 'month', value: 'month' }),
      ),
  )
  .addSubcommand((subcommand) => subcommand.setName('stats').setDescription('Your own trivia record in this server'))
  .toJSON();

const startOptions = z.object({
  questions: z.number().int().min(questionCount.min).max(questionCount.max).default(questionCount.default),
  seconds: z.number().int().min(secondsPerQuestion.min).max(secondsPerQuestion.max).default(secondsPerQuestion.default),
  scope: z.enum(scopes).default('all'),
  difficulty: z.enum(difficulties).default('any'),
});
const leaderboardOptions = z.object({ period: z.enum(['all', 'month']).default('all') });
const noOptions = z.object({});

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

function startOfMonth(context: BotContext, guildId: string): Date {
  const zone = context.settings.get(guildId).timeZone ?? 'UTC';
  return DateTime.fromJSDate(context.now()).setZone(zone).startOf('month').toJSDate();
}

const subcommands = {
  start: subcommand({
    access: 'everyone',
    options: startOptions,
    run(invocation, context) {
      const { options } = invocation;
      if (invocation.actor.canSendMessagesHere !== true) return cannotChatHere;
      const gate = replyProgress(context, invocation, 'everyone');
      const request: TriviaStartRequest = {
        guildId: invocation.guildId,
        channelId: invocation.channelId,
        starterId: invocation.actor.userId,
        progress: gate.progress,
        questionCount: options.questions,
        secondsPerQuestion: options.seconds,
        scope: options.scope,
        difficulty: options.difficulty,
      };
      const dependencies = {
        quizzes: context.quizzes,
        visibleQuestions: context.knowledge.visibleQuestions,
        refuseStart: (start: TriviaStartRequest, now: Date) => triviaStartRefusal(context.quizStarts, start.guildId, start.starterId, now),
      };
      const started = startTrivia(dependencies, request, context.now());
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
    },
  }),
  stop: subcommand({
    // Anyone may ask; the domain rule lets only the quiz's starter or Manage Server stop it.
    access: 'everyone',
    options: noOptions,
    run(invocation, context) {
      const quiz = context.quizzes.runningInChannel(invocation.channelId);
      if (!quiz) return ephemeralText('There is no quiz running in this channel. Start one with `/trivia start`.');
      if (!mayStopQuiz(quiz.state.starterId, invocation.actor)) {
        return ephemeralText(`Only <@${quiz.state.starterId}>, who started this quiz, or someone with Manage Server can stop it.`);
      }
      const stopped = context.quizzes.save(quiz.quizId, stopQuiz(quiz.state, context.now()).state, { endReason: 'stopped' });
      // This reply is the end announcement; the quiz runner only tidies the open question's message.
      context.quizzes.markEndAnnounced(quiz.quizId);
      const safeLabel = safeUpToLabel(stopped.progress, context.knowledge.seasons());
      return finalMessage('stopped', standings(stopped.state), safeLabel, invocation.actor.userId);
    },
  }),
  leaderboard: subcommand({
    access: 'everyone',
    options: leaderboardOptions,
    run(invocation, context) {
      const { period } = invocation.options;
      const since = period === 'month' ? startOfMonth(context, invocation.guildId) : null;
      const entries = context.quizzes.leaderboard(invocation.guildId, since);
      const when = period === 'month' ? 'this month' : 'all time';
      if (entries.length === 0) return ephemeralText(`Nobody has trivia points ${when} yet. Start a quiz with \`/trivia start\`!`);
      const lines = entries.map(
        (entry, index) =>
          `**${index + 1}.** <@${entry.userId}>: ${entry.points} points (${entry.correctAnswers} correct in ${entry.quizzes} ${entry.quizzes === 1 ? 'quiz' : 'quizzes'})`,
      );
      return { embeds: [{ title: `Trivia leaderboard: ${when}`, description: lines.join('\n'), color: 0xfee75c }] };
    },
  }),
  stats: subcommand({
    access: 'everyone',
    options: noOptions,
    ephemeral: true,
    run(invocation, context) {
      const stats = context.quizzes.memberStats(invocation.guildId, invocation.actor.userId);
      if (stats.answered === 0) return ephemeralText('You have not answered a trivia question in this server yet. Join the next `/trivia start`!');
      const share = Math.round((100 * stats.correct) / stats.answered);
      return ephemeralText(
        `Your trivia here: **${stats.answered}** answered, **${stats.correct}** correct (${share}%), best streak **${stats.bestStreak}**, ` +
          `${stats.points} points over ${stats.quizzes} ${stats.quizzes === 1 ? 'quiz' : 'quizzes'}.`,
      );
    },
  }),
};

export const triviaCommand = declareCommand({ definition, subcommands });
