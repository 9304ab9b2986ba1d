import { InteractionResponseType, MessageFlags, Routes } from 'discord.js';
import type { MessageComponentInteraction, RepliableInteraction } from 'discord.js';
import { toMessageBody } from './messageBody.js';
import type { Reply } from './reply.js';

/**
 * An interaction's answer as Discord's REST API takes it, sent with the client's REST queue: discord.js's reply()
 * builds a MessagePayload (re-casing keys, resolving files, requiring its classes anew on each call), ~30 µs of
 * every answer, for a message the bot has in Discord's shape already.
 */
function answerBody(reply: Reply, options: { ephemeral: boolean }) {
  const { content, embeds, components, allowed_mentions: mentions } = toMessageBody(reply);
  const files = reply.files ?? [];
  return {
    body: {
      // Left out rather than emptied: an update without content keeps the message's text.
      ...(reply.content === undefined ? {} : { content }),
      embeds,
      components,
      allowed_mentions: { ...mentions, replied_user: false },
      ...(options.ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
      ...(files.length > 0 ? { attachments: files.map((file, index) => ({ id: index, filename: file.name, description: file.description })) } : {}),
    },
    files: files.map((file, index) => ({ key: `files[${index}]`, name: file.name, data: Buffer.from(file.data) })),
  };
}

/** The first answer, an edit of a deferred one, or a follow-up, as the interaction stands. */
export async function answerInteraction(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const { rest } = interaction.client;
  if (interaction.deferred) {
    await rest.patch(Routes.webhookMessage(interaction.applicationId, interaction.token), { ...answerBody(reply, { ephemeral: false }), auth: false });
    interaction.replied = true;
  } else if (interaction.replied) {
    await rest.post(Routes.webhook(interaction.applicationId, interaction.token), { ...answerBody(reply, { ephemeral: reply.ephemeral ?? false }), auth: false });
  } else {
    const { body, files } = answerBody(reply, { ephemeral: reply.ephemeral ?? false });
    await rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
      body: { type: InteractionResponseType.ChannelMessageWithSource, data: body },
      files,
      auth: false,
    });
    interaction.replied = true;
  }
}

/** A button's or select menu's answer that replaces the message it sits on. */
export async function updateComponentMessage(interaction: MessageComponentInteraction, reply: Reply): Promise<void> {
  const { body, files } = answerBody(reply, { ephemeral: false });
  await interaction.client.rest.post(Routes.interactionCallback(interaction.id, interaction.token), {
    body: { type: InteractionResponseType.UpdateMessage, data: body },
    files,
    auth: false,
  });
  interaction.replied = true;
}
