import type { BenchProcess, StartBenchProcess } from './benchProcess.js';
import type { DiscordWorld } from './discordWorld.js';
import { median } from './statistics.js';
import type { Action } from './benchActions.js';

export interface ThroughputSettings {
  rounds: number;
  /** Interactions per measured window. */
  interactions: number;
  /** Members acting at once, each waiting for their answer before the next interaction (a closed loop). */
  concurrency: number;
  warmup: number;
}

export interface ThroughputFigures {
  botPerSecond: number;
  pongPerSecond: number;
  /** Bot ÷ pong, per round (measured back to back), median over rounds. */
  ratio: number;
  /** CPU time the bot's process spent per interaction, and the pong process's. */
  botCpuMillisecondsPerInteraction: number;
  pongCpuMillisecondsPerInteraction: number;
  failures: number;
}

export async function drive(world: DiscordWorld, settings: ThroughputSettings, count: number, action: Action, offset: number): Promise<{ seconds: number; failures: number }> {
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < count) {
      const iteration = offset + next;
      next += 1;
      await action(world, iteration).catch(() => (failures += 1));
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(settings.concurrency, count) }, worker));
  return { seconds: (performance.now() - started) / 1000, failures };
}

async function window(process: BenchProcess, world: DiscordWorld, settings: ThroughputSettings, action: Action, offset: number) {
  const before = await process.report();
  const { seconds, failures } = await drive(world, settings, settings.interactions, action, offset);
  const after = await process.report();
  return {
    perSecond: settings.interactions / seconds,
    cpuMilliseconds: (after.cpuMicroseconds - before.cpuMicroseconds) / 1000 / settings.interactions,
    failures,
  };
}

/**
 * Interactions per second through the fake Discord for the real bot and for the pong baseline, each in its own
 * process on its own fake Discord, measured alternately: round after round, bot window then pong window.
 */
export async function measureThroughput(
  startBenchProcess: StartBenchProcess,
  worlds: { bot: DiscordWorld; pong: DiscordWorld },
  settings: ThroughputSettings,
  action: Action,
): Promise<ThroughputFigures> {
  const bot = await startBenchProcess('bot', worlds.bot.environment.bot);
  const pong = await startBenchProcess('pong', worlds.pong.environment.pong);
  try {
    await drive(worlds.bot, settings, settings.warmup, action, 0);
    await drive(worlds.pong, settings, settings.warmup, action, 0);
    const rounds = [];
    for (let round = 0; round < settings.rounds; round += 1) {
      const offset = settings.warmup + round * settings.interactions;
      rounds.push({ bot: await window(bot, worlds.bot, settings, action, offset), pong: await window(pong, worlds.pong, settings, action, offset) });
    }
    return {
      botPerSecond: median(rounds.map((round) => round.bot.perSecond)),
      pongPerSecond: median(rounds.map((round) => round.pong.perSecond)),
      ratio: median(rounds.map((round) => round.bot.perSecond / round.pong.perSecond)),
      botCpuMillisecondsPerInteraction: median(rounds.map((round) => round.bot.cpuMilliseconds)),
      pongCpuMillisecondsPerInteraction: median(rounds.map((round) => round.pong.cpuMilliseconds)),
      failures: rounds.reduce((total, round) => total + round.bot.failures + round.pong.failures, 0),
    };
  } finally {
    await Promise.all([bot.stop(), pong.stop()]);
  }
}
