import { ButtonStyle, ComponentType, Events, MessageFlags } from 'discord.js';
import type { Client, Interaction } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeDiscord } from '../../test/fakeDiscord/index.js';
import type { FakeDiscord } from '../../test/fakeDiscord/index.js';
import { connectClient } from '../../test/fakeDiscord/testClient.js';
import { answerInteraction, updateComponentMessage } from './interactionAnswer.js';
import type { Reply } from './reply.js';

const joinButton: Reply['components'] = [
  { type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, custom_id: 'join', label: 'Join', style: ButtonStyle.Primary }] },
];

/** What the test bot answers, through answerInteraction in each state an interaction can be in. */
async function answer(interaction: Interaction): Promise<void> {
  if (interaction.isButton()) return updateComponentMessage(interaction, { content: 'joined', components: [] });
  if (!interaction.isChatInputCommand()) return;
  if (interaction.commandName === 'first') {
    await answerInteraction(interaction, {
      content: 'Add it',
      embeds: [{ title: 'Saturday' }],
      files: [{ name: 'party.ics', data: 'BEGIN:VCALENDAR', description: 'The watch party' }],
      ephemeral: true,
    });
  } else if (interaction.commandName === 'deferred') {
    await interaction.deferReply();
    await answerInteraction(interaction, { content: 'done', components: joinButton, ephemeral: true });
  } else if (interaction.commandName === 'twice') {
    await answerInteraction(interaction, { content: 'first', pingRoleIds: ['300000000000000001'] });
    await answerInteraction(interaction, { content: 'second', ephemeral: true });
  }
}

describe('answering an interaction through Discord’s REST API', () => {
  let fake: FakeDiscord;
  let client: Client<true>;
  const scene = { channelId: '', userId: '' };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    const guild = fake.addGuild({ name: 'Watch Club' });
    scene.channelId = fake.addChannel(guild.id, { name: 'episodes' }).id;
    scene.userId = fake.addMember(guild.id, { username: 'kaori' }).id;
    client = await connectClient(fake);
    client.on(Events.InteractionCreate, (interaction) => void answer(interaction));
    await client.application.commands.set(['first', 'deferred', 'twice'].map((name) => ({ name, description: name })));
  });

  afterAll(async () => {
    await client.destroy();
    await fake.close();
  });

  it('sends a first answer with its embeds, files and flags, pinging nobody', async () => {
    const outcome = await fake.sendCommand({ ...scene, name: 'first' });
    expect(outcome).toMatchObject({ callbackType: 4, ephemeral: true });
    expect(outcome.message).toMatchObject({ content: 'Add it', embeds: [expect.objectContaining({ title: 'Saturday' })] });
    expect(outcome.message?.attachments.map((attachment) => [attachment.filename, attachment.data.toString()])).toEqual([['party.ics', 'BEGIN:VCALENDAR']]);
    expect(outcome.raw[0]?.body).toMatchObject({ data: { allowed_mentions: { parse: [], roles: [], replied_user: false } } });
  });

  it('edits the deferred answer, which keeps the visibility it was deferred with', async () => {
    const outcome = await fake.sendCommand({ ...scene, name: 'deferred' });
    expect(outcome).toMatchObject({ callbackType: 5, deferred: true, ephemeral: false });
    expect(outcome.message).toMatchObject({ content: 'done', components: joinButton });
    expect(outcome.message?.flags ?? 0).not.toBe(MessageFlags.Ephemeral);
  });

  it('follows an answer up, pinging only the roles the reply names', async () => {
    const outcome = await fake.sendCommand({ ...scene, name: 'twice' });
    await expect.poll(() => outcome.followUps.length).toBe(1);
    expect(outcome.message?.content).toBe('first');
    expect(outcome.raw[0]?.body).toMatchObject({ data: { allowed_mentions: { roles: ['300000000000000001'] } } });
    expect(outcome.followUps[0]).toMatchObject({ content: 'second', ephemeral: true });
  });

  it('replaces the message a button sits on', async () => {
    const messageId = (await fake.sendCommand({ ...scene, name: 'deferred' })).message?.id ?? '';
    const clicked = await fake.clickButton({ ...scene, messageId, customId: 'join' });
    expect(clicked.callbackType).toBe(7);
    expect(fake.message(scene.channelId, messageId)).toMatchObject({ content: 'joined', components: [] });
  });
});
