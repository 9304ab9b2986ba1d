import { Events } from 'discord.js';
import type { Client } from 'discord.js';
import { commands, components } from '../commands/index.js';
import type { BackgroundJob } from './backgroundJob.js';
import { systemClock } from './timing/clock.js';
import { withTimeout } from './timing/withTimeout.js';
import type { Clock } from './timing/clock.js';
import { backgroundJobs } from './backgroundJobs.js';
import type { Config } from './config/config.js';
import { createContext } from './context.js';
import type { BotContext } from './context.js';
import { createDiscordClient } from './discord/client.js';
import { watchMemberRoles } from './discord/memberRoles.js';
import { registerCommandsIfChanged } from './discord/registerCommands.js';
import { createRouter } from './discord/router.js';
import type { InteractionReport } from './discord/interactionReport.js';
import type { Router } from './discord/router.js';
import { createMetrics } from './health/metrics.js';
import type { BotMetrics } from './health/metrics.js';
import type { Logger } from './logging/logger.js';
import { loadSeries } from './loadSeries.js';
import { createBotStateRepository } from './storage/botStateRepository.js';
import type { ShardOwnership } from './sharding/ownership.js';
import { openStateDatabase } from './storage/database.js';
import type { SqlDatabase } from './storage/database.js';
import { createIdentifySlotRepository } from './storage/identifySlotRepository.js';
import { adoptSinglePack } from './storage/relabelSeries.js';
import type { Database } from 'better-sqlite3';
import type { UnavailableSeries } from './storage/knowledge/seriesCatalog.js';
import { databaseIdentifyThrottler } from './sharding/identifyThrottler.js';

export interface StartBotOptions {
  config: Config & { DISCORD_TOKEN: string };
  logger: Logger;
  /** The clock background jobs tick on and handlers read: the system clock unless a test injects one. */
  clock?: Clock;
  /** The shards this process runs (under the sharding manager); all of them when unset. */
  sharding?: ShardOwnership;
  /** Where interactions, reminders and the server count are counted; a private registry when unset. */
  metrics?: BotMetrics;
  onHandled?: (report: InteractionReport) => void;
}

export interface RunningBot {
  client: Client<true>;
  context: BotContext;
  /** The state database itself (the storage port's SQL), for the health check and for tests that look at rows; handlers use the context. */
  database: SqlDatabase;
  /** Packs left out at start because they are broken (for /healthz). */
  brokenPacks: readonly UnavailableSeries[];
  /** Each loaded pack's read-only knowledge base by pack id, for tests that look at its rows. */
  knowledgeDatabases: ReadonlyMap<string, Database>;
  router: Router;
  stop(): Promise<void>;
}

const shutdownGraceMilliseconds = 5_000;

/** Compiles the knowledge packs that changed, opens the database, logs in, registers commands, starts jobs. */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const packs = await loadSeries(config, logger);

  const database = await openStateDatabase({
    path: config.DATABASE_PATH,
    url: config.DATABASE_URL,
    onConnectionLost: (error) => logger.warn({ err: error }, 'PostgreSQL dropped an idle connection; the pool opens another'),
  });
  if (config.KNOWLEDGE_PACK_DIR !== undefined) {
    // The one pack there is (an older install's single-pack setting).
    const singlePack = packs.series.defaultSeries();
    const moved = await adoptSinglePack(database, singlePack.id);
    if (moved > 0) logger.info({ moved, series: singlePack.id }, 'parties and progress moved to the single pack of KNOWLEDGE_PACK_DIR');
  }
  const metrics = options.metrics ?? createMetrics();
  const context = createContext({
    logger,
    database,
    series: packs.series,
    metrics,
    now: () => clock.now(),
    ...(options.sharding ? { sharding: options.sharding } : {}),
  });
  const onHandled = (report: InteractionReport) => {
    metrics.interactionHandled(report);
    options.onHandled?.(report);
  };
  // On PostgreSQL, shared by several hosts, their identifies take turns through the database (Discord's
  // max_concurrency); a SQLite file has one host, whose shards discord.js spaces by itself.
  const identifySlots = createIdentifySlotRepository(database);
  const identifyThrottler =
    database.engine === 'postgres' ? (maxConcurrency: number) => databaseIdentifyThrottler(identifySlots, maxConcurrency) : undefined;
  const client = createDiscordClient(config, options.sharding, identifyThrottler);
  const router = createRouter({ commands, components, context, onHandled, memberRoles: watchMemberRoles(client) });
  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
  client.on(Events.ShardResume, (shardId) => logger.info({ shardId }, 'gateway session resumed'));

  const ready = new Promise<Client<true>>((resolve) => client.once(Events.ClientReady, resolve));
  await client.login(config.DISCORD_TOKEN);
  const readyClient = await ready;
  metrics.countGuildsWith(() => readyClient.guilds.cache.size);

  const registered = await registerCommandsIfChanged(
    client.rest,
    { applicationId: readyClient.application.id, ...(config.DEV_GUILD_ID ? { guildId: config.DEV_GUILD_ID } : {}) },
    commands.map((command) => command.definition),
    createBotStateRepository(database),
  );
  logger.info({ registered, guilds: readyClient.guilds.cache.size }, 'ready');

  const jobs: BackgroundJob[] = backgroundJobs();
  for (const job of jobs) job.start(readyClient, context, clock);

  return {
    client: readyClient,
    context,
    database,
    brokenPacks: packs.series.unavailable(),
    knowledgeDatabases: packs.knowledgeDatabases,
    router,
    async stop() {
      router.stopAccepting();
      await router.drain(shutdownGraceMilliseconds);
      const jobsStopped = await withTimeout(Promise.all(jobs.map((job) => job.stop())).then(() => true), shutdownGraceMilliseconds, () => false);
      if (!jobsStopped) logger.warn('background jobs did not stop in time; closing anyway');
      await client.destroy();
      await database.close();
      packs.close();
      logger.info('stopped');
    },
  };
}
