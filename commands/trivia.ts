import { SlashCommandBuilder } from '../src/discord/slashCommandBuilder.js';
import * as z from 'zod';
import { declareCommand, subcommand } from '../src/discord/command.js';
import { quizLimits } from '../src/domain/trivia/index.js';
import { leaderboardReply, memberStatsReply, startQuiz, stopRunningQuiz } from '../src/trivia/index.js';

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

export const triviaCommand = declareCommand({
  definition,
  subcommands: {
    start: subcommand({ access: 'everyone', options: startOptions, run: startQuiz }),
    // Anyone may ask; the domain rule lets only the quiz's starter or Manage Server stop it.
    stop: subcommand({ access: 'everyone', options: noOptions, run: stopRunningQuiz }),
    leaderboard: subcommand({ access: 'everyone', options: leaderboardOptions, run: leaderboardReply }),
    stats: subcommand({ access: 'everyone', options: noOptions, ephemeral: true, run: memberStatsReply }),
  },
});
