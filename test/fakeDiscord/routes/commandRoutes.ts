import { ApplicationCommandType } from 'discord.js';
import { findCommandListProblems } from '../commandValidation.js';
import { DiscordApiError } from '../restErrors.js';
import { noContent, ok } from '../router.js';
import type { Route, RouteContext } from '../router.js';
import { createSnowflake } from '../snowflake.js';
import type { RouteDependencies } from './routeDependencies.js';

type Command = Record<string, unknown>;

/** Global and guild application commands: bulk overwrite (what deploy scripts use), list, create, delete. */
export function commandRoutes({ state }: RouteDependencies): Route[] {
  const scopeOf = (context: RouteContext): string => {
    if (context.params['applicationId'] !== state.applicationId) throw new DiscordApiError('unknownRoute');
    const guildId = context.params['guildId'];
    if (guildId === undefined) return '';
    state.requireGuild(guildId);
    return guildId;
  };

  /** Discord keeps a command's id when one with the same name and type is registered again. */
  const register = (scope: string, body: Command, existing: Command[]): Command => {
    const type = body['type'] ?? ApplicationCommandType.ChatInput;
    const previous = existing.find((command) => command['name'] === body['name'] && command['type'] === type);
    return {
      default_member_permissions: null,
      nsfw: false,
      options: [],
      contexts: null,
      integration_types: [0],
      description: '',
      ...body,
      id: previous?.['id'] ?? createSnowflake(),
      application_id: state.applicationId,
      version: createSnowflake(),
      type,
      ...(scope === '' ? {} : { guild_id: scope }),
    };
  };

  const assertValid = (commands: unknown[]) => {
    const problems = findCommandListProblems(commands);
    if (problems.length > 0) throw new DiscordApiError('invalidFormBody', problems);
  };

  const list = (context: RouteContext) => ok(state.commands.get(scopeOf(context)) ?? []);
  const overwrite = (context: RouteContext) => {
    const scope = scopeOf(context);
    const bodies = Array.isArray(context.body) ? (context.body as Command[]) : [];
    assertValid(bodies);
    const existing = state.commands.get(scope) ?? [];
    const registered = bodies.map((body) => register(scope, body, existing));
    state.commands.set(scope, registered);
    return ok(registered);
  };
  const create = (context: RouteContext) => {
    const scope = scopeOf(context);
    const existing = state.commands.get(scope) ?? [];
    const command = register(scope, context.body as Command, existing);
    const others = existing.filter((candidate) => candidate['id'] !== command['id']);
    assertValid([...others, command]);
    state.commands.set(scope, [...others, command]);
    return { status: others.length === existing.length ? 201 : 200, body: command };
  };
  const remove = (context: RouteContext) => {
    const scope = scopeOf(context);
    const existing = state.commands.get(scope) ?? [];
    const remaining = existing.filter((command) => command['id'] !== context.params['commandId']);
    if (remaining.length === existing.length) throw new DiscordApiError('unknownApplicationCommand');
    state.commands.set(scope, remaining);
    return noContent();
  };

  return ['/applications/:applicationId/commands', '/applications/:applicationId/guilds/:guildId/commands'].flatMap((base): Route[] => [
    { method: 'GET', pattern: base, handle: list },
    { method: 'PUT', pattern: base, handle: overwrite },
    { method: 'POST', pattern: base, handle: create },
    { method: 'DELETE', pattern: `${base}/:commandId`, handle: remove },
  ]);
}
