import { toApiChannel, toApiUser } from '../apiObjects.js';
import { ok } from '../router.js';
import type { Route } from '../router.js';
import type { RouteDependencies } from './routeDependencies.js';

export interface GatewayInfo {
  url: () => string;
  recommendedShards: number;
}

/** Who the bot is and where its gateway is: what discord.js asks before and just after logging in. */
export function botRoutes({ state }: RouteDependencies, gateway: GatewayInfo): Route[] {
  const application = () => ({
    id: state.applicationId,
    name: state.botUser.username,
    icon: null,
    description: 'Fake application for tests',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    owner: toApiUser(state.botUser),
    team: null,
    bot: toApiUser(state.botUser),
  });
  return [
    {
      method: 'GET',
      pattern: '/gateway/bot',
      handle: () =>
        ok({
          url: gateway.url(),
          shards: gateway.recommendedShards,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 16 },
        }),
    },
    { method: 'GET', pattern: '/gateway', handle: () => ok({ url: gateway.url() }) },
    { method: 'GET', pattern: '/users/@me', handle: () => ok(toApiUser(state.botUser)) },
    { method: 'GET', pattern: '/users/:userId', handle: ({ params }) => ok(toApiUser(state.requireUser(params['userId'] ?? ''))) },
    {
      method: 'POST',
      pattern: '/users/@me/channels',
      handle: ({ body }) => {
        const recipientId = String((body as { recipient_id?: unknown } | undefined)?.recipient_id ?? '');
        state.requireUser(recipientId);
        return ok(toApiChannel(state, state.directMessageChannel(recipientId)));
      },
    },
    { method: 'GET', pattern: '/applications/@me', handle: () => ok(application()) },
    { method: 'GET', pattern: '/oauth2/applications/@me', handle: () => ok(application()) },
  ];
}
