import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import type { AnySelectMenuInteraction, ButtonInteraction, CommandInteractionOption, Interaction } from 'discord.js';
import { componentKey } from './catalog/commandCatalog.js';
import { splitCustomId } from './customId.js';
import type { Actor, ResolvedOptions } from './invocation.js';
import type { MemberRolesOf } from './memberRoles.js';

const viewAndSend = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;

/** The member's role ids as Discord sent them: on the member itself in a server discord.js does not cache, else from the packet. */
function memberRoleIds(interaction: Interaction, rolesOf: MemberRolesOf): string[] {
  const { member } = interaction;
  if (!member) return [];
  if (Array.isArray(member.roles)) return [...member.roles];
  return [...(rolesOf(interaction.id) ?? [])];
}

export function readActor(interaction: Interaction, rolesOf: MemberRolesOf): Actor {
  const member = interaction.member;
  const roleIds = memberRoleIds(interaction, rolesOf);
  return {
    userId: interaction.user.id,
    displayName: member && 'displayName' in member ? member.displayName : interaction.user.username,
    canManageServer: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    roleIds,
    // In a server, Discord sends the member's permissions in the interaction's channel, overwrites included.
    canMentionEveryone: interaction.memberPermissions?.has(PermissionFlagsBits.MentionEveryone) ?? false,
    canSendMessagesHere: interaction.memberPermissions?.has(viewAndSend) ?? false,
  };
}

/** The subcommand path ("set", "group set") and the option values, flat. */
export function readOptions(data: readonly CommandInteractionOption[]): {
  subcommand: string | null;
  options: Record<string, unknown>;
} {
  const [first] = data;
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const inner = readOptions(first.options ?? []);
    return { subcommand: `${first.name} ${inner.subcommand ?? ''}`.trim(), options: inner.options };
  }
  if (first?.type === ApplicationCommandOptionType.Subcommand) {
    return { subcommand: first.name, options: readOptions(first.options ?? []).options };
  }
  const options: Record<string, unknown> = {};
  for (const option of data) options[option.name] = option.value;
  return { subcommand: null, options };
}

/**
 * The channels and roles that options name, with what Discord says about them for this member: their permissions
 * in each channel (Discord computes them, overwrites included) and whether each role is mentionable.
 */
export function readResolved(data: readonly CommandInteractionOption[]): ResolvedOptions {
  const resolved: ResolvedOptions = { channels: {}, roles: {} };
  const visit = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.options) visit(option.options);
      const channel = option.channel as { id: string; permissions?: { has(bits: bigint): boolean } | null } | null | undefined;
      if (channel) resolved.channels[channel.id] = { canSendMessages: channel.permissions?.has(viewAndSend) ?? false };
      if (option.role) resolved.roles[option.role.id] = { mentionable: option.role.mentionable };
    }
  };
  visit(data);
  return resolved;
}

export function componentValues(interaction: ButtonInteraction | AnySelectMenuInteraction): string[] {
  return interaction.isAnySelectMenu() ? [...interaction.values] : [];
}

/**
 * What an interaction is called in the permission table, logs and metrics: "progress set",
 * "character", "button:rsvp" or "menu:<name>". Known before anything runs, so a refusal is counted under it too.
 */
export function interactionName(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) {
    const { subcommand } = readOptions(interaction.options.data);
    return subcommand ? `${interaction.commandName} ${subcommand}` : interaction.commandName;
  }
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent()) {
    return componentKey({ name: splitCustomId(interaction.customId).name, kind: interaction.isButton() ? 'button' : 'menu' });
  }
  return 'unknown';
}
