import type { HealthSource, HealthStatus } from './healthServer.js';

/**
 * Answers health from one recent check for `maximumAgeMilliseconds`. The sharding manager's check asks every
 * shard process over IPC; without this, each probe (or a flood of them) costs one round trip per shard.
 * Checks asked for while one is in flight share it.
 */
export function cacheHealth(source: HealthSource, maximumAgeMilliseconds: number, now: () => number = Date.now): HealthSource {
  let latest: { status: Promise<HealthStatus>; at: number } | undefined;
  return {
    health() {
      const at = now();
      if (latest === undefined || at - latest.at >= maximumAgeMilliseconds) {
        const status = source.health();
        latest = { status, at };
        // A failed check is not kept: the next probe asks again.
        status.catch(() => {
          if (latest?.status === status) latest = undefined;
        });
      }
      return latest.status;
    },
    metrics: () => source.metrics(),
  };
}
