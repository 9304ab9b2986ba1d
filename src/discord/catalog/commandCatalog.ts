import { ApplicationCommandOptionType } from 'discord.js';
import type { RegisteredComponent, SlashCommand } from '../command.js';

/** One option of a command as Discord registers it (the JSON the definitions produce). */
export interface OptionDefinition {
  name: string;
  description: string;
  type: ApplicationCommandOptionType;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string | number }>;
  min_value?: number;
  max_value?: number;
  min_length?: number;
  max_length?: number;
  options?: OptionDefinition[];
}

/** Something a member can run: a command, or one subcommand of it, with the options it takes. */
export interface CommandShape {
  /** The permission table key: "help", "progress set", "group subcommand". */
  key: string;
  command: SlashCommand;
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  description: string;
  options: OptionDefinition[];
}

const nesting = new Set([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);

function shapesUnder(command: SlashCommand, options: OptionDefinition[], group?: OptionDefinition): CommandShape[] {
  const name = command.definition.name;
  return options.flatMap((option) => {
    if (option.type === ApplicationCommandOptionType.SubcommandGroup) return shapesUnder(command, option.options ?? [], option);
    const path = group ? [group.name, option.name] : [option.name];
    return [
      {
        key: [name, ...path].join(' '),
        command,
        name,
        ...(group ? { subcommandGroup: group.name } : {}),
        subcommand: option.name,
        description: option.description,
        options: option.options ?? [],
      },
    ];
  });
}

/**
 * Every command and subcommand a member can run, read from the registered definitions, so
 * everything built on this list (permission checks, fuzzing, the spoiler sweep) covers new
 * commands without being told about them.
 */
export function commandShapes(commands: readonly SlashCommand[]): CommandShape[] {
  return commands.flatMap((command) => {
    const options = (command.definition.options ?? []) as OptionDefinition[];
    if (options.some((option) => nesting.has(option.type))) return shapesUnder(command, options);
    const name = command.definition.name;
    return [{ key: name, command, name, description: command.definition.description, options }];
  });
}

/** The permission table key of a button ("button:<name>") or select menu ("menu:<name>"). */
export function componentKey(component: Pick<RegisteredComponent, 'name' | 'kind'>): string {
  return `${component.kind ?? 'button'}:${component.name}`;
}

/** Every key the router looks up in the permission table, in the order /help lists commands. */
export function permissionKeys(commands: readonly SlashCommand[], components: readonly RegisteredComponent[]): string[] {
  return [...commandShapes(commands).map((shape) => shape.key), ...components.map(componentKey)];
}
