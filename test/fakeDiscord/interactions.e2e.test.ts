import { ActionRowBuilder, ButtonBuilder, ButtonStyle, DiscordAPIError, Events, MessageFlags, ModalBuilder, StringSelectMenuBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { ChatInputCommandInteraction, Client, Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from './fakeDiscord.js';
import type { FakeDiscord } from './fakeDiscord.js';
import { connectClient } from './testClient.js';
import type { FakeChannel, FakeGuild, FakeUser } from './types.js';

const COMMANDS = [
  { name: 'ping', description: 'Answers pong' },
  { name: 'slow', description: 'Defers, then edits' },
  { name: 'secret', description: 'Answers only to you' },
  { name: 'twice', description: 'Replies, then follows up' },
  { name: 'panel', description: 'Shows a button and a menu' },
  { name: 'fetched', description: 'Replies with the response fetched' },
  { name: 'think', description: 'Defers privately, then follows up' },
  { name: 'form', description: 'Opens a modal' },
  { name: 'double', description: 'Replies twice' },
  { name: 'calendar', description: 'Replies with a file' },
  { name: 'search', description: 'Autocompletes', options: [{ name: 'query', description: 'What to find', type: 3, required: true, autocomplete: true }] },
  {
    name: 'greet',
    description: 'Greets someone',
    options: [
      { name: 'who', description: 'Whom', type: 6, required: true },
      { name: 'times', description: 'How often', type: 4, min_value: 1, max_value: 3 },
    ],
  },
  {
    name: 'watch',
    description: 'Watch parties',
    options: [{ name: 'start', description: 'Start one', type: 1, options: [{ name: 'episode', description: 'Which', type: 4, required: true }] }],
  },
];

const VIEWER_ID = '200000000000000001';
const SERIES = ['Hero Mask', 'Heroes Return', 'Mask Off'];

/** What the test bot does for each command: enough variety to exercise every callback type. */
const COMMAND_HANDLERS: Record<string, (interaction: ChatInputCommandInteraction) => Promise<unknown>> = {
  ping: (interaction) => interaction.reply('pong'),
  slow: async (interaction) => {
    await interaction.deferReply();
    // Answered on a later turn of the event loop, as slow work would.
    await new Promise((resolve) => setImmediate(resolve));
    return interaction.editReply({ content: 'done', embeds: [{ title: 'Result', description: 'All good' }] });
  },
  secret: (interaction) => interaction.reply({ content: 'only you', flags: MessageFlags.Ephemeral }),
  twice: async (interaction) => {
    await interaction.reply('first');
    return interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
  },
  panel: (interaction) =>
    interaction.reply({
      content: 'Choose',
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId('join').setLabel('Join').setStyle(ButtonStyle.Primary),
          new ButtonBuilder().setCustomId('refresh').setLabel('Refresh').setStyle(ButtonStyle.Secondary),
        ),
        new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
          new StringSelectMenuBuilder().setCustomId('episodes').setMaxValues(2).addOptions({ label: 'One', value: '1' }, { label: 'Two', value: '2' }, { label: 'Three', value: '3' }),
        ),
      ],
    }),
  fetched: async (interaction) => {
    const response = await interaction.reply({ content: 'with response', withResponse: true });
    return interaction.followUp(`reply id ${response.resource?.message?.id ?? 'missing'}`);
  },
  think: async (interaction) => {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    return interaction.followUp('thought it through');
  },
  form: (interaction) =>
    interaction.showModal(
      new ModalBuilder()
        .setCustomId('feedback')
        .setTitle('Feedback')
        .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(new TextInputBuilder().setCustomId('opinion').setLabel('Opinion').setStyle(TextInputStyle.Short))),
    ),
  double: async (interaction) => {
    await interaction.reply('once');
    // Bypass discord.js's own guard to see what Discord answers to a second callback.
    await interaction.client.rest
      .post(`/interactions/${interaction.id}/${interaction.token}/callback`, { body: { type: 4, data: { content: 'twice' } }, auth: false })
      .catch((error: unknown) => interaction.followUp(`second callback refused: ${error instanceof DiscordAPIError ? error.code : String(error)}`));
  },
  calendar: (interaction) => interaction.reply({ content: 'Add it', files: [{ attachment: Buffer.from('BEGIN:VCALENDAR'), name: 'party.ics' }] }),
  greet: (interaction) => interaction.reply(`hello ${interaction.options.getUser('who', true).username} x${interaction.options.getInteger('times') ?? 1}`),
  watch: (interaction) => interaction.reply(`${interaction.options.getSubcommand()} episode ${interaction.options.getInteger('episode', true)}`),
};

async function answer(interaction: Interaction): Promise<unknown> {
  if (interaction.isChatInputCommand()) return COMMAND_HANDLERS[interaction.commandName]?.(interaction);
  if (interaction.isAutocomplete()) {
    const typed = interaction.options.getFocused().toLowerCase();
    return interaction.respond(SERIES.filter((name) => name.toLowerCase().includes(typed)).map((name) => ({ name, value: name })));
  }
  if (interaction.isButton() && interaction.customId === 'refresh') {
    await interaction.deferUpdate();
    return interaction.editReply({ content: 'refreshed' });
  }
  if (interaction.isButton()) return interaction.update({ content: `${interaction.user.username} joined`, components: [] });
  if (interaction.isModalSubmit()) return interaction.reply(`thanks for "${interaction.fields.getTextInputValue('opinion')}"`);
  if (interaction.isStringSelectMenu()) return interaction.update({ content: `picked ${interaction.values.join(',')}` });
  return undefined;
}

describe('interactions through the fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  let guild: FakeGuild;
  let channel: FakeChannel;
  let viewer: FakeUser;
  const scene = () => ({ channelId: channel.id, userId: viewer.id });

  beforeAll(async () => {
    fake = await startFakeDiscord();
    guild = fake.addGuild({ name: 'Watch Club' });
    channel = fake.addChannel(guild.id, { name: 'episodes' });
    viewer = fake.addMember(guild.id, { id: VIEWER_ID, username: 'kaori' });
    client = await connectClient(fake);
    client.on(Events.InteractionCreate, (interaction) => void answer(interaction));
    await client.application.commands.set(COMMANDS);
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('registers the commands the bot sends with PUT', () => {
    expect(fake.registeredCommands().map((command) => command['name'])).toEqual(COMMANDS.map((command) => command.name));
    expect(fake.requests.some((request) => request.method === 'PUT' && request.path === `/applications/${fake.applicationId}/commands`)).toBe(true);
  });

  it('delivers a slash command and records the "pong" reply', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'ping' });

    expect(outcome).toMatchObject({ callbackType: 4, ephemeral: false, deferred: false });
    expect(outcome.message?.content).toBe('pong');
    expect(outcome.raw.map((request) => `${request.method} ${request.path.split('/')[1]}`)).toEqual(['POST interactions']);
    expect(fake.channelMessages(channel.id).at(-1)?.id).toBe(outcome.message?.id);
  });

  it('waits for the edit after a deferred reply', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'slow' });

    expect(outcome).toMatchObject({ callbackType: 5, deferred: true });
    expect(outcome.message?.content).toBe('done');
    expect(outcome.message?.embeds).toEqual([expect.objectContaining({ title: 'Result', description: 'All good' })]);
    expect(outcome.raw.map((request) => request.method + ' ' + request.path.replace(/\/\d+\/[^/]+/, '/:app/:token'))).toEqual([
      'POST /interactions/:app/:token/callback',
      'PATCH /webhooks/:app/:token/messages/@original',
    ]);
  });

  it('keeps ephemeral replies out of the channel', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'secret' });

    expect(outcome).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(outcome.message?.content).toBe('only you');
    expect(fake.channelMessages(channel.id).map((message) => message.id)).not.toContain(outcome.message?.id);
  });

  it('keeps files attached to an interaction reply', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'calendar' });

    expect(outcome.message?.attachments.map((attachment) => [attachment.filename, attachment.data.toString()])).toEqual([['party.ics', 'BEGIN:VCALENDAR']]);
  });

  it('collects follow-ups', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'twice' });
    await expect.poll(() => outcome.followUps.length).toBe(1);

    expect(outcome.message?.content).toBe('first');
    expect(outcome.followUps[0]).toMatchObject({ content: 'second', ephemeral: true });
  });

  it('answers with_response callbacks with the created message', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'fetched' });
    await expect.poll(() => outcome.followUps.length).toBe(1);

    expect(outcome.raw[0]?.query).toEqual({ with_response: 'true' });
    expect(outcome.followUps[0]?.content).toBe(`reply id ${outcome.message?.id}`);
  });

  it('sends options checked against the registered command, with resolved users', async () => {
    const greeted = await fake.sendCommand({ ...scene(), name: 'greet', options: { who: viewer.id, times: 2 } });
    const started = await fake.sendCommand({ ...scene(), name: 'watch', subcommand: 'start', options: { episode: 3 } });

    expect(greeted.message?.content).toBe('hello kaori x2');
    expect(started.message?.content).toBe('start episode 3');
  });

  it.each<{ input: { name: string; subcommand?: string; options?: Record<string, string | number> }; problem: string }>([
    { input: { name: 'unknown' }, problem: '/unknown is not registered' },
    { input: { name: 'greet', options: {} }, problem: "required option 'who' is missing" },
    { input: { name: 'greet', options: { who: '1' } }, problem: 'refers to unknown id 1' },
    { input: { name: 'greet', options: { who: VIEWER_ID, times: 9 } }, problem: "option 'times' must be at most 3" },
    { input: { name: 'greet', options: { whom: VIEWER_ID } }, problem: 'unknown option(s) whom' },
    { input: { name: 'watch' }, problem: 'needs one of start' },
  ])('refuses to send what Discord would not: $problem', async ({ input, problem }) => {
    await expect(fake.sendCommand({ ...scene(), ...input })).rejects.toThrow(problem);
  });

  it('delivers autocomplete and returns the choices', async () => {
    const choices = await fake.sendAutocomplete({ ...scene(), name: 'search', options: { query: 'hero' }, focused: 'query' });

    expect(choices).toEqual([
      { name: 'Hero Mask', value: 'Hero Mask' },
      { name: 'Heroes Return', value: 'Heroes Return' },
    ]);
  });

  it('delivers a button click and records the updated message', async () => {
    const panel = await fake.sendCommand({ ...scene(), name: 'panel' });
    const messageId = panel.message?.id ?? '';

    const clicked = await fake.clickButton({ ...scene(), messageId, customId: 'join' });

    expect(clicked.callbackType).toBe(7);
    expect(clicked.message?.id).toBe(messageId);
    expect(fake.message(channel.id, messageId)).toMatchObject({ content: 'kaori joined', components: [] });
  });

  it('waits for the edit after a deferred update', async () => {
    const panel = await fake.sendCommand({ ...scene(), name: 'panel' });
    const messageId = panel.message?.id ?? '';

    const refreshed = await fake.clickButton({ ...scene(), messageId, customId: 'refresh' });

    expect(refreshed).toMatchObject({ callbackType: 6, deferred: true });
    expect(refreshed.message).toMatchObject({ id: messageId, content: 'refreshed' });
  });

  it('turns the first follow-up after a deferred reply into that reply', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'think' });

    expect(outcome).toMatchObject({ callbackType: 5, deferred: true, ephemeral: true, followUps: [] });
    expect(outcome.message).toMatchObject({ content: 'thought it through', ephemeral: true, flags: MessageFlags.Ephemeral });
  });

  it('shows a modal and delivers its submission', async () => {
    const opened = await fake.sendCommand({ ...scene(), name: 'form' });
    expect(opened.callbackType).toBe(9);
    expect(opened.modal).toMatchObject({ custom_id: 'feedback', title: 'Feedback' });

    const submitted = await fake.submitModal({ ...scene(), customId: 'feedback', fields: { opinion: 'great pacing' } });

    expect(submitted.message?.content).toBe('thanks for "great pacing"');
  });

  it('refuses a second initial callback as already acknowledged', async () => {
    const outcome = await fake.sendCommand({ ...scene(), name: 'double' });
    await expect.poll(() => outcome.followUps.length).toBe(1);

    expect(outcome.message?.content).toBe('once');
    expect(outcome.followUps[0]?.content).toBe('second callback refused: 40060');
  });

  it('delivers a select menu choice', async () => {
    const panel = await fake.sendCommand({ ...scene(), name: 'panel' });
    const messageId = panel.message?.id ?? '';

    const picked = await fake.selectMenu({ ...scene(), messageId, customId: 'episodes', values: ['1', '3'] });

    expect(picked.message?.content).toBe('picked 1,3');
    await expect(fake.selectMenu({ ...scene(), messageId, customId: 'episodes', values: ['4'] })).rejects.toThrow('does not offer 4');
    await expect(fake.clickButton({ ...scene(), messageId, customId: 'nope' })).rejects.toThrow("no button with custom_id 'nope'");
  });

  it('rejects with the requests seen when the bot never answers', async () => {
    fake.registerCommands([...COMMANDS, { name: 'ignored', description: 'Nobody answers' }]);

    await expect(fake.sendCommand({ ...scene(), name: 'ignored', timeoutMs: 200 })).rejects.toThrow(
      'interaction /ignored got no complete answer within 200 ms. Requests seen: none',
    );
  });
});
