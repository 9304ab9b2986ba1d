import { randomBytes } from 'node:crypto';
import type { InteractionType } from 'discord.js';
import { ApplicationCommandType, InteractionContextType } from 'discord.js';
import { toApiChannel, toApiMember, toApiMessage, toApiUser } from './apiObjects.js';
import { createSnowflake } from './snowflake.js';
import type { FakeDiscordState } from './state.js';
import type { StoredMessage } from './types.js';

/** Builds INTERACTION_CREATE payloads as Discord sends them for a user acting in a guild channel or a DM. */

export interface InteractionScene {
  guildId: string | null;
  channelId: string;
  userId: string;
}

export interface InteractionPayload {
  id: string;
  token: string;
  body: Record<string, unknown>;
}

/** Discord's default upload limit for unboosted guilds and DMs. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export function buildInteraction(state: FakeDiscordState, scene: InteractionScene, type: InteractionType, data: Record<string, unknown>, extra: Record<string, unknown> = {}): InteractionPayload {
  const id = createSnowflake();
  const token = `fake-interaction-token.${id}.${randomBytes(12).toString('hex')}`;
  const channel = state.requireChannel(scene.channelId);
  const user = state.requireUser(scene.userId);
  const where = scene.guildId === null ? directMessageFields(scene) : guildFields(state, scene.guildId, scene.channelId, scene.userId);
  return {
    id,
    token,
    body: {
      id,
      application_id: state.applicationId,
      type,
      token,
      version: 1,
      data,
      channel_id: channel.id,
      channel: { ...toApiChannel(state, channel), ...(scene.guildId === null ? {} : { permissions: where.permissions }) },
      locale: 'en-US',
      entitlements: [],
      attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
      ...where.fields,
      ...(scene.guildId === null ? { user: toApiUser(user) } : {}),
      ...extra,
    },
  };
}

function guildFields(state: FakeDiscordState, guildId: string, channelId: string, userId: string) {
  const guild = state.requireGuild(guildId);
  if (!guild.members.has(userId)) throw new Error(`fake Discord: user ${userId} is not a member of guild ${guildId}; addMember first`);
  // As Discord: the member's and the app's permissions in the channel of the interaction, overwrites included.
  const permissions = state.channelPermissions(channelId, userId).toString();
  return {
    permissions,
    fields: {
      guild_id: guildId,
      guild: { id: guildId, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      member: { ...toApiMember(state, guild, userId), permissions },
      // A user-installed app in a server without the bot acts with @everyone's permissions, installed by the user.
      app_permissions: (state.botIsIn(guildId) ? state.channelPermissions(channelId, state.botUser.id) : (state.roles.get(guildId)?.permissions ?? 0n)).toString(),
      authorizing_integration_owners: state.botIsIn(guildId) ? { '0': guildId } : { '1': userId },
      context: InteractionContextType.Guild,
    },
  };
}

function directMessageFields(scene: InteractionScene) {
  return {
    permissions: '0',
    fields: {
      app_permissions: '0',
      authorizing_integration_owners: { '1': scene.userId },
      context: InteractionContextType.BotDM,
    },
  };
}

export function chatInputData(command: Record<string, unknown>, options: Array<Record<string, unknown>>, resolved: unknown): Record<string, unknown> {
  return {
    id: command['id'],
    name: command['name'],
    type: ApplicationCommandType.ChatInput,
    options,
    ...(command['guild_id'] === undefined ? {} : { guild_id: command['guild_id'] }),
    ...(resolved === undefined ? {} : { resolved }),
  };
}

export function componentExtra(state: FakeDiscordState, message: StoredMessage): Record<string, unknown> {
  return { message: toApiMessage(state, message) };
}
