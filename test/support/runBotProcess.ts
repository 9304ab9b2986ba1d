/**
 * The real bot as a process of its own, for tests that kill it (SIGKILL) in the middle of its work and
 * start it again. Configured from the environment like `npm start`, plus a reminder job with test timings:
 *   WATCHALONG_TEST_TICK_SECONDS   how often it ticks (default 1)
 *   WATCHALONG_TEST_CLAIM_LEASE_MS after how long an unconfirmed claim is taken over (default 2000)
 * The bot's own reminder job runs as well; the two share the database like two processes would.
 * With SHARD_COUNT and SHARD_IDS set it runs those shards, as one host of several does (its sharding manager runs the
 * same bot in one process per shard). Prints `bot ready` on stdout once logged in.
 */
import pino from 'pino';
import { startBot } from '../../src/bot.js';
import { parseConfig } from '../../src/config/config.js';
import { systemClock } from '../../src/timing/clock.js';
import { createReminderJob } from '../../src/watchparty/reminderJob.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const bot = await startBot({
    config: { ...config, DISCORD_TOKEN: config.DISCORD_TOKEN ?? 'test-token' },
    logger: pino({ level: config.LOG_LEVEL }),
    ...(config.SHARD_IDS && typeof config.SHARD_COUNT === 'number' ? { sharding: { shardIds: config.SHARD_IDS, shardCount: config.SHARD_COUNT } } : {}),
  });
  createReminderJob({
    everySeconds: Number(process.env['WATCHALONG_TEST_TICK_SECONDS'] ?? 1),
    claimLeaseMilliseconds: Number(process.env['WATCHALONG_TEST_CLAIM_LEASE_MS'] ?? 2_000),
  }).start(bot.client, bot.context, systemClock);
  process.stdout.write('bot ready\n');
}

main().catch((error: unknown) => {
  console.error('test bot could not start:', error);
  process.exit(1);
});
