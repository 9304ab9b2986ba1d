import { setTimeout as sleep } from 'node:timers/promises';
import type { WebSocketOptions } from 'discord.js';
import type { IdentifySlotRepository } from '../storage/identifySlotRepository.js';

/** discord.js's identify throttler, as its `ws.buildIdentifyThrottler` option builds it. */
export type IdentifyThrottler = Awaited<ReturnType<NonNullable<WebSocketOptions['buildIdentifyThrottler']>>>;

/** Discord's window: max_concurrency identifies per 5 seconds. A little more, for clocks that differ by a bit. */
export const identifySpacingMilliseconds = 5_500;

/**
 * An identify throttler for discord.js whose buckets live in the shared PostgreSQL database, so shards on several
 * hosts never identify in the same bucket within Discord's window (a host restarting within it waits the rest).
 * On SQLite (one host) the bot keeps discord.js's own throttler.
 */
export function databaseIdentifyThrottler(
  slots: IdentifySlotRepository,
  maxConcurrency: number,
  now: () => Date = () => new Date(),
): IdentifyThrottler {
  return {
    async waitForIdentify(shardId: number, signal: AbortSignal): Promise<void> {
      const bucket = shardId % Math.max(1, maxConcurrency);
      for (;;) {
        signal.throwIfAborted();
        const wait = await slots.take(bucket, now(), identifySpacingMilliseconds);
        if (wait === 0) return;
        await sleep(wait, undefined, { signal });
      }
    },
  };
}
