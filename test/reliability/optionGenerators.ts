import { ApplicationCommandOptionType } from 'discord.js';
import type { Random } from '../../src/domain/trivia/index.js';
import type { CommandShape, OptionDefinition } from '../../src/discord/catalog/commandCatalog.js';

export type OptionValue = string | number | boolean;

/** What channel, role and user options can point at: things that exist in the fake server. */
export interface OptionWorld {
  channelIds: readonly string[];
  roleIds: readonly string[];
  userIds: readonly string[];
}

/** Discord's limits when a command sets none: strings up to 6,000 characters, integers within ±2^53. */
const discordStringLimit = 6_000;
const discordIntegerLimit = Number.MAX_SAFE_INTEGER;

/**
 * Text a member might type, meant to trip a careless handler: mass and role mentions, markdown,
 * control and invisible characters, SQL and full-text search syntax, scripts and emoji.
 */
export const hostileTexts: readonly string[] = [
  '@everyone',
  '@here hello',
  '<@&123456789012345678> ping',
  '<@123456789012345678>',
  '**bold** __under__ ~~strike~~ ||hidden|| `code` # heading',
  '[link](https://example.com)',
  'tab\there\nnew line',
  'nul\u0000byte\u0007bell',
  'zero\u200Bwidth\u200Djoin\uFEFF',
  'right\u202Eto left',
  '"',
  '"unbalanced',
  '*',
  'mask*',
  'NEAR(mask james)',
  'mask OR james',
  'mask AND NOT james',
  '-mask',
  '^mask',
  'text: mask',
  '(mask',
  "'; DROP TABLE parties; --",
  '%_\\',
  'ジェームズ',
  '🦸‍♂️🎭',
  'a',
  '   ',
];

/** Examples a definition's description gives ("…, e.g. Europe/London", "When: tomorrow 20:00, in 90 minutes"). */
export function examplesFromDescription(description: string): string[] {
  const match = /(?:e\.g\.|:)\s+(.+)$/.exec(description);
  if (!match?.[1]) return [];
  const list = match[1].replace(/\s*\(.*$/, '');
  return list
    .split(/,\s+|\s+or\s+/)
    .map((example) => example.trim())
    .filter((example) => example !== '');
}

/** Text longer than the option allows is cut where Discord's client stops the member typing. */
function stringValues(option: OptionDefinition): string[] {
  const minimum = option.min_length ?? 0;
  const maximum = option.max_length ?? discordStringLimit;
  const longest = 'x'.repeat(maximum);
  const mentionsAtTheLimit = '@everyone '.repeat(Math.ceil(maximum / 10)).slice(0, maximum);
  const texts = [...examplesFromDescription(option.description), ...hostileTexts, longest, mentionsAtTheLimit].map((text) => text.slice(0, maximum));
  return [...new Set(texts)].filter((text) => text.length >= minimum);
}

function numberValues(option: OptionDefinition): number[] {
  const minimum = option.min_value ?? -discordIntegerLimit;
  const maximum = option.max_value ?? discordIntegerLimit;
  const middle = Math.floor((minimum + maximum) / 2);
  const fractions = option.type === ApplicationCommandOptionType.Number ? [0.5, -0.25] : [];
  const inRange = (value: number) => value >= minimum && value <= maximum;
  return [...new Set([minimum, maximum, 0, 1, -1, 2, 12, 13, 24, 25, 100, 999, middle, ...fractions])].filter(inRange);
}

const valuesByType: Partial<Record<ApplicationCommandOptionType, (option: OptionDefinition, world: OptionWorld) => OptionValue[]>> = {
  [ApplicationCommandOptionType.String]: stringValues,
  [ApplicationCommandOptionType.Integer]: numberValues,
  [ApplicationCommandOptionType.Number]: numberValues,
  [ApplicationCommandOptionType.Boolean]: () => [true, false],
  [ApplicationCommandOptionType.Channel]: (_, world) => [...world.channelIds],
  [ApplicationCommandOptionType.Role]: (_, world) => [...world.roleIds],
  [ApplicationCommandOptionType.User]: (_, world) => [...world.userIds],
  [ApplicationCommandOptionType.Mentionable]: (_, world) => [...world.userIds, ...world.roleIds],
};

/**
 * Every value Discord would let a member send for this option, edge values first: the choices
 * when it has them, else the limits, hostile text and the description's examples, cut to what the
 * registered limits allow (Discord enforces those before the bot sees anything).
 */
export function candidateValues(option: OptionDefinition, world: OptionWorld): OptionValue[] {
  if (option.choices && option.choices.length > 0) return option.choices.map((choice) => choice.value);
  const values = valuesByType[option.type];
  if (!values) throw new Error(`no generator for option type ${option.type} (${option.name})`);
  return values(option, world);
}

function pick<T>(items: readonly T[], random: Random): T | undefined {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}

/** A random set of options for one command shape: every required option, each optional one half the time. */
export function generateOptions(shape: CommandShape, world: OptionWorld, random: Random): Record<string, OptionValue> {
  const options: Record<string, OptionValue> = {};
  for (const option of shape.options) {
    if (!option.required && random() < 0.5) continue;
    const value = pick(candidateValues(option, world), random);
    if (value !== undefined) options[option.name] = value;
  }
  return options;
}

/** Everything a member might have typed into an autocomplete box: nothing, a hostile text, or a valid value's start. */
export function typedTexts(option: OptionDefinition, world: OptionWorld): string[] {
  const valid = candidateValues(option, world).map(String);
  const starts = valid.filter((value) => value.length > 2).map((value) => value.slice(0, 3));
  return [...new Set(['', ...starts, ...valid, ...hostileTexts])].map((text) => text.slice(0, 100));
}

/**
 * One option set per shape that Discord accepts: the first candidate of every option (so the
 * smallest numbers and first choices), then each option varied alone over its candidates, up to
 * `perOption` values. Deterministic: what the spoiler sweep runs at every progress.
 */
export function optionVariants(shape: CommandShape, world: OptionWorld, perOption: number): Array<Record<string, OptionValue>> {
  const firsts = Object.fromEntries(
    shape.options.flatMap((option) => {
      const [first] = candidateValues(option, world);
      return first === undefined ? [] : [[option.name, first] as const];
    }),
  );
  const variants = [firsts];
  for (const option of shape.options) {
    if (!option.required) variants.push(Object.fromEntries(Object.entries(firsts).filter(([name]) => name !== option.name)));
    for (const value of candidateValues(option, world).slice(1, perOption)) variants.push({ ...firsts, [option.name]: value });
  }
  return variants;
}
