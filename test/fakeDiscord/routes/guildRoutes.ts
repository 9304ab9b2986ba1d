import { toApiChannel, toApiGuild, toApiMember, toApiRole } from '../apiObjects.js';
import { DiscordApiError } from '../restErrors.js';
import { ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import type { RouteDependencies } from './routeDependencies.js';

/** Read-only guild lookups a bot makes: the guild, its channels and roles, one member. */
export function guildRoutes({ state }: RouteDependencies): Route[] {
  const guildOf = (context: RouteContext) => state.requireGuild(context.params['guildId'] ?? '');
  return [
    { method: 'GET', pattern: '/guilds/:guildId', handle: (context) => ok(toApiGuild(state, guildOf(context))) },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      handle: (context) => ok(guildOf(context).channelIds.map((id) => toApiChannel(state, state.requireChannel(id)))),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/roles',
      handle: (context) => ok(guildOf(context).roleIds.flatMap((id) => {
        const role = state.roles.get(id);
        return role === undefined ? [] : [toApiRole(role)];
      })),
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      handle: (context) => {
        const guild = guildOf(context);
        const userId = context.params['userId'] ?? '';
        if (!guild.members.has(userId)) throw new DiscordApiError('unknownMember');
        return ok(toApiMember(state, guild, userId));
      },
    },
  ];
}
