import type { Invocation } from '../discord/invocation.js';

export interface ReminderTarget {
  /**
   * The channel the member chose for the reminders (the `channel` option), or null for the party's channel or the
   * one the command is used in (Discord lets only members who may send messages there use commands there).
   */
  chosenChannelId: string | null;
  /** The role they will ping, if any. */
  roleId: string | null;
  /** The channel an admin bound the party to (`/party create`), where its hosts may always send reminders. */
  partyChannelId: string | null;
}

/** Whether the member may see and send messages in a channel an option named, as Discord told us with the interaction. */
function maySendIn(invocation: Invocation, channelId: string): boolean {
  return invocation.resolved?.channels[channelId]?.canSendMessages === true;
}

/**
 * Why the bot will not post or ping for this member, or null. The bot posts reminders with its own permissions, so
 * without this a host could have it post in read-only or staff channels and ping any role, every day.
 */
export function reminderTargetRefusal(invocation: Invocation, target: ReminderTarget): string | null {
  const chosen = target.chosenChannelId;
  if (chosen !== null && chosen !== target.partyChannelId && !maySendIn(invocation, chosen)) {
    return (
      `You can’t send messages in <#${chosen}> yourself, so I won’t post reminders there for you. ` +
      'Pick a channel where you can post, or leave `channel` out to use the party’s channel.'
    );
  }
  if (target.roleId === null) return null;
  // Discord's @everyone role has the server's id.
  if (target.roleId === invocation.guildId) {
    return 'I don’t ping @everyone. Pick a role for the people who watch, or leave `role` out.';
  }
  const mentionable = invocation.resolved?.roles[target.roleId]?.mentionable === true;
  if (!mentionable && invocation.actor.canMentionEveryone !== true) {
    return (
      `<@&${target.roleId}> isn’t mentionable, and you can’t ping roles that aren’t, so I won’t ping it for you. ` +
      'An admin can allow mentions for the role (Server Settings → Roles), or leave `role` out.'
    );
  }
  return null;
}
