import { once } from 'node:events';
import { ShardingManager } from 'discord.js';
import type { Shard } from 'discord.js';
import { aggregateMetrics, collectProcessMetrics, Registry } from '../health/promClient.js';
import type { HealthSource, HealthStatus } from '../health/healthServer.js';
import type { Logger } from '../logging/logger.js';
import { requestShardReport } from './shardReports.js';
import type { ShardReport } from './shardReports.js';

export interface ShardsOptions {
  /** The script each shard process runs (main, which sees SHARDING_MANAGER and runs as one shard). */
  file: string;
  /** Node flags for the shard processes, e.g. tsx's loader in development. */
  execArgv: string[];
  token: string;
  /** The bot's total number of shards, over every host. */
  shardCount: number;
  /** The shards this host runs (SHARD_IDS); all of them when unset. */
  shardIds?: readonly number[];
  logger: Logger;
}

export interface RunningShards {
  manager: ShardingManager;
  /** Health and metrics of every shard, gathered over IPC: healthy only when every shard is. */
  healthSource: HealthSource;
  /** Starts the shard processes one after another and resolves when all are ready. */
  spawn(): Promise<void>;
  /** Asks every shard process to shut down cleanly and waits for it (killing it after a grace period). */
  stop(): Promise<void>;
}

// Discord lets a bot identify one shard per 5 s (per max_concurrency bucket); shards are separate processes,
// so only this delay keeps them apart.
const spawnDelayMilliseconds = 5_500;
const readyTimeoutMilliseconds = 60_000;
const reportTimeoutMilliseconds = 2_000;
// Inside `docker stop`'s default 10 s: a shard drains for up to 5 s, then closes.
const stopGraceMilliseconds = 8_000;

/**
 * Runs the bot as one process per shard under discord.js's ShardingManager: every shard, or this host's share
 * (SHARD_IDS) when several hosts split SHARD_COUNT between them.
 */
export function createShards(options: ShardsOptions): RunningShards {
  const { logger, shardCount } = options;
  const shardIds = options.shardIds ?? Array.from({ length: shardCount }, (_, shardId) => shardId);
  const manager = new ShardingManager(options.file, {
    totalShards: shardCount,
    shardList: [...shardIds],
    token: options.token,
    execArgv: options.execArgv,
    mode: 'process',
    respawn: true,
  });
  manager.on('shardCreate', (shard) => {
    logger.info({ shardId: shard.id, shardCount }, 'shard process starting');
    shard.on('death', (child) => logger.warn({ shardId: shard.id, exitCode: 'exitCode' in child ? child.exitCode : null }, 'shard process exited'));
    shard.on('ready', () => logger.info({ shardId: shard.id }, 'shard ready'));
  });

  const ownMetrics = new Registry();
  ownMetrics.setDefaultLabels({ shard: 'manager' });
  collectProcessMetrics(ownMetrics);

  function reports(): Promise<Array<ShardReport | undefined>> {
    return Promise.all(
      shardIds.map((shardId) => {
        const shard = manager.shards.get(shardId);
        return shard ? requestShardReport(shard, reportTimeoutMilliseconds) : Promise.resolve(undefined);
      }),
    );
  }

  const healthSource: HealthSource = {
    async health() {
      return combineHealth(await reports());
    },
    async metrics() {
      const answered = (await reports()).filter((report) => report !== undefined);
      const shardMetrics = answered.map((report) => report.metrics);
      return aggregateMetrics([await ownMetrics.getMetricsAsJSON(), ...shardMetrics]).metrics();
    },
  };

  return {
    manager,
    healthSource,
    async spawn() {
      await manager.spawn({ amount: shardCount, delay: spawnDelayMilliseconds, timeout: readyTimeoutMilliseconds });
    },
    async stop() {
      manager.respawn = false;
      await Promise.all(manager.shards.map((shard) => stopShard(shard)));
    },
  };
}

/** Healthy when every shard answered and each of its checks passed; a check fails if it failed on any shard. */
export function combineHealth(reports: ReadonlyArray<ShardReport | undefined>): HealthStatus {
  const checks: Record<string, boolean> = { shardsAnswering: reports.length > 0 && reports.every((report) => report !== undefined) };
  for (const report of reports) {
    for (const [name, passed] of Object.entries(report?.health.checks ?? {})) checks[name] = (checks[name] ?? true) && passed;
  }
  // Every shard loads the same packs, so any shard's list of broken ones speaks for all.
  const brokenPacks = Object.assign({}, ...reports.map((report) => report?.health.brokenPacks ?? {})) as Record<string, string>;
  return { healthy: Object.values(checks).every(Boolean), checks, ...(Object.keys(brokenPacks).length > 0 ? { brokenPacks } : {}) };
}

async function stopShard(shard: Shard): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  shard.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), stopGraceMilliseconds);
  await exited;
  clearTimeout(timer);
}
