import { ApplicationCommandOptionType } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { userMessages } from '../../src/discord/userMessages.js';
import { startTestBot } from '../support/botHarness.js';
import type { TestBot } from '../support/botHarness.js';
import type { InteractionOutcome } from '../fakeDiscord/index.js';
import { commandShapes } from '../../src/discord/catalog/commandCatalog.js';
import type { CommandShape } from '../../src/discord/catalog/commandCatalog.js';
import { observeOutcome } from './interactionOutcomes.js';
import type { Outcome } from './interactionOutcomes.js';
import { mentionProblems } from './mentionSafety.js';
import { optionVariants } from './optionGenerators.js';
import type { OptionValue } from './optionGenerators.js';
import { stateFingerprint } from './stateFingerprint.js';

/*
 * Input a member can really send (Discord enforces the registered limits first), and input a
 * member cannot send but a stale or forged message could carry. Every case gets a friendly
 * answer, no error, and changes nothing.
 */

type Member = 'alice' | 'host' | 'admin';
const shapes = commandShapes(commands);
/** A role id no server has: a member typed it, the bot must not turn it into a ping. */
const strangerRoleId = '123456789012345678';

let harness: TestBot;

beforeAll(async () => {
  harness = await startTestBot();
  await harness.run('host', 'progress', { subcommand: 'set', options: { episode: 3 } });
});
afterAll(async () => {
  await harness.close();
});

function worldOf(bot: TestBot) {
  return { channelIds: [bot.channels.dub.id], roleIds: [bot.hostRole.id], userIds: [bot.users.bob.id] };
}

function shapeInput(shape: CommandShape, options: Record<string, OptionValue>) {
  return { ...(shape.subcommand ? { subcommand: shape.subcommand } : {}), options };
}

/** Runs an interaction and reports what the router made of it, and whether the state changed. */
async function attempt(act: () => Promise<InteractionOutcome>): Promise<{ outcome: InteractionOutcome; result: Outcome; changed: boolean }> {
  await harness.bot.router.drain(5_000);
  const before = await stateFingerprint(harness.bot.database);
  const { value: outcome, outcome: result } = await observeOutcome(harness.bot, act);
  return { outcome, result, changed: await stateFingerprint(harness.bot.database) !== before };
}

function messagesOf(outcome: InteractionOutcome) {
  return [outcome.message, ...outcome.followUps].filter((message) => message !== undefined);
}

describe('options Discord lets through, refused politely and without a change', () => {
  const longest = Number.MAX_SAFE_INTEGER;
  it.each<[string, Member, string, string | undefined, Record<string, OptionValue>, RegExp]>([
    ['an episode past the series', 'host', 'progress', 'set', { episode: 25 }, /only 24 episodes/],
    ['the largest integer Discord sends', 'host', 'progress', 'set', { episode: longest }, /episode: is too large/],
    ['a personal episode past the series', 'alice', 'progress', 'mine', { episode: 25 }, /only 24 episodes/],
    ['an episode number past the series', 'alice', 'episode', undefined, { number: 25 }, /./],
    ['a negative schedule id', 'host', 'watchparty', 'cancel', { id: -5 }, /That did not look right: id/],
    ['a schedule that does not exist', 'host', 'watchparty', 'cancel', { id: longest }, /no open watch party/],
    ['6,000 characters where the command sets no limit', 'admin', 'party', 'remove', { name: 'x'.repeat(6000) }, /at most 100 characters/],
    ['a party name with a zero-width space', 'admin', 'party', 'create', { name: 'Dub\u200Bcrew', channel: 'dub' }, /control or invisible/],
    ['a party name with a control character', 'admin', 'party', 'create', { name: 'Dub\u0007crew', channel: 'dub' }, /control or invisible/],
    ['a party name with markdown', 'admin', 'party', 'create', { name: '**Dub** crew', channel: 'dub' }, /must not contain @/],
    ['a title with @everyone', 'host', 'watchparty', 'schedule', { start: 'tomorrow 20:00', title: '@everyone night' }, /must not contain @/],
    ['a title with a role mention', 'host', 'watchparty', 'schedule', { start: 'tomorrow 20:00', title: `<@&${strangerRoleId}>` }, /must not contain @/],
    ['a start that is a mention', 'host', 'watchparty', 'schedule', { start: `@everyone <@&${strangerRoleId}>` }, /./],
    ['a search of only invisible characters', 'alice', 'search', undefined, { query: '\u200B\u0000\u200D' }, /query: must not be empty/],
    ['a time zone that does not exist', 'admin', 'settings', undefined, { timezone: 'Mars/Olympus_Mons' }, /know the time zone/],
    ['reminder times that are a mention', 'admin', 'settings', undefined, { reminders: '@everyone' }, /./],
  ])('%s', async (_, member, name, subcommand, rawOptions, expected) => {
    const options = Object.fromEntries(
      Object.entries(rawOptions).map(([option, value]) => [option, value === 'dub' ? harness.channels.dub.id : value]),
    );
    const { outcome, result, changed } = await attempt(() => harness.run(member, name, { ...(subcommand ? { subcommand } : {}), options }));
    expect(result).not.toBe('error');
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toMatch(expected);
    expect(changed).toBe(false);
    for (const message of messagesOf(outcome)) expect(mentionProblems(message, [harness.hostRole.id])).toEqual([]);
  });
});

describe('mentions and markdown typed into any text option never ping', () => {
  const injection = `@everyone @here <@&${strangerRoleId}> **loud** ||hidden||`;
  const textOptions = shapes.flatMap((shape) =>
    shape.options
      .filter((option) => option.type === ApplicationCommandOptionType.String && !option.choices)
      .map((option) => [`/${shape.key} ${option.name}`, shape, option.name, option.max_length ?? 6000] as const),
  );

  it.each(textOptions)('%s', async (_, shape, optionName, maximumLength) => {
    const [first = {}] = optionVariants(shape, worldOf(harness), 1);
    const options = { ...first, [optionName]: injection.slice(0, maximumLength) };
    const { outcome, result } = await attempt(() => harness.run('admin', shape.name, shapeInput(shape, options)));
    expect(result).not.toBe('error');
    for (const message of messagesOf(outcome)) expect(mentionProblems(message, [harness.hostRole.id])).toEqual([]);
  });
});

describe('search takes full-text query syntax as plain words', () => {
  it.each(['"', '"mask', '*', 'mask*', 'NEAR(mask james)', 'mask OR james', 'mask AND NOT', '-mask', '^mask', 'text:mask', '(', "'; DROP TABLE parties; --", '%', '\\'])(
    '%s',
    async (query) => {
      const { outcome, result, changed } = await attempt(() => harness.run('alice', 'search', { options: { query } }));
      expect(result).toBe('ok');
      expect(harness.text(outcome)).toMatch(/Search results|Nothing matches/);
      expect(changed).toBe(false);
    },
  );
});

describe('buttons a member could not have been given', () => {
  let messageId: string;
  const general = () => harness.channels.general.id;

  beforeAll(async () => {
    const outcome = await harness.run('alice', 'help');
    messageId = outcome.message!.id;
  });

  /** What an old version of the bot, or a tampered client, could leave on a message. */
  function carry(customId: string): void {
    const message = harness.fake.message(general(), messageId)!;
    message.components = [{ type: 1, components: [{ type: 2, style: 1, label: 'Press', custom_id: customId }] }];
  }

  it.each<[string, Member, string, RegExp]>([
    ['an unknown component', 'alice', 'no-such-thing:1', /no longer active/],
    ['an empty id', 'alice', ':', /no longer active/],
    ['separators only', 'alice', ':::::', /no longer active/],
    ['the longest id Discord allows', 'alice', `page:${'x'.repeat(95)}`, /no longer active/],
    ['a page of a view that does not exist', 'alice', 'page:nothing:1:x', /no longer active/],
    ['page 0', 'alice', 'page:series:0', /no longer active/],
    ['a page past the last', 'alice', 'page:series:999', /./],
    ['a negative page', 'alice', 'page:series:-1', /no longer active/],
    ['a search page with an empty query', 'alice', 'page:search:1:', /no longer active/],
    ['a character id that is not one', 'alice', 'page:character:1:../../etc:all', /no longer active/],
    ['an RSVP with an unknown answer', 'alice', 'rsvp:1:0:60:yes', /no longer active/],
    ['an RSVP for a schedule that does not exist', 'alice', 'rsvp:999999:0:60:going', /cancelled/],
    ['a finished button with letters', 'admin', 'finished:a:b:c', /no longer active/],
    ['a finished button past the series', 'admin', 'finished:1:0:999', /no longer exists/],
    ['a trivia answer for no quiz', 'alice', 'trivia-answer:no-quiz:0:0', /./],
    ['a trivia answer with a huge option', 'alice', 'trivia-answer:no-quiz:0:99999', /no longer active/],
  ])('%s', async (_, member, customId, expected) => {
    carry(customId);
    const { outcome, result, changed } = await attempt(() => harness.click(member, messageId, customId));
    expect(result).not.toBe('error');
    expect(outcome.ephemeral).toBe(true);
    expect(harness.text(outcome)).toMatch(expected);
    expect(changed).toBe(false);
  });

  it('a crafted page of a character not revealed yet answers exactly like one that does not exist', async () => {
    const hidden = harness.series().database.prepare('SELECT id FROM kb.entities WHERE revealed_in > 3 LIMIT 1').pluck().get() as string;
    const answers: string[] = [];
    for (const entityId of [hidden, 'nobody-at-all']) {
      carry(`page:character:1:${entityId}:all`);
      const { outcome } = await attempt(() => harness.click('alice', messageId, `page:character:1:${entityId}:all`));
      answers.push(harness.text(outcome));
    }
    expect(answers[0]).toBe(answers[1]);
  });
});

describe('where the bot has no server to work in', () => {
  it.each(shapes.map((shape) => [shape.key, shape] as const))('/%s in a direct message asks for a server', async (_, shape) => {
    const directMessage = harness.fake.directMessageChannel(harness.users.alice.id);
    const [options = {}] = optionVariants(shape, worldOf(harness), 1);
    const { outcome, result } = await attempt(() =>
      harness.fake.sendCommand({ channelId: directMessage.id, userId: harness.users.alice.id, name: shape.name, ...shapeInput(shape, options) }),
    );
    expect(result).toBe('refused');
    expect(harness.text(outcome)).toBe(userMessages.serverOnly);
  });

  it.each(shapes.filter((shape) => shape.options.some((option) => option.autocomplete)).map((shape) => [shape.key, shape] as const))(
    '/%s autocomplete in a direct message offers nothing',
    async (_, shape) => {
      const directMessage = harness.fake.directMessageChannel(harness.users.alice.id);
      const focused = shape.options.find((option) => option.autocomplete)!;
      const choices = await harness.fake.sendAutocomplete({
        channelId: directMessage.id,
        userId: harness.users.alice.id,
        name: shape.name,
        ...(shape.subcommand ? { subcommand: shape.subcommand } : {}),
        focused: focused.name,
        options: { [focused.name]: '' },
      });
      expect(choices).toEqual([]);
    },
  );

  it('a button in a direct message asks for a server', async () => {
    // The bot posts no buttons in direct messages; this one is moved there, as a tampered client could claim.
    const directMessage = harness.fake.directMessageChannel(harness.users.alice.id);
    const posted = (await harness.run('alice', 'series')).message!;
    const message = harness.fake.message(harness.channels.general.id, posted.id)!;
    message.channelId = directMessage.id;
    message.guildId = null;
    message.components = [{ type: 1, components: [{ type: 2, style: 1, label: 'Next', custom_id: 'page:series:2' }] }];
    const { outcome, result, changed } = await attempt(() =>
      harness.fake.clickButton({ channelId: directMessage.id, userId: harness.users.alice.id, messageId: message.id, customId: 'page:series:2' }),
    );
    expect(result).toBe('refused');
    expect(harness.text(outcome)).toBe(userMessages.serverOnly);
    expect(changed).toBe(false);
  });

  it.each(shapes.map((shape) => [shape.key, shape] as const))('/%s in a server the bot has never seen before answers', async (_, shape) => {
    const guild = harness.fake.addGuild({ name: `New server for ${shape.key}` });
    const channel = harness.fake.addChannel(guild.id, { name: 'general' });
    const [options = {}] = optionVariants(shape, { channelIds: [channel.id], roleIds: [], userIds: [guild.ownerId] }, 1);
    const roleless = Object.fromEntries(Object.entries(options).filter(([name]) => !shape.options.some((option) => option.name === name && option.type === ApplicationCommandOptionType.Role)));
    const { outcome, result } = await attempt(() =>
      harness.fake.sendCommand({ guildId: guild.id, channelId: channel.id, userId: guild.ownerId, name: shape.name, ...shapeInput(shape, roleless) }),
    );
    expect(result).not.toBe('error');
    expect(harness.text(outcome)).not.toBe('');
  });
});
