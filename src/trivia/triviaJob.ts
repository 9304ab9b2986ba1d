import type { Client } from 'discord.js';
import type { BackgroundJob } from '../backgroundJob.js';
import type { BotContext } from '../context.js';
import { createChannelPublisher } from './channelPublisher.js';
import { createQuizRunner } from './quizRunner.js';
import { quizRetentionMilliseconds } from './startLimits.js';

/** Old quizzes are looked for this often (and once at start). */
const pruneEveryMilliseconds = 60 * 60_000;

/** Question clocks are checked this often; a question closes at most this late. */
export const triviaTickIntervalMs = 1_000;

/**
 * The quiz timers: a tick every second moves every quiz on from the database. No timer holds a
 * deadline, so a restart loses nothing; on start, quizzes idle too long are ended cleanly.
 */
export function createTriviaJob(intervalMs = triviaTickIntervalMs): BackgroundJob {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  return {
    name: 'trivia',
    start(client: Client<true>, context: BotContext) {
      const runner = createQuizRunner({
        quizzes: context.quizzes,
        seasons: (seriesId) => context.series.byId(seriesId)?.knowledge.seasons() ?? [],
        publisher: createChannelPublisher(client),
        logger: context.logger,
        ownsGuild: (guildId) => context.ownsGuild(guildId),
        partyWatching: (guildId, channelId) => {
          const party = context.parties.forChannel(guildId, channelId);
          return { seriesId: party.seriesId, episode: context.progress.current(party.id).episode };
        },
      });
      runner.resume(context.now());
      let prunedAt: number | undefined;
      // Quizzes 30 days past their end go, with their questions; their scores and answers stay (migration 5).
      const pruneIfDue = (now: Date) => {
        if (prunedAt !== undefined && now.getTime() - prunedAt < pruneEveryMilliseconds) return;
        prunedAt = now.getTime();
        const pruned = context.quizStarts.pruneEndedBefore(new Date(now.getTime() - quizRetentionMilliseconds));
        if (pruned > 0) context.logger.info({ pruned }, 'old trivia quizzes pruned');
      };
      timer = setInterval(() => {
        // A slow tick (Discord rate limits) is not overlapped by the next one.
        if (running) return;
        pruneIfDue(context.now());
        running = runner
          .tick(context.now())
          .catch((error: unknown) => context.logger.error({ err: error }, 'trivia tick failed'))
          .finally(() => {
            running = undefined;
          });
      }, intervalMs);
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
