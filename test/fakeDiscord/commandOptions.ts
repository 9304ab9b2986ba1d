import { ApplicationCommandOptionType } from 'discord.js';
import { toApiChannel, toApiRole, toApiUser } from './apiObjects.js';
import type { FakeDiscordState } from './state.js';

/** Turns a test's `{ name: value }` options into the option tree Discord sends, checked against the registered command. */

export type OptionValue = string | number | boolean;

export interface CommandInput {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: Record<string, OptionValue>;
  /** For autocomplete: the option being typed in. Its value is sent as the raw text, and required options are not enforced. */
  focused?: string;
}

export interface OptionDefinition {
  name: string;
  type: number;
  required?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  options?: OptionDefinition[];
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  autocomplete?: boolean;
}

export interface BuiltOptions {
  options: Array<Record<string, unknown>>;
  resolved: Record<string, Record<string, unknown>> | undefined;
}

type ValueCheck = (value: OptionValue, option: OptionDefinition) => string | undefined;

const VALUE_CHECKS: Partial<Record<number, ValueCheck>> = {
  [ApplicationCommandOptionType.String]: (value, option) => {
    if (typeof value !== 'string') return 'expects a string';
    if (option.min_length !== undefined && value.length < option.min_length) return `must be at least ${option.min_length} characters`;
    if (option.max_length !== undefined && value.length > option.max_length) return `must be at most ${option.max_length} characters`;
    return undefined;
  },
  [ApplicationCommandOptionType.Integer]: (value, option) => (Number.isInteger(value) ? checkRange(value as number, option) : 'expects an integer'),
  [ApplicationCommandOptionType.Number]: (value, option) => (typeof value === 'number' ? checkRange(value, option) : 'expects a number'),
  [ApplicationCommandOptionType.Boolean]: (value) => (typeof value === 'boolean' ? undefined : 'expects a boolean'),
};

function checkRange(value: number, option: OptionDefinition): string | undefined {
  if (option.min_value !== undefined && value < option.min_value) return `must be at least ${option.min_value}`;
  if (option.max_value !== undefined && value > option.max_value) return `must be at most ${option.max_value}`;
  return undefined;
}

export function buildCommandOptions(
  state: FakeDiscordState,
  guildId: string | null,
  command: Record<string, unknown>,
  input: CommandInput,
  invokerId: string | null = null,
): BuiltOptions {
  const label = ['/' + input.name, input.subcommandGroup, input.subcommand].filter(Boolean).join(' ');
  const fail = (problem: string): never => {
    throw new Error(`fake Discord: ${label}: ${problem}`);
  };
  const resolved: Record<string, Record<string, unknown>> = {};
  let definitions = (command['options'] as OptionDefinition[] | undefined) ?? [];
  const wrap: Array<(inner: Array<Record<string, unknown>>) => Record<string, unknown>> = [];

  for (const [requested, type] of [
    [input.subcommandGroup, ApplicationCommandOptionType.SubcommandGroup],
    [input.subcommand, ApplicationCommandOptionType.Subcommand],
  ] as const) {
    const available = definitions.filter((definition) => definition.type === type).map((definition) => definition.name);
    if (requested === undefined) {
      if (available.length > 0) fail(`needs one of ${available.join(', ')}`);
      continue;
    }
    const found = definitions.find((definition) => definition.type === type && definition.name === requested);
    if (found === undefined) return fail(`'${requested}' is not one of: ${available.join(', ') || 'none'}`);
    wrap.push((inner) => ({ name: found.name, type, options: inner }));
    definitions = found.options ?? [];
  }

  const given = input.options ?? {};
  const unknown = Object.keys(given).filter((name) => !definitions.some((definition) => definition.name === name));
  if (unknown.length > 0) fail(`unknown option(s) ${unknown.join(', ')}; it takes ${definitions.map((definition) => definition.name).join(', ') || 'none'}`);
  if (input.focused !== undefined && !(input.focused in given)) fail(`the focused option '${input.focused}' needs a value (the text typed so far)`);

  const leaves = definitions.flatMap((definition): Array<Record<string, unknown>> => {
    const value = given[definition.name];
    if (value === undefined) {
      if (definition.required === true && input.focused === undefined) fail(`required option '${definition.name}' is missing`);
      return [];
    }
    if (definition.name === input.focused) {
      if (definition.autocomplete !== true) fail(`option '${definition.name}' has no autocomplete`);
      return [{ name: definition.name, type: definition.type, value: String(value), focused: true }];
    }
    const valueCheck = VALUE_CHECKS[definition.type];
    const problem = valueCheck === undefined ? resolveMention(state, guildId, definition.type, value, resolved, invokerId) : valueCheck(value, definition);
    if (problem !== undefined) fail(`option '${definition.name}' ${problem}`);
    if (definition.choices !== undefined && !definition.choices.some((choice) => choice.value === value)) {
      fail(`option '${definition.name}' must be one of the choices ${definition.choices.map((choice) => JSON.stringify(choice.value)).join(', ')}`);
    }
    return [{ name: definition.name, type: definition.type, value }];
  });

  const options = wrap.reduceRight<Array<Record<string, unknown>>>((inner, wrapper) => [wrapper(inner)], leaves);
  return { options, resolved: Object.keys(resolved).length > 0 ? resolved : undefined };
}

/** User, channel, role and mentionable options carry an id, and Discord adds the objects under `resolved`. */
function resolveMention(
  state: FakeDiscordState,
  guildId: string | null,
  type: number,
  value: OptionValue,
  resolved: Record<string, Record<string, unknown>>,
  invokerId: string | null,
): string | undefined {
  const id = String(value);
  const add = (group: string, entry: Record<string, unknown>) => {
    resolved[group] ??= {};
    resolved[group][id] = entry;
  };
  const user = state.users.get(id);
  const role = state.roles.get(id);
  const channel = state.channels.get(id);
  const addUser = () => {
    if (user === undefined) return false;
    add('users', toApiUser(user));
    const member = guildId === null ? undefined : state.guilds.get(guildId)?.members.get(id);
    if (guildId !== null && member !== undefined) {
      add('members', { roles: member.roleIds, joined_at: member.joinedAt.toISOString(), nick: member.nick, permissions: state.memberPermissions(guildId, id).toString(), flags: 0 });
    }
    return true;
  };
  const addRole = () => {
    if (role === undefined) return false;
    add('roles', toApiRole(role));
    return true;
  };
  const resolvers: Partial<Record<number, () => boolean>> = {
    [ApplicationCommandOptionType.User]: addUser,
    [ApplicationCommandOptionType.Role]: addRole,
    [ApplicationCommandOptionType.Mentionable]: () => addUser() || addRole(),
    [ApplicationCommandOptionType.Channel]: () => {
      if (channel === undefined) return false;
      // Discord sends the invoker's own permissions in the channel named by the option.
      add('channels', { ...toApiChannel(state, channel), permissions: invokerId === null ? '0' : state.channelPermissions(channel.id, invokerId).toString() });
      return true;
    },
  };
  const resolver = resolvers[type];
  if (resolver === undefined) return `has type ${type}, which the fake Discord cannot send`;
  return resolver() ? undefined : `refers to unknown id ${id}`;
}
