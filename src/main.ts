import { fileURLToPath } from 'node:url';
import { startBot } from './bot.js';
import type { RunningBot } from './bot.js';
import { ConfigError, loadConfig } from './config/config.js';
import { describeStartFailure, missingTokenMessage, startCommand } from './startMessages.js';
import type { Config } from './config/config.js';
import { checkBotHealth, createBotHealthSource } from './health/botHealth.js';
import { cacheHealth } from './health/cachedHealthSource.js';
import { startHealthServer } from './health/healthServer.js';
import type { HealthSource } from './health/healthServer.js';
import { createMetrics } from './health/metrics.js';
import { createLogger } from './logging/logger.js';
import type { Logger } from './logging/logger.js';
import { logUnhandledRejections } from './logging/processErrors.js';
import { resolveShardCount } from './sharding/shardCount.js';
import { createShards } from './sharding/shardingManager.js';
import { answerReportRequests } from './sharding/shardReports.js';

type BotConfig = Config & { DISCORD_TOKEN: string };

const shardHealthMaximumAgeMilliseconds = 1_500;

interface Running {
  stop(): Promise<void>;
}

/** With HEALTH_PORT set, serves /healthz and /metrics from the source; returns how to close it. */
async function serveHealth(config: BotConfig, source: HealthSource, logger: Logger): Promise<() => Promise<void>> {
  if (config.HEALTH_PORT === undefined) return async () => undefined;
  const server = await startHealthServer({ port: config.HEALTH_PORT, host: config.HEALTH_HOST, source, logger });
  return () => server.close();
}

/** One process, every shard (under 2,500 servers Discord needs only one). */
async function runAlone(config: BotConfig, logger: Logger): Promise<Running> {
  const metrics = createMetrics();
  // Health answers 503 while the bot logs in, so it starts first.
  const current: { bot?: RunningBot } = {};
  const closeHealth = await serveHealth(config, createBotHealthSource(metrics, () => current.bot), logger);
  const running = await startBot({ config, logger, metrics });
  current.bot = running;
  metrics.collectProcessMetrics();
  return {
    async stop() {
      await running.stop();
      await closeHealth();
    },
  };
}

/** The process the sharding manager started for some shards; it reports health and metrics to the manager. */
async function runShard(config: BotConfig, shardIds: number[], logger: Logger): Promise<Running> {
  const shardCount = typeof config.SHARD_COUNT === 'number' ? config.SHARD_COUNT : shardIds.length;
  const shardLogger = logger.child({ shardIds });
  const metrics = createMetrics({ labels: { shard: shardIds.join(',') } });
  const current: { bot?: RunningBot } = {};
  const stopAnswering = answerReportRequests(async () => ({
    health: await checkBotHealth(current.bot),
    metrics: await metrics.registry.getMetricsAsJSON(),
  }));
  const running = await startBot({ config, logger: shardLogger, metrics, sharding: { shardIds, shardCount } });
  current.bot = running;
  metrics.collectProcessMetrics();
  return {
    async stop() {
      await running.stop();
      stopAnswering();
    },
  };
}

/** SHARD_COUNT set: this process starts one child process per shard (this same script) and speaks for them. */
async function runShardingManager(config: BotConfig, shardSetting: number | 'auto', logger: Logger): Promise<Running> {
  const shardCount = await resolveShardCount(shardSetting, { apiBase: config.DISCORD_API_BASE, token: config.DISCORD_TOKEN });
  const shardIds = config.SHARD_IDS;
  logger.info({ shardCount, setting: shardSetting, shardIds: shardIds ?? 'all' }, 'starting shard processes');
  const shards = createShards({
    file: fileURLToPath(import.meta.url),
    // Children need the same loader flags (tsx in development; none for node dist/bot/main.js).
    execArgv: process.execArgv,
    token: config.DISCORD_TOKEN,
    shardCount,
    ...(shardIds ? { shardIds } : {}),
    logger,
  });
  // Each check asks every shard over IPC: probes within a second and a half share one answer.
  const closeHealth = await serveHealth(config, cacheHealth(shards.healthSource, shardHealthMaximumAgeMilliseconds), logger);
  try {
    await shards.spawn();
  } catch (error) {
    // Leave no shard process running without its manager.
    await shards.stop();
    await closeHealth();
    throw error;
  }
  logger.info({ shardCount }, 'all shards ready');
  return {
    async stop() {
      await shards.stop();
      await closeHealth();
    },
  };
}

function start(config: BotConfig, logger: Logger): Promise<Running> {
  if (config.SHARDING_MANAGER) return runShard(config, config.SHARDS ?? [0], logger);
  if (config.SHARD_COUNT !== undefined) return runShardingManager(config, config.SHARD_COUNT, logger);
  return runAlone(config, logger);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const token = config.DISCORD_TOKEN;
  if (!token) {
    console.error(missingTokenMessage(startCommand(import.meta.url)));
    process.exit(1);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: process.stdout.isTTY });
  logUnhandledRejections(logger);
  const started = start({ ...config, DISCORD_TOKEN: token }, logger);

  let stopping = false;
  // A stop asked for while starting waits for the start to finish, then undoes it.
  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    started
      .then((running) => running.stop())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
  // A shard process whose manager died (killed, crashed) stops too, rather than serving on unsupervised.
  if (config.SHARDING_MANAGER) process.once('disconnect', () => shutdown('sharding manager gone'));
  await started;
}

main().catch((error: unknown) => {
  console.error(describeStartFailure(error));
  process.exit(1);
});
