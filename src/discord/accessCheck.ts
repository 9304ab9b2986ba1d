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
  const hostRolesOf = (party: Party) => ({ partyHostRoleId: party.hostRoleId, serverHostRoleId: context.settings.get(party.guildId).hostRoleId });
  const channelParty = (where: Where) => () => context.parties.forChannelOrDefault(where.guildId, where.channelId);

  /**
   * Refuses unless the actor's access level allows the action. Host rights are those of `partyOf()`: the party the
   * action acts on (the channel's, unless the command names another), so a host's reach ends at their own party.
   */
  function ensureAllowed(key: string, actor: Actor, where: Where, partyOf: () => Party): void {
    const level = levelFor(key) ?? 'manage-server';
    let party: Party | undefined;
    const allowed = mayAccess(level, actor, () => hostRolesOf((party = partyOf())));
    if (allowed) return;
    // A host here who reached for another party's session is told whose it is; anyone else gets the usual answer.
    const here = context.parties.forChannelOrDefault(where.guildId, where.channelId);
    const elsewhere = party !== undefined && party.id !== here.id && mayAccess(level, actor, () => hostRolesOf(here));
    throw new Refusal(elsewhere && party ? userMessages.notHostOf(party.name) : userMessages.notAllowed(accessLevelDescriptions[level]), 'refused');
  }

  return {
    channelParty,
    ensureAllowed,
    /** Host-only actions on a party named by their options are checked once the options are read. */
    checksTargetParty(key: string, targetParty: unknown): boolean {
      return targetParty !== undefined && (levelFor(key) ?? 'manage-server') === 'host';
    },
    /** Before reading the options of such an action: refuses members who host no party at all. */
    ensureHostOfSomeParty(key: string, actor: Actor, where: Where): void {
      const hostsOne = context.parties.list(where.guildId).some((party) => mayAccess('host', actor, () => hostRolesOf(party)));
      if (!hostsOne) ensureAllowed(key, actor, where, channelParty(where));
    },
  };
}
