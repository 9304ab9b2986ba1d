import { openBenchContext } from './benchContext.js';
import type { StateDatabaseOptions } from '../src/storage/database.js';
import { dirname, join } from 'node:path';
import { ChannelType } from 'discord.js';
import { commands } from '../commands/index.js';
import { startFakeDiscord } from '../test/fakeDiscord/index.js';
import type { FakeChannel, FakeDiscord, FakeGuild, FakeUser } from '../test/fakeDiscord/index.js';
import type { BenchProcessKind } from './benchProcess.js';

/** A realistic community server: mostly text channels, a few voice channels and categories, ~15 roles. */
const channelTypes = [...Array<number>(15).fill(ChannelType.GuildText), ...Array<number>(3).fill(ChannelType.GuildVoice), ChannelType.GuildCategory, ChannelType.GuildCategory];
const roleCount = 15;

export const serverShape = {
  channels: channelTypes.map((type, index) => ({ name: `channel-${index + 1}`, type })),
  roles: Array.from({ length: roleCount }, (_, index) => ({ name: `role-${index + 1}` })),
};

export interface DiscordWorld {
  fake: FakeDiscord;
  /** The server the benchmark acts in. */
  guild: FakeGuild;
  channel: FakeChannel;
  members: FakeUser[];
  /** How to start each kind of bench process against this fake Discord. */
  environment: Record<BenchProcessKind, Record<string, string>>;
  databasePath: string;
  close(): Promise<void>;
}

export interface DiscordWorldOptions {
  folder: string;
  /** The compiled file of the series the bench's parties watch; every pack compiled beside it is installed too. */
  knowledgeBasePath: string;
  /** KNOWLEDGE_PACKS_DIR: the packs those compiled files came from. */
  packsDirectory: string;
  /** Servers besides the bench server, each with `serverShape`'s channels and roles. */
  otherServers: number;
  members: number;
  restRequestsPerSecond: number;
  /** The bot's state on this PostgreSQL database instead of a SQLite file. */
  databaseUrl?: string;
}

/** The bench server's party has watched everything, so every lookup runs over the whole pack. */
async function prepareBotDatabase(state: StateDatabaseOptions, knowledgeBasePath: string, guildId: string, channelId: string): Promise<void> {
  const bench = await openBenchContext(state, knowledgeBasePath);
  try {
    const party = await bench.benchParty(guildId, channelId);
    await bench.context.progress.set(party.id, bench.knowledge.episodeCount(), '100000000000000099');
  } finally {
    await bench.close();
  }
}

/** A fake Discord with the bench server, its members, the real command definitions registered, and the bot's state database. */
export async function createDiscordWorld(options: DiscordWorldOptions): Promise<DiscordWorld> {
  const fake = await startFakeDiscord();
  const guild = fake.addPopulatedGuild({ name: 'Bench server', ...serverShape });
  const channel = fake.addChannel(guild.id, { name: 'watch-party' });
  const members = Array.from({ length: options.members }, (_, index) => fake.addMember(guild.id, { username: `member-${index + 1}` }));
  for (let index = 0; index < options.otherServers; index += 1) fake.addPopulatedGuild({ name: `Server ${index + 1}`, ...serverShape });
  // Discord only delivers registered commands; the bot registers the same list itself, the pong bot never does.
  fake.registerCommands(commands.map((command) => ({ ...command.definition })));

  const databasePath = join(options.folder, `state-${guild.id}.sqlite`);
  await prepareBotDatabase({ path: databasePath, url: options.databaseUrl }, options.knowledgeBasePath, guild.id, channel.id);
  const common = { DISCORD_API_BASE: fake.apiBase, REST_REQUESTS_PER_SECOND: String(options.restRequestsPerSecond) };
  return {
    fake,
    guild,
    channel,
    members,
    databasePath,
    environment: {
      bot: {
        ...common,
        DISCORD_TOKEN: 'bench-bot-token',
        DATABASE_PATH: databasePath,
        ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
        KNOWLEDGE_PACKS_DIR: options.packsDirectory,
        KNOWLEDGE_BASE_DIR: dirname(options.knowledgeBasePath),
        LOG_LEVEL: 'info',
      },
      pong: common,
    },
    close: () => fake.close(),
  };
}
