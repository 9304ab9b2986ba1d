import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import pino from 'pino';
import { startBot } from '../../src/bot.js';
import type { Clock } from '../../src/timing/clock.js';
import type { RunningBot } from '../../src/bot.js';
import { parseConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import { startFakeDiscord } from '../fakeDiscord/index.js';
import type { FakeChannel, FakeDiscord, FakeGuild, FakeRole, FakeUser, InteractionOutcome } from '../fakeDiscord/index.js';
import { installPacks } from './packFixture.js';
import { renderedText } from './renderedText.js';

export interface TestBotOptions {
  /** The clock the bot reads and its jobs tick on; real time when unset. */
  clock?: Clock;
  /** Reuse a folder (for restart tests); a fresh temporary one otherwise. */
  folder?: string;
  environment?: Record<string, string>;
  /** Pack folders to install side by side (copied into the bot's folder); Hero Mask alone (data/packs) when unset. */
  packs?: readonly string[];
  /**
   * A restart: the new bot logs in to the same fake Discord, server and folder as an earlier
   * harness whose bot was stopped with `bot.stop()`. Close only the last harness.
   */
  restartOf?: TestWorld;
}

/** The fake Discord with its server, channels and members, and the bot's folder: what outlives a bot restart. */
export interface TestWorld {
  fake: FakeDiscord;
  folder: string;
  /** A temporary folder the last harness removes on close. */
  temporaryFolder: boolean;
  guild: FakeGuild;
  channels: { general: FakeChannel; dub: FakeChannel };
  hostRole: FakeRole;
  users: Record<'admin' | 'host' | 'alice' | 'bob', FakeUser>;
}

/** A fresh fake Discord with the server, channels and members every harness starts with; for tests that run the bot as a process too. */
export async function createWorld(folder: string | undefined): Promise<TestWorld> {
  const fake = await startFakeDiscord();
  const guild = fake.addGuild({ name: 'Watch Club' });
  const hostRole = fake.addRole(guild.id, { name: 'Hosts' });
  // Manage Server comes with a role, on top of what @everyone may do, as in a real server.
  const adminRole = fake.addRole(guild.id, { name: 'Admins', permissions: PermissionFlagsBits.ManageGuild });
  return {
    fake,
    folder: folder ?? mkdtempSync(join(tmpdir(), 'watchalong-e2e-')),
    temporaryFolder: folder === undefined,
    guild,
    channels: { general: fake.addChannel(guild.id, { name: 'general' }), dub: fake.addChannel(guild.id, { name: 'dub' }) },
    hostRole,
    users: {
      admin: fake.addMember(guild.id, { username: 'admin', roles: [adminRole.id] }),
      host: fake.addMember(guild.id, { username: 'hana', roles: [hostRole.id] }),
      alice: fake.addMember(guild.id, { username: 'alice' }),
      bob: fake.addMember(guild.id, { username: 'bob' }),
    },
  };
}

/**
 * The real bot, logged in to a fresh fake Discord with one server: a #general and a #dub channel,
 * a host role, and four members (an admin with Manage Server, a host, and two plain members).
 */
export async function startTestBot(options: TestBotOptions = {}) {
  const world = options.restartOf ?? (await createWorld(options.folder));
  const { fake, folder, guild, hostRole, users } = world;
  const { general } = world.channels;
  const config = parseConfig({
    ...(options.packs ? { KNOWLEDGE_PACKS_DIR: installPacks(join(folder, 'packs'), options.packs) } : {}),
    DISCORD_API_BASE: fake.apiBase,
    DATABASE_PATH: join(folder, 'state.sqlite'),
    KNOWLEDGE_BASE_DIR: join(folder, 'knowledge'),
    LOG_LEVEL: 'silent',
    REST_REQUESTS_PER_SECOND: '1000',
    ...options.environment,
  }) as Config & { DISCORD_TOKEN: string };
  const bot: RunningBot = await startBot({
    config: { ...config, DISCORD_TOKEN: 'test-token' },
    logger: pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
  });

  // As an admin would with /settings host-role: members with the Hosts role are hosts everywhere.
  await bot.context.settings.update(guild.id, { hostRoleId: hostRole.id });

  type UserName = keyof typeof users;

  return {
    ...world,
    bot,
    /** Runs a slash command as one of the members and waits for the complete answer. */
    run(
      as: UserName,
      name: string,
      input: { subcommand?: string; options?: Record<string, string | number | boolean>; channelId?: string } = {},
    ): Promise<InteractionOutcome> {
      return fake.sendCommand({
        guildId: guild.id,
        channelId: input.channelId ?? general.id,
        userId: users[as].id,
        name,
        ...(input.subcommand ? { subcommand: input.subcommand } : {}),
        ...(input.options ? { options: input.options } : {}),
      });
    },
    /** Types `typed` into option `focused` of a command and returns the choices offered. */
    autocomplete(
      as: UserName,
      name: string,
      focused: string,
      typed: string,
      input: { subcommand?: string; options?: Record<string, string | number | boolean>; channelId?: string } = {},
    ) {
      return fake.sendAutocomplete({
        guildId: guild.id,
        channelId: input.channelId ?? general.id,
        userId: users[as].id,
        name,
        focused,
        ...(input.subcommand ? { subcommand: input.subcommand } : {}),
        options: { ...input.options, [focused]: typed },
      });
    },
    click(as: UserName, messageId: string, customId: string, channelId = general.id) {
      return fake.clickButton({ guildId: guild.id, channelId, userId: users[as].id, messageId, customId });
    },
    text: (outcome: InteractionOutcome) => renderedText(outcome.message),
    /** An installed series' knowledge and its compiled rows (Hero Mask unless told), to check answers against the pack. */
    series(seriesId = 'hero-mask') {
      const knowledge = bot.context.series.byId(seriesId)?.knowledge;
      const database = bot.knowledgeDatabases.get(seriesId);
      if (!knowledge || !database) throw new Error(`the series ${seriesId} is not installed in this test bot`);
      return { knowledge, database };
    },
    async close(): Promise<void> {
      await bot.stop();
      await fake.close();
      if (world.temporaryFolder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

export type TestBot = Awaited<ReturnType<typeof startTestBot>>;
