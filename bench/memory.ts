import type { StartBenchProcess } from './benchProcess.js';
import type { ChildReport } from './processes/answerParent.js';
import { createDiscordWorld } from './discordWorld.js';
import type { DiscordWorldOptions } from './discordWorld.js';
import { median } from './statistics.js';

export interface MemorySettings {
  guildCounts: number[];
  repeats: number;
}

export interface MemoryFigures {
  guilds: number;
  botRssMegabytes: number;
  defaultCacheRssMegabytes: number;
  botHeapMegabytes: number;
  defaultCacheHeapMegabytes: number;
  /** Bot ÷ default-cache client, per repeat (same fake Discord, same moment), median over repeats. */
  rssRatio: number;
}

const megabytes = (bytes: number) => bytes / 1024 / 1024;

function checkGuilds(report: ChildReport, expected: number, who: string): ChildReport {
  if (report.guilds !== expected) throw new Error(`bench: the ${who} has ${report.guilds} guilds cached, expected ${expected}`);
  return report;
}

/**
 * Resident memory after the fake Discord delivered N servers (each with ~20 channels and ~15 roles in its
 * GUILD_CREATE): the real bot's process next to a discord.js client with default caches (the pong bot),
 * both logged in to the same fake Discord, after a full garbage collection.
 */
export async function measureMemory(
  startBenchProcess: StartBenchProcess,
  world: Omit<DiscordWorldOptions, 'otherServers' | 'members'>,
  settings: MemorySettings,
): Promise<MemoryFigures[]> {
  const figures: MemoryFigures[] = [];
  for (const guilds of settings.guildCounts) {
    const samples: Array<{ bot: ChildReport; pong: ChildReport }> = [];
    for (let repeat = 0; repeat < settings.repeats; repeat += 1) {
      const discord = await createDiscordWorld({ ...world, otherServers: guilds - 1, members: 0 });
      try {
        const [bot, pong] = await Promise.all([startBenchProcess('bot', discord.environment.bot), startBenchProcess('pong', discord.environment.pong)]);
        try {
          samples.push({ bot: checkGuilds(await bot.report(), guilds, 'bot'), pong: checkGuilds(await pong.report(), guilds, 'default-cache client') });
        } finally {
          await Promise.all([bot.stop(), pong.stop()]);
        }
      } finally {
        await discord.close();
      }
    }
    figures.push({
      guilds,
      botRssMegabytes: median(samples.map((sample) => megabytes(sample.bot.rssBytes))),
      defaultCacheRssMegabytes: median(samples.map((sample) => megabytes(sample.pong.rssBytes))),
      botHeapMegabytes: median(samples.map((sample) => megabytes(sample.bot.heapUsedBytes))),
      defaultCacheHeapMegabytes: median(samples.map((sample) => megabytes(sample.pong.heapUsedBytes))),
      rssRatio: median(samples.map((sample) => sample.bot.rssBytes / sample.pong.rssBytes)),
    });
  }
  return figures;
}
