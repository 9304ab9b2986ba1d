import type { Client } from 'discord.js';
import type { BackgroundJob } from '../backgroundJob.js';
import type { BotContext } from '../context.js';
import type { Clock } from '../timing/clock.js';
import { startTickLoop } from '../timing/tickLoop.js';
import type { TickLoop } from '../timing/tickLoop.js';
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
  let loop: TickLoop | undefined;

  return {
    name: 'trivia',
    start(client: Client<true>, context: BotContext, clock: Clock) {
      const runner = createQuizRunner({
        quizzes: context.quizzes,
        seasons: (seriesId) => context.series.byId(seriesId)?.knowledge.seasons() ?? [],
        publisher: createChannelPublisher(client),
        logger: context.logger,
        ownsGuild: (guildId) => context.ownsGuild(guildId),
        partyWatching: async (guildId, channelId) => {
          const party = await context.parties.forChannelOrDefault(guildId, channelId);
          return { seriesId: party.seriesId, episode: (await context.progress.current(party.id)).episode };
        },
      });
      // The first tick waits for it, so no tick moves a quiz that resuming is about to end.
      const resumed = runner.resume(clock.now()).catch((error: unknown) => context.logger.error({ err: error }, 'resuming trivia quizzes failed'));
      let prunedAt: number | undefined;
      // Quizzes 30 days past their end go, with their questions; their scores and answers stay (migration 5).
      const pruneIfDue = async (now: Date) => {
        if (prunedAt !== undefined && now.getTime() - prunedAt < pruneEveryMilliseconds) return;
        prunedAt = now.getTime();
        const pruned = await context.quizStarts.pruneEndedBefore(new Date(now.getTime() - quizRetentionMilliseconds));
        if (pruned > 0) context.logger.info({ pruned }, 'old trivia quizzes pruned');
      };
      loop = startTickLoop({
        clock,
        everyMilliseconds: intervalMs,
        name: 'trivia',
        logger: context.logger,
        async tick(now) {
          await resumed;
          await pruneIfDue(now);
          return runner.tick(now);
        },
      });
    },
    async stop() {
      await loop?.stop();
    },
  };
}
