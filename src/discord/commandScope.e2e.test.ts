import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../../test/support/botHarness.js';
import type { TestBot } from '../../test/support/botHarness.js';
import { userMessages } from './userMessages.js';

/*
 * Where the commands work: in servers that invited the bot, and nowhere else. If an operator turns on User Install,
 * Discord can still send a command from a server the bot is not in; the bot refuses it and keeps nothing about it.
 */

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot();
});
afterAll(async () => {
  await harness.close();
});

/** Rows about the server in every table that has a guild_id column. */
async function rowsAbout(guildId: string): Promise<number> {
  const { database } = harness.bot;
  const tables = (
    await database.all<{ name: string }>(
      "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'guild_id'",
    )
  ).map((row) => row.name);
  expect(tables).toEqual(expect.arrayContaining(['parties', 'guild_settings', 'schedules', 'trivia_quizzes']));
  let total = 0;
  for (const table of tables) total += Number(await database.value(`SELECT COUNT(*) FROM ${table} WHERE guild_id = ?`, [guildId]));
  return total;
}

describe('the registered commands', () => {
  it('work in servers only, and only where the bot was invited (Guild Install)', () => {
    const registered = harness.fake.registeredCommands();
    expect(registered.length).toBeGreaterThan(10);
    for (const command of registered) expect(command, String(command['name'])).toMatchObject({ contexts: [0], integration_types: [0] });
  });

  it('ask Discord to show /settings and /party to members with Manage Server by default', () => {
    const byName = new Map(harness.fake.registeredCommands().map((command) => [command['name'], command]));
    expect(byName.get('settings')?.['default_member_permissions']).toBe('32');
    expect(byName.get('party')?.['default_member_permissions']).toBe('32');
    expect(byName.get('help')?.['default_member_permissions'] ?? null).toBeNull();
  });
});

describe('a command from a server the bot is not in', () => {
  it.each([
    { label: '/progress show', command: { name: 'progress', subcommand: 'show' } },
    { label: '/party list', command: { name: 'party', subcommand: 'list' } },
    { label: '/trivia leaderboard', command: { name: 'trivia', subcommand: 'leaderboard' } },
    { label: '/help', command: { name: 'help' } },
  ])('$label is refused, and nothing is stored for that server', async ({ command }) => {
    const { fake } = harness;
    const elsewhere = fake.addGuildWithoutBot({ name: 'Elsewhere' });
    const channel = fake.addChannel(elsewhere.id, { name: 'lounge' });
    const member = fake.addMember(elsewhere.id, { username: 'wanderer' });

    const outcome = await fake.sendCommand({ guildId: elsewhere.id, channelId: channel.id, userId: member.id, ...command });

    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toBe(userMessages.notInServer);
    expect(await rowsAbout(elsewhere.id)).toBe(0);
  });

  it('gets no autocomplete choices', async () => {
    const { fake } = harness;
    const elsewhere = fake.addGuildWithoutBot({ name: 'Elsewhere too' });
    const channel = fake.addChannel(elsewhere.id, { name: 'lounge' });
    const member = fake.addMember(elsewhere.id, { username: 'roamer' });

    const choices = await fake.sendAutocomplete({ guildId: elsewhere.id, channelId: channel.id, userId: member.id, name: 'character', focused: 'name', options: { name: 'e' } });

    expect(choices).toEqual([]);
    expect(await rowsAbout(elsewhere.id)).toBe(0);
  });
});

describe('the handlers’ context', () => {
  it('does not carry the bot token, nor the configuration at all', () => {
    expect(Object.keys(harness.bot.context)).not.toContain('config');
    const ownValues = Object.values(harness.bot.context).filter((value) => typeof value !== 'object' && typeof value !== 'function');
    expect(JSON.stringify(ownValues)).not.toContain('test-token');
  });
});
