import { ApplicationCommandOptionType as OptionType } from 'discord.js';
import type { OptionDefinition } from '../test/fakeDiscord/commandOptions.js';
import type { ParsedCommand } from './parseCommandLine.js';

export interface CommandDefinition {
  name: string;
  options?: OptionDefinition[];
}

export interface CheckedCommand {
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  options: Record<string, string | number | boolean>;
}

/** Finds a channel, role or member by the name typed (`#dub`, `@Hosts`, `@alice`): its id, or why not. */
export type NameLookup = (kind: 'channel' | 'role' | 'user', typed: string) => { id: string } | { problem: string };

type Checked<Value> = { ok: true; value: Value } | { ok: false; problem: string };

const list = (names: readonly string[]) => names.join(', ');

/** Every option name a command takes, in any of its subcommands: what the parser splits values on. */
export function optionNames(definition: CommandDefinition): Set<string> {
  const names = new Set<string>();
  const visit = (options: readonly OptionDefinition[] = []) => {
    for (const option of options) {
      if (option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup) visit(option.options);
      else names.add(option.name);
    }
  };
  visit(definition.options);
  return names;
}

function typedValue(option: OptionDefinition, raw: string, lookup: NameLookup): Checked<string | number | boolean> {
  const choice = option.choices?.find((candidate) => candidate.name.toLowerCase() === raw.toLowerCase() || String(candidate.value) === raw);
  if (option.choices && !choice) return { ok: false, problem: `${option.name}: pick one of ${list(option.choices.map((candidate) => candidate.name))}` };
  if (choice) return { ok: true, value: choice.value };
  if (option.type === OptionType.Boolean) {
    return /^(true|false)$/i.test(raw) ? { ok: true, value: raw.toLowerCase() === 'true' } : { ok: false, problem: `${option.name}: write true or false` };
  }
  if (option.type === OptionType.Integer || option.type === OptionType.Number) {
    const value = Number(raw);
    if (raw === '' || !Number.isFinite(value) || (option.type === OptionType.Integer && !Number.isInteger(value))) {
      return { ok: false, problem: `${option.name}: write a ${option.type === OptionType.Integer ? 'whole ' : ''}number` };
    }
    if (option.min_value !== undefined && value < option.min_value) return { ok: false, problem: `${option.name}: the smallest is ${option.min_value}` };
    if (option.max_value !== undefined && value > option.max_value) return { ok: false, problem: `${option.name}: the largest is ${option.max_value}` };
    return { ok: true, value };
  }
  const kind = ({ [OptionType.Channel]: 'channel', [OptionType.Role]: 'role', [OptionType.User]: 'user' } as const)[option.type as 7 | 8 | 6];
  if (kind) {
    const found = lookup(kind, raw);
    return 'id' in found ? { ok: true, value: found.id } : { ok: false, problem: `${option.name}: ${found.problem}` };
  }
  if (option.max_length !== undefined && raw.length > option.max_length) return { ok: false, problem: `${option.name}: at most ${option.max_length} characters` };
  return { ok: true, value: raw };
}

/**
 * What Discord's own client does before it sends a slash command: it knows the registered commands, offers
 * only their subcommands and options, insists on required ones and checks numbers and choices. So a typo in
 * the playground is answered the way Discord would answer it, never with the fake Discord's internals.
 */
export function checkCommand(
  parsed: ParsedCommand,
  definitions: readonly CommandDefinition[],
  lookup: NameLookup,
  /** For autocomplete: the option being typed, sent as its raw text; required options may still be missing. */
  focused?: string,
): Checked<CheckedCommand> {
  const command = definitions.find((definition) => definition.name === parsed.name);
  if (!command) return { ok: false, problem: `There is no /${parsed.name} command here. Commands: ${list(definitions.map((definition) => `/${definition.name}`).sort())}` };
  const label = [`/${command.name}`];
  const checked: CheckedCommand = { name: command.name, options: {} };
  let options = command.options ?? [];
  for (const [type, key] of [[OptionType.SubcommandGroup, 'subcommandGroup'], [OptionType.Subcommand, 'subcommand']] as const) {
    const nested = options.filter((option) => option.type === type);
    if (nested.length === 0) continue;
    const word = parsed.path[label.length - 1];
    const found = nested.find((option) => option.name === word);
    if (!found) {
      const names = list(nested.map((option) => option.name));
      return { ok: false, problem: word ? `${label.join(' ')} has no subcommand "${word}". Pick one of: ${names}` : `${label.join(' ')} needs a subcommand: ${names}` };
    }
    checked[key] = found.name;
    label.push(found.name);
    options = found.options ?? [];
  }
  const extra = parsed.path.slice(label.length - 1);
  if (extra.length > 0) return { ok: false, problem: `${label.join(' ')} does not take "${extra.join(' ')}". Write options as name:value` };
  for (const [name, raw] of Object.entries(parsed.options)) {
    const option = options.find((candidate) => candidate.name === name);
    if (!option) return { ok: false, problem: `${label.join(' ')} has no option "${name}". Its options: ${list(options.map((candidate) => candidate.name)) || 'none'}` };
    const value: Checked<string | number | boolean> = name === focused ? { ok: true, value: raw } : typedValue(option, raw, lookup);
    if (!value.ok) return value;
    checked.options[name] = value.value;
  }
  const missing = options.filter((option) => option.required && focused === undefined && !(option.name in checked.options)).map((option) => `${option.name}:`);
  if (missing.length > 0) return { ok: false, problem: `${label.join(' ')} needs ${list(missing)}` };
  return { ok: true, value: checked };
}
