import type { BotContext } from '../context.js';
import { accessLevelDescriptions, mayAccess } from '../domain/permissions.js';
import type { AccessLevel } from '../domain/permissions.js';
import type { Party } from '../domain/party.js';
import type { Actor } from './invocation.js';
import { Refusal } from './refusal.js';
import { userMessages } from './userMessages.js';

interface Where {
  guildId: string;
  channelId: string;
}

/**
 * The router's checks of who may act: the level the declaration gives (`levelFor`, by "command subcommand" or
 * "button:name"), and the domain's host rule for one party. An undeclared key counts as Manage Server.
 */
export function createAccessCheck(context: BotContext, levelFor: (key: string) => AccessLevel | undefined) {
  const hostRolesOf = async (party: Party) => ({ partyHostRoleId: party.hostRoleId, serverHostRoleId: (await context.settings.get(party.guildId)).hostRoleId });
  const channelParty = (where: Where) => async () => await context.parties.forChannelOrDefault(where.guildId, where.channelId);
  /** The domain's rule, reading the party's host roles only when the rule needs them. */
  async function mayAccessParty(level: AccessLevel, actor: Actor, party: Party): Promise<boolean> {
    const roles = mayAccess(level, actor, () => ({ partyHostRoleId: null, serverHostRoleId: null })) ? null : await hostRolesOf(party);
    return roles === null || mayAccess(level, actor, () => roles);
  }

  /**
   * Refuses unless the actor's access level allows the action. Host rights are those of `partyOf()`: the party the
   * action acts on (the channel's, unless the command names another), so a host's reach ends at their own party.
   */
  async function ensureAllowed(key: string, actor: Actor, where: Where, partyOf: () => Promise<Party>): Promise<void> {
    const level = levelFor(key) ?? 'manage-server';
    if (mayAccess(level, actor, () => ({ partyHostRoleId: null, serverHostRoleId: null }))) return;
    if (level !== 'host') throw new Refusal(userMessages.notAllowed(accessLevelDescriptions[level]), 'refused');
    const party = await partyOf();
    if (await mayAccessParty(level, actor, party)) return;
    // A host here who reached for another party's session is told whose it is; anyone else gets the usual answer.
    const here = await context.parties.forChannelOrDefault(where.guildId, where.channelId);
    const elsewhere = party.id !== here.id && (await mayAccessParty(level, actor, here));
    throw new Refusal(elsewhere ? userMessages.notHostOf(party.name) : userMessages.notAllowed(accessLevelDescriptions[level]), 'refused');
  }

  return {
    channelParty,
    ensureAllowed,
    /** Host-only actions on a party named by their options are checked once the options are read. */
    checksTargetParty(key: string, targetParty: unknown): boolean {
      return targetParty !== undefined && (levelFor(key) ?? 'manage-server') === 'host';
    },
    /** Before reading the options of such an action: refuses members who host no party at all. */
    async ensureHostOfSomeParty(key: string, actor: Actor, where: Where): Promise<void> {
      for (const party of await context.parties.list(where.guildId)) {
        if (await mayAccessParty('host', actor, party)) return;
      }
      await ensureAllowed(key, actor, where, channelParty(where));
    },
  };
}
