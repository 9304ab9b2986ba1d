import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { ensureCompiledPack } from '../src/pack/compilePack.js';
import type { StartBenchProcess } from './benchProcess.js';
import { characterAction, autocompleteAction } from './benchActions.js';
import { createDiscordWorld } from './discordWorld.js';
import type { DiscordWorld, DiscordWorldOptions } from './discordWorld.js';
import { pick } from './packInputs.js';
import type { PackInputs } from './packInputs.js';
import { median } from './statistics.js';

export interface PackMemorySettings {
  /** Packs installed in the larger bot; the smaller one has Hero Mask alone. */
  packs: number;
  /** Lookups of each kind members make each time the channel turns to a series (as many turns as packs, in both bots). */
  lookupsPerSeries: number;
  repeats: number;
}

export interface PackMemoryFigures {
  packs: number;
  onePackRssMegabytes: number;
  manyPacksRssMegabytes: number;
  onePackHeapMegabytes: number;
  manyPacksHeapMegabytes: number;
  /** Many packs ÷ one pack, per repeat (started one after the other), median over repeats. */
  rssRatio: number;
}

interface Installed {
  packsDirectory: string;
  knowledgeBasePath: string;
  seriesIds: string[];
}

/**
 * Hero Mask, and `count - 1` copies of it under other ids and titles, each compiled: as many series as full as the
 * real one, which is what a bot serving several pays for.
 */
function installCopies(folder: string, heroMaskDirectory: string, count: number): Installed {
  const packsDirectory = join(folder, `packs-${count}`);
  const knowledgeDirectory = join(folder, `knowledge-${count}`);
  const seriesIds = Array.from({ length: count }, (_, index) => (index === 0 ? 'hero-mask' : `hero-mask-copy-${index + 1}`));
  for (const [index, id] of seriesIds.entries()) {
    const directory = join(packsDirectory, id);
    cpSync(heroMaskDirectory, directory, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(directory, 'pack.json'), 'utf8')) as { id: string; title: string; $schema?: string };
    delete manifest.$schema;
    writeFileSync(join(directory, 'pack.json'), JSON.stringify({ ...manifest, id, title: index === 0 ? manifest.title : `${manifest.title} (copy ${index + 1})` }));
    ensureCompiledPack(directory, join(knowledgeDirectory, `${id}.sqlite`));
  }
  return { packsDirectory, knowledgeBasePath: join(knowledgeDirectory, 'hero-mask.sqlite'), seriesIds };
}

/** What members look up in each series: Hero Mask's names and words, the same in every copy. */
interface Lookups {
  inputs: PackInputs;
  episodeCount: number;
  perSeries: number;
}

async function sendOrFail(world: DiscordWorld, userId: string, name: string, options: Record<string, string | number>, subcommand?: string): Promise<void> {
  const outcome = await world.fake.sendCommand({ channelId: world.channel.id, userId, name, options, ...(subcommand ? { subcommand } : {}) });
  if (!outcome.message) throw new Error(`bench: /${name} got no answer`);
}

/**
 * The channel watches each series in turn, caught up to its end, while members look things up in it: `rounds` rounds,
 * the same for both bots, so that they differ only in how many series they serve.
 */
async function useEverySeries(world: DiscordWorld, seriesIds: readonly string[], rounds: number, lookups: Lookups): Promise<void> {
  const { inputs, episodeCount } = lookups;
  const admin = world.fake.addMember(world.guild.id, { username: 'bench-admin', permissions: PermissionFlagsBits.ManageGuild });
  const lookUpCharacter = characterAction(inputs);
  const autocomplete = autocompleteAction(inputs.prefixes);
  for (let round = 0; round < rounds; round += 1) {
    await sendOrFail(world, admin.id, 'settings', { series: pick(seriesIds, round) });
    await sendOrFail(world, admin.id, 'progress', { episode: episodeCount }, 'set');
    await sendOrFail(world, admin.id, 'series', {});
    for (let iteration = 0; iteration < lookups.perSeries; iteration += 1) {
      await lookUpCharacter(world, iteration);
      await autocomplete(world, iteration);
      await sendOrFail(world, pick(world.members, iteration).id, 'search', { query: pick(inputs.words, iteration) });
      await sendOrFail(world, pick(world.members, iteration).id, 'episode', { number: (iteration % episodeCount) + 1 });
    }
  }
}

async function botMemory(startBenchProcess: StartBenchProcess, world: DiscordWorldOptions, seriesIds: readonly string[], rounds: number, lookups: Lookups) {
  const discord = await createDiscordWorld(world);
  try {
    const bot = await startBenchProcess('bot', discord.environment.bot);
    try {
      await useEverySeries(discord, seriesIds, rounds, lookups);
      return await bot.report();
    } finally {
      await bot.stop();
    }
  } finally {
    await discord.close();
  }
}

/**
 * Resident memory of the bot with Hero Mask alone, and with `settings.packs` packs, each series watched and looked up
 * in, after the same interactions; each bot process on its own fake Discord, one after the other.
 */
export async function measurePackMemory(
  startBenchProcess: StartBenchProcess,
  options: { folder: string; heroMaskDirectory: string; inputs: PackInputs; episodeCount: number; world: Omit<DiscordWorldOptions, 'folder' | 'knowledgeBasePath' | 'packsDirectory'> },
  settings: PackMemorySettings,
): Promise<PackMemoryFigures> {
  const one = installCopies(options.folder, options.heroMaskDirectory, 1);
  const many = installCopies(options.folder, options.heroMaskDirectory, settings.packs);
  const lookups = { inputs: options.inputs, episodeCount: options.episodeCount, perSeries: settings.lookupsPerSeries };
  const samples: Array<{ one: Awaited<ReturnType<typeof botMemory>>; many: Awaited<ReturnType<typeof botMemory>> }> = [];
  for (let repeat = 0; repeat < settings.repeats; repeat += 1) {
    const run = (installed: Installed) =>
      botMemory(startBenchProcess, { ...options.world, folder: options.folder, ...installed }, installed.seriesIds, settings.packs, lookups);
    samples.push({ one: await run(one), many: await run(many) });
  }
  const megabytes = (bytes: number) => bytes / 1024 / 1024;
  return {
    packs: settings.packs,
    onePackRssMegabytes: median(samples.map((sample) => megabytes(sample.one.rssBytes))),
    manyPacksRssMegabytes: median(samples.map((sample) => megabytes(sample.many.rssBytes))),
    onePackHeapMegabytes: median(samples.map((sample) => megabytes(sample.one.heapUsedBytes))),
    manyPacksHeapMegabytes: median(samples.map((sample) => megabytes(sample.many.heapUsedBytes))),
    rssRatio: median(samples.map((sample) => sample.many.rssBytes / sample.one.rssBytes)),
  };
}
