import { ApplicationCommandOptionType, ApplicationCommandType } from 'discord.js';
import type { FieldProblem } from './restErrors.js';

/** Discord's rules for registering application commands; a bot that breaks them cannot deploy in production. */

type Json = Record<string, unknown>;

const NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
const NESTING_TYPES = new Set<number>([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);
const CHOICE_TYPES = new Set<number>([ApplicationCommandOptionType.String, ApplicationCommandOptionType.Integer, ApplicationCommandOptionType.Number]);

export function findCommandListProblems(commands: unknown[]): FieldProblem[] {
  const problems = commands.flatMap((command, index) => findCommandProblems(asObject(command), `${index}`));
  const seen = new Set<string>();
  commands.map(asObject).forEach((command, index) => {
    const key = `${String(command['type'] ?? ApplicationCommandType.ChatInput)}:${String(command['name'])}`;
    if (seen.has(key)) problems.push({ path: `${index}.name`, message: 'Application command names must be unique' });
    seen.add(key);
  });
  const chatInputCount = commands.map(asObject).filter((command) => (command['type'] ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput).length;
  if (chatInputCount > 100) problems.push({ path: 'commands', message: 'At most 100 chat input commands.' });
  return problems;
}

export function findCommandProblems(command: Json, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const isChatInput = (command['type'] ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
  const name = String(command['name'] ?? '');
  if (!NAME_PATTERN.test(name) || (isChatInput && name !== name.toLowerCase())) problems.push({ path: `${path}.name`, message: 'Command name is invalid' });
  const description = String(command['description'] ?? '');
  if (isChatInput && (description.length < 1 || description.length > 100)) problems.push({ path: `${path}.description`, message: 'Must be between 1 and 100 in length.' });
  if (!isChatInput && description !== '') problems.push({ path: `${path}.description`, message: 'Context menu commands have no description.' });
  problems.push(...findOptionListProblems(asArray(command['options']), `${path}.options`, 0));
  problems.push(...findScopeProblems(command, path));
  return problems;
}

const CONTEXT_TYPES = new Set<unknown>([0, 1, 2]);
const INTEGRATION_TYPES = new Set<unknown>([0, 1]);

/** `contexts` (0 guild, 1 bot DM, 2 private channel), `integration_types` (0 guild install, 1 user install), `default_member_permissions`. */
function findScopeProblems(command: Json, path: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const listOf = (field: string, allowed: Set<unknown>) => {
    const value = command[field];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value) || value.length === 0 || value.some((entry) => !allowed.has(entry))) {
      problems.push({ path: `${path}.${field}`, message: `Value must be a non-empty list of ${[...allowed].join(', ')}.` });
    }
  };
  listOf('contexts', CONTEXT_TYPES);
  listOf('integration_types', INTEGRATION_TYPES);
  const permissions = command['default_member_permissions'];
  if (permissions !== undefined && permissions !== null && !(typeof permissions === 'string' && /^\d{1,20}$/.test(permissions))) {
    problems.push({ path: `${path}.default_member_permissions`, message: 'Must be a permission bit set as a string of digits.' });
  }
  return problems;
}

function findOptionListProblems(options: Json[], path: string, depth: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (options.length > 25) problems.push({ path, message: 'Must be 25 or fewer in length.' });
  const nesting = options.filter((option) => NESTING_TYPES.has(Number(option['type'])));
  if (nesting.length > 0 && nesting.length !== options.length) problems.push({ path, message: 'Subcommands cannot be mixed with other options.' });
  let optionalSeen = false;
  const names = new Set<string>();
  options.forEach((option, index) => {
    const optionPath = `${path}.${index}`;
    const type = Number(option['type']);
    const name = String(option['name'] ?? '');
    if (!NAME_PATTERN.test(name) || name !== name.toLowerCase()) problems.push({ path: `${optionPath}.name`, message: 'Option name is invalid' });
    if (names.has(name)) problems.push({ path: `${optionPath}.name`, message: 'Option names must be unique' });
    names.add(name);
    const description = String(option['description'] ?? '');
    if (description.length < 1 || description.length > 100) problems.push({ path: `${optionPath}.description`, message: 'Must be between 1 and 100 in length.' });
    if (option['required'] === true && optionalSeen) problems.push({ path: `${optionPath}.required`, message: 'Required options must be placed before non-required options' });
    if (option['required'] !== true) optionalSeen = true;
    problems.push(...findOptionShapeProblems(option, type, optionPath, depth));
  });
  return problems;
}

function findOptionShapeProblems(option: Json, type: number, path: string, depth: number): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const choices = asArray(option['choices']);
  if (choices.length > 0 && !CHOICE_TYPES.has(type)) problems.push({ path: `${path}.choices`, message: 'Only string, integer and number options have choices.' });
  if (choices.length > 25) problems.push({ path: `${path}.choices`, message: 'Must be 25 or fewer in length.' });
  if (choices.length > 0 && option['autocomplete'] === true) problems.push({ path: `${path}.autocomplete`, message: 'Autocomplete cannot be set with choices.' });
  if (type === ApplicationCommandOptionType.SubcommandGroup) {
    if (depth > 0) problems.push({ path: `${path}.type`, message: 'Subcommand groups cannot be nested.' });
    const children = asArray(option['options']);
    if (children.some((child) => Number(child['type']) !== ApplicationCommandOptionType.Subcommand)) {
      problems.push({ path: `${path}.options`, message: 'Subcommand groups hold only subcommands.' });
    }
    problems.push(...findOptionListProblems(children, `${path}.options`, depth + 1));
  } else if (type === ApplicationCommandOptionType.Subcommand) {
    const children = asArray(option['options']);
    if (children.some((child) => NESTING_TYPES.has(Number(child['type'])))) problems.push({ path: `${path}.options`, message: 'Subcommands cannot hold subcommands.' });
    problems.push(...findOptionListProblems(children, `${path}.options`, depth + 1));
  }
  return problems;
}

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null ? (value as Json) : {};
}

function asArray(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(asObject) : [];
}
